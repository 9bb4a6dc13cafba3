// Finds editorial notes, written `[Editorial note: …]`, in a run of inlines. The note may
// contain links or emphasis (a corrected URL, a quoted reading), so the scan crosses inline
// boundaries: it starts in a text run and ends at the first `]` in a later text run.

import SitegenMarkdown

/// Splits inlines into plain inlines and editorial notes.
enum EditorialNoteScanner {
    static let marker = "[Editorial note:"

    enum Segment {
        case inline(Inline)
        /// The content of one editorial note (after the marker, before the closing `]`).
        case editorial([Inline])
        /// A marker without a closing `]`: the text is kept, a warning is due.
        case unclosed(SourcePosition)
    }

    static func segments(_ inlines: [Inline]) -> [Segment] {
        guard inlines.contains(where: { if case .text(let t, _) = $0 { return t.containsBytes(marker) }; return false }) else {
            return inlines.map { .inline($0) }
        }
        var result: [Segment] = []
        var queue = inlines[...]
        while let next = queue.popFirst() {
            guard case .text(let text, let at) = next, let start = text.byteRange(of: marker) else {
                result.append(.inline(next))
                continue
            }
            let before = String(text[..<start.lowerBound])
            if !before.isEmpty { result.append(.inline(.text(before, at: at))) }
            // Collect until the closing bracket.
            var content: [Inline] = []
            var remainder: Inline? = .text(String(text[start.upperBound...]), at: at)
            var closed = false
            while let current = remainder ?? queue.popFirst() {
                remainder = nil
                if case .text(let t, let p) = current, let close = t.firstIndex(of: "]") {
                    let inside = String(t[..<close])
                    if !inside.isEmpty { content.append(.text(inside, at: p)) }
                    let after = String(t[t.index(after: close)...])
                    if !after.isEmpty { queue.insert(.text(after, at: p), at: queue.startIndex) }
                    closed = true
                    break
                }
                content.append(current)
            }
            if closed {
                if case .text(let first, let p)? = content.first {
                    let trimmed = String(first.drop(while: { $0 == " " }))
                    content[0] = .text(" " + trimmed, at: p)
                }
                result.append(.editorial(content))
            } else {
                let offset = text.utf8.distance(from: text.startIndex, to: start.lowerBound)
                result.append(.unclosed(SourcePosition(line: at.line, column: at.column + offset)))
                result.append(.inline(.text(marker, at: at)))
                result += content.map { .inline($0) }
            }
        }
        return result
    }
}
