// The search index is built on another core while the pages are rendered: the build's index
// files are exactly those the stages give when run one after the other, and a `Background`
// value is computed once, off the calling thread, and waited for.

import Foundation
import Testing
@testable import Sitegen

struct BackgroundIndexingTests {
    @Test func theOverlappedIndexIsTheIndexOfTheStagesInTurn() throws {
        let options = BuildOptions(contentDirectory: Repo.content, templatesDirectory: Repo.templates,
                                   outputDirectory: "/tmp/sitegen-tests-never-written", writesOutput: false)
        let built = SiteBuilder(options: options).build()
        #expect(!built.diagnostics.hasErrors)

        // The same stages, in turn, without overlap.
        let disk = ConfinedFileSystem(folders: [Repo.content, Repo.templates])
        let (templates, _) = TemplateSet.load(from: Repo.templates, fileSystem: disk)
        let (content, _) = ContentLoader(contentDirectory: Repo.content, fileSystem: disk).load()
        let parsed = MarkdownStage().run(try #require(content))
        let (notes, _) = NoteResolver().run(parsed)
        let (profiles, _) = ProfileResolver().run(parsed)
        let sources = SourceRegister.build(notes, outlets: profiles.outletNames)
        let urls = SiteURLs(baseURL: content?.config.baseURL ?? content?.publication.meta.baseURL ?? "/")
        let (rendered, _) = PageRenderer(urls: urls, templates: try #require(templates), copiedFiles: [])
            .run(parsed, notes: notes, profiles: profiles, sources: sources)
        let inTurn = SearchIndexer().run(rendered)

        func searchFiles(_ files: [OutputFile]) -> [String: Data] {
            Dictionary(uniqueKeysWithValues: files.filter { $0.path.hasPrefix("search/") && $0.path != "search/index.html" }
                .map { ($0.path, $0.data) })
        }
        let expected = searchFiles(inTurn.files)
        #expect(expected.count > 10)
        #expect(searchFiles(built.files) == expected)
        // The search page's data blocks were filled from the same index.
        let page = try #require(built.text("search/index.html"))
        #expect(!page.contains(SearchIndexFiles.metaPlaceholder) && !page.contains(SearchIndexFiles.recordsPlaceholder))
        let meta = String(decoding: try #require(expected["search/meta.json"]), as: UTF8.self)
        #expect(page.contains(SearchIndexFiles.dataBlock(meta)))
    }

    @Test func aBackgroundValueIsComputedOnceOffTheCallingThread() {
        let runs = Locked(0)
        let onCaller = Locked(true)
        let caller = ObjectIdentifier(Thread.current)
        let background = Background { () -> Int in
            runs.set(runs.value + 1)
            onCaller.set(ObjectIdentifier(Thread.current) == caller)
            Thread.sleep(forTimeInterval: 0.05)
            return 42
        }
        #expect(background.value == 42)
        #expect(background.value == 42)
        #expect(runs.value == 1)
        #expect(onCaller.value == false)
    }
}
