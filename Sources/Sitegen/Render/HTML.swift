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

    /// The escaped form of `string`.
    public static func escaped(_ string: String) -> String {
        HTMLEscaping.escape(string)
    }
}
