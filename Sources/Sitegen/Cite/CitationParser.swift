// Parses a note into the citations it contains. The notes of the report follow a few
// patterns — "Author (Year), 'Title', Journal…", "Outlet (Year), 'Title', 28 August.
// Available at: URL (accessed …)", "Video posted on Facebook on 7 May by 'DVB TV News'",
// "Interview, 1 October 2021, conducted by the authors of this report", "August 23 Telegram
// group debate…". Parsing is heuristic and honest: a segment that fits no pattern with
// confidence yields no citation, and the note stays plain text.

import Foundation
import SitegenMarkdown

/// Recognises citations in note texts.
public struct CitationParser: Sendable {
    /// Names of news outlets (from the organisation profiles, plus well-known ones).
    public var outlets: [String]

    static let defaultOutlets = [
        "The Irrawaddy", "Irrawaddy", "Myanmar Now", "Radio Free Asia", "RFA", "DVB", "Democratic Voice of Burma",
        "Frontier Myanmar", "Frontier", "DW", "Channel News Asia", "CNA", "The Globe", "New York Times",
        "The New York Times", "Mizzima", "ABC News", "Reuters", "BBC", "Al Jazeera", "VOA", "FRANCE 24",
        "Nikkei Asia", "The Diplomat", "Myanmar Times", "Asia Times", "The Guardian",
    ]

    /// Creates a parser; `outlets` adds to the built-in list of news outlets.
    public init(outlets: [String] = []) {
        self.outlets = Array(Set(Self.defaultOutlets + outlets)).sorted { $0.count > $1.count }
    }

    static let months = "January|February|March|April|May|June|July|August|September|October|November|December"
    static let monthNames = months.split(separator: "|").map(String.init)

    /// The citations of a note's text (emphasis written as `*…*`).
    public func parse(_ text: String, label: NoteLabel) -> ParsedNote {
        let lower = text.lowercased()
        let gone = ["no longer available", "now erased", "link unavailable", "is now erased", "not re-posted",
                    "no link available", "has not been shared online"].contains { lower.contains($0) }
        let citations = Self.segments(text).compactMap { citation(in: $0) }
        return ParsedNote(label: label, citations: citations, linkGone: gone)
    }

