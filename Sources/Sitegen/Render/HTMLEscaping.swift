// Escaping for `{{…}}` in the templates, on UTF-8 bytes. swift-mustache's own HTML escaping
// looks every Character up in a dictionary; this replaces the same five characters
// (`<`, `>`, `&`, `"`, `'`) with the same entities, and returns a value that needs no escaping
// as it is. Every template is parsed under this content type (`TemplateSet`).

import Mustache

struct HTMLBytesContentType: MustacheContentType {
    /// The name templates are parsed under (`{{% CONTENT_TYPE: … }}`).
    static let name = "SITEGEN_HTML"

    /// The pragma put before every template's text: a line of its own, which Mustache drops.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the content type with swift-mustache (once per process; later calls do nothing).
    static let register: Void = MustacheContentTypes.register(HTMLBytesContentType(), named: name)

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    /// `text` with `<`, `>`, `&`, `"` and `'` replaced by `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&#39;`.
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var first = -1
            for (index, byte) in bytes.enumerated() where needsEscape(byte) {
                first = index
                break
            }
            guard first >= 0 else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "<"): output.append(contentsOf: [38, 108, 116, 59])                 // &lt;
                case UInt8(ascii: ">"): output.append(contentsOf: [38, 103, 116, 59])                 // &gt;
                case UInt8(ascii: "&"): output.append(contentsOf: [38, 97, 109, 112, 59])             // &amp;
                case UInt8(ascii: "\""): output.append(contentsOf: [38, 113, 117, 111, 116, 59])      // &quot;
                case UInt8(ascii: "'"): output.append(contentsOf: [38, 35, 51, 57, 59])               // &#39;
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 60 || byte == 62 || byte == 38 || byte == 34 || byte == 39
    }
}
