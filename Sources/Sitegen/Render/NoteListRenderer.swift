// Builds the list of endnotes that closes a chapter page, the full report and the Notes page:
// each note with `id="note-N"`, its text, the editors' explanation of a declared problem, and
// a labelled back-link to every place that cites it (on this page, or on another chapter's).
// Each note is serialised once (`prepare`): its item up to the back-links, the rest, and its
// margin copy; the pages that list it add only their back-links.

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

    /// A note serialised once for every page that shows it: its list item around the place of
    /// the back-links (which depend on the page), and its margin note.
    struct PreparedNote: Sendable {
        /// `<li …>` and the note's contents up to where the back-links go.
        var head: SerialisedHTML
        /// The rest of the item, without `</li>`.
        var tail: SerialisedHTML
        /// Whether the back-links stand in a paragraph of their own (the note ends in none).
        var backLinksOwnParagraph: Bool
        /// The `<span class="margin-note">` copy of the note.
        var margin: SerialisedHTML
        /// Each reference's back-link (with the space before it) as a page that holds the
        /// reference shows it, and as any other page does.
        var backLinks: [(local: SerialisedHTML, remote: SerialisedHTML)]
    }

    /// The `<li>` of `note`; back-links to references in `localChapters` stay on the page,
    /// others point to the chapter page that holds them.
    func item(_ note: ResolvedNote, localChapters: Set<Slug>, withSources: Bool = false) -> HTML {
        var children = contents(note, withSources: withSources)
        let backLinks = self.backLinks(note, localChapters: localChapters)
        if !backLinks.isEmpty {
            if let index = Self.backLinkParagraph(children), case .element("p", let attributes, let inner) = children[index] {
                children[index] = .element("p", attributes, inner + backLinks)
            } else {
                children.append(.el("p", [], backLinks))
            }
        }
        return .element("li", itemAttributes(note), children)
    }

    /// `note` serialised once: `write(_:_:localChapters:into:)` then writes the same bytes as
    /// `item(_:localChapters:withSources:)`.
    func prepare(_ note: ResolvedNote, withSources: Bool) -> PreparedNote {
        let children = contents(note, withSources: withSources)
        var head = HTMLWriter(capacity: 1024)
        var tail = HTMLWriter(capacity: 64)
        head.open("li", itemAttributes(note))
        let own: Bool
        if let index = Self.backLinkParagraph(children), case .element("p", let attributes, let inner) = children[index] {
            head.write(children[..<index])
            head.open("p", attributes)
            head.write(inner)
            tail.close("p")
            tail.write(children[(index + 1)...])
            own = false
        } else {
            head.write(children)
            own = true
        }
        let backLinks = note.references.indices.map { index in
            (local: SerialisedHTML(.fragment(backLink(note, index, local: true))),
             remote: SerialisedHTML(.fragment(backLink(note, index, local: false))))
        }
        return PreparedNote(head: head.finish(), tail: tail.finish(), backLinksOwnParagraph: own,
                            margin: SerialisedHTML(MarginNotes.margin(shown: note.number, contents: children)),
                            backLinks: backLinks)
    }

    /// Writes the `<li>` of `note` from its prepared bytes and the page's back-links.
    func write(_ note: ResolvedNote, _ prepared: PreparedNote, localChapters: Set<Slug>, into writer: inout HTMLWriter) {
        writer.write(prepared.head)
        if !prepared.backLinks.isEmpty {
            if prepared.backLinksOwnParagraph { writer.open("p", []) }
            for (reference, link) in zip(note.references, prepared.backLinks) {
                writer.write(localChapters.contains(reference.chapter) ? link.local : link.remote)
            }
            if prepared.backLinksOwnParagraph { writer.close("p") }
        }
        writer.write(prepared.tail)
        writer.close("li")
    }

    /// The attributes of a note's `<li>`.
    private func itemAttributes(_ note: ResolvedNote) -> [HTML.Attribute] {
        let gone = parsedNotes[note.label]?.linkGone ?? false
        return [HTML.Attribute("id", note.id)]
            + (Int(note.number).map { [HTML.Attribute("value", String($0))] } ?? [])
            + (gone ? [HTML.Attribute("class", "gone")] : [])
    }

    /// The last paragraph of a note's contents that is not its source line: the back-links
    /// close it.
    private static func backLinkParagraph(_ children: [HTML]) -> Int? {
        children.lastIndex { if case .element("p", let a, _) = $0 { return !a.contains { $0.value == "note-sources" } }; return false }
    }

    /// The back-links of `note` as a page with `localChapters` shows them.
    private func backLinks(_ note: ResolvedNote, localChapters: Set<Slug>) -> [HTML] {
        note.references.indices.flatMap { index in
            backLink(note, index, local: localChapters.contains(note.references[index].chapter))
        }
    }

    /// The back-link to the `index`th reference of `note` (and the space before it), on the
    /// page that holds the reference (`local`) or on another.
    private func backLink(_ note: ResolvedNote, _ index: Int, local: Bool) -> [HTML] {
        let reference = note.references[index]
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

    /// A labelled notes section (`aria-labelledby`), as GitHub renders footnotes, from the
    /// notes' prepared bytes.
    func section(_ notes: [ResolvedNote], prepared: [NoteLabel: PreparedNote], localChapters: Set<Slug>,
                 heading: String? = nil) -> SerialisedHTML {
        var writer = HTMLWriter(capacity: notes.count * 1024 + 256)
        writeSection(notes, prepared: prepared, localChapters: localChapters, heading: heading, into: &writer)
        return writer.finish()
    }

    /// Writes the section `section` returns into `writer`.
    func writeSection(_ notes: [ResolvedNote], prepared: [NoteLabel: PreparedNote], localChapters: Set<Slug>,
                      heading: String? = nil, into writer: inout HTMLWriter) {
        writer.open("section", [HTML.Attribute("class", "footnotes"), HTML.Attribute("aria-labelledby", "notes-label")])
        writer.write(.el("h2", [("id", "notes-label")], [.text(heading ?? strings["notes_heading"])]))
        writeList(notes, prepared: prepared, localChapters: localChapters, into: &writer)
        writer.close("section")
    }

    /// `<ol class="notes">` with one item per line.
    func writeList(_ notes: [ResolvedNote], prepared: [NoteLabel: PreparedNote], localChapters: Set<Slug>,
                   into writer: inout HTMLWriter) {
        writer.open("ol", [HTML.Attribute("class", "notes")])
        for note in notes {
            writer.text("\n")
            // Every page lists its notes with their source lines.
            write(note, prepared[note.label] ?? prepare(note, withSources: true), localChapters: localChapters, into: &writer)
        }
        writer.text("\n")
        writer.close("ol")
    }
}
