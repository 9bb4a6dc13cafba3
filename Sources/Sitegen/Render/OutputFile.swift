// A file of the built site, as bytes at a path relative to the output folder.

import Foundation

/// One file of the output.
public struct OutputFile: Hashable, Sendable {
    /// Relative path with `/` separators, e.g. `report/introduction/index.html`.
    public var path: String
    public var data: Data
    /// True when the file is already in the staging folder of the build (written as soon as
    /// it was rendered); `data` is then empty.
    public var isWritten = false
    /// For a file already written (`isWritten`): its size and fingerprint, taken from its bytes
    /// as they were written (the offline manifest lists them).
    public var digest: FileDigest? = nil

    /// Creates an output file from text.
    public init(path: String, text: String) {
        self.path = path
        self.data = Data(text.utf8)
    }

    /// Creates an output file from bytes.
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// The size of a file and the fingerprint of its bytes (`ContentHash.first` of them, as
/// `OfflineManifest` lists it).
public struct FileDigest: Hashable, Sendable {
    public var size: Int
    public var fingerprint: UInt64

    /// The digest of `data`.
    static func of(_ data: Data) -> FileDigest {
        var hasher = ContentHasher()
        data.withUnsafeBytes { hasher.combine($0) }
        return FileDigest(size: data.count, fingerprint: hasher.finalize().first)
    }

    /// The digest of `file`: the one taken when it was written, or that of its bytes.
    static func of(_ file: OutputFile) -> FileDigest {
        file.digest ?? of(file.data)
    }
}

/// The rendered site, before it is written.
public struct RenderedSite: Sendable {
    public var files: [OutputFile]
    /// What the search index is built from, in reading order.
    public var searchRecords: [SearchRecord] = []
    /// Makes the records later, when the preview defers its search stage (they are read from
    /// the bodies' trees after the reload).
    var makeSearchRecords: (@Sendable () -> [SearchRecord])? = nil
    /// Number of HTML pages among the files.
    public var pageCount: Int { files.filter { $0.path.hasSuffix(".html") }.count }
}
