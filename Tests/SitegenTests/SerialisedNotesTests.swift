// Notes are serialised once and reused on every page that lists them (chapter, Notes page,
// full report) and beside their first reference (margin notes). The bytes written from the
// prepared parts must be those of the note's item tree, serialised whole, for every kind of
// note; the margin notes placed while the chapter body is serialised must be those the tree
// walk placed. And the byte writer escapes as the String serialiser did.

import Testing
import SitegenMarkdown
@testable import Sitegen

struct SerialisedNotesTests {
    static let one = Slug(rawValue: "one")
    static let two = Slug(rawValue: "two")

    /// Notes of every shape: paragraphs or none, one or several references in one or two
    /// chapters, link gone, source links, declared problems, text to escape.
    static let notes: [(String, String, [Slug], Bool, Int, [String])] = [
        ("1", "A plain note.", [one], false, 0, []),
        ("2", "Two paragraphs & <more>.\n\nSecond one.", [one, one], false, 1, []),
        ("3", "- a list item\n- another", [one], false, 0, []),
        ("4", "Cited from two chapters, link gone.", [one, two], true, 2, ["The date is \"wrong\"."]),
        ("5", "```\ncode only\n```", [two], true, 0, []),
        ("6", "", [], false, 1, ["Never cited."]),
        ("kovats", "Named label.", [two, two, one], false, 0, []),
    ]

    static func lister() -> (NoteListRenderer, [ResolvedNote]) {
        var bodies: [NoteLabel: HTML] = [:]
        var parsed: [NoteLabel: ParsedNote] = [:]
        var sources: [NoteLabel: [LinkView]] = [:]
        var resolved: [ResolvedNote] = []
        for (number, (label, text, chapters, gone, sourceCount, explanations)) in notes.enumerated() {
            let noteLabel = NoteLabel(rawValue: label)
            var r = BodyRenderer(basePath: "/", source: SourceFile(path: "content/n.md", relativePath: "n.md", text: text, frontMatter: nil,
                                                                   frontMatterLine: 1, body: text, bodyLineOffset: 0),
                                 pageURLs: [:], slugger: Slugger(), sectionID: "note-\(label)")
            r.anchorsParagraphs = false
            r.collectsEditorialNotes = false
            bodies[noteLabel] = r.render(MarkdownParser().parse(text).blocks)
            parsed[noteLabel] = ParsedNote(label: noteLabel, citations: [], linkGone: gone)
            sources[noteLabel] = (0..<sourceCount).map { LinkView(title: "Source \($0) & co", url: "/sources/#s\($0)") }
            resolved.append(ResolvedNote(
                label: noteLabel, number: String(number + 1), definition: nil,
                references: chapters.enumerated().map { index, chapter in
                    NoteReference(chapter: chapter, id: "ref-\(label)-\(index + 1)", file: "content/x.md", position: SourcePosition(line: 1, column: 1))
                },
                editorialExplanations: explanations, homeChapter: chapters.first ?? one))
        }
        var lister = NoteListRenderer(noteBodies: bodies, urls: SiteURLs(baseURL: "/"), chapterTitles: [one: "One", two: "Two"])
        lister.parsedNotes = parsed
        lister.sourceLinks = sources
        return (lister, resolved)
    }

    @Test("a note written from its prepared bytes is its item tree", arguments: [Set<Slug>(), [one], [one, two]])
    func preparedItemEqualsTree(_ local: Set<Slug>) {
        let (lister, notes) = Self.lister()
        for note in notes {
            let prepared = lister.prepare(note, withSources: true)
            var writer = HTMLWriter()
            lister.write(note, prepared, localChapters: local, into: &writer)
            #expect(writer.finishString() == lister.item(note, localChapters: local, withSources: true).rendered, "note \(note.label)")
        }
    }

    @Test func sectionEqualsTreeSection() {
        let (lister, notes) = Self.lister()
        let prepared = Dictionary(uniqueKeysWithValues: notes.map { ($0.label, lister.prepare($0, withSources: true)) })
        let tree = HTML.el("section", [("class", "footnotes"), ("aria-labelledby", "notes-label")], [
            .el("h2", [("id", "notes-label")], [.text("Notes")]),
            .el("ol", [("class", "notes")], notes.flatMap { [.text("\n"), lister.item($0, localChapters: [Self.one], withSources: true)] } + [.text("\n")]),
        ])
        #expect(lister.section(notes, prepared: prepared, localChapters: [Self.one]).string == tree.rendered)
        // A note missing from the prepared ones is prepared on the spot.
        #expect(lister.section(notes, prepared: [:], localChapters: [Self.one]).string == tree.rendered)
    }

