// A source cited by a note, as the citation parser understands it.

/// The kind of source a citation refers to.
public enum SourceKind: String, Hashable, Sendable, CaseIterable {
    case academic
    case news
    case social
    case interview
    case debate
    case other

    /// Heading of the group on the Sources page.
    public var groupTitle: String {
        switch self {
        case .academic: return "Academic works"
        case .news: return "News reports"
        case .social: return "Social-media and video posts"
        case .interview: return "Interviews by the report's authors"
        case .debate: return "Telegram groups and online debates"
        case .other: return "Other sources"
        }
    }
}

/// One citation in a note.
public struct Citation: Hashable, Sendable {
    public var kind: SourceKind
    /// The author(s), or the outlet for news reports without an author.
    public var author: String?
    /// The news outlet, journal or platform (Facebook, YouTube, Twitter, Telegram).
    public var outlet: String?
    public var year: String?
    public var title: String?
    /// A day and month as printed ("28 August", "7 May 2021").
    public var date: String?
    public var url: String?
    public var accessed: String?
    /// The citation abbreviates a fuller reference given in another note.
    public var isShortForm = false
    /// The text of the citation as printed.
    public var text: String

    /// Identity of the source: the same source cited in several notes has the same key.
    public var key: String {
        switch kind {
        case .academic, .news:
            let surname = Citation.surname(author ?? outlet ?? "")
            let titleKey = (title ?? "").lowercased().filter { $0.isLetter || $0 == " " }
                .split(separator: " ").prefix(4).joined(separator: "-")
            return "\(kind.rawValue)-\(surname.lowercased())-\(year ?? "nd")-\(titleKey)"
        case .social, .debate:
            if let url { return "\(kind.rawValue)-\(url)" }
            return "\(kind.rawValue)-\((outlet ?? "").lowercased())-\((author ?? "").lowercased())-\((date ?? "").lowercased())-\((title ?? "").lowercased())"
        case .interview:
            // "1 October" and "1 October 2021" are the same day of the report's fieldwork.
            let day = (date ?? text).lowercased().replacingOccurrences(of: " 2021", with: "")
            return "interview-\(day)"
        case .other:
            return "other-\(text.lowercased())"
        }
    }

    /// The family name of the first author ("Naomi Conrad and Julia Bayer" → "Conrad").
    static func surname(_ authors: String) -> String {
        var first = authors
        for separator in [" and ", " & ", ", "] {
            if let range = first.range(of: separator) { first = String(first[..<range.lowerBound]) }
        }
        return first.split(separator: " ").last.map(String.init) ?? first
    }
}

/// What the parser made of one note.
public struct ParsedNote: Hashable, Sendable {
    public var label: NoteLabel
    public var citations: [Citation]
    /// The note says its link is gone ("Link no longer available", "now erased").
    public var linkGone: Bool
    /// At least one citation was recognised with confidence.
    public var isParsed: Bool { !citations.isEmpty }
}
