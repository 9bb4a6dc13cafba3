// The loaded content of a site: every file read, split and its front matter decoded, but no
// Markdown parsed yet. This is the value `ContentLoader` hands to `MarkdownStage`.

/// Everything in the content folder, typed by role.
public struct SiteContent: Sendable {
    public var publication: ContentPage<PublicationMeta>
    /// The chapters in reading order.
    public var chapters: [ContentPage<PageMeta>]
    public var notes: ContentPage<NotesMeta>?
    public var abbreviations: ContentPage<AbbreviationsMeta>?
    /// Companion documents, sorted by slug.
    public var documents: [ContentPage<DocumentMeta>]
    /// The introduction of the Editorial notes page, if the content has one.
    public var editorialNotes: ContentPage<PageMeta>?
    /// Profiles of people, sorted by slug.
    public var people: [ContentPage<PersonMeta>] = []
    /// Profiles of organisations, sorted by slug.
    public var organisations: [ContentPage<OrganisationMeta>] = []
    /// `data/defector-estimates.yml`, if present.
    public var estimates: DataFile<EstimatesData>? = nil
    /// `data/timeline.yml`, if present.
    public var timeline: DataFile<TimelineData>? = nil
    /// Other Markdown pages (`about.md` → `/about/`), sorted by path.
    public var pages: [ContentPage<PageMeta>]
    /// Files that are copied unchanged (images and the like), relative to the content folder.
    public var staticFiles: [String]
}
