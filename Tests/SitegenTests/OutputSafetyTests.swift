// The build never deletes what sitegen did not write (issue 10, items 1 and 9): an output
// folder is replaced only when it is absent, empty or carries sitegen's marker; a file is
// never replaced; host files kept in content/ are copied; leftovers of interrupted builds
// are removed by the next build, and a failed swap leaves nothing behind.

import Foundation
import Testing
@testable import Sitegen

@Suite(.serialized)
struct OutputSafetyTests {
    /// A small site on disk and the options to build it into `root/<output>`.
    struct Workspace {
        var root = temporaryFolder()
        var content = "", templates = ""

        init(extra: [String: String] = [:]) throws {
            (content, templates) = try OutputTests.materialise(OutputTests.site.merging(extra) { $1 }, in: root)
        }

        func options(_ output: String = "public", force: Bool = false) -> BuildOptions {
            BuildOptions(contentDirectory: content, templatesDirectory: templates,
                         outputDirectory: root.appendingPathComponent(output).path, force: force)
        }

        func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

        func write(_ relative: String, _ text: String = "x") throws {
            let url = url(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: url(relative).path) }

        /// Entries of the workspace that look like staging folders.
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains(".sitegen-") }.sorted()
        }

        func remove() { try? SiteWriter.removeTree(root) }
    }

    /// Folders a careless `--output` might name; each must survive a plain build.
    static let foreignFolders: [[String]] = [
        ["canary.txt"],
        ["Documents/thesis.txt", ".bashrc"],
        [".git/HEAD", ".git/config", "CNAME", "draft.html"],
    ]

    @Test(arguments: foreignFolders)
    func foreignFolderIsRefused(_ files: [String]) throws {
        let w = try Workspace()
        defer { w.remove() }
        for file in files { try w.write("public/" + file, "mine: \(file)") }
        let result = SiteBuilder(options: w.options()).build()
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.code) == [.outputNotSitegen])
        #expect(result.diagnostics.first?.file == w.url("public").path)
        #expect(result.diagnostics.first?.message.contains("--force") == true)
        for file in files {
            #expect(try String(contentsOf: w.url("public/" + file), encoding: .utf8) == "mine: \(file)")
        }
        #expect(!w.exists("public/report/one/index.html"))
        #expect(try w.leftovers().isEmpty)

        // --force is the user's word: the folder is replaced.
        let forced = SiteBuilder(options: w.options(force: true)).build()
        #expect(forced.succeeded, "\(forced.lines)")
        #expect(w.exists("public/report/one/index.html") && w.exists("public/" + OutputLocation.marker))
        for file in files { #expect(!w.exists("public/" + file)) }
    }

    @Test(arguments: [false, true])
    func existingFileIsRefused(force: Bool) throws {
        let w = try Workspace()
        defer { w.remove() }
        try w.write("notes.txt", "my notes")
        let result = SiteBuilder(options: w.options("notes.txt", force: force)).build()
        #expect(result.diagnostics.map(\.code) == [.outputNotAFolder])
        #expect(result.diagnostics.first?.file == w.url("notes.txt").path)
        #expect(try String(contentsOf: w.url("notes.txt"), encoding: .utf8) == "my notes")
        #expect(try w.leftovers().isEmpty)
    }

    @Test func emptyOrAbsentFolderIsBuilt() throws {
        let w = try Workspace()
        defer { w.remove() }
        try FileManager.default.createDirectory(at: w.url("empty"), withIntermediateDirectories: true)
        for output in ["empty", "absent", "new/nested/out"] {
            let result = SiteBuilder(options: w.options(output)).build()
            #expect(result.succeeded, "\(output): \(result.lines)")
            let marker = try String(contentsOf: w.url(output + "/" + OutputLocation.marker), encoding: .utf8)
            #expect(marker.contains("written by sitegen"))
        }
    }

    @Test func ownOutputIsReplaced() throws {
        let w = try Workspace()
        defer { w.remove() }
        #expect(SiteBuilder(options: w.options()).build().succeeded)
        try w.write("public/stale.html", "old page")
        let second = SiteBuilder(options: w.options()).build()
        #expect(second.succeeded, "\(second.lines)")
        #expect(!w.exists("public/stale.html"))
        // The marker is not a page: not in the sitemap, not among the built files, not checked.
        let sitemap = try String(contentsOf: w.url("public/sitemap.xml"), encoding: .utf8)
        #expect(!sitemap.contains(OutputLocation.marker))
        #expect(!second.files.contains { $0.path.contains(OutputLocation.marker) })
        let strict = BuildOptions(contentDirectory: w.content, templatesDirectory: w.templates,
                                  outputDirectory: w.url("public").path, strict: true)
        #expect(SiteBuilder(options: strict).build().lines == [])
    }

    @Test func readOnlyFolderLeavesNothing() throws {
        let w = try Workspace()
        defer {
            chmod(w.url("public").path, 0o755)
            w.remove()
        }
        #expect(SiteBuilder(options: w.options()).build().succeeded)
        let before = try OutputTests.snapshot(w.url("public"))
        chmod(w.url("public").path, 0o555)
        for _ in 0..<2 {
            let result = SiteBuilder(options: w.options()).build()
            #expect(result.diagnostics.map(\.code) == [.outputUnwritable], "\(result.lines)")
            #expect(result.diagnostics.first?.message.contains("read-only") == true)
        }
        #expect(try w.leftovers().isEmpty)
        #expect(try OutputTests.snapshot(w.url("public")) == before)
    }

    @Test func hostFilesAreCopied() throws {
        let w = try Workspace(extra: [
            "CNAME": "report.example.org\n",
            ".nojekyll": "",
            ".well-known/security.txt": "Contact: mailto:security@example.org\n",
            ".htaccess": "Options -Indexes\n",
        ])
        defer { w.remove() }
        // What a content folder may hold but must never be published.
        try w.write("content/.git/config", "[core]")
        try w.write("content/.DS_Store", "litter")
        try w.write("content/report/.01-one.md.swp", "swap")
        try w.write("content/" + OutputLocation.marker, "not ours")
        let result = SiteBuilder(options: w.options()).build()
        #expect(result.succeeded, "\(result.lines)")
        for file in ["CNAME", ".nojekyll", ".well-known/security.txt", ".htaccess"] {
            #expect(w.exists("public/" + file), "\(file) was not copied")
        }
        #expect(try String(contentsOf: w.url("public/.well-known/security.txt"), encoding: .utf8).hasPrefix("Contact:"))
        for file in [".git/config", ".DS_Store", "report/.01-one.md.swp"] {
            #expect(!w.exists("public/" + file), "\(file) was copied")
        }
        #expect(try String(contentsOf: w.url("public/" + OutputLocation.marker), encoding: .utf8) == OutputLocation.markerText)
    }

    /// A process id that no running process has.
    static func deadProcess() -> Int32 {
        var pid: Int32 = 4_000_000
        while kill(pid, 0) == 0 || errno != ESRCH { pid -= 1 }
        return pid
    }

    @Test func leftoversAreRemoved() throws {
        let w = try Workspace()
        defer { w.remove() }
        #expect(SiteBuilder(options: w.options()).build().succeeded)
        let dead = Self.deadProcess()
        let removed = [".public.sitegen-new-\(dead)", ".public.sitegen-old-\(dead)",
                       ".public.sitegen-new-\(ProcessInfo.processInfo.processIdentifier)"]
        // A build still running (pid 1 is always alive), and names sitegen never gives.
        let kept = [".public.sitegen-new-1", ".public.sitegen-new-12x", ".public.sitegen-old-",
                    ".other.sitegen-new-\(dead)", "public.sitegen-new-\(dead)", ".public.sitegen-tmp-\(dead)"]
        for name in removed + kept { try w.write(name + "/index.html", "half a site") }
        let result = SiteBuilder(options: w.options()).build()
        #expect(result.succeeded, "\(result.lines)")
        for name in removed { #expect(!w.exists(name), "\(name) is still there") }
        for name in kept { #expect(w.exists(name + "/index.html"), "\(name) was removed") }
        #expect(w.exists("public/report/one/index.html"))
    }

    @Test(arguments: [
        (".public.sitegen-new-123", 123), (".public.sitegen-old-4567", 4567), (".public.sitegen-new-", nil),
        (".public.sitegen-new-12a", nil), (".public.sitegen-new-99999999999", nil), (".publicx.sitegen-new-1", nil),
        ("public.sitegen-new-1", nil), (".public.sitegen-new--1", nil),
    ] as [(String, Int32?)])
    func leftoverNames(_ name: String, _ pid: Int32?) {
        #expect(SiteWriter.leftoverProcess(name, output: "public") == pid)
    }

    @Test func failedSwapCleansUp() throws {
        let w = try Workspace()
        defer { w.remove() }
        #expect(SiteBuilder(options: w.options()).build().succeeded)
        let before = try OutputTests.snapshot(w.url("public"))
        var writer = SiteWriter(outputDirectory: w.url("public").path)
        // Moving the old output aside works; renaming the new one into place fails.
        writer.rename = { from, to in
            if from.lastPathComponent.contains("sitegen-new") {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSLocalizedDescriptionKey: "simulated rename failure"])
            }
            try FileManager.default.moveItem(at: from, to: to)
        }
        let site = RenderedSite(files: [OutputFile(path: "index.html", text: "new")])
        #expect(throws: Diagnostic.self) { try writer.write(site) }
        do {
            try writer.write(site)
        } catch {
            #expect(error.code == .outputUnwritable)
            #expect(error.message.contains("simulated rename failure"))
        }
        #expect(try OutputTests.snapshot(w.url("public")) == before)
        #expect(try w.leftovers().isEmpty)
    }
}
