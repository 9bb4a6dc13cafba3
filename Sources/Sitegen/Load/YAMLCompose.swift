// YAML composed with the tags of Yams' default (YAML 1.1) resolver, without its regular
// expressions. Yams resolves the tag of every plain scalar by trying seven
// `NSRegularExpression`s in turn (bool, int, float, merge, null, timestamp, value), and does so
// again each time a key is hashed for the duplicate-key check; in a build that is most of the
// cost of reading front matter. Here the document is composed with the basic resolver (no
// expressions), and each plain scalar then gets the tag the default resolver would give it,
// decided by `YAMLScalarTag` on bytes. The result decodes exactly as `Yams.compose(yaml:)`'s:
// `YAMLComposeTests` compares the two on every content file and on generated scalars.
//
// Where the two could differ the default resolver decides: a document that fails to compose
// (so the error is Yams' own), a mapping with a non-scalar key or two keys with the same text
// (the duplicate-key rule depends on the tags), or an anchor or alias anywhere.

import Yams

enum YAMLCompose {
    /// `Yams.compose(yaml:)`, with the default resolver's tags. The encoding is given: Yams'
    /// default (UTF-8 for native strings) reads the whole process environment at every call.
    static func compose(yaml: String) throws -> Node? {
        let basic: Node?
        do {
            basic = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch {
            return try Yams.compose(yaml: yaml, .default, .default, .utf8)
        }
        guard let basic else { return nil }
        var exact = true
        let node = resolved(basic, exact: &exact)
        return exact ? node : try Yams.compose(yaml: yaml, .default, .default, .utf8)
    }

    /// `node` with each implicitly tagged plain scalar given its default-resolver tag; `exact`
    /// becomes false where the basic composition may differ from the default one.
    private static func resolved(_ node: Node, isKey: Bool = false, exact: inout Bool) -> Node {
        switch node {
        case .scalar(let scalar):
            if scalar.anchor != nil { exact = false }
            // Yams' tags are objects that take their resolved name when first hashed, so a key
            // (hashed by the duplicate-key check) shows `str` where it was implicit.
            let implicit = scalar.tag.description.isEmpty
            let resolvedKey = isKey && scalar.style == .plain && scalar.tag.description == Tag.Name.str.rawValue
            guard implicit || resolvedKey else { return node }
            let name = YAMLScalarTag.name(of: scalar.string)
            // A string keeps its tag (the basic resolver makes it `str`), as Yams leaves it.
            guard name != .str else { return node }
            // A plain key `1` tagged `str` may be written `!!str 1`: let Yams decide.
            if resolvedKey { exact = false }
            return .scalar(Node.Scalar(scalar.string, scalar.tag.copy(with: name, resolver: .default), scalar.style, scalar.mark))
        case .mapping(let mapping):
            if mapping.anchor != nil { exact = false }
            var keys = Set<String>()
            var pairs: [(Node, Node)] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                if case .scalar(let scalar) = key {
                    if !keys.insert(scalar.string).inserted { exact = false }
                } else {
                    exact = false
                }
                pairs.append((resolved(key, isKey: true, exact: &exact), resolved(value, exact: &exact)))
            }
            return .mapping(Node.Mapping(pairs, mapping.tag.copy(resolver: .default), mapping.style, mapping.mark))
        case .sequence(let sequence):
            if sequence.anchor != nil { exact = false }
            let nodes = sequence.map { resolved($0, exact: &exact) }
            return .sequence(Node.Sequence(nodes, sequence.tag.copy(resolver: .default), sequence.style, sequence.mark))
        case .alias:
            exact = false
            return node
        }
    }
}

