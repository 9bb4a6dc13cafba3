// Reads the citations of an endnote. A note is split at the semicolons between citations;
// each citation loses its address and "accessed …" phrase (kept apart), then is read from the
// names that open it: a year in parentheses after the names (APA, Harvard, author-year notes),
// a year after the names and a full stop (Chicago author-date), or a title after the names with
// the year later (Chicago notes, MLA, Vancouver). What fits no shape with confidence is not a
// citation: precision first, a wrong author or year is worse than none. Ibid., "see note N" and
// short forms are marked here and joined to their full reference by `SourceRegister`.
// The reader works on UTF-8 bytes, without regular expressions.

import SitegenMarkdown

/// Recognises citations in note texts.
public struct CitationReader: Sendable {
    /// News outlets the site knows (organisation profiles of a media type).
    public var outlets: OutletSet

    /// A reader that knows `outlets` (names, aliases and abbreviations of news outlets).
    public init(outlets: [String] = []) {
        self.outlets = OutletSet(outlets)
    }

    /// The citations of a note's text (emphasis written as `*…*`).
    public func read(_ text: String, label: NoteLabel) -> ParsedNote {
        let bytes = Array(text.utf8)
        let citations = Self.segments(bytes).compactMap { citation(Array(bytes[$0])) }
        return ParsedNote(label: label, citations: citations, linkGone: Self.saysLinkGone(bytes))
    }

    /// The citations of `text`.
    public func citations(in text: String) -> [Citation] {
        let bytes = Array(text.utf8)
        return Self.segments(bytes).compactMap { citation(Array(bytes[$0])) }
    }

    /// Phrases saying a note's address is gone (ASCII case folded).
    static let linkGonePhrases = CitePhrases([
        "no longer available", "now erased", "link unavailable", "not re-posted",
        "no link available", "has not been shared online", "link is dead",
        "page not found", "no longer online", "since deleted", "since removed",
        "has been deleted", "has been removed", "plus disponible", "nicht mehr verfügbar",
        "non più disponibile", "ya no está disponible"], fold: true)

    static func saysLinkGone(_ b: [UInt8]) -> Bool {
        linkGonePhrases.occurs(in: b)
    }

