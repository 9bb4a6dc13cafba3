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
        var result = site
        let indexFiles = files.files(for: index(site.searchRecords))
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

    /// Tokenises and scores `records`.
    public func index(_ records: [SearchRecord]) -> SearchIndex {
        // Terms are numbered in order of appearance; each record counts its own.
        var termIDs: [String: Int] = [:]
        var termNames: [String] = []
        var counts: [[Int: (text: Int, boosted: Int)]] = []
        var textLengths: [Int] = [], boostedLengths: [Int] = []
        func id(_ term: String) -> Int {
            if let id = termIDs[term] { return id }
            termIDs[term] = termNames.count
            termNames.append(term)
            return termNames.count - 1
        }
        for record in records {
            var own: [Int: (text: Int, boosted: Int)] = [:]
            let text = SearchText.terms(record.text)
            let boosted = record.boosted.flatMap(SearchText.terms)
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
        var documentFrequency = [Int](repeating: 0, count: termNames.count)
        for own in counts { for term in own.keys { documentFrequency[term] += 1 } }

        var postings = [[SearchIndex.Posting]](repeating: [], count: termNames.count)
        for (record, own) in counts.enumerated() {
            let textNorm = 1 - weights.textB + weights.textB * Double(textLengths[record]) / averageText
            let boostedNorm = 1 - weights.boostedB + weights.boostedB * Double(boostedLengths[record]) / averageBoosted
            for (term, tf) in own {
                let idf = SearchEngine.idf(documentFrequency[term], of: records.count)
                let weighted = Double(tf.text) / textNorm + weights.boostedWeight * Double(tf.boosted) / boostedNorm
                let score = idf * weighted * (weights.k1 + 1) / (weighted + weights.k1)
                postings[term].append(.init(record: record, score: max(1, Int((score * weights.scale).rounded()))))
            }
        }
        let keys = termNames.map { Array($0.utf16) }
        let order = termNames.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        return SearchIndex(records: records, terms: order.map { termNames[$0] },
                           postings: order.map { postings[$0] })
    }
}
