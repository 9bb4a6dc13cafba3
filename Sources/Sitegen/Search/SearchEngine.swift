// Answers queries against a `SearchIndex`: the reference implementation of the ranking that
// `assets/search.js` runs in the browser, step for step (the tests pin it down here).
//
//   1. Each unit of the query gives each record a score: a word, the best of the scores of
//      the terms it matches: the word itself × 1; a longer term it begins × (0.5 + 0.4 ×
//      typed length / term length) × idf(all the terms it matches) / idf(that term), so that
//      `vaccin` finds `vaccination` below `vaccine`, and a rare longer word (`covidvaccines`) does
//      not outrank the word typed (`covid`); a phrase, the sum of its words' scores, if the
//      words stand together in the title, the section, the text or an alias.
//   2. Records matching more units come first (all words first); then the higher sum of
//      unit scores; then reading order.

import Foundation

/// Ranks the records of an index for a query.
public struct SearchEngine: Sendable {
    /// A ranked record.
    public struct Result: Hashable, Sendable {
        public var record: Int
        /// How many units of the query the record matches.
        public var matched: Int
        public var score: Double
    }

    public var index: SearchIndex

    /// Creates an engine over `index`.
    public init(index: SearchIndex) {
        self.index = index
    }

    /// Words shorter than this (in UTF-16 code units) match only themselves.
    public static let minimumPrefix = 2

    /// The terms a typed word matches and their weights: itself (1), and, if it is long enough,
    /// every longer term it begins (0.5 + 0.4 × its length / the term's length).
    public func expansions(of word: String, prefix: Bool = true) -> [(term: String, weight: Double)] {
        guard prefix, word.utf16.count >= Self.minimumPrefix else {
            return index.position(of: word).map { [(index.terms[$0], 1)] } ?? []
        }
        return index.positions(withPrefix: word).map { position in
            let term = index.terms[position]
            return (term, term == word ? 1 : 0.5 + 0.4 * Double(word.utf16.count) / Double(term.utf16.count))
        }
    }

    /// The records matching `query`, best first.
    public func search(_ query: String) -> [Result] {
        var matched: [Int: Int] = [:]
        var scores: [Int: Double] = [:]
        for unit in SearchQuery(query).units {
            for (record, score) in self.scores(unit) {
                matched[record, default: 0] += 1
                scores[record, default: 0] += score
            }
        }
        return scores.keys.map { Result(record: $0, matched: matched[$0]!, score: scores[$0]!) }
            .sorted { a, b in
                a.matched != b.matched ? a.matched > b.matched : a.score != b.score ? a.score > b.score : a.record < b.record
            }
    }

    /// Each matching record's score for one unit.
    func scores(_ unit: SearchQuery.Unit) -> [Int: Double] {
        switch unit {
        case .word(let word), .exact(let word):
            var best: [Int: Double] = [:]
            var isPrefix = true
            if case .exact = unit { isPrefix = false }
            let matches = expansions(of: word, prefix: isPrefix).map { ($0.term, $0.weight, postings($0.term)) }
            let union = Set(matches.flatMap { $0.2.map(\.record) }).count
            for (term, weight, list) in matches {
                let factor = term == word ? 1 : weight * Self.idf(union, of: index.records.count) / Self.idf(list.count, of: index.records.count)
                for posting in list {
                    best[posting.record] = max(best[posting.record] ?? 0, Double(posting.score) * factor)
                }
            }
            return best
        case .phrase(let words):
            var sums: [Int: Double]? = nil
            for word in words {
                var next: [Int: Double] = [:]
                for posting in postings(word) where sums == nil || sums![posting.record] != nil {
                    next[posting.record] = (sums?[posting.record] ?? 0) + Double(posting.score)
                }
                sums = next
            }
            return (sums ?? [:]).filter { contains(record: $0.key, phrase: words) }
        }
    }

    /// Inverse document frequency of a term found in `count` of `total` records (as in BM25).
    public static func idf(_ count: Int, of total: Int) -> Double {
        log(1 + (Double(total) - Double(count) + 0.5) / (Double(count) + 0.5))
    }

    private func postings(_ term: String) -> [SearchIndex.Posting] {
        index.position(of: term).map { index.postings[$0] } ?? []
    }

    /// Whether the words stand together, in order, in one field of the record.
    public func contains(record: Int, phrase: [String]) -> Bool {
        let r = index.records[record]
        let fields = [r.title, r.section ?? "", r.text] + SearchIndexFiles.extras(r)
        return fields.contains { field in
            let terms = SearchText.terms(field)
            guard terms.count >= phrase.count else { return false }
            return (0...(terms.count - phrase.count)).contains { start in
                terms[start..<(start + phrase.count)].elementsEqual(phrase)
            }
        }
    }
}
