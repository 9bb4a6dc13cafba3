// `sitegen init`: the new report builds with --strict and no diagnostic, and init never
// writes into a folder that has files. The built-in theme is the repository's templates/.

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
        #expect(written.contains("templates/layout.mustache"))
        #expect(written.contains("templates/assets/site.css"))
        let options = BuildOptions(contentDirectory: folder + "/content", templatesDirectory: folder + "/templates",
                                   outputDirectory: folder + "/public", strict: true)
        let result = SiteBuilder(options: options).build()
        #expect(result.lines == [])
        #expect(result.succeeded)
        #expect(result.noteCount == 3)
        for page in ["index.html", "report/introduction/index.html", "report/findings/index.html", "report/notes/index.html",
                     "people/jane-example/index.html", "organisations/water-board/index.html",
                     "documents/interview/index.html", "figures/index.html"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/public/" + page), "\(page)")
        }
        let home = try String(contentsOfFile: folder + "/public/index.html", encoding: .utf8)
        #expect(!home.contains("ISBN"))
        let document = try String(contentsOfFile: folder + "/public/documents/interview/index.html", encoding: .utf8)
        #expect(document.contains("Transcript · City Radio"))
    }

    @Test func theNewReportAlsoBuildsWithTheBuiltInThemeAlone() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try SiteScaffold(directory: root.path).write()
        try FileManager.default.removeItem(atPath: root.path + "/templates")
        let options = BuildOptions(contentDirectory: root.path + "/content", templatesDirectory: root.path + "/templates",
                                   outputDirectory: root.path + "/public", strict: true)
        let result = SiteBuilder(options: options).build()
        #expect(result.lines == [])
        #expect(FileManager.default.fileExists(atPath: root.path + "/public/assets/site.css"))
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
        #expect(try SiteScaffold(directory: root.path).write().count == SiteScaffold.files.count)
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

    @Test func aSiteOverridesOneTemplateAndKeepsTheRest() throws {
        let result = TestSite.build(["about.md": "---\ntitle: About\n---\nText.\n", "report/01-one.md": SiteConfigTests.chapter,
                                     "report/notes.md": SiteConfigTests.notes],
                                    templates: ["page.mustache": "{{<layout}}{{$main}}<p id=\"mine\">{{title}}</p>{{/main}}{{/layout}}"])
        #expect(result.lines == [])
        let about = try #require(result.text("about/index.html"))
        #expect(about.contains("<p id=\"mine\">About</p>"))
        #expect(about.contains("<a class=\"skip-link\""), "the built-in layout")
        #expect(result.files.contains { $0.path == "assets/site.css" })
    }
}
