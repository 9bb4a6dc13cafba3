// Copied HTML and SVG files are published as they are, so they could carry the inline
// script the site promises never to have. This scan finds `<script`, event-handler
// attributes (`onload=`, `onmouseover=` …) and `javascript:` URLs, case-insensitively, and
// reports each with its line and column. It is a tripwire, not a sanitiser.

enum CopiedFileScanner {
    /// File name endings whose content a browser may run as a document.
    static let documentSuffixes = [".html", ".htm", ".svg", ".xhtml", ".xht", ".shtml"]

    /// Whether `path` is a file the scan applies to.
    static func applies(to path: String) -> Bool {
        let lower = path.lowercased()
        return documentSuffixes.contains { lower.hasSuffix($0) }
    }

    /// What was found and where: (line, column in bytes, description).
    static func findings(in data: [UInt8]) -> [(line: Int, column: Int, what: String)] {
        var result: [(Int, Int, String)] = []
        var line = 1, lineStart = 0
        var inTag = false
        var quote: UInt8 = 0
        let n = data.count
        func lower(_ i: Int) -> UInt8 { let b = data[i]; return b >= 65 && b <= 90 ? b + 32 : b }
        func matches(_ word: String, at i: Int) -> Bool {
            let bytes = Array(word.utf8)
            guard i + bytes.count <= n else { return false }
            for k in 0..<bytes.count where lower(i + k) != bytes[k] { return false }
            return true
        }
        func isLetter(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 65 && b <= 90) }
        func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }
        var i = 0
        while i < n {
            let b = data[i]
            let column = i - lineStart + 1
            if matches("javascript:", at: i) {
                result.append((line, column, "a javascript: URL"))
            }
            if !inTag {
                if b == UInt8(ascii: "<"), i + 1 < n, isLetter(data[i + 1]) {
                    inTag = true
                    if matches("<script", at: i) { result.append((line, column, "a <script> element")) }
                }
            } else if quote != 0 {
                if b == quote { quote = 0 }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                inTag = false
            } else if (isSpace(b) || b == UInt8(ascii: "/")), i + 3 < n, matches("on", at: i + 1), isLetter(data[i + 3]) {
                // An attribute name `on…` followed by `=`.
                var j = i + 3
                while j < n, isLetter(data[j]) || data[j] == UInt8(ascii: "-") { j += 1 }
                var k = j
                while k < n, isSpace(data[k]) { k += 1 }
                if k < n, data[k] == UInt8(ascii: "=") {
                    let name = String(decoding: data[(i + 1)..<j], as: UTF8.self).lowercased()
                    result.append((line, column + 1, "an event handler (\(name)=)"))
                }
            }
            if b == 10 { line += 1; lineStart = i + 1 }
            i += 1
        }
        return result
    }
}

extension Diagnostic {
    /// A copied HTML or SVG file that could run script.
    static func copiedFileScript(_ path: String, line: Int, column: Int, what: String) -> Diagnostic {
        Diagnostic(file: path, line: line, column: column, severity: .warning, code: .copiedFileScript,
                   message: "this copied file has \(what); the site promises no inline script, so remove it (an error under --strict)")
    }
}
