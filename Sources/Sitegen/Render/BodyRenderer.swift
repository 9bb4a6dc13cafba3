// Renders a Markdown syntax tree into the HTML node tree, adding what a plain Markdown
// renderer cannot know: endnote references with their global ids, a stable id on every
// paragraph, visible editorial notes, links between content files resolved to page URLs,
// external links marked `rel="noopener noreferrer"`, unsafe URLs and raw HTML neutralised.

import Foundation
import SitegenMarkdown

/// An editorial note met in the text, for the Editorial notes page.
public struct EditorialNoteItem: Hashable, Sendable {
    /// The element id of the note's span (empty for notes inside endnotes, which link to the endnote).
    public var id: String
    public var text: String
    /// The heading of the section it stands in, if any.
    public var section: String? = nil
}

/// A mention of a profile met in the text, for the profile's page.
public struct MentionRecord: Hashable, Sendable {
    public var target: MentionTarget
    /// The id of the paragraph (or, in a note, of the note) that holds the mention.
    public var anchor: String
    /// The sentence around the mention.
    public var snippet: String
    /// The heading of the section it stands in, if any.
    public var section: String?
}

/// A heading met in the text, for tables of contents.
public struct HeadingItem: Hashable, Sendable {
    public var level: Int
    public var id: String
    public var text: String
}

/// The words and link shown in place of a picture the edition does not reproduce.
public struct MissingImageNotice: Hashable, Sendable {
    /// E.g. "Image not reproduced:".
    public var label: String
    /// The text of the link, e.g. "the caption stands for a picture of the printed edition".
    public var linkText: String
    /// Where the edition explains it (or the source of the picture).
    public var url: String

    /// Creates a notice.
    public init(label: String, linkText: String, url: String) {
        self.label = label
        self.linkText = linkText
        self.url = url
    }
}

private extension Block {
    /// Whether the block holds an image anywhere.
    var containsImage: Bool {
        switch self {
        case .paragraph(let inlines, _), .heading(_, let inlines, _): return inlines.contains(where: \.containsImage)
        case .blockQuote(let blocks, _), .figure(let blocks, _): return blocks.contains(where: \.containsImage)
        case .list(_, _, _, let items, _): return items.contains { $0.contains(where: \.containsImage) }
        case .table(_, let rows, _): return rows.contains { $0.contains { $0.contains(where: \.containsImage) } }
        case .htmlBlock(let raw, _): return raw.contains("<img")
        default: return false
        }
    }
}

private extension Inline {
    var containsImage: Bool {
        switch self {
        case .image: return true
        case .html(let raw, _): return raw.contains("<img")
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c): return c.contains(where: \.containsImage)
        default: return false
        }
    }
}

/// Renders the blocks of one page body. Create one per body; it collects what it met.
public struct BodyRenderer {
    /// The site's base path, e.g. `/` or `/sub/path/`.
    public var basePath: String
    /// The file being rendered (diagnostics, and the folder relative links start from).
    public var source: SourceFile
    /// Content paths (`report/notes.md`) → page URLs (`/report/notes/`).
    public var pageURLs: [String: String]
    /// Element ids already used on the pages this body appears on.
    public var slugger: Slugger
    /// The ids of the body's headings in reading order, when they were handed out before
    /// (`HeadingIDs`, so that chapters render independently); nil lets `slugger` make them.
    public var headingIDs: [String]? = nil
    private var headingCounter = 0
    /// The id paragraphs are numbered under until the first heading.
    public var sectionID: String
    /// Endnote reference ids still to hand out, per label, in reading order.
    public var noteReferenceIDs: [NoteLabel: [String]] = [:]
    /// The number readers see for each note label (`kovats` → `3`); a label not in it is shown as written.
    public var noteNumbers: [NoteLabel: String] = [:]
    /// Whether external links get a link to their archived copy (in endnotes).
    public var archivesLinks = false
    /// The Wayback Machine timestamp of archived copies ("20211021", "2021"); nil for the latest copy.
    public var archiveTimestamp: String?
    /// Whether body paragraphs end with a small link to themselves (chapter and document pages).
    public var permalinks = false
    /// The interface strings (labels of permalinks, archive links and editorial notes).
    public var strings = InterfaceStrings.english
    /// Where note references point: "" for notes on the same page, or the Notes page's URL.
    public var noteLinkBase = ""
    /// Whether paragraphs get ids (body text) or not (endnote texts, shown on several pages).
    public var anchorsParagraphs = true
    /// Whether editorial notes get ids and are collected.
    public var collectsEditorialNotes = true
    /// Added to heading levels (the full-report page nests sections one level deeper).
    public var headingShift = 0
    /// Said at the top of a figure that has a caption but no picture, with a link to where
    /// the edition explains why; nil leaves such figures as they are.
    public var missingImageNotice: MissingImageNotice? = nil

