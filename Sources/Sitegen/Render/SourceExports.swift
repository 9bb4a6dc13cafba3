// The bibliography of the Sources page for readers' own tools: `sources/sources.bib` (BibTeX)
// and `sources/sources.json` (CSL-JSON), one entry per distinct source, in the page's order.

import Foundation

/// Writes the register of sources as BibTeX and CSL-JSON.
struct SourceExports {
    var register: SourceRegister
    var urls: SiteURLs

    /// Both files; throws the JSON encoder's error.
    func files() throws -> [OutputFile] {
        let sources = register.sources.sorted(by: SourcesPageBuilder.order)
        let keys = Self.keys(sources)
        return [
            OutputFile(path: "sources/sources.bib", text: bibtex(sources, keys: keys)),
            OutputFile(path: "sources/sources.json", data: try cslJSON(sources, keys: keys)),
        ]
    }

    /// Citation keys: family name, year, first word of the title ("kovats2008heat"), unique.
    static func keys(_ sources: [Source]) -> [String: String] {
        var result: [String: String] = [:]
        var used: Set<String> = []
        for source in sources {
            let c = source.citation
            let family = SourceKeys.fold(c.creators.first?.family ?? c.outlet ?? "anon").filter(\.isASCII)
            let word = SourceKeys.titleWords(c.title, count: 1).filter(\.isASCII)
            var base = String((family.isEmpty ? "source" : family).prefix(24)) + (c.year ?? "nd") + word.prefix(16)
            base = base.filter { $0.isLetter || $0.isNumber }
            var key = base
            var n = 1
            while used.contains(key) { n += 1; key = base + "-\(n)" }
            used.insert(key)
            result[source.id] = key
        }
        return result
    }

    // MARK: BibTeX

    func bibtex(_ sources: [Source], keys: [String: String]) -> String {
        var out = "% Sources cited in the notes, as read by sitegen's citation reader.\n"
        for source in sources {
            let c = source.citation
            var fields: [(String, String)] = []
            let names = c.creators.map { creator -> String in
                creator.isCorporate || creator.given == nil
                    ? "{" + Self.escape(creator.family) + "}"
                    : Self.escape(creator.family) + ", " + Self.escape(creator.given!)
            }
            if !names.isEmpty {
                let list = names.joined(separator: " and ") + (c.etAl ? " and others" : "")
                fields.append((c.creatorsAreEditors ? "editor" : "author", list))
            }
            if let title = Self.title(c) { fields.append(("title", "{" + Self.escape(title) + "}")) }
            let type: String
            switch c.kind {
            case .academic:
                type = c.outlet != nil ? "article" : "book"
                if let outlet = c.outlet { fields.append(("journal", Self.escape(outlet))) }
            case .report:
                type = "techreport"
                fields.append(("institution", Self.escape(c.publisher ?? c.creators.first?.family ?? c.outlet ?? "")))
            case .news:
                type = "article"
                fields.append(("journal", Self.escape(c.outlet ?? c.creators.first?.family ?? "")))
            default:
                type = "misc"
                if let outlet = c.outlet { fields.append(("howpublished", Self.escape(outlet))) }
            }
            if let year = c.year { fields.append(("year", Self.escape(year))) }
            if let date = c.date { fields.append(("date", Self.escape(date))) }
            if let url = c.url { fields.append(("url", url.replacingOccurrences(of: "}", with: "%7D").replacingOccurrences(of: "{", with: "%7B"))) }
            if let accessed = c.accessed, let (y, m, d) = CiteDates.parse(Array(accessed.utf8)) {
                fields.append(("urldate", Self.isoDate(y, m, d)))
            }
            fields.append(("keywords", c.kind.rawValue))
            fields.append(("note", "Cited in note" + (source.notes.count == 1 ? " " : "s ") + source.notes.map(\.rawValue).joined(separator: ", ")))
            out += "\n@\(type){\(keys[source.id] ?? source.id),\n"
            out += fields.map { "  \($0.0) = {\($0.1)}" }.joined(separator: ",\n")
            out += "\n}\n"
        }
        return out
    }

