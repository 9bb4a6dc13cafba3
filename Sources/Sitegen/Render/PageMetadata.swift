// What a page says about itself to other programs, all of it from content/: Open Graph and
// Twitter card tags for link previews, Highwire Press `citation_*` tags for Google Scholar and
// reference managers (home page, full report, chapters), and a JSON-LD description in
// schema.org terms (the publication as a Report with its authors, publisher, date and ISBN;
// chapters as parts of it; profiles as the schema type their profile type names). The
// template writes the tags with `{{…}}` (escaped); the JSON-LD is serialised by `JSONLD`.

/// A `<meta>` of the head: its `property` (Open Graph) or `name` (Twitter, Highwire) and content.
public struct MetaTagView: Hashable, Encodable, Sendable {
    public var key: String
    public var content: String
}

/// The machine-readable description of one page.
public struct PageMetaView: Hashable, Encodable, Sendable {
    /// `<meta property="og:…">`.
    public var openGraph: [MetaTagView]
    /// `<meta name="twitter:…">` and `<meta name="citation_…">`.
    public var named: [MetaTagView]
    /// The content of the page's `application/ld+json` data block.
    public var jsonLD: String
}

/// Builds every page's `PageMetaView`.
struct PageMetadata {
    /// A profile page's subject.
    struct Entity {
        var schema: String
        var meta: ProfileMeta
    }

    var publication: PublicationMeta
    var language: String
    var urls: SiteURLs
    var metadata: SiteMetadata?
    /// The chapters in order: title and site-relative path (`report/introduction/`).
    var chapters: [(title: String, path: String)]
    /// Profile pages by site-relative path (`people/aung-aung/`).
    var entities: [String: Entity]

    /// The title with its subtitle ("Title: Subtitle"), as citations give it.
    static func fullTitle(_ publication: PublicationMeta) -> String {
        publication.subtitle.map { publication.title + ": " + $0 } ?? publication.title
    }

    /// An author as citations list them: "Family, Given" when the front matter splits the name,
    /// else the name as written.
    static func citedName(_ author: Author) -> String {
        guard let family = author.family, !family.isEmpty else { return author.name }
        return author.given.map { family + ", " + $0 } ?? family
    }

    /// The address of a site file or the address as given (`metadata.pdf` may be either):
    /// absolute when the base URL has a host.
    func address(_ value: String) -> String {
        if value.hasPrefix("https://") || value.hasPrefix("http://") { return value }
        let path = value.hasPrefix("/") ? String(value.dropFirst()) : value
        return urls.absolute(path) ?? urls.url(path)
    }

    /// The description of the page at `path` (site-relative), of kind `kind`.
    func page(kind: String, title: String, path: String, description: String) -> PageMetaView {
        let siteName = publication.title
        let chapterIndex = chapters.firstIndex { $0.path == path }
        let pageURL = urls.absolute(path)
        let image = metadata?.image.map(address)
        let imageAlt = image == nil ? nil : metadata?.imageAlt

        var og: [MetaTagView] = []
        func property(_ key: String, _ value: String?) { if let value, !value.isEmpty { og.append(MetaTagView(key: key, content: value)) } }
        property("og:type", ["chapter", "full", "document"].contains(kind) ? "article" : "website")
        property("og:title", path.isEmpty ? Self.fullTitle(publication) : title)
        property("og:description", description)
        property("og:site_name", siteName)
        property("og:url", pageURL)
        property("og:image", image)
        property("og:image:alt", imageAlt)

        var named: [MetaTagView] = []
        func name(_ key: String, _ value: String?) { if let value, !value.isEmpty { named.append(MetaTagView(key: key, content: value)) } }
        name("twitter:card", image == nil ? "summary" : "summary_large_image")
        name("twitter:title", path.isEmpty ? Self.fullTitle(publication) : title)
        name("twitter:description", description)
        name("twitter:image", image)
        name("twitter:image:alt", imageAlt)

        // Highwire Press tags: the publication on the home page and the full report, a chapter
        // as part of it on each chapter page.
        if kind == "home" || kind == "full" || chapterIndex != nil {
            name("citation_title", chapterIndex != nil ? title : Self.fullTitle(publication))
            if chapterIndex != nil { name("citation_inbook_title", Self.fullTitle(publication)) }
            for author in publication.authors {
                name("citation_author", Self.citedName(author))
                name("citation_author_institution", author.affiliation)
            }
            name("citation_publication_date", publication.year.map(String.init))
            name("citation_publisher", publication.publisher)
            if chapterIndex == nil { name("citation_technical_report_institution", publication.publisher) }
            name("citation_isbn", publication.isbn)
            name("citation_isbn", publication.isbnPrint)
            name("citation_language", language)
            name("citation_pdf_url", metadata?.pdf.map(address))
            if let home = urls.absolute("") { name("citation_abstract_html_url", home) }
            if let full = urls.absolute("report/full/") { name("citation_fulltext_html_url", full) }
        }
        return PageMetaView(openGraph: og, named: named,
                            jsonLD: jsonLD(kind: kind, title: title, path: path, description: description,
                                           chapterIndex: chapterIndex, image: image).serialized)
    }

