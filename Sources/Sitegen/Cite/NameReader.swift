// Reads the names that open a reference: people with given names or initials before or after
// the family name ("R. S. Kovats", "Kovats, R. S.", "Kovats RS"), family names with particles
// ("van der Berg", "de la Cruz", "al-Rashid"), bodies ("WHO Regional Office for Europe" is one
// author), "et al.", editors' marks ("(eds.)", "Hrsg.", "a cura di"). It reads bytes; a name list
// that does not end where a reference continues (a year, a title) is not a name list.

/// Names read at the start of a reference.
struct NameList {
    var creators: [Creator]
    /// Index just past the names (and any editors' mark, handle or "et al.").
    var end: Int
    var editors = false
    var etAl = false
    /// The first name was printed family name first ("Kovats, R. S.", "Kovats RS").
    var inverted = false
}

/// A word of a name.
struct NameWord {
    enum Kind { case initial, capital, acronym, particle, lower, other }
    var s: Int
    var e: Int
    var kind: Kind
}

struct NameReader {
    let b: [UInt8]

    /// The word at `i` (no leading space): its end and kind.
    func word(at i: Int) -> NameWord? {
        guard i < b.count else { return nil }
        var j = i
        var letters = 0
        var uppers = 0
        var lowers = 0
        var dots = 0
        while j < b.count {
            let c = b[j]
            if c < 0x80 {
                if CiteBytes.isASCIIUpper(c) { uppers += 1; letters += 1; j += 1; continue }
                if CiteBytes.isASCIILower(c) { lowers += 1; letters += 1; j += 1; continue }
                if c == UInt8(ascii: "'") || c == UInt8(ascii: "-") {
                    if j + 1 < b.count, CiteBytes.isLetter(b, j + 1), letters > 0 { j += 1; continue }
                    if c == UInt8(ascii: "'"), letters > 0, letters <= 2 { j += 1; continue } // d'
                    break
                }
                if c == UInt8(ascii: ".") {
                    // A dot inside initials ("R.S.", "J.-P.") or ending a short abbreviation ("J.", "Ch.").
                    if j + 1 < b.count, CiteBytes.isASCIIUpper(b[j + 1]) || b[j + 1] == UInt8(ascii: "-") {
                        dots += 1; j += 1; continue
                    }
                    if letters - dots <= 2 && letters > 0 && (lowers <= 1) { dots += 1; j += 1 }
                    else if dots > 0 { dots += 1; j += 1 }
                    break
                }
                break
            }
            // ’ (U+2019) inside a name: O’Brien.
            if c == 0xE2, j + 2 < b.count, b[j + 1] == 0x80, b[j + 2] == 0x99, letters > 0, CiteBytes.isLetter(b, j + 3) {
                j += 3; continue
            }
            let (scalar, length) = CiteBytes.scalar(b, j)
            guard scalar.properties.isAlphabetic else { break }
            letters += 1
            if scalar.properties.isUppercase { uppers += 1 } else { lowers += 1 }
            j += length
        }
        guard j > i, letters > 0 else { return nil }
        let firstUpper = CiteBytes.isUpper(b, i)
        let kind: NameWord.Kind
        if dots > 0 && lowers <= 1 && letters - lowers <= 3 && firstUpper {
            kind = .initial
        } else if firstUpper && lowers == 0 && uppers >= 2 {
            kind = .acronym
        } else if firstUpper {
            kind = .capital
        } else if CiteVocabulary.particles.contains(Array(b[i..<j])) {
            kind = .particle
        } else if let hyphen = b[i..<j].firstIndex(of: UInt8(ascii: "-")) ?? b[i..<j].firstIndex(of: UInt8(ascii: "'")),
                  CiteVocabulary.particles.contains(Array(b[i..<hyphen])) || CiteVocabulary.particles.contains(Array(b[i...hyphen])),
                  CiteBytes.isUpper(b, hyphen + 1) {
            kind = .capital // al-Rashid, d'Alembert, dell'Acqua
        } else {
            kind = .lower
        }
        return NameWord(s: i, e: j, kind: kind)
    }

    func isBodyWord(_ w: NameWord) -> Bool {
        if let hyphen = b[w.s..<w.e].lastIndex(of: UInt8(ascii: "-")), hyphen > w.s,
           CiteVocabulary.bodyWords.contains(Array(b[(hyphen + 1)..<w.e])) { return true }
        var e = w.e
        if e > w.s, b[e - 1] == UInt8(ascii: ".") , !CiteVocabulary.bodyWords.contains(Array(b[w.s..<e])) { e -= 1 }
        return CiteVocabulary.bodyWords.contains(Array(b[w.s..<e]))
    }

