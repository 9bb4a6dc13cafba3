// The pages of the annotated edition: one per person and organisation, with every mention
// in the report, the notes and the companion documents linked to its paragraph, and the two
// index pages `/people/` (grouped by status) and `/organisations/` (grouped by type).

import SitegenMarkdown

/// Builds the profile pages' view models.
struct ProfilePageBuilder {
    var urls: SiteURLs
    var profiles: Profiles
    var pageURLs: [String: String]
    /// Each chapter (numbered title and URL, plain title) with the mentions found in it.
    var chapterMentions: [(LinkView, String, [MentionRecord])]
    var noteMentions: [(NoteLabel, MentionRecord)]
    var documentMentions: [(LinkView, [MentionRecord])]

    struct Job {
        var template: String
        var model: PageModel
        var path: String
    }

    typealias ModelMaker = (_ title: String, _ kind: String, _ path: String, _ description: String?) -> PageModel

    /// "Section, paragraph 5" from a paragraph anchor such as `section-p5`.
    static func place(_ base: String, anchor: String) -> String {
        guard let range = anchor.range(of: "-p", options: .backwards),
              let number = Int(anchor[range.upperBound...]) else { return base }
        return "\(base), paragraph \(number)"
    }

    func url(_ target: MentionTarget) -> String {
        urls.url("\(target.kind == .person ? "people" : "organisations")/\(target.slug)/")
    }

