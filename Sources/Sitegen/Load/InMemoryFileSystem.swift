// A file system held in memory, for tests and for building from text that is not on disk.

import Foundation

/// Files in memory, keyed by path (`content/index.md`).
public struct InMemoryFileSystem: FileSystem {
    public var files: [String: Data]

    /// Creates a file system from paths and texts.
    public init(_ texts: [String: String] = [:]) {
        files = texts.mapValues { Data($0.utf8) }
    }

    public func contents(of path: String) throws -> Data {
        guard let data = files[normalize(path)] else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        return data
    }

    public func files(under directory: String) throws -> [String] {
        let prefix = normalize(directory) + "/"
        let result = files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
        guard !result.isEmpty else { throw FileSystemError.notADirectory(path: directory) }
        return result
    }

    public func exists(_ path: String) -> Bool {
        let p = normalize(path)
        return files[p] != nil || files.keys.contains { $0.hasPrefix(p + "/") }
    }

    public func isDirectory(_ path: String) -> Bool {
        let p = normalize(path)
        return files.keys.contains { $0.hasPrefix(p + "/") }
    }

    private func normalize(_ path: String) -> String {
        var p = path
        while p.hasSuffix("/") { p.removeLast() }
        if p.hasPrefix("./") { p.removeFirst(2) }
        return p
    }
}