/// The tag Yams' default resolver gives a plain scalar, decided on its UTF-8 bytes: the rules
/// in Yams' order (bool, int, float, merge, null, timestamp, value), each the whole scalar;
/// `str` when none matches. Like the ICU expressions' `$`, a rule may also match before one
/// line terminator that ends the scalar.
enum YAMLScalarTag {
    static func name(of string: String) -> Tag.Name {
        var string = string
        return string.withUTF8 { bytes -> Tag.Name in
            if let name = match(bytes[...]) { return name }
            // `$` also matches before a final line terminator: \n, \v, \f, \r, \r\n, U+0085,
            // U+2028, U+2029.
            let count = bytes.count
            var cut = 0
            if count >= 2, bytes[count - 2] == 13, bytes[count - 1] == 10 { cut = 2 }
            else if count >= 1, (10...13).contains(bytes[count - 1]) { cut = 1 }
            else if count >= 2, bytes[count - 2] == 0xC2, bytes[count - 1] == 0x85 { cut = 2 }
            else if count >= 3, bytes[count - 3] == 0xE2, bytes[count - 2] == 0x80,
                    bytes[count - 1] == 0xA8 || bytes[count - 1] == 0xA9 { cut = 3 }
            if cut > 0, let name = match(bytes[..<(count - cut)]) { return name }
            return .str
        }
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    private static func match(_ s: Bytes) -> Tag.Name? {
        if isBool(s) { return .bool }
        if isInt(s) { return .int }
        if isFloat(s) { return .float }
        if equals(s, "<<") { return .merge }
        if s.isEmpty || equals(s, "~") || equals(s, "null") || equals(s, "Null") || equals(s, "NULL") { return .null }
        if isTimestamp(s) { return .timestamp }
        if equals(s, "=") { return .value }
        return nil
    }

    private static let bools: [String] = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE",
                                          "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF"]

    private static func isBool(_ s: Bytes) -> Bool {
        guard (2...5).contains(s.count) else { return false }
        return bools.contains { equals(s, $0) }
    }

