// Takes apart what every style adds around a reference: the address ("Available at: URL",
// "Retrieved from URL", a DOI) and the date it was consulted ("(accessed 21 October 2021)",
// "[cited 2021 Jun 1]", "consulté le 3 mars 2020"). The rest, the core, is what names,
// years and titles are read from, so that a year in an address or an access date is never
// taken for the year of publication.

/// A citation's address and access date, and its text without them.
struct CiteParts {
    var core: [UInt8]
    var url: String?
    var accessed: String?
    /// All addresses of the segment (the first is `url`).
    var urls: [String] = []

    init(_ b: [UInt8]) {
        var keep = [Bool](repeating: true, count: b.count)
        var i = 0
        while i < b.count {
            // Addresses.
            if let end = CiteParts.urlEnd(b, i) {
                let url = String(decoding: b[i..<end], as: UTF8.self)
                urls.append(url.hasPrefix("www.") ? "https://" + url : url)
                var s = i
                // "<https://…>" and a "doi:" label go with the address.
                if s > 0, b[s - 1] == UInt8(ascii: "<") { s -= 1 }
                for k in s..<end { keep[k] = false }
                var e = end
                if e < b.count, b[e] == UInt8(ascii: ">") { keep[e] = false; e += 1 }
                i = e
                continue
            }
            // Phrases that announce an address.
            if let end = CiteParts.announcement(b, i) {
                for k in i..<end { keep[k] = false }
                i = end
                continue
            }
            // Access dates.
            if let (s, e, date) = CiteParts.accessDate(b, i) {
                if accessed == nil { accessed = date }
                for k in s..<e { keep[k] = false }
                i = e
                continue
            }
            i += 1
        }
        url = urls.first
        var core: [UInt8] = []
        core.reserveCapacity(b.count)
        for k in 0..<b.count where keep[k] {
            // Collapse the spaces left behind.
            if b[k] == CiteBytes.space, let last = core.last, last == CiteBytes.space { continue }
            core.append(b[k])
        }
        // Punctuation left dangling: " ." → ".", " ," → ",", trailing " ".
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(core.count)
        for k in 0..<core.count {
            let c = core[k]
            if c == CiteBytes.space, k + 1 < core.count, core[k + 1] == UInt8(ascii: ".") || core[k + 1] == UInt8(ascii: ",") { continue }
            if (c == UInt8(ascii: ",") || c == UInt8(ascii: ".")), let last = cleaned.last, last == UInt8(ascii: ",") || (last == UInt8(ascii: ".") && c == UInt8(ascii: ",")) {
                cleaned[cleaned.count - 1] = c
                continue
            }
            cleaned.append(c)
        }
        while let last = cleaned.last, CiteBytes.isSpace(last) || last == UInt8(ascii: ",") || last == UInt8(ascii: ":") { cleaned.removeLast() }
        self.core = cleaned
    }

    /// End of an address starting at `i` (http://, https://, www., doi.org), trailing punctuation excluded.
    static func urlEnd(_ b: [UInt8], _ i: Int) -> Int? {
        guard CiteBytes.has(b, i, "http://") || CiteBytes.has(b, i, "https://")
            || (CiteBytes.has(b, i, "www.") && CiteBytes.wordStart(b, i)) else { return nil }
        var e = i
        var depth = 0
        while e < b.count, !CiteBytes.isSpace(b[e]), b[e] != UInt8(ascii: "<"), b[e] != UInt8(ascii: ">") {
            if b[e] == UInt8(ascii: "(") { depth += 1 }
            if b[e] == UInt8(ascii: ")") { if depth == 0 { break }; depth -= 1 }
            e += 1
        }
        while e > i, [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "*")].contains(b[e - 1]) { e -= 1 }
        return e > i + 8 ? e : nil
    }

    /// Phrases that announce an address, the first that fits winning.
    static let announcements = CitePhrases([
        "Available at:", "available at:", "Available from:", "available from:",
        "Available at", "available at", "Previously available at:", "Retrieved from",
        "retrieved from", "Disponible sur :", "Disponible sur:", "Disponible en:",
        "Disponible en :", "Disponible en", "Verfügbar unter:", "verfügbar unter:",
        "Online verfügbar unter:", "Disponibile su:", "Disponibile all'indirizzo:", "URL:",
        "[online]", "[Online]", "[Internet]", "[internet]", "Online:", "En ligne :",
        "En línea:", "doi:", "DOI:", "from https", "from http"])

    /// "Available at:", "Retrieved from", "[online]", "[Internet]", "doi:", "URL:", and their translations.
    static func announcement(_ b: [UInt8], _ i: Int) -> Int? {
        guard let phrase = announcements.first(b, at: i), CiteBytes.wordStart(b, i) else { return nil }
        var end = i + phrase.utf8CodeUnitCount
        if CiteBytes.has(b, i, "from http") { end = i + 5 }
        // "doi:10.1000/xyz" — the identifier goes too.
        if CiteBytes.has(b, i, "doi:", fold: true) {
            while end < b.count, b[end] == CiteBytes.space { end += 1 }
            while end < b.count, !CiteBytes.isSpace(b[end]) { end += 1 }
            while end > i, b[end - 1] == UInt8(ascii: ".") { end -= 1 }
        }
        return end
    }

    /// Words that open an access date, the first that fits winning.
    static let accessKeywords = CitePhrases([
        "accessed on", "Accessed on", "accessed", "Accessed", "assessed on", "assessed",
        "last accessed", "Last accessed", "retrieved on", "Retrieved on", "retrieved",
        "Retrieved", "viewed on", "Viewed on", "viewed", "Viewed", "consulted on",
        "consulted", "consulté le", "Consulté le", "consulté", "abgerufen am",
        "Abgerufen am", "zuletzt abgerufen am", "Zugriff am", "Zugriff:", "consultato il",
        "Consultato il", "consultato", "consultado el", "Consultado el", "consultado",
        "cited", "visited on", "visited"])

    /// An access date at `i`: its range (with the parentheses or brackets around it) and the date as printed.
    static func accessDate(_ b: [UInt8], _ i: Int) -> (Int, Int, String)? {
        var s = i
        var close: UInt8? = nil
        var k = i
        if b[i] == UInt8(ascii: "(") || b[i] == UInt8(ascii: "[") {
            close = b[i] == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
            k = i + 1
        }
        guard let keyword = accessKeywords.first(b, at: k), CiteBytes.wordStart(b, k) else { return nil }
        var j = k + keyword.utf8CodeUnitCount
        while j < b.count, b[j] == CiteBytes.space || b[j] == UInt8(ascii: ":") { j += 1 }
        let dateStart = j
        // The date runs to the closing bracket, or to ", from", ". " or the end.
        var e = j
        while e < b.count, e - j < 48 {
            let c = b[e]
            if let close, c == close { break }
            if close == nil, c == UInt8(ascii: "."), e + 1 >= b.count || b[e + 1] == CiteBytes.space { break }
            if close == nil, c == UInt8(ascii: ","), CiteBytes.has(b, e, ", from") { break }
            if c == UInt8(ascii: "h"), CiteBytes.has(b, e, "http") { break }
            e += 1
        }
        let date = CiteBytes.string(b, dateStart, e)
        guard CiteDates.parse(Array(date.utf8)) != nil else { return nil }
        if close != nil, e < b.count { e += 1 }
        // A comma or "and" before the phrase goes with it.
        if close == nil, s >= 2, b[s - 2] == UInt8(ascii: ","), b[s - 1] == CiteBytes.space { s -= 2 }
        return (s, e, date.hasSuffix(",") ? String(date.dropLast()) : date)
    }
}
