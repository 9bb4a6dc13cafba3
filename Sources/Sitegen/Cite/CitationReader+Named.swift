// Citations that open with their authors: where the names may start (the start, after a
// lead-in or a sentence of commentary, before a year in parentheses), and what must follow
// the names for the reading to count: a year, or a title and then a year.

extension CitationReader {
    /// Places where a citation's names may start, in text order.
    func nameStarts(_ b: [UInt8]) -> [Int] {
        var starts: [Int] = [Self.skipLeadIns(b, 0)]
        var i = 0
        while i < b.count, starts.count < 24 {
            let c = b[i]
            // After a sentence, a colon or "see": "… survey. Selth (2021)", "…: Andrew Selth (2002)".
            if (c == UInt8(ascii: ".") || c == UInt8(ascii: ":")) && i + 2 < b.count && b[i + 1] == CiteBytes.space {
                let s = Self.skipLeadIns(b, i + 2)
                if CiteBytes.isUpper(b, s) || CiteBytes.isLower(b, s) { starts.append(s) }
            }
            if c == CiteBytes.space, CiteBytes.has(b, i + 1, "see ") || CiteBytes.has(b, i + 1, "in ") {
                let s = Self.skipLeadIns(b, i + 1 + (CiteBytes.has(b, i + 1, "in ") ? 3 : 0))
                if CiteBytes.isUpper(b, s) { starts.append(s) }
            }
            // Before "(2019": walk back over the words of a name list.
            if c == UInt8(ascii: "("), i + 5 <= b.count, CiteBytes.yearAt(b, i + 1) || CiteBytes.has(b, i + 1, "n.d.") {
                var s = i
                var words = 0
                while s > 0, words < 12 {
                    var w = s - 1
                    while w >= 0, b[w] == CiteBytes.space || b[w] == UInt8(ascii: ",") || b[w] == UInt8(ascii: "&") { w -= 1 }
                    guard w >= 0 else { break }
                    var ws = w
                    while ws > 0, !CiteBytes.isSpace(b[ws - 1]), b[ws - 1] != UInt8(ascii: "("), b[ws - 1] != UInt8(ascii: ":"), b[ws - 1] != UInt8(ascii: ";") { ws -= 1 }
                    let reader = NameReader(b: b)
                    guard let word = reader.word(at: ws), word.e >= w - 1 || b[w] == UInt8(ascii: ".") else { break }
                    if word.kind == .lower, !CiteVocabulary.bodyConnectors.contains(Array(b[word.s..<word.e])) { break }
                    // A word ending a sentence ("Parliament.") is not part of the names.
                    if b[w] == UInt8(ascii: "."), word.kind == .capital, w - ws > 3, words > 0 { break }
                    s = ws
                    words += 1
                    if word.kind != .lower && word.kind != .particle { starts.append(ws) }
                }
            }
            i += 1
        }
        var seen = Set<Int>()
        return starts.filter { $0 < b.count && seen.insert($0).inserted }.sorted()
    }

    /// The citation read from names at one of the starts, or nil.
    func readNamed(_ b: [UInt8], parts: CiteParts, text: String) -> Citation? {
        let reader = NameReader(b: b)
        let starts = nameStarts(b)
        let lead = Self.skipLeadIns(b, 0)
        for start in starts where start >= lead {
            let primary = start == lead
            // A name found inside a sentence may be the end of a longer name ("Santé publique
            // France", "Ortega y Gasset"): only after a lead-in word, a sentence or a colon.
            if !primary, !Self.canStartNames(b, start) { continue }
            guard let names = reader.read(at: start, outlets: outlets) else { continue }
            if let c = afterNames(b, names: names, reader: reader, text: text, primary: primary) { return c }
        }
        return nil
    }

    /// What follows the names: the year and the title, or nil when nothing fits.
    func afterNames(_ b: [UInt8], names: NameList, reader: NameReader, text: String, primary: Bool = true) -> Citation? {
        var i = names.end
        // "World Health Organization [WHO]" / "(WHO)" after a body's name.
        if names.creators.first?.isCorporate == true, i + 2 < b.count, b[i] == CiteBytes.space,
           b[i + 1] == UInt8(ascii: "[") || (b[i + 1] == UInt8(ascii: "(") && CiteBytes.isASCIIUpper(b[i + 2])),
           let close = b[(i + 1)...].firstIndex(where: { $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: ")") }), close - i < 16 {
            i = close + 1
        }
        // "Rio (pseudonym) (2021)".
        for mark: StaticString in [" (pseudonym)", " (pseud.)", " (pseudonyme)", " (Pseudonym)"] where CiteBytes.has(b, i, mark) {
            i += mark.utf8CodeUnitCount
        }
        var c = Citation(kind: .academic, creators: names.creators, text: text)
        c.etAl = names.etAl
        c.creatorsAreEditors = names.editors
        if names.creators.first?.isCorporate == true, let outlet = outlets.named(names.creators[0].family) {
            c.outlet = outlet
        }
        var titleFrom: Int? = nil
        var yearEnd = i

