// The one HTML escaper, on UTF-8 bytes: `<`, `>`, `&` (and, with `quotes`, `"` and `'`) become
// `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#39;` (the entities swift-mustache uses), and
// everything else is copied in runs. The templates' `{{…}}` use it with quotes, `HTMLWriter`
// with quotes in attribute values only. A template may switch to swift-mustache's
// Character-level HTML escaping (`{{% CONTENT_TYPE: HTML }}`, which leaves one of the five alone
// when a combining mark follows it) or to none (`TEXT`).

enum HTMLEscaping {
    /// Appends `text` to `out`, escaped (`"` and `'` too unless `quotes` is false).
    static func append(_ text: String, quotes: Bool = true, to out: inout [UInt8]) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ append($0, quotes: quotes, to: &out) }) {
            return done
        }
        var copy = text
        copy.withUTF8 { append($0, quotes: quotes, to: &out) }
    }

    /// Appends `bytes` to `out`, escaped (`"` and `'` too unless `quotes` is false).
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, quotes: Bool = true, to out: inout [UInt8]) {
        var run = 0
        let count = bytes.count
        for index in 0..<count {
            let byte = bytes[index]
            guard byte <= 62 else { continue }
            let entity: StaticString
            switch byte {
            case 38: entity = "&amp;"
            case 60: entity = "&lt;"
            case 62: entity = "&gt;"
            case 34 where quotes: entity = "&quot;"
            case 39 where quotes: entity = "&#39;"
            default: continue
            }
            if index > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index])) }
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            run = index + 1
        }
        if count > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<count])) }
    }

    /// `text` escaped as a String (`"` and `'` too unless `quotes` is false).
    static func escape(_ text: String, quotes: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        append(text, quotes: quotes, to: &out)
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
}