    /// Whether a word of `b[s..<e]` is a body's word.
    func hasBodyWord(_ s: Int, _ e: Int) -> Bool {
        var j = s
        while j < e, let w = word(at: j) {
            if isBodyWord(w) { return true }
            j = w.e + 1
        }
        return false
    }

    func isLeadWord(_ w: NameWord) -> Bool {
        CiteVocabulary.leadWords.contains(Array(b[w.s..<w.e]))
    }

    func isMonthOrDay(_ w: NameWord) -> Bool {
        var e = w.e
        if b[e - 1] == UInt8(ascii: ".") { e -= 1 }
        let lower = b[w.s..<e].map { CiteBytes.isASCIIUpper($0) ? $0 + 32 : $0 }
        return CiteVocabulary.months[lower] != nil
    }

    /// Words from `i` separated by single spaces, while `accept` holds.
    func words(from i: Int, max: Int, _ accept: (NameWord) -> Bool) -> [NameWord] {
        var result: [NameWord] = []
        var j = i
        while result.count < max, let w = word(at: j), accept(w) {
            result.append(w)
            guard w.e < b.count, b[w.e] == CiteBytes.space else { break }
            j = w.e + 1
        }
        return result
    }

    /// Vancouver initials at `i`: one to three ASCII capitals without dots; the index after them.
    func bareInitials(at i: Int) -> Int? {
        var j = i
        while j < b.count, CiteBytes.isASCIIUpper(b[j]), j - i < 4 { j += 1 }
        guard j > i, j - i <= 3, CiteBytes.wordEnd(b, j), j >= b.count || b[j] != UInt8(ascii: "'") else { return nil }
        return j
    }

    /// A person's name in natural order ending before `limit`: given names or initials, then
    /// particles and the family name. Returns the creator and the index after it.
    func naturalName(at i: Int) -> (Creator, Int)? {
        let ws = words(from: i, max: 7) { $0.kind == .capital || $0.kind == .initial || $0.kind == .particle }
        guard ws.count >= 2, ws[0].kind != .particle else { return nil }
        // The family name is the last capitalised word, with the particles before it.
        var last = ws.count - 1
        while last > 0, ws[last].kind != .capital { last -= 1 }
        guard last >= 1, ws[last].kind == .capital else { return nil }
        // Initials after the family name are a Vancouver name, not this.
        var familyStart = last
        while familyStart > 1, ws[familyStart - 1].kind == .particle { familyStart -= 1 }
        guard familyStart >= 1 else { return nil }
        // Particles after the last capital word would be a following title ("Smith de") — stop at the family name.
        let given = CiteBytes.string(b, ws[0].s, ws[familyStart - 1].e)
        let family = CiteBytes.string(b, ws[familyStart].s, ws[last].e)
        if ws[..<familyStart].contains(where: { $0.kind == .particle }) { return nil }
        if ws[...last].contains(where: { isLeadWord($0) || isBodyWord($0) }) { return nil }
        // "R. De Felice", "Martin Van Buren": a capitalised particle before the family name.
        if familyStart >= 2, CiteVocabulary.particles.contains(Array(b[ws[familyStart - 1].s..<ws[familyStart - 1].e]).map { CiteBytes.isASCIIUpper($0) ? $0 + 32 : $0 }) {
            familyStart -= 1
            let given = CiteBytes.string(b, ws[0].s, ws[familyStart - 1].e)
            return (Creator(family: trimDot(CiteBytes.string(b, ws[familyStart].s, ws[last].e)), given: given), ws[last].e)
        }
        return (Creator(family: trimDot(family), given: given), ws[last].e)
    }

    func trimDot(_ s: String) -> String {
        s.hasSuffix(".") && !s.hasSuffix("Jr.") && !s.hasSuffix("Sr.") ? String(s.dropLast()) : s
    }

