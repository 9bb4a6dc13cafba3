// Stage 3: resolves endnotes across the whole report. Numbering is global, as in print:
// references in every chapter are matched with the definitions (usually all in
// `report/notes.md`), each reference gets a stable id, and every problem of numbering and
// definition is reported: undefined references, notes never referenced, duplicate or empty
// definitions, and markers out of sequence. Problems the editors declared in the notes' front
// matter are silenced, and their explanations go to the readers instead.

import SitegenMarkdown

/// Resolves note references against definitions.
public struct NoteResolver: Sendable {
    /// Creates the stage.
    public init() {}

    /// A reference as found in a chapter.
    struct Occurrence {
        var label: NoteLabel
        /// Nil for a chapter that could not be loaded (its markers count, but it has no page).
        var chapter: Slug?
        var file: SourceFile
        var at: SourcePosition

        /// The column in characters (computed only for diagnostics: it scans the line).
        var column: Int { file.characterColumn(line: at.line, byteColumn: at.column) }
    }

    /// Resolves the notes of `site`.
    public func run(_ site: ParsedSite) -> (NoteIndex, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []

        // Definitions: the first one of each label wins; later ones are errors.
        var definitions: [NoteLabel: NoteDefinition] = [:]
        for definition in site.noteDefinitions {
            if let first = definitions[definition.label] {
                diagnostics.append(Diagnostic(
                    file: definition.file, line: definition.position.line, column: definition.position.column,
                    severity: .error, code: .noteDuplicateDefinition,
                    message: "note \(definition.label) is defined twice; the first definition is at \(first.file):\(first.position.line)",
                    note: definition.label.rawValue))
                continue
            }
            definitions[definition.label] = definition
            if definition.blocks.flatMap(\.inlineRuns).plainTextIsBlank {
                diagnostics.append(Diagnostic(
                    file: definition.file, line: definition.position.line, column: definition.position.column,
                    severity: .warning, code: .noteEmpty,
                    message: "note \(definition.label) has no text",
                    note: definition.label.rawValue))
            }
        }

        // References in reading order. Chapters whose front matter is broken are not pages, but
        // their markers still count: the notes they cite are not reported as never referenced.
        var occurrences: [Occurrence] = []
        let readingOrder = site.chapters.map { ($0.page.source, $0.document, Optional($0.page.slug)) }
            + site.unloadedChapters.map { ($0.source, $0.document, Slug?.none) }
        for (source, document, slug) in readingOrder.sorted(by: { $0.0.relativePath < $1.0.relativePath }) {
            for reference in document.blocks.footnoteReferences {
                occurrences.append(Occurrence(label: NoteLabel(rawValue: reference.label), chapter: slug,
                                              file: source, at: reference.at))
            }
        }

        var references: [NoteLabel: [NoteReference]] = [:]
        var citedByUnloaded: Set<NoteLabel> = []
        for occurrence in occurrences {
            if let chapter = occurrence.chapter {
                let k = (references[occurrence.label]?.count ?? 0) + 1
                references[occurrence.label, default: []].append(NoteReference(
                    chapter: chapter, id: "ref-\(occurrence.label.rawValue)-\(k)",
                    file: occurrence.file.path, position: occurrence.at))
            } else {
                citedByUnloaded.insert(occurrence.label)
            }
            if definitions[occurrence.label] == nil {
                diagnostics.append(Diagnostic(
                    file: occurrence.file.path, line: occurrence.at.line, column: occurrence.column, severity: .error,
                    code: .noteUndefined, message: "reference to note \(occurrence.label), which has no definition",
                    note: occurrence.label.rawValue))
            }
        }

        for (label, definition) in definitions where references[label] == nil && !citedByUnloaded.contains(label) {
            diagnostics.append(Diagnostic(
                file: definition.file, line: definition.position.line, column: definition.position.column,
                severity: .warning, code: .noteNeverReferenced,
                message: "note \(label) is defined but no text references it", note: label.rawValue))
        }

        let sequence = sequenceDiagnostics(occurrences, definitions: definitions, references: references)
        diagnostics += sequence.map(\.diagnostic)

        // Declared problems silence their diagnostics and explain themselves to readers.
        var explanations: [NoteLabel: [String]] = [:]
        if let notesPage = site.content.notes {
            for declared in notesPage.meta.declared ?? [] {
                let before = diagnostics.count
                diagnostics.removeAll { $0.note == declared.note.rawValue && declared.codes.contains($0.code) }
                explanations[declared.note, default: []].append(declared.explanation)
                if diagnostics.count == before {
                    diagnostics.append(Diagnostic(
                        file: notesPage.source.path, line: notesPage.source.frontMatterLine, severity: .warning,
                        code: .noteDeclarationUnused,
                        message: "the declared problem of note \(declared.note) (\(declared.codes.map(\.rawValue).joined(separator: ", "))) no longer occurs; remove the declaration",
                        note: declared.note.rawValue))
                }
            }
        }

        let remaining = Set(diagnostics)
        let explained = Set(sequence.filter { remaining.contains($0.diagnostic) }.flatMap(\.names))
        diagnostics = Self.oneDiagnosticPerCause(diagnostics, explained: explained)

        // Numbers: a numeric label is the printed number; other labels are numbered in order of
        // first reference after the highest numeric label (as GFM and pandoc do), then the
        // notes no text cites, in the order of their definitions.
        var numbers: [NoteLabel: Int] = [:]
        var next = (Set(definitions.keys).union(references.keys).compactMap(\.number).max() ?? 0) + 1
        for label in occurrences.map(\.label) + site.noteDefinitions.map(\.label)
        where label.number == nil && numbers[label] == nil && (definitions[label] != nil || references[label] != nil) {
            numbers[label] = next
            next += 1
        }

        // Assemble, in number order, and give each note its home chapter.
        // Each label's number is looked up once, not in every comparison of the sort.
        let labels = Set(definitions.keys).union(references.keys)
            .map { (number: numbers[$0] ?? $0.number ?? 0, label: $0) }
            .sorted { ($0.number, $0.label) < ($1.number, $1.label) }
            .map(\.label)
        var notes: [ResolvedNote] = []
        var previousHome: Slug? = site.chapters.first?.page.slug
        for label in labels {
            let refs = references[label] ?? []
            let home = refs.first?.chapter ?? previousHome
            previousHome = home
            notes.append(ResolvedNote(label: label, number: numbers[label].map(String.init) ?? label.rawValue,
                                      definition: definitions[label], references: refs,
                                      editorialExplanations: explanations[label] ?? [], homeChapter: home))
        }
        return (NoteIndex(notes: notes), diagnostics)
    }

