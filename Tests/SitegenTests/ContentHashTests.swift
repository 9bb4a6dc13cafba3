// The fingerprints behind the build cache: equal values agree, and any difference in any
// field, in nesting or in how text is split, gives a different fingerprint.

import Testing
@testable import Sitegen

struct ContentHashTests {
    struct Inner: Encodable { var b: Int; var c: Int? = nil }
    struct Outer: Encodable { var a: Inner; var c: Int? = nil }
    struct Texts: Encodable { var x: [String] }

    @Test func equalValuesHaveEqualFingerprints() {
        #expect(ContentHash.of("Café — 2021") == ContentHash.of("Café — 2021"))
        #expect(ContentHash.of(Texts(x: ["a", "b"])) == ContentHash.of(Texts(x: ["a", "b"])))
    }

    @Test func differencesShow() {
        #expect(ContentHash.of("abc") != ContentHash.of("abd"))
        #expect(ContentHash.of("12345678a") != ContentHash.of("12345678b"))
        #expect(ContentHash.of("") != ContentHash.of("\u{0}"))
        #expect(ContentHash.of(Texts(x: ["ab", "c"])) != ContentHash.of(Texts(x: ["a", "bc"])))
        #expect(ContentHash.of(Texts(x: [])) != ContentHash.of(Texts(x: [""])))
        // Nesting: {a: {b: 1}, c: 2} is not {a: {b: 1, c: 2}}.
        #expect(ContentHash.of(Outer(a: Inner(b: 1), c: 2)) != ContentHash.of(Outer(a: Inner(b: 1, c: 2))))
        // Composed and decomposed é are different bytes, hence different pages.
        #expect(ContentHash.of("\u{E9}") != ContentHash.of("e\u{301}"))
    }

    @Test func everyFieldOfAPageModelCounts() {
        let site = SiteView(title: "T", subtitle: nil, authors: "A", publisher: "P", year: "2021", language: "en",
                            basePath: "/", stylesheetURL: "/assets/site.css", scriptURL: nil, navigation: [])
        let model = PageModel(site: site, title: "Title", documentTitle: "Title", description: "D", canonicalURL: nil, kind: "page")
        var changed = model
        changed.site.navigation = [LinkView(title: "Notes", url: "/report/notes/", current: true)]
        #expect(ContentHash.of(model) != ContentHash.of(changed))
        var current = changed
        current.site.navigation[0].current = false
        #expect(ContentHash.of(current) != ContentHash.of(changed))
        var abbreviations = model
        abbreviations.glossary = [GlossaryEntryView(id: "abbr-un", term: "UN", expansion: "United Nations")]
        #expect(ContentHash.of(abbreviations) != ContentHash.of(model))
    }
}
