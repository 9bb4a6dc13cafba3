// The values templates see, converted for Mustache by `ViewModels+Mustache.swift` (a field
// added here must be added there; a test says so). Every string is escaped by
// `{{…}}` in the templates, except the `…HTML` fields, which hold fragments built with the
// escaping `HTML` tree and are inserted with `{{{…}}}`. They are `Encodable` so that the
// preview's `BuildCache` can fingerprint a whole page model (`ContentHash`).

/// A link with its text.
public struct LinkView: Hashable, Encodable, Sendable {
    public var title: String
    public var url: String
    public var current: Bool = false
}

/// A line of a table of contents.
public struct TocEntry: Hashable, Encodable, Sendable {
    public var number: String?
    public var title: String
    public var url: String
    public var sections: [LinkView]
}

/// Site-wide values, the same on every page. Optional publication fields are nil when the
/// front matter leaves them out (or gives them empty), so a template's `{{#…}}` skips them.
public struct SiteView: Hashable, Encodable, Sendable {
    public var title: String
    public var subtitle: String?
    /// The authors' names joined with the language's "and".
    public var authors: String?
    public var publisher: String?
    public var year: String?
    /// "Publisher, year" (either alone when the other is missing).
    public var imprint: String?
    /// "Publisher · year".
    public var imprintLine: String?
    /// The language of the site (`<html lang>`).
    public var language: String
    public var basePath: String
    public var stylesheetURL: String
    /// The site's own style sheets (`stylesheets` in site.yml), loaded after the theme's.
    public var stylesheets: [String] = []
    public var scriptURL: String?
    /// `scriptURL` loaded `async` at the end of the body instead of `defer` in the head (the search
    /// page: its first results wait neither for the style sheets nor for their bandwidth).
    public var scriptAtEnd: Bool = false
    /// Scripts of the theme, loaded with `defer` on every page (progressive enhancement only).
    public var scripts: [String] = []
    /// The header navigation.
    public var navigation: [LinkView]
    /// The Editorial notes page, when the site has editorial notes (the footer links to it).
    public var editorialNotesURL: String? = nil
    /// The free values of `params` in site.yml.
    public var params: [String: ParamValue]? = nil
    /// Whether pages offer "Save for offline reading" (`offline_reading` in site.yml).
    public var offlineReading: Bool = false
    /// The label of each kind of search result (`chapter` → "chapter", a profile type → its
    /// label), handed to the search script as attributes of the header's search form.
    public var searchKinds: [SearchKindView] = []
}

/// A kind of search result and the label readers see for it.
public struct SearchKindView: Hashable, Encodable, Sendable {
    public var name: String
    public var label: String
}

/// A label/value line (document facts, publication facts); the value may link somewhere,
/// with a link to an archived copy beside it.
public struct FactView: Hashable, Encodable, Sendable {
    public var label: String
    public var value: String
    public var url: String? = nil
    public var archiveURL: String? = nil
}

/// A group of editorial notes on the Editorial notes page.
public struct EditorialGroupView: Hashable, Encodable, Sendable {
    public var title: String
    public var url: String
    public var items: [EditorialItemView]
}

/// One editorial note with the link to where it stands.
public struct EditorialItemView: Hashable, Encodable, Sendable {
    public var text: String
    public var url: String
    public var place: String
}

/// An abbreviation on the glossary page.
public struct GlossaryEntryView: Hashable, Encodable, Sendable {
    public var id: String
    public var term: String
    public var expansion: String
    public var url: String?
    public var editorial: String?
}

/// A companion document in the documents index.
public struct DocumentEntryView: Hashable, Encodable, Sendable {
    public var title: String
    public var url: String
    public var label: String
    public var description: String?
}

/// Everything a page template may use. Fields a page kind does not use stay nil.
public struct PageModel: Hashable, Encodable, Sendable {
    public var site: SiteView
    /// The visible title (h1).
    public var title: String
    /// The `<title>` of the document.
    public var documentTitle: String
    public var description: String
    public var canonicalURL: String?
    public var kind: String
    /// The interface strings in the site's language (`{{t.contents}}`).
    public var t: [String: String] = [:]
    /// The lead paragraph under the title, from site.yml or the interface strings.
    public var lede: String?
    /// The search page's examples, from site.yml.
    public var searchExample: SearchExample?
    public var eyebrow: String?
    /// A line under the title (a document's subtitle).
    public var subtitle: String?
    public var contentHTML: String?
    public var notesHTML: String?
    public var previous: LinkView?
    public var next: LinkView?
    public var contents: [TocEntry]?
    public var sections: [LinkView]?
    public var facts: [FactView]?
    public var colophon: [String]?
    public var links: [LinkView]?
    public var editorialGroups: [EditorialGroupView]?
    public var glossary: [GlossaryEntryView]?
    public var documents: [DocumentEntryView]?
    public var profile: ProfileView?
    public var profileGroups: [ProfileGroupView]?
    public var sourceGroups: [SourceGroupView]?
    public var charts: [ChartView]?
    public var timeline: [TimelineMonthView]?
    public var chaptersHTML: [String]?
    /// The search page: the index metadata, as the content of a JSON data block.
    public var searchMetaJSON: String?
    /// The search page: the records table (titles and URLs), as the content of a JSON data block.
    public var searchRecordsJSON: String?
    /// Files the page will need, announced in its head: (URL, `as` destination).
    public var preloads: [PreloadView]?
    /// Open Graph, Twitter card and Highwire tags and the JSON-LD of the page.
    public var meta: PageMetaView?
    /// "Cite this report" (home page and chapters).
    public var citation: CitationView?
}

