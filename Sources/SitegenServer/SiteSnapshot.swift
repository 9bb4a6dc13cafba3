// One build of the site as the preview serves it: every output file in memory with its
// content type, ETag and Last-Modified, and the live-reload script added to every HTML page.
// Requests read a snapshot and never touch the disk; a rebuild makes a new snapshot and
// swaps it in whole, so a request sees one build or the next, never a mix.

import Foundation
import NIOCore
import Sitegen

/// A file ready to be sent.
struct ServedFile: Sendable {
    var body: ByteBuffer
    var contentType: String
    /// A strong validator: a hash of the bytes sent, quoted.
    var etag: String
    var lastModified: Date
    /// `lastModified` as an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`).
    var lastModifiedText: String
    /// Whether the name carries a fingerprint of the content (the search index's terms and
    /// text files), so that browsers may keep it without asking again.
    var isImmutable = false
}

/// The whole site of one successful build.
struct SiteSnapshot: Sendable {
    /// The build number, counted from 1; it changes only when the output changed.
    var build: Int
    /// Resolves request paths under the base path of this build.
    var paths: SitePath
    /// Files by relative path (`report/notes/index.html`).
    var files: [String: ServedFile]
    /// The build's own output, before the reload script was added (to compare with the next).
    var output: [String: Data]
    /// A hash of each file of `output`.
    var outputHashes: [String: UInt64]

    /// Makes the snapshot of `output`. HTML pages get `reloadScript(build)` before `</body>`.
    /// Files served exactly as in `previous` keep its Last-Modified date; hashes of files
    /// whose bytes did not change are taken from it.
    init(build: Int, basePath: String, output: [OutputFile], previous: SiteSnapshot?, now: Date,
         reloadScript: (Int) -> String) {
        self.build = build
        self.paths = SitePath(basePath: basePath)
        let tag = Array(reloadScript(build).utf8)
        let nowText = Self.httpDate(now)
        var files: [String: ServedFile] = [:]
        var raw: [String: Data] = [:]
        var hashes: [String: UInt64] = [:]
        for file in output {
            let hash: UInt64
            if let previous, let old = previous.output[file.path], old == file.data, let known = previous.outputHashes[file.path] {
                hash = known
            } else {
                hash = Self.fnv1a(file.data)
            }
            raw[file.path] = file.data
            hashes[file.path] = hash
            let contentType = MediaTypes.contentType(forPath: file.path)
            var etag = String(hash, radix: 16) + "-" + String(file.data.count, radix: 16)
            let body: ByteBuffer
            if contentType.hasPrefix("text/html") {
                var bytes = [UInt8](file.data)
                bytes.insert(contentsOf: tag, at: Self.closingBodyIndex(in: bytes) ?? bytes.endIndex)
                body = ByteBuffer(bytes: bytes)
                etag += "-b" + String(build)
            } else {
                body = ByteBuffer(bytes: file.data)
            }
            etag = "\"" + etag + "\""
            let kept = previous?.files[file.path].flatMap { $0.etag == etag ? $0 : nil }
            files[file.path] = ServedFile(body: body, contentType: contentType, etag: etag,
                                          lastModified: kept?.lastModified ?? now,
                                          lastModifiedText: kept?.lastModifiedText ?? nowText,
                                          isImmutable: SearchIndexFiles.isFingerprinted(file.path))
        }
        self.files = files
        self.output = raw
        self.outputHashes = hashes
    }

    /// Whether `output` under `basePath` is exactly what this snapshot was made from.
    func hasSameOutput(as output: [OutputFile], basePath: String) -> Bool {
        guard output.count == self.output.count, SitePath(basePath: basePath) == paths else { return false }
        return output.allSatisfy { self.output[$0.path] == $0.data }
    }

    /// The index of the last `</body>` (any case), where the reload script goes.
    static func closingBodyIndex(in bytes: [UInt8]) -> Int? {
        let needle = Array("</body>".utf8)
        guard bytes.count >= needle.count else { return nil }
        var index = bytes.count - needle.count
        while index >= 0 {
            var matches = true
            for offset in 0..<needle.count where lowercased(bytes[index + offset]) != needle[offset] {
                matches = false
                break
            }
            if matches { return index }
            index -= 1
        }
        return nil
    }

    /// An HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`).
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// 64-bit FNV-1a of `data`: cheap, stable across runs, good enough for a validator.
    static func fnv1a(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { buffer in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in buffer {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            return hash
        }
    }
}
