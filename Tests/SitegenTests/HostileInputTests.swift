// Nothing from another host and no inline script in every build (issue 10, items 6 and 7),
// and clear words for careless input (item 10).

import Foundation
import Testing
@testable import Sitegen

struct HostileInputTests {
    static let site = OutputTests.site

    @Test(arguments: ["/\\evil.example/", "//evil.example/", "/a\u{0}b/", "/a\u{7F}/", "/with space/",
                      "javascript:alert(1)//", "ftp://example.org/", "https:///nohost", "relative/path/"])
    func invalidBaseURLIsRefused(_ base: String) {
        let result = TestSite.build(Self.site, baseURL: base)
        #expect(!result.succeeded)
        #expect(result.diagnostics.map(\.code) == [.baseURLInvalid], "\(result.lines)")
        #expect(result.diagnostics.first?.file == "--base-url")
        #expect(result.files.isEmpty)
    }

    @Test(arguments: ["", "/", "/sub/path/", "/sub", "https://example.org/", "http://127.0.0.1:8000/report/", "HTTPS://Example.org/x/"])
    func validBaseURLBuilds(_ base: String) {
        let result = TestSite.build(Self.site, baseURL: base)
        #expect(result.succeeded, "\(result.lines)")
    }

    @Test func invalidBaseURLInIndexPointsAtTheLine() {
        let index = TestSite.index.replacingOccurrences(of: "year: 2021", with: "year: 2021\nbase_url: \"/\\\\evil.example/\"")
        let result = TestSite.build(Self.site.merging(["index.md": index]) { $1 })
        #expect(result.lines.count == 1)
        #expect(result.lines.first?.hasPrefix("content/index.md:7:1: error[base-url-invalid]: base_url '/\\evil.example/'") == true,
                "\(result.lines)")
    }

    @Test(arguments: [
        ("![x](//evil.example/p.png)", "https://evil.example/p.png"),
        ("![x](/\\evil.example/p.png)", "https://evil.example/p.png"),
        ("![x](\\\\evil.example/p.png)", "https://evil.example/p.png"),
        ("![x](https://evil.example/p.png)", "https://evil.example/p.png"),
        ("[x](//evil.example/page)", "https://evil.example/page"),
        ("[x](/\\evil.example/page)", "https://evil.example/page"),
    ])
    func foreignAddressesAreExternal(_ markdown: String, _ href: String) {
        let content = Self.site.merging(["report/01-one.md": "---\ntitle: One\n---\nText.[^1] " + markdown + "\n"]) { $1 }
        let plain = TestSite.build(content)
        #expect(plain.succeeded)
        #expect(plain.diagnostics.contains { $0.code == .externalResource && $0.severity == .warning }, "\(plain.lines)")
        let page = plain.text("report/one/index.html") ?? ""
        #expect(page.contains("href=\"\(href)\""))
        #expect(!page.contains("evil.example/p.png\" alt"), "an image from another host is loaded")
        #expect(!page.contains("\"//evil") && !page.contains("/\\evil"))
        let strict = TestSite.build(content, strict: true)
        #expect(!strict.succeeded)
        #expect(strict.diagnostics.contains { $0.code == .externalResource && $0.severity == .error })
    }

    @Test(arguments: [
        ("evil.html", "<p>Hi</p>\n<p onmouseover=\"alert(1)\">x</p>\n<SCRIPT>alert(2)</SCRIPT>\n", [(2, 4), (3, 1)]),
        ("evil.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">\n<script>alert(2)</script></svg>\n", [(1, 41), (2, 1)]),
        ("docs/evil.xhtml", "<a href=\"javascript:alert(1)\">x</a>\n", [(1, 10)]),
        ("evil.htm", "<img src=x\n  onerror =alert(1)>\n", [(2, 3)]),
    ])
    func scriptsInCopiedFilesAreFound(_ path: String, _ text: String, _ places: [(Int, Int)]) {
        let content = Self.site.merging([path: text]) { $1 }
        let plain = TestSite.build(content)
        #expect(plain.succeeded)
        let found = plain.diagnostics.filter { $0.code == .copiedFileScript }
        #expect(found.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0)" } == places.map { "content/\(path):\($0.0):\($0.1)" },
                "\(plain.lines)")
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(!TestSite.build(content, strict: true).succeeded)
    }

    @Test func harmlessCopiedFilesPass() {
        let content = Self.site.merging([
            "plain.html": "<p class=\"one\">Only text, about onions = good and <b>script</b>s.</p>\n",
            "icon.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"1\" data-online=\"yes\"/></svg>\n",
        ]) { $1 }
        let result = TestSite.build(content, strict: true)
        #expect(result.lines == [])
    }

    @Test func nullTitleIsAMissingTitle() {
        for value in ["~", "null", ""] {
            let content = Self.site.merging(["report/01-one.md": "---\ntitle: \(value)\n---\nText.[^1]\n"]) { $1 }
            let result = TestSite.build(content)
            #expect(result.lines.first?.hasPrefix("content/report/01-one.md:2:1: error[front-matter-missing-field]: the required field 'title' is empty") == true,
                    "\(value): \(result.lines)")
        }
        // A quoted "~" is text.
        let quoted = TestSite.build(Self.site.merging(["report/01-one.md": "---\ntitle: \"~\"\n---\nText.[^1]\n"]) { $1 })
        #expect(quoted.succeeded)
    }

    @Test func deepYAMLIsPlainWords() {
        let deep = "---\ntitle: One\nx: " + String(repeating: "[", count: 100_000) + "\n---\nText.[^1]\n"
        let result = TestSite.build(Self.site.merging(["report/01-one.md": deep]) { $1 })
        let line = result.lines.first { $0.contains("front-matter-invalid") } ?? ""
        #expect(line.hasPrefix("content/report/01-one.md:3:"), "\(result.lines)")
        #expect(line.contains("nested too deeply"), "\(line)")
        #expect(!line.contains("yaml_set_max_nest_level"))
    }

    @Test func missingContentFolderSaysSo() {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let options = BuildOptions(contentDirectory: root.appendingPathComponent("nowhere").path, templatesDirectory: Repo.templates,
                                   outputDirectory: root.appendingPathComponent("public").path)
        let result = SiteBuilder(options: options).build()
        #expect(result.diagnostics.map(\.code) == [.contentMissing])
        let message = result.diagnostics.first?.message ?? ""
        #expect(message.contains("does not exist") && message.contains("--content"), "\(message)")
        #expect(!message.contains("FileSystemError"))
    }

    @Test func danglingSymlinkSaysWhereItPoints() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (content, templates) = try OutputTests.materialise(Self.site, in: root)
        try FileManager.default.createSymbolicLink(atPath: content + "/report/02-gone.md", withDestinationPath: "/nonexistent/gone.md")
        try FileManager.default.createSymbolicLink(atPath: content + "/gone.png", withDestinationPath: "missing.png")
        let options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: root.appendingPathComponent("public").path)
        let result = SiteBuilder(options: options).build()
        let messages = result.diagnostics.filter { $0.code == .fileUnreadable }.map(\.message)
        #expect(messages.count == 2, "\(result.lines)")
        #expect(messages.contains { $0.contains("dangling symbolic link") && $0.contains("/nonexistent/gone.md") })
        #expect(messages.contains { $0.contains("dangling symbolic link") && $0.contains("missing.png") })
    }

    @Test func symlinkOutsideContentIsRefusedByBuild() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (content, templates) = try OutputTests.materialise(Self.site, in: root)
        try FileManager.default.createSymbolicLink(atPath: content + "/passwd.txt", withDestinationPath: "/etc/passwd")
        let output = root.appendingPathComponent("public")
        let options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output.path)
        let result = SiteBuilder(options: options).build()
        #expect(result.diagnostics.map(\.code) == [.symlinkOutside], "\(result.lines)")
        #expect(result.diagnostics.first?.file == content + "/passwd.txt")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("passwd.txt").path))
    }
}
