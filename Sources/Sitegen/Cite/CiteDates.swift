// Dates as citations print them, in five languages: "21 October 2021", "October 21, 2021",
// "2021 Jun 1" (Vancouver), "2021-06-01", "3 mars 2020", "12. März 2021", "5 de mayo de 2020",
// "28 August" (no year). Read on bytes; a month name counts only next to a day or a year.

/// Finds and reads dates.
enum CiteDates {
    /// A date found in a text.
    struct Found {
        var s: Int
        var e: Int
        var year: Int?
        var month: Int
        var day: Int?
    }

    /// The month named by the word `b[s..<e]` (any case, with or without a final dot).
    static func month(_ b: [UInt8], _ s: Int, _ e: Int) -> Int? {
        var e = e
        if e > s, b[e - 1] == UInt8(ascii: ".") { e -= 1 }
        guard e - s >= 3, e - s <= 10 else { return nil }
        var lower: [UInt8] = []
        lower.reserveCapacity(e - s)
        var k = s
        while k < e {
            let c = b[k]
            if c < 0x80 {
                lower.append(CiteBytes.isASCIIUpper(c) ? c + 32 : c)
                k += 1
            } else {
                // Uppercase Latin-1 letters (É, Ä) are two bytes C3 80–9E; lowercase adds 0x20.
                if c == 0xC3, k + 1 < e, b[k + 1] >= 0x80, b[k + 1] <= 0x9E { lower.append(c); lower.append(b[k + 1] + 0x20) }
                else { lower.append(c); if k + 1 < e { lower.append(b[k + 1]) } }
                k += 2
            }
        }
        return CiteVocabulary.months[lower]
    }

    /// A number of one or two digits (a day) ending at `e` or starting at `s`.
    static func number(_ b: [UInt8], from s: Int) -> (Int, Int)? {
        var j = s
        var value = 0
        while j < b.count, CiteBytes.isDigit(b[j]), j - s < 4 { value = value * 10 + Int(b[j] - 48); j += 1 }
        guard j > s, j == b.count || !CiteBytes.isDigit(b[j]) else { return nil }
        return (value, j)
    }

    static func year(_ b: [UInt8], at i: Int) -> Int? {
        guard CiteBytes.yearAt(b, i) else { return nil }
        return Int(b[i] - 48) * 1000 + Int(b[i + 1] - 48) * 100 + Int(b[i + 2] - 48) * 10 + Int(b[i + 3] - 48)
    }

    /// The first date in `b[from..<to]` that has a month (with a day or a year), or an ISO date.
    static func first(_ b: [UInt8], from: Int = 0, to: Int? = nil) -> Found? {
        let end = min(to ?? b.count, b.count)
        var i = from
        while i < end {
            // ISO: 2021-06-01.
            if CiteBytes.yearAt(b, i), i + 10 <= b.count, b[i + 4] == UInt8(ascii: "-"), b[i + 7] == UInt8(ascii: "-"),
               let (m, me) = number(b, from: i + 5), me == i + 7, let (d, de) = number(b, from: i + 8), de == i + 10,
               (1...12).contains(m), (1...31).contains(d) {
                return Found(s: i, e: i + 10, year: year(b, at: i), month: m, day: d)
            }
            guard CiteBytes.isLetter(b, i), CiteBytes.wordStart(b, i) else { i += 1; continue }
            var we = i
            while we < end, CiteBytes.isLetter(b, we) || (b[we] >= 0x80) { we += b[we] < 0x80 ? 1 : (b[we] >= 0xE0 ? 3 : 2) }
            if we < b.count, b[we] == UInt8(ascii: ".") { we += 1 }
            guard let m = month(b, i, we) else { i = we; continue }
            var s = i, e = we
            var day: Int? = nil
            var yr: Int? = nil
            // Before: "21 October", "21. Oktober", "5 de mayo", "1er mars", "2021 Jun 1".
            var k = i - 1
            if k >= 0, b[k] == CiteBytes.space {
                var q = k
                if q >= 3, CiteBytes.has(b, q - 3, " de") { q -= 3 }
                if q >= 1, b[q - 1] == UInt8(ascii: ".") { q -= 1 }
                if q >= 2, CiteBytes.has(b, q - 2, "er") { q -= 2 }
                var ds = q
                while ds > 0, CiteBytes.isDigit(b[ds - 1]), q - ds < 4 { ds -= 1 }
                if ds < q, ds == 0 || !CiteBytes.isDigit(b[ds - 1]) {
                    if let (value, _) = number(b, from: ds) {
                        if q - ds <= 2, (1...31).contains(value) { day = value; s = ds }
                        else if q - ds == 4, let y = year(b, at: ds) { yr = y; s = ds }
                    }
                }
                k = s
            }
            // After: "October 21, 2021", "October 2021", "mayo de 2020", "2021 Jun 1".
            var j = we
            if j < b.count, b[j] == CiteBytes.space {
                j += 1
                if CiteBytes.has(b, j, "de ") { j += 3 }
                if let (value, ne) = number(b, from: j) {
                    if ne - j <= 2, (1...31).contains(value), day == nil {
                        day = value; e = ne
                        var n = ne
                        if n < b.count, b[n] == UInt8(ascii: ",") { n += 1 }
                        if n < b.count, b[n] == CiteBytes.space { n += 1 }
                        if yr == nil, let y = year(b, at: n) { yr = y; e = n + 4 }
                    } else if ne - j == 4, let y = year(b, at: j), yr == nil {
                        yr = y; e = ne
                    }
                }
            }
            if day != nil || yr != nil {
                _ = k
                // "4 September." — the full stop ends the sentence, not an abbreviation.
                if e == we, e - i > 5, b[e - 1] == UInt8(ascii: ".") { e -= 1 }
                return Found(s: s, e: e, year: yr, month: m, day: day)
            }
            i = we
        }
        return nil
    }

    /// Year, month and day of a printed date that names its year, or nil.
    static func parse(_ b: [UInt8]) -> (Int, Int?, Int?)? {
        if let found = first(b), let y = found.year { return (y, found.month, found.day) }
        // "2021", "1.3.2020", "03/01/2021": take the year.
        var i = 0
        while i < b.count {
            if let y = year(b, at: i) { return (y, nil, nil) }
            i += 1
        }
        return nil
    }

    /// A Wayback Machine timestamp: "20211021", "202110", "2021".
    static func timestamp(year: Int, month: Int?, day: Int?) -> String {
        var text = String(year)
        if let month {
            text += month < 10 ? "0\(month)" : "\(month)"
            if let day { text += day < 10 ? "0\(day)" : "\(day)" }
        }
        return text
    }
}
