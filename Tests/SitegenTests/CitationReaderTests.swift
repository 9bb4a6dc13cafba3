// The citation reader on single shapes (names, particles, bodies, et al., editors, several
// citations in one note, notes that cite nothing) and the register's joins: Ibid., "see note N",
// short forms to the nearest earlier full reference, in a number of steps linear in the notes.

import Testing
import SitegenMarkdown
@testable import Sitegen

struct CitationReaderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        /// kind|first family|given|year|title, one per citation; "-" for nil.
        var expected: [String]
        var outlets: [String] = []
        var testDescription: String { String(text.prefix(50)) }
    }

    static let cases: [Case] = [
        Case(text: "Kovats, R. S. and Hajat, S. (2008), 'Heat stress and public health: a critical review', *Annual Review of Public Health*, 29, pp. 41-55.",
             expected: ["academic|Kovats|R. S.|2008|Heat stress and public health: a critical review"]),
        Case(text: "WHO Regional Office for Europe (2008) *Heat-health action plans*. Copenhagen: WHO Regional Office for Europe.",
             expected: ["report|WHO Regional Office for Europe|-|2008|Heat-health action plans"]),
        Case(text: "Gasparrini A, Guo Y, Hashizume M, et al. Mortality risk attributable to high and low ambient temperature. Lancet. 2015;386(9991):369-75.",
             expected: ["academic|Gasparrini|A|2015|Mortality risk attributable to high and low ambient temperature"]),
        Case(text: "Martin van Creveld, *The Transformation of War* (New York: Free Press, 1991), 49.",
             expected: ["academic|van Creveld|Martin|1991|The Transformation of War"]),
        Case(text: "Madawi al-Rasheed, *A History of Saudi Arabia* (Cambridge: Cambridge University Press, 2010), 88.",
             expected: ["academic|al-Rasheed|Madawi|2010|A History of Saudi Arabia"]),
        Case(text: "Levitsky, Steven, and Lucan A. Way. *Competitive Authoritarianism*. New York: Cambridge University Press, 2010.",
             expected: ["academic|Levitsky|Steven|2010|Competitive Authoritarianism"]),
        Case(text: "Acemoglu, Daron, and James A. Robinson. 2012. *Why Nations Fail*. New York: Crown.",
             expected: ["academic|Acemoglu|Daron|2012|Why Nations Fail"]),
        Case(text: "Denzin, N.K. and Lincoln, Y.S. (eds.) (2018) *The Sage handbook of qualitative research*. Thousand Oaks, CA: Sage.",
             expected: ["academic|Denzin|N.K.|2018|The Sage handbook of qualitative research"]),
        Case(text: "See Anisin (2020), 'Unravelling', p. 3; Nepstad, S. E. (2011). *Nonviolent Revolutions*. Oxford University Press.",
             expected: ["academic|Anisin|-|2020|Unravelling", "academic|Nepstad|S. E.|2011|Nonviolent Revolutions"]),
        Case(text: "As noted by one observer, the army is secretive. Selth (2021), 'Myanmar's military mindset', p. 7.",
             expected: ["academic|Selth|-|2021|Myanmar's military mindset"]),
        Case(text: "Reuters (2021), 'Junta extends emergency', 1 August. Available at: https://www.reuters.com/world/x (accessed 3 August 2021).",
             expected: ["news|Reuters|-|2021|Junta extends emergency"], outlets: ["Reuters"]),
        Case(text: "'Soldiers desert as resistance grows', *Frontier Myanmar*, 12 September 2021.",
             expected: ["news|-|-|2021|Soldiers desert as resistance grows"]),
        Case(text: "Interview with Ma Sandar, Mae Sot, 2 February 2022.", expected: ["interview|Sandar|Ma|2022|-"]),
        Case(text: "Brown v. Board of Education, 347 U.S. 483 (1954).", expected: ["legal|-|-|1954|Brown v. Board of Education"]),
        Case(text: "Ibid., p. 4.", expected: []),
        Case(text: "We follow the common definition of desertion; defectors deliberately join the other side.", expected: []),
        Case(text: "In March (2020) many soldiers left.", expected: []),
        Case(text: "Media pitch by a defector group, shared in a PDF file with the authors.", expected: []),
    ]

    @Test("reads one shape", arguments: cases)
    func reads(_ c: Case) {
        let citations = CitationReader(outlets: c.outlets).citations(in: c.text).filter { $0.reference == .none || $0.reference == .shortForm }
        let described = citations.map { cite in
            [cite.kind.rawValue, cite.creators.first?.family ?? "-", cite.creators.first?.given ?? "-", cite.year ?? "-", cite.title ?? "-"]
                .joined(separator: "|")
        }
        #expect(described == c.expected)
    }

    @Test func accessDateAndAddressAreKeptApart() {
        let c = CitationReader().citations(in: "Smith, J. (2019) 'Title', *Journal*, 3(2). Available at: https://example.org/2020/a (Accessed: 12 January 2022).").first
        #expect(c?.year == "2019")
        #expect(c?.url == "https://example.org/2020/a")
        #expect(c?.accessed == "12 January 2022")
        #expect(SourcesPageBuilder.archiveTimestamp(c!, fallbackYear: 2000) == "20220112")
    }

    @Test func archiveDateFallsBackToTheCitationAndThePublication() {
        var c = Citation(kind: .web, year: "2018", url: "https://example.org", text: "")
        #expect(SourcesPageBuilder.archiveTimestamp(c, fallbackYear: 2021) == "2018")
        c.date = "3 May"
        #expect(SourcesPageBuilder.archiveTimestamp(c, fallbackYear: 2021) == "20180503")
        c.date = nil; c.year = nil
        #expect(SourcesPageBuilder.archiveTimestamp(c, fallbackYear: 2021) == "2021")
    }

    static func note(_ label: String, _ text: String) -> ResolvedNote {
        let blocks = SitegenMarkdown.MarkdownParser().parse(text).blocks
        return ResolvedNote(label: NoteLabel(rawValue: label), number: label,
                            definition: NoteDefinition(label: NoteLabel(rawValue: label), blocks: blocks, file: "n.md",
                                                       position: .init(line: 1, column: 1)),
                            references: [], editorialExplanations: [], homeChapter: nil)
    }

    @Test func shortFormsIbidAndSeeNoteJoinTheNearestFullReference() {
        let index = NoteIndex(notes: [
            Self.note("1", "Kovats, R. S. and Hajat, S. (2008), 'Heat stress and public health: a critical review', *Annual Review of Public Health*, 29, pp. 41-55."),
            Self.note("2", "Kovats and Hajat (2008), p. 45."),
            Self.note("3", "Ibid., p. 46."),
            Self.note("4", "Michael Pollan, *The Omnivore's Dilemma: A Natural History of Four Meals* (New York: Penguin, 2006), 99."),
            Self.note("5", "Pollan, *Omnivore's Dilemma*, 3; see also Kovats and Hajat (2008), p. 50."),
            Self.note("6", "See note 4."),
            Self.note("7", "Ibid."),
            Self.note("8", "Some commentary without a source."),
        ])
        let register = SourceRegister.build(index, outlets: [])
        #expect(register.sources.count == 2)
        let kovats = register.sources.first { $0.citation.creators.first?.family == "Kovats" }
        #expect(kovats?.notes.map(\.rawValue) == ["1", "2", "3", "5"])
        #expect(kovats?.shortFormNotes.map(\.rawValue) == ["2", "3", "5"])
        let pollan = register.sources.first { $0.citation.creators.first?.family == "Pollan" }
        #expect(pollan?.notes.map(\.rawValue) == ["4", "5", "6", "7"])
        #expect(register.unparsedNotes.map(\.rawValue) == ["8"])
    }

    @Test func buildingTheRegisterIsLinearInTheNotes() {
        let families = ["Smith", "Jones", "Garcia", "Müller", "Rossi", "Dupont", "Tanaka"]
        func index(_ n: Int) -> NoteIndex {
            NoteIndex(notes: (0..<n).flatMap { i -> [ResolvedNote] in [
                Self.note("\(3 * i + 1)", "\(families[i % 7]), J. (\(1950 + i % 70)) 'A title number \(i)', *Journal*, 3(2), pp. 1-9."),
                Self.note("\(3 * i + 2)", "\(families[i % 7]) (\(1950 + i % 70)), p. 4."),
                Self.note("\(3 * i + 3)", "Ibid."),
            ] })
        }
        let small = SourceRegister.build(index(200), outlets: []).joinSteps
        let large = SourceRegister.build(index(400), outlets: []).joinSteps
        #expect(small > 0)
        #expect(Double(large) <= 2.1 * Double(small), "\(small) steps for 600 notes, \(large) for 1200")
    }
}
