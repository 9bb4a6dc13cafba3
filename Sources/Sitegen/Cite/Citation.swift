// A source cited by a note, as the citation reader understands it.

/// The kind of source a citation refers to.
public enum SourceKind: String, Hashable, Sendable, CaseIterable {
    case academic
    case report
    case news
    case web
    case dataset
    case legal
    case interview
    case social

    /// Heading of the group on the Sources page.
    public var groupTitle: String {
        switch self {
        case .academic: return "Academic works"
        case .report: return "Reports"
        case .news: return "News reports"
        case .web: return "Web pages"
        case .dataset: return "Datasets"
        case .legal: return "Legal texts"
        case .interview: return "Interviews"
        case .social: return "Social-media posts"
        }
    }
}

/// A person or body named as author, editor or interviewee.
public struct Creator: Hashable, Sendable {
    /// The family name with its particles ("van der Berg", "al-Rashid"), or a body's whole name.
    public var family: String
    /// Given names or initials as printed ("R. S.", "Helene Maria").
    public var given: String?
    /// A body (agency, institute, ministry) rather than a person.
    public var isCorporate = false

    /// The name as a reader expects it: given names first.
    public var displayName: String {
        guard let given, !given.isEmpty else { return family }
        return given + " " + family
    }
}

/// How a citation refers to a fuller reference in another place.
public enum CitationReference: Hashable, Sendable {
    /// A full reference, or a short form that can stand alone.
    case none
    /// "Ibid.", "Idem", "Ebd.": the previous citation.
    case ibid
    /// "See note 20": the citations of that note.
    case note(Int)
    /// "Author (Year), p. 4", "Author, *Short title*, p. 3", "Author, op. cit.": an earlier
    /// full reference with the same first author (and year or title, when given).
    case shortForm
}

/// One citation in a note.
public struct Citation: Hashable, Sendable {
    public var kind: SourceKind
    /// Authors (or editors, when `creatorsAreEditors`) in printed order.
    public var creators: [Creator] = []
    /// The creators are editors ("(eds.)", "Hrsg.", "a cura di").
    public var creatorsAreEditors = false
    /// "et al." followed the names.
    public var etAl = false
    /// The news outlet, journal, website or platform.
    public var outlet: String?
    /// Four digits (possibly with a letter, "2019a"), as printed.
    public var year: String?
    public var title: String?
    /// A day and month as printed ("28 August", "7 May 2021", "March 3, 2020").
    public var date: String?
    public var url: String?
    /// The date the note says the address was consulted, as printed.
    public var accessed: String?
    /// The publisher or issuing body, when printed apart from the author.
    public var publisher: String?
    /// How the citation refers to a fuller one.
    public var reference: CitationReference = .none
    /// The text of the citation as printed.
    public var text: String

    public init(kind: SourceKind, creators: [Creator] = [], outlet: String? = nil, year: String? = nil,
                title: String? = nil, date: String? = nil, url: String? = nil, accessed: String? = nil,
                text: String) {
        self.kind = kind
        self.creators = creators
        self.outlet = outlet
        self.year = year
        self.title = title
        self.date = date
        self.url = url
        self.accessed = accessed
        self.text = text
    }

    /// The author(s) as printed names, "A and B", "A et al.".
    public var author: String? {
        guard !creators.isEmpty else { return nil }
        let names = creators.map(\.displayName)
        var text: String
        switch names.count {
        case 1: text = names[0]
        case 2: text = names[0] + " and " + names[1]
        default: text = names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
        if etAl { text += " et al." }
        return text
    }

    /// "Kovats and Hajat", "Gasparrini et al.", "WHO Regional Office for Europe".
    public var shortAuthor: String? {
        guard let first = creators.first?.family else { return nil }
        if creators.count == 2 && !etAl { return first + " and " + creators[1].family }
        return creators.count > 2 || etAl ? first + " et al." : first
    }

    /// The first author's family name (a body's whole name), the key the Sources page sorts by.
    public var sortName: String {
        creators.first?.family ?? outlet ?? title ?? text
    }

    /// The citation abbreviates a fuller reference given elsewhere.
    public var isShortForm: Bool { reference != .none }

    /// Identity of the source: the same source cited in several notes has the same key.
    public var key: String {
        switch kind {
        case .interview:
            return "interview-" + SourceKeys.fold(creators.first?.family ?? "") + "-" + SourceKeys.fold(date ?? text)
        case .social where url != nil:
            return "social-" + url!
        default:
            let name = SourceKeys.fold(creators.first?.family ?? outlet ?? "")
            let titleKey = SourceKeys.titleWords(title, count: 4)
            if name.isEmpty && titleKey.isEmpty { return kind.rawValue + "-" + SourceKeys.fold(text) }
            return kind.rawValue + "-" + name + "-" + (year ?? "nd") + "-" + titleKey
        }
    }
}

/// What the reader made of one note.
public struct ParsedNote: Hashable, Sendable {
    public var label: NoteLabel
    public var citations: [Citation]
    /// The note says its link is gone ("Link no longer available", "now erased").
    public var linkGone: Bool
    /// At least one citation was recognised with confidence.
    public var isParsed: Bool { !citations.isEmpty }
}

/// Folding of names and titles into keys (ASCII letters and digits, lowercase).
enum SourceKeys {
    /// Lowercased letters and digits of `text`, other characters dropped.
    static func fold(_ text: String) -> String {
        // ASCII text (most names and keys) byte by byte; other text by Unicode properties.
        if let ascii = asciiFold(text.utf8) { return ascii }
        return String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || ("0"..."9").contains($0)
        }))
    }

    /// `fold` of ASCII bytes (letters lowercased, digits kept, the rest dropped); nil when a
    /// byte is not ASCII.
    static func asciiFold<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if CiteBytes.isASCIILower(byte) || CiteBytes.isDigit(byte) { folded.append(byte) }
            else if CiteBytes.isASCIIUpper(byte) { folded.append(byte + 32) }
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// The first `count` words of a title, folded and joined by "-".
    static func titleWords(_ title: String?, count: Int) -> String {
        guard let title else { return "" }
        var words: [String] = []
        if title.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the same words, split and folded on bytes.
            for word in title.utf8.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") }) {
                let folded = asciiFold(word)!
                if !folded.isEmpty { words.append(folded) }
                if words.count == count { break }
            }
            return words.joined(separator: "-")
        }
        for word in title.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" }) {
            let folded = fold(String(word))
            if !folded.isEmpty { words.append(folded) }
            if words.count == count { break }
        }
        return words.joined(separator: "-")
    }
}
