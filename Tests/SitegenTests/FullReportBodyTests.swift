// A chapter is rendered once; its full-report rendition (no permalinks, headings one level
// deeper) is derived from the chapter page's tree. It must equal what a second rendering with
// `permalinks` off and `headingShift` 1 made, node for node.

import Testing
import SitegenMarkdown
@testable import Sitegen

struct FullReportBodyTests {
    static let chapters: [(String, String)] = [
        ("nested headings", """
        # Title one

        Text under one, with a note.[^a]

        ## Section *two*

        Para with [a link](https://e.example/) and Nyi Thuta and the UN.

        ### Three

        #### Four

        ##### Five

        ###### Six

        Deep text.

        > ## Quoted heading
        >
        > Quoted para mentioning Nyi Thuta.[^b]

        - ## Heading in a list item

          Loose item paragraph.

        - second loose item

        1. tight
        2. list

        """),
        ("permalinks everywhere", """
        First ¶ paragraph, ending on a link [¶](#x)

        Second with **strong**, `code`, and an editorial [Editorial note: fixed here.] remark.

        | a | b |
        |---|---|
        | UN | Nyi Thuta |

        ```
        code block ¶
        ```

        ---

        Final paragraph.[^a] Again.[^a]
        """),
        ("figures and turns", """
        ## Interview

        Nyi Thuta: We met the UN at noon.

        Nyi Thuta [00:01:02]: Again, later.

        ![alt](picture.png)

        Caption of the picture.

        {lang=my} A paragraph in another language.
        """),
        ("no headings", "Only a paragraph.\n\nAnd another, no headings at all.\n"),
    ]

    static func renderer(_ markdown: String) -> BodyRenderer {
        let source = SourceFile(path: "content/report/01-x.md", relativePath: "report/01-x.md", text: markdown, frontMatter: nil,
                                frontMatterLine: 1, body: markdown, bodyLineOffset: 0)
        var r = BodyRenderer(basePath: "/", source: source, pageURLs: [:], slugger: Slugger(), sectionID: "x")
        r.mentionMatcher = MentionMatcher(names: [("Nyi Thuta", MentionTarget(kind: .person, slug: Slug(rawValue: "nyi-thuta"), name: "Nyi Thuta"))])
        r.abbreviations = ["UN": Abbreviation(term: "UN", expansion: "United Nations")]
        r.noteReferenceIDs = [NoteLabel(rawValue: "a"): ["ref-a-1", "ref-a-2"], NoteLabel(rawValue: "b"): ["ref-b-1"]]
        r.noteNumbers = [NoteLabel(rawValue: "a"): "1", NoteLabel(rawValue: "b"): "2"]
        r.missingImageNotice = MissingImageNotice(label: "Not reproduced:", linkText: "why", url: "/editorial/")
        return r
    }

    @Test("the derived full-report body equals a second rendering", arguments: chapters)
    func derivedEqualsRendered(_ name: String, _ markdown: String) {
        let blocks = MarkdownParser().parse(markdown).blocks
        var page = Self.renderer(markdown)
        page.permalinks = true
        let pageHTML = page.render(blocks)
        var full = Self.renderer(markdown)
        full.headingShift = 1
        let fullHTML = full.render(blocks)

        let derived = FullReportBody.variant(of: pageHTML, headings: page.headings)
        #expect(derived == fullHTML)
        #expect(derived.rendered == fullHTML.rendered)
        // The two renderings met the same things; only the markup differs.
        #expect(page.headings == full.headings)
        #expect(page.mentions == full.mentions)
        #expect(page.editorialNotes == full.editorialNotes)
    }

    @Test func permalinksAreDroppedAndHeadingsShifted() {
        let markdown = "# One\n\nText.\n\n## Two\n\n###### Six\n\nMore.\n"
        var page = Self.renderer(markdown)
        page.permalinks = true
        let html = page.render(MarkdownParser().parse(markdown).blocks)
        #expect(html.rendered.contains("class=\"permalink\""))
        let derived = FullReportBody.variant(of: html, headings: page.headings).rendered
        #expect(!derived.contains("permalink"))
        #expect(derived == "<h2 id=\"one\">One</h2>\n<p id=\"one-p1\">Text.</p>\n<h3 id=\"two\">Two</h3>\n<h6 id=\"six\">Six</h6>\n<p id=\"six-p1\">More.</p>")
    }
}
