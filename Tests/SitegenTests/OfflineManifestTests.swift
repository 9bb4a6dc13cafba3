// Offline reading: with `offline_reading: true` the build lists every file in offline.json with
// its size and fingerprint, puts the service worker at the root, and pages carry the button
// with the interface strings; the version follows the content; without the key nothing changes.

import Foundation
import Testing
@testable import Sitegen

struct OfflineManifestTests {
    static let site = [
        "site.yml": "offline_reading: true\n",
        "report/01-one.md": "---\ntitle: One\n---\nText.[^1]\n",
        "report/notes.md": "---\ntitle: Notes\n---\n[^1]: A note.\n",
    ]

    struct Manifest: Decodable {
        var version: String
        var bytes: Int
        var files: [[Entry]]
        enum Entry: Decodable {
            case text(String), number(Int)
            init(from decoder: Decoder) throws {
                let c = try decoder.singleValueContainer()
                if let n = try? c.decode(Int.self) { self = .number(n) } else { self = .text(try c.decode(String.self)) }
            }
        }
    }

    static func manifest(_ result: BuildResult) throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(try #require(result.text("offline.json")).utf8))
    }

    @Test func manifestListsEveryFileWithItsSize() throws {
        let result = TestSite.build(Self.site, strict: true)
        #expect(result.succeeded, "\(result.lines)")
        let manifest = try Self.manifest(result)
        var listed: [String: Int] = [:]
        for entry in manifest.files {
            guard case .text(let path) = entry[0], case .number(let size) = entry[1], case .text(let hash) = entry[2] else {
                Issue.record("malformed entry \(entry)"); continue
            }
            #expect(hash.count == 8)
            listed[path] = size
        }
        let expected = Dictionary(uniqueKeysWithValues: result.files.filter { !["offline.json", "offline-worker.js"].contains($0.path) }
            .map { ($0.path, $0.data.count) })
        #expect(listed == expected)
        #expect(manifest.bytes == expected.values.reduce(0, +))
        #expect(listed["search/meta.json"] != nil && listed["report/one/index.html"] != nil && listed["assets/site.css"] != nil)
        // The worker sits at the root (it controls the whole site), not under assets/.
        #expect(result.text("offline-worker.js")?.contains("addEventListener('fetch'") == true)
        #expect(result.text("assets/offline-worker.js") == nil)
        // Pages offer the button, hidden until the script finds service workers, in the site's words.
        let page = try #require(result.text("report/one/index.html"))
        #expect(page.contains(#"<div class="offline-reading" hidden data-ask="Saving stores the whole site, {size}, in this browser.""#))
        #expect(page.contains(#"<button type="button" class="offline-save">Save for offline reading</button>"#))
        #expect(page.contains(#"<script src="/assets/offline.js" defer></script>"#))
    }

    @Test func versionFollowsTheContent() throws {
        let first = try Self.manifest(TestSite.build(Self.site))
        let same = try Self.manifest(TestSite.build(Self.site))
        var edited = Self.site
        edited["report/01-one.md"] = "---\ntitle: One\n---\nText, edited.[^1]\n"
        let changed = try Self.manifest(TestSite.build(edited))
        #expect(first.version == same.version)
        #expect(first.version != changed.version)
        #expect(first.version.count == 16)
    }

    @Test func withoutTheKeyNothingIsAdded() throws {
        var content = Self.site
        content["site.yml"] = nil
        let result = TestSite.build(content)
        #expect(result.text("offline.json") == nil && result.text("offline-worker.js") == nil)
        let page = try #require(result.text("report/one/index.html"))
        #expect(!page.contains("offline"))
    }
}