    /// The margin notes as the tree walk placed them before they were serialised once per note.
    static func placedByTree(_ node: HTML, eligible: Bool, placed: inout Set<NoteLabel>, margins: [NoteLabel: HTML]) -> HTML {
        let excluded: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "table", "a", "pre"]
        func expand(_ child: HTML, _ eligible: Bool) -> [HTML] {
            guard eligible, let label = MarginNotes.referencedLabel(child), !placed.contains(label), let margin = margins[label] else {
                return [placedByTree(child, eligible: eligible, placed: &placed, margins: margins)]
            }
            placed.insert(label)
            return [child, margin]
        }
        switch node {
        case .text: return node
        case .fragment(let children): return .fragment(children.flatMap { expand($0, eligible) })
        case .element(let name, let attributes, let children):
            let inside = eligible && !excluded.contains(name)
            return .element(name, attributes, children.flatMap { expand($0, inside) })
        }
    }

    @Test func marginNotesAreThoseTheTreeWalkPlaced() {
        let (lister, notes) = Self.lister()
        let markdown = """
        ## A heading with a note[^1]

        Text with a note[^1] and another[^2], again[^2].

        > Quoted[^4], and [a link with a note inside[^3]](https://e.example/).

        | a | b |
        |---|---|
        | in a table[^5] | x |

        - item[^5]
        - item[^kovats] and an unknown one[^99]
        """
        var r = BodyRenderer(basePath: "/", source: SourceFile(path: "content/x.md", relativePath: "x.md", text: markdown, frontMatter: nil,
                                                               frontMatterLine: 1, body: markdown, bodyLineOffset: 0),
                             pageURLs: [:], slugger: Slugger(), sectionID: "x")
        r.permalinks = true
        let body = r.render(MarkdownParser().parse(markdown).blocks)
        let byLabel = Dictionary(uniqueKeysWithValues: notes.map { ($0.label, $0) })
        let margins = byLabel.mapValues { MarginNotes.margin(shown: $0.number, contents: lister.contents($0, withSources: true)) }
        let prepared = byLabel.mapValues { lister.prepare($0, withSources: true) }
        var placed: Set<NoteLabel> = []
        let expected = Self.placedByTree(body, eligible: true, placed: &placed, margins: margins).rendered
        let written = MarginNotes { prepared[$0]?.margin }.place(in: body).string
        #expect(written == expected)
        // 1 and 2 in the paragraph, 4 in the quote, 5 in the list (not in the table), kovats; not
        // 3 (inside a link), not 99 (no such note), each once.
        #expect(written.components(separatedBy: "class=\"margin-note\"").count - 1 == 5)
    }

    @Test(arguments: [
        HTML.text("a < b & c > d \"q\" 'a'"),
        .el("a", [("href", "/x?a=1&b=\"2\"'"), ("title", "<t>")], [.text("ü — ¶ 😀")]),
        .el("p", [("id", "p")], [.el("br"), .el("img", [("src", "x"), ("alt", "")]), .text(""), .element("hr", [HTML.Attribute("data-x", nil)], [])]),
        .fragment([.text("&amp;"), .el("code", [], [.text("<b>")]), .fragment([])]),
    ])
    func bytesEscapeAsStringsDid(_ html: HTML) {
        var expected = ""
        Self.stringSerialised(html, into: &expected)
        #expect(html.rendered == expected)
        #expect(SerialisedHTML(html).bytes == Array(expected.utf8))
    }

    /// The one byte escaper, with and without quotes, against the String escaper it replaced.
    @Test(arguments: [
        "", "plain", "a & b", "<tag attr=\"v\">", "it's", "&&<<>>\"\"''",
        "Ñyi < Thuta & \"Bo\"", "e\u{301}<\u{301}>'\u{301}", "ဗိုလ် & <ဗိုလ်>", "🙂\"🙂'🙂&",
    ])
    func byteEscaperMatchesStringEscaper(text: String) {
        Self.expectEscapersAgree(text)
    }

    /// Runs longer than the writer's 64 KB flush size, with entities at both ends and inside.
    @Test func byteEscaperMatchesStringEscaperOnLongRuns() {
        Self.expectEscapersAgree(String(repeating: "x", count: 5000) + "<" + String(repeating: "y", count: 70_000) + "&")
        Self.expectEscapersAgree("'" + String(repeating: "ä", count: 40_000) + "\"")
    }

    static func expectEscapersAgree(_ text: String) {
        for quotes in [false, true] {
            var expected = ""
            stringEscape(text, into: &expected, quotes: quotes)
            #expect(HTMLEscaping.escape(text, quotes: quotes) == expected)
            var bytes: [UInt8] = [1, 2]
            HTMLEscaping.append(text, quotes: quotes, to: &bytes)
            #expect(bytes == [1, 2] + Array(expected.utf8))
        }
        #expect(HTML.escaped(text) == HTMLEscaping.escape(text, quotes: true))
    }

    /// The String escaper the byte escaper (`HTMLEscaping`) replaced: escapes `&`, `<`, `>` (and `"`, `'` in attribute values). Runs of text that need no
    /// escaping, the common case, are appended whole.
    static func stringEscape(_ string: String, into output: inout String, quotes: Bool) {
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

    /// The String serialiser the byte writer replaced.
    static func stringSerialised(_ html: HTML, into output: inout String) {
        switch html {
        case .text(let string):
            stringEscape(string, into: &output, quotes: false)
        case .fragment(let children):
            for child in children { stringSerialised(child, into: &output) }
        case .element(let name, let attributes, let children):
            output += "<" + name
            for attribute in attributes {
                output += " " + attribute.name
                if let value = attribute.value {
                    output += "=\""
                    stringEscape(value, into: &output, quotes: true)
                    output += "\""
                }
            }
            output += ">"
            guard !["br", "hr", "img", "meta", "link", "input", "wbr", "col", "source"].contains(name) else { return }
            for child in children { stringSerialised(child, into: &output) }
            output += "</" + name + ">"
        }
    }
}