    /// Finds mentions of profiles; the first mention of a profile in each section links to it.
    public var mentionMatcher: MentionMatcher? = nil
    /// The abbreviations list; the first use of each term on the page is marked up with `<abbr>`.
    public var abbreviations: [String: Abbreviation] = [:] { didSet { abbreviationTerms = nil } }
    /// The automaton of the abbreviations' terms (built from `abbreviations` when nil; the
    /// pipeline hands over the one `Profiles` built once).
    public var abbreviationTerms: AbbreviationTerms? = nil
    /// Steps taken to find abbreviations (for the test that this work is linear).
    private(set) var abbreviationWork = 0

    public private(set) var mentions: [MentionRecord] = []
    public private(set) var editorialNotes: [EditorialNoteItem] = []
    public private(set) var headings: [HeadingItem] = []
    public private(set) var diagnostics: [Diagnostic] = []
    private var paragraphCounter = 0
    private var linksMentions = true
    private var inHeading = false
    private var inFigure = false
    private var linkedInSection: Set<MentionTarget> = []
    private var abbreviationsSeen: Set<String> = []
    private var currentAnchor: String? = nil
    private var editorialCounter = 0
    private var figureCounter = 0
    private var turnCounter = 0

    /// Creates a renderer for one body.
    public init(basePath: String, source: SourceFile, pageURLs: [String: String], slugger: Slugger, sectionID: String) {
        self.basePath = basePath
        self.source = source
        self.pageURLs = pageURLs
        self.slugger = slugger
        self.sectionID = sectionID
    }

    /// Renders `blocks`.
    public mutating func render(_ blocks: [Block]) -> HTML {
        .fragment(separatedByNewlines(blocks.map { block($0) }))
    }

    /// Blocks one per line, so the output reads well and diffs well.
    private func separatedByNewlines(_ nodes: [HTML]) -> [HTML] {
        nodes.enumerated().flatMap { index, node in index == 0 ? [node] : [.text("\n"), node] }
    }

    private mutating func nextParagraphID() -> String? {
        guard anchorsParagraphs else { return nil }
        paragraphCounter += 1
        return "\(sectionID)-p\(paragraphCounter)"
    }