    /// Splits a note at the semicolons between citations: not inside parentheses, brackets,
    /// italics or double quotes, and not before a number ("WHO; 2019", "2019;12(3)").
    static func segments(_ b: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var depth = 0
        var italic = false
        var quoted = false
        var start = 0
        var i = 0
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"): depth = max(0, depth - 1)
            case UInt8(ascii: "*"): italic.toggle()
            case UInt8(ascii: "\""): quoted.toggle()
            case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x9C: quoted = true
            case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x9D: quoted = false
            case UInt8(ascii: ".") where depth == 0 && !italic && !quoted && (CiteBytes.has(b, i, ". See ") || CiteBytes.has(b, i, ". See also ")):
                // "… pp. 621-32. See Andrew Selth (2010), …": a second citation after commentary.
                if i > start { result.append(start..<(i + 1)) }
                start = i + 2
            case UInt8(ascii: ";") where depth == 0 && !italic && !quoted:
                var j = i + 1
                while j < b.count, CiteBytes.isSpace(b[j]) { j += 1 }
                if j < b.count, CiteBytes.isDigit(b[j]) { break }
                // "&amp;" and similar entities never reach here (text is unescaped).
                if i > start { result.append(start..<i) }
                start = i + 1
            default: break
            }
            i += 1
        }
        if start < b.count { result.append(start..<b.count) }
        return result.compactMap { range in
            var s = range.lowerBound, e = range.upperBound
            while s < e, CiteBytes.isSpace(b[s]) { s += 1 }
            while e > s, CiteBytes.isSpace(b[e - 1]) { e -= 1 }
            return s < e ? s..<e : nil
        }
    }

    /// The citation of one segment, or nil.
    func citation(_ raw: [UInt8]) -> Citation? {
        let text = CiteBytes.string(raw, 0, raw.count)
        let parts = CiteParts(raw)
        let b = parts.core
        var lead = Self.skipLeadIns(b, 0)

        // Ibid., Idem, Ebd.
        if let after = Self.ibid(b, lead) {
            var c = Citation(kind: .academic, text: text)
            c.reference = .ibid
            _ = after
            return c
        }
        if var c = readNamed(b, parts: parts, text: text) {
            c.url = parts.url
            c.accessed = parts.accessed
            classify(&c, parts: parts)
            return c
        }
        lead = Self.skipLeadIns(b, 0)
        if let c = readInterview(b, from: lead, parts: parts, text: text) { return c }
        if let c = readSocial(b, parts: parts, text: text) { return c }
        if let c = readLegal(b, from: lead, parts: parts, text: text) { return c }
        if let c = readUnsigned(b, from: lead, parts: parts, text: text) { return c }
        if let n = Self.seeNote(b) {
            var c = Citation(kind: .academic, text: text)
            c.reference = .note(n)
            return c
        }
        return nil
    }

    /// Lead-ins before a citation: "See also", "Cf.", "Vgl.", "Quoted in".
    static func skipLeadIns(_ b: [UInt8], _ i: Int) -> Int {
        var j = i
        while let lead = leadIns.first(b, at: j) { j += lead.utf8CodeUnitCount }
        return j
    }

    /// Lead-ins, the first that fits winning.
    static let leadIns = CitePhrases([
        "See also ", "see also ", "See, e.g., ", "See, for example, ", "See for instance ",
        "See for example ", "See, for instance, ", "see for instance ", "On this point see ",
        "See ", "see ",
        "Cf. ", "cf. ", "Compare ", "E.g., ", "e.g. ", "For example, ", "For instance, ",
        "Quoted in ", "quoted in ", "Cited in ", "cited in ", "As cited in ", "Also ",
        "Siehe auch ", "Siehe ", "Vgl. ", "vgl. ", "Voir aussi ", "Voir ", "voir ",
        "Cité dans ", "Cfr. ", "cfr. ", "Vedi ", "Véase también ", "Véase ", "Ver ",
        "Citado en ", "Citato in ", "Zitiert nach ", "Source: ", "Sources: ", "Source : ",
        "Quelle: ", "Fuente: ", "Fonte: "])

    static func ibid(_ b: [UInt8], _ i: Int) -> Int? {
        let marks: [StaticString] = ["Ibid", "ibid", "Ibídem", "Ibidem", "ibidem", "Idem", "idem", "Id.", "Ebd.", "ebd.",
                                     "Ebenda", "ebenda", "Ivi", "ivi", "Ib.", "Ibíd", "ibíd"]
        for mark in marks where CiteBytes.has(b, i, mark) {
            let end = i + mark.utf8CodeUnitCount
            if CiteBytes.wordEnd(b, end) || b[end - 1] == UInt8(ascii: ".") { return end }
        }
        return nil
    }

    /// The words before a note number in a reference to another note.
    static let noteMarks = CitePhrases(["note ", "n. ", "endnote ", "footnote ", "Anm. ", "nota ", "Note ", "Nota "])

    /// "see note 20", "supra note 20", "note 20 above", "voir note 20", "vgl. Anm. 20", "vedi nota 20".
    static func seeNote(_ b: [UInt8]) -> Int? {
        let marks = noteMarks.phrases
        var i = 0
        while i < b.count {
            if !noteMarks.mayStart(b[i]) { i += 1; continue }
            for mark in marks where CiteBytes.has(b, i, mark) && CiteBytes.wordStart(b, i) {
                var j = i + mark.utf8CodeUnitCount
                var value = 0
                var digits = 0
                while j < b.count, CiteBytes.isDigit(b[j]), digits < 5 { value = value * 10 + Int(b[j] - 48); j += 1; digits += 1 }
                guard digits > 0, CiteBytes.wordEnd(b, j) else { continue }
                // A reference, not a sentence about a note: see/cf./supra before, or "above"/"supra" after.
                let before = CiteBytes.string(b, max(0, i - 12), i).lowercased()
                let after = CiteBytes.string(b, j, min(b.count, j + 8)).lowercased()
                if before.hasSuffix("see") || before.hasSuffix("cf.") || before.hasSuffix("supra") || before.hasSuffix("in")
                    || before.hasSuffix("voir") || before.hasSuffix("vgl.") || before.hasSuffix("siehe") || before.hasSuffix("vedi")
                    || before.hasSuffix("véase") || before.hasSuffix("above,") || before.isEmpty
                    || after.hasPrefix("above") || after.hasPrefix("supra") || after.hasPrefix("ci-dessus") || after.hasPrefix("oben") {
                    return value
                }
            }
            i += 1
        }
        return nil
    }
}
