// A fixed list of phrases the citation reader looks for ("Available at:", "accessed on",
// "no longer available"), indexed by first byte: at a position only the phrases that start
// with that byte are compared, in the list's order, so the list's priority (the first phrase
// that fits wins) is kept while the bytes of a note are visited once. The lists are built
// once (static), not at every call.

/// Phrases looked up by their first byte (ASCII case folded when `fold`).
struct CitePhrases: Sendable {
    let phrases: [StaticString]
    let fold: Bool
    /// For each byte, the indices (in list order) of the phrases that can start with it.
    private let buckets: [[Int]]

    init(_ phrases: [StaticString], fold: Bool = false) {
        self.phrases = phrases
        self.fold = fold
        var buckets = [[Int]](repeating: [], count: 256)
        for (index, phrase) in phrases.enumerated() where phrase.utf8CodeUnitCount > 0 {
            let first = phrase.utf8Start[0]
            buckets[Int(first)].append(index)
            if fold {
                if CiteBytes.isASCIIUpper(first) { buckets[Int(first + 32)].append(index) }
                if CiteBytes.isASCIILower(first) { buckets[Int(first - 32)].append(index) }
            }
        }
        self.buckets = buckets
    }

    /// Whether some phrase can start with `byte`.
    @inline(__always)
    func mayStart(_ byte: UInt8) -> Bool { !buckets[Int(byte)].isEmpty }

    /// The first phrase, in list order, that is at `i` and for which `accept` holds.
    @inline(__always)
    func first(_ b: [UInt8], at i: Int, where accept: (StaticString) -> Bool = { _ in true }) -> StaticString? {
        guard i >= 0, i < b.count else { return nil }
        let candidates = buckets[Int(b[i])]
        if candidates.isEmpty { return nil }
        for index in candidates where CiteBytes.has(b, i, phrases[index], fold: fold) && accept(phrases[index]) {
            return phrases[index]
        }
        return nil
    }

    /// Whether any phrase occurs anywhere in `b`.
    func occurs(in b: [UInt8]) -> Bool {
        for i in b.indices where !buckets[Int(b[i])].isEmpty && first(b, at: i) != nil { return true }
        return false
    }
}
