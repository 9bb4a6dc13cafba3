// The preview's rebuilds after a series of edits made one after another to the same site, as
// an author makes them: after each step the site the cache-keeping build gives (its search
// stage deferred and then run, as `sitegen serve` does) is exactly, file for file and byte
// for byte, the site of a fresh `build` of the same content, with the same diagnostics. The
// steps cover each kind of input a rebuild may reuse: a paragraph, a note's text, a note
// reference added and removed (which renumbers the notes), a chapter's title, a profile's
// name, a template, site.yml, a file added and removed, and a broken file and its repair.
// Once on the in-memory file system (no file stamps: bytes are compared) and once on disk
// (file stamps).

import Foundation
import Testing
@testable import Sitegen

struct PreviewStepsTests {
    struct Step: Sendable, CustomStringConvertible {
        var description: String
        var file: String
        /// Replaces the first occurrence of `find` with `replace`; a nil `find` writes `replace`
        /// as the whole file, a nil `replace` deletes it.
        var find: String?
        var replace: String?
        /// What the rebuild is expected to reuse: the bodies of most chapters, the content.
        var reusesBodies = true
        var content: String? = nil
    }

    static let chapter = "content/report/03-why-leave-the-army.md"
    static let steps: [Step] = [
        Step(description: "a paragraph", file: chapter, find: "scholars on military desertions",
             replace: "scholars, edited, on military desertions", content: "patched"),
        Step(description: "the same paragraph again", file: chapter, find: "scholars, edited,",
             replace: "scholars, edited twice,", content: "patched"),
        Step(description: "a note's text", file: "content/report/notes.md", find: "[^2]: ", replace: "[^2]: Edited. ",
             content: "patched"),
        Step(description: "a note reference added", file: chapter, find: "scholars, edited twice,",
             replace: "scholars,[^2] edited twice,", content: "patched"),
        Step(description: "the note reference removed", file: chapter, find: "scholars,[^2] edited twice,",
             replace: "scholars, edited twice,", content: "patched"),
        Step(description: "a chapter's title", file: chapter, find: "\ntitle: ", replace: "\ntitle: Edited: ",
             reusesBodies: false, content: "loaded"),
        Step(description: "a profile's name", file: "content/people/ah-lynn.md", find: "name: ", replace: "name: Dr ",
             reusesBodies: false, content: "loaded"),
        Step(description: "a template", file: "templates/layout.mustache", find: "</footer>",
             replace: "<p>Edited footer</p></footer>", content: "reused"),
        Step(description: "site.yml", file: "content/site.yml", find: "offline_reading: true",
             replace: "offline_reading: false", reusesBodies: false, content: "loaded"),
        Step(description: "a page added", file: "content/about-this-edition.md", find: nil,
             replace: "---\ntitle: About this edition\n---\nA page [linking](report/03-why-leave-the-army.md).\n",
             reusesBodies: false, content: "loaded"),
        Step(description: "the page removed", file: "content/about-this-edition.md", find: nil, replace: nil,
             reusesBodies: false, content: "loaded"),
        Step(description: "a chapter broken", file: chapter, find: "\ntitle: ", replace: "\ntitle: [unclosed ",
             reusesBodies: false, content: "loaded"),
        Step(description: "the chapter repaired", file: chapter, find: "\ntitle: [unclosed ", replace: "\ntitle: ",
             reusesBodies: false, content: "loaded"),
    ]

    static func options(content: String, templates: String, defers: Bool) -> BuildOptions {
        var options = BuildOptions(contentDirectory: content, templatesDirectory: templates,
                                   outputDirectory: "/tmp/sitegen-tests-never-written", writesOutput: false)
        options.defersSearchIndex = defers
        return options
    }

    /// The site as the preview serves it once its search stage has run.
    static func previewSite(_ builder: SiteBuilder, cache: inout BuildCache) -> BuildResult {
        var result = builder.build(cache: &cache)
        if let pending = result.pendingSearch {
            let (files, problems) = pending.run()
            result.files = files
            result.diagnostics = (result.diagnostics + problems).sortedForOutput
        }
        return result
    }

    static func apply(_ step: Step, to text: String?) throws -> String? {
        guard let find = step.find else { return step.replace }
        let text = try #require(text, "\(step.file) is missing")
        let range = try #require(text.range(of: find), "'\(find)' is not in \(step.file)")
        return text.replacingCharacters(in: range, with: step.replace ?? "")
    }

    static func compare(_ cached: BuildResult, _ fresh: BuildResult, after step: Step) {
        #expect(cached.files.map(\.path) == fresh.files.map(\.path), "files after \(step)")
        let stale = zip(cached.files, fresh.files).filter { $0.path == $1.path && $0.data != $1.data }.map(\.0.path)
        #expect(stale.isEmpty, "stale after \(step): \(stale.prefix(8))")
        #expect(cached.diagnostics == fresh.diagnostics, "diagnostics after \(step)")
    }

    @Test func stepByStepInMemoryTheRebuiltSiteIsAFreshBuild() throws {
        var fs = IncrementalBuildTests.shipped()
        var cache = BuildCache()
        let preview = Self.options(content: "content", templates: "templates", defers: true)
        let plain = Self.options(content: "content", templates: "templates", defers: false)
        let first = Self.previewSite(SiteBuilder(options: preview, fileSystem: fs), cache: &cache)
        try #require(first.succeeded)
        #expect(first.files == SiteBuilder(options: plain, fileSystem: fs).build().files)
        for step in Self.steps {
            fs.files[step.file] = try Self.apply(step, to: fs.files[step.file].map { String(decoding: $0, as: UTF8.self) })
                .map { Data($0.utf8) }
            let cached = Self.previewSite(SiteBuilder(options: preview, fileSystem: fs), cache: &cache)
            let fresh = SiteBuilder(options: plain, fileSystem: fs).build()
            Self.compare(cached, fresh, after: step)
            if step.reusesBodies {
                #expect(cached.statistics.bodiesReused > cached.statistics.bodiesRendered, "bodies reused after \(step)")
            }
            if let content = step.content {
                #expect(cached.statistics.content == content, "content after \(step)")
            }
        }
    }

