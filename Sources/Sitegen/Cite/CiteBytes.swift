// Byte-level helpers of the citation reader: the note text is read as UTF-8 bytes, with
// ASCII tests inline and a Unicode decode only where a byte is not ASCII (letters of
// names such as "Müller" or "Ødegård").

/// Helpers over UTF-8 bytes.
enum CiteBytes {
    static let space = UInt8(ascii: " ")
    static let star = UInt8(ascii: "*")

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    @inline(__always) static func isASCIIUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
    @inline(__always) static func isASCIILower(_ c: UInt8) -> Bool { c >= 97 && c <= 122 }
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }

    /// The Unicode scalar starting at `i` and its length in bytes.
    static func scalar(_ b: [UInt8], _ i: Int) -> (Unicode.Scalar, Int) {
        let c = b[i]
        if c < 0x80 { return (Unicode.Scalar(c), 1) }
        var length = 1
        var value: UInt32
        if c >= 0xF0 { length = 4; value = UInt32(c & 0x07) } else if c >= 0xE0 { length = 3; value = UInt32(c & 0x0F) } else { length = 2; value = UInt32(c & 0x1F) }
        guard i + length <= b.count else { return (Unicode.Scalar(0xFFFD)!, 1) }
        for k in 1..<length { value = (value << 6) | UInt32(b[i + k] & 0x3F) }
        return (Unicode.Scalar(value) ?? Unicode.Scalar(0xFFFD)!, length)
    }

    /// Whether the character at `i` is an uppercase letter.
    static func isUpper(_ b: [UInt8], _ i: Int) -> Bool {
        guard i < b.count else { return false }
        if b[i] < 0x80 { return isASCIIUpper(b[i]) }
        return scalar(b, i).0.properties.isUppercase
    }

    /// Whether the character at `i` is a letter.
    static func isLetter(_ b: [UInt8], _ i: Int) -> Bool {
        guard i < b.count else { return false }
        let c = b[i]
        if c < 0x80 { return isASCIIUpper(c) || isASCIILower(c) }
        return scalar(b, i).0.properties.isAlphabetic
    }

    /// Whether the character at `i` is a lowercase letter.
    static func isLower(_ b: [UInt8], _ i: Int) -> Bool {
        guard i < b.count else { return false }
        if b[i] < 0x80 { return isASCIILower(b[i]) }
        return scalar(b, i).0.properties.isLowercase
    }

    /// Whether `literal` is at `i` (ASCII case folded when `fold`).
    static func has(_ b: [UInt8], _ i: Int, _ literal: StaticString, fold: Bool = false) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard i >= 0, i + n <= b.count else { return false }
        let p = literal.utf8Start
        for k in 0..<n {
            var x = b[i + k], y = p[k]
            if fold { if isASCIIUpper(x) { x += 32 }; if isASCIIUpper(y) { y += 32 } }
            if x != y { return false }
        }
        return true
    }

    /// Whether the bytes `needle` are at `i`.
    static func has(_ b: [UInt8], _ i: Int, bytes needle: [UInt8], fold: Bool = false) -> Bool {
        guard i >= 0, i + needle.count <= b.count else { return false }
        for k in 0..<needle.count {
            var x = b[i + k], y = needle[k]
            if fold { if isASCIIUpper(x) { x += 32 }; if isASCIIUpper(y) { y += 32 } }
            if x != y { return false }
        }
        return true
    }

    /// Whether `needle` occurs in `b`.
    static func contains(_ b: [UInt8], _ needle: [UInt8], fold: Bool = false) -> Bool {
        guard !needle.isEmpty, needle.count <= b.count else { return false }
        for i in 0...(b.count - needle.count) where has(b, i, bytes: needle, fold: fold) { return true }
        return false
    }

    /// The first index ≥ `from` (and < `to`) where `literal` starts.
    static func find(_ b: [UInt8], _ literal: StaticString, from: Int = 0, to: Int? = nil, fold: Bool = false) -> Int? {
        let end = min(to ?? b.count, b.count)
        let first = literal.utf8Start[0]
        let firstUpper = isASCIILower(first) ? first - 32 : first
        var i = max(0, from)
        while i < end {
            let c = b[i]
            if (c == first || (fold && c == firstUpper)) && has(b, i, literal, fold: fold) { return i }
            i += 1
        }
        return nil
    }

    /// Whether position `i` starts a word (start of text or after a non-letter).
    static func wordStart(_ b: [UInt8], _ i: Int) -> Bool {
        guard i > 0 else { return true }
        let c = b[i - 1]
        return c < 0x80 ? !(isASCIIUpper(c) || isASCIILower(c) || isDigit(c)) : false
    }

    /// Whether position `i` ends a word (end of text or a non-letter next).
    static func wordEnd(_ b: [UInt8], _ i: Int) -> Bool {
        guard i < b.count else { return true }
        let c = b[i]
        return c < 0x80 ? !(isASCIIUpper(c) || isASCIILower(c) || isDigit(c)) : false
    }

    /// The text of `b[s..<e]`, trimmed of spaces.
    static func string(_ b: [UInt8], _ s: Int, _ e: Int) -> String {
        var s = max(0, s), e = min(e, b.count)
        while s < e, isSpace(b[s]) { s += 1 }
        while e > s, isSpace(b[e - 1]) { e -= 1 }
        return s < e ? String(decoding: b[s..<e], as: UTF8.self) : ""
    }

    /// A year of four digits, 1400–2099, at `i`, not part of a longer number.
    static func yearAt(_ b: [UInt8], _ i: Int) -> Bool {
        guard i + 4 <= b.count, isDigit(b[i]), isDigit(b[i + 1]), isDigit(b[i + 2]), isDigit(b[i + 3]) else { return false }
        if i > 0, isDigit(b[i - 1]) || b[i - 1] == UInt8(ascii: "/") || b[i - 1] == UInt8(ascii: ":") { return false }
        if i + 4 < b.count, isDigit(b[i + 4]) { return false }
        let value = Int(b[i] - 48) * 1000 + Int(b[i + 1] - 48) * 100 + Int(b[i + 2] - 48) * 10 + Int(b[i + 3] - 48)
        return value >= 1400 && value <= 2099
    }
}
