// The index at scale: shards and chunks grow with the content once there are more than
// `maxShardFiles`/`maxChunkFiles` of the minimum size, so the number of files stays bounded;
// a small site keeps the minimum sizes byte for byte. The indexer tokenises records in
// batches on all cores; its index is the one a plain record-by-record pass gives.

import Foundation
import Testing
@testable import Sitegen

struct SearchIndexScaleTests {
    /// `count` records of a few sentences, with words shared across records and words of their own.
    static func records(_ count: Int) -> [SearchRecord] {
        let common = ["army", "soldiers", "defection", "Bünthe", "Naypyidaw", "family", "Europe’s", "couldn't", "ဦး", "the"]
        return (0..<count).map { n in
            let words = (0..<12).map { common[($0 * 7 + n * 3) % common.count] } + ["word\(n)", "w\(n % 97)", "Mix\(n % 13)ed"]
            return SearchRecord(kind: n % 5 == 0 ? .note : .chapter, title: "Title \(n % 17)", section: n % 3 == 0 ? "Part \(n % 4)" : nil,
                                url: "c\(n % 9)/#p\(n)", text: words.joined(separator: " ") + ".",
                                boosted: n % 11 == 0 ? ["Name \(n)", "Alias \(n % 7)"] : [])
        }
    }

    /// The index as the indexer built it before batching: one dictionary of terms, one record at a time.
    static func referenceIndex(_ records: [SearchRecord], weights: SearchIndexer.Weights = .init()) -> SearchIndex {
        var termIDs: [String: Int] = [:], termNames: [String] = []
        var counts: [[Int: (text: Int, boosted: Int)]] = [], textLengths: [Int] = [], boostedLengths: [Int] = []
        func id(_ term: String) -> Int {
            if let id = termIDs[term] { return id }
            termIDs[term] = termNames.count
            termNames.append(term)
            return termNames.count - 1
        }
        for record in records {
            var own: [Int: (text: Int, boosted: Int)] = [:]
            let text = SearchText.terms(record.text), boosted = record.boosted.flatMap(SearchText.terms)
            for term in text { own[id(term), default: (0, 0)].text += 1 }
            for term in boosted { own[id(term), default: (0, 0)].boosted += 1 }
            counts.append(own)
            textLengths.append(text.count)
            boostedLengths.append(boosted.count)
        }
        func average(_ lengths: [Int]) -> Double {
            let used = lengths.filter { $0 > 0 }
            return used.isEmpty ? 1 : Double(used.reduce(0, +)) / Double(used.count)
        }
        let averageText = average(textLengths), averageBoosted = average(boostedLengths)
        var df = [Int](repeating: 0, count: termNames.count)
        for own in counts { for term in own.keys { df[term] += 1 } }
        var postings = [[SearchIndex.Posting]](repeating: [], count: termNames.count)
        for (record, own) in counts.enumerated() {
            let textNorm = 1 - weights.textB + weights.textB * Double(textLengths[record]) / averageText
            let boostedNorm = 1 - weights.boostedB + weights.boostedB * Double(boostedLengths[record]) / averageBoosted
            for (term, tf) in own {
                let weighted = Double(tf.text) / textNorm + weights.boostedWeight * Double(tf.boosted) / boostedNorm
                let score = SearchEngine.idf(df[term], of: records.count) * weighted * (weights.k1 + 1) / (weighted + weights.k1)
                postings[term].append(.init(record: record, score: max(1, Int((score * weights.scale).rounded()))))
            }
        }
        let order = termNames.indices.sorted { SearchText.utf16Less(termNames[$0], termNames[$1]) }
        return SearchIndex(records: records, terms: order.map { termNames[$0] }, postings: order.map { postings[$0] })
    }

