// A small HTML node tree that escapes by construction: text and attribute values are
// always escaped when serialised, so no content can break out of its element. Everything the
// pipeline writes into a page body is built with it; templates get the serialised result.

/// An HTML fragment.
public indirect enum HTML: Hashable, Sendable {
    case element(String, [Attribute], [HTML])
    case text(String)
    case fragment([HTML])

    /// One attribute; a nil value writes the bare attribute name.
    public struct Attribute: Hashable, Sendable {
        public var name: String
        public var value: String?
        /// Creates an attribute.
        public init(_ name: String, _ value: String?) {
            self.name = name
            self.value = value
        }
    }

    /// An element with attributes given as pairs; pairs with a nil value are left out.
    public static func el(_ name: String, _ attributes: [(String, String?)] = [], _ children: [HTML] = []) -> HTML {
        .element(name, attributes.compactMap { pair in pair.1.map { Attribute(pair.0, $0) } }, children)
    }

    /// The serialised HTML.
    public var rendered: String {
        var writer = HTMLWriter()
        writer.write(self)
        return writer.finishString()
    }

    /// Appends the serialised HTML to `output`.
    public func write(to output: inout String) {
        output += rendered
    }

    /// Escapes `&`, `<`, `>` (and `"`, `'` in attribute values). Runs of text that need no
    /// escaping, the common case, are appended whole.
    public static func escape(_ string: String, into output: inout String, quotes: Bool) {
        var utf8 = string.utf8
        let needsEscape = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.contains { $0 == 38 || $0 == 60 || $0 == 62 || (quotes && ($0 == 34 || $0 == 39)) }
        } ?? true
        guard needsEscape else {
            output += string
            return
        }
        var copy = string
        copy.makeContiguousUTF8()
        utf8 = copy.utf8
        var runStart = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let replacement: String?
            switch utf8[index] {
            case 38: replacement = "&amp;"
            case 60: replacement = "&lt;"
            case 62: replacement = "&gt;"
            case 34 where quotes: replacement = "&quot;"
            case 39 where quotes: replacement = "&#39;"
            default: replacement = nil
            }
            if let replacement {
                output += copy[runStart..<index]
                output += replacement
                runStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        output += copy[runStart..<index]
    }

    /// The escaped form of `string`.
    public static func escaped(_ string: String) -> String {
        var output = ""
        escape(string, into: &output, quotes: true)
        return output
    }
}
