// The Sources page: every distinct source of the notes, grouped by kind (and news and posts
// by outlet or platform), sorted by family name and year, each with the notes that cite it;
// outlets link to their organisation profile. Archive links point to the Wayback Machine's
// copy nearest the date the note says it consulted the address, or the source's date, or the
// publication's year.

/// Builds the Sources page's view model.
struct SourcesPageBuilder {
    var urls: SiteURLs
    var register: SourceRegister
    var profiles: Profiles
    /// The publication's year (index.md), the archive date of last resort.
    var publicationYear: Int?
    /// The interface strings (labels of interviews, posts, editors, the notes that cite).
    var strings = InterfaceStrings.english

    /// The Wayback Machine's copy of `url` nearest `timestamp` ("20211021", "2021").
    static func archiveURL(_ url: String, timestamp: String) -> String {
        "https://web.archive.org/web/" + timestamp + "/" + url
    }

    /// The archive timestamp of a citation: its access date, its own date, its year, or `fallbackYear`.
    static func archiveTimestamp(_ c: Citation, fallbackYear: Int?) -> String? {
        if let accessed = c.accessed, let (y, m, d) = CiteDates.parse(Array(accessed.utf8)) {
            return CiteDates.timestamp(year: y, month: m, day: d)
        }
        if let date = c.date, let (y, m, d) = CiteDates.parse(Array(date.utf8)) {
            return CiteDates.timestamp(year: y, month: m, day: d)
        }
        if let date = c.date, let found = CiteDates.first(Array(date.utf8)), let year = c.year.flatMap({ Int($0.prefix(4)) }) {
            return CiteDates.timestamp(year: year, month: found.month, day: found.day)
        }
        if let year = c.year?.prefix(4), Int(year) != nil { return String(year) }
        return fallbackYear.map(String.init)
    }

    func groups() -> [SourceGroupView] {
        var outletProfiles: [String: String] = [:]
        for org in profiles.organisations {
            let url = urls.url("organisations/\(org.page.slug)/")
            for name in [org.page.meta.name] + org.page.meta.aliases + [org.page.meta.abbreviation].compactMap({ $0 })
            where !name.allSatisfy(\.isWhitespace) && outletProfiles[name] == nil {
                outletProfiles[name] = url
            }
        }
        return SourceKind.allCases.compactMap { kind in
            let sources = register.sources.filter { $0.citation.kind == kind }
            guard !sources.isEmpty else { return nil }
            let byOutlet = Dictionary(grouping: sources) { source -> String in
                switch kind {
                case .news, .social: return source.citation.outlet ?? source.citation.creators.first?.family ?? ""
                default: return ""
                }
            }
            let subgroups = byOutlet.keys.sorted { $0.lowercased() < $1.lowercased() }.map { outlet in
                SourceSubgroupView(
                    outletTitle: outlet.isEmpty ? nil : outlet,
                    outletURL: outlet.isEmpty ? nil : outletProfiles[outlet],
                    sources: byOutlet[outlet]!.sorted(by: Self.order).map(view))
            }
            return SourceGroupView(title: kind.groupTitle, id: "kind-\(kind.rawValue)", count: sources.count, subgroups: subgroups)
        }
    }

    /// Family name, year, first note.
    static func order(_ a: Source, _ b: Source) -> Bool {
        let ka = (SourceKeys.fold(a.citation.sortName), a.citation.year ?? "", a.notes.first?.number ?? 0)
        let kb = (SourceKeys.fold(b.citation.sortName), b.citation.year ?? "", b.notes.first?.number ?? 0)
        return ka < kb
    }

    private func view(_ source: Source) -> SourceView {
        let c = source.citation
        var label: String
        switch c.kind {
        case .interview:
            label = c.author.map { strings.format("source_interview_with", ["name": $0]) } ?? strings["source_interview"]
            if let date = c.date { label += ", \(date)" }
        case .social:
            label = [c.author.map { strings.format("source_post_by", ["name": $0]) } ?? strings["source_post"],
                     c.outlet.map { strings.format("source_post_on", ["outlet": $0]) }, c.date].compactMap { $0 }.joined(separator: " ")
        default:
            label = (c.author ?? strings["source_unsigned"])
                + (c.creatorsAreEditors ? strings.plural("source_editors", count: c.creators.count) : "")
                + " (\(c.year ?? strings["source_no_date"]))"
            if let outlet = c.outlet, outlet != c.author, outlet != c.title { label += ", \(outlet)" }
            if let date = c.date { label += ", \(date)" }
        }
        let timestamp = Self.archiveTimestamp(c, fallbackYear: publicationYear)
        return SourceView(
            id: source.id, label: label, sourceTitle: c.title, sourceURL: c.url,
            archiveURL: c.url.flatMap { url in timestamp.map { Self.archiveURL(url, timestamp: $0) } },
            notes: source.notes.map { LinkView(title: $0.rawValue, url: urls.notes + "#note-\($0)") },
            notesLabel: strings.plural("source_cited_in_notes", count: source.notes.count),
            shortForms: source.shortFormNotes.isEmpty ? nil
                : strings.format(strings.pluralKey("source_short_forms", count: source.shortFormNotes.count),
                                 ["notes": source.shortFormNotes.map(\.rawValue).joined(separator: ", ")]))
    }
}
