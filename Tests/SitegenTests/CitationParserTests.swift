// The citation parser over real notes of the report, one or more of each kind, including
// short forms and notes that cite nothing recognisable.

import Testing
@testable import Sitegen

struct CitationParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var note: String
        var text: String
        /// kind|author|year|title|outlet|date|url, "-" for nil; one per citation.
        var expected: [String]
        var gone = false
        var testDescription: String { "note \(note)" }
    }

    static let cases: [Case] = [
        Case(note: "3", text: "The Irrawaddy (2021), 'Atrocious Myanmar Military at Risk of Splitting: Army Defectors', 28 August. Available at: https://www.irrawaddy.com/news/burma/atrocious.html/amp?__twitter_impression=true (accessed 21 October 2021).",
             expected: ["news|The Irrawaddy|2021|Atrocious Myanmar Military at Risk of Splitting: Army Defectors|The Irrawaddy|28 August|https://www.irrawaddy.com/news/burma/atrocious.html/amp?__twitter_impression=true"]),
        Case(note: "4", text: "Yoshihiro Nakanishi (2013), *Strong Soldiers, Failed Revolution: The State and Military in Burma, 1962-88* (Singapore and Kyoto: NUS Press and Kyoto University Press); Sai S. W. Latt (2016), *Depoliticization, securitization and Violent accumulation in the integration of the Greater Mekong Sub-region*. Unpublished Phd Thesis, Simon Fraser University, Burnaby.",
             expected: ["academic|Yoshihiro Nakanishi|2013|Strong Soldiers, Failed Revolution: The State and Military in Burma, 1962-88|-|-|-",
                        "academic|Sai S. W. Latt|2016|Depoliticization, securitization and Violent accumulation in the integration of the Greater Mekong Sub-region|-|-|-"]),
        Case(note: "8", text: "Marcos Degaut (2019), 'Out of Barracks: The Role of the Military in Democratic Revolutions', *Armed Forces & Society*, 45(1), pp. 78-100.",
             expected: ["academic|Marcos Degaut|2019|Out of Barracks: The Role of the Military in Democratic Revolutions|Armed Forces & Society|-|-"]),
        Case(note: "16 (short form)", text: "Selth (2021), 'Myanmar's military mindset', p. 14.",
             expected: ["academic|Selth|2021|Myanmar's military mindset|-|-|-"]),
        Case(note: "243 (short form, no quotes)", text: "Nakanishi (2013), Strong Soldiers, Failed Revolution, p. 25.",
             expected: ["academic|Nakanishi|2013|Strong Soldiers, Failed Revolution|-|-|-"]),
        Case(note: "12", text: "Twitter message by Defector Nyi Thuta, available at: https://twitter.com/peoplesoldiers/status/1451365622793662468 (accessed on 22 October 2021).",
             expected: ["social|Defector Nyi Thuta|-|-|Twitter|22 October 2021|https://twitter.com/peoplesoldiers/status/1451365622793662468"]),
        Case(note: "202", text: "Video posted on Facebook on 7 May by 'DVB TV News', translated by second author. Available at: https://www.facebook.com/DVBTVNews/videos/3825883697525023 (accessed 21 October 2021).",
             expected: ["social|DVB TV News|-|-|Facebook|7 May|https://www.facebook.com/DVBTVNews/videos/3825883697525023"]),
        Case(note: "200", text: "Interview, 1 October 2021, conducted by the authors of this report.",
             expected: ["interview|-|-|-|-|1 October 2021|-"]),
        Case(note: "209", text: "August 23 Telegram group debate, organised by defector Nyi Thuta. Link no longer available.",
             expected: ["debate|Nyi Thuta|-|Telegram group debate|Telegram|August 23|-"], gone: true),
        Case(note: "225", text: "Facebook post on 8 May by 'Nyi Thuta' (now erased). Previously available at: https://www.facebook.com/nyithuta07 (accessed 21 October 2021).",
             expected: ["social|Nyi Thuta|-|-|Facebook|8 May|https://www.facebook.com/nyithuta07"], gone: true),
        Case(note: "195", text: "Radio Free Asia (2021), Interview: 'Military Leaders Are Afraid of Letting Their Power Go'.",
             expected: ["news|Radio Free Asia|2021|Military Leaders Are Afraid of Letting Their Power Go|Radio Free Asia|-|-"]),
        Case(note: "35 (commentary with a citation)", text: "As noted by Andrew Selth, the secretive nature of the Tatmadaw necessitates that solid insider knowledge is hard to come by. Selth (2021), 'Myanmar's military mindset', p. 7.",
             expected: ["academic|Selth|2021|Myanmar's military mindset|-|-|-"]),
        Case(note: "5 (commentary only)", text: "We hereby follow the common definition of desertions as implying that soldiers simply leave the army – i.e. they 'go home' – while defectors deliberately join the other side of a war or a conflict.",
             expected: []),
        Case(note: "140 (unparseable)", text: "Media Pitch by the People's Soldier group, shared in a PDF file with the authors.", expected: []),
    ]

    @Test("parses real notes", arguments: cases)
    func parses(_ c: Case) {
        let parsed = CitationParser().parse(c.text, label: NoteLabel(rawValue: c.note))
        let described = parsed.citations.map { cite in
            [cite.kind.rawValue, cite.author ?? "-", cite.year ?? "-", cite.title ?? "-", cite.outlet ?? "-", cite.date ?? "-", cite.url ?? "-"]
                .joined(separator: "|")
        }
        #expect(described == c.expected)
        #expect(parsed.linkGone == c.gone)
    }

    @Test func shortFormsJoinTheFullReference() {
        func note(_ label: String, _ text: String) -> ResolvedNote {
            let blocks = SitegenMarkdown.MarkdownParser().parse(text).blocks
            return ResolvedNote(label: NoteLabel(rawValue: label), number: label,
                                definition: NoteDefinition(label: NoteLabel(rawValue: label), blocks: blocks, file: "n.md",
                                                           position: .init(line: 1, column: 1)),
                                references: [], editorialExplanations: [], homeChapter: nil)
        }
        let index = NoteIndex(notes: [
            note("1", "Andrew Selth (2021), 'Myanmar's military mindset: An exploratory survey', Griffith Asia Institute Research Paper, Griffith University, Brisbane."),
            note("2", "Selth (2021), 'Myanmar's military mindset', p. 14."),
            note("3", "Selth (2021), 'Myanmar's coup', p. 2."),
            note("4", "Interview, 1 October 2021, conducted by the authors of this report."),
            note("5", "Interview, 1 October, by the authors of this report."),
        ])
        let register = SourceRegister.build(index, outlets: [])
        #expect(register.sources.count == 3)
        let mindset = register.sources.first { $0.notes.contains(NoteLabel(rawValue: "2")) }
        #expect(mindset?.citation.author == "Andrew Selth")
        #expect(mindset?.notes.map(\.rawValue) == ["1", "2"])
        #expect(mindset?.shortFormNotes.map(\.rawValue) == ["2"])
        #expect(register.sourcesByNote[NoteLabel(rawValue: "3")]?.count == 1)
        #expect(register.unparsedNotes.isEmpty)
    }
}

import SitegenMarkdown
