// The load stage of the preview's rebuilds (see `BuildCache`): files are read again only when
// their stamp (device, inode, size, modification and change times) differs from the previous
// build's, or, on a file system without stamps, compared with the bytes read before; the
// templates and the content are decoded again only when a file they read changed.
//
// A content whose only changed files are Markdown files with the same front matter as before
// (a paragraph, a note, a reference edited) is the previous content with those files' text
// and body replaced: `ContentLoader` decodes a page from its front matter alone, so nothing
// else it made can differ. Anything else (a file added, removed or unreadable, a front matter,
// a data or strings file, site.yml) loads the content again as `sitegen build` does.

import Foundation

/// Files read by the previous build, with their stamps and fingerprints.
final class FileReadCache: @unchecked Sendable {   // every field is guarded by `lock`
    struct Entry {
        var stamp: FileStamp?
        var data: Data
        var hash: ContentHash
    }

    private let lock = NSLock()
    private var previous: [String: Entry] = [:]
    private var current: [String: Entry] = [:]
    /// Folder listings of the current build (each folder is listed once per build).
    private var listings: [String: [String]] = [:]
    /// Files read again this build because their stamp changed, and found to hold other bytes.
    private(set) var rereads = 0

    func beginBuild() {
        lock.withLock {
            listings = [:]
            rereads = 0
        }
    }

    /// Keeps what this build read; forgets the rest.
    func endBuild() {
        lock.withLock {
            previous = current
            current = [:]
        }
    }

    /// The bytes of `path`: those of the previous build when its stamp is the same (or, without
    /// a stamp, when the bytes are), so that an unchanged file keeps its storage.
    func contents(of path: String, from base: any FileSystem) throws -> Data {
        let stamp = base.stamp(of: path)
        let old = lock.withLock { current[path] ?? previous[path] }
        if let old, let stamp, old.stamp == stamp {
            lock.withLock { current[path] = old }
            return old.data
        }
        let data = try base.contents(of: path)
        if let old, old.data == data {
            lock.withLock { current[path] = Entry(stamp: stamp, data: old.data, hash: old.hash) }
            return old.data
        }
        let entry = Entry(stamp: stamp, data: data, hash: .of(data))
        lock.withLock {
            current[path] = entry
            rereads += 1
        }
        return data
    }

    /// The fingerprint of the bytes this build read from `path`.
    func hash(of path: String) -> ContentHash? {
        lock.withLock { current[path]?.hash }
    }

    /// The fingerprint of the bytes the previous build read from `path`.
    func previousHash(of path: String) -> ContentHash? {
        lock.withLock { previous[path]?.hash }
    }

    /// The files under `directory`, listed once per build.
    func files(under directory: String, from base: any FileSystem) throws -> [String] {
        if let listed = lock.withLock({ listings[directory] }) { return listed }
        let listed = try base.files(under: directory)
        lock.withLock { listings[directory] = listed }
        return listed
    }

    /// A fingerprint of every file this build read whose path `includes` accepts (path and bytes).
    func fingerprint(where includes: (String) -> Bool) -> ContentHash {
        let entries = lock.withLock { current.filter { includes($0.key) }.map { ($0.key, $0.value.hash) } }
        var hasher = ContentHasher()
        for (path, hash) in entries.sorted(by: { $0.0 < $1.0 }) {
            hasher.combine(path)
            hasher.combine(hash.first)
            hasher.combine(hash.second)
        }
        return hasher.finalize()
    }
}

/// A file system that reads through a `FileReadCache` and notes the paths read.
struct CachingFileSystem: FileSystem {
    let base: any FileSystem
    let cache: FileReadCache
    let reads = ReadLog()

    /// The paths read through one `CachingFileSystem`, with whether the read succeeded.
    final class ReadLog: @unchecked Sendable {   // guarded by `lock`
        private let lock = NSLock()
        private var paths: [String: Bool] = [:]
        func note(_ path: String, ok: Bool) { lock.withLock { paths[path] = ok } }
        var all: [String: Bool] { lock.withLock { paths } }
    }

    func contents(of path: String) throws -> Data {
        do {
            let data = try cache.contents(of: path, from: base)
            reads.note(path, ok: true)
            return data
        } catch {
            reads.note(path, ok: false)
            throw error
        }
    }

    func files(under directory: String) throws -> [String] { try cache.files(under: directory, from: base) }
    func exists(_ path: String) -> Bool { base.exists(path) }
    func isDirectory(_ path: String) -> Bool { base.isDirectory(path) }
    func stamp(of path: String) -> FileStamp? { base.stamp(of: path) }
}

/// The templates and the content of the previous build, with the files they were made from.
struct LoadCache: Sendable {
    struct Made<Value: Sendable>: Sendable {
        var value: Value
        var directory: String
        var listing: [String]
        /// Every path read, with the fingerprint of its bytes.
        var reads: [String: ContentHash]
    }

    let isEnabled: Bool
    private var templates: Made<(TemplateSet?, [Diagnostic])>?
    private var content: Made<(SiteContent?, [Diagnostic])>?
    /// How the content of this build was had: "reused", "patched" (bodies replaced) or "loaded".
    private(set) var contentWas = "loaded"

