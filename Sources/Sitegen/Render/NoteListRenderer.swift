// Builds the list of endnotes that closes a chapter page, the full report and the Notes page:
// each note with `id="note-N"`, its text, the editors' explanation of a declared problem, and
// a labelled back-link to every place that cites it (on this page, or on another chapter's).

import SitegenMarkdown

/// Renders endnotes as `<li>` elements.
struct NoteListRenderer {
    /// Each note's text, rendered once and reused on every page that lists it.
    var noteBodies: [NoteLabel: HTML]
    var urls: SiteURLs
    var chapterTitles: [Slug: String]
    /// What the citation parser made of each note (link gone, sources).
    var parsedNotes: [NoteLabel: ParsedNote] = [:]
    /// Links to the Sources page, shown under the notes on the Notes page only.
    var sourceLinks: [NoteLabel: [LinkView]] = [:]
    /// The interface strings (labels of back-links and badges).
    var strings = InterfaceStrings.english

    /// The `<li>` of `note`; back-links to references in `localChapters` stay on the page,
    /// others point to the chapter page that holds them.
    func item(_ note: ResolvedNote, localChapters: Set<Slug>, withSources: Bool = false) -> HTML {
        var children = contents(note, withSources: withSources)
        let gone = parsedNotes[note.label]?.linkGone ?? false
        let backLinks = note.references.enumerated().flatMap { index, reference -> [HTML] in
            let local = localChapters.contains(reference.chapter)
            let href = (local ? "" : urls.chapter(reference.chapter)) + "#" + reference.id
            let single = note.references.count == 1
            var label = single
                ? strings.format("note_back_single", ["label": note.number])
                : strings.format("note_back_multiple", ["index": String(index + 1), "count": String(note.references.count),
                                                        "label": note.number])
            if !local {
                label += " " + strings.format("note_back_in_chapter", ["title": chapterTitles[reference.chapter] ?? reference.chapter.rawValue])
            } else if single {
                label += " " + strings["note_back_in_text"]
            }
            var content: [HTML] = [.text("↩\u{FE0E}")]
            if note.references.count > 1 { content.append(.el("sup", [], [.text(String(index + 1))])) }
            return [.text(" "), .el("a", [("href", href), ("class", "note-backref"), ("aria-label", label)], content)]
        }
        if !backLinks.isEmpty {
            let lastParagraph = children.lastIndex { if case .element("p", let a, _) = $0 { return !a.contains { $0.value == "note-sources" } }; return false }
            if let index = lastParagraph, case .element("p", let attributes, let inner) = children[index] {
                children[index] = .element("p", attributes, inner + backLinks)
            } else {
                children.append(.el("p", [], backLinks))
            }
        }
        return .el("li", [("id", note.id), ("value", Int(note.number).map(String.init)), ("class", gone ? "gone" : nil)], children)
    }

    /// What a note shows wherever it stands (list, margin, preview): its text with the
    /// "Link gone" badge, its source line, and the editors' explanations.
    func contents(_ note: ResolvedNote, withSources: Bool) -> [HTML] {
        var children: [HTML] = []
        if case .fragment(let blocks)? = noteBodies[note.label] { children = blocks }
        if parsedNotes[note.label]?.linkGone ?? false {
            let badge: [HTML] = [.el("span", [("class", "link-gone")], [.text(strings["link_gone"])]), .text(" ")]
            if case .element("p", let attributes, let inner)? = children.first {
                children[0] = .element("p", attributes, badge + inner)
            } else {
                children.insert(.el("p", [], badge), at: 0)
            }
        }
        if withSources, let links = sourceLinks[note.label], !links.isEmpty {
            children.append(.el("p", [("class", "note-sources")], [.text(strings.plural("note_sources", count: links.count))]
                + links.enumerated().flatMap { index, link -> [HTML] in
                    (index > 0 ? [.text("; ")] : []) + [.el("a", [("href", link.url)], [.text(link.title)])]
                }))
        }
        for explanation in note.editorialExplanations {
            children.append(.el("p", [("class", "editorial-declared")], [
                .el("span", [("class", "editorial")], [
                    .el("span", [("class", "editorial-label")], [.text("[Editorial note:")]),
                    .text(" " + explanation + "]"),
                ]),
            ]))
        }
        return children
    }

    /// A labelled notes section (`aria-labelledby`), as GitHub renders footnotes.
    func section(_ notes: [ResolvedNote], localChapters: Set<Slug>, heading: String? = nil,
                 withSources: Bool = false) -> HTML {
        let heading = heading ?? strings["notes_heading"]
        return .el("section", [("class", "footnotes"), ("aria-labelledby", "notes-label")], [
            .el("h2", [("id", "notes-label")], [.text(heading)]),
            .el("ol", [("class", "notes")], notes.flatMap { [.text("\n"), item($0, localChapters: localChapters, withSources: withSources)] } + [.text("\n")]),
        ])
    }
}
