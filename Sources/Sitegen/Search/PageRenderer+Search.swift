// The renderer's part in search: the search page, and the records of everything a reader can
// search for, read from the same HTML trees the pages are made of (so every result links to
// an anchor that exists). Profiles have a record each, their names and aliases boosted.

import Foundation
import SitegenMarkdown

extension PageRenderer {
    /// Rendered bodies the search records are read from.
    struct SearchSources: Sendable {
        var abstract: HTML
        var chapters: [Slug: HTML]
        var noteBodies: [NoteLabel: HTML]
        var documents: [Slug: HTML]
    }

    /// The search records of the site, in reading order: the abstract, each chapter (its title,
    /// headings and paragraphs), the notes, the abbreviations, the companion documents.
    func searchRecords(_ site: ParsedSite, notes: NoteIndex, profiles: Profiles, sources: SearchSources) -> [SearchRecord] {
        let strings = site.content.strings
        var extractor = SearchRecordExtractor()
        extractor.addPage(kind: .chapter, title: strings["abstract_heading"], path: "", body: sources.abstract, pageRecord: false)
        var chapterTitles: [Slug: String] = [:]
        for (index, chapter) in site.chapters.enumerated() {
            chapterTitles[chapter.page.slug] = strings.format("chapter_number_title", ["number": String(index + 1), "title": chapter.page.meta.title])
        }
        // Each chapter's and each note's records are read on all cores, then taken in reading order.
        let chapterRecords = site.chapters.parallelMap { chapter -> [SearchRecord] in
            let slug = chapter.page.slug
            var pageExtractor = SearchRecordExtractor()
            pageExtractor.addPage(kind: .chapter, title: chapter.page.meta.title, path: "report/\(slug)/",
                                  body: sources.chapters[slug] ?? .fragment([]), pageText: chapter.page.meta.description ?? "")
            return pageExtractor.records
        }
        for records in chapterRecords { extractor.add(contentsOf: records) }
        let titles = chapterTitles
        let noteRecords = notes.notes.parallelMap { note -> SearchRecord? in
            let body = sources.noteBodies[note.label].map(SearchRecordExtractor.text(of:)) ?? ""
            let text = ([body] + note.editorialExplanations.map { strings["editorial_note_label"] + " \($0)]" }).joined(separator: " ")
            guard !Self.isBlank(text) else { return nil }
            return SearchRecord(kind: .note, title: strings.format("note_number", ["label": note.number]), section: note.homeChapter.flatMap { titles[$0] },
                                url: "report/notes/#\(note.id)", text: text)
        }
        for case let record? in noteRecords { extractor.add(record) }
        for abbreviation in site.content.abbreviations?.meta.abbreviations ?? [] {
            extractor.add(SearchRecord(kind: .glossary, title: abbreviation.term, section: "Abbreviations",
                                       url: "report/abbreviations/#abbr-\(Slugger.slug(abbreviation.term))",
                                       text: abbreviation.expansion, boosted: [abbreviation.term]))
        }
        func profileText(_ summary: String?, _ facts: [String?], _ document: MarkdownDocument) -> String {
            ([summary] + facts + document.blocks.flatMap(\.inlineRuns).map { Optional($0.plainText) })
                .compactMap { $0 }.joined(separator: " ")
        }
        for collection in profiles.collections {
            let type = collection.type
            // Free-text facts (labelled text, number and date fields without allowed values) are searched.
            let searched = type.fields.filter {
                $0.label != nil && [.text, .number, .date].contains($0.kind) && $0.values == nil
                    && !ProfileType.builtInFields.map(\.name).contains($0.name)
            }
            for profile in collection.items {
                let meta = profile.page.meta
                let section = type.searchLabel.lazy.compactMap { name in type.field(name).flatMap { ProfilePageBuilder.display($0, meta, strings: strings) } }.first
                extractor.add(SearchRecord(kind: SearchRecord.Kind(rawValue: type.name), title: meta.name,
                                           section: section ?? type.label, url: "\(type.folder)/\(profile.page.slug)/",
                                           text: profileText(meta.summary, searched.map { meta.text($0.name) }, profile.document),
                                           boosted: [meta.name] + [meta.abbreviation].compactMap { $0 } + meta.aliases))
            }
        }
        for document in site.documents {
            let slug = document.page.slug
            extractor.addPage(kind: .document, title: document.page.meta.title, path: "documents/\(slug)/",
                              body: sources.documents[slug] ?? .fragment([]), pageText: document.page.meta.description ?? "")
        }
        return extractor.records
    }

    /// Whether `text` is empty or only white space of a line (what trimming
    /// `CharacterSet.whitespaces` leaves empty), decided scalar by scalar: the first letter of
    /// a note ends the look, where trimming copied the whole text.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.isASCII ? ($0 == " " || $0 == "\t") : CharacterSet.whitespaces.contains($0) }
    }

    /// Where the search page sends readers whose browser runs no JavaScript.
    func searchFallbackLinks(_ site: ParsedSite) -> [LinkView] {
        let strings = site.content.strings
        return [
            LinkView(title: strings["nav_home"], url: urls.home),
            LinkView(title: strings["nav_notes"], url: urls.notes),
        ] + site.profiles.filter { !$0.items.isEmpty }.map {
            LinkView(title: $0.type.title, url: urls.url("\($0.type.folder)/"))
        } + [
            site.content.abbreviations.map { LinkView(title: $0.meta.title, url: urls.abbreviations) },
            site.documents.isEmpty ? nil : LinkView(title: strings["title_documents"], url: urls.documents),
            LinkView(title: strings["link_full"], url: urls.fullReport),
        ].compactMap { $0 }
    }
}
