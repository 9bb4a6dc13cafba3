// Results of the stages between parsing and rendering (notes, sources), reused by the next
// build when their inputs are the same. See `BuildCache`.
//
// Inputs are compared without reading them again. Parsed trees are compared by identity:
// `MarkdownCache` hands the very same tree (the same array storage) to every build that
// parses the same text at the same line offset, and an entry here holds on to the trees it
// was made from, so no other tree can be allocated at their address while the entry lives:
// the same storage is the same text. The rest (labels, paths, line numbers, the notes page's
// front matter) is small and compared by value.

import SitegenMarkdown

/// The stages' results of the previous build, with what they were made from.
struct StageCache: Sendable {
    let isEnabled: Bool
    private var notes: (key: NotesKey, value: (NoteIndex, [Diagnostic]))?
    /// The note references of each chapter tree, by the tree's storage (see `SameTree`).
    private var references: [Int: (tree: SameTree, references: [NotesKey.Reference])] = [:]
    private var sources: (key: SourcesKey, value: SourceRegister)?
    /// The stages whose result this build reused.
    private(set) var reused: [String] = []
    /// How many times each stage ran (a new number, a new result).
    private(set) var notesGeneration = 0
    private(set) var sourcesGeneration = 0

    init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    mutating func beginBuild() {
        reused = []
    }

    /// The resolved notes of `site`, from the previous build when nothing they are made of changed.
    mutating func notes(_ site: ParsedSite, resolve: (ParsedSite) -> (NoteIndex, [Diagnostic])) -> (NoteIndex, [Diagnostic]) {
        guard isEnabled else { return resolve(site) }
        // A chapter's tree counts by the labels of the note references it holds, in order: an
        // edit that changes none gives the same notes (numbers, ids, chapters). Where a reference
        // stands is read only by the stage's diagnostics; when the previous notes had any, the
        // trees must be the same too, so that they are never shown at a stale line or column.
        var known: [Int: (tree: SameTree, references: [NotesKey.Reference])] = [:]
        let key = NotesKey(site) { tree in
            let address = tree.address
            if let found = known[address] ?? references[address], found.tree == tree {
                known[address] = found
                return found.references
            }
            let found = tree.blocks.footnoteReferences.map { NotesKey.Reference(label: $0.label) }
            known[address] = (tree, found)
            return found
        }
        references = known
        if let notes, notes.key == key, notes.value.1.isEmpty || notes.key.trees == key.trees {
            reused.append("notes")
            return notes.value
        }
        let value = resolve(site)
        notes = (key, value)
        notesGeneration += 1
        return value
    }

    /// The sources register of `index`, from the previous build when the notes' labels,
    /// numbers and texts and the outlets are the same.
    mutating func sources(_ index: NoteIndex, outlets: [String], build: (NoteIndex, [String]) -> SourceRegister) -> SourceRegister {
        guard isEnabled else { return build(index, outlets) }
        let key = SourcesKey(index, outlets: outlets)
        if let sources, sources.key == key {
            reused.append("sources")
            return sources.value
        }
        let value = build(index, outlets)
        sources = (key, value)
        sourcesGeneration += 1
        return value
    }
}

/// A parsed tree, equal to another only when it is the same storage (see `StageCache`).
/// Holding it keeps the storage alive.
struct SameTree: Equatable, @unchecked Sendable {
    let blocks: [Block]

    static func == (a: SameTree, b: SameTree) -> Bool {
        a.blocks.count == b.blocks.count && a.address == b.address
    }

    /// The address of the tree's storage.
    var address: Int {
        blocks.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
    }
}

/// What `NoteResolver` reads: the definitions, the chapters' trees in reading order (with the
/// line offset that places their references), and the notes page's declarations.
struct NotesKey: Equatable, Sendable {
    struct Definition: Equatable, Sendable {
        var label: NoteLabel
        var file: String
        var position: SourcePosition
        var tree: SameTree
    }
    struct Chapter: Equatable, Sendable {
        var path: String
        var relativePath: String
        var slug: Slug?
        var bodyLineOffset: Int
        var references: [Reference]
    }
    /// A note reference, by its label: where it stands is read only by diagnostics (see `notes`).
    struct Reference: Equatable, Sendable {
        var label: String
    }
    var definitions: [Definition]
    var chapters: [Chapter]
    var notesPage: NotesMeta?
    var notesPath: String?
    var notesFrontMatterLine: Int?
    /// The chapters' trees (compared only when the notes had diagnostics; not part of `==`).
    var trees: [SameTree] = []

    static func == (a: NotesKey, b: NotesKey) -> Bool {
        a.definitions == b.definitions && a.chapters == b.chapters && a.notesPage == b.notesPage
            && a.notesPath == b.notesPath && a.notesFrontMatterLine == b.notesFrontMatterLine
    }

    init(_ site: ParsedSite, references: (SameTree) -> [Reference]) {
        definitions = site.noteDefinitions.map {
            Definition(label: $0.label, file: $0.file, position: $0.position, tree: SameTree(blocks: $0.blocks))
        }
        trees = site.chapters.map { SameTree(blocks: $0.document.blocks) } + site.unloadedChapters.map { SameTree(blocks: $0.document.blocks) }
        let paths = site.chapters.map { ($0.page.source, Optional($0.page.slug)) } + site.unloadedChapters.map { ($0.source, Slug?.none) }
        chapters = zip(paths, trees).map { place, tree in
            Chapter(path: place.0.path, relativePath: place.0.relativePath, slug: place.1,
                    bodyLineOffset: place.0.bodyLineOffset, references: references(tree))
        }
        notesPage = site.content.notes?.meta
        notesPath = site.content.notes?.source.path
        notesFrontMatterLine = site.content.notes?.source.frontMatterLine
    }
}

/// What `SourceRegister.build` reads: each note's label, number and definition, in order, and the outlets.
struct SourcesKey: Equatable, Sendable {
    struct Note: Equatable, Sendable {
        var label: NoteLabel
        var number: String
        var tree: SameTree?
    }
    var notes: [Note]
    var outlets: [String]

    init(_ index: NoteIndex, outlets: [String]) {
        notes = index.notes.map { Note(label: $0.label, number: $0.number, tree: $0.definition.map { SameTree(blocks: $0.blocks) }) }
        self.outlets = outlets
    }
}
