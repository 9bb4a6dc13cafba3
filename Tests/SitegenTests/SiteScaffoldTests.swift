// `sitegen init`: the new report builds with --strict and no diagnostic, and init never
// writes into a folder that has files. The built-in theme is the repository's templates/;
// init writes it out only with `withTemplates`, and a site's templates/ overrides it file by file.

import Foundation
import Testing
@testable import Sitegen

@Suite struct SiteScaffoldTests {
    @Test func aNewReportBuildsStrictWithoutADiagnostic() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("water-report").path
        let written = try SiteScaffold(directory: folder).write()
        #expect(written.contains("content/site.yml"))
        #expect(written.contains("content/documents/interview.md"))
        #expect(!written.contains { $0.hasPrefix("templates/") }, "the theme stays built in unless asked for")
        #expect(!FileManager.default.fileExists(atPath: folder + "/templates"))
        let options = BuildOptions(contentDirectory: folder + "/content", templatesDirectory: folder + "/templates",
                                   outputDirectory: folder + "/public", strict: true)
        let result = SiteBuilder(options: options).build()
        #expect(result.lines == [])
        #expect(result.succeeded)
        #expect(result.noteCount == 3)
        for page in ["index.html", "report/introduction/index.html", "report/findings/index.html", "report/notes/index.html",
                     "people/jane-example/index.html", "organisations/water-board/index.html",
                     "documents/interview/index.html", "figures/index.html", "assets/site.css"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/public/" + page), "\(page)")
        }
        let home = try String(contentsOfFile: folder + "/public/index.html", encoding: .utf8)
        #expect(!home.contains("ISBN"))
        let document = try String(contentsOfFile: folder + "/public/documents/interview/index.html", encoding: .utf8)
        #expect(document.contains("Transcript · City Radio"))
    }

    @Test func withTemplatesWritesTheWholeBuiltInThemeAndTheSiteBuildsTheSame() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let plain = root.appendingPathComponent("plain").path
        let themed = root.appendingPathComponent("themed").path
        try SiteScaffold(directory: plain).write()
        let written = try SiteScaffold(directory: themed, withTemplates: true).write()
        let theme = written.filter { $0.hasPrefix("templates/") }.map { String($0.dropFirst("templates/".count)) }
        let builtIn = BuiltinTheme.files.map(\.path) + BuiltinTheme.binaryFiles.map(\.path)
        #expect(theme.sorted() == builtIn.sorted(), "every template and asset, fonts included")
        #expect(theme.contains("layout.mustache"))
        for file in BuiltinTheme.binaryFiles {
            let data = try Data(contentsOf: URL(fileURLWithPath: themed + "/templates/" + file.path))
            #expect(data == Data(base64Encoded: file.base64), "\(file.path) written as bytes, not base64")
        }
        var outputs: [[String: Data]] = []
        for folder in [plain, themed] {
            let options = BuildOptions(contentDirectory: folder + "/content", templatesDirectory: folder + "/templates",
                                       outputDirectory: folder + "/public", strict: true, writesOutput: false)
            let result = SiteBuilder(options: options).build()
            #expect(result.lines == [])
            outputs.append(Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.data) }))
        }
        #expect(outputs[0].keys.sorted() == outputs[1].keys.sorted())
        for (path, data) in outputs[0] where outputs[1][path] != data {
            Issue.record("\(path) differs between the built-in theme and its written-out copy")
        }
    }

    @Test func initRefusesAFolderWithFiles() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("mine".utf8).write(to: root.appendingPathComponent("notes.txt"))
        #expect(throws: SiteScaffold.Problem.notEmpty(root.path)) { try SiteScaffold(directory: root.path).write() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["notes.txt"])
    }

    @Test func initAcceptsAnEmptyFolderOrOneWithOnlyHiddenFiles() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(atPath: root.path + "/.git", withIntermediateDirectories: true)
        let scaffold = SiteScaffold(directory: root.path)
        #expect(try scaffold.write().count == scaffold.files.count)
    }

    @Test func theBuiltInThemeIsTheRepositorysTemplatesFolder() throws {
        let disk = LocalFileSystem()
        var onDisk: [String: Data] = [:]
        for path in try disk.files(under: Repo.templates) {
            onDisk[path] = try disk.contents(of: Repo.templates + "/" + path)
        }
        var builtIn = Dictionary(uniqueKeysWithValues: BuiltinTheme.files.map { ($0.path, Data($0.text.utf8)) })
        for file in BuiltinTheme.binaryFiles { builtIn[file.path] = Data(base64Encoded: file.base64) }
        #expect(builtIn.keys.sorted() == onDisk.keys.sorted(), "run `make theme` after adding or removing a template")
        for (path, text) in onDisk where builtIn[path] != text {
            Issue.record("templates/\(path) differs from the built-in theme: run `make theme`")
        }
    }

    /// A site's templates folder holding one file: that file wins (`own` is in `ownPage`),
    /// everything else is built in (`inherited` is in `inheritedPage`).
    struct Override: Sendable, CustomTestStringConvertible {
        var file: String, text: String, ownPage: String, own: String, inheritedPage: String, inherited: String
        var testDescription: String { file }
    }

    static let overrides: [Override] = [
        Override(file: "page.mustache", text: "{{<layout}}{{$main}}<p id=\"mine\">{{title}}</p>{{/main}}{{/layout}}",
                 ownPage: "about/index.html", own: "<p id=\"mine\">About</p>",
                 inheritedPage: "about/index.html", inherited: "<a class=\"skip-link\""),
        Override(file: "layout.mustache", text: "<!doctype html><title>{{documentTitle}}</title><main id=\"own-layout\">{{$main}}{{/main}}</main>",
                 ownPage: "about/index.html", own: "<main id=\"own-layout\">",
                 inheritedPage: "report/one/index.html", inherited: "<h1>One</h1>"),
        Override(file: "assets/site.css", text: "body { color: rebeccapurple }",
                 ownPage: "assets/site.css", own: "rebeccapurple",
                 inheritedPage: "about/index.html", inherited: "<a class=\"skip-link\""),
    ]

    @Test(arguments: overrides)
    func aSiteOverridesOneFileAndInheritsTheRest(_ override: Override) throws {
        let result = TestSite.build(["about.md": "---\ntitle: About\n---\nText.\n", "report/01-one.md": SiteConfigTests.chapter,
                                     "report/notes.md": SiteConfigTests.notes],
                                    templates: [override.file: override.text])
        #expect(result.lines == [])
        #expect(try #require(result.text(override.ownPage)).contains(override.own))
        #expect(try #require(result.text(override.inheritedPage)).contains(override.inherited))
        if override.file != "assets/site.css" {
            #expect(result.text("assets/site.css") == BuiltinTheme.files.first { $0.path == "assets/site.css" }?.text)
        }
        for file in BuiltinTheme.binaryFiles {
            #expect(result.files.first { $0.path == file.path }?.data == Data(base64Encoded: file.base64), "\(file.path) inherited")
        }
    }

    @Test func withoutATemplatesFolderTheBuiltInThemeIsUsed() throws {
        let site = ["about.md": "---\ntitle: About\n---\nText.\n", "report/01-one.md": SiteConfigTests.chapter,
                    "report/notes.md": SiteConfigTests.notes]
        let builtIn = TestSite.build(site, templates: [:])
        let repository = TestSite.build(site)
        #expect(builtIn.lines == [])
        #expect(builtIn.files.count == repository.files.count)
        for file in repository.files where builtIn.files.first(where: { $0.path == file.path })?.data != file.data {
            Issue.record("\(file.path) differs between the built-in theme and the repository's templates/")
        }
    }
}