/// The "Cite this report" block: the citation in HTML (escaped, the title in italics), the
/// name of its style and the metadata files.
public struct CitationView: Hashable, Encodable, Sendable {
    public var citationHTML: String
    public var style: String
    public var downloads: [DownloadView]
}

/// A file to download, with the name it is saved under.
public struct DownloadView: Hashable, Encodable, Sendable {
    public var title: String
    public var url: String
    public var filename: String
}

/// A `<link rel="preload">` of a page.
public struct PreloadView: Hashable, Encodable, Sendable {
    public var url: String
    /// The `as` attribute: `script`, `fetch`, …
    public var destination: String
    /// Whether the request is made in CORS mode (`crossorigin`), as `fetch()` makes it: a
    /// preload must match the request that uses it.
    public var crossOrigin = false
}

/// A mention of a profile, shown on the profile page.
public struct MentionItemView: Hashable, Encodable, Sendable {
    public var snippet: String
    public var url: String
    public var place: String
}

/// Mentions grouped by chapter, note list or document.
public struct MentionGroupView: Hashable, Encodable, Sendable {
    public var title: String
    public var url: String
    public var items: [MentionItemView]
}

/// A labelled list of links (organisations, members, related profiles).
public struct LinkGroupView: Hashable, Encodable, Sendable {
    public var title: String
    public var links: [LinkView]
}

/// A profile page's content.
public struct ProfileView: Hashable, Encodable, Sendable {
    public var kindLabel: String
    public var summary: String?
    public var facts: [FactView]
    public var linkGroups: [LinkGroupView]
    public var bodyHTML: String?
    public var reportGroups: [MentionGroupView]
    public var noteGroups: [MentionGroupView]
    public var documentGroups: [MentionGroupView]
    public var mentionCount: Int
}

/// One profile on an index page.
public struct ProfileEntryView: Hashable, Encodable, Sendable {
    public var name: String
    public var url: String
    public var detail: String?
    public var summary: String?
}

/// A group of profiles on an index page.
public struct ProfileGroupView: Hashable, Encodable, Sendable {
    public var title: String
    public var id: String
    public var entries: [ProfileEntryView]
}

/// One source on the Sources page. Its keys are its own (`sourceTitle`, `sourceURL`), so a
/// missing value is never looked up in an outer Mustache context.
public struct SourceView: Hashable, Encodable, Sendable {
    public var id: String
    public var label: String
    public var sourceTitle: String?
    public var sourceURL: String?
    public var archiveURL: String?
    public var notes: [LinkView]
    public var notesLabel: String
    public var shortForms: String?
}

/// Sources of one outlet or platform (or all of a kind).
public struct SourceSubgroupView: Hashable, Encodable, Sendable {
    public var outletTitle: String?
    public var outletURL: String?
    public var sources: [SourceView]
}

/// Sources of one kind.
public struct SourceGroupView: Hashable, Encodable, Sendable {
    public var title: String
    public var id: String
    public var count: Int
    public var subgroups: [SourceSubgroupView]
}

/// A chart of the figures page: the SVG, its caption and its table.
public struct ChartView: Hashable, Encodable, Sendable {
    public var id: String
    public var title: String
    public var caption: String?
    /// The chart's description, shown above it when the page holds several charts (with one,
    /// it is the page's description).
    public var chartLede: String?
    public var svgHTML: String
    public var whenHeading: String
    public var valueHeading: String
    /// Nil when no point says whose figure it is (the column is left out).
    public var whoHeading: String?
    public var sourceHeading: String
    public var rows: [ChartRowView]
}

/// A row of a chart's table.
public struct ChartRowView: Hashable, Encodable, Sendable {
    public var when: String
    public var figure: String
    public var who: String?
    public var textURL: String?
    public var noteURL: String?
    public var sourceLabel: String
}

/// An event of the timeline.
public struct TimelineEventView: Hashable, Encodable, Sendable {
    public var iso: String
    public var when: String
    public var title: String
    public var text: String?
    public var textURL: String?
    public var noteURL: String?
    public var noteLabel: String?
    public var links: [LinkView]
}

/// The events of one month.
public struct TimelineMonthView: Hashable, Encodable, Sendable {
    public var title: String
    public var id: String
    public var events: [TimelineEventView]
}
