// Incremental rebuilds of the shipped content, as the preview makes them: after each kind of
// edit (a chapter's paragraph, a note, a profile, the site file, an interface string, a
// template) the cached build gives exactly the files and diagnostics of a fresh build, and
// the stages whose inputs did not change are reused. Also: a build that defers its search
// stage gives the same site once the stage has run.

import Foundation
import Testing
@testable import Sitegen

struct IncrementalBuildTests {
    static let options = BuildOptions(contentDirectory: "content", templatesDirectory: "templates",
                                      outputDirectory: "/tmp/sitegen-tests-never-written", writesOutput: false)

    /// The shipped content and templates, in memory.
    static func shipped() -> InMemoryFileSystem {
        var fs = InMemoryFileSystem()
        let disk = LocalFileSystem()
        for (folder, root) in [("content", Repo.content), ("templates", Repo.templates)] {
            for path in (try? disk.files(under: root)) ?? [] {
                fs.files[folder + "/" + path] = try? disk.contents(of: root + "/" + path)
            }
        }
        return fs
    }

    struct Edit: Sendable, CustomStringConvertible {
        var description: String
        var file: String
        var find: String
        var replace: String
        /// The stages the rebuild after this edit reuses.
        var reused: [String]
    }

    static let edits: [Edit] = [
        Edit(description: "a paragraph of a chapter", file: "content/report/03-why-leave-the-army.md",
             find: "scholars on military desertions", replace: "scholars, edited, on military desertions", reused: ["notes", "sources"]),
        Edit(description: "the text of a note", file: "content/report/notes.md",
             find: "[^2]: ", replace: "[^2]: Edited. ", reused: []),
        Edit(description: "a profile", file: "content/people/ah-lynn.md",
             find: "Myanmar researcher and second author", replace: "Researcher and second author", reused: ["notes", "sources"]),
        Edit(description: "the site file", file: "content/site.yml",
             find: "offline_reading: true", replace: "offline_reading: false", reused: ["notes", "sources"]),
        Edit(description: "an interface string", file: "content/i18n/en.yml",
             find: "list every correction", replace: "list each correction", reused: ["notes", "sources"]),
        Edit(description: "a template", file: "templates/layout.mustache",
             find: "</footer>", replace: "<p>Edited footer</p></footer>", reused: ["notes", "sources"]),
    ]

    @Test(arguments: edits)
    func anEditGivesExactlyTheSiteOfAFreshBuild(_ edit: Edit) throws {
        var fs = Self.shipped()
        var cache = BuildCache()
        let first = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        try #require(first.succeeded)
        let text = try #require(fs.files[edit.file].map { String(decoding: $0, as: UTF8.self) })
        try #require(text.contains(edit.find), "the edit's text is not in \(edit.file)")
        fs.files[edit.file] = Data(text.replacingOccurrences(of: edit.find, with: edit.replace, options: [], range: text.range(of: edit.find)).utf8)

        let cached = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        let fresh = SiteBuilder(options: Self.options, fileSystem: fs).build()
        #expect(cached.files.map(\.path) == fresh.files.map(\.path))
        let stale = zip(cached.files, fresh.files).filter { $0.data != $1.data }.map(\.0.path)
        #expect(stale.isEmpty, "stale after editing \(edit): \(stale.prefix(5))")
        #expect(cached.diagnostics == fresh.diagnostics)
        #expect(cached.files != first.files, "the edit shows")
        #expect(cached.statistics.stagesReused == edit.reused)

        // And back: the first site again, from the cache.
        fs.files[edit.file] = Data(text.utf8)
        let reverted = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        #expect(reverted.files == first.files)
        #expect(reverted.diagnostics == first.diagnostics)
    }

    @Test func noteMarkersMovedInAChapterRenumberTheNotes() throws {
        // The chapter's tree changes and so do the notes: nothing of the previous notes is kept.
        let site = [
            "report/01-one.md": "---\ntitle: One\n---\nFirst.[^a] Second.[^b]\n",
            "report/notes.md": "---\ntitle: Notes\n---\n[^a]: Note a.\n\n[^b]: Note b.\n",
        ]
        var fs = TestSite.files(site)
        var cache = BuildCache()
        _ = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        fs.files["content/report/01-one.md"] = Data("---\ntitle: One\n---\nFirst.[^b] Second.[^a]\n".utf8)
        let cached = SiteBuilder(options: Self.options, fileSystem: fs).build(cache: &cache)
        let fresh = SiteBuilder(options: Self.options, fileSystem: fs).build()
        #expect(cached.files == fresh.files)
        #expect(cached.statistics.stagesReused.isEmpty)
        let notes = try #require(cached.text("report/notes/index.html"))
        let a = try #require(notes.range(of: "Note a.")), b = try #require(notes.range(of: "Note b."))
        #expect(b.lowerBound < a.lowerBound, "note b is now the first")
    }

    @Test func aDeferredSearchStageGivesTheSiteOfAPlainBuild() throws {
        let fs = Self.shipped()
        var options = Self.options
        options.defersSearchIndex = true
        let deferred = SiteBuilder(options: options, fileSystem: fs).build()
        let pending = try #require(deferred.pendingSearch)
        #expect(!deferred.files.contains { $0.path.hasPrefix("search/") && $0.path != "search/index.html" })
        #expect(!deferred.files.contains { $0.path == OfflineManifest.name })
        let (files, problems) = pending.run()
        let plain = SiteBuilder(options: Self.options, fileSystem: fs).build()
        #expect(files.map(\.path) == plain.files.map(\.path))
        #expect(files == plain.files)
        #expect(problems.isEmpty)
        #expect(deferred.diagnostics == plain.diagnostics)
        // Builds that write or check never defer.
        options.strict = true
        #expect(SiteBuilder(options: options, fileSystem: fs).build().pendingSearch == nil)
    }

    @Test func aSearchFileCollisionFoundLateIsReported() throws {
        var fs = TestSite.files(["report/01-one.md": "---\ntitle: One\n---\nText.\n"])
        fs.files["content/search/meta.json"] = Data("{}".utf8)
        var options = Self.options
        options.defersSearchIndex = true
        let deferred = SiteBuilder(options: options, fileSystem: fs).build()
        #expect(deferred.succeeded)
        let (_, problems) = try #require(deferred.pendingSearch).run()
        #expect(problems.map(\.code) == [.outputCollision])
        #expect(SiteBuilder(options: Self.options, fileSystem: fs).build().diagnostics.map(\.code).contains(.outputCollision))
    }
}
