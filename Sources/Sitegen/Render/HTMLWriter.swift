// Serialises the HTML tree into UTF-8 bytes: one growing byte buffer, text and attribute
// values escaped byte by byte as they are copied in, runs that need no escaping copied whole.
// Fragments serialised once (a note's list item, its margin copy) are kept as `SerialisedHTML`
// and copied into every page that shows them, instead of being built and escaped again.

/// HTML serialised to UTF-8 bytes; made only from an `HTML` tree (escaped by construction).
struct SerialisedHTML: Hashable, Sendable {
    /// The UTF-8 bytes.
    let bytes: [UInt8]

    fileprivate init(bytes: [UInt8]) { self.bytes = bytes }

    /// `html` serialised.
    init(_ html: HTML) {
        var writer = HTMLWriter()
        writer.write(html)
        self = writer.finish()
    }

    /// Nothing.
    static let empty = SerialisedHTML(bytes: [])

    /// The bytes as a string.
    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Writes HTML into a byte buffer, or through it into a page's sink.
struct HTMLWriter {
    private var bytes: [UInt8] = []
    /// Where the bytes go about every `piece` bytes, at the end of an element or text, when
    /// the writer streams a page's fragment (`PageFragment`).
    private let sink: PageSink?

    /// About how many bytes a streaming writer holds before handing them to its sink.
    static let piece = 1 << 16

    /// A writer whose buffer starts with room for `capacity` bytes.
    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
        sink = nil
    }

    /// A writer that hands what it writes to `sink` in pieces; call `flush` at the end.
    init(sink: PageSink) {
        bytes.reserveCapacity(Self.piece + 4096)
        self.sink = sink
    }

    /// Hands what is held to the sink (a writer without one keeps it).
    mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { sink.append($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private mutating func spillIfFull() {
        if sink != nil, bytes.count >= Self.piece { flush() }
    }

    /// The bytes written so far.
    var count: Int { bytes.count }

    /// What was written, as serialised HTML, in a buffer of its own size (a note's pieces are
    /// kept for the whole render, tens of thousands of them: the writer's spare room is not).
    consuming func finish() -> SerialisedHTML {
        guard bytes.capacity > bytes.count + bytes.count / 8 + 32 else { return SerialisedHTML(bytes: bytes) }
        return SerialisedHTML(bytes: bytes.withUnsafeBufferPointer { source in
            [UInt8](unsafeUninitializedCapacity: source.count) { target, initialised in
                _ = target.initialize(from: source)
                initialised = source.count
            }
        })
    }

    /// What was written, as a string.
    consuming func finishString() -> String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `html`.
    mutating func write(_ html: HTML) {
        switch html {
        case .text(let string):
            escape(string, quotes: false)
            spillIfFull()
        case .fragment(let children):
            for child in children { write(child) }
        case .element(let name, let attributes, let children):
            open(name, attributes)
            guard !HTMLWriter.isVoid(name) else { return }
            for child in children { write(child) }
            close(name)
        }
    }

    /// Appends every node of `nodes`.
    mutating func write<Nodes: Sequence<HTML>>(_ nodes: Nodes) {
        for node in nodes { write(node) }
    }

    /// Appends a fragment serialised before.
    mutating func write(_ serialised: SerialisedHTML) {
        bytes.append(contentsOf: serialised.bytes)
        spillIfFull()
    }

    /// Appends escaped text.
    mutating func text(_ string: String) {
        escape(string, quotes: false)
    }

    /// Appends the start tag `<name attributes…>`.
    mutating func open(_ name: String, _ attributes: [HTML.Attribute]) {
        bytes.append(60) // <
        raw(name)
        for attribute in attributes {
            bytes.append(32) // space
            raw(attribute.name)
            if let value = attribute.value {
                bytes.append(61) // =
                bytes.append(34) // "
                escape(value, quotes: true)
                bytes.append(34)
            }
        }
        bytes.append(62) // >
    }

    /// Appends the end tag `</name>`.
    mutating func close(_ name: String) {
        bytes.append(60)
        bytes.append(47) // /
        raw(name)
        bytes.append(62)
        spillIfFull()
    }

    /// Elements that have no end tag and no children.
    @inline(__always)
    static func isVoid(_ name: String) -> Bool {
        switch name {
        case "br", "hr", "img", "meta", "link", "input", "wbr", "col", "source": return true
        default: return false
        }
    }

    /// Appends `string` as it is (element and attribute names, which the code chooses).
    @inline(__always)
    private mutating func raw(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends `string` with `&`, `<`, `>` (and in attribute values `"`, `'`) escaped.
    @inline(__always)
    private mutating func escape(_ string: String, quotes: Bool) {
        HTMLEscaping.append(string, quotes: quotes, to: &bytes)
    }
}
