// The resolved endnotes: for every note, its definition and every place that refers to it,
// with the ids the HTML uses. Produced by `NoteResolver`, read by the renderer.

import SitegenMarkdown

/// One reference to a note in the text.
public struct NoteReference: Hashable, Sendable {
    /// The chapter that contains the reference.
    public var chapter: Slug
    /// The element id of the reference, `ref-N-K` for the K-th reference to note N.
    public var id: String
    /// Where the marker is in the source (display path; line, and column in UTF-8 bytes).
    public var file: String
    public var position: SourcePosition
}

/// A note with its definition and references.
public struct ResolvedNote: Hashable, Sendable {
    public var label: NoteLabel
    /// The number readers see: a numeric label as written (`12`), other labels (`kovats`)
    /// numbered in order of first reference.
    public var number: String
    public var definition: NoteDefinition?
    /// All references, in reading order.
    public var references: [NoteReference]
    /// The explanation of a declared problem, shown to readers at the note.
    public var editorialExplanations: [String]
    /// The chapter at whose end the note is listed: the first that cites it or, for a note
    /// that no text cites, the chapter of the note before it.
    public var homeChapter: Slug?

    /// The element id of the note, `note-LABEL` (the label, so that links stay stable).
    public var id: String { "note-\(label.rawValue)" }
}

/// All notes of the site, in number order.
public struct NoteIndex: Sendable {
    public let notes: [ResolvedNote]
    private let positions: [NoteLabel: Int]
    /// Per chapter, computed once: the notes listed at its end, and its reference ids.
    private let listed: [Slug: [ResolvedNote]]
    private let referenceIDsByChapter: [Slug: [NoteLabel: [String]]]

    /// Creates an index from notes in label order.
    public init(notes: [ResolvedNote]) {
        self.notes = notes
        self.positions = Dictionary(uniqueKeysWithValues: notes.enumerated().map { ($0.element.label, $0.offset) })
        var listed: [Slug: [ResolvedNote]] = [:]
        var ids: [Slug: [NoteLabel: [String]]] = [:]
        for note in notes {
            // Every chapter that cites the note lists it; a note no text cites goes with its home chapter.
            var chapters: [Slug] = []
            for reference in note.references {
                ids[reference.chapter, default: [:]][note.label, default: []].append(reference.id)
                if !chapters.contains(reference.chapter) { chapters.append(reference.chapter) }
            }
            if note.references.isEmpty, let home = note.homeChapter { chapters = [home] }
            for chapter in chapters { listed[chapter, default: []].append(note) }
        }
        self.listed = listed
        self.referenceIDsByChapter = ids
    }

    /// The note with `label`, if it is defined or referenced.
    public subscript(label: NoteLabel) -> ResolvedNote? {
        positions[label].map { notes[$0] }
    }

    /// The notes listed at the end of `chapter`, in label order: every note the chapter
    /// cites, and the notes no text cites whose neighbours it holds.
    public func notes(listedIn chapter: Slug) -> [ResolvedNote] {
        listed[chapter] ?? []
    }

    /// The reference ids of `chapter` for each label, in reading order; the renderer takes
    /// them one by one as it meets the markers.
    public func referenceIDs(in chapter: Slug) -> [NoteLabel: [String]] {
        referenceIDsByChapter[chapter] ?? [:]
    }

    /// The number readers see for each label.
    public var numbers: [NoteLabel: String] { positions.mapValues { notes[$0].number } }

    /// Number of references across the site.
    public var referenceCount: Int { notes.reduce(0) { $0 + $1.references.count } }
}
