// "Cite this report": the publication of index.md cited in one style, Chicago author-date
// (reference-list form), shown on the home page and each chapter, and its metadata as files
// for reference managers: `cite/publication.bib` (BibTeX), `cite/publication.ris` (RIS) and
// `cite/publication.json` (CSL-JSON). Names, titles and the publisher are given as written:
// the first author is inverted only when the front matter gives `family` (and `given`), a
// name without them is never split; titles keep their case.

import Foundation

/// The publication's citation and its exports.
struct PublicationCitation {
    var publication: PublicationMeta
    var language: String
    var urls: SiteURLs
    /// The PDF edition's address (`metadata.pdf`), already resolved.
    var pdfURL: String?
    /// The language's "and" between the last two names (`list_and`, spaces included).
    var and: String = " and "

    /// Where the exports are written, site-relative.
    static let paths = (bibtex: "cite/publication.bib", ris: "cite/publication.ris", csl: "cite/publication.json")

    /// A citation key: the first author's family name (or name), the year and the first word
    /// of the title, in ASCII letters and digits ("lindqvist2023heat").
    var key: String {
        let first = publication.authors.first.map { $0.family ?? $0.name } ?? publication.publisher ?? "publication"
        let family = SourceKeys.fold(first.split(separator: " ").last.map(String.init) ?? first).filter(\.isASCII)
        let word = SourceKeys.titleWords(publication.title, count: 1).filter(\.isASCII)
        let key = (family.isEmpty ? "publication" : String(family.prefix(24))) + (publication.year.map(String.init) ?? "nd") + word.prefix(16)
        return key.filter { $0.isLetter || $0.isNumber }
    }

    /// The home page's absolute address, when the base URL has a host.
    var homeURL: String? { urls.absolute("") }

    // MARK: Chicago author-date

    /// The authors as the reference list gives them: "Lindqvist, Marta, and Jonas Okafor".
    var chicagoNames: String? {
        let authors = publication.authors
        guard let first = authors.first else { return nil }
        let inverted = first.family?.isEmpty == false
        let names = [PageMetadata.citedName(first)] + authors.dropFirst().map(\.name)
        switch names.count {
        case 1: return names[0]
        case 2: return names[0] + (inverted ? "," : "") + and + names[1]
        default: return names.dropLast().joined(separator: ", ") + "," + and + names.last!
        }
    }

    /// The citation as HTML (the title in italics), every part escaped.
    func chicagoHTML() -> HTML {
        var parts: [HTML] = []
        func sentence(_ text: String) { parts.append(.text(Self.closed(text) + " ")) }
        let year = publication.year.map(String.init) ?? "n.d."
        let title = PageMetadata.fullTitle(publication)
        let italicTitle: [HTML] = [.el("i", [], [.text(title)]), .text(String(Self.closed(title).dropFirst(title.count)) + " ")]
        if let names = chicagoNames {
            sentence(names)
            sentence(year)
            parts += italicTitle
        } else {
            parts += italicTitle
            sentence(year)
        }
        let place = [publication.place, publication.publisher].compactMap { $0 }.joined(separator: ": ")
        if !place.isEmpty { sentence(place) }
        if let home = homeURL { parts.append(.text(home)) }
        if case .text(let last)? = parts.last, last.hasSuffix(" ") { parts[parts.count - 1] = .text(String(last.dropLast())) }
        return .fragment(parts)
    }

    /// `text` ending with a full stop (unless it already ends a sentence).
    static func closed(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".?!".contains(last) ? text : text + "."
    }

    // MARK: Files

    /// The view of the "Cite this report" block: the citation and the downloads.
    func view(strings t: InterfaceStrings) -> CitationView {
        let file = key
        return CitationView(citationHTML: chicagoHTML().rendered, style: t["cite_style"], downloads: [
            DownloadView(title: "BibTeX", url: urls.url(Self.paths.bibtex), filename: file + ".bib"),
            DownloadView(title: "RIS", url: urls.url(Self.paths.ris), filename: file + ".ris"),
            DownloadView(title: "CSL-JSON", url: urls.url(Self.paths.csl), filename: file + ".json"),
        ])
    }

