// Lifts endnote definitions (`[^label]: text`) out of a Markdown body before it is parsed,
// so that each definition can be parsed on its own with exact line numbers and the rest of
// the body no longer contains them. A definition runs until the next definition, or until a
// line that is not indented follows a blank line. Fenced code blocks are left alone.

/// The result of lifting definitions out of one body.
struct ExtractedNotes {
    /// The body with definition lines replaced by blank lines (line numbers are preserved).
    var remainder: String
    /// Each definition's label, text (continuation indentation removed) and 1-based body line.
    var definitions: [(label: String, text: String, line: Int)]
}

enum NoteDefinitionExtractor {
    static func extract(from body: String) -> ExtractedNotes {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var definitions: [(label: String, text: String, line: Int)] = []
        var fence: String? = nil
        var current: (label: String, lines: [String], line: Int)? = nil
        var previousBlank = false

        func finish() {
            if let c = current {
                definitions.append((c.label, c.lines.joined(separator: "\n"), c.line))
                current = nil
            }
        }

        for index in lines.indices {
            let line = lines[index]
            let trimmed = line.drop(while: { $0 == " " })
            if current == nil, let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                previousBlank = false
                continue
            }
            if current == nil, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                continue
            }
            if let (label, rest) = definitionStart(line) {
                finish()
                current = (label, [rest], index + 1)
                lines[index] = ""
                previousBlank = false
                continue
            }
            if current != nil {
                let blank = trimmed.isEmpty
                if !blank && previousBlank && !line.hasPrefix(" ") && !line.hasPrefix("\t") {
                    finish()
                } else {
                    current!.lines.append(unindent(line))
                    lines[index] = ""
                    previousBlank = blank
                    continue
                }
            }
            previousBlank = trimmed.isEmpty
        }
        finish()
        return ExtractedNotes(remainder: lines.joined(separator: "\n"), definitions: definitions)
    }

    /// `[^label]: rest` with at most three spaces of indentation.
    private static func definitionStart(_ line: String) -> (String, String)? {
        let indent = line.prefix(while: { $0 == " " }).count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard rest.hasPrefix("[^"), let close = rest.firstIndex(of: "]") else { return nil }
        let label = rest[rest.index(rest.startIndex, offsetBy: 2)..<close]
        guard !label.isEmpty, !label.contains(where: { $0 == " " || $0 == "\t" || $0 == "[" }) else { return nil }
        let after = rest[rest.index(after: close)...]
        guard after.hasPrefix(":") else { return nil }
        let text = after.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        return (String(label), String(text))
    }

    private static func unindent(_ line: String) -> String {
        if line.hasPrefix("\t") { return String(line.dropFirst()) }
        let spaces = line.prefix(while: { $0 == " " }).count
        return String(line.dropFirst(min(spaces, 4)))
    }
}