    private mutating func block(_ block: Block) -> HTML {
        switch block {
        case .paragraph(let inlines, _):
            var content = inlines
            var language: String? = nil
            if case .text(let first, let at)? = content.first, first.hasPrefix("{lang="),
               let close = first.firstIndex(of: "}") {
                language = String(first[first.index(first.startIndex, offsetBy: 6)..<close])
                let rest = first[first.index(after: close)...].drop(while: { $0 == " " })
                content[0] = .text(String(rest), at: at)
            }
            if anchorsParagraphs, let turn = SpeakerTurn(content) {
                return speakerTurn(turn)
            }
            let id = nextParagraphID()
            let previousAnchor = currentAnchor
            currentAnchor = id ?? currentAnchor
            let firstMention = mentions.count
            var children = self.inlines(content)
            fillSnippets(from: firstMention, paragraph: content.plainText)
            currentAnchor = previousAnchor
            if permalinks, !inFigure, let id {
                children += [.text(" "), .el("a", [("href", "#" + id), ("class", "permalink"),
                                                   ("aria-label", strings["paragraph_link_label"])], [.text("¶")])]
            }
            return .el("p", [("id", id), ("lang", language)], children)
        case .heading(let level, let inlines, _):
            let text = inlines.plainText.trimmingCharacters(in: .whitespaces)
            let id = nextHeadingID(text)
            sectionID = id
            paragraphCounter = 0
            linkedInSection = []
            headings.append(HeadingItem(level: level, id: id, text: text))
            linksMentions = false
            inHeading = true
            defer { linksMentions = true; inHeading = false }
            return .el("h\(min(6, max(2, level + headingShift)))", [("id", id)], self.inlines(inlines))
        case .blockQuote(let children, _):
            return .el("blockquote", [], separatedByNewlines(children.map { self.block($0) }))
        case .list(let ordered, let start, let tight, let items, _):
            let rendered = items.map { item -> HTML in
                let children = item.map { child -> HTML in
                    if tight, case .paragraph(let inlines, _) = child { return .fragment(self.inlines(inlines)) }
                    return self.block(child)
                }
                return .el("li", [], children)
            }
            return ordered
                ? .el("ol", [("start", start == 1 ? nil : String(start))], rendered)
                : .el("ul", [], rendered)
        case .codeBlock(let info, let literal, _):
            let language = info.split(separator: " ").first.map { "language-\($0)" }
            return .el("pre", [], [.el("code", [("class", language)], [.text(literal)])])
        case .htmlBlock(let raw, let at):
            warnRawHTML(raw, at: at)
            return .el("pre", [("class", "raw-html")], [.text(raw)])
        case .thematicBreak:
            return .el("hr")
        case .table(let alignments, let rows, _):
            let body = rows.enumerated().map { index, row -> HTML in
                .el("tr", [], row.enumerated().map { column, cell in
                    let align = column < alignments.count ? alignments[column] : .none
                    // A class, not a style attribute, so a strict Content-Security-Policy holds.
                    let alignment: String? = align == .none ? nil : "align-\(align)"
                    return .el(index == 0 ? "th" : "td", [("class", alignment)], self.inlines(cell))
                })
            }
            let head = body.first.map { HTML.el("thead", [], [$0]) }
            return .el("div", [("class", "table-wrap")], [
                .el("table", [], [head, body.count > 1 ? .el("tbody", [], Array(body.dropFirst())) : nil].compactMap { $0 }),
            ])
        case .figure(let children, _):
            return figure(children)
        }
    }

    /// The id of the next heading: handed out beforehand (`headingIDs`) or made by the slugger.
    @inline(never)
    private mutating func nextHeadingID(_ text: String) -> String {
        if let ids = headingIDs, headingCounter < ids.count {
            headingCounter += 1
            return ids[headingCounter - 1]
        }
        return slugger.unique(text)
    }

    /// A figure; one without a picture says so first, when the page asks for it. Kept out of
    /// `block(_:)`, whose stack frame is paid once per level of nesting (a copy of `self` or
    /// of the notice there overflows a 512 KB stack on deeply nested input).
    @inline(never)
    private mutating func figure(_ children: [Block]) -> HTML {
        figureCounter += 1
        let id = anchorsParagraphs ? "\(sectionID)-fig\(figureCounter)" : nil
        inFigure = true
        defer { inFigure = false }
        let caption = HTML.el("figcaption", [], children.map { self.block($0) })
        guard let notice = missingImageNotice, !children.contains(where: \.containsImage) else {
            return .el("figure", [("id", id)], [caption])
        }
        return .el("figure", [("id", id), ("class", "figure-no-image")], [
            .el("p", [("class", "figure-missing")], [
                .text(notice.label + " "), .el("a", [("href", notice.url)], [.text(notice.linkText)]),
            ]),
            caption,
        ])
    }

    private mutating func inlines(_ inlines: [Inline]) -> [HTML] {
        EditorialNoteScanner.segments(inlines).flatMap { segment -> [HTML] in
            switch segment {
            case .inline(let inline):
                return self.inline(inline)
            case .unclosed(let at):
                diagnostics.append(Diagnostic(
                    file: source.path, line: at.line, column: source.characterColumn(line: at.line, byteColumn: at.column),
                    severity: .warning, code: .editorialNoteUnclosed,
                    message: "'[Editorial note:' is never closed by ']' in this paragraph"))
                return []
            case .editorial(let content):
                return [editorialNote(content)]
            }
        }
    }