    /// Splits a note at top-level semicolons (not inside quotes or parentheses).
    static func segments(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if character == ";", depth == 0 {
                result.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        result.append(current.trimmingCharacters(in: .whitespaces))
        return result.filter { !$0.isEmpty }
    }

    func citation(in segment: String) -> Citation? {
        let url = segment.containsBytes("http") ? Self.firstURL(segment) : nil
        let accessed = segment.containsBytes("ssessed") || segment.containsBytes("ccessed")
            ? Self.capture(#"\((?:accessed|assessed)(?: on)? ([^)]+?)\)"#, in: segment) : nil
        let lower = segment.lowercased()

        if lower.hasPrefix("interview") || lower.contains("interview by the authors") || lower.contains("interviewed on")
            || (lower.contains("interview") && lower.contains("author") && !lower.contains("posted")) {
            return Citation(kind: .interview, date: Self.date(in: segment), url: url, accessed: accessed, text: segment)
        }
        if let (author, year, rest) = authorYear(segment) {
            let outlet = outlets.first { author == $0 || author.hasPrefix($0 + " ") }
            let journal = Self.capture(#"\*([^*]+)\*"#, in: rest)
            let title = Self.title(in: rest)
            if title == nil && journal == nil { return nil }
            let isNews = outlet != nil || (journal.map { j in outlets.contains(j) } ?? false)
            // A title in italics with no quoted title is a book: the italics are its title, not a journal.
            let isBook = title == nil
            return Citation(kind: isNews ? .news : .academic, author: author,
                            outlet: outlet ?? (isBook ? nil : journal),
                            year: year, title: title ?? journal, date: Self.date(in: rest), url: url, accessed: accessed,
                            text: segment)
        }
        let platforms = ["facebook": "Facebook", "fb.watch": "Facebook", "youtube": "YouTube", "twitter": "Twitter",
                         "telegram": "Telegram", "t.me/": "Telegram"]
        let platform = platforms.keys.sorted().first { lower.contains($0) }.map { platforms[$0]! }
        if lower.contains("debate") || lower.contains("dialogue meeting") || lower.contains("talk program")
            || lower.contains("telegram") || lower.contains("meeting") {
            let citation = Citation(kind: .debate, author: Self.organiser(segment), outlet: platform,
                                    title: Self.eventName(segment), date: Self.date(in: segment), url: url, accessed: accessed, text: segment)
            // Without a name, a date or an address it is a remark about debates, not a citation of one.
            if citation.title != nil || citation.date != nil || citation.url != nil { return citation }
            return nil
        }
        if let platform, lower.contains("video") || lower.contains("post") || lower.contains("tweet")
            || lower.contains("message") || lower.contains("page") || lower.contains("available at") || url != nil {
            return Citation(kind: .social, author: Self.capture(#"by '([^']+)'"#, in: segment) ?? Self.capture(#"message by ([A-Z][\w ]+?)[,.]"#, in: segment),
                            outlet: platform, date: Self.date(in: segment), url: url, accessed: accessed, text: segment)
        }
        return nil
    }

    /// "Author (Year), rest", with the author a plausible name (a few capitalised words), at
    /// the start of the segment or after a sentence of commentary ("As noted by …, Selth (2021)").
    func authorYear(_ segment: String) -> (String, String, String)? {
        // Cheap test first: a year in parentheses, "(2021)", must be there for the pattern.
        guard Self.hasYearInParentheses(segment) else { return nil }
        let name = #"(?:[A-Z][\p{L}'’-]*\.?)(?: (?:[A-Z][\p{L}'’-]*\.?|de|van|von|and|&))*"#
        let pattern = "(" + name + #")(?: \(pseudonym\))?,? \((\d{4})\),?\s*(.*)$"#
        guard let regex = Self.regex(pattern) else { return nil }
        for match in regex.matches(in: segment, range: NSRange(segment.startIndex..., in: segment)) {
            guard let a = Range(match.range(at: 1), in: segment), let y = Range(match.range(at: 2), in: segment),
                  let r = Range(match.range(at: 3), in: segment) else { continue }
            // Drop words of the preceding sentence ("Tatmadaw. See Davis…") and lead-ins ("See", "As").
            var words = segment[a].split(separator: " ").map(String.init)
            if let end = words.lastIndex(where: { $0.count > 3 && $0.hasSuffix(".") }) { words = Array(words[(end + 1)...]) }
            while let first = words.first, ["See", "As", "In", "By", "also", "Also"].contains(first) { words.removeFirst() }
            let author = words.joined(separator: " ")
            guard !author.isEmpty, author.split(separator: " ").count <= 8 else { continue }
            let rest = String(segment[r])
            if Self.title(in: rest) != nil || rest.contains("*") { return (author, String(segment[y]), rest) }
        }
        return nil
    }

    /// The first quoted title: from an opening quote to the first closing quote followed by
    /// `,` `.` `;` or the end; or, for a title printed without quotes or italics, the text up
    /// to the page reference ("Depoliticization, securitization…, p. 132").
    static func title(in rest: String) -> String? {
        let body = rest.hasPrefix("Interview: ") ? String(rest.dropFirst("Interview: ".count)) : rest
        let openers: Set<Character> = ["'", "‘", "\"", "“"]
        let closers: Set<Character> = ["'", "’", "\"", "”"]
        if let open = body.firstIndex(where: { openers.contains($0) }), body[..<open].count <= 12 {
            var index = body.index(after: open)
            while index < body.endIndex {
                if closers.contains(body[index]) {
                    let next = body.index(after: index)
                    if next == body.endIndex || [",", ".", ";", ")"].contains(body[next]) {
                        let title = body[body.index(after: open)..<index]
                            .trimmingCharacters(in: CharacterSet(charactersIn: "'‘’\"“” "))
                        return title.hasPrefix("Interview: ") ? String(title.dropFirst("Interview: ".count)) : title
                    }
                }
                index = body.index(after: index)
            }
        }
        if let first = body.first, first.isUppercase, !body.hasPrefix("Available") {
            var title = body
            for stop in [", p. ", ", pp. ", ", p.", ", pp.", " p. "] {
                if let range = title.range(of: stop) { title = String(title[..<range.lowerBound]) }
            }
            title = title.trimmingCharacters(in: CharacterSet(charactersIn: " .);"))
            if title.split(separator: " ").count >= 2, title.count <= 160, !title.contains(". ") { return title }
        }
        return nil
    }

    static func firstURL(_ text: String) -> String? {
        guard let raw = capture(#"(https?://[^\s<>]+)"#, in: text) else { return nil }
        var url = raw
        while let last = url.last, [".", ",", ")", ">", ";"].contains(last) { url.removeLast() }
        return url
    }

    static func date(in text: String) -> String? {
        guard monthNames.contains(where: { text.containsBytes($0) }) else { return nil }
        return capture(#"\b(\d{1,2} (?:\#(months))(?: \d{4})?)"#, in: text)
            ?? capture(#"\b((?:\#(months)) \d{1,2}(?:, \d{4})?)\b"#, in: text)
    }

    static func organiser(_ text: String) -> String? {
        capture(#"(?:organised|organized|hosted) by (?:defector )?([A-Z][\p{L}' ]+?)(?: on|[.,]|$)"#, in: text)
            ?? capture(#"by '([^']+)'"#, in: text)
    }

    static func eventName(_ text: String) -> String? {
        capture(#"((?:Watermelon Buffet|People's Soldiers?'?|People’s Soldiers?) (?:debate|dialogue meeting|Dialogue Meeting|online debate|talk programme|Talk program|debate for CDM soldiers))"#, in: text)
            ?? capture(#"(Telegram group(?: debate| meeting)?(?: CDMSOLDIERS)?)"#, in: text)
    }

    static func hasYearInParentheses(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 6 else { return false }
        for i in 0...(bytes.count - 6) where bytes[i] == UInt8(ascii: "(") && bytes[i + 5] == UInt8(ascii: ")") {
            if bytes[(i + 1)...(i + 4)].allSatisfy({ $0 >= 48 && $0 <= 57 }) { return true }
        }
        return false
    }

    /// Compiled patterns, shared by all parses (compiling is the expensive part).
    nonisolated(unsafe) private static var compiled: [String: NSRegularExpression] = [:]
    private static let compiledLock = NSLock()

    static func regex(_ pattern: String) -> NSRegularExpression? {
        compiledLock.lock()
        defer { compiledLock.unlock() }
        if let regex = compiled[pattern] { return regex }
        let regex = try? NSRegularExpression(pattern: pattern)
        compiled[pattern] = regex
        return regex
    }

    static func capture(_ pattern: String, in text: String) -> String? {
        guard let regex = regex(pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }
}

extension Array where Element == Inline {
    /// Text for the citation parser: emphasis kept as `*…*`, links as their text.
    public var citationText: String {
        map(\.citationText).joined()
    }
}

extension Inline {
    /// Text for the citation parser: emphasis kept as `*…*`, links as their text.
    public var citationText: String {
        switch self {
        case .emphasis(let c): return "*" + c.citationText + "*"
        case .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c): return c.citationText
        default: return plainText
        }
    }
}
