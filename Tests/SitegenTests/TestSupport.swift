// Helpers shared by the tests: small sites in memory, built with the project's templates.

import Foundation
@testable import Sitegen

enum Repo {
    /// The repository root (the folder holding Package.swift).
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    static var templates: String { root.appendingPathComponent("templates").path }
    static var content: String { root.appendingPathComponent("content").path }
}

enum TestSite {
    static let index = """
        ---
        title: Test Report
        authors:
          - name: A. Author
        publisher: Test Institute
        year: 2021
        isbn: 000-0-00-000000-0
        ---
        The abstract.
        """

    /// The shipped report's profile types (`content/types/*.yml`), for sites whose profiles
    /// use its fields (status, rank, defected…) rather than the built-in ones.
    static let reportTypes: [String: String] = {
        let folder = Repo.content + "/types"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return Dictionary(uniqueKeysWithValues: names.filter { $0.hasSuffix(".yml") }.map {
            ("types/" + $0, (try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) ?? "")
        })
    }()

    /// A file system with `content/<path>` for each entry (plus a default `index.md`) and
    /// the project's templates under `templates/`.
    static func files(_ content: [String: String], templates: [String: String]? = nil) -> InMemoryFileSystem {
        var fs = InMemoryFileSystem()
        var all = content
        if all["index.md"] == nil { all["index.md"] = index }
        for (path, text) in all { fs.files["content/" + path] = Data(text.utf8) }
        if let templates {
            for (path, text) in templates { fs.files["templates/" + path] = Data(text.utf8) }
        } else {
            let disk = LocalFileSystem()
            for path in (try? disk.files(under: Repo.templates)) ?? [] {
                fs.files["templates/" + path] = try? disk.contents(of: Repo.templates + "/" + path)
            }
        }
        return fs
    }

    /// Builds in memory (nothing is written).
    static func build(_ content: [String: String], strict: Bool = false, baseURL: String? = nil,
                      templates: [String: String]? = nil) -> BuildResult {
        let options = BuildOptions(contentDirectory: "content", templatesDirectory: "templates",
                                   outputDirectory: "/tmp/sitegen-tests-never-written", baseURL: baseURL,
                                   strict: strict, writesOutput: false)
        return SiteBuilder(options: options, fileSystem: files(content, templates: templates)).build()
    }
}

extension BuildResult {
    /// The text of an output file.
    func text(_ path: String) -> String? {
        files.first { $0.path == path }.map { String(decoding: $0.data, as: UTF8.self) }
    }

    /// Diagnostics as the lines the command prints.
    var lines: [String] { diagnostics.map(\.description) }
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-test-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
