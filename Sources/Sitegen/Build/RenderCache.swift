// The pieces of pages the preview's previous build rendered, reused by the next one when what
// each piece is made of is the same (see `BuildCache`). `sitegen build` uses none of this.
//
// - Bodies: a chapter's, a note's and a document's rendered tree, reused when its parsed tree
//   is the same storage (`SameTree`: the Markdown cache hands out the same tree for the same
//   text at the same line), with the same path, heading ids, note reference ids and the
//   numbers of the notes it cites, and the same `environment` (every content file other than
//   the report's Markdown, the report's front matter, the base URL).
// - Note list items: a note's `<li>` and margin copy depend on the resolved note (number,
//   references, definition), its rendered text and the sources register; each gets a token.
// - Every reused or re-rendered piece carries a token (a number handed out when it was made):
//   two equal tokens are the same piece. A page's fragments (a chapter's text, its notes, the
//   Notes page's list, each chapter and the notes of the full report) are keyed by the tokens
//   they are made of, and their serialised bytes are kept by that key; the page cache keys a
//   page by its template, its model with the fragments' markers and the fragments' keys, so
//   no 50 MB model is fingerprinted and no unchanged fragment is serialised again.

import Foundation

/// Rendered pieces of the previous build.
struct RenderCache: Sendable {
    /// A piece with what it was made from and its token.
    struct Piece<Input: Equatable & Sendable, Value: Sendable>: Sendable {
        var input: Input
        var value: Value
        var token: UInt64
    }

    let isEnabled: Bool
    /// Every file of the content but the report's Markdown, and the base URL (set by `SiteBuilder`).
    var inputs = ContentHash(first: 0, second: 0)
    /// Counts the sources registers built (set by `SiteBuilder`; a new register, new note items).
    var sourcesGeneration = 0
    /// Counts the note indexes resolved (set by `SiteBuilder`).
    var notesGeneration = 0
    private var counter: UInt64 = 0
    private(set) var rendered = 0
    private(set) var reused = 0

    var chapters: [Slug: Piece<BodyInput, PageRenderer.ChapterBody>] = [:]
    var notes: [NoteLabel: Piece<BodyInput, PageRenderer.RenderedNote>] = [:]
    var documents: [Slug: Piece<BodyInput, PageRenderer.DocumentBody>] = [:]
    var items: [NoteLabel: Piece<ItemInput, Bool>] = [:]
    /// What the pages gathering from many bodies read of each chapter (its mentions, its
    /// editorial notes), with a token that stays while it does not change.
    struct Aspect<Value: Equatable & Sendable>: Sendable {
        var value: Value
        var token: UInt64
    }
    var mentions: [Slug: Aspect<[MentionRecord]>] = [:]
    var editorials: [Slug: Aspect<[EditorialNoteItem]>] = [:]
    /// Each note's serialised list item and margin copy, with the item's token.
    private var prepared: [NoteLabel: (token: UInt64, value: NoteListRenderer.PreparedNote)] = [:]
    /// Results computed from many pieces, by a key made of their tokens.
    private var derivedValues: [String: (key: ContentHash, value: any Sendable)] = [:]
    /// Serialised fragments, by key.
    let fragments = FragmentStore()

    init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// What a body is rendered from, besides the environment.
    struct BodyInput: Equatable, Sendable {
        var environment: ContentHash
        var tree: SameTree
        var path: String
        var relativePath: String
        var lineOffset: Int
        /// The id paragraphs and notes are numbered under.
        var id = ""
        var headingIDs: [String]? = nil
        var referenceIDs: [NoteLabel: [String]] = [:]
        /// The numbers of the notes the body cites.
        var numbers: [NoteLabel: String] = [:]
        /// The Wayback Machine timestamp (notes).
        var archiveTimestamp: String? = nil
    }

