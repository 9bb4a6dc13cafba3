// The terms of the abbreviations list, found in a text in one pass over its bytes
// (`ByteAutomaton`), for marking up the first use of each on a page.

/// The abbreviation terms of a site and the automaton that finds them.
public struct AbbreviationTerms: Sendable {
    /// The terms, one pattern each.
    let terms: [String]
    private let automaton: ByteAutomaton

    /// Builds the automaton of `terms`.
    public init<S: Sequence>(_ terms: S) where S.Element == String {
        self.terms = Set(terms).filter { !$0.isEmpty }.sorted()
        automaton = ByteAutomaton(self.terms.map { Array($0.utf8) })
    }

    /// Every occurrence of a term in `bytes`, by start, the longest first at the same start.
    /// Word boundaries are left to the caller. The work counted includes the automaton's steps.
    func occurrences(in bytes: UnsafeBufferPointer<UInt8>, work: inout Int) -> [ByteAutomaton.Occurrence] {
        var found: [ByteAutomaton.Occurrence] = []
        work += automaton.scan(bytes) { found.append($0) }
        found.sort { ($0.start, $1.end) < ($1.start, $0.end) }
        return found
    }
}
