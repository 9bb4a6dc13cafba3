// One thing a reader can find: a paragraph of the report or of a companion document, a
// heading, a note, a profile, an abbreviation. The renderer collects them while it renders;
// `SearchIndexer` turns them into the index files the browser searches.

/// A searchable unit of the site with where it lives and what it says.
public struct SearchRecord: Hashable, Sendable {
    /// What kind of thing the record is; shown as the result's type label. A profile's kind
    /// is the name of its type (`person`, `place`).
    public struct Kind: RawRepresentable, Hashable, Sendable {
        public let rawValue: String
        /// Wraps a kind name.
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let chapter = Kind(rawValue: "chapter")
        public static let note = Kind(rawValue: "note")
        public static let person = Kind(rawValue: "person")
        public static let organisation = Kind(rawValue: "organisation")
        public static let document = Kind(rawValue: "document")
        public static let glossary = Kind(rawValue: "glossary")
        /// The kinds every index lists, in this order; other profile types follow as they occur.
        public static let allCases: [Kind] = [.chapter, .note, .person, .organisation, .document, .glossary]
    }

    public var kind: Kind
    /// The title shown for the result: the chapter or document title, `Note 29`, a name, a term.
    public var title: String
    /// Where in the page it stands (a section heading), shown after the title.
    public var section: String?
    /// The URL relative to the site's base path, with its anchor: `report/introduction/#introduction-p3`.
    public var url: String
    /// The body text: matched, and shown as the snippet.
    public var text: String
    /// Titles, names and aliases: matched with a higher weight than the text.
    public var boosted: [String]

    /// Creates a record.
    public init(kind: Kind, title: String, section: String? = nil, url: String, text: String, boosted: [String] = []) {
        self.kind = kind
        self.title = title
        self.section = section
        self.url = url
        self.text = text
        self.boosted = boosted
    }
}