    @Test("batched indexing gives the index of a record-by-record pass", arguments: [0, 1, 7, 255, 256, 257, 1000, 3001])
    func batchesAgreeWithOneLoop(_ count: Int) {
        let records = Self.records(count)
        let index = SearchIndexer().index(records)
        let reference = Self.referenceIndex(records)
        #expect(index.terms == reference.terms)
        #expect(index.postings == reference.postings)
        if count > 256 { #expect(SearchIndexer.batches(count).count > 1) }
    }

    @Test(arguments: [0, 1, 255, 256, 257, 16_384, 16_385, 100_000])
    func batchesCoverEveryRecordOnce(_ count: Int) {
        let batches = SearchIndexer.batches(count)
        #expect(batches.flatMap { Array($0) } == Array(0..<count))
        #expect(batches.count <= 64)
    }

    @Test(arguments: [
        (0, 4096, 512, 4096), (100_000, 4096, 512, 4096), (2_097_152, 4096, 512, 4096),
        (2_097_153, 4096, 512, 4097), (23_500_000, 4096, 512, 45_899), (1000, 4096, 0, 4096),
    ])
    func targetSize(_ total: Int, _ minimum: Int, _ files: Int, _ expected: Int) {
        #expect(SearchIndexFiles.target(total: total, minimum: minimum, files: files) == expected)
    }

    /// Terms files and text files of `records` under `layout`.
    static func counts(_ records: [SearchRecord], _ layout: SearchIndexFiles) -> (terms: Int, texts: Int) {
        let paths = layout.files(for: SearchIndexer().index(records)).map(\.path)
        return (paths.filter { $0.hasPrefix("search/terms-") }.count, paths.filter { $0.hasPrefix("search/text-") }.count)
    }

    @Test func theNumberOfFilesStaysBoundedAsTheContentGrows() throws {
        var layout = SearchIndexFiles()
        layout.shardBytes = 256
        layout.chunkBytes = 256
        layout.maxShardFiles = 6
        layout.maxChunkFiles = 10
        var previous = (terms: 0, texts: 0)
        for count in [40, 400, 1600, 4000] {
            let files = Self.counts(Self.records(count), layout)
            #expect(files.terms >= 1 && files.terms <= layout.maxShardFiles, "\(count) records: \(files.terms) terms files")
            #expect(files.texts >= 1 && files.texts <= layout.maxChunkFiles, "\(count) records: \(files.texts) text files")
            previous = files
        }
        // Past the bound, the files fill it (they grow instead of multiplying).
        #expect(previous.texts >= layout.maxChunkFiles / 2 && previous.terms >= layout.maxShardFiles / 2)
    }

    @Test func aSmallSiteKeepsTheMinimumSizesByteForByte() throws {
        let records = Self.records(300)
        let index = SearchIndexer().index(records)
        var bounded = SearchIndexFiles()
        bounded.shardBytes = 400
        bounded.chunkBytes = 300
        var unbounded = bounded
        unbounded.maxShardFiles = .max
        unbounded.maxChunkFiles = .max
        let a = bounded.files(for: index), b = unbounded.files(for: index)
        #expect(a.map(\.path) == b.map(\.path))
        #expect(a.map(\.data) == b.map(\.data))
        #expect(Self.counts(records, unbounded).texts > 10, "the minimum size applies: many small files")
    }

    @Test func largerFilesStillHoldEveryTermAndTextOnceInOrder() throws {
        let records = Self.records(2000)
        let index = SearchIndexer().index(records)
        var layout = SearchIndexFiles()
        layout.maxShardFiles = 3
        layout.maxChunkFiles = 4
        let files = Dictionary(uniqueKeysWithValues: layout.files(for: index).map { ($0.path, $0.data) })
        let meta = try SearchIndexFilesTests.json(files, "search/meta.json", as: [String: Any].self)
        let shardFiles = try #require(meta["shardFiles"] as? [String]), chunkFiles = try #require(meta["chunkFiles"] as? [String])
        let starts = try #require(meta["shards"] as? [String]), chunks = try #require(meta["chunks"] as? [Int])
        #expect(shardFiles.count <= 3 && chunkFiles.count <= 4 && shardFiles.count == starts.count && chunkFiles.count == chunks.count)
        var terms: [String] = []
        for (n, name) in shardFiles.enumerated() {
            let shard = try SearchIndexFilesTests.json(files, "search/" + name, as: [String: [String]].self)
            #expect(shard["terms"]?.first == starts[n])
            terms += shard["terms"] ?? []
        }
        #expect(terms == index.terms)
        var texts = 0
        for (n, name) in chunkFiles.enumerated() {
            #expect(chunks[n] == texts)
            texts += try SearchIndexFilesTests.json(files, "search/" + name, as: [Any].self).count
        }
        #expect(texts == records.count)
    }
}
