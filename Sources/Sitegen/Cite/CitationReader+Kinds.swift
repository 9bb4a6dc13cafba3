// The kind of a citation (academic work, report, news, web page, dataset, legal text,
// interview, social-media post), and the citations that open without authors: interviews,
// posts, legal texts, unsigned news and web pages.

extension CitationReader {
    /// Sets the kind of a citation read from its names.
    func classify(_ c: inout Citation, parts: CiteParts) {
        let b = parts.core
        let title = c.title ?? ""
        let titleBytes = Array(title.utf8)
        let knownOutlet = c.outlet.flatMap { outlets.named($0) }
            ?? c.creators.first.flatMap { $0.isCorporate ? outlets.named($0.family) : nil }
            ?? parts.url.flatMap { outlets.forAddress($0) }
        if let knownOutlet {
            c.kind = .news
            c.outlet = knownOutlet
            return
        }
        if CiteBytes.has(titleBytes, 0, "Interview", fold: true) || CiteBytes.has(titleBytes, 0, "Entretien", fold: true)
            || CiteBytes.find(b, "interview by", fold: true) != nil || CiteBytes.find(b, "interviewed by", fold: true) != nil {
            c.kind = .interview
            return
        }
        if let platform = Self.platform(b, urls: parts.urls), parts.urls.contains(where: { Self.isPlatformAddress($0) })
            || CiteBytes.find(b, "[Tweet]") != nil || CiteBytes.find(b, "[Video]") != nil || CiteBytes.find(b, " post,") != nil {
            c.kind = .social
            if c.outlet == nil || c.outlet == c.title { c.outlet = platform }
            return
        }
        if CiteVocabulary.datasetTable.occurs(in: b)
            || parts.urls.contains(where: { u in ["zenodo.", "figshare.", "dataverse", "kaggle.com", "data.world"].contains { CiteBytes.find(Array(u.utf8), $0) != nil } }) {
            c.kind = .dataset
            return
        }
        let academicMarks = hasAcademicMarks(b)
        // An outlet in italics with a full date and no volume or pages: a news report.
        if c.outlet != nil, c.date != nil, !academicMarks, c.outlet != c.title {
            c.kind = .news
            return
        }
        if !(academicMarks && c.outlet != nil), CiteVocabulary.reportTable.occurs(in: b) {
            c.kind = .report
            return
        }
        if c.creators.first?.isCorporate == true && !academicMarks {
            c.kind = parts.url != nil && !hasPlaceAndPublisher(b) ? .web : .report
            return
        }
        if parts.url != nil, !academicMarks, !hasPlaceAndPublisher(b), c.outlet == nil || c.date != nil {
            c.kind = .web
            return
        }
        c.kind = .academic
    }

    /// Words and marks of academic publications.
    static let academicMarks = CitePhrases(["vol.", "Vol.", "no. ", "pp.", " In ", " in: ", " In: ", "ed. ", "eds.", "(eds", "(ed.",
                                           "edited by", "Edited by", "thesis", "Thesis", "diss.", "Dissertation", "dissertation",
                                           "University Press", "UP,", "Press", "doi", "Verlag", "Éditions", "Editorial", "Editore",
                                           "Presses", "thèse", "tesi", "Tesis", "Hrsg.", "a cura di", "(dir.)", "Journal", "Review"])

    /// Volume, issue, pages, "In", editors, a thesis: marks of academic work.
    func hasAcademicMarks(_ b: [UInt8]) -> Bool {
        if Self.academicMarks.occurs(in: b) { return true }
        // "45(1)", "29:41-55", "2019;12(3)".
        var i = 0
        while i + 3 < b.count {
            if CiteBytes.isDigit(b[i]), b[i + 1] == UInt8(ascii: "("), CiteBytes.isDigit(b[i + 2]) { return true }
            if b[i] == UInt8(ascii: ";"), CiteBytes.isDigit(b[i + 1]) { return true }
            if CiteBytes.isDigit(b[i]), b[i + 1] == UInt8(ascii: ":"), CiteBytes.isDigit(b[i + 2]) { return true }
            i += 1
        }
        return false
    }

    /// "Oxford: Oxford University Press", "Geneva: WHO".
    func hasPlaceAndPublisher(_ b: [UInt8]) -> Bool {
        var i = 1
        while i + 2 < b.count {
            if b[i] == UInt8(ascii: ":"), b[i + 1] == CiteBytes.space, CiteBytes.isUpper(b, i + 2), CiteBytes.isLetter(b, i - 1) {
                var s = i - 1
                while s > 0, CiteBytes.isLetter(b, s - 1) { s -= 1 }
                if CiteBytes.isUpper(b, s) { return true }
            }
            i += 1
        }
        return false
    }

