// What pages say about themselves to other programs, read back from built sites: Open Graph
// and Twitter card tags, Highwire `citation_*` tags, the canonical link, and JSON-LD that is
// valid JSON in schema.org terms; the "Cite this report" block and its files; `_headers`;
// and the `metadata` section of site.yml with its errors. The fixture is the second report
// (Fixtures/heat-report), built with an absolute base URL; small cases are built in memory.

import Foundation
import Testing
@testable import Sitegen

struct PageMetadataTests {
    static let base = "https://example.org/heat/"

    static let built: BuildResult = {
        let options = BuildOptions(contentDirectory: SecondReportTests.content, templatesDirectory: Repo.templates,
                                   outputDirectory: "/tmp/sitegen-tests-never-written", baseURL: base,
                                   strict: true, writesOutput: false)
        return SiteBuilder(options: options).build()
    }()

    /// The `<meta>` tags of a page as (attribute, key, content), entities decoded.
    static func metaTags(_ html: String) -> [(String, String, String)] {
        let pattern = #"<meta (property|name)="([^"]*)" content="([^"]*)">"#
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            let part = { (i: Int) in String(html[Range(match.range(at: i), in: html)!]) }
            return (part(1), part(2), unescape(part(3)))
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func values(_ html: String, _ key: String) -> [String] { metaTags(html).filter { $0.1 == key }.map(\.2) }

    /// The page's JSON-LD, parsed as JSON.
    static func jsonLD(_ html: String) throws -> [String: Any] {
        let start = try #require(html.range(of: #"<script type="application/ld+json">"#))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let text = String(html[start.upperBound..<end.lowerBound])
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    static func page(_ path: String) throws -> String { try #require(built.text(path), "no \(path)") }

    @Test func fixtureBuildsCleanWithStrict() {
        #expect(Self.built.lines == [])
    }

    @Test(arguments: ["index.html", "report/full/index.html", "report/introduction/index.html", "report/notes/index.html",
                      "people/elena-ortega/index.html", "places/calvera/index.html", "documents/counting-the-quiet-deaths/index.html",
                      "sources/index.html", "search/index.html", "404.html"])
    func everyPageHasOpenGraphTwitterAndJSONLD(_ path: String) throws {
        let html = try Self.page(path)
        for key in ["og:type", "og:title", "og:description", "og:site_name", "og:image", "og:image:alt",
                    "twitter:card", "twitter:title", "twitter:description", "twitter:image", "twitter:image:alt"] {
            #expect(Self.values(html, key).count == 1, "\(path): \(key)")
        }
        #expect(Self.values(html, "og:site_name") == ["Heat and Health in Three Cities"])
        #expect(Self.values(html, "og:image") == [Self.base + "share.png"])
        #expect(Self.values(html, "og:image:alt") == ["A warm gradient card with two pale bars, standing for the study's title"])
        #expect(Self.values(html, "twitter:card") == ["summary_large_image"])
        let ld = try Self.jsonLD(html)
        #expect(ld["@context"] as? String == "https://schema.org")
        #expect(ld["@type"] != nil)
        // Canonical and og:url: the page's own absolute address (none for the 404 page, which has no address of its own).
        if path == "404.html" {
            #expect(!html.contains(#"rel="canonical""#))
        } else {
            let address = Self.base + String(path.dropLast("index.html".count))
            #expect(html.contains(#"<link rel="canonical" href="\#(address)">"#))
            #expect(Self.values(html, "og:url") == [address])
        }
    }

    @Test func homePageDescribesThePublication() throws {
        let html = try Self.page("index.html")
        #expect(Self.values(html, "og:title") == ["Heat and Health in Three Cities: Excess mortality during the summer heat waves of 2019–2022"])
        #expect(Self.values(html, "citation_title") == ["Heat and Health in Three Cities: Excess mortality during the summer heat waves of 2019–2022"])
        #expect(Self.values(html, "citation_author") == ["Lindqvist, Marta", "Jonas Okafor"])
        #expect(Self.values(html, "citation_author_institution") == ["Institute for Heat Studies"])
        #expect(Self.values(html, "citation_publication_date") == ["2023"])
        #expect(Self.values(html, "citation_publisher") == ["Fixture Press"])
        #expect(Self.values(html, "citation_technical_report_institution") == ["Fixture Press"])
        #expect(Self.values(html, "citation_isbn") == ["000-0-00-000000-0"])
        #expect(Self.values(html, "citation_language") == ["en"])
        #expect(Self.values(html, "citation_pdf_url") == [Self.base + "files/heat-and-health.pdf"])
        #expect(Self.values(html, "citation_inbook_title") == [])

        let ld = try Self.jsonLD(html)
        #expect(ld["@type"] as? [String] == ["Report", "Book"])
        #expect(ld["name"] as? String == "Heat and Health in Three Cities")
        #expect(ld["isbn"] as? String == "000-0-00-000000-0")
        #expect(ld["datePublished"] as? String == "2023")
        #expect(ld["url"] as? String == Self.base)
        let authors = try #require(ld["author"] as? [[String: Any]])
        #expect(authors.map { $0["@type"] as? String } == ["Person", "Person"])
        #expect(authors.map { $0["name"] as? String } == ["Marta Lindqvist", "Jonas Okafor"])
        #expect(authors[0]["familyName"] as? String == "Lindqvist")
        #expect((authors[0]["affiliation"] as? [String: Any])?["@type"] as? String == "Organization")
        let publisher = try #require(ld["publisher"] as? [String: Any])
        #expect(publisher["@type"] as? String == "Organization" && publisher["name"] as? String == "Fixture Press")
        let parts = try #require(ld["hasPart"] as? [[String: Any]])
        #expect(parts.map { $0["@type"] as? String } == ["Chapter", "Chapter", "Chapter"])
        #expect(parts.first?["url"] as? String == Self.base + "report/introduction/")
        let pdf = try #require(ld["encoding"] as? [String: Any])
        #expect(pdf["contentUrl"] as? String == Self.base + "files/heat-and-health.pdf")
    }

    @Test func chaptersArePartsOfThePublication() throws {
        let html = try Self.page("report/excess-deaths/index.html")
        let title = try #require(Self.values(html, "citation_title").first)
        #expect(html.contains("<h1>\(HTML.escaped(title))</h1>"))
        #expect(Self.values(html, "citation_inbook_title") == ["Heat and Health in Three Cities: Excess mortality during the summer heat waves of 2019–2022"])
        #expect(Self.values(html, "citation_author") == ["Lindqvist, Marta", "Jonas Okafor"])
        #expect(Self.values(html, "og:type") == ["article"])
        let ld = try Self.jsonLD(html)
        #expect(ld["@type"] as? String == "Chapter")
        #expect(ld["position"] as? Int == 2)
        let whole = try #require(ld["isPartOf"] as? [String: Any])
        #expect(whole["@type"] as? [String] == ["Report", "Book"])
        #expect(whole["@id"] as? String == Self.base + "#publication")
        #expect(whole["isbn"] as? String == "000-0-00-000000-0")
    }

    @Test(arguments: [("people/elena-ortega/index.html", "Person", "Elena Ortega"),
                      ("places/calvera/index.html", "Place", "Calvera"),
                      ("organisations/city-health-office/index.html", "Organization", nil)])
    func profilesTakeTheSchemaTypeOfTheirProfileType(_ path: String, _ schema: String, _ name: String?) throws {
        let html = try Self.page(path)
        let ld = try Self.jsonLD(html)
        #expect(ld["@type"] as? String == "ProfilePage")
        let entity = try #require(ld["mainEntity"] as? [String: Any])
        #expect(entity["@type"] as? String == schema)
        if let name { #expect(entity["name"] as? String == name) }
        #expect((entity["alternateName"] as? [String])?.contains("") != true)
        #expect(Self.values(html, "citation_title") == [], "no Highwire tags on a profile")
    }

    @Test func citeThisReportOnHomeAndChaptersWithItsFiles() throws {
        let citation = "Lindqvist, Marta, and Jonas Okafor. 2023. <i>Heat and Health in Three Cities: Excess mortality during the summer heat waves of 2019–2022</i>. Calvera: Fixture Press. https://example.org/heat/"
        for path in ["index.html", "report/introduction/index.html", "report/response/index.html"] {
            let html = try Self.page(path)
            #expect(html.contains(#"<div class="cite-text" id="cite-text">\#(citation)</div>"#), "\(path)")
            #expect(html.contains(#"<a href="/heat/cite/publication.ris" download="lindqvist2023heat.ris">RIS</a>"#), "\(path)")
            #expect(html.contains(#"<script src="/heat/assets/cite.js" defer></script>"#), "\(path)")
        }
        for path in ["report/notes/index.html", "people/elena-ortega/index.html"] {
            let html = try Self.page(path)
            #expect(!html.contains("cite-text") && !html.contains("cite.js"), "\(path)")
        }
        let bib = try #require(Self.built.text("cite/publication.bib"))
        #expect(bib.hasPrefix("@techreport{lindqvist2023heat,\n  author = {Lindqvist, Marta and {Jonas Okafor}},"))
        #expect(bib.contains("  file = {https://example.org/heat/files/heat-and-health.pdf}"))
        let ris = try #require(Self.built.text("cite/publication.ris"))
        #expect(ris.hasPrefix("TY  - RPRT\r\nAU  - Lindqvist, Marta\r\nAU  - Jonas Okafor\r\n"))
        #expect(ris.hasSuffix("L1  - https://example.org/heat/files/heat-and-health.pdf\r\nER  - \r\n"))
        let csl = try #require(Self.built.files.first { $0.path == "cite/publication.json" })
        let items = try #require(try JSONSerialization.jsonObject(with: csl.data) as? [[String: Any]])
        #expect(items.count == 1 && items[0]["type"] as? String == "report")
        #expect((items[0]["author"] as? [[String: String]]) == [["family": "Lindqvist", "given": "Marta"], ["literal": "Jonas Okafor"]])
    }

    @Test(arguments: [
        // (authors as YAML, the citation's opening)
        ("[{name: Ana Ruiz}]", "Ana Ruiz. 2021. <i>T</i>."),
        ("[{name: Ana Ruiz, family: Ruiz, given: Ana}]", "Ruiz, Ana. 2021. <i>T</i>."),
        ("[{name: Ana Ruiz, family: Ruiz, given: Ana}, {name: Bo Li}]", "Ruiz, Ana, and Bo Li. 2021. <i>T</i>."),
        ("[{name: Ana Ruiz}, {name: Bo Li}]", "Ana Ruiz and Bo Li. 2021. <i>T</i>."),
        ("[{name: A, family: A}, {name: B}, {name: C}]", "A, B, and C. 2021. <i>T</i>."),
        ("[]", "<i>T</i>. 2021."),
    ])
    func chicagoAuthorDateNames(_ authors: String, _ opening: String) throws {
        let result = TestSite.build(["index.md": "---\ntitle: T\nauthors: \(authors)\nyear: 2021\n---\nAbstract.\n"])
        let html = try #require(result.text("index.html"))
        #expect(html.contains(#"<div class="cite-text" id="cite-text">\#(opening)"#), "\(authors)")
    }

    @Test func textOfTheContentIsEscapedInEveryTagAndTheJSONLD() throws {
        let hostile = #"Q&A "quoted" </script><script>alert(1)</script> <!-- x"#
        let result = TestSite.build(["index.md": "---\ntitle: '\(hostile.replacingOccurrences(of: "'", with: "''"))'\nauthors: [{name: \"O'Brien & <b>\"}]\n---\nAbstract.\n",
                                     "report/01-one.md": "---\ntitle: One\n---\nText.\n"], baseURL: "https://example.org/")
        for path in ["index.html", "report/one/index.html"] {
            let html = try #require(result.text(path))
            #expect(!html.contains("<script>alert"), "\(path)")
            #expect(html.components(separatedBy: "</script>").count == html.components(separatedBy: "<script").count, "\(path)")
            let ld = try Self.jsonLD(html)
            let name = path == "index.html" ? ld["name"] as? String : (ld["isPartOf"] as? [String: Any])?["name"] as? String
            #expect(name == hostile, "\(path)")
            #expect(Self.values(html, "citation_author") == ["O'Brien & <b>"], "\(path)")
        }
        #expect(Self.values(try #require(result.text("index.html")), "og:title") == [hostile])
    }

    @Test func noCanonicalNorAbsoluteAddressesWithoutAHost() throws {
        for base in [nil, "/sub/"] {
            let result = TestSite.build(["report/01-one.md": "---\ntitle: One\n---\nText.\n"], baseURL: base)
            let html = try #require(result.text("index.html"))
            #expect(!html.contains(#"rel="canonical""#))
            #expect(Self.values(html, "og:url") == [])
            #expect(Self.values(html, "og:image") == [])
            #expect(Self.values(html, "twitter:card") == ["summary"])
            #expect(Self.values(html, "citation_abstract_html_url") == [])
            #expect(try Self.jsonLD(html)["url"] == nil)
            #expect(result.text("cite/publication.ris")?.contains("UR  -") == false)
        }
    }

    @Test func headersFileCarriesTheSecurityHeadersUnderTheBasePath() throws {
        let headers = try #require(Self.built.text("_headers"))
        #expect(headers.contains("\n/heat/*\n  Content-Security-Policy: default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n"))
        #expect(headers.contains("\n/heat/search/terms-*\n  Cache-Control: public, max-age=31536000, immutable\n"))
        // A _headers of the content folder is the site's own: copied, not replaced.
        let own = TestSite.build(["_headers": "/*\n  X-Frame-Options: DENY\n"])
        #expect(own.text("_headers") == "/*\n  X-Frame-Options: DENY\n")
    }

    @Test(arguments: [
        ("metadata:\n  imag: a.png\n", "site.yml:2:3: error[config-unknown-key]: 'metadata.imag' is not a metadata setting; expected one of: image, pdf, image_alt (did you mean 'image'?)"),
        ("metadata:\n  image: missing.png\n", "site.yml:2:3: error[config-file-missing]: 'metadata.image' names 'missing.png', which is no file of the content folder; give a path such as share.png, relative to content/"),
        ("metadata:\n  pdf: report.pfd\n", "site.yml:2:3: error[config-file-missing]: 'metadata.pdf' names 'report.pfd', which is no file of the content folder; give a path such as files/report.pdf (relative to content/) or an http(s) address (did you mean 'report.pdf'?)"),
    ])
    func metadataSectionErrors(_ yaml: String, _ expected: String) {
        let result = TestSite.build(["site.yml": yaml, "report.pdf": "%PDF-1.4\n"])
        #expect(result.lines.contains { $0.hasSuffix(expected) }, "\(result.lines)")
    }

    @Test func metadataPDFMayBeAnAddress() throws {
        let result = TestSite.build(["site.yml": "metadata:\n  pdf: https://example.org/report.pdf\n",
                                     "report/01-one.md": "---\ntitle: One\n---\nText.\n"])
        #expect(result.lines == [])
        #expect(Self.values(try #require(result.text("index.html")), "citation_pdf_url") == ["https://example.org/report.pdf"])
    }
}
