// The staging folder of one build, filled while the site renders: each page can be written
// as soon as it is rendered and its bytes dropped, instead of the whole site waiting in
// memory for the write. `SiteWriter.commit` swaps the folder in when the build succeeded;
// `SiteWriter.abandon` removes it when it did not, so the previous output stays as it was.

import Foundation

/// A staging folder being written (thread-safe: pages are written from every core).
public final class SiteStaging: @unchecked Sendable {
    /// The folder (`.public.sitegen-new-PID`).
    public let root: URL
    /// The previous output, whose files are hard-linked when a new file has the same bytes.
    let previous: URL?
    /// Warnings from opening (leftovers that could not be removed).
    let warnings: [Diagnostic]
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var failed: [String] = []

    init(root: URL, previous: URL?, warnings: [Diagnostic]) {
        self.root = root
        self.previous = previous
        self.warnings = warnings
    }

    /// The files that could not be written, as "path: reason".
    var failures: [String] { lock.withLock { failed } }

    /// Writes `file` like `write(_:)` and returns what stands for it once its bytes are
    /// dropped: its path, `isWritten`, and the digest of the bytes written (for the offline
    /// manifest).
    public func written(_ file: OutputFile) -> OutputFile {
        write(file)
        var record = OutputFile(path: file.path, data: Data())
        record.isWritten = true
        record.digest = FileDigest.of(file.data)
        return record
    }

    /// Creates the file at `path` (and its folder) for a page written in pieces (`PageSink`);
    /// returns its descriptor.
    func create(_ path: String) throws -> Int32 {
        try makeFolder(of: path)
        return try FileBytes.create(root.path + "/" + path)
    }

    /// Records that `path` could not be written; `SiteWriter.commit` then gives up.
    func fail(_ path: String, _ error: Error) {
        lock.withLock { failed.append("\(path): \(error.localizedDescription)") }
    }

    /// The digest of the file written in pieces at `path` (`size` bytes), read back; a file
    /// that cannot be read back is a failure.
    func digest(of path: String, size: Int) -> FileDigest? {
        guard let digest = FileBytes.digest(of: root.path + "/" + path, size: size) else {
            fail(path, POSIXError(.EIO))
            return nil
        }
        return digest
    }

    private func makeFolder(of path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !(lock.withLock { folders.contains(folder) }) {
            try FileManager.default.createDirectory(atPath: root.path + "/" + folder, withIntermediateDirectories: true)
            lock.withLock { _ = folders.insert(folder) }
        }
    }

    /// Writes `file` (creating its folder), or hard-links the previous output's copy when it
    /// has the same bytes. A failure is kept for `SiteWriter.commit`, which then gives up.
    public func write(_ file: OutputFile) {
        let target = root.path + "/" + file.path
        do {
            try makeFolder(of: file.path)
            if let previous {
                let old = previous.path + "/" + file.path
                if FileBytes.equals(old, file.data), link(old, target) == 0 { return }
            }
            try FileBytes.write(file.data, to: target)
        } catch {
            lock.withLock { failed.append("\(file.path): \(error.localizedDescription)") }
        }
    }
}