    func hasPostWord(_ b: [UInt8]) -> Bool {
        CiteVocabulary.postTable.occurs(in: b) || CiteBytes.find(b, "[Tweet]") != nil
    }

    static func isPlatformAddress(_ url: String) -> Bool {
        let bytes = Array(url.utf8)
        return CiteVocabulary.platformAddresses.contains { needle, _ in CiteBytes.contains(bytes, needle, fold: true) }
    }

    /// The platform a citation names or links to.
    static func platform(_ b: [UInt8], urls: [String]) -> String? {
        for url in urls {
            let bytes = Array(url.utf8)
            for (needle, name) in CiteVocabulary.platformAddresses where CiteBytes.contains(bytes, needle, fold: true) { return name }
        }
        for (needle, name) in CiteVocabulary.platformWords {
            var i = 0
            while i + needle.count <= b.count {
                if CiteBytes.has(b, i, bytes: needle), CiteBytes.wordStart(b, i), CiteBytes.wordEnd(b, i + needle.count) { return name }
                i += 1
            }
        }
        return nil
    }

    // MARK: Citations without names first

    /// "Interview, 1 October 2021", "Interview with Jane Doe, Berlin, 3 May 2019", "Ko Gyi, interview by the author".
    func readInterview(_ b: [UInt8], from lead: Int, parts: CiteParts, text: String) -> Citation? {
        let starts: [StaticString] = ["Interview", "interview", "Author's interview", "Author’s interview", "Authors' interview",
                                      "Personal interview", "Telephone interview", "Phone interview", "Skype interview",
                                      "Zoom interview", "Online interview", "Entretien", "Entrevista", "Intervista",
                                      "Gespräch", "Personal communication", "Conversation with", "Focus group"]
        let reader = NameReader(b: b)
        var c = Citation(kind: .interview, text: text)
        var found = starts.contains { CiteBytes.has(b, lead, $0) }
        if !found, let k = CiteBytes.find(b, " was interviewed ") ?? CiteBytes.find(b, " were interviewed "), k < 60 {
            // "Ma Thida was interviewed on 27 May by the second author".
            if let names = reader.read(at: lead, outlets: OutletSet([])), names.end == k { c.creators = [names.creators[0]] }
            found = true
        }
        if !found, let k = CiteBytes.find(b, ", interview", fold: true) ?? CiteBytes.find(b, ", interviewed", fold: true) {
            // "Ko Gyi, interview by the author": the name before.
            if let names = reader.read(at: lead, outlets: OutletSet([])), names.end == k { c.creators = [names.creators[0]] }
            found = true
        }
        guard found else { return nil }
        if c.creators.isEmpty {
            for marker: StaticString in [" with ", " avec ", " mit ", " con ", " a "] {
                if let k = CiteBytes.find(b, marker), k < 60, let names = reader.read(at: k + marker.utf8CodeUnitCount, outlets: OutletSet([])),
                   names.creators[0].given != nil || names.creators[0].isCorporate == false && names.creators.count == 1,
                   names.end >= b.count || b[names.end] == UInt8(ascii: ",") || b[names.end] == UInt8(ascii: ".") {
                    c.creators = [names.creators[0]]
                    break
                }
            }
        }
        if let date = CiteDates.first(b) {
            c.date = CiteBytes.string(b, date.s, date.e)
            c.year = date.year.map(String.init)
        }
        c.url = parts.url
        c.accessed = parts.accessed
        // Without a date or a name it is a remark about interviews, not a citation of one.
        return c.date != nil || !c.creators.isEmpty ? c : nil
    }