        // Shape A: "Names (2019)", "Names. (2019, May 3)", "Names (n.d.)".
        var p = i
        if p < b.count, b[p] == UInt8(ascii: ".") { p += 1 }
        if p < b.count, b[p] == UInt8(ascii: ",") { p += 1 }
        if p < b.count, b[p] == CiteBytes.space { p += 1 }
        if p < b.count, b[p] == UInt8(ascii: "(") {
            guard let (year, close) = Self.parenthesisedYear(b, p) else { return nil }
            c.year = year
            if let date = CiteDates.first(b, from: p, to: close), date.day != nil { c.date = CiteBytes.string(b, date.s, date.e) }
            yearEnd = close + 1
            titleFrom = yearEnd
        } else if primary, p < b.count, CiteBytes.yearAt(b, p), p + 4 == b.count || [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";")].contains(b[p + 4]) || CiteBytes.isASCIILower(b[p + 4]) {
            // Shape A': "Smith, John. 2019. Title" (Chicago author-date), "Smith, J. 2019,".
            guard p > i else { return nil }
            var e = p + 4
            if e < b.count, CiteBytes.isASCIILower(b[e]) { e += 1 }
            c.year = CiteBytes.string(b, p, e)
            yearEnd = e
            titleFrom = e
        }
        if let from = titleFrom {
            // Title after the year.
            var t = from
            while t < b.count, b[t] == UInt8(ascii: ".") || b[t] == UInt8(ascii: ",") || b[t] == UInt8(ascii: ":") || b[t] == CiteBytes.space { t += 1 }
            let givenless = c.creators.allSatisfy { $0.given == nil && !$0.isCorporate }
            var titleEnd = t
            if !Self.onlyPages(b, from: t), let (title, end) = Self.title(b, at: t, plain: true) {
                // A title printed without quotes after a family name alone is trusted only up to
                // a page reference ("Ostrom (1990), Governing the Commons, p. 25"), not into commentary.
                let quotedOrItalic = reader.startsTitle(t)
                if quotedOrItalic || !givenless || Self.onlyPages(b, from: end) {
                    c.title = title
                    titleEnd = end
                }
            }
            readRest(b, from: titleEnd, into: &c)
            if givenless && (c.title == nil || Self.onlyPages(b, from: titleEnd)) {
                c.reference = .shortForm
            }
            _ = yearEnd
            return c
        }

        // Shape B: a title after the names, the year later.
        var t = i
        var plainAllowed = false
        if t < b.count, b[t] == UInt8(ascii: ".") {
            // "Morrison, Toni. *Beloved*", "Kovats RS, Hajat S. Heat stress…", "World Bank. Title."
            t += 1
            plainAllowed = primary && (names.inverted || names.creators.first?.isCorporate == true)
        } else if t > 0, b[t - 1] == UInt8(ascii: "."), t < b.count, b[t] == CiteBytes.space, names.inverted {
            // The names ended with "et al." or an initial: "Robine JM, et al. Death toll…" —
            // a plain title only after "et al.", otherwise quoted or italic.
            plainAllowed = primary && names.etAl
        } else if t + 1 < b.count, b[t] == UInt8(ascii: ":"), b[t + 1] == CiteBytes.space, names.inverted, primary,
                  !reader.startsTitle(t + 2) {
            // German: "Kühn, David: Zivil-militärische Beziehungen, in: …".
            plainAllowed = true
            t += 1
        } else if t + 1 < b.count, b[t] == UInt8(ascii: ",") || b[t] == UInt8(ascii: ":"), b[t + 1] == CiteBytes.space {
            // "Michael Pollan, *The Omnivore's Dilemma*", "Smith, op. cit., p. 4", "Smith, p. 4".
            if let after = Self.opCit(b, t + 2) {
                c.reference = .shortForm
                _ = after
                return c.creators.contains(where: { $0.isCorporate }) ? nil : c
            }
            t += 1
        } else {
            return nil
        }
        while t < b.count, b[t] == CiteBytes.space { t += 1 }
        guard t < b.count else { return nil }
        guard reader.startsTitle(t) || plainAllowed, let (title, end) = Self.title(b, at: t, plain: plainAllowed) else { return nil }
        c.title = title
        readRest(b, from: end, into: &c)
        if c.year == nil {
            // Chicago short form: "Pollan, *Omnivore's Dilemma*, 99."
            if c.creators.allSatisfy({ $0.given == nil && !$0.isCorporate }), Self.onlyPages(b, from: end) {
                c.reference = .shortForm
                return c
            }
            // A title and names but no date anywhere: a web page or a report without a date.
            if c.url == nil && !Self.hasPublisherOrContainer(b, from: end) { return nil }
        }
        return c
    }

    /// Whether names may start at `start` inside a citation: after a sentence, a colon, a
    /// semicolon or a lead-in word ("by", "see", "in"), not after a lowercase word of a name.
    static func canStartNames(_ b: [UInt8], _ start: Int) -> Bool {
        var j = start - 1
        while j >= 0, b[j] == CiteBytes.space { j -= 1 }
        guard j >= 0 else { return true }
        let c = b[j]
        if c == UInt8(ascii: ".") || c == UInt8(ascii: ":") || c == UInt8(ascii: ";") || c == UInt8(ascii: ",") || c == UInt8(ascii: "(") { return true }
        guard CiteBytes.isASCIILower(c) || CiteBytes.isASCIIUpper(c) else { return false }
        var s = j
        while s > 0, CiteBytes.isLetter(b, s - 1) { s -= 1 }
        let word = String(decoding: b[s...j], as: UTF8.self).lowercased()
        return ["by", "see", "in", "also", "and", "from", "with", "to", "as", "following", "after", "according",
                "cf", "per", "of", "on", "instance", "example", "e.g", "notably", "especially"].contains(word) && !(word == "of" && s > 0 && CiteBytes.isUpper(b, max(0, s - 2)))
    }

    /// "(2019)", "(2019a)", "(2019, March 3)", "(1979/2005)", "(n.d.)": the year and the index of ")".
    static func parenthesisedYear(_ b: [UInt8], _ p: Int) -> (String?, Int)? {
        guard let close = b[p...].prefix(40).firstIndex(of: UInt8(ascii: ")")) else { return nil }
        let q = p + 1
        if CiteBytes.has(b, q, "n.d.") || CiteBytes.has(b, q, "s.d.") || CiteBytes.has(b, q, "o.J.") || CiteBytes.has(b, q, "s.f.")
            || CiteBytes.has(b, q, "n.d)") || CiteBytes.has(b, q, "sans date") {
            return (nil, close)
        }
        guard CiteBytes.yearAt(b, q) else { return nil }
        var e = q + 4
        if e < close, CiteBytes.isASCIILower(b[e]), e + 1 == close || !CiteBytes.isLetter(b, e + 1) { e += 1 }
        // After the year: ")", ", date", "/2005", "a".
        guard e == close || b[e] == UInt8(ascii: ",") || b[e] == UInt8(ascii: "/") || b[e] == UInt8(ascii: "-") || b[e] == UInt8(ascii: "–")
                || b[e] == 0xE2 || b[e] == CiteBytes.space else { return nil }
        return (String(decoding: b[q..<e], as: UTF8.self), close)
    }

    /// "op. cit.", "loc. cit.", "art. cit.", "ouvr. cité", "p. 4", "pp. 4–5", "S. 12".
    static func opCit(_ b: [UInt8], _ i: Int) -> Int? {
        let marks: [StaticString] = ["op. cit.", "op.cit.", "op cit", "loc. cit.", "art. cit.", "ouvr. cité", "cit.", "a.a.O."]
        for mark in marks where CiteBytes.has(b, i, mark, fold: true) { return i + mark.utf8CodeUnitCount }
        if onlyPages(b, from: i) { return b.count }
        return nil
    }

    /// Whether the text from `i` holds only page numbers ("p. 4", ", pp. 12-14.", "at 45").
    static func onlyPages(_ b: [UInt8], from i: Int) -> Bool {
        var j = i
        while j < b.count, b[j] == CiteBytes.space || b[j] == UInt8(ascii: ",") || b[j] == UInt8(ascii: ".") { j += 1 }
        if j == b.count { return true }
        let marks: [StaticString] = ["pp.", "p.", "S.", "pág.", "págs.", "at ", "ch.", "chap.", "para."]
        guard marks.contains(where: { CiteBytes.has(b, j, $0) }) || CiteBytes.isDigit(b[j]) else { return false }
        var k = j
        while k < b.count {
            let c = b[k]
            if CiteBytes.isLetter(b, k), !(c == UInt8(ascii: "p") || c == UInt8(ascii: "S") || c == UInt8(ascii: "f") || c == UInt8(ascii: "n")) {
                // Words other than page marks: more than pages.
                var w = k
                while w < b.count, CiteBytes.isLetter(b, w) { w += 1 }
                if w - k > 4 { return false }
                k = w
                continue
            }
            k += 1
        }
        return b.count - j < 40
    }

    /// A title at `t`: in quotes, in italics, or (when `plain`) the words up to the end of the sentence.
    static func title(_ b: [UInt8], at t: Int, plain: Bool) -> (String, Int)? {
        guard t < b.count else { return nil }
        let c = b[t]
        // Italics.
        if c == CiteBytes.star {
            guard let close = b[(t + 1)...].firstIndex(of: CiteBytes.star), close > t + 1 else { return nil }
            return (clean(b, t + 1, close), close + 1)
        }
        // Quotes.
        if let (closeLength, isClose) = quote(b, t) {
            var j = t + closeLength
            while j < b.count {
                if let length = isClose(b, j) {
                    let next = j + length
                    // A closing quote ends the title before punctuation, a space and a non-letter, or the end.
                    if next >= b.count || [UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ")"), UInt8(ascii: ":"), UInt8(ascii: "?"), UInt8(ascii: "!")].contains(b[next])
                        || (b[next] == CiteBytes.space && !(next + 1 < b.count && CiteBytes.isLower(b, next + 1) && b[j] == UInt8(ascii: "'"))) {
                        // An apostrophe inside a word ("Europe's") is not a closing quote.
                        if b[j] == UInt8(ascii: "'") || (b[j] == 0xE2 && b[j + 2] == 0x99), CiteBytes.isLetter(b, j - 1), next < b.count, CiteBytes.isLetter(b, next) {
                            j += length; continue
                        }
                        return (clean(b, t + closeLength, j), next)
                    }
                }
                j += 1
            }
            return nil
        }
        guard plain, CiteBytes.isUpper(b, t) || CiteBytes.isDigit(b[t]) || CiteBytes.isLower(b, t) else { return nil }
        // Plain: to ". ", "? ", "! " (not after an initial or abbreviation), or ", p." / ", pp.".
        var j = t
        while j < b.count {
            let ch = b[j]
            if ch == UInt8(ascii: "?") || ch == UInt8(ascii: "!") {
                if j + 1 >= b.count || b[j + 1] == CiteBytes.space { return (clean(b, t, j + 1), j + 1) }
            }
            if ch == UInt8(ascii: "."), j + 1 >= b.count || b[j + 1] == CiteBytes.space || b[j + 1] == CiteBytes.star {
                var ws = j
                while ws > t, CiteBytes.isLetter(b, ws - 1) { ws -= 1 }
                let short = j - ws <= 1 || (j - ws <= 3 && ["Vol", "No", "vol", "no", "St", "Dr", "Mr", "Ms", "Jr", "eds", "ed", "pp", "Co"].contains(String(decoding: b[ws..<j], as: UTF8.self)))
                if !short { return (clean(b, t, j), j + 1) }
            }
            if ch == UInt8(ascii: ","), CiteBytes.has(b, j, ", p.") || CiteBytes.has(b, j, ", pp.") || CiteBytes.has(b, j, ", S. ")
                || CiteBytes.has(b, j, ", in: ") || CiteBytes.has(b, j, ", in ") || CiteBytes.has(b, j, ", en: ") {
                return (clean(b, t, j), j)
            }
            if ch == UInt8(ascii: "["), j > t { return (clean(b, t, j), j) }
            j += 1
        }
        return j - t > 2 ? (clean(b, t, j), j) : nil
    }

    /// An opening quote at `t`: its length and a test for its closing quote.
    static func quote(_ b: [UInt8], _ t: Int) -> (Int, ([UInt8], Int) -> Int?)? {
        let c = b[t]
        if c == UInt8(ascii: "\"") { return (1, { b, j in b[j] == UInt8(ascii: "\"") ? 1 : (CiteBytes.has(b, j, "”") ? 3 : nil) }) }
        if c == UInt8(ascii: "'") { return (1, { b, j in b[j] == UInt8(ascii: "'") ? 1 : (CiteBytes.has(b, j, "’") ? 3 : nil) }) }
        if CiteBytes.has(b, t, "“") || CiteBytes.has(b, t, "„") { return (3, { b, j in CiteBytes.has(b, j, "”") || CiteBytes.has(b, j, "“") ? 3 : (b[j] == UInt8(ascii: "\"") ? 1 : nil) }) }
        if CiteBytes.has(b, t, "‘") { return (3, { b, j in CiteBytes.has(b, j, "’") ? 3 : (b[j] == UInt8(ascii: "'") ? 1 : nil) }) }
        if CiteBytes.has(b, t, "«") {
            return (2, { b, j in CiteBytes.has(b, j, "»") ? 2 : nil })
        }
        return nil
    }

    /// A title's text: italics marks dropped, spaces and end punctuation trimmed.
    static func clean(_ b: [UInt8], _ s: Int, _ e: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(e - s)
        for k in s..<e where b[k] != CiteBytes.star { bytes.append(b[k]) }
        var text = CiteBytes.string(bytes, 0, bytes.count)
        while let last = text.last, last == "," || last == "." || last == ":" || last == " " || last == "\u{00A0}" { text.removeLast() }
        if text.hasPrefix("« ") { text.removeFirst(2) }
        if text.hasSuffix(" »") { text.removeLast(2) }
        return text
    }

    /// Whether the text after a title names a publisher, a place or a container.
    static func hasPublisherOrContainer(_ b: [UInt8], from i: Int) -> Bool {
        var j = i
        while j < b.count {
            if b[j] == CiteBytes.star || b[j] == UInt8(ascii: ":") || CiteBytes.isUpper(b, j) { return true }
            j += 1
        }
        return false
    }

    /// Reads what follows the title: the container (journal, outlet), a date, the year if not known.
    func readRest(_ b: [UInt8], from i: Int, into c: inout Citation) {
        var j = i
        // The first italic span after the title is the journal, outlet or book.
        var k = j
        while k < b.count, k - i < 160 {
            if b[k] == CiteBytes.star, let close = b[(k + 1)...].firstIndex(of: CiteBytes.star), close > k + 1 {
                let container = Self.clean(b, k + 1, close)
                if container.count > 1, CiteBytes.isUpper(b, k + 1) || CiteBytes.isLower(b, k + 1) {
                    if !container.allSatisfy({ $0.isNumber }) && c.outlet == nil { c.outlet = outlets.named(container) ?? container }
                }
                break
            }
            k += 1
        }
        if c.outlet == nil, let named = plainOutlet(b, from: i) { c.outlet = named }
        // A date with a day ("28 August", "March 15, 2021").
        if c.date == nil, let date = CiteDates.first(b, from: j) {
            if date.day != nil { c.date = CiteBytes.string(b, date.s, date.e) }
            if c.year == nil, let y = date.year { c.year = String(y) }
        }
        if c.year == nil {
            while j < b.count {
                // A year not inside another title in quotes, not a page range or a number.
                if CiteBytes.yearAt(b, j), j == 0 || !CiteBytes.isLetter(b, j - 1) {
                    let next = j + 4 < b.count ? b[j + 4] : UInt8(ascii: ".")
                    let previous = j > 0 ? b[j - 1] : CiteBytes.space
                    let isRange = next == UInt8(ascii: "-") && previous != UInt8(ascii: "(") && previous != CiteBytes.space
                    if !isRange && (previous != UInt8(ascii: "-") && previous != 0x93) {
                        c.year = String(decoding: b[j..<(j + 4)], as: UTF8.self)
                        if j + 4 < b.count, CiteBytes.isASCIILower(b[j + 4]), j + 5 >= b.count || !CiteBytes.isLetter(b, j + 5) {
                            c.year! += String(UnicodeScalar(b[j + 4]))
                        }
                        break
                    }
                }
                j += 1
            }
        }
    }

    /// A known outlet named without italics after the title ("…', Reuters, 5 May").
    func plainOutlet(_ b: [UInt8], from i: Int) -> String? {
        guard !outlets.isEmpty else { return nil }
        var j = i
        while j < b.count, j - i < 12 {
            if CiteBytes.wordStart(b, j), let (name, _) = outlets.match(b, at: j) { return name }
            j += 1
        }
        return nil
    }
}
