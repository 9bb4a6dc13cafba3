// Front-matter and file problems are reported with the file and the line of the YAML.

import Testing
@testable import Sitegen

struct FrontMatterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "invalid YAML", file: "---\ntitle: One\nauthors: [unclosed\n---\nText.\n",
             expected: "content/report/01-one.md:4:1: error[front-matter-invalid]: invalid YAML front matter: did not find expected ',' or ']' (while parsing a flow sequence)"),
        Case(name: "unterminated front matter", file: "---\ntitle: One\nText.\n",
             expected: "content/report/01-one.md:1:1: error[front-matter-unterminated]: front matter opened with '---' is never closed; add a line '---' after the last YAML line"),
        Case(name: "missing title", file: "---\ndescription: x\n---\nText.\n",
             expected: "content/report/01-one.md:2:1: error[front-matter-missing-field]: front matter is missing the required field 'title'"),
        Case(name: "wrong type", file: "---\ntitle: [a, b]\n---\nText.\n",
             expected: "content/report/01-one.md:2:8: error[front-matter-wrong-type]: front matter field 'title' should be a single value (text or a number), not a list or a mapping"),
        Case(name: "empty file", file: "",
             expected: "content/report/01-one.md: error[file-empty]: this file is empty; give it front matter with a title and some text, or delete it"),
    ]

    @Test("front matter diagnostics", arguments: cases)
    func diagnostics(_ c: Case) {
        let result = TestSite.build(["report/01-one.md": c.file])
        #expect(!result.succeeded)
        #expect(result.lines.contains(c.expected), "\(result.lines)")
    }

    @Test func wrongTypeDeepInPublication() {
        let index = "---\ntitle: T\nauthors:\n  - name: A\npublisher: P\nyear: twenty\nisbn: x\n---\nAbstract.\n"
        let result = TestSite.build(["index.md": index])
        #expect(result.lines == ["content/index.md:6:7: error[front-matter-wrong-type]: front matter field 'year' should be a whole number"])
    }

    @Test func notUTF8NamesLineAndColumn() {
        var fs = TestSite.files([:])
        fs.files["content/report/01-bad.md"] = Data("---\ntitle: x\n---\nab".utf8) + Data([0xff, 0xfe])
        let options = BuildOptions(outputDirectory: "/tmp/never", writesOutput: false)
        let result = SiteBuilder(options: options, fileSystem: fs).build()
        #expect(result.lines == ["content/report/01-bad.md:4:3: error[file-not-utf8]: this file is not valid UTF-8; save it as UTF-8 text"])
    }
}

import Foundation
