// The site after Markdown parsing: every body is a syntax tree, and endnote definitions have
// been lifted out of the text into `NoteDefinition` values. Produced by `MarkdownStage`.

import SitegenMarkdown

/// A content page together with its parsed body.
public struct Parsed<Meta: Hashable & Sendable>: Sendable {
    public var page: ContentPage<Meta>
    public var document: MarkdownDocument

    /// The page's display path, for diagnostics.
    public var path: String { page.source.path }
}

/// One endnote definition `[^label]: text`, wherever it was written.
public struct NoteDefinition: Hashable, Sendable {
    public var label: NoteLabel
    public var blocks: [Block]
    /// The file (display path) and the position of `[^` of the definition.
    public var file: String
    public var position: SourcePosition
}

/// A chapter whose front matter could not be decoded: it gets no page, but its note markers
/// still count, so that its notes are not reported as never referenced.
public struct UnloadedChapter: Sendable {
    public var source: SourceFile
    public var document: MarkdownDocument
}

/// The parsed site.
public struct ParsedSite: Sendable {
    public var content: SiteContent
    /// The body of `index.md`: the abstract.
    public var abstract: Parsed<PublicationMeta>
    public var chapters: [Parsed<PageMeta>]
    /// Chapters that failed to load, parsed only for their note markers.
    public var unloadedChapters: [UnloadedChapter] = []
    /// The body of `notes.md` without its definitions (usually empty).
    public var notesIntroduction: Parsed<NotesMeta>?
    /// Every note definition, in file order.
    public var noteDefinitions: [NoteDefinition]
    public var documents: [Parsed<DocumentMeta>]
    public var editorialIntroduction: Parsed<PageMeta>?
    /// The bodies of `figures.md` and `timeline.md`: introductions of those pages.
    public var figuresIntroduction: Parsed<PageMeta>? = nil
    public var timelineIntroduction: Parsed<PageMeta>? = nil
    public var pages: [Parsed<PageMeta>]
    /// The profile collections, in the order of their types.
    public var profiles: [ProfileCollection<Parsed<ProfileMeta>>] = []
    /// Problems found while parsing (nesting too deep).
    public var diagnostics: [Diagnostic] = []

    /// The profiles of the type `name` (empty when the site has no such type).
    public func profiles(_ name: String) -> [Parsed<ProfileMeta>] {
        profiles.first { $0.type.name == name }?.items ?? []
    }
}