    /// A visible editorial note; collected for the Editorial notes page.
    private mutating func editorialNote(_ content: [Inline]) -> HTML {
        let text = content.plainText.trimmingCharacters(in: .whitespaces)
        var id: String? = nil
        if collectsEditorialNotes {
            editorialCounter += 1
            id = "\(sectionID)-ed\(editorialCounter)"
        }
        editorialNotes.append(EditorialNoteItem(id: id ?? "", text: text, section: headings.last?.text))
        return .el("span", [("class", "editorial"), ("id", id)],
                   [.el("span", [("class", "editorial-label")], [.text(strings["editorial_note_label"])])]
                   + self.inlines(content) + [.text("]")])
    }

    private mutating func inline(_ inline: Inline) -> [HTML] {
        switch inline {
        case .text(let text, _):
            return textWithMentions(text)
        case .softBreak: return [.text("\n")]
        case .lineBreak: return [.el("br")]
        case .code(let code): return [.el("code", [], [.text(code)])]
        case .html(let raw, let at):
            warnRawHTML(raw, at: at)
            return [.el("code", [("class", "raw-html")], [.text(raw)])]
        case .emphasis(let children): return [.el("em", [], inlines(children))]
        case .strong(let children): return [.el("strong", [], inlines(children))]
        case .strikethrough(let children): return [.el("del", [], inlines(children))]
        case .link(let destination, let title, let children):
            let outer = linksMentions
            linksMentions = false
            let content = inlines(children)
            linksMentions = outer
            guard let href = resolve(destination) else { return content }
            let external = ["http", "https"].contains(LinkDestination.scheme(of: href) ?? "")
            // A link whose text is its address (an autolink) is marked, so print does not repeat it.
            let isAutolink = children.plainText == destination
            let link = HTML.el("a", [("href", href), ("title", title.isEmpty ? nil : title),
                                     ("rel", external ? "noopener noreferrer" : nil),
                                     ("class", external && isAutolink ? "url" : nil)], content)
            guard external, archivesLinks else { return [link] }
            return [link, .text(" "), .el("a", [("href", "https://web.archive.org/web/" + (archiveTimestamp.map { $0 + "/" } ?? "") + href), ("class", "archive"),
                                                ("rel", "noopener noreferrer"), ("aria-label", strings["archived_link_label"])],
                                          [.text(strings["archived_link"])])]
        case .image(let source, let title, let alt):
            guard let src = resolve(source) else { return [.text(alt.plainText)] }
            if src.hasPrefix("http://") || src.hasPrefix("https://") {
                // Nothing is loaded from another host: the image becomes a link to it.
                diagnostics.append(Diagnostic(file: self.source.path, severity: .warning,
                                              code: .externalResource,
                                              message: "image '\(src.prefix(80))' is on another host; it is shown as a link, not loaded (the site loads nothing from other hosts)"))
                return [.el("a", [("href", src), ("rel", "noopener noreferrer")], [.text(alt.plainText.isEmpty ? src : alt.plainText)])]
            }
            return [.el("img", [("src", src), ("alt", alt.plainText), ("title", title.isEmpty ? nil : title),
                                ("loading", "lazy")])]
        case .footnoteReference(let label, _):
            let noteLabel = NoteLabel(rawValue: label)
            let number = noteNumbers[noteLabel] ?? label
            var ids = noteReferenceIDs[noteLabel] ?? []
            let id = ids.isEmpty ? nil : ids.removeFirst()
            noteReferenceIDs[noteLabel] = ids
            let local = noteLinkBase.isEmpty
            return [.el("sup", [("class", "note-ref")], [
                .el("a", [("href", noteLinkBase + "#note-\(label)"), ("id", id), ("role", "doc-noteref"),
                          ("aria-describedby", local ? "notes-label" : nil),
                          ("aria-label", local ? nil : "Note \(number)")], [.text(number)]),
            ])]
        }
    }

