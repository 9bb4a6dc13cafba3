// Relative links: addresses relative to each page, with the file a folder address stands for;
// nothing else in the HTML moves; the search records and the index scripts follow.

import Foundation
import Testing
@testable import Sitegen

struct RelativeLinksTests {
    @Test(arguments: [
        // (page, site-relative target, expected)
        ("index.html", "", "index.html"),
        ("index.html", "report/notes/", "report/notes/index.html"),
        ("report/introduction/index.html", "", "../../index.html"),
        ("report/introduction/index.html", "report/notes/#note-3", "../notes/index.html#note-3"),
        ("report/introduction/index.html", "report/introduction/#p-2", "index.html#p-2"),
        ("report/introduction/index.html", "assets/site.css", "../../assets/site.css"),
        ("search/index.html", "search/?q=a%20b", "index.html?q=a%20b"),
        ("people/a/index.html", "people/", "../index.html"),
        ("404.html", "assets/favicon.svg", "assets/favicon.svg"),
        ("a/b/c/index.html", "a/x/y.pdf", "../../x/y.pdf"),
    ])
    func addressRelativeToPage(page: String, target: String, expected: String) {
        #expect(RelativeLinks.relative(target, from: page) == expected)
    }

    @Test(arguments: [
        // (base path, page, html, expected)
        ("/", "report/one/index.html",
         #"<a href="/report/two/#x">two</a> <img src="/assets/a.png" alt="/a"> <form action="/search/" method="get">"#,
         #"<a href="../two/index.html#x">two</a> <img src="../../assets/a.png" alt="/a"> <form action="../../search/index.html" method="get">"#),
        ("/sub/path/", "index.html",
         #"<link rel="stylesheet" href="/sub/path/assets/site.css"><a href="/elsewhere/">out</a>"#,
         #"<link rel="stylesheet" href="assets/site.css"><a href="/elsewhere/">out</a>"#),
        // Other hosts, protocol-relative addresses, fragments and non-address attributes stay.
        ("/", "index.html",
         ##"<a href="https://example.org/x/">e</a><a href="//cdn.example/x">c</a><a href="#top">t</a><input aria-keyshortcuts="/">"##,
         ##"<a href="https://example.org/x/">e</a><a href="//cdn.example/x">c</a><a href="#top">t</a><input aria-keyshortcuts="/">"##),
        // Text, comments, scripts and styles are not tags: copied as they are.
        ("/", "index.html",
         #"<p>write href="/x/" here</p><!-- <a href="/c/"> --><script>x='<a href="/s/">'</script><style>a[href="/y/"]{}</style><a HREF='/z/'>z</a>"#,
         #"<p>write href="/x/" here</p><!-- <a href="/c/"> --><script>x='<a href="/s/">'</script><style>a[href="/y/"]{}</style><a HREF='z/index.html'>z</a>"#),
        // Unquoted values and boolean attributes before them.
        ("/", "a/index.html", #"<script defer src=/assets/s.js></script>"#, #"<script defer src=../assets/s.js></script>"#),
    ])
    func rewritesOnlyInternalAddresses(base: String, page: String, html: String, expected: String) {
        let out = RelativeLinks.rewrite(Array(html.utf8), page: page, basePath: Array(base.utf8))
        #expect(String(decoding: out, as: UTF8.self) == expected)
    }

    static let site = [
        "report/01-one.md": "---\ntitle: One\n---\nText about defectors.[^1]\n",
        "report/notes.md": "---\ntitle: Notes\n---\n[^1]: A note.\n",
    ]

    @Test(arguments: [("--relative-links", nil), ("site.yml", "relative_links: true\n")] as [(String, String?)])
    func siteBuiltWithRelativeLinks(how: String, config: String?) throws {
        var content = Self.site
        if let config { content["site.yml"] = config }
        let options = BuildOptions(contentDirectory: "content", templatesDirectory: "templates",
                                   outputDirectory: "/tmp/sitegen-tests-never-written", baseURL: "/sub/",
                                   strict: true, writesOutput: false, relativeLinks: config == nil ? true : nil)
        let result = SiteBuilder(options: options, fileSystem: TestSite.files(content)).build()
        // Strict: the link checker resolved every relative address to a file and anchor.
        #expect(result.succeeded, "\(result.lines)")
        let chapter = try #require(result.text("report/one/index.html"))
        #expect(chapter.contains(#"href="../../assets/site.css""#))
        #expect(chapter.contains(#"<a class="site-title" href="../../index.html">"#))
        #expect(!chapter.contains(#"="/sub/"#))
        // Search results name files, and every index file has a script twin holding the same JSON.
        let records = try #require(result.text("search/records.json"))
        #expect(records.contains(#""report/one/index.html#"#))
        let jsonFiles = result.files.filter { $0.path.hasPrefix("search/") && $0.path.hasSuffix(".json") }
        #expect(!jsonFiles.isEmpty)
        for file in jsonFiles {
            let name = String(file.path.dropFirst("search/".count))
            let script = try #require(result.text(String(file.path.dropLast(5)) + ".js"))
            let prefix = "(self.sitegenIndex=self.sitegenIndex||{})[\"\(name)\"]="
            #expect(script.hasPrefix(prefix))
            let body = script.dropFirst(prefix.count).dropLast(2)   // ";\n"
            #expect(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? NSObject
                    == JSONSerialization.jsonObject(with: file.data) as? NSObject)
        }
    }

    @Test func withoutTheOptionAddressesStartAtTheBasePath() throws {
        let result = TestSite.build(Self.site, baseURL: "/sub/")
        let chapter = try #require(result.text("report/one/index.html"))
        #expect(chapter.contains(#"href="/sub/assets/site.css""#))
        #expect(!result.files.contains { $0.path.hasPrefix("search/") && $0.path.hasSuffix(".js") })
        #expect(try #require(result.text("search/records.json")).contains(#""report/one/#"#))
    }
}
