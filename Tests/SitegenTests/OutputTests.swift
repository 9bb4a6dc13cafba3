// The output folder is replaced atomically, a failed build leaves it untouched, and two
// builds of the same content are byte-identical.

import Foundation
import Testing
@testable import Sitegen

struct OutputTests {
    static let site = [
        "report/01-one.md": "---\ntitle: One\n---\nText.[^1]\n",
        "report/notes.md": "---\ntitle: Notes\n---\n[^1]: A note.\n",
    ]

    /// Writes the in-memory site to a real folder and returns (content, templates).
    static func materialise(_ files: [String: String], in root: URL) throws -> (String, String) {
        let fs = TestSite.files(files)
        for (path, data) in fs.files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        return (root.appendingPathComponent("content").path, root.appendingPathComponent("templates").path)
    }

    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try LocalFileSystem().files(under: folder.path) {
            result[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return result
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (content, templates) = try Self.materialise(Self.site, in: root)
        let output = root.appendingPathComponent("public")
        let options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output.path)
        #expect(SiteBuilder(options: options).build().succeeded)
        let before = try Self.snapshot(output)
        #expect(before["report/one/index.html"] != nil)

        // Break a chapter: the build fails and public/ is exactly as it was.
        try "---\ntitle: [broken\n---\n".write(toFile: content + "/report/01-one.md", atomically: true, encoding: .utf8)
        let failed = SiteBuilder(options: options).build()
        #expect(!failed.succeeded)
        #expect(try Self.snapshot(output) == before)
        // No staging folder is left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("sitegen-new") }
        #expect(leftovers.isEmpty)
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = root.appendingPathComponent("one"), second = root.appendingPathComponent("two")
        for output in [first, second] {
            let options = BuildOptions(contentDirectory: Repo.content, templatesDirectory: Repo.templates, outputDirectory: output.path)
            #expect(SiteBuilder(options: options).build().succeeded)
        }
        let a = try Self.snapshot(first), b = try Self.snapshot(second)
        #expect(a.count > 15)
        #expect(a == b)
    }

    @Test(arguments: ["content", "content/public"])
    func outputInsideContentIsRefused(_ output: String) throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (content, templates) = try Self.materialise(Self.site, in: root)
        let options = BuildOptions(contentDirectory: content, templatesDirectory: templates,
                                   outputDirectory: root.appendingPathComponent(output).path)
        let result = SiteBuilder(options: options).build()
        #expect(result.diagnostics.map(\.code) == [.outputInsideContent])
        #expect(FileManager.default.fileExists(atPath: content + "/report/01-one.md"))
    }

    @Test func baseURLUnderASubPath() throws {
        let result = TestSite.build(Self.site, strict: true, baseURL: "https://example.org/sub/path/")
        #expect(result.lines == [])
        let home = try #require(result.text("index.html"))
        #expect(home.contains(##"href="/sub/path/report/one/""##))
        #expect(home.contains(##"href="/sub/path/assets/site.css""##))
        #expect(!home.contains(##"href="/report"##))
        let sitemap = try #require(result.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/sub/path/report/one/</loc>"))
        #expect(result.text("robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://example.org/sub/path/sitemap.xml\n")
    }
}
