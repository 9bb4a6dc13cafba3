// Finds footnote references `[^label]` in text runs and turns them into
// `Inline.footnoteReference`. cmark-gfm only recognises a reference when its definition is
// in the same document; sitegen keeps all endnote definitions in one notes file, so the
// references are recognised here, in text only (never in code spans, links or raw HTML).

enum FootnoteReferenceScanner {
    /// Splits every text run of `inlines` around the footnote references it contains.
    static func split(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        result.reserveCapacity(inlines.count)
        for inline in inlines {
            guard case .text(let text, let at) = inline, text.containsBytes("[^") else {
                result.append(inline)
                continue
            }
            result.append(contentsOf: split(text, at: at))
        }
        return result
    }

    private static func split(_ text: String, at start: SourcePosition) -> [Inline] {
        var result: [Inline] = []
        let bytes = Array(text.utf8)
        var runStart = 0
        var i = 0
        while i + 3 < bytes.count + 1 && i < bytes.count {
            if bytes[i] == UInt8(ascii: "["), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "^") {
                var j = i + 2
                while j < bytes.count, bytes[j] != UInt8(ascii: "]"), !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "[") {
                    j += 1
                }
                if j < bytes.count, bytes[j] == UInt8(ascii: "]"), j > i + 2 {
                    if i > runStart {
                        result.append(.text(String(decoding: bytes[runStart..<i], as: UTF8.self),
                                            at: offset(start, runStart)))
                    }
                    let label = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
                    result.append(.footnoteReference(label: label, at: offset(start, i)))
                    i = j + 1
                    runStart = i
                    continue
                }
            }
            i += 1
        }
        if runStart < bytes.count {
            result.append(.text(String(decoding: bytes[runStart...], as: UTF8.self), at: offset(start, runStart)))
        }
        return result
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n")
    }

    /// The position `byteOffset` bytes into a run that starts at `start` (exact when the run
    /// holds no backslash escapes or entities before that point, which is the common case).
    private static func offset(_ start: SourcePosition, _ byteOffset: Int) -> SourcePosition {
        SourcePosition(line: start.line, column: start.column + byteOffset)
    }
}
