// The site configuration (`content/site.yml`): closed keys with suggestions, page names
// checked, a menu without pages the site lacks, optional publication fields that leave no
// empty row, and document kinds from content.

import Foundation
import Testing
@testable import Sitegen

@Suite struct SiteConfigTests {
    static let chapter = "---\ntitle: One\n---\nText.[^1]\n"
    static let notes = "---\ntitle: Notes\n---\n[^1]: A note.\n"

    struct KeyCase: Sendable, CustomStringConvertible {
        var yaml: String
        var expected: String
        var description: String { yaml }
    }

    @Test(arguments: [
        KeyCase(yaml: "lang: en\nmneu: [home]\n", expected: "content/site.yml:2:1: error[config-unknown-key]: unknown key 'mneu' (did you mean 'menu'?)"),
        KeyCase(yaml: "title: Another title\n", expected: "content/site.yml:1:1: error[config-unknown-key]: 'title' is a field of the publication: put it in the front matter of index.md"),
        KeyCase(yaml: "language: fr\n", expected: "content/site.yml:1:1: error[config-unknown-key]: unknown key 'language' (did you mean 'lang'?)"),
        KeyCase(yaml: "documents:\n  title: Texts\n", expected: "content/site.yml:1:1: error[config-unknown-key]: 'documents' is a page: its title and description go under 'pages:'"),
        KeyCase(yaml: "pages:\n  documents:\n    titel: Texts\n", expected: "content/site.yml:3:5: error[config-unknown-key]: 'pages.documents.titel' is not a setting of a page; a page has 'title' and 'description' (did you mean 'title'?)"),
        KeyCase(yaml: "menu: [home, documnets]\n", expected: "content/site.yml:1:14: error[config-unknown-key]: 'documnets' in 'menu' is not a page of the site (did you mean 'documents'?); expected one of: home, full, notes"),
        KeyCase(yaml: "pages:\n  peple:\n    title: Who\n", expected: "content/site.yml:2:3: error[config-unknown-key]: 'peple' in 'pages' is not a page of the site (did you mean 'people'?)"),
    ])
    func unknownKeysAreErrorsThatPointAndSuggest(_ c: KeyCase) {
        let result = TestSite.build(["site.yml": c.yaml])
        #expect(!result.succeeded)
        #expect(result.lines.contains { $0.hasPrefix(c.expected) }, "\(result.lines)")
    }

    @Test func menuLeavesOutPagesTheSiteDoesNotHave() throws {
        let result = TestSite.build(["report/01-one.md": Self.chapter, "report/notes.md": Self.notes])
        #expect(result.lines == [])
        let home = try #require(result.text("index.html"))
        let nav = try #require(home.range(of: "<nav class=\"site-nav\"").map { String(home[$0.lowerBound...].prefix(600)) })
        #expect(nav.contains(">Contents<") && nav.contains(">Full report<") && nav.contains(">Notes<"))
        #expect(!nav.contains("Documents"))
        #expect(!home.contains("Editorial notes"))
        #expect(!home.contains("editorial-notes/"))
        #expect(result.text("documents/index.html") == nil)
        #expect(result.text("editorial-notes/index.html") == nil)
    }

    @Test func editorialNotesBringTheirPageMenuLinkAndFooterLine() throws {
        let result = TestSite.build([
            "report/01-one.md": "---\ntitle: One\n---\nText [Editorial note: a word is added.] more.[^1]\n",
            "report/notes.md": Self.notes,
            "documents/talk.md": "---\ntitle: A talk\nkind: transcript\n---\n**Host**: Hello.\n",
        ])
        #expect(result.lines == [])
        let home = try #require(result.text("index.html"))
        #expect(home.contains("<a href=\"/editorial-notes/\">Editorial notes</a> list every correction made to the original text."))
        #expect(home.contains("<a href=\"/documents/\">Documents</a>"))
        #expect(result.text("editorial-notes/index.html") != nil)
        #expect(try #require(result.text("documents/talk/index.html")).contains("<p class=\"eyebrow\">Transcript</p>"))
    }