    /// Pages for every profile and the two indexes; warns about profiles never mentioned.
    func pages(_ makeModel: ModelMaker) -> ([Job], [Diagnostic]) {
        var jobs: [Job] = []
        var diagnostics: [Diagnostic] = []
        let personBySlug = Dictionary(uniqueKeysWithValues: profiles.people.map { ($0.page.slug, $0) })
        let organisationBySlug = Dictionary(uniqueKeysWithValues: profiles.organisations.map { ($0.page.slug, $0) })

        func link(_ kind: MentionTarget.Kind, _ slug: String) -> LinkView? {
            let s = Slug(rawValue: slug)
            switch kind {
            case .person: return personBySlug[s].map { LinkView(title: $0.page.meta.name, url: urls.url("people/\(s)/")) }
            case .organisation: return organisationBySlug[s].map { LinkView(title: $0.page.meta.name, url: urls.url("organisations/\(s)/")) }
            }
        }

        // Mentions by target, once (not a scan of every mention for every profile).
        let chapterMentionsByTarget = chapterMentions.map { chapter, title, mentions in
            (chapter, title, Dictionary(grouping: mentions, by: \.target))
        }
        let documentMentionsByTarget = documentMentions.map { document, mentions in
            (document, Dictionary(grouping: mentions, by: \.target))
        }
        let noteMentionsByTarget = Dictionary(grouping: noteMentions, by: \.1.target)

        func mentionView(_ target: MentionTarget) -> ([MentionGroupView], [MentionGroupView], [MentionGroupView], Int) {
            let report = chapterMentionsByTarget.compactMap { chapter, title, byTarget -> MentionGroupView? in
                let items = (byTarget[target] ?? []).map {
                    MentionItemView(snippet: $0.snippet, url: chapter.url + "#" + $0.anchor, place: Self.place($0.section ?? title, anchor: $0.anchor))
                }
                return items.isEmpty ? nil : MentionGroupView(title: chapter.title, url: chapter.url, items: items)
            }
            var noteItems: [MentionItemView] = []
            var seenNotes: Set<NoteLabel> = []
            for (label, mention) in noteMentionsByTarget[target] ?? [] where seenNotes.insert(label).inserted {
                noteItems.append(MentionItemView(snippet: mention.snippet, url: urls.notes + "#note-\(label)", place: "Note \(label)"))
            }
            let notes = noteItems.isEmpty ? [] : [MentionGroupView(title: "Notes", url: urls.notes, items: noteItems)]
            let documents = documentMentionsByTarget.compactMap { document, byTarget -> MentionGroupView? in
                let items = (byTarget[target] ?? []).map {
                    MentionItemView(snippet: $0.snippet, url: document.url + "#" + $0.anchor, place: Self.place($0.section ?? document.title, anchor: $0.anchor))
                }
                return items.isEmpty ? nil : MentionGroupView(title: document.title, url: document.url, items: items)
            }
            let count = report.reduce(0) { $0 + $1.items.count } + noteItems.count + documents.reduce(0) { $0 + $1.items.count }
            return (report, notes, documents, count)
        }

        func body(_ source: SourceFile, _ document: MarkdownDocument, sectionID: String) -> String? {
            guard !document.blocks.isEmpty else { return nil }
            var r = BodyRenderer(basePath: urls.basePath, source: source, pageURLs: pageURLs,
                                 slugger: Slugger(reserved: ["main"]), sectionID: sectionID)
            r.noteLinkBase = urls.notes
            let html = r.render(document.blocks).rendered
            diagnostics += r.diagnostics
            return html
        }

        func unmentioned(_ source: SourceFile, _ name: String) {
            diagnostics.append(Diagnostic(file: source.path, line: source.frontMatterLine(containing: name).0, severity: .warning,
                                          code: .profileUnmentioned,
                                          message: "'\(name)' is mentioned nowhere in the report, its notes or the documents; check its name and aliases"))
        }

        // People.
        for person in profiles.people {
            let meta = person.page.meta
            let target = MentionTarget(kind: .person, slug: person.page.slug, name: meta.name)
            let (report, notes, documents, count) = mentionView(target)
            if count == 0 { unmentioned(person.page.source, meta.name) }
            var facts: [FactView] = [FactView(label: "Status", value: meta.status.rawValue.capitalizedFirst)]
            if let rank = meta.rank { facts.append(FactView(label: "Rank", value: rank)) }
            if let unit = meta.unit { facts.append(FactView(label: "Branch or unit", value: unit)) }
            if let defected = meta.defected { facts.append(FactView(label: "Defected", value: defected)) }
            if let aliases = meta.aliases, !aliases.isEmpty { facts.append(FactView(label: "Also written", value: aliases.joined(separator: "; "))) }
            if let nameIs = meta.nameIs {
                facts.append(FactView(label: "Name", value: nameIs.capitalizedFirst + (meta.nameSource.map { " (\($0))" } ?? "")))
            }
            var groups: [LinkGroupView] = []
            let organisations = (meta.organisations ?? []).compactMap { link(.organisation, $0) }
            if !organisations.isEmpty { groups.append(LinkGroupView(title: "Organisations", links: organisations)) }
            let maybe = (meta.sameAsMaybe ?? []).compactMap { link(.person, $0) }
            if !maybe.isEmpty { groups.append(LinkGroupView(title: "Possibly the same person", links: maybe)) }
            var m = makeModel(meta.name, "profile", "people/\(person.page.slug)/", meta.summary)
            m.eyebrow = "Person · \(meta.status.rawValue.capitalizedFirst)"
            m.profile = ProfileView(kindLabel: "Person", summary: meta.summary, facts: facts, linkGroups: groups,
                                    bodyHTML: body(person.page.source, person.document, sectionID: "profile"),
                                    reportGroups: report, noteGroups: notes, documentGroups: documents, mentionCount: count)
            m.previous = LinkView(title: "All people", url: urls.url("people/"))
            jobs.append(Job(template: "profile", model: m, path: "people/\(person.page.slug)/"))
        }

        // Organisations.
        for organisation in profiles.organisations {
            let meta = organisation.page.meta
            let slug = organisation.page.slug
            let target = MentionTarget(kind: .organisation, slug: slug, name: meta.name)
            let (report, notes, documents, count) = mentionView(target)
            if count == 0 { unmentioned(organisation.page.source, meta.name) }
            var facts: [FactView] = [FactView(label: "Type", value: meta.type.rawValue.capitalizedFirst)]
            if let abbreviation = meta.abbreviation, !abbreviation.isEmpty { facts.append(FactView(label: "Abbreviation", value: abbreviation)) }
            if let aliases = meta.aliases, !aliases.isEmpty { facts.append(FactView(label: "Also written", value: aliases.joined(separator: "; "))) }
            var groups: [LinkGroupView] = []
            let members = (profiles.members[slug] ?? []).compactMap { link(.person, $0.rawValue) }
            if !members.isEmpty { groups.append(LinkGroupView(title: "Members and people linked to it", links: members)) }
            var relatedSlugs = meta.related ?? []
            for other in profiles.organisations where (other.page.meta.related ?? []).contains(slug.rawValue) {
                if !relatedSlugs.contains(other.page.slug.rawValue) { relatedSlugs.append(other.page.slug.rawValue) }
            }
            let related = relatedSlugs.compactMap { link(.organisation, $0) }
            if !related.isEmpty { groups.append(LinkGroupView(title: "Related organisations", links: related)) }
            var m = makeModel(meta.name, "profile", "organisations/\(slug)/", meta.summary)
            m.eyebrow = "Organisation · \(meta.type.rawValue.capitalizedFirst)"
            m.profile = ProfileView(kindLabel: "Organisation", summary: meta.summary, facts: facts, linkGroups: groups,
                                    bodyHTML: body(organisation.page.source, organisation.document, sectionID: "profile"),
                                    reportGroups: report, noteGroups: notes, documentGroups: documents, mentionCount: count)
            m.previous = LinkView(title: "All organisations", url: urls.url("organisations/"))
            jobs.append(Job(template: "profile", model: m, path: "organisations/\(slug)/"))
        }

        // Indexes: people by status, organisations by type, each group sorted by name.
        if !profiles.people.isEmpty {
            var m = makeModel("People", "profiles", "people/", "Every defector, soldier, official and analyst named in the report and the companion documents.")
            m.profileGroups = Self.groups(PersonStatus.allCases, profiles.people, of: { $0.status }, title: \.groupTitle) { person in
                let meta = person.page.meta
                let organisations = (meta.organisations ?? []).compactMap { organisationBySlug[Slug(rawValue: $0)]?.page.meta }
                    .map { ($0.abbreviation ?? "").isEmpty ? $0.name : $0.abbreviation! }
                return ProfileEntryView(name: meta.name, url: urls.url("people/\(person.page.slug)/"),
                                        detail: Self.detail([meta.rank] + organisations), summary: meta.summary)
            }
            jobs.append(Job(template: "profiles", model: m, path: "people/"))
        }
        if !profiles.organisations.isEmpty {
            var m = makeModel("Organisations", "profiles", "organisations/", "Every organisation the report discusses, and the media whose reporting its notes cite.")
            m.profileGroups = Self.groups(OrganisationType.allCases, profiles.organisations, of: { $0.type }, title: \.groupTitle) { organisation in
                let meta = organisation.page.meta
                let members = profiles.members[organisation.page.slug]?.count ?? 0
                return ProfileEntryView(name: meta.name, url: urls.url("organisations/\(organisation.page.slug)/"),
                                        detail: Self.detail([(meta.abbreviation ?? "").isEmpty ? nil : meta.abbreviation,
                                                             members > 0 ? "\(members) \(members == 1 ? "person" : "people")" : nil]),
                                        summary: meta.summary)
            }
            jobs.append(Job(template: "profiles", model: m, path: "organisations/"))
        }
        return (jobs, diagnostics)
    }
}

extension ProfilePageBuilder {
    /// Profiles grouped by `key` in the order of `keys`, each group sorted by name; empty groups left out.
    static func groups<Meta, Key: Equatable>(_ keys: [Key], _ pages: [Parsed<Meta>], of key: (Meta) -> Key,
                                            title: (Key) -> String,
                                            entry: (Parsed<Meta>) -> ProfileEntryView) -> [ProfileGroupView] {
        keys.compactMap { value in
            let entries = pages.filter { key($0.page.meta) == value }.map(entry)
                .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
            return entries.isEmpty ? nil : ProfileGroupView(title: title(value), id: Slugger.slug(title(value)), entries: entries)
        }
    }

    /// Facts joined with " · ", or nil when there are none.
    static func detail(_ parts: [String?]) -> String? {
        let joined = parts.compactMap { $0 }.joined(separator: " · ")
        return joined.isEmpty ? nil : joined
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

import Foundation