    /// What a note list item is made from.
    struct ItemInput: Equatable, Sendable {
        var environment: ContentHash
        /// Its label, number, explanations and references (compared by chapter and id, not by
        /// where they stand in the source).
        var note: ResolvedNote
        var body: UInt64?
        var linkGone: Bool
        var sourceLinks: [LinkView]?

        static func == (a: ItemInput, b: ItemInput) -> Bool {
            a.environment == b.environment && a.body == b.body && a.linkGone == b.linkGone
                && a.note.label == b.note.label && a.note.number == b.note.number
                && a.note.editorialExplanations == b.note.editorialExplanations
                && a.note.references.count == b.note.references.count
                && zip(a.note.references, b.note.references).allSatisfy { $0.chapter == $1.chapter && $0.id == $1.id }
                && a.sourceLinks == b.sourceLinks
        }
    }

    mutating func beginBuild() {
        rendered = 0
        reused = 0
    }

    mutating func endBuild() {
        fragments.endBuild()
    }

    /// Counts `count` bodies reused as a whole.
    mutating func countReused(_ count: Int) {
        reused += count
    }

    mutating func token() -> UInt64 {
        counter += 1
        return counter
    }

    /// The values (with their tokens) of the pieces `ids` made from `inputs`: those of the
    /// previous build whose input is the same, the others made by `make` on all cores.
    mutating func pieces<ID: Hashable & Sendable, Input: Equatable & Sendable, Value: Sendable>(
        _ table: WritableKeyPath<RenderCache, [ID: Piece<Input, Value>]>, ids: [ID], inputs: [Input],
        make: @Sendable (Int) -> Value) -> [(value: Value, token: UInt64)] {
        let old = self[keyPath: table]
        var found: [(value: Value, token: UInt64)?] = ids.indices.map { index in
            old[ids[index]].flatMap { $0.input == inputs[index] ? ($0.value, $0.token) : nil }
        }
        let missing = ids.indices.filter { found[$0] == nil }
        let made = missing.parallelMap(make)
        for (index, value) in zip(missing, made) { found[index] = (value, token()) }
        rendered += missing.count
        reused += ids.count - missing.count
        var kept: [ID: Piece<Input, Value>] = [:]
        kept.reserveCapacity(ids.count)
        for index in ids.indices { kept[ids[index]] = Piece(input: inputs[index], value: found[index]!.value, token: found[index]!.token) }
        self[keyPath: table] = kept
        return found.map { $0! }
    }

    /// The tokens of the note list items of `notes`.
    mutating func itemTokens(_ notes: [ResolvedNote], environment: ContentHash, bodies: [NoteLabel: UInt64],
                             linkGone: (NoteLabel) -> Bool, sourceLinks: (NoteLabel) -> [LinkView]?) -> [NoteLabel: UInt64] {
        var tokens: [NoteLabel: UInt64] = [:]
        tokens.reserveCapacity(notes.count)
        var kept: [NoteLabel: Piece<ItemInput, Bool>] = [:]
        kept.reserveCapacity(notes.count)
        for note in notes {
            let input = ItemInput(environment: environment, note: note, body: bodies[note.label],
                                  linkGone: linkGone(note.label), sourceLinks: sourceLinks(note.label))
            let token = items[note.label].flatMap { $0.input == input ? $0.token : nil } ?? token()
            tokens[note.label] = token
            kept[note.label] = Piece(input: input, value: true, token: token)
        }
        items = kept
        return tokens
    }

    /// The tokens of `values`, one per slug: the previous build's where the value is the same.
    mutating func aspects<Value: Equatable & Sendable>(_ table: WritableKeyPath<RenderCache, [Slug: Aspect<Value>]>,
                                                        _ values: [(Slug, Value)]) -> [Slug: UInt64] {
        let old = self[keyPath: table]
        var kept: [Slug: Aspect<Value>] = [:]
        kept.reserveCapacity(values.count)
        var tokens: [Slug: UInt64] = [:]
        for (slug, value) in values {
            let token = old[slug].flatMap { $0.value == value ? $0.token : nil } ?? token()
            kept[slug] = Aspect(value: value, token: token)
            tokens[slug] = token
        }
        self[keyPath: table] = kept
        return tokens
    }

