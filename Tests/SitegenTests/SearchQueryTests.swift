// Parsing what a reader typed: words, exact words and phrases in quotes.

import Testing
@testable import Sitegen

struct SearchQueryTests {
    @Test(arguments: [
        ("Nyi Thuta", [.word("nyi"), .word("thuta")]),
        ("  Bünthe  ", [.word("bunthe")]),
        ("\"choose this path\"", [.phrase(["choose", "this", "path"])]),
        ("“Choose this path”", [.phrase(["choose", "this", "path"])]),
        ("\"Bunthe\"", [.exact("bunthe")]),
        ("\"Nyi Thu", [.word("nyi"), .word("thu")]),
        ("defect \"People's Soldiers\" defect", [.word("defect"), .phrase(["people", "soldiers"])]),
        ("a \"b\" c \"d e", [.word("a"), .exact("b"), .word("c"), .word("d"), .word("e")]),
        ("\"\" ?!", []),
    ] as [(String, [SearchQuery.Unit])])
    func parses(_ text: String, _ units: [SearchQuery.Unit]) {
        #expect(SearchQuery(text).units == units)
    }
}
