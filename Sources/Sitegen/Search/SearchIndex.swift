// The search index as a value: the records, every term in UTF-16 order, and for each term
// the records it occurs in with a precomputed score. `SearchIndexer` builds it,
// `SearchIndexFiles` writes it for the browser, `SearchEngine` answers queries with it.

/// Records, terms and scored postings.
public struct SearchIndex: Hashable, Sendable {
    /// A record a term occurs in, and how well the term describes it (BM25F, scaled to an integer).
    public struct Posting: Hashable, Sendable {
        public var record: Int
        public var score: Int
        /// Creates a posting.
        public init(record: Int, score: Int) {
            self.record = record
            self.score = score
        }
    }

    public var records: [SearchRecord]
    /// Every term, sorted by UTF-16 code units (JavaScript's string order).
    public var terms: [String]
    /// The postings of `terms[i]`, by record number.
    public var postings: [[Posting]]

    /// Creates an index; `terms` must be in UTF-16 order, `postings` parallel to them.
    public init(records: [SearchRecord], terms: [String], postings: [[Posting]]) {
        self.records = records
        self.terms = terms
        self.postings = postings
    }

    /// The position of the first term not before `term` in UTF-16 order.
    public func lowerBound(_ term: String) -> Int {
        var low = 0, high = terms.count
        while low < high {
            let middle = (low + high) / 2
            if SearchText.utf16Less(terms[middle], term) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The position of `term`, if the index has it.
    public func position(of term: String) -> Int? {
        let index = lowerBound(term)
        return index < terms.count && terms[index] == term ? index : nil
    }

    /// The positions of the terms that start with `prefix` (by UTF-16 code units), in order.
    public func positions(withPrefix prefix: String) -> Range<Int> {
        let start = lowerBound(prefix)
        var end = start
        while end < terms.count, SearchText.hasPrefix(terms[end], prefix) { end += 1 }
        return start..<end
    }
}
