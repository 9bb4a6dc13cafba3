// The preview's incremental rebuilds: a build with a `BuildCache` gives exactly the output of
// a fresh build, and redoes only what the change touched.

import Foundation
import Testing
@testable import Sitegen

struct BuildCacheTests {
    static let site = [
        "report/01-one.md": "---\ntitle: One\n---\nFirst chapter.[^1]\n\n## A section\n\nMore text.\n",
        "report/02-two.md": "---\ntitle: Two\n---\nSecond chapter.[^2]\n",
        "report/notes.md": "---\ntitle: Notes\n---\n[^1]: Note one.\n\n[^2]: Note two.\n",
        "documents/an-article.md": "---\ntitle: An article\nkind: article\n---\nAn article.\n",
    ]

    static let options = BuildOptions(contentDirectory: "content", templatesDirectory: "templates",
                                      outputDirectory: "/tmp/sitegen-tests-never-written", writesOutput: false)

    static func fresh(_ fs: InMemoryFileSystem) -> BuildResult {
        SiteBuilder(options: options, fileSystem: fs).build()
    }

    @Test func unchangedContentReusesEverything() {
        let fs = TestSite.files(Self.site)
        var cache = BuildCache()
        let first = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        #expect(first.statistics.pagesReused == 0)
        let second = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        #expect(second.files == first.files)
        #expect(second.statistics.pagesRendered == 0)
        #expect(second.statistics.pagesReused == first.statistics.pagesRendered)
        #expect(second.statistics.markdownParsed == 0)
    }

    @Test func anEditReRendersThePageAndWhatShowsIt() {
        var fs = TestSite.files(Self.site)
        var cache = BuildCache()
        let first = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        #expect(first.succeeded)

        // A word in chapter two's text: its page, the full report and the search index change;
        // its notes, headings and title do not, so the Notes page, the home page, chapter one
        // and the documents are reused.
        fs.files["content/report/02-two.md"] = Data("---\ntitle: Two\n---\nSecond chapter, edited.[^2]\n".utf8)
        let second = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        #expect(second.files == Self.fresh(fs).files)
        #expect(second.statistics.markdownParsed == 1)
        let changed = Set(zip(first.files, second.files).filter { $0.data != $1.data }.map(\.0.path))
        let pagesChanged: Set<String> = changed.filter { !$0.hasPrefix("search/") }
        #expect(pagesChanged == ["report/two/index.html", "report/full/index.html"])
        #expect(changed.contains { $0.hasPrefix("search/") }, "the search index reflects the edit")
        #expect(second.statistics.pagesRendered == 2)

        // A note's text: the chapters citing it, the Notes page, the full report, the index.
        fs.files["content/report/notes.md"] = Data("---\ntitle: Notes\n---\n[^1]: Note one, edited.\n\n[^2]: Note two.\n".utf8)
        let third = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        #expect(third.files == Self.fresh(fs).files)
        let changedByNote = Set(zip(second.files, third.files).filter { $0.data != $1.data }.map(\.0.path))
        let pagesChangedByNote: Set<String> = changedByNote.filter { !$0.hasPrefix("search/") }
        #expect(pagesChangedByNote == ["report/one/index.html", "report/notes/index.html", "report/full/index.html"])
        #expect(third.statistics.pagesRendered == 3)
    }

    @Test func aTitleChangeReachesTheNeighboursAndTheContents() {
        var fs = TestSite.files(Self.site)
        var cache = BuildCache()
        _ = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        fs.files["content/report/02-two.md"] = Data("---\ntitle: Two, renamed\n---\nSecond chapter.[^2]\n".utf8)
        let second = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        #expect(second.files == Self.fresh(fs).files)
        #expect(second.text("report/one/index.html")?.contains("Two, renamed") == true)
        #expect(second.statistics.pagesReused > 0)
    }

    @Test func aTemplateChangeReRendersEveryPage() throws {
        var fs = TestSite.files(Self.site)
        var cache = BuildCache()
        let first = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        let layout = try #require(fs.files["templates/layout.mustache"])
        fs.files["templates/layout.mustache"] = Data(String(decoding: layout, as: UTF8.self)
            .replacingOccurrences(of: "</footer>", with: "<p>Preview footer</p></footer>").utf8)
        let second = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        #expect(second.files == Self.fresh(fs).files)
        #expect(second.statistics.pagesReused == 0)
        #expect(second.statistics.pagesRendered == first.statistics.pagesRendered)
        #expect(second.text("index.html")?.contains("Preview footer") == true)
    }

    @Test func aFailedBuildInBetweenDoesNotSpoilTheCache() {
        var fs = TestSite.files(Self.site)
        var cache = BuildCache()
        _ = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        let good = fs.files["content/report/01-one.md"]
        fs.files["content/report/01-one.md"] = Data("---\ntitle: [broken\n---\nText.\n".utf8)
        let broken = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        #expect(!broken.succeeded)
        fs.files["content/report/01-one.md"] = good
        let fixed = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        #expect(fixed.succeeded)
        #expect(fixed.files == Self.fresh(fs).files)
    }

    @Test func theShippedContentRebuildsFromTheCacheByteForByte() {
        let options = BuildOptions(contentDirectory: Repo.content, templatesDirectory: Repo.templates,
                                   outputDirectory: "/tmp/sitegen-tests-never-written", writesOutput: false)
        var cache = BuildCache()
        let first = SiteBuilder(options: options).build(cache: &cache)
        let second = SiteBuilder(options: options).build(cache: &cache)
        #expect(first.succeeded)
        #expect(first.files == SiteBuilder(options: options).build().files)
        #expect(second.files == first.files)
        #expect(second.statistics.pagesRendered == 0)
        #expect(second.statistics.markdownParsed == 0)
        #expect(second.statistics.markdownReused > 300)
    }
}
