// No crash on nesting (issue 10, item 2): 7,000 nested `>`, 10,000 nested list items and
// 20,000 `*` around a word used to overflow the stack. Nesting past
// `MarkdownParser.maximumDepth` is flattened at parse time, so every later walk over the
// tree (rendering, serialising, search records, hashing, freeing) is bounded — also on a
// thread with the 512 KB stack of secondary threads, since pages render on all cores.

import Foundation
import Testing
import SitegenMarkdown
@testable import Sitegen

@Suite(.serialized)
struct NestingTests {
    struct Input: CustomTestStringConvertible, Sendable {
        var name: String
        var markdown: String
        /// Text that must survive the flattening.
        var word: String
        var testDescription: String { name }
    }

    static let inputs: [Input] = [
        Input(name: "7,000 nested >", markdown: String(repeating: "> ", count: 7_000) + "deepquote\n", word: "deepquote"),
        Input(name: "10,000 nested list items", markdown: String(repeating: "- ", count: 10_000) + "deepitem\n", word: "deepitem"),
        Input(name: "20,000 * around a word",
              markdown: String(repeating: "*", count: 20_000) + "deepword" + String(repeating: "*", count: 20_000) + "\n",
              word: "deepword"),
        Input(name: "quotes, lists and links mixed",
              markdown: String(repeating: "> - ", count: 3_000) + String(repeating: "_", count: 3_000) + "deepmix"
                  + String(repeating: "_", count: 3_000) + "\n",
              word: "deepmix"),
    ]

    /// The deepest element nesting of serialised HTML (void elements do not nest).
    static func depth(of html: String) -> Int {
        var depth = 0, deepest = 0
        let bytes = Array(html.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count {
                if bytes[i + 1] == UInt8(ascii: "/") { depth -= 1 } else {
                    let name = String(decoding: bytes[(i + 1)...].prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: ">") }, as: UTF8.self)
                    if !["br", "hr", "img"].contains(name) { depth += 1; deepest = max(deepest, depth) }
                }
            }
            i += 1
        }
        return deepest
    }

    /// Parses, renders, serialises and extracts search records of `markdown`, as a page does.
    static func renderAll(_ markdown: String) -> (html: String, text: String, hash: Int, flattenedAt: SourcePosition?) {
        let document = MarkdownParser().parse(markdown, lineOffset: 3)
        let source = SourceFile(path: "content/report/01-one.md", relativePath: "report/01-one.md", text: markdown,
                                frontMatter: nil, frontMatterLine: 1, body: markdown, bodyLineOffset: 3)
        var renderer = BodyRenderer(basePath: "/", source: source, pageURLs: ["report/01-one.md": "/report/one/"],
                                    slugger: Slugger(), sectionID: "s")
        let body = renderer.render(document.blocks)
        var records = SearchRecordExtractor()
        records.addPage(kind: .chapter, title: "One", path: "report/one/", body: body)
        var hasher = Hasher()
        hasher.combine(document)
        return (body.rendered, records.records.map(\.text).joined(separator: " "), hasher.finalize(), document.flattenedAt)
    }

    @Test("the tree is bounded", arguments: inputs)
    func treeIsBounded(_ input: Input) {
        let (html, text, _, flattenedAt) = Self.renderAll(input.markdown)
        #expect(html.contains(input.word))
        #expect(text.contains(input.word))
        #expect(Self.depth(of: html) <= MarkdownParser.maximumDepth + 2, "HTML nested \(Self.depth(of: html)) deep")
        #expect(flattenedAt?.line == 4)
    }

    @Test func shallowNestingIsUntouched() {
        let markdown = String(repeating: "> ", count: 20) + String(repeating: "- ", count: 20) + "**_shallow_**\n"
        let (html, _, _, flattenedAt) = Self.renderAll(markdown)
        #expect(flattenedAt == nil)
        #expect(html.components(separatedBy: "<blockquote>").count - 1 == 20)
        #expect(html.components(separatedBy: "<ul>").count - 1 == 20)
        #expect(html.contains("<strong><em>shallow</em></strong>"))
    }

    /// Runs `work` on a thread with a 512 KB stack (the default of secondary threads on
    /// macOS) and waits for it; a stack overflow would kill the test process.
    static func onSmallStack(_ work: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            work()
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
    }

    @Test("on a 512 KB stack", arguments: inputs)
    func smallStack(_ input: Input) {
        final class Box: @unchecked Sendable { var text = "" }
        let box = Box()
        Self.onSmallStack {
            let (html, text, _, _) = Self.renderAll(input.markdown)
            box.text = html + text
        }
        #expect(box.text.contains(input.word))
    }

    @Test("a site builds with a warning", arguments: inputs)
    func siteBuilds(_ input: Input) {
        let result = TestSite.build([
            "report/01-one.md": "---\ntitle: One\n---\nText.[^1]\n\n" + input.markdown,
            "report/notes.md": "---\ntitle: Notes\n---\n[^1]: A note.\n\n[^2]: " + input.markdown,
        ])
        #expect(result.succeeded, "\(result.lines)")
        let warnings = result.diagnostics.filter { $0.code == .markdownTooDeep }
        #expect(warnings.map(\.file) == ["content/report/01-one.md", "content/report/notes.md"])
        #expect(warnings.first?.line == 6 && warnings.first?.column != nil, "\(result.lines)")
        #expect(result.text("report/one/index.html")?.contains(input.word) == true)
        #expect(result.text("report/full/index.html")?.contains(input.word) == true)
    }

    static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FaultInjectionTests.binary)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// The real binary: `build` and `check` finish with status 0 and one warning, no crash.
    @Test("build and check with the binary", arguments: inputs)
    func binary(_ input: Input) throws {
        try #require(FileManager.default.isExecutableFile(atPath: FaultInjectionTests.binary), "build sitegen first")
        let workspace = try FaultInjectionTests.Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.root) }
        try workspace.write("content/report/01-one.md", "---\ntitle: One\n---\nText.[^1]\n\n" + input.markdown)
        // `check` is strict: the warning is an error there (status 1), but nothing crashes.
        for (command, status, severity) in [(["build", "--output", "public"], Int32(0), "warning"), (["check"], 1, "error")] {
            let result = try Self.run(command + ["--content", "content", "--templates", "templates"], in: workspace.root)
            #expect(result.status == status, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("content/report/01-one.md:6:"), "\(result.stderr)")
            #expect(result.stderr.contains("\(severity)[markdown-too-deep]"), "\(result.stderr)")
        }
        let page = try String(contentsOf: workspace.output.appendingPathComponent("report/one/index.html"), encoding: .utf8)
        #expect(page.contains(input.word))
    }
}
