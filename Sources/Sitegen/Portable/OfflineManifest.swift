// Offline reading (`offline_reading: true` in site.yml): the build lists every file of the site
// in `offline.json` at the root, with its size and a fingerprint, and a version that is the
// fingerprint of the whole list. `assets/offline.js` shows the total size before a reader
// saves, stores exactly these files in the browser's Cache Storage, and fetches the list again
// on later visits: a new version means the site changed, and only files whose fingerprint
// changed are downloaded again. The service worker serves the stored files; it has to sit at
// the root to control every page, so the theme's `assets/offline-worker.js` is moved there.
// Pages written into the staging folder as they were rendered no longer have their bytes
// here: they carry the size and fingerprint taken as they were written (`OutputFile.digest`),
// so the manifest is the same whether pages stream or not.
//
//   offline.json  {"version":"<16 hex>","bytes":<total>,"files":[["index.html",<bytes>,"<8 hex>"],…]}

import Foundation

/// Writes the offline manifest and puts the service worker at the root.
public struct OfflineManifest: Sendable {
    /// The manifest's name, at the root of the output.
    public static let name = "offline.json"
    /// The service worker as the theme has it, and where the site serves it.
    public static let themeWorker = "assets/offline-worker.js", worker = "offline-worker.js"

    /// Creates the stage.
    public init() {}

    /// The site with the worker at its root and `offline.json` listing every other file.
    public func run(_ site: RenderedSite) -> RenderedSite {
        var result = site
        result.files = site.files.map { $0.path == Self.themeWorker ? OutputFile(path: Self.worker, data: $0.data) : $0 }
        let listed = result.files.filter { $0.path != Self.worker && $0.path != Self.name }.sorted { $0.path < $1.path }
        var whole = ContentHasher()
        var entries: [String] = []
        var total = 0
        for file in listed {
            // Pages written while rendering (`isWritten`) carry the digest of the bytes written.
            let digest = FileDigest.of(file)
            let hash = Self.hex(digest.fingerprint, digits: 8)
            whole.combine(file.path)
            whole.combine(hash)
            total += digest.size
            entries.append("[\(SearchIndexFiles.string(file.path)),\(digest.size),\"\(hash)\"]")
        }
        let version = Self.hex(whole.finalize().first, digits: 16)
        let text = "{\"version\":\"\(version)\",\"bytes\":\(total),\"files\":[\n" + entries.joined(separator: ",\n") + "]}\n"
        result.files.append(OutputFile(path: Self.name, text: text))
        result.files.sort { $0.path < $1.path }
        return result
    }

    /// The low `digits` hex digits of `value`, zero-padded.
    static func hex(_ value: UInt64, digits: Int) -> String {
        let masked = digits >= 16 ? value : value & ((1 << UInt64(4 * digits)) - 1)
        let text = String(masked, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