    /// The three export files; throws the JSON encoder's error.
    func files() throws -> [OutputFile] {
        [OutputFile(path: Self.paths.bibtex, text: bibtex()),
         OutputFile(path: Self.paths.ris, text: ris()),
         OutputFile(path: Self.paths.csl, data: try cslJSON())]
    }

    /// A `@techreport` entry. A name given whole is braced, so BibTeX keeps it one name.
    func bibtex() -> String {
        let names = publication.authors.map { author -> String in
            if let family = author.family, !family.isEmpty {
                return SourceExports.escape(family) + (author.given.map { ", " + SourceExports.escape($0) } ?? "")
            }
            return "{" + SourceExports.escape(author.name) + "}"
        }
        var fields: [(String, String)] = []
        if !names.isEmpty { fields.append(("author", names.joined(separator: " and "))) }
        fields.append(("title", "{" + SourceExports.escape(PageMetadata.fullTitle(publication)) + "}"))
        if let publisher = publication.publisher { fields.append(("institution", SourceExports.escape(publisher))) }
        if let place = publication.place { fields.append(("address", SourceExports.escape(place))) }
        if let year = publication.year { fields.append(("year", String(year))) }
        if let isbn = publication.isbn { fields.append(("isbn", SourceExports.escape(isbn))) }
        fields.append(("language", SourceExports.escape(language)))
        if let home = homeURL { fields.append(("url", Self.bibURL(home))) }
        if let pdf = pdfURL { fields.append(("file", Self.bibURL(pdf))) }
        return "@techreport{\(key),\n" + fields.map { "  \($0.0) = {\($0.1)}" }.joined(separator: ",\n") + "\n}\n"
    }

    static func bibURL(_ url: String) -> String {
        url.replacingOccurrences(of: "{", with: "%7B").replacingOccurrences(of: "}", with: "%7D")
    }

    /// A RIS record (`TY  - RPRT` … `ER  - `), lines ending in CR LF as the format asks.
    func ris() -> String {
        var lines: [(String, String)] = [("TY", "RPRT")]
        for author in publication.authors { lines.append(("AU", PageMetadata.citedName(author))) }
        lines.append(("TI", PageMetadata.fullTitle(publication)))
        if let year = publication.year { lines.append(("PY", String(year))) }
        if let publisher = publication.publisher { lines.append(("PB", publisher)) }
        if let place = publication.place { lines.append(("CY", place)) }
        if let isbn = publication.isbn { lines.append(("SN", isbn)) }
        lines.append(("LA", language))
        if let home = homeURL { lines.append(("UR", home)) }
        if let pdf = pdfURL { lines.append(("L1", pdf)) }
        lines.append(("ER", ""))
        // A value is one line: line breaks inside it become spaces.
        return lines.map { tag, value in
            tag + "  - " + value.split(whereSeparator: \.isNewline).joined(separator: " ")
        }.joined(separator: "\r\n") + "\r\n"
    }

    struct CSLName: Encodable {
        var family: String?
        var given: String?
        var literal: String?
    }

    struct CSLItem: Encodable {
        var id: String
        var type = "report"
        var title: String
        var author: [CSLName]?
        var issued: SourceExports.CSLDate?
        var publisher: String?
        var publisherPlace: String?
        var ISBN: String?
        var language: String
        var URL: String?
        enum CodingKeys: String, CodingKey {
            case id, type, title, author, issued, publisher, ISBN, language, URL
            case publisherPlace = "publisher-place"
        }
    }

    /// A CSL-JSON array of one item of type `report`.
    func cslJSON() throws -> Data {
        let authors = publication.authors.map { author in
            author.family?.isEmpty == false ? CSLName(family: author.family, given: author.given) : CSLName(literal: author.name)
        }
        let item = CSLItem(id: key, title: PageMetadata.fullTitle(publication), author: authors.isEmpty ? nil : authors,
                           issued: publication.year.map { SourceExports.CSLDate(dateParts: [[$0]]) },
                           publisher: publication.publisher, publisherPlace: publication.place, ISBN: publication.isbn,
                           language: language, URL: homeURL)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode([item])
    }
}