    /// "Facebook post on 8 May by 'Ana Ruiz'", "Video posted on YouTube by …", "@user, Twitter, 3 May 2020".
    func readSocial(_ b: [UInt8], parts: CiteParts, text: String) -> Citation? {
        guard let platform = Self.platform(b, urls: parts.urls),
              hasPostWord(b) || parts.urls.contains(where: { Self.isPlatformAddress($0) }) || parts.url != nil else { return nil }
        var c = Citation(kind: .social, outlet: platform, text: text)
        let reader = NameReader(b: b)
        // "by 'Name'" / "by Name".
        if let k = CiteBytes.find(b, "by ") {
            let s = k + 3
            if s < b.count, b[s] == UInt8(ascii: "'") || CiteBytes.has(b, s, "‘") || b[s] == UInt8(ascii: "\"") {
                let open = b[s] < 0x80 ? 1 : 3
                var e = s + open
                while e < b.count, b[e] != UInt8(ascii: "'"), b[e] != UInt8(ascii: "\""), !CiteBytes.has(b, e, "’"), e - s < 80 { e += 1 }
                if e < b.count, e > s + open { c.creators = [Creator(family: CiteBytes.string(b, s + open, e), isCorporate: true)] }
            } else if let names = reader.read(at: s, outlets: outlets) {
                c.creators = [names.creators[0]]
            }
        }
        // "Emmanuel Macron, post on Instagram", "Kyaw Zin (@kyawzin), Twitter post".
        if c.creators.isEmpty, let names = reader.read(at: 0, outlets: outlets), names.end < b.count,
           b[names.end] == UInt8(ascii: ","), names.creators[0].given != nil || names.creators[0].isCorporate {
            c.creators = [names.creators[0]]
        }
        if c.creators.isEmpty, let k = CiteBytes.find(b, "@"), k + 1 < b.count, CiteBytes.isLetter(b, k + 1) {
            var e = k + 1
            while e < b.count, CiteBytes.isLetter(b, e) || CiteBytes.isDigit(b[e]) || b[e] == UInt8(ascii: "_") { e += 1 }
            c.creators = [Creator(family: String(decoding: b[k..<e], as: UTF8.self), isCorporate: true)]
        }
        if let date = CiteDates.first(b) {
            c.date = CiteBytes.string(b, date.s, date.e)
            c.year = date.year.map(String.init)
        }
        c.url = parts.url
        c.accessed = parts.accessed
        if let (title, _) = Self.firstQuotedTitle(b), title != c.creators.first?.family { c.title = title }
        return c.url != nil || c.date != nil || !c.creators.isEmpty ? c : nil
    }

    /// Laws, regulations, judgments, treaties: no author; the title up to the first reference number.
    func readLegal(_ b: [UInt8], from lead: Int, parts: CiteParts, text: String) -> Citation? {
        guard CiteVocabulary.legalTable.occurs(in: b) else { return nil }
        var c = Citation(kind: .legal, text: text)
        var e = lead
        var depth = 0
        while e < b.count, e - lead < 220 {
            if b[e] == UInt8(ascii: "(") { depth += 1 }
            if b[e] == UInt8(ascii: ")") { depth -= 1 }
            if depth == 0, b[e] == UInt8(ascii: ","), e + 2 < b.count, CiteBytes.isDigit(b[e + 2]) || b[e + 2] == UInt8(ascii: "[") { break }
            if depth == 0, b[e] == CiteBytes.space, e + 2 < b.count, b[e + 1] == UInt8(ascii: "("), CiteBytes.yearAt(b, e + 2), e - lead > 8 { break }
            if depth == 0, b[e] == UInt8(ascii: "."), e + 1 >= b.count || b[e + 1] == CiteBytes.space, e - lead > 12 {
                var ws = e
                while ws > lead, CiteBytes.isLetter(b, ws - 1) { ws -= 1 }
                if e - ws > 3 { break }
            }
            e += 1
        }
        c.title = Self.clean(b, lead, e)
        if let date = CiteDates.first(b, from: lead), let year = date.year {
            c.date = CiteBytes.string(b, date.s, date.e)
            c.year = String(year)
        } else {
            var j = lead
            while j < b.count { if CiteBytes.yearAt(b, j) { c.year = String(decoding: b[j..<(j + 4)], as: UTF8.self); break }; j += 1 }
        }
        c.url = parts.url
        c.accessed = parts.accessed
        return c.title?.isEmpty == false ? c : nil
    }

    /// "'Title', *Outlet*, 5 May 2021" or "*Title*, site, URL": news and web pages without an author.
    func readUnsigned(_ b: [UInt8], from lead: Int, parts: CiteParts, text: String) -> Citation? {
        let reader = NameReader(b: b)
        guard lead < b.count, reader.startsTitle(lead), let (title, end) = Self.title(b, at: lead, plain: false) else { return nil }
        var c = Citation(kind: .web, title: title, text: text)
        readRest(b, from: end, into: &c)
        c.url = parts.url
        c.accessed = parts.accessed
        if let outlet = c.outlet.flatMap({ outlets.named($0) }) ?? parts.url.flatMap({ outlets.forAddress($0) }) {
            c.outlet = outlet
            c.kind = .news
        } else if c.outlet != nil, c.date != nil, !hasAcademicMarks(b) {
            c.kind = .news
        } else if c.url == nil {
            return nil
        }
        if let platform = Self.platform(b, urls: parts.urls), parts.urls.contains(where: { Self.isPlatformAddress($0) }) {
            c.kind = .social
            c.outlet = platform
        }
        return c
    }

    /// The first title in quotes anywhere in `b`.
    static func firstQuotedTitle(_ b: [UInt8]) -> (String, Int)? {
        var i = 0
        while i < b.count {
            if quote(b, i) != nil, i == 0 || !CiteBytes.isLetter(b, i - 1), let found = title(b, at: i, plain: false) { return found }
            i += 1
        }
        return nil
    }
}
