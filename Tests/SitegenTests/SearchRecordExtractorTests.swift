// Search records come from the rendered HTML trees: one per anchored block and heading,
// without note markers, permalinks or archive links.

import Testing
@testable import Sitegen

struct SearchRecordExtractorTests {
    @Test func readsBlocksHeadingsAndSections() {
        let body = HTML.fragment([
            .el("p", [("id", "intro-p1")], [
                .text("First "), .el("em", [], [.text("paragraph")]), .text("."),
                .el("sup", [("class", "note-ref")], [.el("a", [("href", "#note-1")], [.text("1")])]),
                .el("a", [("href", "#intro-p1"), ("class", "permalink")], [.text("¶")]),
            ]),
            .text("\n"),
            .el("h2", [("id", "a-section")], [.text("A section")]),
            .el("p", [("id", "a-section-p1")], [
                .text("With an "),
                .el("span", [("class", "editorial")], [.el("span", [("class", "editorial-label")], [.text("[Editorial note:")]),
                                                       .text(" correction]")]),
                .text(" "), .el("a", [("href", "https://example.org/"), ("class", "url")], [.text("example.org")]),
                .el("a", [("href", "https://web.archive.org/"), ("class", "archive")], [.text("archived")]),
            ]),
            .el("figure", [("id", "a-section-fig1")], [.el("figcaption", [], [
                .el("p", [("id", "a-section-p2")], [.text("Caption")]),
                .el("ul", [], [.el("li", [], [.text("one")]), .el("li", [], [.text("two")])]),
            ])]),
            .el("p", [("id", "empty")], []),
        ])
        var extractor = SearchRecordExtractor()
        extractor.addPage(kind: .chapter, title: "Chapter", path: "report/chapter/", body: body, pageText: "About it.")
        #expect(extractor.records == [
            SearchRecord(kind: .chapter, title: "Chapter", url: "report/chapter/", text: "About it.", boosted: ["Chapter"]),
            SearchRecord(kind: .chapter, title: "Chapter", url: "report/chapter/#intro-p1", text: "First paragraph."),
            SearchRecord(kind: .chapter, title: "Chapter", section: "A section", url: "report/chapter/#a-section", text: "",
                         boosted: ["A section"]),
            SearchRecord(kind: .chapter, title: "Chapter", section: "A section", url: "report/chapter/#a-section-p1",
                         text: "With an [Editorial note: correction] example.org"),
            SearchRecord(kind: .chapter, title: "Chapter", section: "A section", url: "report/chapter/#a-section-fig1", text: "one two"),
            SearchRecord(kind: .chapter, title: "Chapter", section: "A section", url: "report/chapter/#a-section-p2", text: "Caption"),
        ])
    }

    @Test(arguments: [
        ("a\n  b\t\tc ", "a b c"),
        ("  ", ""),
        ("x\u{A0}y", "x\u{A0}y"),
    ])
    func normalisesWhiteSpace(_ text: String, _ expected: String) {
        #expect(SearchRecordExtractor.normalised(text) == expected)
    }
}
