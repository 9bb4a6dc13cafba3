// The preview serves a rebuild's pages before its search stage has run: the search files of
// the previous build stay until the new ones are ready, in the same build, and the served
// site then equals what `sitegen build` makes of the same content. Also the snapshot's reuse
// of unchanged files between builds.

import Foundation
import Testing
import Sitegen
@testable import SitegenServer

@Suite(.serialized)
struct DeferredSearchTests {
    /// A temporary copy of the small fixture site and the templates.
    final class Folder {
        let root: URL
        var content: String { root.appendingPathComponent("content").path }
        var templates: String { root.appendingPathComponent("templates").path }

        init(offlineReading: Bool) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-deferred-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Repo.smallSite.appendingPathComponent("content"), to: root.appendingPathComponent("content"))
            try FileManager.default.copyItem(at: URL(fileURLWithPath: Repo.templates), to: root.appendingPathComponent("templates"))
            if offlineReading { try "offline_reading: true\n".write(toFile: content + "/site.yml", atomically: true, encoding: .utf8) }
        }

        func replace(_ relative: String, _ find: String, with replacement: String) throws {
            let path = content + "/" + relative
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try text.replacingOccurrences(of: find, with: replacement).write(toFile: path, atomically: true, encoding: .utf8)
        }

        func options(defersSearchIndex: Bool) -> BuildOptions {
            var options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: "/tmp/unused",
                                       writesOutput: false)
            options.defersSearchIndex = defersSearchIndex
            return options
        }

        /// What `sitegen build` makes of the folder now.
        func built() -> [String: Data] {
            let result = SiteBuilder(options: options(defersSearchIndex: false)).build()
            return Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.data) })
        }

        deinit { try? FileManager.default.removeItem(at: root) }
    }

    static func rebuilder(_ folder: Folder) -> (Rebuilder, PreviewSite, ReloadHub) {
        let site = PreviewSite()
        let hub = ReloadHub(status: PreviewStatus(build: 0, diagnostics: []))
        let rebuilder = Rebuilder(builder: SiteBuilder(options: folder.options(defersSearchIndex: true)), site: site, hub: hub,
                                  console: Console(print: { _ in }, error: { _ in }))
        return (rebuilder, site, hub)
    }

    /// Waits until the served output equals `expected` (the deferred stage ran), up to a minute.
    static func waitFor(_ expected: [String: Data], in site: PreviewSite) async -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if site.snapshot?.output == expected { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    @Test(.timeLimit(.minutes(2)), arguments: [false, true])
    func theSearchIndexFollowsThePagesAndTheSiteEndsAsABuild(offlineReading: Bool) async throws {
        let folder = try Folder(offlineReading: offlineReading)
        let (rebuilder, site, hub) = Self.rebuilder(folder)
        let first = await rebuilder.rebuild()
        #expect(first.succeeded)
        // The first build runs the search stage in line: nothing is served without its index.
        #expect(site.snapshot?.output == folder.built())
        #expect(site.snapshot?.build == 1)
        let before = try #require(site.snapshot)

        try folder.replace("report/01-opening.md", "First paragraph", with: "Edited paragraph with zanzibarword")
        await rebuilder.rebuild()
        let served = try #require(site.snapshot)
        #expect(served.build == 2)
        #expect(hub.status.build == 2)
        // The page is served at once; the search files are the previous build's or, if the
        // stage was quick, already the new ones, never a mix of the two.
        let page = try #require(served.output["report/opening/index.html"])
        #expect(String(decoding: page, as: UTF8.self).contains("Edited paragraph with zanzibarword"))
        let expected = folder.built()
        let searchPaths = Set(expected.keys.filter { $0.hasPrefix("search/") || $0 == OfflineManifest.name }
                              + before.output.keys.filter { $0.hasPrefix("search/") || $0 == OfflineManifest.name })
        let servedSearch = served.output.filter { searchPaths.contains($0.key) }
        #expect(servedSearch == before.output.filter { searchPaths.contains($0.key) }
                || servedSearch == expected.filter { searchPaths.contains($0.key) })

        #expect(await Self.waitFor(expected, in: site), "the served site never became the built one")
        #expect(site.snapshot?.build == 2, "the search stage's files join build 2, with no second reload")
        if offlineReading {
            #expect(site.snapshot?.output[OfflineManifest.worker] != nil)
            #expect(site.snapshot?.output[OfflineManifest.themeWorker] == nil)
        }

        // Another edit, and back: each time the site of a fresh build.
        try folder.replace("report/01-opening.md", "Edited paragraph with zanzibarword", with: "First paragraph")
        await rebuilder.rebuild()
        #expect(await Self.waitFor(folder.built(), in: site))
        #expect(site.snapshot?.output == before.output)
    }

    @Test func theInterimSiteTakesTheSearchFilesOfThePreviousBuild() {
        let previous = SiteSnapshot(build: 1, basePath: "/", output: [
            OutputFile(path: "index.html", text: "<body>old</body>"),
            OutputFile(path: "search/index.html", text: "<body>old search with data</body>"),
            OutputFile(path: "search/meta.json", text: "{\"old\":1}"),
            OutputFile(path: "offline-worker.js", text: "worker"),
        ], previous: nil, now: Date(), reloadScript: ReloadScript.tag)
        let pages = [
            OutputFile(path: "index.html", text: "<body>new</body>"),
            OutputFile(path: "search/index.html", text: "<body>new search, no data yet</body>"),
            OutputFile(path: "assets/offline-worker.js", text: "worker"),
        ]
        let interim = Rebuilder.interim(pages: pages, made: ["search/index.html", "search/meta.json", "offline-worker.js"],
                                        removed: ["assets/offline-worker.js"], previous: previous)
        #expect(Dictionary(uniqueKeysWithValues: interim.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) }) == [
            "index.html": "<body>new</body>",
            "search/index.html": "<body>old search with data</body>",
            "search/meta.json": "{\"old\":1}",
            "offline-worker.js": "worker",
        ])
        let (made, removed) = Rebuilder.difference(pages: pages, files: previous.output.map { OutputFile(path: $0.key, data: $0.value) })
        #expect(made == ["index.html", "search/index.html", "search/meta.json", "offline-worker.js"])
        #expect(removed == ["assets/offline-worker.js"])
    }

    @Test func aSnapshotReusesTheBuffersOfUnchangedFilesAndNamesTheChangedOnes() throws {
        let shared = OutputFile(path: "report/a/index.html", text: "<html><body><p>A</p></body></html>")
        let first = SiteSnapshot(build: 1, basePath: "/", output: [shared, OutputFile(path: "b.css", text: "b{}")],
                                 previous: nil, now: Date(), reloadScript: ReloadScript.tag)
        #expect(first.changedPaths == ["report/a/index.html", "b.css"])
        let second = SiteSnapshot(build: 2, basePath: "/", output: [shared, OutputFile(path: "b.css", text: "b{color:red}"),
                                                                     OutputFile(path: "c.js", text: "1")],
                                  previous: first, now: Date(), reloadScript: ReloadScript.tag)
        #expect(second.changedPaths == ["b.css", "c.js"])
        let page = try #require(second.files["report/a/index.html"])
        #expect(String(buffer: page.body) == "<html><body><p>A</p><script src=\"/__sitegen/reload.js?build=2\" defer></script>\n</body></html>")
        #expect(page.length == page.body.readableBytes)
        #expect(page.etag != first.files["report/a/index.html"]?.etag, "the reload tag is part of the page")
        #expect(second.files["b.css"]?.etag != first.files["b.css"]?.etag)
        // A copy of the same bytes (not the same storage) is the same file.
        let copy = OutputFile(path: "b.css", data: Data(Array("b{color:red}".utf8)))
        let third = SiteSnapshot(build: 3, basePath: "/", output: [shared, copy, OutputFile(path: "c.js", text: "1")],
                                 previous: second, now: Date(), reloadScript: ReloadScript.tag)
        #expect(third.changedPaths.isEmpty)
        #expect(third.files["b.css"]?.etag == second.files["b.css"]?.etag)
        let removed = SiteSnapshot(build: 4, basePath: "/", output: [shared], previous: third, now: Date(), reloadScript: ReloadScript.tag)
        #expect(removed.changedPaths == ["b.css", "c.js"])
    }

    @Test(arguments: [0, 1, 7, 8, 9, 63, 64, 1000])
    func theHashSeesEveryByte(_ count: Int) {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let hash = SiteSnapshot.hash(Data(bytes))
        #expect(hash == SiteSnapshot.hash(Data(bytes)))
        for index in Set([0, count / 2, count - 1]) where index >= 0 && index < count {
            var changed = bytes
            changed[index] ^= 1
            #expect(SiteSnapshot.hash(Data(changed)) != hash)
        }
        #expect(SiteSnapshot.hash(Data(bytes + [0])) != hash, "a trailing zero byte counts")
    }
}
