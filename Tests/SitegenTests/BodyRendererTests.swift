// HTML is escaped by construction: whatever the content says, it cannot inject markup,
// scripts or unsafe URLs into a page.

import Testing
import SitegenMarkdown
@testable import Sitegen

struct BodyRendererTests {
    static func render(_ markdown: String) -> (String, [Diagnostic]) {
        let source = SourceFile(path: "content/x.md", relativePath: "x.md", text: markdown, frontMatter: nil,
                                frontMatterLine: 1, body: markdown, bodyLineOffset: 0)
        var renderer = BodyRenderer(basePath: "/", source: source, pageURLs: ["y.md": "/y/"], slugger: Slugger(), sectionID: "s")
        let html = renderer.render(MarkdownParser().parse(markdown).blocks).rendered
        return (html, renderer.diagnostics)
    }

    @Test(arguments: [
        ("<script>alert(1)</script>\n", "<pre class=\"raw-html\">&lt;script&gt;alert(1)&lt;/script&gt;\n</pre>"),
        ("Text <img src=x onerror=alert(1)> more\n", "<p id=\"s-p1\">Text <code class=\"raw-html\">&lt;img src=x onerror=alert(1)&gt;</code> more</p>"),
        ("[click](javascript:alert(1))\n", "<p id=\"s-p1\">click</p>"),
        ("[x](https://a.example/?q=\"><b>)\n", "<p id=\"s-p1\"><a href=\"https://a.example/?q=%22%3E%3Cb%3E\" rel=\"noopener noreferrer\">x</a></p>"),
        ("5 < 6 & \"q\"\n", "<p id=\"s-p1\">5 &lt; 6 &amp; \"q\"</p>"),
        ("[other page](y.md#part)\n", "<p id=\"s-p1\"><a href=\"/y/#part\">other page</a></p>"),
    ])
    func escapesEverything(_ markdown: String, _ expected: String) {
        #expect(Self.render(markdown).0 == expected)
    }

    @Test func rawHTMLAndUnsafeLinksAreReported() {
        let (_, diagnostics) = Self.render("Hello\n\n<script>x</script>\n\n[a](javascript:x)\n")
        #expect(diagnostics.map(\.code) == [.rawHTML, .unsafeLink])
        #expect(diagnostics[0].description == "content/x.md:3:1: warning[raw-html]: raw HTML is not allowed in content and is shown as text: <script>x</script>")
    }

    @Test func brokenLinkToContentFileIsAnError() {
        let (html, diagnostics) = Self.render("[gone](missing.md)\n")
        #expect(html == "<p id=\"s-p1\">gone</p>")
        #expect(diagnostics.map(\.description) == ["content/x.md: error[link-broken]: link to 'missing.md': no such content file (missing.md)"])
    }

    @Test func editorialNotesAreMarkedAndCollected() {
        var source = SourceFile(path: "content/x.md", relativePath: "x.md", text: "", frontMatter: nil,
                                frontMatterLine: 1, body: "", bodyLineOffset: 0)
        source.text = "A [Editorial note: fixed & done.] B\n"
        var renderer = BodyRenderer(basePath: "/", source: source, pageURLs: [:], slugger: Slugger(), sectionID: "s")
        let html = renderer.render(MarkdownParser().parse(source.text).blocks).rendered
        #expect(html == "<p id=\"s-p1\">A <span class=\"editorial\" id=\"s-ed1\"><span class=\"editorial-label\">[Editorial note:</span> fixed &amp; done.]</span> B</p>")
        #expect(renderer.editorialNotes == [EditorialNoteItem(id: "s-ed1", text: "fixed & done.")])
    }

    @Test func editorialNoteMayHoldLinksAndEmphasis() {
        let (html, diagnostics) = Self.render("See [Editorial note: The source reads *x*, see <https://e.example/>.] after.\n")
        #expect(diagnostics.isEmpty)
        #expect(html == "<p id=\"s-p1\">See <span class=\"editorial\" id=\"s-ed1\"><span class=\"editorial-label\">[Editorial note:</span> The source reads <em>x</em>, see <a href=\"https://e.example/\" rel=\"noopener noreferrer\" class=\"url\">https://e.example/</a>.]</span> after.</p>")
    }

    @Test func unclosedEditorialNoteIsKeptAndReported() {
        let (html, diagnostics) = Self.render("A [Editorial note: never closed\n")
        #expect(html == "<p id=\"s-p1\">A [Editorial note: never closed</p>")
        #expect(diagnostics.map(\.description) == ["content/x.md:1:3: warning[editorial-note-unclosed]: '[Editorial note:' is never closed by ']' in this paragraph"])
    }

    @Test func slugsAreReadableAndUnique() {
        var slugger = Slugger(reserved: ["notes"])
        #expect(slugger.unique("Why leave the army – reasons for defection?") == "why-leave-the-army-reasons-for-defection")
        #expect(slugger.unique("Notes") == "notes-2")
        #expect(slugger.unique("Army's Bünthe") == "armys-bunthe")
        #expect(slugger.unique("Army’s Bünthe") == "armys-bunthe-2")
    }
}