    // MARK: JSON-LD

    /// The publication in schema.org terms (a `Report` that is also a `Book`, the type that has
    /// an ISBN), with its chapters when `parts` is true.
    func publicationNode(parts: Bool, image: String?) -> JSONLD {
        let authors: [JSONLD] = publication.authors.map { author in
            .node([
                ("@type", .string("Person")), ("name", .string(author.name)),
                ("familyName", .text(author.family)), ("givenName", .text(author.given)),
                ("affiliation", author.affiliation.map { .node([("@type", .string("Organization")), ("name", .string($0))]) }),
            ])
        }
        let isbns: [JSONLD] = [publication.isbn, publication.isbnPrint].compactMap { $0 }.map {
            .node([("@type", .string("PropertyValue")), ("propertyID", .string("ISBN")), ("value", .string($0))])
        }
        let chapterNodes: [JSONLD] = parts ? chapters.enumerated().map { index, chapter in
            .node([("@type", .string("Chapter")), ("position", .number(index + 1)), ("name", .string(chapter.title)),
                     ("url", .text(urls.absolute(chapter.path)))])
        } : []
        return .node([
            ("@type", .array([.string("Report"), .string("Book")])),
            ("@id", urls.absolute("").map { .string($0 + "#publication") }),
            ("name", .string(publication.title)),
            ("alternativeHeadline", .text(publication.subtitle)),
            ("author", .array(authors)),
            ("publisher", publication.publisher.map { publisher in
                .node([("@type", .string("Organization")), ("name", .string(publisher)),
                         ("location", .text(publication.place))])
            }),
            ("datePublished", .text(publication.year.map(String.init))),
            ("isbn", .text(publication.isbn)),
            ("identifier", .array(isbns)),
            ("inLanguage", .string(language)),
            ("url", .text(urls.absolute(""))),
            ("image", .text(image)),
            ("encoding", metadata?.pdf.map { pdf in
                .node([("@type", .string("MediaObject")), ("encodingFormat", .string("application/pdf")),
                         ("contentUrl", .string(address(pdf)))])
            }),
            ("hasPart", .array(chapterNodes)),
        ])
    }

    func jsonLD(kind: String, title: String, path: String, description: String, chapterIndex: Int?, image: String?) -> JSONLD {
        let context: (String, JSONLD?) = ("@context", .string("https://schema.org"))
        if kind == "home" || kind == "full" {
            guard case .object(let pairs) = publicationNode(parts: true, image: image) else { return .object([]) }
            return .node([context] + pairs.map { key, value -> (String, JSONLD?) in (key, value) } + [("description", .string(description))])
        }
        if let chapterIndex {
            return .node([
                context, ("@type", .string("Chapter")), ("name", .string(title)), ("position", .number(chapterIndex + 1)),
                ("url", .text(urls.absolute(path))), ("inLanguage", .string(language)),
                ("description", .string(description)),
                ("isPartOf", publicationNode(parts: false, image: image)),
            ])
        }
        let part: (String, JSONLD?) = ("isPartOf", .node([
            ("@type", .string("WebSite")), ("name", .string(publication.title)), ("url", .text(urls.absolute(""))),
        ]))
        if let entity = entities[path] {
            return .node([
                context, ("@type", .string("ProfilePage")), ("name", .string(title)), ("url", .text(urls.absolute(path))),
                ("inLanguage", .string(language)), part,
                ("mainEntity", .node([
                    ("@type", .string(entity.schema)), ("name", .string(entity.meta.name)),
                    ("alternateName", .array(([entity.meta.abbreviation].compactMap { $0 } + entity.meta.aliases)
                        .filter { !$0.isEmpty && $0 != entity.meta.name }.map { .string($0) })),
                    ("description", .text(entity.meta.summary)),
                ])),
            ])
        }
        return .node([
            context, ("@type", .string("WebPage")), ("name", .string(title)), ("url", .text(urls.absolute(path))),
            ("description", .string(description)), ("inLanguage", .string(language)), part,
        ])
    }
}
