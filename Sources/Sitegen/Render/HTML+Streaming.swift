// Serialising a large HTML tree in pieces: the same bytes as `HTML.rendered`, handed to a
// `PageSink` about every 64 KB, so that a page's fragment never exists as one String. The top
// levels of the tree (a section, its list, the list's items) are opened and closed here; below
// `depth` each subtree is serialised whole by `HTML.write(to:)`.

extension HTML {
    /// Writes the serialised HTML into `sink` in pieces.
    func stream(into sink: PageSink, depth: Int = 3) {
        var buffer = ""
        buffer.reserveCapacity(Self.piece + 4096)
        stream(into: &buffer, sink, depth: depth)
        sink.append(buffer)
    }

    /// About how many bytes are handed to the sink at once.
    static let piece = 1 << 16

    private func stream(into buffer: inout String, _ sink: PageSink, depth: Int) {
        switch self {
        case .fragment(let children) where depth > 0:
            for child in children { child.stream(into: &buffer, sink, depth: depth - 1) }
        case .element(let name, let attributes, let children) where depth > 0 && !children.isEmpty:
            // The element's own tags as `write(to:)` makes them: "<name …>" and "</name>".
            let shell = HTML.element(name, attributes, []).rendered
            let close = "</" + name + ">"
            guard shell.utf8.count > close.utf8.count, shell.hasSuffix(close) else {
                write(to: &buffer)
                break
            }
            buffer.append(contentsOf: shell.dropLast(close.count))
            for child in children { child.stream(into: &buffer, sink, depth: depth - 1) }
            buffer += close
        default:
            write(to: &buffer)
        }
        if buffer.utf8.count >= Self.piece {
            sink.append(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
