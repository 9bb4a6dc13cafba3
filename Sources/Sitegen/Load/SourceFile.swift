// A content file as read from disk: its display path, its text, and where its front matter
// and body start, so that every later stage can report exact `file:line:col` positions.

/// One text file of the content, split into front matter and body.
public struct SourceFile: Hashable, Sendable {
    /// The path shown in diagnostics (the content folder as given, plus the relative path).
    public var path: String
    /// The path relative to the content folder, with `/` separators.
    public var relativePath: String
    /// The whole text.
    public var text: String
    /// The YAML between the `---` lines, or nil when the file has none.
    public var frontMatter: String?
    /// The line number (1-based) of the first YAML line.
    public var frontMatterLine: Int
    /// The Markdown after the front matter.
    public var body: String
    /// The number of lines before the body (add to a body line number to get the file's).
    public var bodyLineOffset: Int

    /// Converts a column counted in UTF-8 bytes (as cmark reports it) on `line` (1-based,
    /// of the whole file) into a column counted in characters, as editors show it.
    public func characterColumn(line: Int, byteColumn: Int) -> Int {
        var current = 1
        var lineStart = text.utf8.startIndex
        if line > 1 {
            for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: "\n") {
                current += 1
                if current == line {
                    lineStart = text.utf8.index(after: index)
                    break
                }
            }
            guard current == line else { return byteColumn }
        }
        let utf8 = text.utf8
        let target = utf8.index(lineStart, offsetBy: max(0, byteColumn - 1), limitedBy: utf8.endIndex) ?? utf8.endIndex
        guard let targetIndex = target.samePosition(in: text.unicodeScalars),
              let startIndex = lineStart.samePosition(in: text.unicodeScalars) else { return byteColumn }
        return text.unicodeScalars.distance(from: startIndex, to: targetIndex) + 1
    }
}
