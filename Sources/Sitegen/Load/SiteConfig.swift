// The site configuration, `content/site.yml`: what the shipped site shows that belongs to the
// report but is not the publication's front matter (index.md) — its language, base URL, menu,
// the titles and leads of its index pages, its kinds of companion document, the search
// page's example, and free values for templates under `params`. Every key is known: an
// unknown key is an error with a suggestion. The file is optional; without it the defaults
// (English, the default menu, the built-in titles) apply.

/// The pages a site configuration can name (in `menu`, `home_links` and `pages`).
public enum SitePage: String, CaseIterable, Sendable, Hashable, Codable {
    case home, full, notes, sources, figures, timeline, abbreviations, editorial, documents, people, organisations, search
    case notFound = "not-found"
}

/// A menu entry: a page of the site (one of `SitePage`, or the slug of a content page such as
/// `about`) with an optional label (default: the interface string `nav_<page>` or the page's title).
public struct MenuEntry: Decodable, Hashable, Sendable {
    public var page: String
    public var label: String?

    enum CodingKeys: String, CodingKey { case page, label }

    /// Creates an entry.
    public init(page: String, label: String? = nil) {
        self.page = page
        self.label = label
    }

    /// Decodes `documents` or `{page: documents, label: Texts}`.
    public init(from decoder: Decoder) throws {
        if let page = try? decoder.singleValueContainer().decode(String.self) {
            self.init(page: page)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(page: try container.decode(String.self, forKey: .page),
                  label: try container.decodeIfPresent(String.self, forKey: .label))
    }
}

/// The title and lead of one page kind.
public struct PageText: Decodable, Hashable, Sendable {
    public var title: String?
    public var description: String?
}

/// The search page's worked examples.
public struct SearchExample: Decodable, Hashable, Sendable, Encodable {
    /// A phrase of the report, shown as the example of a quoted search.
    public var phrase: String?
    /// A word prefix (`vaccin`) and what it finds (`vaccine and vaccination`).
    public var word: String?
    public var matches: String?
}

/// How the site describes itself to link previews, reference managers and Google Scholar
/// (`metadata` in site.yml). The rest of that description comes from index.md.
public struct SiteMetadata: Decodable, Hashable, Sendable {
    /// A file of `content/` (copied to the site) shown in link previews: `og:image`, `twitter:image`.
    public var image: String?
    /// What the image shows, for readers who cannot see it (`og:image:alt`, `twitter:image:alt`).
    public var imageAlt: String?
    /// The publication as a PDF: a file of `content/` or an https address (`citation_pdf_url`).
    public var pdf: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case image, pdf
        case imageAlt = "image_alt"
    }

    /// The keys of the section.
    static let keys = CodingKeys.allCases.map(\.rawValue)
}

/// `content/site.yml`.
public struct SiteConfig: Decodable, Hashable, Sendable {
    /// The language of the site (`en`, `fr`, `fr-CA`, `my`): `<html lang>` and the strings file.
    public var lang: String?
    /// The URL the site is served under; `--base-url` overrides it.
    public var baseURL: String?
    /// The header navigation, in order. Default: home, full, notes, people, organisations, documents.
    public var menu: [MenuEntry]?
    /// The list of links on the home page under the contents. Default: full, notes, sources,
    /// figures, timeline, abbreviations, editorial, documents.
    public var homeLinks: [MenuEntry]?
    /// Titles and leads of the pages, by page.
    public var pages: [String: PageText]?
    /// Kinds of companion document beyond article, summary, podcast and transcript (or new
    /// labels for those), kind → label.
    public var documentKinds: [String: String]?
    /// The search page's examples.
    public var search: SearchExample?
    /// Style sheets of the site's own, loaded after the theme's: paths of `.css` files in the
    /// content folder (`assets/script-fonts.css`), copied with the other files there.
    public var stylesheets: [String]?
    /// Free values for templates (`{{site.params.…}}`).
    public var params: [String: ParamValue]?
    /// Every internal address relative to its page, so the output works from a folder, under
    /// any path and on IPFS (`--relative-links` sets it too). Default: no.
    public var relativeLinks: Bool?
    /// The share image and the PDF edition, for link previews and citation metadata.
    public var metadata: SiteMetadata?
    /// A "Save for offline reading" button (where service workers work) that stores the whole
    /// site in the browser, with `offline.json` and a service worker at the root. Default: no.
    public var offlineReading: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case lang, menu, pages, search, stylesheets, params, metadata
        case baseURL = "base_url"
        case homeLinks = "home_links"
        case documentKinds = "document_kinds"
        case relativeLinks = "relative_links"
        case offlineReading = "offline_reading"
    }

    /// Creates an empty configuration (every default).
    public init() {}

    /// The top-level keys.
    static let keys = CodingKeys.allCases.map(\.rawValue)
    /// Keys of `index.md`'s front matter, reported as misplaced when met here.
    static let publicationKeys = ["title", "subtitle", "authors", "publisher", "place", "year", "isbn", "isbn_print", "colophon", "description"]

    /// The default header navigation.
    public static let defaultMenu: [MenuEntry] = ["home", "full", "notes", "sources", "figures", "timeline", "documents", "people", "organisations"].map { MenuEntry(page: $0) }
    /// The default links of the home page.
    public static let defaultHomeLinks: [MenuEntry] = ["full", "notes", "sources", "figures", "timeline", "abbreviations", "editorial", "documents"]
        .map { MenuEntry(page: $0) }
}

/// A free value under `params`: text, number, yes/no, list or mapping.
public indirect enum ParamValue: Decodable, Hashable, Sendable, Encodable {
    case text(String)
    case list([ParamValue])
    case mapping([String: ParamValue])

    /// Decodes any YAML value; scalars become text.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let list = try? container.decode([ParamValue].self) {
            self = .list(list)
        } else {
            self = .mapping(try container.decode([String: ParamValue].self))
        }
    }

    /// Encodes the value as it was written.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .list(let list): try container.encode(list)
        case .mapping(let mapping): try container.encode(mapping)
        }
    }

    /// The value as templates read it: a string, an array or a dictionary.
    var templateValue: Any {
        switch self {
        case .text(let text): return text
        case .list(let list): return list.map(\.templateValue)
        case .mapping(let mapping): return mapping.mapValues(\.templateValue)
        }
    }
}
