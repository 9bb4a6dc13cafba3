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

    public func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    public func files(under directory: String) throws -> [String] {
        guard isDirectory(directory) else { throw FileSystemError.notADirectory(path: directory) }
        var result: [String] = []
        var visited: Set<String> = []
        try walk(directory, relative: "", visited: &visited, into: &result)
        return result.sorted()
    }

    private func walk(_ path: String, relative: String, visited: inout Set<String>, into result: inout [String]) throws {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            throw FileSystemError.symlinkLoop(path: path)
        }
        defer { visited.remove(real) }
        let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        for name in names where !name.hasPrefix(".") {
            let child = path + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            if isDirectory(child) {
                try walk(child, relative: childRelative, visited: &visited, into: &result)
            } else {
                // Files, and links that lead nowhere: reading them reports why.
                result.append(childRelative)
            }
        }
    }
}
