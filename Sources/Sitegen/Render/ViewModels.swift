// The values templates see. Mustache reads them by reflection; every string is escaped by
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

/// Site-wide values, the same on every page.
public struct SiteView: Hashable, Encodable, Sendable {
    public var title: String
    public var subtitle: String?
    public var authors: String
    public var publisher: String
    public var year: Int
    public var language: String
    public var basePath: String
    public var stylesheetURL: String
    public var scriptURL: String?
    /// The header navigation.
    public var navigation: [LinkView]
}

/// A label/value line (document facts, publication facts).
public struct FactView: Hashable, Encodable, Sendable {
    public var label: String
    public var value: String
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
    public var eyebrow: String?
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
    public var abbreviations: [Abbreviation]?
    public var documents: [DocumentEntryView]?
    public var chaptersHTML: [String]?
}
