// Large pages are written in pieces: the template rendered with a marker where each fragment
// goes, then the fragments written by an `HTMLWriter` in pieces (`PageFragment`, `PageSink`). Every
// page of the shipped site that has fragments must be byte for byte the page the template
// renders with the fragments in the model, whether it stays in memory or is streamed into a
// file, and the streamed file carries the digest of its bytes. Templates that do not show each
// marker exactly once fall back to the in-memory rendering; a page that cannot be written
// fails the build and leaves the previous output as it was.

import Foundation
import Testing
@testable import Sitegen

struct PageStreamingTests {
    static var fragmented: [PageRenderer.PageJob] { TemplateContextTests.jobs.filter { !$0.fragments.isEmpty } }

    @Test func theLargePagesHaveFragments() {
        let paths = Set(Self.fragmented.map(\.path))
        #expect(paths.isSuperset(of: ["report/full/index.html", "report/notes/index.html"]))
        #expect(paths.contains { $0.hasPrefix("report/") && $0 != "report/full/index.html" && $0 != "report/notes/index.html" })
    }

    @Test func streamedPagesEqualTheirInMemoryRendering() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let staging = try SiteWriter(outputDirectory: root.appendingPathComponent("public").path).open()
        let templates = TemplateContextTests.templates
        for job in Self.fragmented {
            let expected = Data(templates.render(job.template, job.materialised().model).utf8)
            #expect(!expected.isEmpty)
            let memory = PageSink(path: job.path, staging: nil)
            job.render(with: templates, into: memory)
            #expect(memory.finish().data == expected, "\(job.path) in memory")
            // A small spill: the page goes to its file in many pieces.
            let streamed = PageSink(path: job.path, staging: staging, spill: 512)
            job.render(with: templates, into: streamed)
            let record = streamed.finish()
            #expect(record.isWritten && record.data.isEmpty)
            #expect(record.digest == FileDigest.of(expected), "\(job.path) digest")
            #expect(FileManager.default.contents(atPath: staging.root.path + "/" + job.path) == expected, "\(job.path) on disk")
        }
        #expect(staging.failures.isEmpty)
    }

    /// Chapter templates that use a fragment's field other than once with `{{{…}}}`.
    static let oddTemplates = [
        "{{<layout}}{{$main}}{{{contentHTML}}}<hr>{{{contentHTML}}}{{/main}}{{/layout}}",
        "{{<layout}}{{$main}}{{contentHTML}}{{{notesHTML}}}{{/main}}{{/layout}}",
        "{{<layout}}{{$main}}{{#notesHTML}}has notes{{/notesHTML}}{{/main}}{{/layout}}",
        "<p>{{title}}</p>",
    ]

    @Test(arguments: oddTemplates)
    func aTemplateThatDoesNotShowEachMarkerOnceGetsTheFragmentsInPlace(_ chapter: String) throws {
        var fs = InMemoryFileSystem()
        fs.files["templates/chapter.mustache"] = Data(chapter.utf8)
        let templates = try #require(TemplateSet.load(from: "templates", fileSystem: fs).0)
        let job = try #require(Self.fragmented.first { $0.template == "chapter" && $0.fragments.count == 2 })
        let expected = templates.render(job.template, job.materialised().model)
        var rendered: [UInt8] = []
        templates.render(job.template, job.model, into: &rendered)
        #expect(rendered.withUnsafeBufferPointer { PageFragment.positions(in: $0, count: job.fragments.count) } == nil)
        let sink = PageSink(path: job.path, staging: nil)
        job.render(with: templates, into: sink)
        #expect(String(decoding: sink.finish().data, as: UTF8.self) == expected)
        #expect(!expected.contains(PageFragment.prefix))
    }

    @Test(arguments: [
        (["<a>", "M0", "<b>", "M1", "<c>"], 2, true),
        (["M1", "M0"], 2, true),
        (["M0", "M0", "M1"], 2, false),
        (["M0"], 2, false),
        (["M0", "M5"], 2, false),
        (["&lt;", "M0"], 1, true),
        ([], 0, true),
    ])
    func markersAreFoundExactlyOnceEach(_ parts: [String], _ count: Int, _ found: Bool) {
        var text = parts.map { $0.hasPrefix("M") ? PageFragment.prefix + $0.dropFirst() + ">" : $0 }.joined()
        let positions = text.withUTF8 { PageFragment.positions(in: $0, count: count) }
        #expect((positions != nil) == found)
        if let positions {
            let bytes = Array(text.utf8)
            for (index, range) in positions.enumerated() {
                #expect(String(decoding: bytes[range], as: UTF8.self) == PageFragment.prefix + "\(index)>")
            }
        }
    }

    /// A writer streaming into a sink hands it the same bytes as the tree serialised whole,
    /// whether the page stays under one piece or passes many (5,000 items are about 600 KB).
    @Test(arguments: [0, 1, 100, 5_000])
    func htmlStreamedInPiecesIsItsSerialisation(_ copies: Int) {
        let item = HTML.el("li", [("id", "n-1"), ("hidden", nil)], [
            .el("p", [], [.text("A <b> & \"c\" ’"), .el("br"), .el("img", [("src", "x.png"), ("alt", "A 'quote'")])]),
            .fragment([.text("tail"), .el("span", [("class", "x")], [])]),
        ])
        let tree = HTML.fragment([.el("section", [("aria-labelledby", "s")], [
            .el("h2", [("id", "s")], [.text("Notes")]),
            .el("ol", [("class", "notes")], Array(repeating: item, count: copies)),
        ]), .text("\n")])
        let sink = PageSink(path: "x.html", staging: nil)
        var writer = HTMLWriter(sink: sink)
        writer.write(tree)
        writer.flush()
        #expect(writer.count == 0)
        #expect(String(decoding: sink.finish().data, as: UTF8.self) == tree.rendered)
    }

    @Test(arguments: [0, 1, 7, 8, 9, 4096, (1 << 20) + 3, (2 << 20) + 8])
    func aFileReadBackHasTheDigestOfItsBytes(_ size: Int) throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) })
        let path = root.appendingPathComponent("f").path
        try FileBytes.write(data, to: path)
        #expect(FileBytes.digest(of: path, size: size) == FileDigest.of(data))
        #expect(FileBytes.digest(of: path, size: size + 1) == nil)
    }

    /// A page that cannot be written while it streams (a folder stands where its file goes)
    /// fails the build: the staging folder is removed and the previous output stays as it was.
    @Test func aPageThatCannotBeWrittenLeavesThePreviousOutput() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("public")
        let writer = SiteWriter(outputDirectory: output.path)
        try writer.write(RenderedSite(files: [OutputFile(path: "index.html", text: "old")]))
        let before = try OutputTests.snapshot(output)

        let staging = try writer.open()
        let small = PageSink(path: "index.html", staging: staging, spill: 16)
        small.append("new, and written in pieces of sixteen bytes")
        #expect(small.finish().isWritten)
        try FileManager.default.createDirectory(atPath: staging.root.path + "/report/full/index.html", withIntermediateDirectories: true)
        let big = PageSink(path: "report/full/index.html", staging: staging, spill: 16)
        big.append(String(repeating: "<p>chapter</p>", count: 100))
        let record = big.finish()
        #expect(record.digest == nil)
        #expect(staging.failures.count == 1 && staging.failures[0].hasPrefix("report/full/index.html: "))
        #expect(throws: Diagnostic.self) { try writer.commit(RenderedSite(files: [record]), staging: staging) }
        #expect(try OutputTests.snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains(".sitegen-") }
        #expect(leftovers.isEmpty)
    }
}
