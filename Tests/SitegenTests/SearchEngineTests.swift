// Prefix expansion and ranking on a small index: the reference for what search.js does.

import Testing
@testable import Sitegen

struct SearchEngineTests {
    static let records: [SearchRecord] = [
        SearchRecord(kind: .chapter, title: "Introduction", url: "a/#p1", text: "Soldiers defect from the army after the coup."),
        SearchRecord(kind: .note, title: "Note 1", url: "notes/#note-1", text: "Bünthe (2017), 'The NLD-Military Coalition in Myanmar'."),
        SearchRecord(kind: .person, title: "Nyi Thuta", url: "people/nyi-thuta/",
                     text: "A captain of the information department who defected in February 2021.",
                     boosted: ["Nyi Thuta", "Captain Nyi Thuta"]),
        SearchRecord(kind: .chapter, title: "Why leave", section: "Social media", url: "b/#p2",
                     text: "Nyi Thuta organised debates online, and later Nyi Thuta said that defectors were welcome."),
        SearchRecord(kind: .chapter, title: "Why leave", url: "b/#p3", text: "The defection of soldiers: a defector spoke about it."),
        SearchRecord(kind: .glossary, title: "CDM", section: "Abbreviations", url: "abbr/", text: "Civil Disobedience Movement",
                     boosted: ["CDM"]),
        SearchRecord(kind: .note, title: "Note 2", url: "notes/#note-2", text: "Telegram group CDMSOLDIERS."),
        SearchRecord(kind: .chapter, title: "Introduction", url: "a/#p4", text: "Choose this path if you want to stand with the people."),
        SearchRecord(kind: .chapter, title: "Introduction", url: "a/#p5", text: "This is the path you choose: a path with the people, the CDM."),
        SearchRecord(kind: .document, title: "Soldiers defect", url: "documents/x/", text: "An article.", boosted: ["Soldiers defect"]),
    ]
    static let engine = SearchEngine(index: SearchIndexer().index(records))

    @Test(arguments: [
        ("defect", ["defect", "defected", "defection", "defector", "defectors"]),
        ("DEFECTOR", ["defector", "defectors"]),
        ("cdm", ["cdm", "cdmsoldiers"]),
        ("c", []),
        ("a", ["a"]),
        ("xyz", []),
    ])
    func expandsPrefixes(_ word: String, _ terms: [String]) {
        #expect(Self.engine.expansions(of: SearchText.fold(word)).map(\.term) == terms)
    }

    @Test func theTypedWordWeighsMostThenShorterCompletions() {
        let weights = Dictionary(uniqueKeysWithValues: Self.engine.expansions(of: "defect").map { ($0.term, $0.weight) })
        #expect(weights["defect"] == 1)
        #expect(weights["defector"] == 0.5 + 0.4 * 6 / 8)
        #expect(weights["defector"]! > weights["defectors"]!)
        #expect(Self.engine.expansions(of: "defect", prefix: false).map(\.term) == ["defect"])
    }

    /// (query, the records expected first, in order)
    @Test(arguments: [
        ("Nyi Thuta", ["people/nyi-thuta/", "b/#p2"]),
        ("nyi thu", ["people/nyi-thuta/", "b/#p2"]),
        ("Captain", ["people/nyi-thuta/"]),
        ("Bunthe", ["notes/#note-1"]),
        ("bünthe", ["notes/#note-1"]),
        ("CDM", ["abbr/", "a/#p5", "notes/#note-2"]),
        ("defect", ["documents/x/", "a/#p1"]),
        ("soldiers coup", ["a/#p1"]),
        ("\"choose this path\"", ["a/#p4"]),
        ("\"nyi thuta\" debates", ["b/#p2", "people/nyi-thuta/"]),
        ("nothing", []),
    ])
    func ranks(_ query: String, _ expected: [String]) {
        let urls = Self.engine.search(query).map { Self.records[$0.record].url }
        #expect(Array(urls.prefix(expected.count)) == expected)
    }

    @Test func wordsNeedNotStandTogether() {
        #expect(Set(Self.engine.search("choose path").prefix(2).map(\.record)) == [7, 8])
    }

    @Test func allWordsComeBeforeBetterScoresOfSomeWords() {
        let results = Self.engine.search("soldiers coup")
        #expect(results.first?.matched == 2)
        #expect(results.dropFirst().allSatisfy { $0.matched == 1 })
    }

    @Test func phrasesMustStandTogetherInOneField() {
        #expect(Self.engine.search("\"choose this path\"").map(\.record) == [7])
        #expect(Self.engine.search("\"path you choose\"").map(\.record) == [8])
        #expect(Self.engine.search("\"captain nyi\"").map(\.record) == [2]) // in an alias
        #expect(Self.engine.search("\"army coup\"").isEmpty)
    }

    @Test func boostedFieldsOutweighTheText() {
        let index = SearchIndexer().index([
            SearchRecord(kind: .chapter, title: "A", url: "1", text: "Words about a place called Hpakant and more words here."),
            SearchRecord(kind: .person, title: "Hpakant", url: "2", text: "Other words about a place and more words here.", boosted: ["Hpakant"]),
        ])
        #expect(SearchEngine(index: index).search("hpakant").map(\.record) == [1, 0])
    }

    @Test func anExactWordOutranksARareCompletion() {
        let cdm = Self.engine.search("cdm")
        let exact = cdm.first { $0.record == 8 }!.score, completion = cdm.first { $0.record == 6 }!.score
        #expect(exact > completion)
    }
}
