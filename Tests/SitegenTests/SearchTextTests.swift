// Words and folding: the table in Fixtures/search-folding.json is shared with the browser
// suite (Tests/Browser/test_search.py), which runs the same table through search.js, so
// Swift and JavaScript cannot drift apart.

import Foundation
import Testing
@testable import Sitegen

struct SearchTextTests {
    struct FoldingCase: Decodable, Sendable, CustomTestStringConvertible {
        var text: String
        var terms: [String]
        var testDescription: String { text }
    }

    static let foldingTable: [FoldingCase] = {
        let url = Repo.root.appendingPathComponent("Tests/SitegenTests/Fixtures/search-folding.json")
        return (try? JSONDecoder().decode([FoldingCase].self, from: Data(contentsOf: url))) ?? []
    }()

    @Test func theSharedTableIsRead() {
        #expect(Self.foldingTable.count >= 20)
    }

    /// Compared scalar by scalar: Swift's `==` would call a precomposed and a decomposed letter equal.
    @Test(arguments: foldingTable)
    func termsMatchTheSharedTable(_ row: FoldingCase) {
        #expect(SearchText.terms(row.text).map { Array($0.unicodeScalars) } == row.terms.map { Array($0.unicodeScalars) })
    }

    @Test(arguments: [
        ("Bünthe", "bunthe"),
        ("Bunthe", "bunthe"),
        ("MYANMAR’S", "myanmar"),
        ("Tatmadaw's", "tatmadaw"),
        ("don't", "dont"),
        ("ʼs", ""),
        ("Ångström", "angstrom"),
        ("ΣΟΦΟΣ", "σοφοσ"),
    ])
    func foldsOneWord(_ word: String, _ folded: String) {
        #expect(SearchText.fold(word) == folded)
    }

    @Test(arguments: [
        ("Nyi Thuta's story", ["Nyi", "Thuta's", "story"]),
        ("(Bünthe, 2017)", ["Bünthe", "2017"]),
        ("'quoted' words’", ["quoted", "words"]),
        ("rock ’n’ roll", ["n", "rock", "roll"].sorted()),
    ])
    func tokensPointAtTheWordsOfTheText(_ text: String, _ words: [String]) {
        let found = SearchText.tokens(text).map { String(text.unicodeScalars[$0.range]) }
        #expect(found.sorted() == words.sorted())
    }

    /// `terms` (bytes, fast) and `tokens` (scalars, with ranges) read every content file alike.
    @Test func bothReadersAgreeOnTheShippedContent() throws {
        let files = try LocalFileSystem().files(under: Repo.content).filter { $0.hasSuffix(".md") }
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOfFile: Repo.content + "/" + file, encoding: .utf8)
            #expect(SearchText.terms(text) == SearchText.tokens(text).map(\.term), "\(file)")
        }
        let mixed = "Ünïcode’s ‘quotes’ ʼokina 2021’s e\u{301}te ﬁne ΣΑΣ ဦး x'"
        #expect(SearchText.terms(mixed) == SearchText.tokens(mixed).map(\.term))
    }

    @Test func termsAreOrderedLikeJavaScriptStrings() {
        // U+FF41 (fullwidth a) is after U+1F600 in scalar order's UTF-16 view: surrogates (D83D) sort first.
        #expect(SearchText.utf16Less("\u{1F600}", "\u{FF41}"))
        #expect(!SearchText.utf16Less("\u{FF41}", "\u{1F600}"))
        #expect(SearchText.hasPrefix("ကို", "က"))
    }
}
