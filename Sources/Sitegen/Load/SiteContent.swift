// The loaded content of a site: every file read, split and its front matter decoded, but no
// Markdown parsed yet. This is the value `ContentLoader` hands to `MarkdownStage`.

/// Everything in the content folder, typed by role.
public struct SiteContent: Sendable {
    public var publication: ContentPage<PublicationMeta>
    /// The chapters in reading order.
    public var chapters: [ContentPage<PageMeta>]
    /// Chapter files whose front matter could not be decoded (reported as errors): not pages,
    /// but read for their note markers.
    public var unloadedChapters: [SourceFile] = []
    public var notes: ContentPage<NotesMeta>?
    public var abbreviations: ContentPage<AbbreviationsMeta>?
    /// Companion documents, sorted by slug.
    public var documents: [ContentPage<DocumentMeta>]
    /// The introduction of the Editorial notes page, if the content has one.
    public var editorialNotes: ContentPage<PageMeta>?
    /// The profile collections (people, organisations, any declared in `types/`), each sorted by slug.
    public var profiles: [ProfileCollection<ContentPage<ProfileMeta>>] = []
    /// The charts of the data files (`type: chart`), checked, in file name order.
    public var charts: [CheckedChart] = []
    /// The timeline data files (`type: timeline`), in file name order.
    public var timelines: [DataFile<TimelineData>] = []
    /// `figures.md`: the title, description and introduction of the figures page.
    public var figuresPage: ContentPage<PageMeta>? = nil
    /// `timeline.md`: the title, description and introduction of the timeline page.
    public var timelinePage: ContentPage<PageMeta>? = nil
    /// Other Markdown pages (`about.md` → `/about/`), sorted by path.
    public var pages: [ContentPage<PageMeta>]
    /// `site.yml`, or the defaults when there is none.
    public var config = SiteConfig()
    /// The interface strings in the site's language.
    public var strings = InterfaceStrings.english
    /// Files that are copied unchanged (images and the like), relative to the content folder.
    public var staticFiles: [String]
}
