// Fault injection: each case breaks a small, valid site in one way and runs the real
// `sitegen build` on it. The build must name the file (and line where there is one), exit
// with status 1 without crashing, and leave the previous output folder exactly as it was.

import Foundation
import Testing
@testable import Sitegen

@Suite(.serialized)
struct FaultInjectionTests {
    static let binary = Repo.root.appendingPathComponent(".build/debug/sitegen").path

    static let goodSite = [
        "report/01-one.md": "---\ntitle: One\n---\nText.[^1]\n",
        "report/notes.md": "---\ntitle: Notes\n---\n[^1]: A note.\n",
    ]

    /// A site in a temporary folder, built once successfully into `public/`.
    struct Workspace {
        var root: URL
        var content: URL { root.appendingPathComponent("content") }
        var templates: URL { root.appendingPathComponent("templates") }
        var output: URL { root.appendingPathComponent("public") }

        init() throws {
            root = temporaryFolder()
            _ = try OutputTests.materialise(FaultInjectionTests.goodSite, in: root)
            let first = try run(["build"])
            #expect(first.status == 0, "\(first.stderr)")
        }

        func write(_ relative: String, _ text: String) throws {
            try write(relative, Data(text.utf8))
        }

        func write(_ relative: String, _ data: Data) throws {
            let url = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }

        func run(_ arguments: [String], output: String = "public") throws -> (status: Int32, stdout: String, stderr: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: FaultInjectionTests.binary)
            process.arguments = arguments + ["--content", "content", "--templates", "templates", "--output", output]
            process.currentDirectoryURL = root
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
        }

