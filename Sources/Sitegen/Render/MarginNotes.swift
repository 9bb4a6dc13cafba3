// Margin notes: each note of a chapter is copied, once, right after its first reference in
// the chapter body as `<span class="margin-note">`. The theme's CSS floats it into the right
// margin on wide screens (Tufte CSS's sidenotes) and hides it elsewhere, where the endnotes and
// the previews serve; no script is needed and nothing moves when the page has loaded. The
// copy is made of phrasing content only (blocks become `<span>`s), so it stays valid inside
// the paragraph that holds the reference, and it carries no `id`, so the page's ids stay unique.
// The copies are serialised once per note (`NoteListRenderer.prepare`) and written into the
// chapter body as it is serialised, without building a second tree.

/// Places each note beside its first reference.
struct MarginNotes {
    /// The serialised margin note of a label (`margin(_:)`), nil for a note that has none.
    var marginNote: @Sendable (NoteLabel) -> SerialisedHTML?

    /// Elements a margin note may not stand in: headings (their text feeds contents and
    /// titles), tables (a float would stay inside its cell) and links (no nested links).
    private static let excluded: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "table", "a", "pre"]

    /// The margin note of a note numbered `shown` with `contents` (its text, source line and
    /// editors' explanations, as blocks).
    static func margin(shown: String, contents: [HTML]) -> HTML {
        let number = HTML.el("span", [("class", "margin-note-number")], [.text(shown)])
        return .el("span", [("class", "margin-note"), ("role", "note"), ("aria-label", "Note \(shown)")],
                   [number, .text(" ")] + contents.map(MarginNotes.phrasing))
    }

    /// Writes `body` with a margin note after the first eligible reference to each note.
    func write(_ body: HTML, into writer: inout HTMLWriter) {
        var placed: Set<NoteLabel> = []
        walk(body, eligible: true, placed: &placed, writer: &writer)
    }

    /// `body` with the margin notes, serialised.
    func place(in body: HTML) -> SerialisedHTML {
        var writer = HTMLWriter(capacity: 16_384)
        write(body, into: &writer)
        return writer.finish()
    }

    private func walk(_ node: HTML, eligible: Bool, placed: inout Set<NoteLabel>, writer: inout HTMLWriter) {
        switch node {
        case .text:
            writer.write(node)
        case .fragment(let children):
            for child in children { expand(child, eligible: eligible, placed: &placed, writer: &writer) }
        case .element(let name, let attributes, let children):
            writer.open(name, attributes)
            guard !HTMLWriter.isVoid(name) else { return }
            let inside = eligible && !MarginNotes.excluded.contains(name)
            for child in children { expand(child, eligible: inside, placed: &placed, writer: &writer) }
            writer.close(name)
        }
    }

    /// The node, followed by the margin note when it is a first reference.
    private func expand(_ node: HTML, eligible: Bool, placed: inout Set<NoteLabel>, writer: inout HTMLWriter) {
        guard eligible, let label = MarginNotes.referencedLabel(node), !placed.contains(label),
              let margin = marginNote(label) else {
            walk(node, eligible: eligible, placed: &placed, writer: &writer)
            return
        }
        placed.insert(label)
        writer.write(node)
        writer.write(margin)
    }

    /// The label of a `<sup class="note-ref"><a href="…#note-N">` reference.
    static func referencedLabel(_ node: HTML) -> NoteLabel? {
        guard case .element("sup", let attributes, let children) = node,
              attributes.contains(where: { $0.name == "class" && $0.value == "note-ref" }),
              case .element("a", let link, _)? = children.first,
              let href = link.first(where: { $0.name == "href" })?.value,
              let hash = href.range(of: "#note-") else { return nil }
        return NoteLabel(rawValue: String(href[hash.upperBound...]))
    }

    private static let phrasingElements: Set<String> = [
        "a", "abbr", "b", "bdi", "br", "cite", "code", "em", "i", "mark", "q", "s", "small", "span",
        "strong", "sub", "sup", "time", "u", "wbr",
    ]

    /// The same content as phrasing elements without ids: a block element becomes a
    /// `<span class="margin-note-block">` (CSS shows it as a block).
    static func phrasing(_ node: HTML) -> HTML {
        switch node {
        case .text:
            return node
        case .fragment(let children):
            return .fragment(children.map(phrasing))
        case .element(let name, let attributes, let children):
            var kept = attributes.filter { $0.name != "id" && $0.name != "aria-describedby" }
            let inner = children.map(phrasing)
            if phrasingElements.contains(name) { return .element(name, kept, inner) }
            let classes = (["margin-note-block"] + kept.filter { $0.name == "class" }.compactMap(\.value)).joined(separator: " ")
            kept = kept.filter { $0.name != "class" && $0.name != "start" && $0.name != "value" }
            return .element("span", [HTML.Attribute("class", classes)] + kept, inner)
        }
    }
}