    /// A speaker turn of a transcript: an anchor of its own, the speaker linked to a profile.
    private mutating func speakerTurn(_ turn: SpeakerTurn) -> HTML {
        turnCounter += 1
        let id = "\(sectionID)-turn\(turnCounter)"
        let previousAnchor = currentAnchor
        currentAnchor = id
        defer { currentAnchor = previousAnchor }
        var speaker: HTML = .text(turn.speaker)
        if let match = mentionMatcher?.matches(in: turn.speaker).first,
           match.range == turn.speaker.startIndex..<turn.speaker.endIndex {
            speaker = .el("a", [("href", basePath + "\(match.target.kind.folder)/\(match.target.slug)/")], [speaker])
            let place = turn.timestamp.map { strings.format("speaker_turn_at", ["time": $0]) } ?? strings["speaker_turn"]
            mentions.append(MentionRecord(target: match.target, anchor: id,
                                          snippet: Snippet.sentence(containing: "", in: turn.rest.plainText), section: place))
        }
        let firstMention = mentions.count
        var children: [HTML] = [.el("span", [("class", "speaker")], [speaker])]
        if let timestamp = turn.timestamp {
            children += [.text(" "), .el("time", [("class", "timestamp")], [.text(timestamp)])]
        }
        children.append(.text(": "))
        children += inlines(turn.rest)
        fillSnippets(from: firstMention, paragraph: turn.rest.plainText)
        return .el("p", [("id", id), ("class", "turn")], children)
    }

    /// Text with the mentions of profiles linked (the first per section) and the first use of
    /// each abbreviation on the page marked up.
    private mutating func textWithMentions(_ text: String) -> [HTML] {
        guard let matcher = mentionMatcher, !matcher.isEmpty else { return abbreviated(text) }
        let found = matcher.matches(in: text)
        guard !found.isEmpty else { return abbreviated(text) }
        var result: [HTML] = []
        var cursor = text.startIndex
        for match in found {
            result += abbreviated(String(text[cursor..<match.range.lowerBound]))
            let shown = String(text[match.range])
            if !inHeading {
                mentions.append(MentionRecord(target: match.target, anchor: currentAnchor ?? sectionID,
                                              snippet: shown, section: headings.last?.text))
            }
            if linksMentions, linkedInSection.insert(match.target).inserted {
                result.append(.el("a", [("href", basePath + "\(match.target.kind.folder)/\(match.target.slug)/"), ("class", "mention")],
                                  [.text(shown)]))
            } else {
                result += abbreviated(shown)
            }
            cursor = match.range.upperBound
        }
        result += abbreviated(String(text[cursor...]))
        return result
    }

    /// Marks up the first use on the page of each abbreviation in `text` with `<abbr>`: in
    /// reading order, each occurrence of a term not marked before that stands as a whole word
    /// (the ends of `text` count as word ends), the longest at one place.
    private mutating func abbreviated(_ text: String) -> [HTML] {
        guard anchorsParagraphs, !abbreviations.isEmpty, !text.isEmpty else { return text.isEmpty ? [] : [.text(text)] }
        if abbreviationTerms == nil { abbreviationTerms = AbbreviationTerms(abbreviations.keys) }
        let terms = abbreviationTerms!
        var text = text
        var marked: [(start: Int, end: Int, entry: Abbreviation)] = []
        var work = 0
        text.withUTF8 { bytes in
            var cursor = 0
            for occurrence in terms.occurrences(in: bytes, work: &work) where occurrence.start >= cursor {
                let term = terms.terms[occurrence.pattern]
                guard !abbreviationsSeen.contains(term), let entry = abbreviations[term] else { continue }
                guard occurrence.start == cursor || !WordBytes.wordBefore(occurrence.start, in: bytes),
                      !WordBytes.wordAt(occurrence.end, in: bytes) else { continue }
                abbreviationsSeen.insert(entry.term)
                marked.append((occurrence.start, occurrence.end, entry))
                cursor = occurrence.end
            }
        }
        abbreviationWork += work
        guard !marked.isEmpty else { return [.text(text)] }
        let utf8 = text.utf8
        func slice(_ from: Int, _ to: Int) -> String {
            let lower = utf8.index(utf8.startIndex, offsetBy: from)
            return String(text[lower..<utf8.index(lower, offsetBy: to - from)])
        }
        var result: [HTML] = []
        var cursor = 0
        for (start, end, entry) in marked {
            result.append(.text(slice(cursor, start)))
            result.append(.el("abbr", [("title", entry.expansion)], [.text(slice(start, end))]))
            cursor = end
        }
        if cursor < utf8.count { result.append(.text(slice(cursor, utf8.count))) }
        return result
    }

