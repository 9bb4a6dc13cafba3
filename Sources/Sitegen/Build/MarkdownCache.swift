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

    /// A text to parse and the line offset of its first line.
    struct Text: Sendable {
        var text: String
        var lineOffset: Int
    }

    /// The trees of `texts`, in order: those the cache has, and the others parsed on all cores.
    /// Counts hits and misses as `document` called for each text in turn would.
    mutating func documents(_ texts: [Text], parser: MarkdownParser) -> [MarkdownDocument] {
        guard isEnabled else {
            misses += texts.count
            return texts.parallelMap { parser.parse($0.text, lineOffset: $0.lineOffset) }
        }
        let keys = texts.parallelMap { Key(text: .of($0.text), lineOffset: $0.lineOffset) }
        var found: [MarkdownDocument?] = []
        var missing: [Int] = []
        var firstMiss: [Key: Int] = [:]
        for key in keys {
            if let document = current[key] ?? previous[key] {
                hits += 1
                current[key] = document
                found.append(document)
            } else if firstMiss[key] != nil {
                hits += 1
                found.append(nil)
            } else {
                misses += 1
                firstMiss[key] = found.count
                missing.append(found.count)
                found.append(nil)
            }
        }
        let parsed = missing.parallelMap { parser.parse(texts[$0].text, lineOffset: texts[$0].lineOffset) }
        for (index, document) in zip(missing, parsed) {
            found[index] = document
            current[keys[index]] = document
        }
        return keys.indices.map { found[$0] ?? found[firstMiss[keys[$0]]!]! }
    }

    private var liftedPrevious: [ContentHash: ExtractedNotes?] = [:]
    private var liftedCurrent: [ContentHash: ExtractedNotes?] = [:]

    /// The note definitions lifted out of each of `bodies` (`MarkdownStage`), from the cache
    /// when the same text was lifted before; the others on all cores.
    mutating func lifted(_ bodies: [String], lift: @Sendable (String) -> ExtractedNotes?) -> [ExtractedNotes?] {
        guard isEnabled else { return bodies.parallelMap(lift) }
        let keys = bodies.parallelMap { ContentHash.of($0) }
        var found: [ExtractedNotes??] = keys.map { liftedCurrent[$0] ?? liftedPrevious[$0] }
        let missing = bodies.indices.filter { found[$0] == nil }
        let made = missing.parallelMap { lift(bodies[$0]) }
        for (index, value) in zip(missing, made) { found[index] = .some(value) }
        for (key, value) in zip(keys, found) { liftedCurrent[key] = value! }
        return found.map { $0! }
    }

    mutating func beginBuild() {
        hits = 0
        misses = 0
    }

    mutating func endBuild() {
        previous = current
        current = [:]
        liftedPrevious = liftedCurrent
        liftedCurrent = [:]
    }
}