    /// A family name: particles and one or two capitalised words ("van der Berg", "García Márquez").
    func familyName(at i: Int, maxCapitals: Int) -> (String, Int, Int)? {
        let ws = words(from: i, max: 6) { w in
            (w.kind == .capital && !(w.e - w.s == 1)) || w.kind == .particle
        }
        var n = 0
        var capitals = 0
        while n < ws.count {
            if ws[n].kind == .capital { capitals += 1; if capitals > maxCapitals { break } }
            n += 1
        }
        // End on a capital word.
        while n > 0, ws[n - 1].kind != .capital { n -= 1 }
        guard n > 0 else { return nil }
        if ws[0].kind == .particle, ws[0].s > 0 {} // leading particles are fine ("van Dijk", "de Gaulle")
        return (CiteBytes.string(b, ws[0].s, ws[n - 1].e), ws[n - 1].e, capitals)
    }

    /// Given names or initials after "Family, ": up to four words.
    func givenNames(at i: Int) -> (String, Int, Bool)? {
        let ws = words(from: i, max: 4) { $0.kind == .initial || $0.kind == .capital || ($0.kind == .acronym && $0.e - $0.s <= 3) }
        guard !ws.isEmpty else { return nil }
        let initials = ws.allSatisfy { $0.kind == .initial || $0.kind == .acronym || $0.e - $0.s <= 2 }
        return (CiteBytes.string(b, ws[0].s, ws.last!.e), ws.last!.e, initials)
    }

    /// Whether a body's name starts at `i`: its words up to the end of the name, or nil.
    func bodyName(at i: Int) -> (String, Int)? {
        var j = i
        var count = 0
        var signals = 0
        var capitals = 0
        var lastGood = i
        var hadConnector = false
        scan: while let w = word(at: j), count < 14 {
            var e = w.e
            switch w.kind {
            case .acronym:
                signals += 1; capitals += 1
            case .capital, .initial:
                if isBodyWord(w) { signals += 1 }
                capitals += 1
            case .particle, .lower:
                let text = Array(b[w.s..<w.e])
                guard CiteVocabulary.bodyConnectors.contains(text) else { break scan }
                if text == Array("and".utf8) || text == Array("y".utf8) || text == Array("e".utf8)
                    || text == Array("und".utf8) || text == Array("et".utf8) {
                    // "World Bank and IMF": two bodies, unless the name has a connector already
                    // ("Ministry of Health and Social Affairs").
                    if !hadConnector { break scan }
                } else {
                    hadConnector = true
                }
                count += 1
                guard w.e < b.count, b[w.e] == CiteBytes.space else { break scan }
                j = w.e + 1
                continue
            case .other:
                break scan
            }
            // "U.S." ends in a dot that is part of it; "Europe." ends the name.
            if b[e - 1] == UInt8(ascii: "."), w.kind != .acronym, w.kind != .initial { e -= 1 }
            count += 1
            lastGood = e
            guard e < b.count, b[e] == CiteBytes.space, w.e == e else { break }
            // "&" inside a body's name ("Ernst & Young") when the name is a body already.
            if e + 2 < b.count, b[e + 1] == UInt8(ascii: "&"), b[e + 2] == CiteBytes.space, signals > 0, hadConnector {
                j = e + 3; continue
            }
            j = e + 1
        }
        if CiteBytes.has(b, i, "The "), lastGood > i + 4 { signals += 1 }
        guard signals > 0, lastGood > i else { return nil }
        // "Save the Children – Kenya": a dash and one more capitalised word.
        if CiteBytes.has(b, lastGood, " – ") || CiteBytes.has(b, lastGood, " - "), let w = word(at: lastGood + (b[lastGood + 1] == UInt8(ascii: "-") ? 3 : 5)), w.kind == .capital || w.kind == .acronym {
            var e = w.e
            if b[e - 1] == UInt8(ascii: ".") { e -= 1 }
            return (CiteBytes.string(b, i, e), e)
        }
        return (CiteBytes.string(b, i, lastGood), lastGood)
    }

    /// Reads the list of names at `i`; `outlets` are known bodies matched first.
    func read(at start: Int, outlets: OutletSet) -> NameList? {
        var i = start
        guard let first = word(at: i), first.kind != .lower, first.kind != .particle || word(at: first.e + 1) != nil else { return nil }
        var list = NameList(creators: [], end: i)
        var style = 0 // 1 inverted, 2 vancouver, 3 natural, 4 family only, 5 body
        while list.creators.count < 40 {
            guard let (creator, next, shape) = one(at: i, style: style, isFirst: list.creators.isEmpty, outlets: outlets) else {
                return list.creators.isEmpty ? nil : list.withEnd(i)
            }
            if list.creators.isEmpty { style = shape; list.inverted = shape == 1 || shape == 2 }
            list.creators.append(creator)
            i = next
            // Handles after a name: "[@handle]", "(@handle)".
            if let after = skipHandle(i) { i = after }
            // "et al."
            if let after = etAl(i) { list.etAl = true; i = after; if let r = role(i) { list.editors = true; i = r }; break }
            if let r = role(i) {
                list.editors = true; i = r
                if let after = separator(i, style: style) { i = after; continue }
                break
            }
            guard let after = separator(i, style: style) else { break }
            i = after
        }
        list.end = i
        return list
    }