    /// The prepared list items of `notes` (`NoteListRenderer.prepare`): those whose item token is
    /// the previous build's reused, the others made on all cores.
    mutating func preparedNotes(_ notes: [ResolvedNote], tokens: [NoteLabel: UInt64],
                                prepare: @Sendable (ResolvedNote) -> NoteListRenderer.PreparedNote) -> [NoteLabel: NoteListRenderer.PreparedNote] {
        var result: [NoteLabel: NoteListRenderer.PreparedNote] = [:]
        result.reserveCapacity(notes.count)
        var missing: [ResolvedNote] = []
        for note in notes {
            if let old = prepared[note.label], old.token == tokens[note.label] { result[note.label] = old.value } else { missing.append(note) }
        }
        for (note, value) in zip(missing, missing.parallelMap(prepare)) { result[note.label] = value }
        var kept: [NoteLabel: (token: UInt64, value: NoteListRenderer.PreparedNote)] = [:]
        kept.reserveCapacity(notes.count)
        for note in notes { kept[note.label] = (tokens[note.label]!, result[note.label]!) }
        prepared = kept
        return result
    }

    /// A value made from many pieces, made again only when `key` changed.
    mutating func derived<Value: Sendable>(_ name: String, key: ContentHash, make: () -> Value) -> Value {
        derivedReused(name, key: key, make: make).value
    }

    /// Whether `key` is the key `name` had in the previous build (and remembers it).
    mutating func sameAsBefore(_ name: String, key: ContentHash) -> Bool {
        defer { derivedValues[name] = (key, true) }
        return derivedValues[name]?.key == key
    }

    /// The value stored under `name` when its key is `key`.
    func stored<Value: Sendable>(_ name: String, key: ContentHash) -> Value? {
        derivedValues[name].flatMap { $0.key == key ? $0.value as? Value : nil }
    }

    mutating func store<Value: Sendable>(_ name: String, key: ContentHash, _ value: Value) {
        derivedValues[name] = (key, value)
    }

    /// The same, with whether the value is the previous build's.
    mutating func derivedReused<Value: Sendable>(_ name: String, key: ContentHash, make: () -> Value) -> (value: Value, reused: Bool) {
        if let entry = derivedValues[name], entry.key == key, let value = entry.value as? Value { return (value, true) }
        let value = make()
        derivedValues[name] = (key, value)
        return (value, false)
    }
}

/// Serialised fragments of the previous build and of this one, by key.
final class FragmentStore: @unchecked Sendable {   // guarded by `lock`
    private let lock = NSLock()
    private var previous: [ContentHash: Data] = [:]
    private var current: [ContentHash: Data] = [:]

    /// The bytes of the fragment with `key`, if a build made them.
    func bytes(_ key: ContentHash) -> Data? {
        lock.withLock {
            if let data = current[key] { return data }
            guard let data = previous[key] else { return nil }
            current[key] = data
            return data
        }
    }

    func keep(_ key: ContentHash, _ data: Data) {
        lock.withLock { current[key] = data }
    }

    /// Forgets the fragments this build did not use.
    func endBuild() {
        lock.withLock {
            previous = current
            current = [:]
        }
    }
}

/// A fingerprint made of tokens, numbers and texts.
struct Key {
    private var hasher = ContentHasher()

    init(_ name: String) { hasher.combine(name) }

    /// A key that goes on from another.
    init(_ base: ContentHash) { add(base) }

    mutating func add(_ value: UInt64) { hasher.combine(value) }
    mutating func add(_ value: Int) { hasher.combine(UInt64(bitPattern: Int64(value))) }
    mutating func add(_ text: String) { hasher.combine(text) }
    mutating func add(_ hash: ContentHash) {
        hasher.combine(hash.first)
        hasher.combine(hash.second)
    }

    var hash: ContentHash { hasher.finalize() }
}
