// Stage: the register of sources. Reads every note into citations, joins "Ibid.", "see note N"
// and short forms ("Kovats and Hajat (2008), p. 45", "Pollan, *Omnivore's Dilemma*, 99") to
// the nearest earlier full reference they abbreviate, and groups citations into distinct
// sources, each with the notes that cite it. The notes are read on all cores (each on its
// own), then joined in one pass in reading order; each short form looks at
// a bounded number of earlier references with the same family name, so the work is linear in
// the number of notes.

import SitegenMarkdown

/// A distinct source and the notes that cite it.
public struct Source: Hashable, Sendable {
    /// Element id on the Sources page.
    public var id: String
    /// The fullest citation of the source.
    public var citation: Citation
    /// Notes that cite it, in order.
    public var notes: [NoteLabel]
    /// Notes that cite it in a short form ("Ibid.", "see note N", author and year).
    public var shortFormNotes: [NoteLabel]
}

/// All sources of the notes.
public struct SourceRegister: Sendable {
    public var sources: [Source]
    public var parsedNotes: [NoteLabel: ParsedNote]
    /// Source ids cited by each note.
    public var sourcesByNote: [NoteLabel: [String]]
    /// Steps taken to join short forms (for the test that the build stays linear).
    public var joinSteps = 0
    /// Steps taken to turn the groups into sources (for the same test).
    public var groupingSteps = 0

    /// Notes whose text yielded no citation (commentary, missing texts).
    public var unparsedNotes: [NoteLabel] {
        parsedNotes.values.filter { !$0.isParsed }.map(\.label).sorted()
    }

    /// How many earlier references with the same family name a short form looks at.
    static let lookBack = 12

    /// Reads the notes of `index`; `outlets` are the names of news outlets the content knows.
    public static func build(_ index: NoteIndex, outlets: [String]) -> SourceRegister {
        let reader = CitationReader(outlets: outlets)
        var parsed: [NoteLabel: ParsedNote] = [:]
        var groups: [[(NoteLabel, Citation, Bool)]] = []
        var groupByKey: [String: Int] = [:]
        var groupsByNote: [Int: [Int]] = [:]
        var fullByFamily: [String: [Int]] = [:]
        var lastGroup: Int? = nil
        var steps = 0

        // Reading a note depends on that note alone: all notes are read on every core first,
        // then joined and grouped in one pass, in order.
        let readings = index.notes.parallelMap { note in
            reader.read((note.definition?.blocks ?? []).flatMap(\.inlineRuns).map(\.citationText).joined(separator: " "),
                        label: note.label)
        }
        for (note, result) in zip(index.notes, readings) {
            var kept: [Citation] = []
            var noteGroups: [Int] = []
            func add(_ group: Int, _ citation: Citation, short: Bool) {
                groups[group].append((note.label, citation, short))
                if !noteGroups.contains(group) { noteGroups.append(group) }
                lastGroup = group
                kept.append(citation)
            }
            for citation in result.citations {
                steps += 1
                switch citation.reference {
                case .ibid:
                    if let last = lastGroup { add(last, citation, short: true) }
                case .note(let number):
                    for group in groupsByNote[number] ?? [] { steps += 1; add(group, citation, short: true) }
                case .shortForm:
                    let family = SourceKeys.fold(citation.creators.first?.family ?? "")
                    var target: Int? = nil
                    for group in (fullByFamily[family] ?? []).reversed().prefix(lookBack) {
                        steps += 1
                        if Self.abbreviates(citation, groups[group][0].1) { target = group; break }
                    }
                    if let target {
                        add(target, citation, short: true)
                    } else {
                        // An author and year read with confidence stand on their own.
                        var own = citation
                        own.reference = .none
                        guard own.year != nil || own.title != nil else { continue }
                        let group = Self.group(for: own, groups: &groups, groupByKey: &groupByKey)
                        add(group, own, short: false)
                    }
                case .none:
                    let group = Self.group(for: citation, groups: &groups, groupByKey: &groupByKey)
                    add(group, citation, short: false)
                    if let family = citation.creators.first.map({ SourceKeys.fold($0.family) }), !family.isEmpty,
                       fullByFamily[family]?.last != group {
                        fullByFamily[family, default: []].append(group)
                    }
                }
            }
            if let number = Int(note.number) { groupsByNote[number] = noteGroups }
            parsed[note.label] = ParsedNote(label: note.label, citations: kept, linkGone: result.linkGone)
        }

        var sources: [Source] = []
        var byNote: [NoteLabel: [String]] = [:]
        var usedIDs: Set<String> = []
        var nextSuffix: [String: Int] = [:]
        var groupingSteps = 0
        for members in groups where !members.isEmpty {
            // One pass per group for each of: the fullest citation, the notes that cite it in
            // full, the notes and short-form notes in order (sets, not searches of the lists).
            let fullnesses = members.map { fullness($0.1) }
            var bestIndex: Int? = nil
            for (index, member) in members.enumerated() where !member.2 {
                if bestIndex == nil || fullnesses[bestIndex!] < fullnesses[index] { bestIndex = index }
            }
            if bestIndex == nil {
                bestIndex = 0
                for index in members.indices where fullnesses[bestIndex!] < fullnesses[index] { bestIndex = index }
            }
            let best = members[bestIndex!].1
            let bestFullness = fullnesses[bestIndex!]
            groupingSteps += 2 * members.count
            let base = "source-" + Slugger.slug(String(best.key.prefix(60)))
            var id = base
            var n = nextSuffix[base] ?? 2
            while usedIDs.contains(id) { id = base + "-\(n)"; n += 1; groupingSteps += 1 }
            nextSuffix[base] = n
            usedIDs.insert(id)
            var citedInFull: Set<NoteLabel> = []
            for (index, member) in members.enumerated() where !member.2 && fullnesses[index] >= bestFullness {
                citedInFull.insert(member.0)
            }
            var notes: [NoteLabel] = []
            var short: [NoteLabel] = []
            var seenNotes: Set<NoteLabel> = []
            var seenShort: Set<NoteLabel> = []
            for (index, (label, citation, isShort)) in members.enumerated() {
                groupingSteps += 1
                if seenNotes.insert(label).inserted { notes.append(label) }
                let abbreviated = isShort || (fullnesses[index] < bestFullness && citation.url == nil && citation.outlet == nil)
                if abbreviated, !citedInFull.contains(label), seenShort.insert(label).inserted {
                    short.append(label)
                }
                if !(byNote[label]?.contains(id) ?? false) { byNote[label, default: []].append(id) }
            }
            sources.append(Source(id: id, citation: best, notes: notes, shortFormNotes: short))
        }
        var register = SourceRegister(sources: sources, parsedNotes: parsed, sourcesByNote: byNote, joinSteps: steps)
        register.groupingSteps = groupingSteps
        return register
    }

