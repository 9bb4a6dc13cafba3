// Stage 3: resolves endnotes across the whole report. Numbering is global, as in print:
// references in every chapter are matched with the definitions (usually all in
// `report/notes.md`), each reference gets a stable id, and every defect of numbering and
// definition is reported: undefined references, notes never referenced, duplicate or empty
// definitions, and markers out of sequence. Defects the editors declared in the notes' front
// matter are silenced, and their explanations go to the readers instead.

import SitegenMarkdown

/// Resolves note references against definitions.
public struct NoteResolver: Sendable {
    /// Creates the stage.
    public init() {}

    /// A reference as found in a chapter.
    struct Occurrence {
        var label: NoteLabel
        var chapter: Slug
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

        // References in reading order.
        var occurrences: [Occurrence] = []
        for chapter in site.chapters {
            for reference in chapter.document.blocks.footnoteReferences {
                occurrences.append(Occurrence(label: NoteLabel(rawValue: reference.label), chapter: chapter.page.slug,
                                              file: chapter.page.source, at: reference.at))
            }
        }

        var references: [NoteLabel: [NoteReference]] = [:]
        for occurrence in occurrences {
            let k = (references[occurrence.label]?.count ?? 0) + 1
            references[occurrence.label, default: []].append(NoteReference(
                chapter: occurrence.chapter, id: "ref-\(occurrence.label.rawValue)-\(k)",
                file: occurrence.file.path, position: occurrence.at))
            if definitions[occurrence.label] == nil {
                diagnostics.append(Diagnostic(
                    file: occurrence.file.path, line: occurrence.at.line, column: occurrence.column, severity: .error,
                    code: .noteUndefined, message: "reference to note \(occurrence.label), which has no definition",
                    note: occurrence.label.rawValue))
            }
        }

        for (label, definition) in definitions where references[label] == nil {
            diagnostics.append(Diagnostic(
                file: definition.file, line: definition.position.line, column: definition.position.column,
                severity: .warning, code: .noteNeverReferenced,
                message: "note \(label) is defined but no text references it", note: label.rawValue))
        }

        diagnostics += sequenceDiagnostics(occurrences, definitions: definitions, references: references)

        // Declared defects silence their diagnostics and explain themselves to readers.
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
                        message: "the declared defect of note \(declared.note) (\(declared.codes.map(\.rawValue).joined(separator: ", "))) no longer occurs; remove the declaration",
                        note: declared.note.rawValue))
                }
            }
        }

        // Assemble, in label order, and give each note its home chapter.
        let labels = Set(definitions.keys).union(references.keys).sorted()
        var notes: [ResolvedNote] = []
        var previousHome: Slug? = site.chapters.first?.page.slug
        for label in labels {
            let refs = references[label] ?? []
            let home = refs.first?.chapter ?? previousHome
            previousHome = home
            notes.append(ResolvedNote(label: label, definition: definitions[label], references: refs,
                                      editorialExplanations: explanations[label] ?? [], homeChapter: home))
        }
        return (NoteIndex(notes: notes), diagnostics)
    }

    /// Markers must follow the printed numbering: each new note is the next number. A marker
    /// that skips numbers, a note first cited after a higher one, and a marker that repeats an
    /// earlier number where the next (defined but never cited) note was expected are reported.
    private func sequenceDiagnostics(_ occurrences: [Occurrence], definitions: [NoteLabel: NoteDefinition],
                                     references: [NoteLabel: [NoteReference]]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var highest = 0
        var seen: Set<Int> = []
        var explainedGap = false
        for occurrence in occurrences {
            guard let number = occurrence.label.number else { continue }
            func report(_ message: String, note: Int) {
                diagnostics.append(Diagnostic(file: occurrence.file.path, line: occurrence.at.line, column: occurrence.column,
                                              severity: .warning, code: .noteOutOfSequence, message: message,
                                              note: String(note)))
            }
            if seen.contains(number) {
                let expected = NoteLabel(rawValue: String(highest + 1))
                if definitions[expected] != nil, references[expected] == nil {
                    report("marker \(number) repeats an earlier number where note \(highest + 1) was expected", note: number)
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
                        report("marker \(number) follows marker \(highest): note \(first) is skipped", note: first)
                    } else {
                        report("marker \(number) follows marker \(highest): notes \(first)–\(last) are skipped", note: first)
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
