// Lifts endnote definitions (`[^label]: text`) out of a Markdown body before it is parsed,
// so that each definition can be parsed on its own with exact line numbers and the rest of
// the body no longer contains them. A definition runs until the next definition, or until a
// line that is not indented follows a blank line. Fenced code blocks are left alone.
// Works on the UTF-8 bytes: every character it looks for is ASCII, so lines and labels are
// cut at character boundaries and the text between is copied as it is.

/// The result of lifting definitions out of one body.
struct ExtractedNotes: Sendable {
    /// The body with definition lines replaced by blank lines (line numbers are preserved).
    var remainder: String
    /// Each definition's label, text (continuation indentation removed) and 1-based body line.
    var definitions: [(label: String, text: String, line: Int)]
}

enum NoteDefinitionExtractor {
    private static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    static func extract(from body: String) -> ExtractedNotes {
        var body = body
        return body.withUTF8 { extract(bytes: $0) }
    }

    private static func extract(bytes: UnsafeBufferPointer<UInt8>) -> ExtractedNotes {
        var remainder: [UInt8] = []
        remainder.reserveCapacity(bytes.count)
        var definitions: [(label: String, text: String, line: Int)] = []
        var fence: [UInt8]? = nil
        var current: (label: String, text: [UInt8], line: Int)? = nil
        var previousBlank = false

        func finish() {
            if let c = current {
                definitions.append((c.label, String(decoding: c.text, as: UTF8.self), c.line))
                current = nil
            }
        }

        var start = 0
        var lineNumber = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != newline { end += 1 }
            lineNumber += 1
            if start > 0 { remainder.append(newline) }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            defer { start = end + 1 }
            var firstNonSpace = 0
            while firstNonSpace < line.count, line[firstNonSpace] == space { firstNonSpace += 1 }
            let trimmed = UnsafeBufferPointer(rebasing: line[firstNonSpace...])
            if current == nil, let open = fence {
                if trimmed.starts(with: open) { fence = nil }
                previousBlank = false
                remainder.append(contentsOf: line)
                continue
            }
            if current == nil, isFence(trimmed) {
                fence = Array(trimmed.prefix(3))
                remainder.append(contentsOf: line)
                continue
            }
            if let (label, rest) = definitionStart(line, indent: firstNonSpace) {
                finish()
                current = (label, Array(rest), lineNumber)
                previousBlank = false
                continue
            }
            if current != nil {
                let blank = trimmed.isEmpty
                if !blank && previousBlank && line.first != space && line.first != tab {
                    finish()
                } else {
                    current!.text.append(newline)
                    current!.text.append(contentsOf: unindent(line))
                    previousBlank = blank
                    continue
                }
            }
            previousBlank = trimmed.isEmpty
            remainder.append(contentsOf: line)
        }
        finish()
        return ExtractedNotes(remainder: String(decoding: remainder, as: UTF8.self), definitions: definitions)
    }

    private static func isFence(_ trimmed: UnsafeBufferPointer<UInt8>) -> Bool {
        guard trimmed.count >= 3, trimmed[0] == UInt8(ascii: "`") || trimmed[0] == UInt8(ascii: "~") else { return false }
        return trimmed[1] == trimmed[0] && trimmed[2] == trimmed[0]
    }

    /// `[^label]: rest` with at most three spaces of indentation.
    private static func definitionStart(_ line: UnsafeBufferPointer<UInt8>, indent: Int)
        -> (String, UnsafeBufferPointer<UInt8>)? {
        guard indent <= 3, line.count >= indent + 2, line[indent] == UInt8(ascii: "["),
              line[indent + 1] == UInt8(ascii: "^") else { return nil }
        var close = indent + 2
        while close < line.count, line[close] != UInt8(ascii: "]") { close += 1 }
        guard close < line.count, close > indent + 2 else { return nil }
        for byte in line[(indent + 2)..<close] where byte == space || byte == tab || byte == UInt8(ascii: "[") {
            return nil
        }
        guard close + 1 < line.count, line[close + 1] == UInt8(ascii: ":") else { return nil }
        var text = close + 2
        while text < line.count, line[text] == space || line[text] == tab { text += 1 }
        let label = String(decoding: UnsafeBufferPointer(rebasing: line[(indent + 2)..<close]), as: UTF8.self)
        return (label, UnsafeBufferPointer(rebasing: line[text...]))
    }

    private static func unindent(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if line.first == tab { return UnsafeBufferPointer(rebasing: line[1...]) }
        var spaces = 0
        while spaces < min(line.count, 4), line[spaces] == space { spaces += 1 }
        return UnsafeBufferPointer(rebasing: line[spaces...])
    }
}
