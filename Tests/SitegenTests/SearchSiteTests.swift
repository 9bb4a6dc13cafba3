// Search in the built site: every page carries the search box and the script, the search
// page works without a server, and every record of the shipped index links to a page and
// an anchor that exist.

import Foundation
import Testing
@testable import Sitegen

struct SearchSiteTests {
    static let shipped: BuildResult = {
        let options = BuildOptions(contentDirectory: Repo.content, templatesDirectory: Repo.templates,
                                   outputDirectory: "/tmp/sitegen-tests-never-written", baseURL: "/sub/path/",
                                   strict: true, writesOutput: false)
        return SiteBuilder(options: options).build()
    }()

    static func json(_ path: String) throws -> Any {
        let file = try #require(shipped.files.first { $0.path == path }, "\(path) missing")
        return try JSONSerialization.jsonObject(with: file.data)
    }

    @Test func everyPageHasTheSearchBoxAndTheScript() {
        let pages = Self.shipped.files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count > 10)
        for page in pages {
            let html = String(decoding: page.data, as: UTF8.self)
            #expect(html.contains(#"<form class="site-search" role="search" aria-label="Site" action="/sub/path/search/" method="get""#), "\(page.path)")
            // The search page loads it async at the end of its body (its first results wait
            // neither for the style sheets nor for their bandwidth); every other page defer in the head.
            let script = page.path == "search/index.html" ? #"<script src="/sub/path/assets/search.js" async></script>"#
                : #"<script src="/sub/path/assets/search.js" defer></script>"#
            #expect(html.components(separatedBy: "/sub/path/assets/search.js\"").count == 2, "\(page.path): search.js once")
            #expect(html.contains(script), "\(page.path)")
            if page.path == "search/index.html", let at = html.range(of: script), let records = html.range(of: #"id="search-records""#) {
                #expect(records.upperBound < at.lowerBound, "search.js before the records it reads")
            }
            #expect(!html.contains("<script>"), "\(page.path) has an inline script")
        }
    }

    @Test func theSearchPageExplainsItselfWithoutJavaScript() throws {
        let html = try #require(Self.shipped.text("search/index.html"))
        #expect(html.contains(#"<ol id="search-results" class="search-results"></ol>"#))
        #expect(html.contains("<noscript>"))
        #expect(html.contains("Search needs JavaScript"))
        for link in ["/sub/path/", "/sub/path/report/notes/", "/sub/path/documents/"] {
            #expect(html.contains(#"<li><a href="\#(link)">"#), "\(link)")
        }
    }

    @Test func theSearchPageCarriesTheIndexMetadataAndRecordsAndAnnouncesItsScripts() throws {
        let html = try #require(Self.shipped.text("search/index.html"))
        let meta = try #require(Self.shipped.text("search/meta.json"))
        let records = try #require(Self.shipped.text("search/records.json"))
        #expect(html.contains(#"<script type="application/json" id="search-meta">"# + SearchIndexFiles.dataBlock(meta) + "</script>"))
        #expect(html.contains(#"<script type="application/json" id="search-records">"# + SearchIndexFiles.dataBlock(records) + "</script>"))
        #expect(!html.contains("sitegen-search-"), "a placeholder was left in the page")
        // The head start is announced first, right after the charset, and alone (search.js comes
        // after the style sheets); the records are not fetched.
        #expect(html.contains(#"<meta charset="utf-8">"# + "\n" + #"<link rel="preload" href="/sub/path/assets/search-prefetch.js" as="script">"#
            + "\n" + #"<meta name="viewport""#))
        #expect(html.components(separatedBy: #"rel="preload""#).count == 2, "one preload")
        #expect(!html.contains("records.json"))
        #expect(SearchIndexFiles.dataBlock(meta).utf8.count < 8_000, "the metadata the page carries stays small")
        #expect(!html.contains("notes.js"), "the search page needs no note previews")
        let other = try #require(Self.shipped.text("report/notes/index.html"))
        #expect(!other.contains("search-meta") && !other.contains(#"rel="preload""#), "only the search page carries them")
    }

    @Test func indexFilesAreFingerprinted() throws {
        let meta = try #require(try Self.json("search/meta.json") as? [String: Any])
        let named = try #require(meta["shardFiles"] as? [String]) + (try #require(meta["chunkFiles"] as? [String]))
        let written = Set(Self.shipped.files.map(\.path).filter {
            $0.hasPrefix("search/") && $0.hasSuffix(".json") && $0 != "search/meta.json" && $0 != "search/records.json"
        })
        #expect(Set(named.map { "search/" + $0 }) == written)
        for path in written { #expect(SearchIndexFiles.isFingerprinted(path), "\(path)") }
    }

    @Test func recordsCoverTheWholeSite() throws {
        let meta = try #require(try Self.json("search/records.json") as? [String: Any])
        let kinds = try #require(meta["kinds"] as? [String])
        let records = try #require(meta["records"] as? [[Any]])
        var count: [String: Int] = [:]
        for record in records { count[kinds[record[0] as! Int], default: 0] += 1 }
        #expect(count["note"] == 321)
        #expect(count["glossary"] == 13)
        #expect((count["chapter"] ?? 0) > 300)
        #expect((count["document"] ?? 0) > 50)
    }

    @Test func everyRecordLinksToAnAnchorThatExists() throws {
        let meta = try #require(try Self.json("search/records.json") as? [String: Any])
        let records = try #require(meta["records"] as? [[Any]])
        var ids: [String: Set<String>] = [:]
        for file in Self.shipped.files where file.path.hasSuffix("index.html") {
            let html = String(decoding: file.data, as: UTF8.self)
            ids[String(file.path.dropLast("index.html".count))] = Set(ShippedContentTests.matches(##" id="([^"]+)""##, in: html))
        }
        let strings = try #require(meta["strings"] as? [String])
        for record in records {
            let url = SearchIndexFiles.joined(strings[try #require(record[4] as? Int)], try #require(record[5] as? Int))
            #expect(!url.hasPrefix("/"), "\(url) should be relative to the base path")
            let parts = url.split(separator: "#", maxSplits: 1).map(String.init)
            let page = url.hasPrefix("#") ? "" : parts[0]
            #expect(ids[page] != nil, "\(url): no page")
            if parts.count == 2 { #expect(ids[page]?.contains(parts[1]) == true, "\(url): no anchor") }
        }
    }

    @Test func theIndexIsSmallAndSplit() throws {
        let search = Self.shipped.files.filter { $0.path.hasPrefix("search/") && $0.path.hasSuffix(".json") }
        #expect(search.count > 10)
        for file in search { #expect(file.data.count < 64_000, "\(file.path) is \(file.data.count) bytes") }
        let script = try #require(Self.shipped.files.first { $0.path == "assets/search.js" })
        #expect(script.data.count < 20_000)
    }

    @Test func theBuildReportsTheSearchStage() {
        #expect(Self.shipped.stageTimings.map(\.0).contains("search"))
    }
}
