// Builds the fixture site `Fixtures/small-site` with the project's templates and compares
// every output file with `Fixtures/small-site/expected`. After an intended change, record
// the new output with `SITEGEN_RECORD=1 swift test --filter GoldenSiteTests` and review the diff.

import Foundation
import Testing
@testable import Sitegen

struct GoldenSiteTests {
    static let fixture = Repo.root.appendingPathComponent("Tests/SitegenTests/Fixtures/small-site")

    @Test func smallSiteMatchesGoldenFiles() throws {
        let options = BuildOptions(contentDirectory: Self.fixture.appendingPathComponent("content").path,
                                   templatesDirectory: Repo.templates, outputDirectory: "/tmp/unused",
                                   strict: true, writesOutput: false)
        let result = SiteBuilder(options: options).build()
        #expect(result.lines == [])
        let expectedFolder = Self.fixture.appendingPathComponent("expected")
        // Theme assets are the project's own files, not part of the golden output.
        let files = result.files.filter { !$0.path.hasPrefix("assets/") }

        if ProcessInfo.processInfo.environment["SITEGEN_RECORD"] != nil {
            try? FileManager.default.removeItem(at: expectedFolder)
            for file in files {
                let url = expectedFolder.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
            }
            return
        }
        let expectedPaths = try LocalFileSystem().files(under: expectedFolder.path)
        #expect(files.map(\.path) == expectedPaths)
        for file in files {
            let expected = try? String(contentsOf: expectedFolder.appendingPathComponent(file.path), encoding: .utf8)
            let actual = String(decoding: file.data, as: UTF8.self)
            if expected != actual {
                let diff = firstDifference(expected ?? "", actual)
                Issue.record("\(file.path) differs from the golden file at line \(diff.line):\n  expected: \(diff.expected)\n  actual:   \(diff.actual)")
            }
        }
    }

    private func firstDifference(_ a: String, _ b: String) -> (line: Int, expected: String, actual: String) {
        let la = a.split(separator: "\n", omittingEmptySubsequences: false)
        let lb = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(la.count, lb.count) {
            let x = i < la.count ? String(la[i]) : "<end>"
            let y = i < lb.count ? String(lb[i]) : "<end>"
            if x != y { return (i + 1, x, y) }
        }
        return (0, "", "")
    }
}
