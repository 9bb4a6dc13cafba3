// Escaping for `{{…}}` in the templates, on UTF-8 bytes: `<`, `>`, `&`, `"` and `'` become
// `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#39;` (the entities swift-mustache uses), and
// everything else is copied in runs. Every template starts with this escaping; a template may
// switch to swift-mustache's Character-level HTML escaping (`{{% CONTENT_TYPE: HTML }}`, which
// leaves one of the five alone when a combining mark follows it) or to none (`TEXT`).

enum HTMLEscaping {
    /// Appends `text` to `out`, escaped.
    static func append(_ text: String, to out: inout [UInt8]) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ append($0, to: &out) }) { return done }
        var copy = text
        copy.withUTF8 { append($0, to: &out) }
    }

    /// Appends `bytes` to `out`, escaped.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var run = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            guard byte <= 62, needsEscape(byte) else {
                index += 1
                continue
            }
            if index > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index])) }
            switch byte {
            case UInt8(ascii: "<"): out.append(contentsOf: [38, 108, 116, 59])                 // &lt;
            case UInt8(ascii: ">"): out.append(contentsOf: [38, 103, 116, 59])                 // &gt;
            case UInt8(ascii: "&"): out.append(contentsOf: [38, 97, 109, 112, 59])             // &amp;
            case UInt8(ascii: "\""): out.append(contentsOf: [38, 113, 117, 111, 116, 59])      // &quot;
            default: out.append(contentsOf: [38, 35, 51, 57, 59])                              // &#39;
            }
            index += 1
            run = index
        }
        if count > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<count])) }
    }

    /// `text` escaped as a String.
    static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// swift-mustache's own HTML escaping: each Character that is one of the five is replaced.
    static func characterEscaped(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 60 || byte == 62 || byte == 38 || byte == 34 || byte == 39
    }
}
