// Stage: the register of sources. Parses every note into citations, links short forms
// ("Selth (2021), 'Myanmar's military mindset', p. 14") to the full reference they abbreviate,
// and groups citations into distinct sources, each with the notes that cite it.

import SitegenMarkdown

/// A distinct source and the notes that cite it.
public struct Source: Hashable, Sendable {
    /// Element id on the Sources page.
    public var id: String
    /// The fullest citation of the source.
    public var citation: Citation
    /// Notes that cite it, in order.
    public var notes: [NoteLabel]
    /// Notes that cite it in a short form.
    public var shortFormNotes: [NoteLabel]
}

/// All sources of the notes.
public struct SourceRegister: Sendable {
    public var sources: [Source]
    public var parsedNotes: [NoteLabel: ParsedNote]
    /// Source ids cited by each note.
    public var sourcesByNote: [NoteLabel: [String]]

    /// Notes whose text yielded no citation (commentary, missing texts).
    public var unparsedNotes: [NoteLabel] {
        parsedNotes.values.filter { !$0.isParsed }.map(\.label).sorted()
    }

    /// Parses the notes of `index`.
    public static func build(_ index: NoteIndex, outlets: [String]) -> SourceRegister {
        let parser = CitationParser(outlets: outlets)
        var parsed: [NoteLabel: ParsedNote] = [:]
        var all: [(NoteLabel, Citation)] = []
        for note in index.notes {
            let text = (note.definition?.blocks ?? []).flatMap(\.inlineRuns).map(\.citationText).joined(separator: " ")
            let result = parser.parse(text, label: note.label)
            parsed[note.label] = result
            all += result.citations.map { (note.label, $0) }
        }

        // Full references: citations that carry more than author, year and a short title.
        func normalized(_ title: String?) -> String {
            var words = (title ?? "").lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " }.split(separator: " ")
            if words.first == "interview" { words.removeFirst() }
            return words.joined(separator: " ")
        }
        // The fullest citation names the source on the Sources page: an address, an outlet or
        // journal, an author with given names, a longer title.
        func fullness(_ c: Citation) -> Int {
            (c.url != nil ? 4 : 0) + (c.outlet != nil ? 2 : 0) + ((c.author ?? "").contains(" ") ? 2 : 0)
                + min(c.title?.split(separator: " ").count ?? 0, 12) / 4
        }
        var groups: [String: [(NoteLabel, Citation)]] = [:]
        var order: [String] = []
        for (label, citation) in all {
            var key = citation.key
            if citation.kind == .academic || citation.kind == .news {
                let surname = Citation.surname(citation.author ?? "").lowercased()
                let title = normalized(citation.title)
                // Attach to an existing group of the same author and year whose title extends this one (or the reverse).
                if let existing = order.first(where: { k in
                    guard let first = groups[k]?.first?.1, first.kind == citation.kind || first.kind == .news || citation.kind == .news,
                          Citation.surname(first.author ?? "").lowercased() == surname, first.year == citation.year else { return false }
                    let other = normalized(first.title)
                    guard !title.isEmpty, !other.isEmpty else { return false }
                    // Same author and year: the same work when one title extends the other or
                    // both open with the same two words (a short title printed without quotes).
                    return other.hasPrefix(title) || title.hasPrefix(other)
                        || other.split(separator: " ").prefix(2) == title.split(separator: " ").prefix(2)
                }) {
                    key = existing
                }
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append((label, citation))
        }

        var sources: [Source] = []
        var byNote: [NoteLabel: [String]] = [:]
        var usedIDs: Set<String> = []
        for key in order {
            let members = groups[key]!
            let best = members.max { fullness($0.1) < fullness($1.1) }!.1
            var id = "source-" + Slugger.slug(String(key.prefix(60)))
            var n = 2
            while usedIDs.contains(id) { id = "source-" + Slugger.slug(String(key.prefix(60))) + "-\(n)"; n += 1 }
            usedIDs.insert(id)
            var notes: [NoteLabel] = []
            var short: [NoteLabel] = []
            for (label, citation) in members {
                if !notes.contains(label) { notes.append(label) }
                if fullness(citation) < fullness(best), citation.url == nil, citation.outlet == nil, !short.contains(label) {
                    short.append(label)
                }
                if !(byNote[label]?.contains(id) ?? false) { byNote[label, default: []].append(id) }
            }
            sources.append(Source(id: id, citation: best, notes: notes, shortFormNotes: short))
        }
        return SourceRegister(sources: sources, parsedNotes: parsed, sourcesByNote: byNote)
    }
}
