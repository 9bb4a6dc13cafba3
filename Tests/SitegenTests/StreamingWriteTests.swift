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

    @Test func streamedPagesAreTheBytesOfAPageKeptInMemory() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // A site without offline reading (whose manifest needs every file's bytes).
        let (content, templates) = try OutputTests.materialise(OutputTests.site, in: root)
        let streamed = root.appendingPathComponent("streamed")
        let options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: streamed.path)
        let result = SiteBuilder(options: options).build()
        #expect(result.succeeded)
        // The pages were written while rendering: the result keeps their paths, not their bytes.
        #expect(result.files.contains { $0.isWritten && $0.data.isEmpty && $0.path.hasSuffix(".html") })
        #expect(!result.files.contains { $0.path == "search/index.html" && $0.isWritten })

        var inMemory = options
        inMemory.writesOutput = false
        let kept = SiteBuilder(options: inMemory).build()
        let written = try OutputTests.snapshot(streamed)
        #expect(FileManager.default.fileExists(atPath: streamed.appendingPathComponent(OutputLocation.marker).path))
        #expect(Set(written.keys) == Set(kept.files.map(\.path)))
        for file in kept.files {
            #expect(written[file.path] == file.data, "\(file.path) differs")
        }
    }
}