    private static func equals(_ s: Bytes, _ text: StaticString) -> Bool {
        s.elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static func equals(_ s: Bytes, _ text: String) -> Bool {
        s.elementsEqual(text.utf8)
    }

    // MARK: Scanning helpers (positions are indices into the slice)

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// Index after an optional `+` or `-` at `i`.
    private static func sign(_ s: Bytes, _ i: Int) -> Int {
        i < s.endIndex && (s[i] == 43 || s[i] == 45) ? i + 1 : i
    }

    /// Index after the longest run from `i` of bytes satisfying `test`.
    private static func run(_ s: Bytes, _ i: Int, _ test: (UInt8) -> Bool) -> Int {
        var i = i
        while i < s.endIndex, test(s[i]) { i += 1 }
        return i
    }

    /// `(?::[0-5]?[0-9])+` from `i`: the index after the groups, or nil when there is none.
    /// Deterministic: after a group comes `:` or something no group starts with.
    private static func sexagesimal(_ s: Bytes, _ i: Int) -> Int? {
        var i = i
        var groups = 0
        while i < s.endIndex, s[i] == 58 {
            guard i + 1 < s.endIndex, isDigit(s[i + 1]) else { break }
            if i + 2 < s.endIndex, isDigit(s[i + 2]), s[i + 1] <= 53 { i += 3 } else { i += 2 }
            groups += 1
        }
        return groups > 0 ? i : nil
    }

    private static func isDigitOrUnderscore(_ b: UInt8) -> Bool { isDigit(b) || b == 95 }

    // MARK: Rules

    /// `[-+]?0b[0-1_]+ | [-+]?0o?[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ |
    /// [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+`
    private static func isInt(_ s: Bytes) -> Bool {
        let end = s.endIndex
        let i = sign(s, s.startIndex)
        guard i < end else { return false }
        if s[i] == 48 {                                                      // 0
            if i + 1 == end { return true }                                  // 0
            let next = s[i + 1]
            if next == 98 { return i + 2 < end && run(s, i + 2, { $0 == 48 || $0 == 49 || $0 == 95 }) == end }
            if next == 120 {
                return i + 2 < end && run(s, i + 2, { isDigit($0) || ($0 >= 97 && $0 <= 102) || ($0 >= 65 && $0 <= 70) || $0 == 95 }) == end
            }
            let octal: (UInt8) -> Bool = { ($0 >= 48 && $0 <= 55) || $0 == 95 }
            if next == 111 { return i + 2 < end && run(s, i + 2, octal) == end }
            return run(s, i + 1, octal) == end
        }
        guard s[i] >= 49 && s[i] <= 57 else { return false }
        let digits = run(s, i + 1, isDigitOrUnderscore)
        if digits == end { return true }
        return sexagesimal(s, digits) == end
    }

    /// `[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)? | \.[0-9_]+(?:[eE][-+][0-9]+)? |
    /// [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)`
    private static func isFloat(_ s: Bytes) -> Bool {
        let start = s.startIndex, end = s.endIndex
        guard start < end else { return false }
        if s[start] == 46 {                                                  // .
            let rest = s[(start + 1)...]
            if equals(rest, "nan") || equals(rest, "NaN") || equals(rest, "NAN") { return true }
            if equals(rest, "inf") || equals(rest, "Inf") || equals(rest, "INF") { return true }
            let digits = run(s, start + 1, isDigitOrUnderscore)
            guard digits > start + 1 else { return false }
            if digits == end { return true }
            return exponent(s, digits, signRequired: true) == end
        }
        let i = sign(s, start)
        guard i < end else { return false }
        if i > start, s[i] == 46 {
            let rest = s[(i + 1)...]
            return equals(rest, "inf") || equals(rest, "Inf") || equals(rest, "INF")
        }
        guard isDigit(s[i]) else { return false }
        let digits = run(s, i + 1, isDigitOrUnderscore)
        // First form: digits, optional fraction, optional exponent.
        var j = digits
        if j < end, s[j] == 46 { j = run(s, j + 1, isDigitOrUnderscore) }
        if j == end { return true }
        if exponent(s, j, signRequired: false) == end { return true }
        // Third form: sexagesimal groups, then a fraction.
        if let k = sexagesimal(s, digits), k < end, s[k] == 46 {
            return run(s, k + 1, isDigitOrUnderscore) == end
        }
        return false
    }

    /// `[eE][-+]?[0-9]+` (sign required when `signRequired`) at `i`: the index after it, or nil.
    private static func exponent(_ s: Bytes, _ i: Int, signRequired: Bool) -> Int? {
        guard i < s.endIndex, s[i] == 101 || s[i] == 69 else { return nil }
        let j = sign(s, i + 1)
        if signRequired, j == i + 1 { return nil }
        let k = run(s, j, isDigit)
        return k > j ? k : nil
    }

    /// `[0-9]{4}-[0-9]{2}-[0-9]{2} | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}
    /// :[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?`
    private static func isTimestamp(_ s: Bytes) -> Bool {
        let start = s.startIndex, end = s.endIndex
        func digits(_ i: Int, _ n: Int) -> Bool {
            i + n <= end && (i..<(i + n)).allSatisfy { isDigit(s[$0]) }
        }
        guard digits(start, 4), start + 4 < end, s[start + 4] == 45 else { return false }
        // Date part: one or two digits, '-', one or two digits.
        var i = start + 5
        let monthEnd = run(s, i, isDigit)
        guard monthEnd > i, monthEnd - i <= 2, monthEnd < end, s[monthEnd] == 45 else { return false }
        let monthDigits = monthEnd - i
        i = monthEnd + 1
        let dayEnd = run(s, i, isDigit)
        let dayDigits = dayEnd - i
        if dayEnd == end { return monthDigits == 2 && dayDigits == 2 }
        // A date with a day of three or more digits cannot start the time (a separator follows the day).
        guard dayDigits >= 1, dayDigits <= 2 else { return false }
        i = dayEnd
        if s[i] == 84 || s[i] == 116 { i += 1 } else {
            let blanks = run(s, i, { $0 == 32 || $0 == 9 })
            guard blanks > i else { return false }
            i = blanks
        }
        let hourEnd = run(s, i, isDigit)
        guard hourEnd > i, hourEnd - i <= 2 else { return false }
        i = hourEnd
        guard i < end, s[i] == 58, digits(i + 1, 2), i + 3 < end, s[i + 3] == 58, digits(i + 4, 2) else { return false }
        i += 6
        if i < end, s[i] == 46 { i = run(s, i + 1, isDigit) }
        if i == end { return true }
        // Zone: blanks, then Z or a signed hour with optional minutes.
        i = run(s, i, { $0 == 32 || $0 == 9 })
        guard i < end else { return false }
        if s[i] == 90 { return i + 1 == end }
        guard s[i] == 43 || s[i] == 45 else { return false }
        let zoneEnd = run(s, i + 1, isDigit)
        let zoneDigits = zoneEnd - (i + 1)
        if zoneEnd == end { return zoneDigits >= 1 && zoneDigits <= 2 }
        guard zoneDigits >= 1, zoneDigits <= 2, s[zoneEnd] == 58 else { return false }
        return zoneEnd + 3 == end && digits(zoneEnd + 1, 2)
    }
}