    @Test func configuredMenuLabelsTitlesAndLeads() throws {
        let result = TestSite.build([
            "report/01-one.md": Self.chapter, "report/notes.md": Self.notes, "about.md": "---\ntitle: About us\n---\nWho we are.\n",
            "documents/a.md": "---\ntitle: A\nkind: article\n---\nText.\n",
            "site.yml": """
                menu: [home, {page: documents, label: Texts}, about]
                pages:
                  documents:
                    title: Further reading
                    description: Articles around the report.
                """,
        ])
        #expect(result.lines == [])
        let home = try #require(result.text("index.html"))
        #expect(home.contains("<li><a href=\"/documents/\">Texts</a></li>"))
        #expect(home.contains("<li><a href=\"/about/\">About us</a></li>"))
        #expect(!home.contains("<li><a href=\"/report/full/\">Full report</a></li>"))
        let documents = try #require(result.text("documents/index.html"))
        #expect(documents.contains("<h1>Further reading</h1>"))
        #expect(documents.contains("<p class=\"lede\">Articles around the report.</p>"))
    }

    @Test func onlyTheTitleIsRequiredAndEmptyFieldsLeaveNoRow() throws {
        for index in ["---\ntitle: Bare\n---\nAbstract.\n",
                      "---\ntitle: Bare\nisbn: \"\"\npublisher: \"\"\nyear: \"\"\nauthors: []\n---\nAbstract.\n"] {
            let result = TestSite.build(["index.md": index, "report/01-one.md": Self.chapter, "report/notes.md": Self.notes], strict: true)
            #expect(result.lines == [])
            let home = try #require(result.text("index.html"))
            #expect(!home.contains("ISBN"))
            #expect(!home.contains("<dt>Publisher</dt>"))
            #expect(!home.contains("About this publication"))
            #expect(!home.contains("class=\"byline\""))
            #expect(!home.contains("<p class=\"eyebrow\">"))
            #expect(home.contains("<p>Bare.</p>"), "the footer has only the title")
        }
    }

    @Test func givenFieldsShowTheirRows() throws {
        let result = TestSite.build(["index.md": "---\ntitle: T\nauthors: [{name: A}, {name: B}, {name: C}]\nyear: 2020\nisbn: 1-2\n---\nAbstract.\n",
                                     "report/01-one.md": Self.chapter, "report/notes.md": Self.notes])
        let home = try #require(result.text("index.html"))
        #expect(home.contains("<dt>Authors</dt><dd>A, B and C</dd>"))
        #expect(home.contains("<dt>Publisher</dt><dd>2020</dd>"))
        #expect(home.contains("<dt>ISBN</dt><dd>1-2</dd>"))
    }