        func snapshot() throws -> [String: Data] { try OutputTests.snapshot(output) }
    }

    struct Fault: CustomTestStringConvertible, Sendable {
        var name: String
        var expected: String
        var strict = false
        var arguments: [String] = []
        var inject: @Sendable (Workspace) throws -> Void
        var testDescription: String { name }
    }

    static let faults: [Fault] = [
        Fault(name: "a file that is not UTF-8", expected: "content/report/01-one.md:4:5: error[file-not-utf8]") {
            try $0.write("content/report/01-one.md", Data("---\ntitle: One\n---\nText".utf8) + Data([0xC3, 0x28]))
        },
        Fault(name: "an empty file", expected: "content/report/02-two.md: error[file-empty]") {
            try $0.write("content/report/02-two.md", "")
        },
        Fault(name: "invalid YAML front matter", expected: "content/report/01-one.md:2:17: error[front-matter-invalid]") {
            try $0.write("content/report/01-one.md", "---\ntitle: \"unclosed\n---\nText.[^1]\n")
        },
        Fault(name: "unterminated front matter", expected: "content/report/01-one.md:1:1: error[front-matter-unterminated]") {
            try $0.write("content/report/01-one.md", "---\ntitle: One\nText.[^1]\n")
        },
        Fault(name: "a front-matter field of the wrong type", expected: "content/index.md:6:7: error[front-matter-wrong-type]") {
            try $0.write("content/index.md", TestSite.index.replacingOccurrences(of: "year: 2021", with: "year: twenty"))
        },
        Fault(name: "a note defined twice", expected: "content/report/notes.md:6:1: error[note-duplicate-definition]") {
            try $0.write("content/report/notes.md", "---\ntitle: Notes\n---\n[^1]: A note.\n\n[^1]: Again.\n")
        },
        Fault(name: "a Mustache template with a syntax error", expected: "templates/chapter.mustache:4:4: error[template-syntax]") {
            try $0.write("templates/chapter.mustache", "{{<layout}}\n{{$main}}\n{{#title}}unclosed\n{{/main}}\n{{/layout}}\n")
        },
        Fault(name: "a symlink loop in content", expected: "content/report/loop: error[symlink-loop]") {
            try FileManager.default.createSymbolicLink(atPath: $0.content.appendingPathComponent("report/loop").path,
                                                       withDestinationPath: "..")
        },
        Fault(name: "an unreadable file", expected: "content/report/02-gone.md: error[file-unreadable]") {
            try FileManager.default.createSymbolicLink(atPath: $0.content.appendingPathComponent("report/02-gone.md").path,
                                                       withDestinationPath: "/nonexistent/sitegen/file.md")
        },
        Fault(name: "a symlink to /etc/passwd in content", expected: "content/passwd.txt: error[symlink-outside]") {
            try FileManager.default.createSymbolicLink(atPath: $0.content.appendingPathComponent("passwd.txt").path,
                                                       withDestinationPath: "/etc/passwd")
        },
        Fault(name: "a backslash base URL", expected: "--base-url: error[base-url-invalid]", arguments: ["--base-url", "/\\evil.example/"]) { _ in },
        Fault(name: "an inline script in a copied SVG, with --strict", expected: "content/evil.svg:1:6: error[copied-file-script]", strict: true) {
            try $0.write("content/evil.svg", "<svg onload=\"alert(1)\"></svg>\n")
        },
        Fault(name: "raw <script> in Markdown, with --strict", expected: "content/report/01-one.md:5:1: error[raw-html]", strict: true) {
            try $0.write("content/report/01-one.md", "---\ntitle: One\n---\nText.[^1]\n<script>alert(1)</script>\n")
        },
        Fault(name: "a reference to an undefined note", expected: "content/report/01-one.md:4:19: error[note-undefined]") {
            try $0.write("content/report/01-one.md", "---\ntitle: One\n---\nText.[^1] Missing.[^2]\n")
        },
    ]

    @Test("fault", arguments: faults)
    func fault(_ fault: Fault) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build sitegen first")
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let before = try workspace.snapshot()
        try fault.inject(workspace)
        let result = try workspace.run((fault.strict ? ["build", "--strict"] : ["build"]) + fault.arguments)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains(fault.expected), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
        #expect(result.stdout.contains("Build failed"))
        #expect(try workspace.snapshot() == before, "the previous output changed")
    }

    @Test(arguments: ["content", "content/public"])
    func outputInsideContent(_ output: String) throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let result = try workspace.run(["build"], output: output)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(output): error[output-inside-content]"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: workspace.content.appendingPathComponent("report/01-one.md").path))
    }

    @Test func foreignOutputFolderIsKept() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        try workspace.write("home/Documents/thesis.txt", "my thesis")
        try workspace.write("notes.txt", "my notes")
        let refused = try workspace.run(["build"], output: "home")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("home: error[output-not-sitegen]: the output folder holds files sitegen did not write (Documents)"), "\(refused.stderr)")
        #expect(refused.stdout.contains("Build failed"))
        #expect(try String(contentsOf: workspace.root.appendingPathComponent("home/Documents/thesis.txt"), encoding: .utf8) == "my thesis")
        let file = try workspace.run(["build"], output: "notes.txt")
        #expect(file.status == 1)
        #expect(file.stderr.contains("notes.txt: error[output-not-a-folder]"), "\(file.stderr)")
        #expect(try String(contentsOf: workspace.root.appendingPathComponent("notes.txt"), encoding: .utf8) == "my notes")
        let forced = try workspace.run(["build", "--force"], output: "home")
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("home/.sitegen-output").path))
        // The next build needs no --force: the folder is sitegen's now.
        #expect(try workspace.run(["build"], output: "home").status == 0)
    }

    @Test func rawScriptIsNeverExecutedByDefault() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        try workspace.write("content/report/01-one.md", "---\ntitle: One\n---\nText.[^1] <script>alert(1)</script>\n\n<script src=x></script>\n")
        let result = try workspace.run(["build"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning[raw-html]"))
        let page = try String(contentsOf: workspace.output.appendingPathComponent("report/one/index.html"), encoding: .utf8)
        // The only script tags are the theme's own (external, deferred); none comes from the content.
        #expect(!page.contains("<script>") && !page.contains("<script src=x"))
        #expect(page.contains("<code class=\"raw-html\">&lt;script&gt;</code>alert(1)"))
        #expect(page.contains("<pre class=\"raw-html\">&lt;script src=x&gt;&lt;/script&gt;"))
    }

    @Test func aFiveMegabyteParagraphBuilds() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let sentence = "A long paragraph of the report, repeated to stress the parser and the renderer. "
        let paragraph = String(repeating: sentence, count: 5_000_000 / sentence.utf8.count + 1)
        try workspace.write("content/report/01-one.md", "---\ntitle: One\n---\nText.[^1] " + paragraph + "\n")
        let result = try workspace.run(["build", "--strict"])
        #expect(result.status == 0, "\(result.stderr)")
        let size = try FileManager.default.attributesOfItem(atPath: workspace.output.appendingPathComponent("report/one/index.html").path)[.size] as? Int
        #expect((size ?? 0) > 5_000_000)
    }

    @Test func twentyThousandNotesBuild() throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        let count = 20_000
        let text = (1...count).map { "Sentence \($0).[^\($0)]" }.joined(separator: " ")
        let notes = (1...count).map { "[^\($0)]: Note \($0)." }.joined(separator: "\n\n")
        try workspace.write("content/report/01-one.md", "---\ntitle: One\n---\n" + text + "\n")
        try workspace.write("content/report/notes.md", "---\ntitle: Notes\n---\n" + notes + "\n")
        let result = try workspace.run(["build", "--strict"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("20000 notes resolved (20000 references)"))
        let page = try String(contentsOf: workspace.output.appendingPathComponent("report/notes/index.html"), encoding: .utf8)
        #expect(page.contains(#"<li id="note-20000""#))
    }
}
