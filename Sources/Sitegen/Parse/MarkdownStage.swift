// Stage 2: parses every Markdown body into a syntax tree (cmark-gfm, through
// `SitegenMarkdown`) and lifts endnote definitions out of the report's files.
// cmark-gfm parses one document at a time behind a lock; the report parses in milliseconds.

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

    /// Parses all bodies, reusing the trees of texts that `cache` has seen.
    func run(_ content: SiteContent, cache: inout MarkdownCache) -> ParsedSite {
        var definitions: [NoteDefinition] = []
        var diagnostics: [Diagnostic] = []
        func checkDepth(_ document: MarkdownDocument, _ source: SourceFile) {
            guard let at = document.flattenedAt else { return }
            diagnostics.append(Diagnostic(
                file: source.path, line: at.line, column: source.characterColumn(line: at.line, byteColumn: at.column),
                severity: .warning, code: .markdownTooDeep,
                message: "blocks and inline markup are nested more than \(MarkdownParser.maximumDepth) levels deep here; the text is kept, the deeper nesting is flattened"))
        }

        func parse<Meta>(_ page: ContentPage<Meta>, liftingNotes: Bool) -> Parsed<Meta> {
            var body = page.source.body
            if liftingNotes, body.containsBytes("[^") {
                let extracted = NoteDefinitionExtractor.extract(from: body)
                body = extracted.remainder
                for definition in extracted.definitions {
                    let line = definition.line + page.source.bodyLineOffset
                    let document = cache.document(definition.text, lineOffset: line - 1, parser: parser)
                    checkDepth(document, page.source)
                    definitions.append(NoteDefinition(
                        label: NoteLabel(rawValue: definition.label), blocks: document.blocks,
                        file: page.source.path, position: SourcePosition(line: line, column: 1)))
                }
            }
            let document = cache.document(body, lineOffset: page.source.bodyLineOffset, parser: parser)
            checkDepth(document, page.source)
            return Parsed(page: page, document: document)
        }

        let chapters = content.chapters.map { parse($0, liftingNotes: true) }
        let unloaded = content.unloadedChapters.map { source in
            UnloadedChapter(source: source, document: cache.document(
                NoteDefinitionExtractor.extract(from: source.body).remainder, lineOffset: source.bodyLineOffset, parser: parser))
        }
        let notes = content.notes.map { parse($0, liftingNotes: true) }
        return ParsedSite(
            content: content,
            abstract: parse(content.publication, liftingNotes: false),
            chapters: chapters,
            unloadedChapters: unloaded,
            notesIntroduction: notes,
            noteDefinitions: definitions,
            documents: content.documents.map { parse($0, liftingNotes: false) },
            editorialIntroduction: content.editorialNotes.map { parse($0, liftingNotes: false) },
            figuresIntroduction: content.figuresPage.map { parse($0, liftingNotes: false) },
            timelineIntroduction: content.timelinePage.map { parse($0, liftingNotes: false) },
            pages: content.pages.map { parse($0, liftingNotes: false) },
            profiles: content.profiles.map { collection in
                ProfileCollection(type: collection.type, items: collection.items.map { parse($0, liftingNotes: false) })
            },
            diagnostics: diagnostics)
    }
}
