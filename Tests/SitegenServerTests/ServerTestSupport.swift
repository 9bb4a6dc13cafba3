// Helpers for the server tests: the small fixture site built in memory, plus one file of each
// type the server must label, served by the preview's router.

import Foundation
import Hummingbird
import Sitegen
@testable import SitegenServer

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
    static var smallSite: URL { root.appendingPathComponent("Tests/SitegenTests/Fixtures/small-site") }
}

enum Fixture {
    /// Files of types the site may hold, besides what the fixture builds.
    static let extraFiles: [OutputFile] = [
        OutputFile(path: "fonts/body.woff2", data: Data([0x77, 0x4F, 0x46, 0x32])),
        OutputFile(path: "fonts/body.woff", data: Data([0x77, 0x4F, 0x46, 0x46])),
        OutputFile(path: "search/index.json", text: "{\"pages\":[]}"),
        OutputFile(path: "images/map.png", data: Data([0x89, 0x50, 0x4E, 0x47])),
        OutputFile(path: "images/photo.jpg", data: Data([0xFF, 0xD8, 0xFF])),
        OutputFile(path: "images/photo.JPEG", data: Data([0xFF, 0xD8, 0xFF])),
        OutputFile(path: "images/anim.gif", data: Data("GIF89a".utf8)),
        OutputFile(path: "images/photo.webp", data: Data("RIFF".utf8)),
        OutputFile(path: "scripts/search.js", text: "export {};\n"),
        OutputFile(path: "feed.xml", text: "<?xml version=\"1.0\"?><feed/>"),
        OutputFile(path: "files/report.pdf", data: Data("%PDF-1.7".utf8)),
        OutputFile(path: "files/unknown.bin", data: Data([0, 1, 2])),
    ]

    /// The small fixture site, built once in memory.
    static let build: BuildResult = {
        let options = BuildOptions(contentDirectory: Repo.smallSite.appendingPathComponent("content").path,
                                   templatesDirectory: Repo.templates, outputDirectory: "/tmp/unused",
                                   strict: true, writesOutput: false)
        let result = SiteBuilder(options: options).build()
        precondition(result.succeeded, "the fixture site must build: \(result.diagnostics)")
        return result
    }()

    /// A preview serving the fixture under `basePath`, and its reload hub.
    static func preview(basePath: String = "/") -> (PreviewSite, ReloadHub) {
        let site = PreviewSite()
        let (build, _) = site.update(with: Self.build.files + extraFiles, basePath: basePath)
        return (site, ReloadHub(status: PreviewStatus(build: build, diagnostics: [])))
    }

    /// The preview's application, for `app.test(.router)`.
    static func application(basePath: String = "/") -> some ApplicationProtocol {
        let (site, hub) = preview(basePath: basePath)
        return Application(router: PreviewRouter.make(site: site, hub: hub))
    }
}

extension ByteBuffer {
    var text: String { String(buffer: self) }
}

extension BuildResult {
    /// The text of an output file.
    func text(_ path: String) -> String? {
        files.first { $0.path == path }.map { String(decoding: $0.data, as: UTF8.self) }
    }
}