    @Test func unknownDocumentKindListsTheAllowedOnes() {
        let result = TestSite.build(["documents/talk.md": "---\ntitle: A talk\nkind: interveiw\n---\nText.\n"])
        #expect(result.lines.contains(
            "content/documents/talk.md:3:7: error[front-matter-wrong-type]: front matter field 'kind': 'interveiw' is not a kind of document; expected one of: article, summary, podcast, transcript (declare more under 'document_kinds' in site.yml)"),
            "\(result.lines)")
    }

    @Test func declaredDocumentKindsGetTheirLabel() throws {
        let result = TestSite.build([
            "site.yml": "document_kinds:\n  interview: Interview\n  podcast: Radio show\n",
            "documents/talk.md": "---\ntitle: A talk\nkind: interview\n---\nText.\n",
            "documents/show.md": "---\ntitle: A show\nkind: podcast\n---\nText.\n",
            "documents/typo.md": "---\ntitle: Typo\nkind: intervew\n---\nText.\n",
        ])
        #expect(result.lines.contains { $0.contains("'intervew' is not a kind of document (did you mean 'interview'?); expected one of: article, summary, podcast, transcript, interview ") })
        let index = try #require(result.text("documents/index.html"))
        #expect(index.contains("<p class=\"eyebrow\">Interview</p>"))
        #expect(index.contains("<p class=\"eyebrow\">Radio show</p>"))
    }

    @Test func paramsReachTemplates() throws {
        let layout = try String(contentsOfFile: Repo.templates + "/page.mustache", encoding: .utf8)
            .replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1>{{title}}</h1><p id=\"funder\">{{site.params.funder.name}}</p>")
        var templates: [String: String] = [:]
        templates["page.mustache"] = layout
        let result = TestSite.build(["about.md": "---\ntitle: About\n---\nText.\n", "report/01-one.md": Self.chapter,
                                     "report/notes.md": Self.notes,
                                     "site.yml": "params:\n  funder:\n    name: Example Foundation\n"], templates: templates)
        #expect(result.lines == [])
        #expect(try #require(result.text("about/index.html")).contains("<p id=\"funder\">Example Foundation</p>"))
    }

    @Test func baseURLComesFromSiteConfigUnlessGivenOnTheCommandLine() throws {
        let content = ["site.yml": "base_url: https://example.org/water/\n", "report/01-one.md": Self.chapter, "report/notes.md": Self.notes]
        let fromConfig = TestSite.build(content)
        #expect(try #require(fromConfig.text("index.html")).contains("<link rel=\"canonical\" href=\"https://example.org/water/\">"))
        let fromFlag = TestSite.build(content, baseURL: "/other/")
        #expect(try #require(fromFlag.text("index.html")).contains("href=\"/other/report/full/\""))
    }

    @Test func noContentFolderSaysWhatToDo() {
        let missing = temporaryFolder().appendingPathComponent("content").path
        let options = BuildOptions(contentDirectory: missing, templatesDirectory: missing + "-templates",
                                   outputDirectory: missing + "-public", writesOutput: false)
        let result = SiteBuilder(options: options).build()
        #expect(result.lines == ["\(missing): error[content-missing]: the content folder '\(missing)' does not exist: run `sitegen init` to create a new report, or pass --content DIR"])
    }

    @Test func siteStylesheetsAreLinkedAfterTheThemesOnEveryPage() throws {
        let result = TestSite.build(["site.yml": "stylesheets: [assets/script.css, /extra/print.css]\n",
                                     "assets/script.css": "p { color: teal; }\n", "extra/print.css": "@media print { p { color: black; } }\n",
                                     "report/01-one.md": Self.chapter, "report/notes.md": Self.notes], baseURL: "/sub/")
        #expect(result.lines == [])
        #expect(result.text("assets/script.css") == "p { color: teal; }\n")
        for page in ["index.html", "report/one/index.html", "search/index.html", "404.html"] {
            let html = try #require(result.text(page), "\(page)")
            let theme = try #require(html.range(of: "<link rel=\"stylesheet\" href=\"/sub/assets/site.css\">"), "\(page)")
            let own = try #require(html.range(of: "<link rel=\"stylesheet\" href=\"/sub/assets/script.css\">"), "\(page)")
            #expect(theme.upperBound < own.lowerBound, "the site's style sheet comes after the theme's")
            #expect(html.contains("<link rel=\"stylesheet\" href=\"/sub/extra/print.css\">"))
        }
    }

    @Test(arguments: [
        ("stylesheets: [assets/missing.css]\n", "content/site.yml:1:15: error[config-stylesheet-missing]: 'assets/missing.css' in 'stylesheets' is not a file of the content folder (did you mean 'assets/mine.css'?)"),
        ("stylesheets:\n  - assets/mine.css\n  - assets/notes.txt\n", "content/site.yml:3:5: error[config-stylesheet-missing]: 'assets/notes.txt' in 'stylesheets' is not a style sheet"),
        ("stylesheetz: [assets/mine.css]\n", "content/site.yml:1:1: error[config-unknown-key]: unknown key 'stylesheetz' (did you mean 'stylesheets'?)"),
    ])
    func stylesheetsNameCSSFilesOfTheContentFolder(_ yaml: String, _ expected: String) {
        let result = TestSite.build(["site.yml": yaml, "assets/mine.css": "p {}\n", "assets/notes.txt": "text\n",
                                     "report/01-one.md": Self.chapter, "report/notes.md": Self.notes])
        #expect(!result.succeeded)
        #expect(result.lines.contains { $0.hasPrefix(expected) }, "\(result.lines)")
    }

    @Test(arguments: [
        ("assets/site.css", "error[output-collision]: this file would be copied to /assets/site.css, the address of the theme's asset of that name (to replace it, put the file in templates/assets/site.css)"),
        ("robots.txt", "error[output-collision]: this file would be copied to /robots.txt, the address of a file the build writes"),
        ("report/one/index.html", "error[output-collision]: this file would be copied to /report/one/index.html, the address of a page the build writes"),
    ])
    func aContentFileMayNotTakeTheAddressOfAnOutput(_ path: String, _ expected: String) {
        let result = TestSite.build([path: "mine\n", "report/01-one.md": Self.chapter, "report/notes.md": Self.notes])
        #expect(!result.succeeded)
        #expect(result.lines == ["content/" + path + ": " + expected + "; rename or move it"])
    }
}
