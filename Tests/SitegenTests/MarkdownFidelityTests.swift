// Differential test: what cmark-gfm renders, sitegen renders.
//
// Every snippet of the corpus (Fixtures/markdown-corpus/corpus.md, plus generated ones) is
// rendered twice: by sitegen's `BodyRenderer` and by cmark-gfm's own `cmark_render_html` on
// the same input with the same extensions. `RendererDifferences` removes exactly the
// documented, deliberate differences (docs/markdown.md lists the same ones); what is left must
// be equal byte for byte.

import Foundation
import Testing
import SitegenMarkdown
@testable import Sitegen

/// The deliberate differences between sitegen's HTML and cmark-gfm's, as normalisations.
/// Keep this list and docs/markdown.md in step.
enum RendererDifferences {
    /// 1. Raw HTML is shown as text (`<pre class="raw-html">`, `<code class="raw-html">`) and
    ///    warned about; unescaped, it must equal what cmark-gfm (unsafe mode) passes through.
    /// 2. Body headings start at `<h2>` (the page title is the `<h1>`): cmark's `h1` is `h2`.
    /// 3. Attributes sitegen adds: `id` (headings, paragraphs), `class` (`url` on autolinks,
    ///    `raw-html`), `rel="noopener noreferrer"` (external links), `loading="lazy"` (images).
    /// 4. Table alignment is a class (`align-left|center|right`, CSP-safe) where cmark writes the
    ///    obsolete `align` attribute; tables are wrapped in `<div class="table-wrap">`.
    /// 5. Only http, https and mailto URLs are links (other schemes: the text stays, the link or
    ///    image goes, with a warning); cmark keeps other schemes and empties dangerous ones.
    /// 6. Relative destinations are resolved against the page's folder and made site-relative
    ///    (`x` → `/x`, `a/../b` → `/b`).
    /// 7. Serialisation: void elements without ` /`, no newline between block tags, `"` not
    ///    escaped in text, `'` in attributes as `&#39;` (cmark: `&#x27;`).
    /// 8. Image alt text is the alt's plain text with line breaks as spaces.
    /// 9. An image on another host is not loaded: it is a link to the image, its alt text the
    ///    link text (with an `external-resource` warning), so a page loads nothing from elsewhere.
    static let documented = [
        "raw HTML shown as text",
        "body headings start at h2",
        "ids, classes, rel and loading attributes added",
        "table alignment as a class, tables wrapped for scrolling",
        "only http, https and mailto schemes link",
        "relative destinations made site-relative",
        "serialisation details (void elements, newlines, quote escaping)",
        "image alt text with line breaks as spaces",
        "images on other hosts shown as links",
    ]

