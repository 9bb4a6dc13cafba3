// Stage 2: parses every Markdown body into a syntax tree (cmark-gfm, through
// `SitegenMarkdown`) and lifts endnote definitions out of the report's files.
// cmark-gfm parses one document at a time behind a lock; everything around it (lifting the
// notes, turning cmark's trees into Swift values) runs on all cores.

import SitegenMarkdown

/// Turns `SiteContent` into a `ParsedSite`.
public struct MarkdownStage: Sendable {
    public var parser = MarkdownParser()

    /// Creates the stage.
    public init() {}

    /// Parses all bodies.
    public func run(_ content: SiteContent) -> ParsedSite {
        var cache = MarkdownCache(isEnabled: false)
        return run(content, cache: &cache)
    }

    /// Parses all bodies, reusing the trees of texts that `cache` has seen. Three passes: the
    /// note definitions are lifted out of the report's files (bytes, on all cores); every text
    /// to parse is listed; the texts are parsed on all cores (cmark-gfm's own parse behind its
    /// lock, the conversion into Swift values beside it); then the site is assembled in
    /// reading order.
    func run(_ content: SiteContent, cache: inout MarkdownCache) -> ParsedSite {
        let liftedChapters = cache.lifted(content.chapters.map(\.source.body)) { Self.lifted($0) }
        let liftedUnloaded = content.unloadedChapters.parallelMap { NoteDefinitionExtractor.extract(from: $0.body).remainder }
        let liftedNotes = content.notes.map { cache.lifted([$0.source.body]) { Self.lifted($0) }[0] } ?? nil

        // The texts to parse, in the order the assembly reads them.
        var texts = ParseList()
        func plan<Meta>(_ page: ContentPage<Meta>, _ notes: ExtractedNotes? = nil) -> Pending<Meta> {
            let definitions = (notes?.definitions ?? []).map { definition in
                let line = definition.line + page.source.bodyLineOffset
                return (label: definition.label, line: line, ticket: texts.add(definition.text, lineOffset: line - 1))
            }
            return Pending(page: page, definitions: definitions,
                           body: texts.add(notes?.remainder ?? page.source.body, lineOffset: page.source.bodyLineOffset))
        }
        let chapters = zip(content.chapters, liftedChapters).map { plan($0, $1) }
        let unloaded = zip(content.unloadedChapters, liftedUnloaded).map { source, remainder in
            (source, texts.add(remainder, lineOffset: source.bodyLineOffset))
        }
        let notes = content.notes.map { plan($0, liftedNotes) }
        let abstract = plan(content.publication)
        let documents = content.documents.map { plan($0) }
        let editorial = content.editorialNotes.map { plan($0) }
        let figures = content.figuresPage.map { plan($0) }
        let timeline = content.timelinePage.map { plan($0) }
        let pages = content.pages.map { plan($0) }
        let profiles = content.profiles.map { collection in (collection.type, collection.items.map { plan($0) }) }

        let trees = cache.documents(texts.texts, parser: parser)

        var definitions: [NoteDefinition] = []
        var diagnostics: [Diagnostic] = []
        func checkDepth(_ document: MarkdownDocument, _ source: SourceFile) {
            guard let at = document.flattenedAt else { return }
            diagnostics.append(Diagnostic(
                file: source.path, line: at.line, column: source.characterColumn(line: at.line, byteColumn: at.column),
                severity: .warning, code: .markdownTooDeep,
                message: "blocks and inline markup are nested more than \(MarkdownParser.maximumDepth) levels deep here; the text is kept, the deeper nesting is flattened"))
        }
        func parsed<Meta>(_ pending: Pending<Meta>) -> Parsed<Meta> {
            let source = pending.page.source
            for definition in pending.definitions {
                let document = trees[definition.ticket]
                checkDepth(document, source)
                definitions.append(NoteDefinition(
                    label: NoteLabel(rawValue: definition.label), blocks: document.blocks,
                    file: source.path, position: SourcePosition(line: definition.line, column: 1)))
            }
            let document = trees[pending.body]
            checkDepth(document, source)
            return Parsed(page: pending.page, document: document)
        }

        let parsedChapters = chapters.map(parsed)
        let parsedNotes = notes.map(parsed)
        return ParsedSite(
            content: content,
            abstract: parsed(abstract),
            chapters: parsedChapters,
            unloadedChapters: unloaded.map { UnloadedChapter(source: $0.0, document: trees[$0.1]) },
            notesIntroduction: parsedNotes,
            noteDefinitions: definitions,
            documents: documents.map(parsed),
            editorialIntroduction: editorial.map(parsed),
            figuresIntroduction: figures.map(parsed),
            timelineIntroduction: timeline.map(parsed),
            pages: pages.map(parsed),
            profiles: profiles.map { type, items in ProfileCollection(type: type, items: items.map(parsed)) },
            diagnostics: diagnostics)
    }

    /// The note definitions of a body that has any, lifted out.
    private static func lifted(_ body: String) -> ExtractedNotes? {
        body.containsBytes("[^") ? NoteDefinitionExtractor.extract(from: body) : nil
    }

    /// A page whose texts are listed for parsing: the tickets of its body and of the note
    /// definitions lifted out of it.
    private struct Pending<Meta: Hashable & Sendable> {
        var page: ContentPage<Meta>
        var definitions: [(label: String, line: Int, ticket: Int)]
        var body: Int
    }

    /// Texts to parse, each with its line offset; a ticket is a text's place in the list.
    private struct ParseList {
        var texts: [MarkdownCache.Text] = []

        mutating func add(_ text: String, lineOffset: Int) -> Int {
            texts.append(MarkdownCache.Text(text: text, lineOffset: lineOffset))
            return texts.count - 1
        }
    }
}
