// The one-file edition: self-contained (styles, font, icon, scripts inside), links into the
// file as anchors, links elsewhere to the published site or none, the notice in the site's
// words, a file it did not write never replaced, and the shipped report under its budget.

import Foundation
import Testing
@testable import Sitegen

struct SingleFileEditionTests {
    static let site = [
        "report/01-one.md": "---\ntitle: One\n---\nText about [two](/report/two/) and a note.[^1]\n",
        "report/02-two.md": "---\ntitle: Two\n---\nMore text.[^2]\n",
        "report/notes.md": "---\ntitle: Notes\n---\n[^1]: A note.\n[^2]: Another note.\n",
        // A site style sheet with a font of its own (as the shipped site brings its Burmese font).
        "site.yml": "stylesheets: [assets/script.css]\n",
        "assets/script.css": "@font-face { font-family: Script; src: url(\"fonts/script.woff2\") format(\"woff2\"); }\n",
        "assets/fonts/script.woff2": "wOF2-test-font",
    ]

    static func edition(baseURL: String?, content: [String: String] = site) throws -> String {
        let result = TestSite.build(content, baseURL: baseURL)
        #expect(result.succeeded, "\(result.lines)")
        let site = RenderedSite(files: result.files)
        let urls = SiteURLs(baseURL: baseURL ?? "/")
        let data = try #require(SingleFileEdition(urls: urls, strings: .english).make(site))
        return String(decoding: data, as: UTF8.self)
    }

    /// Addresses of the file that would load or lead to something outside it.
    static func outside(_ html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\s(href|src|action|poster)="([^"]*)""#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            let value = (html as NSString).substring(with: match.range(at: 2))
            return value.hasPrefix("#") || value.hasPrefix("data:") || value.hasPrefix("https://") || value.hasPrefix("mailto:") ? nil : value
        }
    }

    @Test func withoutBaseURLEverythingIsInsideTheFile() throws {
        let html = try Self.edition(baseURL: nil)
        #expect(Self.outside(html).isEmpty, "\(Self.outside(html).prefix(5))")
        #expect(html.contains(SingleFileEdition.generatorMark))
        #expect(html.contains("<style>") && !html.contains(#"rel="stylesheet""#))
        #expect(html.contains("data:font/woff2;base64," + Data("wOF2-test-font".utf8).base64EncodedString()),
                "the site style sheet's font is inlined")
        #expect(html.contains("@font-face { font-family: Script;"), "the site's own style sheet is inlined")
        #expect(html.contains(#"rel="icon" href="data:image/svg+xml;base64,"#))
        // Note previews and reading aids come along; search (it needs the index) does not.
        #expect(html.contains("<script>\n") && html.contains("note-preview") && !html.contains("sitegenSearch"))
        #expect(!html.contains(#"class="site-search""#) && !html.contains(#"class="site-nav""#))
        // The chapter link in the text is the chapter in the file; the notice says links are text.
        #expect(html.contains(##"href="#note-1""##))
        #expect(html.contains(InterfaceStrings.english["single_file_links_offline"]))
        #expect(html.contains(#"<p class="single-file-notice">"#))
    }

    @Test func withAbsoluteBaseURLOtherPagesAreOnThePublishedSite() throws {
        let html = try Self.edition(baseURL: "https://example.org/r/")
        #expect(Self.outside(html).isEmpty, "\(Self.outside(html).prefix(5))")
        #expect(html.contains(#"href="https://example.org/r/editorial-notes/""#) || html.contains(#"href="https://example.org/r/report/notes/""#))
        #expect(html.contains(#"action="https://example.org/r/search/""#), "the search box leads to the published site's search")
        #expect(html.contains(InterfaceStrings.english.format("single_file_links_online", ["url": "https://example.org/r/"])))
    }

    @Test func noticeInTheSitesLanguage() throws {
        var content = Self.site
        content["site.yml"] = "lang: fr\n"
        content["i18n/fr.yml"] = "single_file_notice: Édition en un seul fichier.\nsingle_file_links_offline: Liens en texte.\n"
        let result = TestSite.build(content)
        #expect(result.succeeded, "\(result.lines)")
        let loaded = ContentLoader(contentDirectory: "content", fileSystem: TestSite.files(content)).load().0
        let french = try #require(loaded?.strings)
        let html = String(decoding: try #require(SingleFileEdition(urls: SiteURLs(baseURL: "/"), strings: french).make(RenderedSite(files: result.files))), as: UTF8.self)
        #expect(html.contains("Édition en un seul fichier. Liens en texte."))
    }

    @Test func replacesOnlyItsOwnFile() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = RenderedSite(files: TestSite.build(Self.site).files)
        let edition = SingleFileEdition(urls: SiteURLs(baseURL: "/"), strings: .english)
        let path = folder.appendingPathComponent("report.html").path
        try Data("<p>my own notes</p>".utf8).write(to: URL(fileURLWithPath: path))
        let refused = edition.write(site, to: path, force: false)
        #expect(refused.map(\.code) == [.singleFileExists])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "<p>my own notes</p>")
        #expect(edition.write(site, to: path, force: true).isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains(SingleFileEdition.generatorMark))
        // Its own file is replaced without --force.
        #expect(edition.write(site, to: path, force: false).isEmpty)
        #expect(edition.write(site, to: folder.path, force: true).map(\.code) == [.singleFileExists])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"], "no temporary file left")
    }

    @Test func shippedReportFitsTheBudget() throws {
        let options = BuildOptions(contentDirectory: Repo.content, templatesDirectory: Repo.templates,
                                   outputDirectory: "/tmp/sitegen-tests-never-written", writesOutput: false)
        let result = SiteBuilder(options: options).build()
        #expect(result.succeeded)
        let data = try #require(SingleFileEdition(urls: SiteURLs(baseURL: "/"), strings: .english).make(RenderedSite(files: result.files)))
        #expect(data.count <= SingleFileEdition.sizeBudget, "\(data.count) bytes")
        let html = String(decoding: data, as: UTF8.self)
        #expect(html.contains("<svg"), "the chart of the figures page is in the file")
        #expect(Self.outside(html).isEmpty, "\(Self.outside(html).prefix(5))")
        // Every in-file anchor has its element.
        let ids = SingleFileEdition.ids(in: html)
        let anchors = try NSRegularExpression(pattern: ##"href="#([^"]+)""##)
            .matches(in: html, range: NSRange(html.startIndex..., in: html))
            .map { (html as NSString).substring(with: $0.range(at: 1)).removingPercentEncoding ?? "" }
        #expect(!anchors.isEmpty)
        #expect(anchors.filter { !ids.contains($0) }.isEmpty, "\(anchors.filter { !ids.contains($0) }.prefix(5))")
    }
}
