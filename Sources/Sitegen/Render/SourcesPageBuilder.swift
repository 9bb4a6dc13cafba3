// The Sources page: every distinct source of the notes, grouped by kind and by outlet or
// platform, each with the notes that cite it; outlets link to their organisation profile.

import Foundation

/// Builds the Sources page's view model.
struct SourcesPageBuilder {
    var urls: SiteURLs
    var register: SourceRegister
    var profiles: Profiles

    /// The Wayback Machine's copy of `url` closest to the report's year.
    static func archiveURL(_ url: String) -> String {
        "https://web.archive.org/web/2021/" + url
    }

    func groups() -> [SourceGroupView] {
        let outletProfiles: [String: String] = Dictionary(
            profiles.organisations.flatMap { org in
                ([org.page.meta.name] + org.page.meta.aliases + [org.page.meta.abbreviation].compactMap { $0 })
                    .map { ($0, urls.url("organisations/\(org.page.slug)/")) }
            }, uniquingKeysWith: { first, _ in first })
        return SourceKind.allCases.compactMap { kind in
            let sources = register.sources.filter { $0.citation.kind == kind }
            guard !sources.isEmpty else { return nil }
            let byOutlet = Dictionary(grouping: sources) { source -> String in
                switch kind {
                case .news, .social, .debate: return source.citation.outlet ?? source.citation.author ?? ""
                default: return ""
                }
            }
            let subgroups = byOutlet.keys.sorted().map { outlet in
                SourceSubgroupView(
                    title: outlet.isEmpty ? nil : outlet,
                    url: outletProfiles[outlet],
                    sources: byOutlet[outlet]!.sorted(by: order).map(view))
            }
            return SourceGroupView(title: kind.groupTitle, id: "kind-\(kind.rawValue)", count: sources.count, subgroups: subgroups)
        }
    }

    private func order(_ a: Source, _ b: Source) -> Bool {
        let ka = (Citation.surname(a.citation.author ?? "zz").lowercased(), a.citation.year ?? "", a.notes.first?.number ?? 0)
        let kb = (Citation.surname(b.citation.author ?? "zz").lowercased(), b.citation.year ?? "", b.notes.first?.number ?? 0)
        return ka < kb
    }

    private func view(_ source: Source) -> SourceView {
        let c = source.citation
        var label: String
        switch c.kind {
        case .academic, .news:
            label = "\(c.author ?? "Unknown") (\(c.year ?? "n.d."))"
            if let outlet = c.outlet, outlet != c.author { label += ", \(outlet)" }
            if let date = c.date { label += ", \(date)" }
        case .social, .debate:
            label = [c.title, c.author.map { "by \($0)" }, c.outlet.map { "on \($0)" }, c.date].compactMap { $0 }.joined(separator: " ")
            if label.isEmpty { label = c.text }
        case .interview:
            label = "Interview" + (c.date.map { ", \($0)" } ?? "")
        case .other:
            label = c.text
        }
        let title = (c.kind == .academic || c.kind == .news) ? c.title : nil
        return SourceView(
            id: source.id, label: label, title: title, url: c.url, archiveURL: c.url.map(Self.archiveURL),
            notes: source.notes.map { LinkView(title: $0.rawValue, url: urls.notes + "#note-\($0)") },
            notesLabel: source.notes.count == 1 ? "Cited in note" : "Cited in notes",
            shortForms: source.shortFormNotes.isEmpty ? nil
                : "Short form in note\(source.shortFormNotes.count == 1 ? "" : "s") " + source.shortFormNotes.map(\.rawValue).joined(separator: ", "))
    }
}
