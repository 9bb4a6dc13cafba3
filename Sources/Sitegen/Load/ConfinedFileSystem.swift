// The local disk, limited to some folders (the content and templates folders, for `build`,
// `check` and the preview server). A symbolic link whose target lies outside them is listed but cannot be read, so
// the build reports it (`symlink-outside`) instead of copying, say, `/etc/passwd` into the
// site; a linked folder outside them is not walked into.

import Foundation

/// A `FileSystem` that reads only files whose real path lies inside `roots`.
public struct ConfinedFileSystem: FileSystem {
    /// The real paths (links resolved) of the allowed folders, each ending in `/`.
    public let roots: [String]
    private let disk = LocalFileSystem()

    /// Confines reads to `folders` (as given; their links are resolved once, here).
    public init(folders: [String]) {
        roots = folders.map { folder in
            let real = Self.realPath(folder) ?? URL(fileURLWithPath: folder).standardizedFileURL.path
            return real.hasSuffix("/") ? real : real + "/"
        }
    }

    /// Whether `path` (links resolved) lies inside one of the roots.
    public func isInside(_ path: String) -> Bool {
        guard let real = Self.realPath(path) else { return false }
        return roots.contains { (real + "/").hasPrefix($0) }
    }

    /// Reads the file; throws `FileSystemError.outsideRoots` when its real path is outside.
    public func contents(of path: String) throws -> Data {
        guard let real = Self.realPath(path) else { return try disk.contents(of: path) }
        guard roots.contains(where: { (real + "/").hasPrefix($0) }) else {
            throw FileSystemError.outsideRoots(path: path, target: real)
        }
        return try disk.contents(of: real)
    }

    public func exists(_ path: String) -> Bool { disk.exists(path) }

    /// The stamp of the file, when its real path lies inside the roots (nil otherwise, so
    /// that reading it reports where it leads).
    public func stamp(of path: String) -> FileStamp? {
        guard let real = Self.realPath(path), roots.contains(where: { (real + "/").hasPrefix($0) }) else { return nil }
        return FileStamp.of(real)
    }

    public func isDirectory(_ path: String) -> Bool { disk.isDirectory(path) }

    /// Files under `directory`, as `LocalFileSystem` lists them, except that a linked folder
    /// outside the roots is listed as one entry (reading it reports where it leads).
    public func files(under directory: String) throws -> [String] {
        try LocalFileSystem.files(under: directory, descendingInto: isInside)
    }

    static func realPath(_ path: String) -> String? { LocalFileSystem.realPath(path) }
}

extension Diagnostic {
    /// A symbolic link in the content that leads outside the folders the preview may read.
    static func symlinkOutside(_ path: String, target: String) -> Diagnostic {
        Diagnostic(file: path, severity: .error, code: .symlinkOutside,
                   message: "this symbolic link leads outside the content and templates folders (to \(target)); sitegen reads and publishes only files inside them: copy the file into the content folder instead")
    }
}