    /// The group of a full reference: an earlier one of the same source, or a new group.
    static func group(for citation: Citation, groups: inout [[(NoteLabel, Citation, Bool)]], groupByKey: inout [String: Int]) -> Int {
        let key = citation.key
        if let existing = groupByKey[key] { return existing }
        groups.append([])
        groupByKey[key] = groups.count - 1
        return groups.count - 1
    }

    /// Whether `short` abbreviates `full`: the same first family name, the same year when both
    /// have one, and one title the start of the other when both have one.
    static func abbreviates(_ short: Citation, _ full: Citation) -> Bool {
        guard SourceKeys.fold(short.creators.first?.family ?? "") == SourceKeys.fold(full.creators.first?.family ?? "") else { return false }
        if let a = short.year, let b = full.year, a != b { return false }
        if let a = short.title, let b = full.title {
            let x = SourceKeys.titleWords(a, count: 3), y = SourceKeys.titleWords(b, count: 3)
            let fa = SourceKeys.fold(withoutArticle(a)), fb = SourceKeys.fold(withoutArticle(b))
            return fb.hasPrefix(fa) || fa.hasPrefix(fb) || (!x.isEmpty && x == y)
        }
        return true
    }

    /// A title without its leading article ("The Omnivore's Dilemma" → "Omnivore's Dilemma").
    static func withoutArticle(_ title: String) -> String {
        for article in ["The ", "A ", "An ", "Le ", "La ", "Les ", "L'", "Der ", "Die ", "Das ", "El ", "Los ", "Las ", "Il ", "Lo ", "Gli ", "I "]
        where title.hasPrefix(article) {
            return String(title.dropFirst(article.count))
        }
        return title
    }

    /// How much a citation says: an address, an outlet, given names, a longer title.
    static func fullness(_ c: Citation) -> Int {
        (c.url != nil ? 4 : 0) + (c.outlet != nil ? 2 : 0) + (c.creators.contains { $0.given != nil || $0.isCorporate } ? 2 : 0)
            + min(c.title.map(titleWordCount) ?? 0, 12) / 4 + (c.isShortForm ? 0 : 1)
    }

    /// The words of a title split at spaces (as `split(separator: " ")` counts them); ASCII
    /// titles on bytes.
    static func titleWordCount(_ title: String) -> Int {
        guard title.utf8.allSatisfy({ $0 < 0x80 }) else { return title.split(separator: " ").count }
        return title.utf8.split(separator: UInt8(ascii: " ")).count
    }
}

extension Array where Element == Inline {
    /// Text for the citation reader: emphasis kept as `*…*`, links as their text.
    public var citationText: String {
        map(\.citationText).joined()
    }
}

extension Inline {
    /// Text for the citation reader: emphasis kept as `*…*`, links as their text.
    public var citationText: String {
        switch self {
        case .emphasis(let c): return "*" + c.citationText + "*"
        case .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c): return c.citationText
        default: return plainText
        }
    }
}
