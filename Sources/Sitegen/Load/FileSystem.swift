// The file-system operations the pipeline needs, behind a protocol so that stages can be
// tested without touching the disk and so that all I/O is visible in one place.

import Foundation

/// What the build reads and writes.
public protocol FileSystem: Sendable {
    /// The bytes of a file. Throws when it cannot be read.
    func contents(of path: String) throws -> Data
    /// Regular files under `directory`, recursively, as paths relative to it, sorted.
    /// Throws `FileSystemError.symlinkLoop` when a symbolic link leads back into a folder
    /// being listed.
    func files(under directory: String) throws -> [String]
    /// Whether a file or folder exists at `path`.
    func exists(_ path: String) -> Bool
    /// Whether `path` is a folder.
    func isDirectory(_ path: String) -> Bool
    /// What identifies the present version of the file at `path` without reading it (device,
    /// inode, size, modification and change times), or nil when the file system cannot say
    /// (the preview's rebuilds then read the file and compare its bytes).
    func stamp(of path: String) -> FileStamp?
}

extension FileSystem {
    public func stamp(of path: String) -> FileStamp? { nil }
}

/// A file's identity and version as `stat` reports them: equal stamps, same bytes (the
/// preview's rebuilds read again only files whose stamp changed).
public struct FileStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64

    /// The stamp of the file `path` leads to (links followed), or nil when it cannot be had.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileStamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                         changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }
}

/// Errors of the local file system that the build reports as diagnostics.
public enum FileSystemError: Error, Equatable {
    case symlinkLoop(path: String)
    case notADirectory(path: String)
    /// A symbolic link whose target (`target`, resolved) lies outside the folders a
    /// `ConfinedFileSystem` may read.
    case outsideRoots(path: String, target: String)
}

/// The real disk.
public struct LocalFileSystem: FileSystem {
    /// Creates a handle on the local disk.
    public init() {}

    public func contents(of path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    public func stamp(of path: String) -> FileStamp? { FileStamp.of(path) }

    public func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    public func files(under directory: String) throws -> [String] {
        try Self.files(under: directory, descendingInto: { _ in true })
    }

    /// Names the walk skips: version-control folders, desktop litter, editor swap files and
    /// sitegen's output marker. Other dot-files and dot-folders (`.nojekyll`, `.well-known/`,
    /// `.htaccess`) are listed, so that a host's files kept in `content/` are copied.
    static func isIgnored(_ name: String) -> Bool {
        guard name.hasPrefix(".") else { return false }
        if [".", "..", ".git", ".hg", ".svn", ".DS_Store", ".Trashes", ".Spotlight-V100", OutputLocation.marker].contains(name) {
            return true
        }
        return name.hasPrefix(".#") || name.hasSuffix(".swp") || name.hasSuffix(".swo") || name.hasSuffix(".swx")
    }

    /// The walk every file system on disk shares: regular files under `directory`, relative and
    /// sorted, `isIgnored` names skipped, folders entered when `descend` allows (a folder it refuses
    /// is listed as one entry), a link back into a folder being walked reported as a loop.
    static func files(under directory: String, descendingInto descend: (String) -> Bool) throws -> [String] {
        let disk = LocalFileSystem()
        guard disk.isDirectory(directory) else { throw FileSystemError.notADirectory(path: directory) }
        var result: [String] = []
        var visited: Set<String> = []
        func walk(_ path: String, relative: String) throws {
            let real = realPath(path) ?? path
            guard visited.insert(real).inserted else { throw FileSystemError.symlinkLoop(path: path) }
            defer { visited.remove(real) }
            for name in try FileManager.default.contentsOfDirectory(atPath: path).sorted() where !isIgnored(name) {
                let child = path + "/" + name
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                if disk.isDirectory(child) && descend(child) {
                    try walk(child, relative: childRelative)
                } else {
                    // Files, and links that lead nowhere or outside: reading them reports why.
                    result.append(childRelative)
                }
            }
        }
        try walk(directory, relative: "")
        return result.sorted()
    }

    /// The absolute path with every link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
