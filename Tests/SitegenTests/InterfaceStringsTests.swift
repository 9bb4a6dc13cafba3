// Interface strings: the English master, a site's strings files over it (language-region →
// language → English), missing keys listed once, unknown keys suggested, plural categories,
// and a French edition built with --strict.

import Foundation
import Testing
@testable import Sitegen

@Suite struct InterfaceStringsTests {
    static var french: String {
        get throws { try String(contentsOfFile: Repo.root.appendingPathComponent("Tests/SitegenTests/Fixtures/i18n/fr.yml").path, encoding: .utf8) }
    }
    static let chapter = "---\ntitle: Premier\n---\nTexte.[^1] Encore.[^2]\n\n## Une section\n\nFin.[^1]\n"
    static let notes = "---\ntitle: Notes\n---\n[^1]: Une note.\n\n[^2]: Une autre note, Water Board (2025), 'Advice', 12 May. Available at: https://example.org/advice\n"

    @Test func theEnglishMasterHasEveryKeyTheThemeUses() throws {
        #expect(InterfaceStrings.keys.count == Set(InterfaceStrings.keys).count, "no key twice")
        #expect(InterfaceStrings.english.values.values.allSatisfy { !$0.isEmpty })
        var sources: [String: String] = [:]
        for path in try LocalFileSystem().files(under: Repo.templates) where path.hasSuffix(".mustache") {
            sources[String(path.dropLast(9))] = try String(contentsOfFile: Repo.templates + "/" + path, encoding: .utf8)
        }
        #expect(sources.count > 10)
        #expect(InterfaceStrings.unknownKeys(inTemplates: sources, directory: "templates").map(\.description) == [])
    }

