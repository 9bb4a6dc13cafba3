// Link and image destinations as cmark-gfm's HTML renderer writes them.
//
// cmark-gfm hands over a destination with backslash escapes and entities already decoded
// (`[a](foo\bar)` gives `foo\bar`); its renderer then percent-encodes every byte that may not
// stand in an `href` as it is (`houdini_escape_href`). sitegen renders the tree itself, so it
// applies the same rule here, after a relative destination has been made site-relative. The
// scheme test follows RFC 3986 (a letter, then letters, digits, `+`, `-` or `.`, then `:`), so
// `foo):` is a relative path, not a scheme.

/// Encoding and classification of link destinations.
public enum LinkDestination {
    /// The bytes cmark-gfm's `houdini_escape_href` keeps as they are: letters, digits and
    /// `-_.+!*(),%#@?=;:/$~`, plus `&` and `'` (which it writes as HTML entities; the `HTML`
    /// tree escapes them when it serialises the attribute). Everything else becomes `%XX`.
    private static let keeps: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = true }
        for scalar in "-_.+!*(),%#@?=;:/$~&'".unicodeScalars { table[Int(scalar.value)] = true }
        return table
    }()

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// `destination` percent-encoded as cmark-gfm encodes an `href` or `src`.
    public static func encoded(_ destination: String) -> String {
        let bytes = destination.utf8
        if bytes.allSatisfy({ keeps[Int($0)] }) { return destination }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            if keeps[Int(byte)] {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The scheme of `destination` (lower-cased), if it starts with one as RFC 3986 defines it:
    /// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`.
    public static func scheme(of destination: String) -> String? {
        var scheme: [UInt8] = []
        for byte in destination.utf8 {
            switch byte {
            case UInt8(ascii: ":"):
                return scheme.isEmpty ? nil : String(decoding: scheme, as: UTF8.self).lowercased()
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                scheme.append(byte)
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                guard !scheme.isEmpty else { return nil }
                scheme.append(byte)
            default:
                return nil
            }
        }
        return nil
    }

    /// `path` with `.` and `..` segments removed (RFC 3986 §5.2.4), never climbing above the
    /// root; empty segments and a trailing `/` are kept.
    public static func removingDotSegments(_ path: String) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return output.joined(separator: "/")
    }

    /// `text` with `%XX` sequences decoded (for finding a content file named with spaces or
    /// other characters its link had to encode); invalid sequences are kept as they are.
    public static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
