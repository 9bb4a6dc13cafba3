// What a reader typed, as units to match: words (which also match longer words they begin,
// as you type), exact words, and phrases in quotes. `assets/search.js` parses the same way.

/// A parsed query.
public struct SearchQuery: Hashable, Sendable {
    /// One thing the query asks for.
    public enum Unit: Hashable, Sendable {
        /// A folded word; with two or more UTF-16 code units it also matches the terms it begins.
        case word(String)
        /// A folded word in quotes: only this term.
        case exact(String)
        /// Folded words in quotes: these terms, adjacent and in this order, in one field.
        case phrase([String])
    }

    /// The units, first occurrence first, without repeats.
    public var units: [Unit]

    /// Quote marks that open or close a phrase: " “ ” „.
    static func isQuote(_ character: Character) -> Bool {
        character == "\"" || character == "\u{201C}" || character == "\u{201D}" || character == "\u{201E}"
    }

    /// Parses `text`. Text between a pair of quotes is a phrase (or an exact word); a quote
    /// still open at the end counts as not typed yet.
    public init(_ text: String) {
        let segments = text.split(omittingEmptySubsequences: false, whereSeparator: Self.isQuote)
        let quotes = segments.count - 1
        var units: [Unit] = []
        for (index, segment) in segments.enumerated() {
            let terms = SearchText.terms(String(segment))
            let quoted = index % 2 == 1 && !(quotes % 2 == 1 && index == quotes)
            let new: [Unit] = !quoted ? terms.map(Unit.word) : terms.count == 1 ? [.exact(terms[0])] : terms.isEmpty ? [] : [.phrase(terms)]
            for unit in new where !units.contains(unit) { units.append(unit) }
        }
        self.units = units
    }
}