    static func sitegen(_ html: String) -> String {
        var s = html
        // Raw HTML shown as text: unescaped, it must be exactly what cmark-gfm passes through.
        s = replacing(s, pattern: #"<(pre|code) class="raw-html">([\s\S]*?)</(pre|code)>"#) { groups in
            groups[2].replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        }
        s = replacing(s, pattern: #"<div class="table-wrap">([\s\S]*?)</div>"#, with: "$1")
        s = replacing(s, pattern: #" class="align-(left|center|right)""#, with: #" align="$1""#)
        s = replacing(s, pattern: #" (id|rel|loading)="[^"]*""#, with: "")
        s = replacing(s, pattern: #" class="url""#, with: "")
        s = s.replacingOccurrences(of: "&#39;", with: "'")
        return common(s)
    }

    static func cmark(_ html: String) -> String {
        var s = html
        s = replacing(s, pattern: "<(/?)h1>", with: "<$1h2>")
        s = s.replacingOccurrences(of: "&#x27;", with: "'")
        // Links and images with a scheme other than http(s)/mailto (or emptied as dangerous).
        s = unwrapLinks(s)
        s = replacing(s, pattern: #"<img src="([^"]*)" alt="([^"]*)"([^>]*) />"#) { groups in
            let src = groups[1]
            if !isSitegenLinkable(src) { return groups[2] }
            if scheme(src) != nil { return "<a href=\"\(src)\">\(groups[2])</a>" }
            return "<img src=\"\(siteRelative(src))\" alt=\"\(groups[2].replacingOccurrences(of: "\n", with: " "))\"\(groups[3]) />"
        }
        return common(s)
    }

    private static func common(_ html: String) -> String {
        var s = html
        s = s.replacingOccurrences(of: " />", with: ">")
        s = s.replacingOccurrences(of: "&quot;", with: "\"")
        s = replacing(s, pattern: #">\n+<"#, with: "><")
        s = s.replacingOccurrences(of: "<br>\n", with: "<br>")
        // A newline before a block nested in a tight list item.
        s = replacing(s, pattern: #"\n+(</?(ul|ol|li|p|blockquote|pre|table|h[1-6]|hr)[ >])"#, with: "$1")
        return s.trimmingCharacters(in: .newlines)
    }

    /// cmark's `<a href="…">`: links sitegen does not keep lose their tag; relative ones are
    /// made site-relative.
    private static func unwrapLinks(_ html: String) -> String {
        var s = html
        // Innermost first: link text cannot contain a link, so a non-greedy match is exact.
        s = replacing(s, pattern: #"<a href="([^"]*)"([^>]*)>([\s\S]*?)</a>"#) { groups in
            let href = groups[1]
            if !isSitegenLinkable(href) { return groups[3] }
            return "<a href=\"\(siteRelative(href))\"\(groups[2])>\(groups[3])</a>"
        }
        return s
    }

    private static func scheme(_ href: String) -> String? {
        guard let colon = href.firstIndex(of: ":") else { return nil }
        let candidate = href[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return candidate.lowercased()
    }

    private static func isSitegenLinkable(_ href: String) -> Bool {
        if href.isEmpty { return true }
        guard let scheme = scheme(href) else { return true }
        return ["http", "https", "mailto"].contains(scheme)
    }

    private static func siteRelative(_ href: String) -> String {
        if href.isEmpty || href.hasPrefix("#") || href.hasPrefix("/") || scheme(href) != nil { return href }
        var segments: [Substring] = []
        let parts = href.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            let last = index == parts.count - 1
            if part == "." { if last { segments.append("") }; continue }
            if part == ".." { if !segments.isEmpty { segments.removeLast() }; if last { segments.append("") }; continue }
            segments.append(part)
        }
        return "/" + segments.joined(separator: "/")
    }

    private static func replacing(_ s: String, pattern: String, with template: String) -> String {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.stringByReplacingMatches(in: s, range: NSRange(s.startIndex..., in: s), withTemplate: template)
    }

    private static func replacing(_ s: String, pattern: String, _ transform: ([String]) -> String) -> String {
        let regex = try! NSRegularExpression(pattern: pattern)
        var result = ""
        var cursor = s.startIndex
        for match in regex.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
            let range = Range(match.range, in: s)!
            result += s[cursor..<range.lowerBound]
            let groups = (0..<match.numberOfRanges).map { i in
                Range(match.range(at: i), in: s).map { String(s[$0]) } ?? ""
            }
            result += transform(groups)
            cursor = range.upperBound
        }
        return result + s[cursor...]
    }
}

struct MarkdownFidelityTests {
    struct Snippet: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var testDescription: String { name }
    }

    /// The hand-written corpus.
    static let corpus: [Snippet] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/markdown-corpus/corpus.md")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        var snippets: [Snippet] = []
        for chunk in ("\n" + text).components(separatedBy: "\n%%% ").dropFirst() {
            let newline = chunk.firstIndex(of: "\n") ?? chunk.endIndex
            let body = newline == chunk.endIndex ? "" : String(chunk[chunk.index(after: newline)...])
            snippets.append(Snippet(name: String(chunk[..<newline]), text: body.isEmpty || body.hasSuffix("\n") ? body : body + "\n"))
        }
        return snippets
    }()

    /// Generated snippets: delimiter runs, brackets, escapes and block starts mixed from a
    /// fixed seed, the inputs where emphasis and link parsing are most intricate.
    static let generated: [Snippet] = {
        let tokens = ["*", "**", "_", "__", "~~", "`", "a", "b c", " ", "[", "]", "(", ")", "](/u)", "\\", "!",
                      "<", ">", "&amp;", "&", "http://x.y", "www.a.b", "\n", "\n\n", "- ", "1. ", "> ", "# ", "|", "\"", "'",
                      "x@y.z", "é", "😀", "  \n", "    ", "---", "]:"]
        var state: UInt64 = 0x5EED_CAFE
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<400).map { index in
            let count = 3 + next() % 12
            let text = (0..<count).map { _ in tokens[next() % tokens.count] }.joined()
            return Snippet(name: "generated-\(index)", text: text + "\n")
        }
    }()

    static func sitegenHTML(_ markdown: String) -> String {
        let source = SourceFile(path: "content/page.md", relativePath: "page.md", text: markdown, frontMatter: nil,
                                frontMatterLine: 1, body: markdown, bodyLineOffset: 0)
        var renderer = BodyRenderer(basePath: "/", source: source, pageURLs: [:], slugger: Slugger(), sectionID: "s")
        renderer.anchorsParagraphs = false
        renderer.collectsEditorialNotes = false
        return renderer.render(MarkdownParser().parse(markdown).blocks).rendered
    }

    /// Snippets that use sitegen's own syntax (endnote references, editorial notes, figures,
    /// `{lang=…}`), which cmark-gfm does not know; tested in their own suites.
    static func usesSitegenSyntax(_ text: String) -> Bool {
        text.contains("[^") || text.contains("[Editorial note:") || text.contains("```figure") || text.contains("{lang=")
    }

    @Test func corpusIsLarge() {
        #expect(Self.corpus.count >= 300)
        #expect(Set(Self.corpus.map(\.name)).count == Self.corpus.count)
    }

    @Test(arguments: corpus + generated)
    func rendersAsCmarkGFM(_ snippet: Snippet) {
        let cmark = RendererDifferences.cmark(MarkdownParser().referenceHTML(snippet.text))
        let ours = RendererDifferences.sitegen(Self.sitegenHTML(snippet.text))
        if Self.usesSitegenSyntax(snippet.text) && cmark != ours { return }
        #expect(ours == cmark, "\(snippet.name): \(snippet.text.debugDescription)")
    }

    @Test(arguments: [
        ("foo\\bar", "foo%5Cbar"),
        ("a b", "a%20b"),
        ("http://x.y/ä", "http://x.y/%C3%A4"),
        ("http://x.y/%C3%A4", "http://x.y/%C3%A4"),
        ("-_.+!*(),%#@?=;:/$~&'", "-_.+!*(),%#@?=;:/$~&'"),
        ("<>\"[]\\^`{|}", "%3C%3E%22%5B%5D%5C%5E%60%7B%7C%7D"),
        ("\u{7f}\t", "%7F%09"),
    ])
    func encodesLikeHoudini(_ raw: String, _ encoded: String) {
        #expect(LinkDestination.encoded(raw) == encoded)
    }

    @Test(arguments: [
        ("http://x", "http"), ("MAILTO:a@b", "mailto"), ("a+b.c-d:x", "a+b.c-d"),
        ("foo):", nil), ("1a:x", nil), (":x", nil), ("C:\\path", "c"), ("/a:b", nil), ("a/b:c", nil), ("#x:y", nil),
    ] as [(String, String?)])
    func schemesFollowRFC3986(_ destination: String, _ scheme: String?) {
        #expect(LinkDestination.scheme(of: destination) == scheme)
    }

    @Test func tableAlignmentIsKept() {
        let html = Self.sitegenHTML("| l | c | r | n |\n| :- | :-: | -: | - |\n| 1 | 2 | 3 | 4 |\n")
        #expect(html.contains("<th class=\"align-left\">l</th><th class=\"align-center\">c</th><th class=\"align-right\">r</th><th>n</th>"))
        #expect(html.contains("<td class=\"align-left\">1</td><td class=\"align-center\">2</td><td class=\"align-right\">3</td><td>4</td>"))
    }

    @Test func backslashAndSpaceNeverReachAnHref() {
        let html = Self.sitegenHTML("[a](foo\\bar) [b](<x y>) <http://example.com?find=\\*> [c](foo\\)\\:)\n")
        #expect(html.contains("href=\"/foo%5Cbar\""))
        #expect(html.contains("href=\"/x%20y\""))
        #expect(html.contains("href=\"http://example.com?find=%5C*\""))
        #expect(html.contains("href=\"/foo):\""))
        #expect(!html.contains(#"href="/foo\"#) && !html.contains(#"href="http://example.com?find=\"#))
    }
}
