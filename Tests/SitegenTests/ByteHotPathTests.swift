// The byte-level code that replaced Foundation and Character code on hot paths gives the
// same results as the code it replaced, on table-driven inputs with text outside ASCII,
// combining marks and both Unicode normal forms: interface-string formatting, the citation
// reader's phrase tables, and the folding of names and titles into source keys.

import Foundation
import Testing
@testable import Sitegen

struct ByteHotPathTests {
    // MARK: InterfaceStrings.format

    /// The replaced implementation: one `replacingOccurrences` per argument.
    static func oldFill(_ text: String, _ arguments: [String: String]) -> String {
        var text = text
        for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    static let fillCases: [(String, [String: String])] = [
        ("Note {label}", ["label": "12"]),
        ("{number}. {title}", ["number": "3", "title": "Heat and mortality"]),
        ("{a}{a}{b}", ["a": "x", "b": "yy"]),
        ("no braces at all", ["label": "1"]),
        ("{missing} stays, {label} goes", ["label": "ü"]),
        ("Chapitre {number} : « {title} »", ["number": "2", "title": "Été caniculaire"]),
        ("Kapitel {number}", ["number": "٣"]),
        ("{{label}}", ["label": "7"]),
        ("{label", ["label": "7"]),
        ("label}", ["label": "7"]),
        ("{}", ["": "empty"]),
        ("{ label }", ["label": "7"]),
        ("{day} {month} {year}", ["day": "1", "month": "März", "year": "2021"]),
        ("Ame\u{0301}lie {label}", ["label": "e\u{0301}"]),
        ("{titre} — {label}", ["titre": "Élan", "label": "ಕನ್ನಡ"]),
        ("🇲🇲 {label} 👩‍👩‍👧", ["label": "ok"]),
        ("", ["label": "x"]),
    ]

    @Test("format fills each {name} as the replaced code did", arguments: fillCases)
    func fillMatchesReplacingOccurrences(_ text: String, _ arguments: [String: String]) {
        #expect(InterfaceStrings.fill(text, arguments) == Self.oldFill(text, arguments))
    }

    @Test func fillDoesNotReadAValueAgain() {
        // The replaced code's result here depended on the order it visited the arguments in.
        #expect(InterfaceStrings.fill("{a} {b}", ["a": "{b}", "b": "B"]) == "{b} B")
    }

    // MARK: The citation reader's phrase tables

    /// The replaced lookup: every phrase of the list compared at `i`, the first that fits winning.
    static func oldFirst(_ phrases: [StaticString], _ b: [UInt8], _ i: Int, fold: Bool) -> StaticString? {
        phrases.first { CiteBytes.has(b, i, $0, fold: fold) }
    }

    static let phraseTexts = [
        "Available at: https://example.org (accessed 3 March 2021).",
        "available from:https://x.org; Retrieved from http://y.org, consulté le 3 mars 2020",
        "Verfügbar unter: www.example.de (abgerufen am 1. Mai 2019) [Online]",
        "VERFÜGBAR UNTER: nothing; disponible en línea: [internet] doi:10.1000/xyz.",
        "The page is no LONGER available; Link Is Dead; nicht mehr VERFÜGBAR; ya no está disponible",
        "non più disponibile — e\u{0301}te\u{0301}, Zugriff am 2.3.2020, see note 12 above",
        "Smith, J. (2001) 'One report', *Journal*, 3(2), pp. 1-9. Ibid. Cf. Idem. See also Vgl. ",
        "Éditions du Seuil, thèse, Hrsg. a cura di (dir.) University Press Review",
        "Smith v. Jones; Regulation (EU) 2016/679; Working Paper no. 3 [dataset] a tweet, Sentencia; Convention on",
        "",
        "a",
        "ไม่มี 日本語のテキスト 🇲🇲",
    ]

    @Test("a phrase table finds what a scan of its list found", arguments: phraseTexts)
    func phraseTablesMatchListScans(_ text: String) {
        let b = Array(text.utf8)
        let tables = [CiteParts.announcements, CiteParts.accessKeywords, CitationReader.linkGonePhrases,
                      CitationReader.leadIns, CitationReader.noteMarks, CitationReader.academicMarks,
                      CiteVocabulary.postTable, CiteVocabulary.reportTable, CiteVocabulary.datasetTable, CiteVocabulary.legalTable,
                      CitePhrases(["Ab", "ab", "aB", "é", "e\u{0301}", "AB"], fold: true)]
        for table in tables {
            for i in 0...b.count {
                let new = table.first(b, at: i).map { "\($0)" }
                let old = Self.oldFirst(table.phrases, b, i, fold: table.fold).map { "\($0)" }
                #expect(new == old, "at \(i) of \(text)")
            }
            let anywhere = table.phrases.contains { CiteBytes.find(b, $0, fold: table.fold) != nil }
            #expect(table.occurs(in: b) == anywhere, "\(text)")
        }
    }

    @Test func linkGoneIsFoundWhateverTheCaseOfASCIILetters() {
        #expect(CitationReader.saysLinkGone(Array("The page is NO LONGER AVAILABLE.".utf8)))
        #expect(CitationReader.saysLinkGone(Array("Nicht mehr verfügbar".utf8)))
        // Letters outside ASCII are compared as they are, as before.
        #expect(!CitationReader.saysLinkGone(Array("nicht mehr VERFÜGBAR".utf8)))
        #expect(!CitationReader.saysLinkGone(Array("available".utf8)))
    }

    // MARK: Source keys

    static func oldFold(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || ("0"..."9").contains($0)
        }))
    }

    static func oldTitleWords(_ title: String?, count: Int) -> String {
        guard let title else { return "" }
        var words: [String] = []
        for word in title.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" }) {
            let folded = oldFold(String(word))
            if !folded.isEmpty { words.append(folded) }
            if words.count == count { break }
        }
        return words.joined(separator: "-")
    }

    static let keyTexts = [
        "Smith", "McDONALD-Jones", "O'Brien 2nd", "World Health Organization (WHO)", "", " - / ",
        "Müller", "Mu\u{0308}ller", "Ødegård", "Đặng Thị", "Ame\u{0301}lie", "Amélie", "ΣΊΣΥΦΟΣ",
        "İstanbul", "straße", "日本 語", "Tanaka 2019/20", "A--B//C  D", "tab\tand\nnewline", "\r\n",
        "The Omnivore's Dilemma: A Natural History of Four Meals",
        "Heat-related mortality in 2003 / 2010: a review", "ﬁnance ﬂows", "① ② ③ 4",
    ]

    @Test("folding keeps the letters and digits it kept before", arguments: keyTexts)
    func foldMatchesTheScalarFold(_ text: String) {
        #expect(SourceKeys.fold(text) == Self.oldFold(text))
        #expect(SourceRegister.titleWordCount(text) == text.split(separator: " ").count)
        for count in [1, 3, 4] {
            #expect(SourceKeys.titleWords(text, count: count) == Self.oldTitleWords(text, count: count))
        }
    }

    // MARK: Blank note texts (search records)

    static let blankCases = ["", " ", "\t", "  \t ", "\u{00A0}", "\u{2003}\u{3000}", "\u{1680}\u{202F}\u{205F}", "\n", " \n ",
                             "\r\n", "a", " a ", "\u{200B}", " \u{0301}", "e\u{0301}", "\u{0301}", "ไทย", "\u{2028}", "\u{85}"]

    @Test("a blank text is what trimming white space left empty", arguments: blankCases)
    func blankMatchesTrimming(_ text: String) {
        #expect(PageRenderer.isBlank(text) == text.trimmingCharacters(in: .whitespaces).isEmpty)
    }

    @Test func blankASCIIIsSpaceAndTabAsForTrimming() {
        for byte in UInt8(0)..<0x80 {
            let text = String(UnicodeScalar(byte))
            #expect(PageRenderer.isBlank(text) == text.trimmingCharacters(in: .whitespaces).isEmpty, "byte \(byte)")
        }
    }
}
