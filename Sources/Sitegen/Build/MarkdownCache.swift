// Parsed Markdown from the previous build, keyed by a fingerprint of the text and its line
// offset (the offset is part of every source position in the tree). See `BuildCache`.

import SitegenMarkdown

/// Syntax trees of Markdown texts, reused when the same text is parsed again.
struct MarkdownCache: Sendable {
    struct Key: Hashable, Sendable {
        var text: ContentHash
        var lineOffset: Int
    }

    let isEnabled: Bool
    private var previous: [Key: MarkdownDocument] = [:]
    private var current: [Key: MarkdownDocument] = [:]
    private(set) var hits = 0
    private(set) var misses = 0

    init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// The tree of `text`, from the cache or parsed with `parser`.
    mutating func document(_ text: String, lineOffset: Int, parser: MarkdownParser) -> MarkdownDocument {
        guard isEnabled else {
            misses += 1
            return parser.parse(text, lineOffset: lineOffset)
        }
        let key = Key(text: .of(text), lineOffset: lineOffset)
        if let document = current[key] ?? previous[key] {
            hits += 1
            current[key] = document
            return document
        }
        misses += 1
        let document = parser.parse(text, lineOffset: lineOffset)
        current[key] = document
        return document
    }

    mutating func beginBuild() {
        hits = 0
        misses = 0
    }

    mutating func endBuild() {
        previous = current
        current = [:]
    }
}