    @Test func aTemplateKeyThatDoesNotExistIsAWarningWithASuggestion() {
        let problems = InterfaceStrings.unknownKeys(inTemplates: ["page": "<h1>{{title}}</h1>\n<p>{{t.contents_headnig}}</p>"], directory: "templates")
        #expect(problems.map(\.description) == [
            "templates/page.mustache:2: warning[i18n-unknown-key]: the template uses 't.contents_headnig', which is not an interface string (did you mean 'contents_heading'?)",
        ])
    }

    /// Every form of tag that names a key (section, inverted, closing, triple, `&`, spaced),
    /// on the line it is on, including after CRLF line breaks and a tag broken by a line break.
    @Test func unknownKeysInEveryTagFormPointAtTheirLine() {
        let template = "{{#t.nope_a}}x{{/t.nope_a}}\r\n{{{t.nope_b}}} {{& t.nope_c}}\n{{^t.contents_heading}}{{/t.contents_heading}}\n"
            + "é {{ t.nope_d}} {{t.nope_e\n}} {{title}} {{{{t.nope_f}}\n{{t.}}"
        let problems = InterfaceStrings.unknownKeys(inTemplates: ["p": template], directory: "t").map { "\($0.line ?? 0) \($0.message.prefix(28))" }
        #expect(problems == [
            "1 the template uses 't.nope_a'", "1 the template uses 't.nope_a'",
            "2 the template uses 't.nope_b'", "2 the template uses 't.nope_c'",
            "4 the template uses 't.nope_d'", "4 the template uses 't.nope_e'",
            // `{{{{`: two openings, each read as a tag (as before the byte scan).
            "5 the template uses 't.nope_f'", "5 the template uses 't.nope_f'",
            "6 the template uses 't.', whic",
        ])
    }

    static func source(_ relative: String, _ text: String) -> SourceFile {
        SourceFile(path: "content/" + relative, relativePath: relative, text: text, frontMatter: text,
                   frontMatterLine: 1, body: "", bodyLineOffset: 0)
    }

    @Test func lookupGoesFromRegionToLanguageToEnglish() {
        let files = [
            "i18n/fr-CA.yml": Self.source("i18n/fr-CA.yml", "search_button: Chercher\n"),
            "i18n/fr.yml": Self.source("i18n/fr.yml", "search_button: Rechercher\ncontents_heading: Sommaire\n"),
            "i18n/en.yml": Self.source("i18n/en.yml", "abstract_heading: Summary\n"),
        ]
        let (strings, problems) = InterfaceStrings.load(language: "fr-CA", files: files, contentDirectory: "content")
        #expect(strings["search_button"] == "Chercher")
        #expect(strings["contents_heading"] == "Sommaire")
        #expect(strings["abstract_heading"] == "Summary", "the site's English comes before the built-in English")
        #expect(strings["pager_next"] == "Next")
        #expect(strings.language == "fr-CA")
        // One warning for all the keys French lacks, at the most specific file.
        #expect(problems.count == 1)
        let warning = problems[0].description
        #expect(warning.hasPrefix("content/i18n/fr-CA.yml: warning[i18n-missing]: \(InterfaceStrings.keys.count - 2) interface strings have no 'fr-CA' text and are shown in English: date_day_month_year,"))
    }

    @Test func aLanguageWithoutAnyFileIsOneWarning() {
        let (strings, problems) = InterfaceStrings.load(language: "de", files: [:], contentDirectory: "content")
        #expect(strings["contents_heading"] == "Contents")
        #expect(problems.map(\.code) == [.i18nMissing])
        #expect(problems.first?.file == "content/i18n/de.yml")
    }

    @Test func unknownAndEmptyKeysAreWarnings() {
        let files = ["i18n/en.yml": Self.source("i18n/en.yml", "contents_heading: Overview\ncontnets_heading: x\npager_next: \"\"\n")]
        let (strings, problems) = InterfaceStrings.load(language: "en", files: files, contentDirectory: "content")
        #expect(strings["contents_heading"] == "Overview")
        #expect(strings["pager_next"] == "Next", "an empty value never reaches a page")
        #expect(problems.map(\.description) == [
            "content/i18n/en.yml:2:1: warning[i18n-unknown-key]: 'contnets_heading' is not an interface string (did you mean 'contents_heading'?)",
            "content/i18n/en.yml:3:1: warning[i18n-missing]: 'pager_next' is empty; the English string is shown instead",
        ])
    }

    @Test(arguments: [
        ("en", 0, "other"), ("en", 1, "one"), ("en", 2, "other"),
        ("fr", 0, "one"), ("fr", 1, "one"), ("fr", 2, "other"),
        ("my", 1, "other"), ("de-AT", 1, "one"),
    ])
    func pluralCategories(_ language: String, _ count: Int, _ expected: String) {
        #expect(InterfaceStrings.pluralCategory(count, language: language) == expected)
    }

    @Test func datesListsAndFormats() {
        let english = InterfaceStrings.english
        #expect(english.date(year: 2021, month: 2, day: 1) == "1 February 2021")
        #expect(english.monthYear(year: 2021, month: 11) == "November 2021")
        #expect(english.list(["A"]) == "A")
        #expect(english.list(["A", "B"]) == "A and B")
        #expect(english.list(["A", "B", "C"]) == "A, B and C")
        #expect(english.format("chapter_number", ["number": "3"]) == "Chapter 3")
        #expect(english["no_such_key"] == "no_such_key", "never an empty string")
    }

    @Test func aFrenchEditionBuildsStrictWithFrenchWords() throws {
        let result = TestSite.build([
            "index.md": "---\ntitle: L'eau de la ville\nauthors: [{name: Marie Exemple}, {name: Jean Exemple}]\n---\nLe résumé.\n",
            "site.yml": "lang: fr\n",
            "i18n/fr.yml": try Self.french,
            "report/01-premier.md": Self.chapter,
            "report/02-second.md": "---\ntitle: Second\n---\nSuite.[^2]\n",
            "report/notes.md": Self.notes,
            "documents/entretien.md": "---\ntitle: Un entretien\nkind: transcript\n---\n**Marie Exemple**: Bonjour.\n",
        ], strict: true)
        #expect(result.lines == [])
        let home = try #require(result.text("index.html"))
        #expect(home.contains("<html lang=\"fr\">"))
        #expect(home.contains("<h2 id=\"contents-heading\">Sommaire</h2>"))
        #expect(home.contains("<a class=\"skip-link\" href=\"#main\">Aller au contenu</a>"))
        #expect(home.contains("Marie Exemple et Jean Exemple"))
        #expect(home.contains("<li><a href=\"/report/full/\">Le rapport complet sur une page</a></li>"))
        #expect(!home.contains(">Contents<") && !home.contains(">Notes of<"))
        // The scripts' words ride on the page as attributes (search form, main).
        #expect(home.contains("data-no-results=\"Aucun résultat pour « {query} »\""))
        #expect(home.contains("data-results-one=\"{count} résultat pour « {query} »\""))
        #expect(home.contains("data-kind-glossary=\"abréviation\""))
        #expect(home.contains("data-note-go=\"Aller à la note {label}\""))
        let chapter = try #require(result.text("report/premier/index.html"))
        #expect(chapter.contains("<p class=\"eyebrow\">Chapitre 1 sur 2</p>"))
        #expect(chapter.contains("aria-label=\"Retour à l'appel 1 sur 2 de la note 1\"") || chapter.contains("aria-label=\"Retour à l&#39;appel 1 sur 2 de la note 1\""))
        let document = try #require(result.text("documents/entretien/index.html"))
        #expect(document.contains("<p class=\"eyebrow\">Transcription</p>"))
        let notes = try #require(result.text("report/notes/index.html"))
        #expect(notes.contains("Chapitre 1 : Premier"))
        // The search page's links for readers without JavaScript, and the index's titles.
        let search = try #require(result.text("search/index.html"))
        #expect(search.contains(">Sommaire</a>") && search.contains(">Le rapport complet sur une page</a>"))
        let index = result.files.filter { $0.path.hasPrefix("search/") && !$0.path.hasSuffix(".html") }
            .map { String(decoding: $0.data, as: UTF8.self) }.joined()
        #expect(index.contains("Résumé") && index.contains("Chapitre 1 : Premier"))
        #expect(!index.contains("Abstract") && !index.contains("Chapter 1"))
    }

    @Test func aFrenchEditionWithoutStringsWarnsOnceAndFailsStrict() throws {
        let content = ["site.yml": "lang: fr\n", "report/01-premier.md": Self.chapter, "report/notes.md": Self.notes]
        let plain = TestSite.build(content)
        #expect(plain.succeeded)
        #expect(plain.diagnostics.filter { $0.code == .i18nMissing }.count == 1)
        #expect(try #require(plain.text("index.html")).contains("<html lang=\"fr\">"))
        let strict = TestSite.build(content, strict: true)
        #expect(!strict.succeeded)
    }
}
