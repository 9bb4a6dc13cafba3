// Stage 5: the search index. Scores every term of every record once, at build time, with
// BM25F: a record has two fields, its text and its boosted strings (title, name, aliases);
// term frequencies are normalised by each field's length, weighted, added, then saturated.
// The browser only adds up these scores, so ranking costs it nothing but look-ups.

import Foundation

/// Builds the search index of the rendered site and writes it as files under `search/`.
public struct SearchIndexer: Sendable {
    /// BM25F parameters.
    public struct Weights: Hashable, Sendable {
        /// Saturation: how quickly more occurrences stop adding.
        public var k1 = 1.2
        /// Length normalisation of the text and of the boosted field.
        public var textB = 0.5
        public var boostedB = 0.5
        /// Weight of an occurrence in the boosted field, relative to one in the text.
        public var boostedWeight = 5.0
        /// Scores are stored as integers: `round(score × scale)`, at least 1.
        public var scale = 16.0
        /// Creates the default weights.
        public init() {}
    }

    public var weights = Weights()
    /// Layout of the files (shard and chunk sizes).
    public var files = SearchIndexFiles()

    /// Creates the stage.
    public init() {}

    /// Adds the index files of `site.searchRecords` to the site, and puts the metadata and the
    /// records table into the search page's data blocks (where its template has them:
    /// `SearchIndexFiles.metaPlaceholder`, `SearchIndexFiles.recordsPlaceholder`).
    public func run(_ site: RenderedSite) -> RenderedSite {
        run(site, indexFiles: indexFiles(site.searchRecords))
    }

    /// The index files of `records`: what `run` adds to the site. Depends on the records alone,
    /// so the build makes them on another core while the pages are rendered and written.
    public func indexFiles(_ records: [SearchRecord]) -> [OutputFile] {
        files.files(for: index(records))
    }

    /// `run`, with the index files already made from the site's records.
    func run(_ site: RenderedSite, indexFiles: [OutputFile]) -> RenderedSite {
        var result = site
        if let page = result.files.firstIndex(where: { $0.path == files.folder + "index.html" }) {
            for (name, placeholder) in [(SearchIndexFiles.metaName, SearchIndexFiles.metaPlaceholder),
                                        (SearchIndexFiles.recordsName, SearchIndexFiles.recordsPlaceholder)] {
                guard let file = indexFiles.first(where: { $0.path == files.folder + name }) else { continue }
                let block = SearchIndexFiles.dataBlock(String(decoding: file.data, as: UTF8.self))
                result.files[page].data = Self.replacing(placeholder, with: block, in: result.files[page].data)
            }
        }
        result.files = (result.files + indexFiles).sorted { $0.path < $1.path }
        return result
    }

    /// `data` with the first occurrence of `marker` replaced by `replacement` (bytes, no copy of
    /// the rest as a String).
    static func replacing(_ marker: String, with replacement: String, in data: Data) -> Data {
        let needle = Data(marker.utf8)
        guard let range = data.range(of: needle) else { return data }
        var out = data
        out.replaceSubrange(range, with: Data(replacement.utf8))
        return out
    }

    /// Tokenises and scores `records`. The records are tokenised on all cores, in batches that
    /// each number their own terms; the batches' terms are then joined into one numbering (a
    /// look-up per distinct term of a batch, not per word) and the postings are scored in
    /// record order.
    public func index(_ records: [SearchRecord]) -> SearchIndex {
        let batches = Self.batches(records.count).parallelMap { range in
            TermBatch(records[range])
        }
        var termIDs: [String: Int] = [:]
        var termNames: [String] = []
        let globalIDs = batches.map { batch in
            batch.terms.map { term -> Int in
                if let id = termIDs[term] { return id }
                termIDs[term] = termNames.count
                termNames.append(term)
                return termNames.count - 1
            }
        }

        func average(_ lengths: [Int]) -> Double {
            let used = lengths.filter { $0 > 0 }
            return used.isEmpty ? 1 : Double(used.reduce(0, +)) / Double(used.count)
        }
        let averageText = average(batches.flatMap(\.textLengths))
        let averageBoosted = average(batches.flatMap(\.boostedLengths))
        var documentFrequency = [Int](repeating: 0, count: termNames.count)
        for (batch, ids) in zip(batches, globalIDs) {
            for own in batch.counts { for count in own { documentFrequency[ids[count.term]] += 1 } }
        }
        let idf = documentFrequency.map { SearchEngine.idf($0, of: records.count) }

        var postings = [[SearchIndex.Posting]](repeating: [], count: termNames.count)
        var record = 0
        for (batch, ids) in zip(batches, globalIDs) {
            for (offset, own) in batch.counts.enumerated() {
                let textNorm = 1 - weights.textB + weights.textB * Double(batch.textLengths[offset]) / averageText
                let boostedNorm = 1 - weights.boostedB + weights.boostedB * Double(batch.boostedLengths[offset]) / averageBoosted
                for count in own {
                    let term = ids[count.term]
                    let weighted = Double(count.text) / textNorm + weights.boostedWeight * Double(count.boosted) / boostedNorm
                    let score = idf[term] * weighted * (weights.k1 + 1) / (weighted + weights.k1)
                    postings[term].append(.init(record: record, score: max(1, Int((score * weights.scale).rounded()))))
                }
                record += 1
            }
        }
        let keys = termNames.map { Array($0.utf16) }
        let order = termNames.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        return SearchIndex(records: records, terms: order.map { termNames[$0] },
                           postings: order.map { postings[$0] })
    }

    /// Ranges of records tokenised together: enough batches to keep every core busy, each large
    /// enough that its own term numbering saves look-ups.
    static func batches(_ count: Int) -> [Range<Int>] {
        let size = max(256, (count + 63) / 64)
        return stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
    }
}

/// The terms of a run of records, numbered in order of appearance within the run.
struct TermBatch: Sendable {
    /// How often a term occurs in a record's text and in its boosted strings.
    struct Count: Sendable {
        var term: Int
        var text: Int32
        var boosted: Int32
    }

    /// The run's distinct terms; `Count.term` indexes this.
    var terms: [String] = []
    /// For each record, its distinct terms in order of first appearance.
    var counts: [[Count]] = []
    var textLengths: [Int] = []
    var boostedLengths: [Int] = []

    init(_ records: ArraySlice<SearchRecord>) {
        var ids: [String: Int] = [:]
        // Per term of the run: the record that last counted it, and where in that record's counts.
        var lastRecord: [Int] = [], position: [Int] = []
        counts.reserveCapacity(records.count)
        for (number, record) in records.enumerated() {
            var own: [Count] = []
            func add(_ term: String, boosted: Bool) {
                let id: Int
                if let known = ids[term] { id = known } else {
                    id = terms.count
                    ids[term] = id
                    terms.append(term)
                    lastRecord.append(-1)
                    position.append(0)
                }
                if lastRecord[id] == number {
                    if boosted { own[position[id]].boosted += 1 } else { own[position[id]].text += 1 }
                } else {
                    lastRecord[id] = number
                    position[id] = own.count
                    own.append(Count(term: id, text: boosted ? 0 : 1, boosted: boosted ? 1 : 0))
                }
            }
            let text = SearchText.terms(record.text)
            let boosted = record.boosted.flatMap(SearchText.terms)
            for term in text { add(term, boosted: false) }
            for term in boosted { add(term, boosted: true) }
            counts.append(own)
            textLengths.append(text.count)
            boostedLengths.append(boosted.count)
        }
    }
}