    /// One name at `i`: the creator, the index after it, and its shape.
    func one(at i: Int, style: Int, isFirst: Bool, outlets: OutletSet) -> (Creator, Int, Int)? {
        guard let w = word(at: i) else { return nil }
        if isFirst, let (name, end) = outlets.match(b, at: i) {
            return (Creator(family: name, isCorporate: true), end, 5)
        }
        if isFirst && (isLeadWord(w) || isMonthOrDay(w)) {
            // "The World Bank" is a body; "See Smith", "In March" are not names.
            guard CiteBytes.has(b, w.s, "The "), let (name, end) = bodyName(at: i) else { return nil }
            return (Creator(family: name, isCorporate: true), end, 5)
        }
        // French small capitals: "BOURDIEU Pierre, …".
        if isFirst, w.kind == .acronym, w.e - w.s >= 4, w.e < b.count, b[w.e] == CiteBytes.space,
           let (given, givenEnd, _) = givenNames(at: w.e + 1), givenEnd < b.count, b[givenEnd] == UInt8(ascii: ",") {
            return (Creator(family: CiteBytes.string(b, w.s, w.e), given: given), givenEnd, 1)
        }
        // Vancouver: "Kovats RS", "van der Berg A".
        if style == 0 || style == 2, let (family, end, _) = familyName(at: i, maxCapitals: 2), !hasBodyWord(i, end),
           end < b.count, b[end] == CiteBytes.space, let initialsEnd = bareInitials(at: end + 1),
           initialsEnd >= b.count || [UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"), CiteBytes.space].contains(b[initialsEnd]),
           !(initialsEnd < b.count && b[initialsEnd] == UInt8(ascii: ".") && naturalName(at: i).map { $0.1 > initialsEnd + 1 && $0.1 < b.count && b[$0.1] == UInt8(ascii: ",") } == true) {
            return (Creator(family: family, given: CiteBytes.string(b, end + 1, initialsEnd)), initialsEnd, 2)
        }
        if style == 0 || style == 5, let (name, end) = bodyName(at: i), end > w.e || isBodyWord(w) || w.kind == .acronym {
            // A person's name never contains a body's word; "Bank, J." is rare enough to ignore.
            return (Creator(family: name, isCorporate: true), end, 5)
        }
        guard w.kind == .capital || w.kind == .particle || w.kind == .initial else { return nil }

        // Family name first: "Kovats, R. S." / "García Márquez, G." / "Smith, John".
        if style == 0 || style == 1, let (family, end, capitals) = familyName(at: i, maxCapitals: 3),
           end + 1 < b.count, b[end] == UInt8(ascii: ","), b[end + 1] == CiteBytes.space,
           let (given, givenEnd, initials) = givenNames(at: end + 2) {
            let next = givenEnd < b.count ? b[givenEnd] : UInt8(ascii: ".")
            let endsName = next == UInt8(ascii: ",") || next == UInt8(ascii: ".") || next == CiteBytes.space
                || next == UInt8(ascii: ";") || next == UInt8(ascii: ":")
            // "John Smith, Jane Doe, …" is a list in natural order, not "Smith" with given "Jane Doe".
            let plausible = capitals == 1 || initials || followedByTitle(givenEnd)
            if endsName && plausible && !startsTitle(end + 2) {
                var given = given
                if given.hasSuffix(",") { given.removeLast() }
                return (Creator(family: family, given: given), givenEnd, 1)
            }
        }
        // Natural order: "R. S. Kovats", "Anna Maria Lind", "Ludwig van Beethoven".
        if style == 0 || style == 3 || style == 1, let (creator, end) = naturalName(at: i) {
            return (creator, end, 3)
        }
        // A family name alone: "Kovats and Hajat (2008)", "Selth (2021)".
        if let (family, end, _) = familyName(at: i, maxCapitals: 1), style == 0 || style == 4 || style == 1 || style == 2 {
            return (Creator(family: trimDot(family)), end, 4)
        }
        return nil
    }

    /// Whether a quoted or italic title starts at `i`.
    func startsTitle(_ i: Int) -> Bool {
        guard i < b.count else { return false }
        let c = b[i]
        if c == UInt8(ascii: "*") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { return true }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x9C || b[i + 2] == 0x98 { return true }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xAB { return true }
        return false
    }

    /// Whether ", " and a title follow at `i`.
    func followedByTitle(_ i: Int) -> Bool {
        i + 2 < b.count && b[i] == UInt8(ascii: ",") && b[i + 1] == CiteBytes.space && startsTitle(i + 2)
    }

    func skipHandle(_ i: Int) -> Int? {
        var j = i
        if j < b.count, b[j] == CiteBytes.space { j += 1 }
        guard j + 1 < b.count, b[j] == UInt8(ascii: "[") || b[j] == UInt8(ascii: "("), b[j + 1] == UInt8(ascii: "@") else { return nil }
        let close = b[j] == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: ")")
        guard let end = b[j...].firstIndex(of: close), end - j < 60 else { return nil }
        return end + 1
    }

