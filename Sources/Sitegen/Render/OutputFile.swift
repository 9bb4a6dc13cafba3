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

/// The rendered site, before it is written.
public struct RenderedSite: Sendable {
    public var files: [OutputFile]
    /// What the search index is built from, in reading order.
    public var searchRecords: [SearchRecord] = []
    /// Number of HTML pages among the files.
    public var pageCount: Int { files.filter { $0.path.hasSuffix(".html") }.count }
}