    /// The title, or for untitled interviews and posts a description ("Post on Facebook, 7 May").
    static func title(_ c: Citation) -> String? {
        if let title = c.title { return title }
        switch c.kind {
        case .interview: return "Interview" + (c.date.map { ", " + $0 } ?? "")
        case .social: return "Post" + (c.outlet.map { " on " + $0 } ?? "") + (c.date.map { ", " + $0 } ?? "")
        default: return nil
        }
    }

    /// BibTeX text: special characters escaped, braces kept balanced.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&", "%", "$", "#", "_": out += "\\" + String(ch)
            case "{": out += "\\{"
            case "}": out += "\\}"
            case "\\": out += "\\textbackslash{}"
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            default: out.append(ch)
            }
        }
        return out
    }

    static func isoDate(_ y: Int, _ m: Int?, _ d: Int?) -> String {
        var text = String(y)
        if let m { text += m < 10 ? "-0\(m)" : "-\(m)"; if let d { text += d < 10 ? "-0\(d)" : "-\(d)" } }
        return text
    }

    // MARK: CSL-JSON

    struct CSLName: Encodable {
        var family: String?
        var given: String?
        var literal: String?
    }

    struct CSLDate: Encodable {
        var dateParts: [[Int]]
        enum CodingKeys: String, CodingKey { case dateParts = "date-parts" }
    }

    struct CSLItem: Encodable {
        var id: String
        var type: String
        var title: String?
        var author: [CSLName]?
        var editor: [CSLName]?
        var containerTitle: String?
        var issued: CSLDate?
        var accessed: CSLDate?
        var URL: String?
        var note: String?
        enum CodingKeys: String, CodingKey {
            case id, type, title, author, editor, issued, accessed, URL, note
            case containerTitle = "container-title"
        }
    }

    static func cslType(_ c: Citation) -> String {
        switch c.kind {
        case .academic: return c.outlet != nil ? "article-journal" : "book"
        case .report: return "report"
        case .news: return "article-newspaper"
        case .web: return "webpage"
        case .dataset: return "dataset"
        case .legal: return "legislation"
        case .interview: return "interview"
        case .social: return "post"
        }
    }

    func cslJSON(_ sources: [Source], keys: [String: String]) throws -> Data {
        let items = sources.map { source -> CSLItem in
            let c = source.citation
            let names = c.creators.map { creator in
                creator.isCorporate || creator.given == nil
                    ? CSLName(literal: creator.family) : CSLName(family: creator.family, given: creator.given)
            }
            var issued: CSLDate? = nil
            if let year = c.year.flatMap({ Int($0.prefix(4)) }) {
                var parts = [year]
                if let date = c.date, let found = CiteDates.first(Array(date.utf8)), found.year == nil || found.year == year {
                    parts.append(found.month)
                    if let day = found.day { parts.append(day) }
                }
                issued = CSLDate(dateParts: [parts])
            }
            var accessed: CSLDate? = nil
            if let text = c.accessed, let (y, m, d) = CiteDates.parse(Array(text.utf8)) {
                accessed = CSLDate(dateParts: [[y] + [m, d].compactMap { $0 }])
            }
            return CSLItem(
                id: keys[source.id] ?? source.id, type: Self.cslType(c), title: Self.title(c),
                author: c.creatorsAreEditors || names.isEmpty ? nil : names,
                editor: c.creatorsAreEditors && !names.isEmpty ? names : nil,
                containerTitle: c.outlet, issued: issued, accessed: accessed, URL: c.url,
                note: "Cited in note" + (source.notes.count == 1 ? " " : "s ") + source.notes.map(\.rawValue).joined(separator: ", "))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(items)
    }
}
