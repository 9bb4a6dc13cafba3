// How text becomes search terms, for the index and for queries alike. `assets/search.js`
// does exactly the same, so that a word typed in the browser meets its term in the index:
//
//   word    a run of letters, digits and combining marks (Unicode L, N, M), with apostrophes
//           inside it (’ ‘ ʼ ' all count): `Europe’s`, `couldn't`, `Bünthe`, words in Brahmic scripts
//   fold    NFKD, lowercase, drop diacritical marks (U+0300–036F and the other combining
//           diacritical blocks, not the vowel signs of Brahmic scripts), ς → σ, the Latin letters NFKD
//           leaves whole to ASCII (`letterFolds`: ø → o, æ → ae, ß → ss, þ → th…), drop a final
//           `'s`, drop the other apostrophes
//
// Foundation's `folding(options: [.caseInsensitive, .diacriticInsensitive])` is not used:
// it would strip the vowel signs of Brahmic scripts, and JavaScript has no equivalent to mirror.

/// Tokenising and folding of search text.
public enum SearchText {
    /// A word of a text: its folded term and where it stands.
    public struct Token: Hashable, Sendable {
        public var term: String
        public var range: Range<String.Index>
    }

    /// The folded terms of `text`, in order. The same as `tokens(text).map(\.term)`, read from
    /// the UTF-8 bytes: words of ASCII letters and digits, most of them, are lowercased on the spot.
    public static func terms(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes -> [String] in
            var result: [String] = []
            var index = 0
            while index < bytes.count {
                let (first, firstLength) = scalar(bytes, index)
                guard isWordScalar(first) else {
                    index += firstLength
                    continue
                }
                let start = index
                var end = index + firstLength
                var plain = first.isASCII
                while end < bytes.count {
                    let (next, length) = scalar(bytes, end)
                    if isWordScalar(next) {
                        plain = plain && next.isASCII
                        end += length
                    } else if isApostrophe(next), end + length < bytes.count, isWordScalar(scalar(bytes, end + length).0) {
                        plain = false
                        end += length
                    } else {
                        break
                    }
                }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let term = plain ? String(unsafeUninitializedCapacity: word.count) { buffer in
                    for (offset, byte) in word.enumerated() { buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }
                    return word.count
                } : fold(String(decoding: word, as: UTF8.self))
                if !term.isEmpty { result.append(term) }
                index = end
            }
            return result
        }
    }

    /// The scalar at `index` of valid UTF-8 and its length in bytes.
    @inline(__always)
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        func tail(_ n: Int) -> UInt32 { UInt32(bytes[index + n]) & 0x3F }
        if lead < 0xE0 { return (Unicode.Scalar((lead & 0x1F) << 6 | tail(1))!, 2) }
        if lead < 0xF0 { return (Unicode.Scalar((lead & 0x0F) << 12 | tail(1) << 6 | tail(2))!, 3) }
        return (Unicode.Scalar((lead & 0x07) << 18 | tail(1) << 12 | tail(2) << 6 | tail(3))!, 4)
    }

    /// The words of `text` with their folded terms, in order. Words that fold to nothing are left out.
    public static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        scan(text) { scalars in
            let term = fold(String(scalars))
            if !term.isEmpty { result.append(Token(term: term, range: scalars.startIndex..<scalars.endIndex)) }
        }
        return result
    }

    /// Calls `word` with each word of `text`, in order.
    private static func scan(_ text: String, _ word: (Substring.UnicodeScalarView) -> Void) {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            guard isWordScalar(scalars[index]) else {
                index = scalars.index(after: index)
                continue
            }
            let start = index
            var end = index
            while end != scalars.endIndex {
                if isWordScalar(scalars[end]) {
                    end = scalars.index(after: end)
                } else if isApostrophe(scalars[end]), case let next = scalars.index(after: end),
                          next != scalars.endIndex, isWordScalar(scalars[next]) {
                    end = next
                } else {
                    break
                }
            }
            word(text[start..<end].unicodeScalars)
            index = end
        }
    }

    /// The folded form of one word: `Bünthe` → `bunthe`, `Ministry’s` → `ministry`.
    public static func fold(_ word: String) -> String {
        // Most words are ASCII letters and digits: lowercase them byte by byte.
        if word.utf8.allSatisfy({ $0 >= 0x30 && $0 < 0x80 && ($0 <= 0x39 || $0 >= 0x41) && ($0 <= 0x5A || $0 >= 0x61) && $0 <= 0x7A }) {
            return String(decoding: word.utf8.map { $0 <= 0x5A && $0 >= 0x41 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        var folded = String.UnicodeScalarView()
        for scalar in word.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
                continue
            case 0x03C2: folded.append("σ")
            case 0x00DF...0x0280 where letterFolds[scalar] != nil:
                folded.append(contentsOf: letterFolds[scalar]!.unicodeScalars)
            case 0x2019, 0x2018, 0x02BC: folded.append("'")
            default: folded.append(scalar)
            }
        }
        var scalars = Array(folded)
        if scalars.count >= 2, scalars[scalars.count - 2] == "'", scalars[scalars.count - 1] == "s" {
            scalars.removeLast(2)
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars.lazy.filter { $0 != "'" })
        return String(result)
    }

    /// Lowercase Latin letters that NFKD does not decompose, and their ASCII spelling (as
    /// Unicode's Latin-ASCII transliteration and Lucene's ASCII folding spell them). Capitals
    /// are lowercased before this table is read (Ø → ø → o). `assets/search.js` has the same table.
    static let letterFolds: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "ð": "d", "ø": "o", "þ": "th", "đ": "d", "ħ": "h", "ı": "i", "ł": "l", "ŋ": "n",
        "œ": "oe", "ŧ": "t", "ƀ": "b", "ƒ": "f", "ǥ": "g", "ȷ": "j", "ɖ": "d", "ɗ": "d", "ɨ": "i", "ɫ": "l",
        "ʀ": "r",
    ]

    /// Letters, digits and combining marks make words.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Apostrophes join the parts of a word: ' ’ ‘ ʼ.
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "\u{02BC}"
    }

    /// UTF-16 order, the order of JavaScript's `<` on strings: terms are sorted by it so that the
    /// browser can binary-search them.
    static func utf16Less(_ a: String, _ b: String) -> Bool {
        a.utf16.lexicographicallyPrecedes(b.utf16)
    }

    /// Whether `term` starts with `prefix`, by UTF-16 code units (JavaScript's `startsWith`).
    static func hasPrefix(_ term: String, _ prefix: String) -> Bool {
        term.utf16.starts(with: prefix.utf16)
    }
}
