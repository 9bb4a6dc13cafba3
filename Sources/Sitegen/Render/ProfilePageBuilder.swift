// The pages of the annotated edition: one per profile (person, organisation, or of any type
// the site declares), with its facts as the type labels them, every mention in the report,
// the notes and the companion documents linked to its paragraph, and one index page per
// collection (`/people/`), grouped by the field its type names.

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
    /// The interface strings (group titles, note labels, yes and no).
    var strings = InterfaceStrings.english

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

    /// Pages for every profile and an index per collection; warns about profiles never mentioned.
    func pages(_ makeModel: ModelMaker) -> ([Job], [Diagnostic]) {
        var jobs: [Job] = []
        var diagnostics: [Diagnostic] = []
        // Mentions by target, once (not a scan of every mention for every profile).
        let chapterMentionsByTarget = chapterMentions.map { chapter, title, mentions in
            (chapter, title, Dictionary(grouping: mentions, by: \.target))
        }
        let documentMentionsByTarget = documentMentions.map { document, mentions in
            (document, Dictionary(grouping: mentions, by: \.target))
        }
        let noteMentionsByTarget = Dictionary(grouping: noteMentions, by: \.1.target)

        @Sendable func mentionView(_ target: MentionTarget) -> ([MentionGroupView], [MentionGroupView], [MentionGroupView], Int) {
            let report = chapterMentionsByTarget.compactMap { chapter, title, byTarget -> MentionGroupView? in
                let items = (byTarget[target] ?? []).map {
                    MentionItemView(snippet: $0.snippet, url: chapter.url + "#" + $0.anchor, place: Self.place($0.section ?? title, anchor: $0.anchor))
                }
                return items.isEmpty ? nil : MentionGroupView(title: chapter.title, url: chapter.url, items: items)
            }
            var noteItems: [MentionItemView] = []
            var seenNotes: Set<NoteLabel> = []
            for (label, mention) in noteMentionsByTarget[target] ?? [] where seenNotes.insert(label).inserted {
                noteItems.append(MentionItemView(snippet: mention.snippet, url: urls.notes + "#note-\(label)", place: strings.format("note_number", ["label": label.rawValue])))
            }
            let notes = noteItems.isEmpty ? [] : [MentionGroupView(title: strings["profile_notes_group"], url: urls.notes, items: noteItems)]
            let documents = documentMentionsByTarget.compactMap { document, byTarget -> MentionGroupView? in
                let items = (byTarget[target] ?? []).map {
                    MentionItemView(snippet: $0.snippet, url: document.url + "#" + $0.anchor, place: Self.place($0.section ?? document.title, anchor: $0.anchor))
                }
                return items.isEmpty ? nil : MentionGroupView(title: document.title, url: document.url, items: items)
            }
            let count = report.reduce(0) { $0 + $1.items.count } + noteItems.count + documents.reduce(0) { $0 + $1.items.count }
            return (report, notes, documents, count)
        }

        let (urls, pageURLs) = (urls, pageURLs)
        @Sendable func body(_ source: SourceFile, _ document: MarkdownDocument, sectionID: String) -> (String?, [Diagnostic]) {
            guard !document.blocks.isEmpty else { return (nil, []) }
            var r = BodyRenderer(basePath: urls.basePath, source: source, pageURLs: pageURLs,
                                 slugger: Slugger(reserved: ["main"]), sectionID: sectionID)
            r.noteLinkBase = urls.notes
            let html = r.render(document.blocks).rendered
            return (html, r.diagnostics)
        }

        func unmentioned(_ source: SourceFile, _ name: String) {
            diagnostics.append(Diagnostic(file: source.path, line: source.frontMatterLine(containing: name).0, severity: .warning,
                                          code: .profileUnmentioned,
                                          message: "'\(name)' is mentioned nowhere in the report, its notes or the documents; check its name and aliases"))
        }

        // Each profile's mentions and body are read on all cores (a large site has hundreds of
        // profiles, each reading every chapter's mentions); the models are then made in order.
        let items = profiles.collections.flatMap { collection in
            collection.items.map { (collection.type, MentionTarget.Kind(collection.type.name, folder: collection.type.folder), $0) }
        }
        let read = items.parallelMap { type, kind, profile in
            (mentionView(MentionTarget(kind: kind, slug: profile.page.slug, name: profile.page.meta.name)),
             body(profile.page.source, profile.document, sectionID: "profile"))
        }
        for ((type, _, profile), (mentions, (bodyHTML, bodyProblems))) in zip(items, read) {
            let meta = profile.page.meta
            let path = "\(type.folder)/\(profile.page.slug)/"
            let (report, notes, documents, count) = mentions
            if count == 0 { unmentioned(profile.page.source, meta.name) }
            diagnostics += bodyProblems
            var m = makeModel(meta.name, "profile", path, meta.summary)
            m.eyebrow = ([type.label] + [groupLabel(type, meta)].compactMap { $0 }).joined(separator: " · ")
            m.profile = ProfileView(kindLabel: type.label, summary: meta.summary, facts: facts(type, meta),
                                    linkGroups: linkGroups(type, profile),
                                    bodyHTML: bodyHTML,
                                    reportGroups: report, noteGroups: notes, documentGroups: documents, mentionCount: count)
            m.previous = LinkView(title: "All \(type.title.lowercased())", url: urls.url("\(type.folder)/"))
            jobs.append(Job(template: "profile", model: m, path: path))
        }

        // Indexes: grouped by the type's grouping field (or by initial), each group sorted by name.
        for collection in profiles.collections where !collection.items.isEmpty {
            let type = collection.type
            var m = makeModel(type.title, "profiles", "\(type.folder)/", type.description)
            m.profileGroups = indexGroups(collection)
            jobs.append(Job(template: "profiles", model: m, path: "\(type.folder)/"))
        }
        return (jobs, diagnostics)
    }
}

extension ProfilePageBuilder {
    /// Profiles grouped by `key` in the order of `keys`, each group sorted by name; empty groups left out.
    static func groups<Key>(_ keys: [Key], _ pages: [Parsed<ProfileMeta>], of key: (ProfileMeta) -> String,
                            value: (Key) -> String, title: (Key) -> String,
                            entry: (Parsed<ProfileMeta>) -> ProfileEntryView) -> [ProfileGroupView] {
        keys.compactMap { group in
            let entries = pages.filter { key($0.page.meta) == value(group) }.map(entry)
                .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
            return entries.isEmpty ? nil : ProfileGroupView(title: title(group), id: Slugger.slug(title(group)), entries: entries)
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