    init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// The template set, loaded again only when a file it read changed or the folder's files did.
    mutating func templates(_ directory: String, fileSystem: CachingFileSystem,
                            load: (any FileSystem) -> (TemplateSet?, [Diagnostic])) -> (TemplateSet?, [Diagnostic]) {
        if let made = templates, Self.unchanged(made, fileSystem: fileSystem).isEmpty {
            return made.value
        }
        let log = CachingFileSystem(base: fileSystem.base, cache: fileSystem.cache)
        let value = load(log)
        templates = Self.made(value, directory: directory, log: log)
        return value
    }

    /// The content, loaded again only when a file it read changed (or patched, see above).
    mutating func content(_ directory: String, fileSystem: CachingFileSystem,
                          load: (any FileSystem) -> (SiteContent?, [Diagnostic])) -> (SiteContent?, [Diagnostic]) {
        if let made = content {
            let changed = Self.unchanged(made, fileSystem: fileSystem)
            if changed.isEmpty {
                contentWas = "reused"
                return made.value
            }
            if let patched = Self.patched(made, changed: changed, fileSystem: fileSystem) {
                contentWas = "patched"
                content = patched
                return patched.value
            }
        }
        contentWas = "loaded"
        let log = CachingFileSystem(base: fileSystem.base, cache: fileSystem.cache)
        let value = load(log)
        content = Self.made(value, directory: directory, log: log)
        return value
    }

    private static func made<Value>(_ value: Value, directory: String, log: CachingFileSystem) -> Made<Value>? {
        // A listing or read that failed is not remembered: the next build loads again.
        guard let listing = try? log.files(under: directory) else { return nil }
        var reads: [String: ContentHash] = [:]
        for (path, ok) in log.reads.all {
            guard ok, let hash = log.cache.hash(of: path) else { return nil }
            reads[path] = hash
        }
        return Made(value: value, directory: directory, listing: listing, reads: reads)
    }

    /// The paths of `made` whose bytes changed (nil-hash entries for a folder whose files
    /// changed, or a file that cannot be read now: `["*"]`).
    private static func unchanged<Value>(_ made: Made<Value>, fileSystem: CachingFileSystem) -> [String] {
        guard let listing = try? fileSystem.files(under: made.directory), listing == made.listing else { return ["*"] }
        var changed: [String] = []
        for (path, hash) in made.reads {
            guard (try? fileSystem.contents(of: path)) != nil, let now = fileSystem.cache.hash(of: path) else { return ["*"] }
            if now != hash { changed.append(path) }
        }
        return changed.sorted()
    }

    /// The content with the text and body of each changed file replaced, when every changed
    /// file is a Markdown page of the content whose front matter did not change.
    private static func patched(_ made: Made<(SiteContent?, [Diagnostic])>, changed: [String],
                                fileSystem: CachingFileSystem) -> Made<(SiteContent?, [Diagnostic])>? {
        guard var content = made.value.0, !changed.contains("*") else { return nil }
        var reads = made.reads
        for path in changed {
            guard path.hasSuffix(".md"), let data = try? fileSystem.contents(of: path),
                  let text = String(data: data, encoding: .utf8), !text.utf8.contains(13),
                  !text.utf8.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 }) else { return nil }
            guard let replaced = content.replacingSource(at: path, with: { old in
                let (source, problem) = FrontMatter.split(text: text, path: old.path, relativePath: old.relativePath)
                guard problem == nil, source.frontMatter == old.frontMatter, source.frontMatterLine == old.frontMatterLine,
                      source.bodyLineOffset == old.bodyLineOffset else { return nil }
                return source
            }) else { return nil }
            content = replaced
            reads[path] = fileSystem.cache.hash(of: path)
        }
        return Made(value: (content, made.value.1), directory: made.directory, listing: made.listing, reads: reads)
    }
}

extension SiteContent {
    /// This content with the source file at `path` replaced by what `replace` makes of it, or
    /// nil when no page has that file or `replace` refuses.
    func replacingSource(at path: String, with replace: (SourceFile) -> SourceFile?) -> SiteContent? {
        var content = self
        func swap<Meta>(_ page: inout ContentPage<Meta>) -> Bool? {
            guard page.source.path == path else { return nil }
            guard let source = replace(page.source) else { return false }
            page.source = source
            return true
        }
        func swap<Meta>(_ page: inout ContentPage<Meta>?) -> Bool? {
            guard var value = page, let done = swap(&value) else { return nil }
            page = value
            return done
        }
        func swap<Meta>(_ pages: inout [ContentPage<Meta>]) -> Bool? {
            guard let index = pages.firstIndex(where: { $0.source.path == path }) else { return nil }
            return swap(&pages[index])
        }
        if let done = swap(&content.publication) ?? swap(&content.chapters) ?? swap(&content.notes)
            ?? swap(&content.abbreviations) ?? swap(&content.documents) ?? swap(&content.editorialNotes)
            ?? swap(&content.figuresPage) ?? swap(&content.timelinePage) ?? swap(&content.pages) {
            return done ? content : nil
        }
        for index in content.profiles.indices {
            if let done = swap(&content.profiles[index].items) { return done ? content : nil }
        }
        return nil
    }
}
