// A plain build writes each page into the staging folder as soon as it is rendered. An error
// found while rendering (after pages were written) must still leave the previous output
// exactly as it was and no staging folder behind; a good build writes the same bytes as a
// build that keeps every page in memory (strict), and files are plain files without an fsync.

import Foundation
import Testing
@testable import Sitegen

struct StreamingWriteTests {
    @Test func anErrorFoundWhileRenderingLeavesThePreviousOutputUntouched() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (content, templates) = try OutputTests.materialise(OutputTests.site, in: root)
        let output = root.appendingPathComponent("public")
        let options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output.path)
        #expect(SiteBuilder(options: options).build().succeeded)
        let before = try OutputTests.snapshot(output)

        // The content loads, but rendering finds a link to a missing file: an error after the
        // pages were already streamed into the staging folder.
        try "---\ntitle: One\n---\nText.[^1] See [gone](missing.md).\n".write(
            toFile: content + "/report/01-one.md", atomically: true, encoding: .utf8)
        let failed = SiteBuilder(options: options).build()
        #expect(failed.diagnostics.map(\.code) == [.linkBroken])
        #expect(!failed.succeeded)
        #expect(try OutputTests.snapshot(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains(".sitegen-") }
        #expect(leftovers.isEmpty)
    }

    /// The plain site, and the same with offline reading (whose manifest lists every file's
    /// size and fingerprint: streamed pages give those as they are written).
    static let sites: [(String, [String: String])] = [
        ("plain", OutputTests.site),
        ("offline reading", OutputTests.site.merging(["site.yml": "offline_reading: true\n"]) { $1 }),
    ]

    @Test(arguments: sites.indices)
    func streamedPagesAreTheBytesOfAPageKeptInMemory(_ index: Int) throws {
        let (name, site) = Self.sites[index]
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let (content, templates) = try OutputTests.materialise(site, in: root)
        let streamed = root.appendingPathComponent("streamed")
        let options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: streamed.path)
        let result = SiteBuilder(options: options).build()
        #expect(result.succeeded, "\(name)")
        // The pages were written while rendering: the result keeps their paths, not their bytes.
        #expect(result.files.contains { $0.isWritten && $0.data.isEmpty && $0.path == "report/one/index.html" }, "\(name)")
        #expect(!result.files.contains { $0.path == "search/index.html" && $0.isWritten })

        var inMemory = options
        inMemory.writesOutput = false
        let kept = SiteBuilder(options: inMemory).build()
        #expect(!kept.files.contains { $0.isWritten })
        let written = try OutputTests.snapshot(streamed)
        #expect(FileManager.default.fileExists(atPath: streamed.appendingPathComponent(OutputLocation.marker).path))
        #expect(Set(written.keys) == Set(kept.files.map(\.path)))
        for file in kept.files {
            #expect(written[file.path] == file.data, "\(name): \(file.path) differs")
        }
        // offline.json (same bytes either way, checked above) lists what was written.
        #expect((written["offline.json"] != nil) == (name == "offline reading"))
        if let manifest = written["offline.json"] {
            let text = String(decoding: manifest, as: UTF8.self)
            let page = try #require(written["report/one/index.html"])
            #expect(text.contains("[\"report/one/index.html\",\(page.count),\"\(OfflineManifest.hex(FileDigest.of(page).fingerprint, digits: 8))\"]"))
        }
    }

    /// A file written while rendering carries the size and fingerprint of the bytes written.
    @Test func aStreamedFileCarriesTheDigestOfItsBytes() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let staging = try SiteWriter(outputDirectory: root.appendingPathComponent("public").path).open()
        for text in ["", "a", "<p>Seven</p>", String(repeating: "ü", count: 1000)] {
            let file = OutputFile(path: "x/index.html", text: text)
            let record = staging.written(file)
            #expect(record.isWritten && record.data.isEmpty && record.path == file.path)
            #expect(record.digest == FileDigest.of(file.data))
            #expect(record.digest?.size == text.utf8.count)
            #expect(FileManager.default.contents(atPath: staging.root.path + "/x/index.html") == file.data)
        }
        #expect(FileDigest.of(Data("a".utf8)) != FileDigest.of(Data("b".utf8)))
    }
}
