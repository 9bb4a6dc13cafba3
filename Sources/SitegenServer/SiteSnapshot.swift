// One build of the site as the preview serves it: every output file in memory with its
// content type, ETag and Last-Modified, and the live-reload script added to every HTML page.
// Requests read a snapshot and never touch the disk; a rebuild makes a new snapshot and
// swaps it in whole, so a request sees one build or the next, never a mix.

import Foundation
import NIOCore
import Sitegen

/// A file ready to be sent.
struct ServedFile: Sendable {
    /// The bytes sent, in order: a whole file, or an HTML page's text up to `</body>`, the
    /// build's reload tag, and the rest (the two parts of the text are kept from build to
    /// build while the page does not change; only the tag is new).
    var parts: [ByteBuffer]
    /// The number of bytes of `parts`.
    var length: Int
    var contentType: String
    /// A strong validator: a hash of the bytes sent, quoted.
    var etag: String
    var lastModified: Date
    /// `lastModified` as an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`).
    var lastModifiedText: String
    /// Whether the name carries a fingerprint of the content (the search index's terms and
    /// text files), so that browsers may keep it without asking again.
    var isImmutable = false

    /// The bytes sent, as one buffer.
    var body: ByteBuffer {
        guard parts.count != 1 else { return parts[0] }
        var joined = ByteBuffer()
        joined.reserveCapacity(length)
        for part in parts { joined.writeImmutableBuffer(part) }
        return joined
    }
}

/// The whole site of one successful build.
struct SiteSnapshot: Sendable {
    /// What a snapshot keeps of each output file for the next one: the build's bytes, their
    /// hash, and the buffers made of them.
    struct Entry: Sendable {
        var data: Data
        var hash: UInt64
        /// The whole file, or the text before and after the reload tag of an HTML page.
        var pieces: [ByteBuffer]
    }

    /// The build number, counted from 1; it changes only when the output changed.
    var build: Int
    /// Resolves request paths under the base path of this build.
    var paths: SitePath
    /// Files by relative path (`report/notes/index.html`).
    var files: [String: ServedFile]
    /// The build's own output, before the reload script was added (to compare with the next).
    var entries: [String: Entry]
    /// The paths whose bytes differ from the previous snapshot's (all of them for the first).
    var changedPaths: Set<String>

    /// The build's own output, before the reload script was added.
    var output: [String: Data] { entries.mapValues(\.data) }

    /// Makes the snapshot of `output`. HTML pages get `reloadScript(build)` before `</body>`.
    /// Files served exactly as in `previous` keep its Last-Modified date; the hashes and
    /// buffers of files whose bytes did not change are taken from it (a file is compared by
    /// its storage first, so that a page the build reused costs no comparison).
    init(build: Int, basePath: String, output: [OutputFile], previous: SiteSnapshot?, now: Date,
         reloadScript: (Int) -> String) {
        self.build = build
        self.paths = SitePath(basePath: basePath)
        let tag = ByteBuffer(string: reloadScript(build))
        let nowText = Self.httpDate(now)
        var files: [String: ServedFile] = [:]
        var entries: [String: Entry] = [:]
        var changed: Set<String> = []
        files.reserveCapacity(output.count)
        entries.reserveCapacity(output.count)
        for file in output {
            let contentType = MediaTypes.contentType(forPath: file.path)
            let isHTML = contentType.hasPrefix("text/html")
            let entry: Entry
            if let old = previous?.entries[file.path], Self.same(old.data, file.data) {
                entry = old
            } else {
                changed.insert(file.path)
                let whole = ByteBuffer(bytes: file.data)
                var pieces = [whole]
                if isHTML {
                    let cut = file.data.withUnsafeBytes { Self.closingBodyIndex(in: $0) } ?? file.data.count
                    pieces = [whole.getSlice(at: 0, length: cut)!, whole.getSlice(at: cut, length: whole.readableBytes - cut)!]
                }
                entry = Entry(data: file.data, hash: Self.hash(file.data), pieces: pieces)
            }
            entries[file.path] = entry
            var etag = String(entry.hash, radix: 16) + "-" + String(file.data.count, radix: 16)
            let parts: [ByteBuffer]
            if isHTML {
                parts = [entry.pieces[0], tag, entry.pieces[1]]
                etag += "-b" + String(build)
            } else {
                parts = entry.pieces
            }
            etag = "\"" + etag + "\""
            let kept = previous?.files[file.path].flatMap { $0.etag == etag ? $0 : nil }
            files[file.path] = ServedFile(parts: parts, length: file.data.count + (isHTML ? tag.readableBytes : 0),
                                          contentType: contentType, etag: etag,
                                          lastModified: kept?.lastModified ?? now,
                                          lastModifiedText: kept?.lastModifiedText ?? nowText,
                                          isImmutable: SearchIndexFiles.isFingerprinted(file.path))
        }
        if let previous {
            for path in previous.entries.keys where entries[path] == nil { changed.insert(path) }
        }
        self.files = files
        self.entries = entries
        self.changedPaths = changed
    }

    /// Whether `output` under `basePath` is exactly what this snapshot was made from.
    func hasSameOutput(as output: [OutputFile], basePath: String) -> Bool {
        guard output.count == entries.count, SitePath(basePath: basePath) == paths else { return false }
        return output.allSatisfy { file in entries[file.path].map { Self.same($0.data, file.data) } ?? false }
    }

    /// Whether two files have the same bytes: the same storage, or equal bytes.
    static func same(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        let shared = a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.baseAddress == y.baseAddress } }
        return shared || a == b
    }

    /// The index of the last `</body>` (any case), where the reload script goes.
    static func closingBodyIndex(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { closingBodyIndex(in: $0) }
    }

    /// The index of the last `</body>` (any case) in `bytes`.
    static func closingBodyIndex(in bytes: UnsafeRawBufferPointer) -> Int? {
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

    /// A 64-bit hash of `data`, eight bytes at a step: cheap (a 50 MB page in a few
    /// milliseconds), stable across runs, good enough for a validator; not cryptographic.
    static func hash(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { buffer in
            let p1: UInt64 = 0x9E37_79B1_85EB_CA87, p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (UInt64(buffer.count) &* p1)
            func mix(_ word: UInt64) {
                hash ^= (word &* p2).rotatedLeft(31) &* p1
                hash = hash.rotatedLeft(27) &* p1 &+ 0x52DC_E729
            }
            var index = 0
            while index + 8 <= buffer.count {
                mix(buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += 8
            }
            if index < buffer.count {
                var tail: UInt64 = 0
                for (shift, byte) in buffer[index...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
                mix(tail)
            }
            hash ^= hash >> 33
            hash = hash &* p2
            hash ^= hash >> 29
            return hash
        }
    }
}

private extension UInt64 {
    func rotatedLeft(_ count: UInt64) -> UInt64 { self << count | self >> (64 - count) }
}