    /// One cause, one diagnostic: a note never referenced that an out-of-sequence warning
    /// already names (the skipped or expected note) is not reported again, and a run of
    /// consecutive numbered notes that no text references (a missing chapter, a chapter
    /// that did not load) is reported once, at its first note.
    static func oneDiagnosticPerCause(_ diagnostics: [Diagnostic], explained: Set<String>) -> [Diagnostic] {
        var kept: [Diagnostic] = []
        var unreferenced: [(Int, Diagnostic)] = []
        for diagnostic in diagnostics {
            guard diagnostic.code == .noteNeverReferenced, let note = diagnostic.note else {
                kept.append(diagnostic)
                continue
            }
            if explained.contains(note) { continue }
            if let number = Int(note) { unreferenced.append((number, diagnostic)) } else { kept.append(diagnostic) }
        }
        unreferenced.sort { $0.0 < $1.0 }
        var index = 0
        while index < unreferenced.count {
            var end = index
            while end + 1 < unreferenced.count, unreferenced[end + 1].0 == unreferenced[end].0 + 1,
                  unreferenced[end + 1].1.file == unreferenced[index].1.file {
                end += 1
            }
            var first = unreferenced[index].1
            if end > index {
                first.message = "notes \(unreferenced[index].0)–\(unreferenced[end].0) (\(end - index + 1) notes) are defined but no text references them; is a chapter that cites them missing?"
            }
            kept.append(first)
            index = end + 1
        }
        return kept
    }

    /// Markers must follow the printed numbering: each new note is the next number. A marker
    /// that skips numbers, a note first cited after a higher one, and a marker that repeats an
    /// earlier number where the next (defined but never cited) note was expected are reported.
    private func sequenceDiagnostics(_ occurrences: [Occurrence], definitions: [NoteLabel: NoteDefinition],
                                     references: [NoteLabel: [NoteReference]]) -> [(diagnostic: Diagnostic, names: [String])] {
        var diagnostics: [(diagnostic: Diagnostic, names: [String])] = []
        var highest = 0
        var seen: Set<Int> = []
        var explainedGap = false
        for occurrence in occurrences {
            // An undefined note is reported as such (`note-undefined`), not as out of sequence.
            guard let number = occurrence.label.number, definitions[occurrence.label] != nil else { continue }
            func report(_ message: String, note: Int, names: [Int] = []) {
                diagnostics.append((Diagnostic(file: occurrence.file.path, line: occurrence.at.line, column: occurrence.column,
                                               severity: .warning, code: .noteOutOfSequence, message: message,
                                               note: String(note)), names.map(String.init)))
            }
            if seen.contains(number) {
                let expected = NoteLabel(rawValue: String(highest + 1))
                if definitions[expected] != nil, references[expected] == nil {
                    report("marker \(number) repeats an earlier number where note \(highest + 1) was expected", note: number,
                           names: [highest + 1])
                    explainedGap = true
                }
                continue
            }
            seen.insert(number)
            if number < highest {
                report("note \(number) is first referenced after note \(highest); notes are numbered in reading order", note: number)
            } else if number > highest + 1 {
                let skipped = ((highest + 1)..<number).filter { references[NoteLabel(rawValue: String($0))] == nil }
                if !explainedGap, let first = skipped.first, let last = skipped.last {
                    if first == last {
                        report("marker \(number) follows marker \(highest): note \(first) is skipped", note: first, names: skipped)
                    } else {
                        report("marker \(number) follows marker \(highest): notes \(first)–\(last) are skipped", note: first,
                               names: skipped)
                    }
                }
            }
            explainedGap = false
            highest = max(highest, number)
        }
        return diagnostics
    }
}

extension Array where Element == [Inline] {
    /// True when the runs hold no visible text.
    var plainTextIsBlank: Bool {
        allSatisfy { $0.plainText.allSatisfy(\.isWhitespace) }
    }
}
