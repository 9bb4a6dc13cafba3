// Margin notes: each note of a chapter is copied, once, right after its first reference in
// the chapter body as `<span class="margin-note">`. The theme's CSS floats it into the right
// margin on wide screens (Tufte CSS's sidenotes) and hides it elsewhere, where the endnotes and
// the previews serve; no script is needed and nothing moves when the page has loaded. The
// copy is made of phrasing content only (blocks become `<span>`s), so it stays valid inside
// the paragraph that holds the reference, and it carries no `id`, so the page's ids stay unique.

/// Places each note beside its first reference.
struct MarginNotes {
    /// The number a note is shown with, and its margin body (text, source line, editors'
    /// explanations) as blocks.
    var noteContents: (NoteLabel) -> (number: String, contents: [HTML])?

    /// Elements a margin note may not stand in: headings (their text feeds contents and
    /// titles), tables (a float would stay inside its cell) and links (no nested links).
    private static let excluded: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "table", "a", "pre"]

    /// `body` with a margin note after the first eligible reference to each note.
    func place(in body: HTML) -> HTML {
        var placed: Set<NoteLabel> = []
        return walk(body, eligible: true, placed: &placed)
    }

    private func walk(_ node: HTML, eligible: Bool, placed: inout Set<NoteLabel>) -> HTML {
        switch node {
        case .text:
            return node
        case .fragment(let children):
            return .fragment(children.flatMap { expand($0, eligible: eligible, placed: &placed) })
        case .element(let name, let attributes, let children):
            let inside = eligible && !MarginNotes.excluded.contains(name)
            return .element(name, attributes, children.flatMap { expand($0, eligible: inside, placed: &placed) })
        }
    }

    /// The node, followed by the margin note when it is a first reference.
    private func expand(_ node: HTML, eligible: Bool, placed: inout Set<NoteLabel>) -> [HTML] {
        guard eligible, let label = MarginNotes.referencedLabel(node), !placed.contains(label),
              let (shown, contents) = noteContents(label) else {
            return [walk(node, eligible: eligible, placed: &placed)]
        }
        placed.insert(label)
        let number = HTML.el("span", [("class", "margin-note-number")], [.text(shown)])
        return [node, .el("span", [("class", "margin-note"), ("role", "note"), ("aria-label", "Note \(shown)")],
                          [number, .text(" ")] + contents.map(MarginNotes.phrasing))]
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