    /// Replaces the mentions' placeholder snippets (their own text) by their sentence.
    private mutating func fillSnippets(from start: Int, paragraph: String) {
        guard start < mentions.count else { return }
        // Mentions are in reading order: find each after the previous one.
        let flat = Snippet.flatten(paragraph)
        var cursor = flat.startIndex
        for index in start..<mentions.count {
            let shown = mentions[index].snippet
            if let range = flat[cursor...].byteRange(of: shown) {
                mentions[index].snippet = Snippet.sentence(at: range, in: flat)
                cursor = range.upperBound
            } else {
                mentions[index].snippet = Snippet.sentence(containing: shown, in: flat)
            }
        }
    }

    private mutating func warnRawHTML(_ raw: String, at: SourcePosition) {
        let excerpt = raw.trimmingCharacters(in: .whitespacesAndNewlines).prefix(40)
        diagnostics.append(Diagnostic(
            file: source.path, line: at.line, column: source.characterColumn(line: at.line, byteColumn: at.column),
            severity: .warning, code: .rawHTML,
            message: "raw HTML is not allowed in content and is shown as text: \(excerpt)"))
    }

    /// Resolves a link destination to the `href` written in the page, percent-encoded as
    /// cmark-gfm encodes it; nil for a URL scheme other than http, https and mailto.
    private mutating func resolve(_ destination: String) -> String? {
        if destination.hasPrefix("#") { return LinkDestination.encoded(destination) }
        if let scheme = LinkDestination.scheme(of: destination) {
            if ["http", "https", "mailto"].contains(scheme) { return LinkDestination.encoded(destination) }
            diagnostics.append(Diagnostic(file: source.path, severity: .warning, code: .unsafeLink,
                                          message: "link to '\(destination.prefix(60))' was removed: only http, https and mailto links are allowed"))
            return nil
        }
        if destination.hasPrefix("//") || destination.hasPrefix("/\\") || destination.hasPrefix("\\") {
            // `//host/x` and `/\host/x` (browsers read `\` as `/`) lead to another host.
            let rest = destination.drop { $0 == "/" || $0 == "\\" }.replacingOccurrences(of: "\\", with: "/")
            let external = "https://" + rest
            diagnostics.append(Diagnostic(file: source.path, severity: .warning, code: .externalResource,
                                          message: "'\(destination.prefix(60))' is a protocol-relative address: browsers read it as \(external.prefix(60)), on another host; write the https:// address if that is meant"))
            return LinkDestination.encoded(external)
        }
        if destination.hasPrefix("/") { return LinkDestination.encoded(basePath + destination.dropFirst()) }
        // Relative to the file's folder, within the content.
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let pathPart = String(parts[0])
        let fragment = parts.count > 1 ? "#" + parts[1] : ""
        if pathPart.isEmpty { return LinkDestination.encoded(fragment) }
        let folder = (source.relativePath as NSString).deletingLastPathComponent
        let joined = LinkDestination.removingDotSegments(folder.isEmpty ? pathPart : folder + "/" + pathPart)
        if pathPart.hasSuffix(".md") {
            guard let url = pageURLs[joined] ?? pageURLs[LinkDestination.percentDecoded(joined)] else {
                diagnostics.append(Diagnostic(file: source.path, severity: .error, code: .linkBroken,
                                              message: "link to '\(pathPart)': no such content file (\(joined))"))
                return fragment.isEmpty ? nil : LinkDestination.encoded(fragment)
            }
            return LinkDestination.encoded(url + fragment)
        }
        return LinkDestination.encoded(basePath + joined + fragment)
    }
}