    @Test func stepByStepOnDiskTheRebuiltSiteIsAFreshBuild() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-preview-steps-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repo.content, toPath: root + "/content")
        try FileManager.default.copyItem(atPath: Repo.templates, toPath: root + "/templates")
        let preview = Self.options(content: root + "/content", templates: root + "/templates", defers: true)
        let plain = Self.options(content: root + "/content", templates: root + "/templates", defers: false)
        var cache = BuildCache()
        let first = Self.previewSite(SiteBuilder(options: preview), cache: &cache)
        try #require(first.succeeded)
        // Unchanged files: nothing is read or decoded again.
        let again = Self.previewSite(SiteBuilder(options: preview), cache: &cache)
        #expect(again.statistics.content == "reused")
        #expect(again.files == first.files)
        for step in Self.steps {
            let path = root + "/" + step.file
            let old = try? String(contentsOfFile: path, encoding: .utf8)
            if let text = try Self.apply(step, to: old) {
                try text.write(toFile: path, atomically: false, encoding: .utf8)
            } else {
                try FileManager.default.removeItem(atPath: path)
            }
            let cached = Self.previewSite(SiteBuilder(options: preview), cache: &cache)
            let fresh = SiteBuilder(options: plain).build()
            Self.compare(cached, fresh, after: step)
            if let content = step.content {
                #expect(cached.statistics.content == content, "content after \(step)")
            }
        }
    }

    @Test func notesRenumberedByAnEditReachEveryPageThatShowsThem() throws {
        // A reference moved ahead of another renumbers both notes: the chapters citing them, the
        // Notes page and the full report change; a chapter citing neither keeps its body.
        let site = [
            "report/01-one.md": "---\ntitle: One\n---\nFirst.[^a] Second.[^b]\n",
            "report/02-two.md": "---\ntitle: Two\n---\nThird.[^c] Again.[^a]\n",
            "report/03-three.md": "---\ntitle: Three\n---\nNo notes here.\n",
            "report/notes.md": "---\ntitle: Notes\n---\n[^a]: Note a.\n\n[^b]: Note b.\n\n[^c]: Note c.\n",
        ]
        var fs = TestSite.files(site)
        var cache = BuildCache()
        let options = Self.options(content: "content", templates: "templates", defers: false)
        _ = SiteBuilder(options: options, fileSystem: fs).build(cache: &cache)
        fs.files["content/report/01-one.md"] = Data("---\ntitle: One\n---\nFirst.[^b] Second.[^a]\n".utf8)
        let cached = SiteBuilder(options: options, fileSystem: fs).build(cache: &cache)
        let fresh = SiteBuilder(options: options, fileSystem: fs).build()
        #expect(cached.files == fresh.files)
        #expect(cached.statistics.bodiesReused >= 1, "chapter three and the notes' texts are reused")
        let two = try #require(cached.text("report/two/index.html"))
        #expect(two.contains(">2</a></sup>"), "chapter two shows note a's new number")
    }

    @Test func aReferenceMovedAlongItsLineKeepsTheNotesUnlessTheyHadDiagnostics() throws {
        let options = Self.options(content: "content", templates: "templates", defers: false)
        // No diagnostics: the notes are reused, the site is a fresh build's.
        var fs = TestSite.files([
            "report/01-one.md": "---\ntitle: One\n---\nFirst.[^a] Second.[^b]\n",
            "report/notes.md": "---\ntitle: Notes\n---\n[^a]: Note a.\n\n[^b]: Note b.\n",
        ])
        var cache = BuildCache()
        _ = SiteBuilder(options: options, fileSystem: fs).build(cache: &cache)
        fs.files["content/report/01-one.md"] = Data("---\ntitle: One\n---\nFirst, moved.[^a] Second.[^b]\n".utf8)
        var cached = SiteBuilder(options: options, fileSystem: fs).build(cache: &cache)
        var fresh = SiteBuilder(options: options, fileSystem: fs).build()
        #expect(cached.files == fresh.files)
        #expect(cached.diagnostics == fresh.diagnostics)
        #expect(cached.statistics.stagesReused.contains("notes"))

        // An undefined note: its diagnostic names the reference's column, so the notes are
        // resolved again when the reference moves.
        fs = TestSite.files([
            "report/01-one.md": "---\ntitle: One\n---\nFirst.[^a] Undefined.[^zz]\n",
            "report/notes.md": "---\ntitle: Notes\n---\n[^a]: Note a.\n",
        ])
        cache = BuildCache()
        let first = SiteBuilder(options: options, fileSystem: fs).build(cache: &cache)
        #expect(first.diagnostics.contains { $0.code == .noteUndefined })
        fs.files["content/report/01-one.md"] = Data("---\ntitle: One\n---\nFirst.[^a] Undefined, moved.[^zz]\n".utf8)
        cached = SiteBuilder(options: options, fileSystem: fs).build(cache: &cache)
        fresh = SiteBuilder(options: options, fileSystem: fs).build()
        #expect(cached.diagnostics == fresh.diagnostics)
        #expect(cached.diagnostics != first.diagnostics, "the diagnostic follows the reference")
        #expect(!cached.statistics.stagesReused.contains("notes"))
    }
}
