// A JSON value with its keys in the order they were written, serialised for a
// `<script type="application/ld+json">` data block. Every string is escaped by the
// serialiser, and `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`, so no
// text of the content can end the block (`</script>`) or open a comment in it. The data
// block is not executed, so `Content-Security-Policy: default-src 'self'` allows it.

/// An ordered JSON value.
public indirect enum JSONLD: Hashable, Sendable {
    case string(String)
    case number(Int)
    case array([JSONLD])
    case object([(String, JSONLD)])

    /// An object from `pairs`, leaving out the pairs whose value is nil or an empty array.
    public static func node(_ pairs: [(String, JSONLD?)]) -> JSONLD {
        .object(pairs.compactMap { key, value in
            guard let value else { return nil }
            if case .array(let items) = value, items.isEmpty { return nil }
            return (key, value)
        })
    }

    /// A string value, or nil for nil.
    public static func text(_ value: String?) -> JSONLD? { value.map { .string($0) } }

    public static func == (lhs: JSONLD, rhs: JSONLD) -> Bool { lhs.serialized == rhs.serialized }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized) }

    /// The value as JSON text, safe inside a `<script>` data block.
    public var serialized: String {
        var out: [UInt8] = []
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(into out: inout [UInt8]) {
        switch self {
        case .string(let text): Self.write(text, into: &out)
        case .number(let number): out += Array(String(number).utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.write(key, into: &out)
                out.append(UInt8(ascii: ":"))
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes `text` as a JSON string: quotes, backslashes and control characters escaped
    /// (RFC 8259), and `<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes.
    private static func write(_ text: String, into out: inout [UInt8]) {
        func escape(_ unit: UInt16) {
            out += [UInt8(ascii: "\\"), UInt8(ascii: "u")]
            for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((unit >> UInt16(shift)) & 0xF)]) }
        }
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case 0x5C: out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00..<0x20, 0x3C, 0x3E, 0x26, 0x2028, 0x2029: escape(UInt16(scalar.value))
            default: out += Array(String(scalar).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
