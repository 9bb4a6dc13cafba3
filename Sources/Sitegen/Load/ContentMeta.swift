import Foundation

// The front matter of each kind of content file, decoded straight into typed values.

/// An author of the publication.
public struct Author: Decodable, Hashable, Sendable {
    /// The name as readers see it.
    public var name: String
    public var affiliation: String?
    /// The family name, for citations that invert names ("Lindqvist, Marta"); a name without
    /// `family` is cited whole, as written, never split by guess.
    public var family: String?
    /// The given names, with `family`.
    public var given: String?

    /// Creates an author.
    public init(name: String, affiliation: String? = nil, family: String? = nil, given: String? = nil) {
        (self.name, self.affiliation, self.family, self.given) = (name, affiliation, family, given)
    }
}

/// Front matter of `index.md`: the publication itself. Only `title` is required; an optional
/// field given as empty text (`isbn: ""`) counts as absent, so it never leaves an empty row.
public struct PublicationMeta: Decodable, Hashable, Sendable {
    public var title: String
    public var subtitle: String?
    public var authors: [Author]
    public var publisher: String?
    public var place: String?
    public var year: Int?
    public var isbn: String?
    public var isbnPrint: String?
    /// The language; `lang` in `site.yml` takes precedence.
    public var language: String?
    /// The base URL; `base_url` in `site.yml` and `--base-url` take precedence.
    public var baseURL: String?
    public var colophon: [String]?

    enum CodingKeys: String, CodingKey {
        case title, subtitle, authors, publisher, place, year, isbn, language, colophon
        case isbnPrint = "isbn_print"
        case baseURL = "base_url"
    }

    /// Creates the front matter of a publication.
    public init(title: String, subtitle: String? = nil, authors: [Author] = [], publisher: String? = nil,
                place: String? = nil, year: Int? = nil, isbn: String? = nil, isbnPrint: String? = nil,
                language: String? = nil, baseURL: String? = nil, colophon: [String]? = nil) {
        (self.title, self.subtitle, self.authors, self.publisher, self.place, self.year) = (title, subtitle, authors, publisher, place, year)
        (self.isbn, self.isbnPrint, self.language, self.baseURL, self.colophon) = (isbn, isbnPrint, language, baseURL, colophon)
    }

    /// Decodes the front matter; empty optional texts become nil.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String? {
            let value = try c.decodeIfPresent(String.self, forKey: key)?.trimmingCharacters(in: .whitespaces)
            return value?.isEmpty == false ? value : nil
        }
        let yearIsEmpty = (try? c.decodeIfPresent(String.self, forKey: .year))?.trimmingCharacters(in: .whitespaces).isEmpty == true
        self.init(title: try c.decode(String.self, forKey: .title), subtitle: try text(.subtitle),
                  authors: try c.decodeIfPresent([Author].self, forKey: .authors) ?? [],
                  publisher: try text(.publisher), place: try text(.place),
                  year: yearIsEmpty ? nil : try c.decodeIfPresent(Int.self, forKey: .year), isbn: try text(.isbn),
                  isbnPrint: try text(.isbnPrint), language: try text(.language), baseURL: try text(.baseURL),
                  colophon: try c.decodeIfPresent([String].self, forKey: .colophon)?.filter { !$0.isEmpty })
    }
}

/// Front matter of a chapter or a plain page.
public struct PageMeta: Decodable, Hashable, Sendable {
    public var title: String
    public var description: String?
}

/// A problem of the endnotes that cannot be repaired in the text, declared by the editors:
/// it silences exactly `codes` for `note`, and `explanation` is shown to readers.
public struct DeclaredNoteProblem: Decodable, Hashable, Sendable {
    public var note: NoteLabel
    public var codes: [DiagnosticCode]
    public var explanation: String
}

/// Front matter of `report/notes.md`.
public struct NotesMeta: Decodable, Hashable, Sendable {
    public var title: String
    public var declared: [DeclaredNoteProblem]?
}

/// One entry of the printed abbreviations list.
public struct Abbreviation: Codable, Hashable, Sendable {
    public var term: String
    public var expansion: String
    /// A correction of the printed entry, shown to readers as an editorial note.
    public var editorial: String?
    /// The slug of the organisation's profile, when there is one.
    public var organisation: String?
}

/// Front matter of `report/abbreviations.md`.
public struct AbbreviationsMeta: Decodable, Hashable, Sendable {
    public var title: String
    public var abbreviations: [Abbreviation]
}

/// What kind of companion document a file is: `article`, `summary`, `podcast`, `transcript`,
/// or a kind the site declares under `document_kinds` in `site.yml` (checked by `ContentLoader`).
public struct DocumentKind: RawRepresentable, Decodable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    /// Wraps a kind as written in the front matter.
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let article = DocumentKind(rawValue: "article")
    public static let summary = DocumentKind(rawValue: "summary")
    public static let podcast = DocumentKind(rawValue: "podcast")
    public static let transcript = DocumentKind(rawValue: "transcript")
    /// The kinds every site has; their labels are the interface strings `document_kind_<kind>`.
    public static let builtIn: [DocumentKind] = [.article, .summary, .podcast, .transcript]

    /// The label shown to readers: the site's label, else the interface string, else the kind
    /// with a capital letter.
    public func label(_ strings: InterfaceStrings, declared: [String: String]? = nil) -> String {
        if let label = declared?[rawValue], !label.isEmpty { return label }
        if Self.builtIn.contains(self) { return strings["document_kind_\(rawValue)"] }
        return rawValue.prefix(1).uppercased() + rawValue.dropFirst()
    }
}

/// Front matter of a companion document.
public struct DocumentMeta: Decodable, Hashable, Sendable {
    public var title: String
    /// The line the original sets under its title.
    public var subtitle: String?
    public var kind: DocumentKind
    public var outlet: String?
    public var author: String?
    public var date: String?
    /// The address of the original publication.
    public var url: String?
    public var description: String?
}

/// The label of an endnote as written in `[^label]`; for the report, its printed number.
/// Decodes from a YAML number or string.
public struct NoteLabel: RawRepresentable, Hashable, Sendable, Comparable, Decodable, CustomStringConvertible {
    public let rawValue: String
    /// Wraps a label.
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    /// The label as a number, when it is one.
    public var number: Int? { Int(rawValue) }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            rawValue = String(number)
        } else {
            rawValue = try container.decode(String.self)
        }
    }

    /// Numeric labels in numeric order, before other labels in text order.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        switch (lhs.number, rhs.number) {
        case let (l?, r?): return l < r
        case (_?, nil): return true
        case (nil, _?): return false
        default: return lhs.rawValue < rhs.rawValue
        }
    }
}

/// A URL path segment derived from a file name (`02-heat-and-mortality.md` → `heat-and-mortality`).
public struct Slug: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String
    /// Wraps a slug.
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A content file with its decoded front matter.
public struct ContentPage<Meta: Hashable & Sendable>: Hashable, Sendable {
    public var source: SourceFile
    public var meta: Meta
    public var slug: Slug
}
