// The search records are read from the chapters and notes on all cores and then taken in
// reading order: the abstract, each chapter's records in turn (page, headings, blocks in the
// order of the page), then the notes in the order of the notes list.

import Foundation
import Testing
@testable import Sitegen

struct SearchRecordOrderTests {
    @Test func recordsKeepTheReadingOrderOfChaptersAndNotes() throws {
        let disk = ConfinedFileSystem(folders: [Repo.content, Repo.templates])
        let (templates, _) = TemplateSet.load(from: Repo.templates, fileSystem: disk)
        let (content, _) = ContentLoader(contentDirectory: Repo.content, fileSystem: disk).load()
        let parsed = MarkdownStage().run(try #require(content))
        let (notes, _) = NoteResolver().run(parsed)
        let (profiles, _) = ProfileResolver().run(parsed)
        let sources = SourceRegister.build(notes, outlets: profiles.outletNames)
        let (rendered, _) = PageRenderer(urls: SiteURLs(baseURL: "/"), templates: try #require(templates), copiedFiles: [])
            .run(parsed, notes: notes, profiles: profiles, sources: sources)
        let records = rendered.searchRecords
        #expect(parsed.chapters.count > 2)

        // Chapters: one run of records per chapter, in the order of the report, each starting
        // with the page's own record.
        let chapterURLs = records.filter { $0.kind == .chapter && $0.url.hasPrefix("report/") }.map(\.url)
        var runs: [String] = []
        for url in chapterURLs {
            let page = String(url.prefix { $0 != "#" })
            if runs.last != page { runs.append(page) }
        }
        #expect(runs == parsed.chapters.map { "report/\($0.page.slug)/" })
        for chapter in parsed.chapters {
            let page = "report/\(chapter.page.slug)/"
            let urls = chapterURLs.filter { $0.hasPrefix(page) }
            #expect(urls.first == page)
            // Paragraph anchors are numbered per section (`section-p3`): upwards within each.
            var last: [Substring: Int] = [:]
            var paragraphs = 0
            for url in urls {
                guard let range = url.range(of: "-p", options: .backwards), let number = Int(url[range.upperBound...]) else { continue }
                let section = url[..<range.lowerBound]
                #expect(number > last[section, default: 0], "\(url)")
                last[section] = number
                paragraphs += 1
            }
            #expect(paragraphs > 1, "\(page)")
        }

        // Notes: in the order of the notes list (blank notes have no record).
        let noteURLs = records.filter { $0.kind == .note }.map(\.url)
        let listed = notes.notes.map { "report/notes/#\($0.id)" }
        #expect(noteURLs.count > 100)
        let positions = noteURLs.compactMap { listed.firstIndex(of: $0) }
        #expect(positions.count == noteURLs.count)
        #expect(positions == positions.sorted())
        #expect(Set(noteURLs).count == noteURLs.count)
        // The abstract comes first, the documents after the notes.
        #expect(records.first?.url.hasPrefix("#") == true || records.first?.url.hasPrefix("report/") == false)
        let lastNote = try #require(records.lastIndex { $0.kind == .note })
        #expect(records.firstIndex { $0.kind == .document }.map { $0 > lastNote } ?? true)
    }
}
