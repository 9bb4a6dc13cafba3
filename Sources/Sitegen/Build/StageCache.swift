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
    private var sources: (key: SourcesKey, value: SourceRegister)?
    /// The stages whose result this build reused.
    private(set) var reused: [String] = []

    init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    mutating func beginBuild() {
        reused = []
    }

    /// The resolved notes of `site`, from the previous build when nothing they are made of changed.
    mutating func notes(_ site: ParsedSite, resolve: (ParsedSite) -> (NoteIndex, [Diagnostic])) -> (NoteIndex, [Diagnostic]) {
        guard isEnabled else { return resolve(site) }
        let key = NotesKey(site)
        if let notes, notes.key == key {
            reused.append("notes")
            return notes.value
        }
        let value = resolve(site)
        notes = (key, value)
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
        return value
    }
}

/// A parsed tree, equal to another only when it is the same storage (see `StageCache`).
/// Holding it keeps the storage alive.
struct SameTree: Equatable, @unchecked Sendable {
    let blocks: [Block]

    static func == (a: SameTree, b: SameTree) -> Bool {
        a.blocks.count == b.blocks.count
            && a.blocks.withUnsafeBufferPointer { x in b.blocks.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
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
        var tree: SameTree
    }
    var definitions: [Definition]
    var chapters: [Chapter]
    var notesPage: NotesMeta?
    var notesPath: String?
    var notesFrontMatterLine: Int?

    init(_ site: ParsedSite) {
        definitions = site.noteDefinitions.map {
            Definition(label: $0.label, file: $0.file, position: $0.position, tree: SameTree(blocks: $0.blocks))
        }
        chapters = site.chapters.map {
            Chapter(path: $0.page.source.path, relativePath: $0.page.source.relativePath, slug: $0.page.slug,
                    bodyLineOffset: $0.page.source.bodyLineOffset, tree: SameTree(blocks: $0.document.blocks))
        } + site.unloadedChapters.map {
            Chapter(path: $0.source.path, relativePath: $0.source.relativePath, slug: nil,
                    bodyLineOffset: $0.source.bodyLineOffset, tree: SameTree(blocks: $0.document.blocks))
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