    /// "et al." (and its translations) at `i`.
    func etAl(_ i: Int) -> Int? {
        var j = i
        if j < b.count, b[j] == UInt8(ascii: ",") { j += 1 }
        guard j < b.count, b[j] == CiteBytes.space else { return nil }
        j += 1
        for marker: StaticString in ["et al.", "et al", "u. a.", "u.a.", "e altri", "et alii", "y otros", "y cols.", "e al.", "and others", "& al."] {
            if CiteBytes.has(b, j, marker), CiteBytes.wordEnd(b, j + marker.utf8CodeUnitCount) || b[j + marker.utf8CodeUnitCount - 1] == UInt8(ascii: ".") {
                return j + marker.utf8CodeUnitCount
            }
        }
        return nil
    }

    /// An editors' mark at `i`: " (eds.)", ", eds.", " (Hrsg.)", " (a cura di)" …
    func role(_ i: Int) -> Int? {
        var j = i
        if j < b.count, b[j] == UInt8(ascii: ",") { j += 1 }
        guard j < b.count, b[j] == CiteBytes.space else { return nil }
        j += 1
        let markers: [StaticString] = ["(eds.)", "(eds)", "(ed.)", "(ed)", "(Eds.)", "(Ed.)", "(Hrsg.)", "(Hg.)", "(hg.)",
                                       "(dir.)", "(dirs.)", "(éd.)", "(éds.)", "(a cura di)", "(coord.)", "(coords.)",
                                       "(comp.)", "(comps.)", "(ed. lit.)", "(Hrsg)", "eds.", "ed.", "Hrsg.", "Hg.",
                                       "(editor)", "(editors)", "editors", "editor"]
        for marker in markers where CiteBytes.has(b, j, marker) {
            let end = j + marker.utf8CodeUnitCount
            if b[end - 1] == UInt8(ascii: ")") || b[end - 1] == UInt8(ascii: ".") || CiteBytes.wordEnd(b, end) { return end }
        }
        return nil
    }

    /// A separator between two names at `i`, and the index of the next name.
    func separator(_ i: Int, style: Int) -> Int? {
        let joins: [StaticString] = [", and ", ", & ", " and ", " & ", ", und ", " und ", " et ", " y ", " e ", ", y ", ", e ",
                                     " og ", " en ", " und ", " i ", " och "]
        for join in joins where CiteBytes.has(b, i, join) {
            let next = i + join.utf8CodeUnitCount
            if let w = word(at: next), w.kind != .lower, w.kind != .acronym || style == 5 { return next }
            return nil
        }
        // A comma between names: the next word must start a name, not a title or a place of
        // publication; for a name list in natural order the comma is followed by another full name.
        if CiteBytes.has(b, i, ", ") {
            let next = i + 2
            guard let w = word(at: next), w.kind == .capital || w.kind == .initial || w.kind == .particle || (w.kind == .acronym && style == 5) else { return nil }
            if isLeadWord(w) || isMonthOrDay(w) { return nil }
            switch style {
            case 1, 2: return next
            case 3: return naturalName(at: next) != nil ? next : nil
            case 5: return bodyName(at: next) != nil ? next : nil
            default:
                // Family names alone ("Smith, Jones and Lee (2019)"): only within a run that ends in a join.
                return nil
            }
        }
        return nil
    }
}

extension NameList {
    func withEnd(_ end: Int) -> NameList {
        var copy = self
        copy.end = end
        return copy
    }
}
