// The index files: numbers and postings survive encoding, strings survive JSON, terms are
// split into ordered shards that together hold every term once, texts into chunks that
// together hold every record once.

import Foundation
import Testing
@testable import Sitegen

struct SearchIndexFilesTests {
    @Test(arguments: [0, 1, 31, 32, 33, 1023, 1024, 32767, 32768, 1_000_000])
    func numbersRoundTrip(_ number: Int) {
        let postings = [SearchIndex.Posting(record: number, score: number + 1)]
        #expect(SearchIndexFiles.decode(SearchIndexFiles.encode(postings)) == postings)
    }

    @Test(arguments: [
        (0, "W"), (31, "_"), (32, "1W"), (33, "1X"), (1024, "10W"),
    ])
    func numbersUseTheDocumentedAlphabet(_ number: Int, _ encoded: String) {
        var bytes: [UInt8] = []
        SearchIndexFiles.appendNumber(number, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == encoded)
    }

    @Test func postingsAreGapsAndScores() {
        let postings = [SearchIndex.Posting(record: 3, score: 40), .init(record: 4, score: 1), .init(record: 700, score: 200)]
        #expect(SearchIndexFiles.encode(postings) == "Z1e" + "XX" + "Lu" + "6e")
        #expect(SearchIndexFiles.decode(SearchIndexFiles.encode(postings)) == postings)
    }

    @Test(arguments: ["plain", "quote \" and \\ backslash", "line\nbreak\ttab", "\u{2028}\u{2029}", "\u{1}", "Bünthe ’s ဦး"])
    func stringsSurviveJSON(_ string: String) throws {
        let json = "[" + SearchIndexFiles.string(string) + "]"
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(parsed == [string])
    }

    static func json<T>(_ files: [String: Data], _ path: String, as type: T.Type) throws -> T {
        let data = try #require(files[path], "\(path) missing")
        return try #require(try JSONSerialization.jsonObject(with: data) as? T, "\(path) is not a \(T.self)")
    }

    @Test func shardsAndChunksCoverTheIndex() throws {
        let records = (0..<300).map { n in
            SearchRecord(kind: .chapter, title: "Chapter \(n % 7)", section: n % 3 == 0 ? "Section \(n)" : nil, url: "c/#p\(n)",
                         text: "Paragraph \(n) about word\(n) and word\(n * 7 % 300), \"quoted\".")
        }
        let index = SearchIndexer().index(records)
        var layout = SearchIndexFiles()
        layout.shardBytes = 400
        layout.chunkBytes = 300
        let files = Dictionary(uniqueKeysWithValues: layout.files(for: index).map { ($0.path, $0.data) })
        let meta = try Self.json(files, "search/meta.json", as: [String: Any].self)
        let table = try Self.json(files, "search/records.json", as: [String: Any].self)
        let rows = try #require(table["records"] as? [[Int]])
        let strings = try #require(table["strings"] as? [String])
        #expect(rows.count == 300)
        // Titles and URLs read back from their stems and numbers.
        #expect(rows.map { SearchIndexFiles.joined(strings[$0[1]], $0[2]) } == records.map(\.title))
        #expect(rows.map { SearchIndexFiles.joined(strings[$0[4]], $0[5]) } == records.map(\.url))
        #expect(rows.map { $0[3] < 0 ? nil : strings[$0[3]] } == records.map(\.section))
        #expect(meta["count"] as? Int == 300)

        let starts = try #require(meta["shards"] as? [String])
        let shardFiles = try #require(meta["shardFiles"] as? [String])
        #expect(starts.count > 5)
        #expect(shardFiles.count == starts.count)
        var terms: [String] = []
        for (n, start) in starts.enumerated() {
            #expect(shardFiles[n].hasPrefix("terms-\(n).") && SearchIndexFiles.isFingerprinted("search/" + shardFiles[n]))
            let shard = try Self.json(files, "search/" + shardFiles[n], as: [String: [String]].self)
            #expect(shard["terms"]?.first == start)
            #expect(shard["terms"]?.count == shard["postings"]?.count)
            terms += shard["terms"] ?? []
        }
        #expect(terms == index.terms)

        let chunks = try #require(meta["chunks"] as? [Int])
        let chunkFiles = try #require(meta["chunkFiles"] as? [String])
        #expect(chunks.first == 0 && chunks.count > 5)
        #expect(chunkFiles.count == chunks.count)
        var texts: [String] = []
        for n in chunks.indices {
            #expect(chunkFiles[n].hasPrefix("text-\(n).") && SearchIndexFiles.isFingerprinted("search/" + chunkFiles[n]))
            texts += try Self.json(files, "search/" + chunkFiles[n], as: [String].self)
        }
        #expect(texts == records.map(\.text))
        #expect(files.count == 2 + starts.count + chunks.count)
    }

    @Test(arguments: [
        ("Note 12", "Note ", 12), ("report/x/#intro-p3", "report/x/#intro-p", 3), ("#abstract-p10", "#abstract-p", 10),
        ("c/#p0", "c/#p", 0), ("people/nyi-thuta/", "people/nyi-thuta/", -1), ("Chapter 1: Introduction", "Chapter 1: Introduction", -1),
        ("a/#p07", "a/#p07", -1), ("x1234567890", "x1234567890", -1), ("123456789", "", 123456789), ("", "", -1),
        ("Bünthe 2", "Bünthe ", 2),
    ])
    func titlesAndURLsSplitBeforeTheirLastNumber(text: String, stem: String, number: Int) {
        let split = SearchIndexFiles.numbered(text)
        #expect(split.stem == stem && split.number == number)
        #expect(SearchIndexFiles.joined(split.stem, split.number) == text)
    }

    @Test func aliasesTravelWithTheText() throws {
        let index = SearchIndexer().index([
            SearchRecord(kind: .person, title: "Nyi Thuta", url: "people/nyi-thuta/", text: "A captain.", boosted: ["Nyi Thuta", "Captain Nyi Thuta"]),
        ])
        let text = try #require(SearchIndexFiles().files(for: index).first { $0.path.hasPrefix("search/text-0.") })
        #expect(String(decoding: text.data, as: UTF8.self) == #"[["A captain.","Captain Nyi Thuta"]]"#)
    }

    @Test func namesCarryAFingerprintOfTheContent() throws {
        func names(_ texts: [String]) -> [String] {
            let records = texts.enumerated().map { SearchRecord(kind: .chapter, title: "T", url: "c/#p\($0.offset)", text: $0.element) }
            return SearchIndexFiles().files(for: SearchIndexer().index(records)).map(\.path).sorted()
        }
        let first = names(["alpha beta", "gamma"])
        #expect(first == names(["alpha beta", "gamma"]), "same content, same names")
        let changed = names(["alpha beta", "delta"])
        let fixed: Set = ["search/meta.json", "search/records.json"]
        #expect(fixed.isSubset(of: first) && fixed.isSubset(of: changed))
        #expect(Set(first).intersection(changed) == fixed, "every terms and text file changed, so every name did")
        for name in first where !fixed.contains(name) {
            #expect(name.range(of: #"^search/(terms|text)-\d+\.[0-9a-f]{8}\.json$"#, options: .regularExpression) != nil, "\(name)")
        }
    }

    @Test(arguments: [
        ("search/terms-0.0123abcd.json", true), ("search/text-12.ffffffff.json", true),
        ("search/meta.json", false), ("search/terms-0.json", false), ("search/terms-0.0123ABCD.json", false),
        ("search/terms-0.0123abc.json", false), ("search/other-0.0123abcd.json", false), ("search/terms-x.0123abcd.json", false),
        ("assets/terms-0.0123abcd.json", false), ("search/sub/terms-0.0123abcd.json", false), ("search/index.html", false),
    ])
    func fingerprintedNames(_ path: String, _ expected: Bool) {
        #expect(SearchIndexFiles.isFingerprinted(path) == expected)
    }

    @Test func theDataBlockCannotEndItsScriptElement() throws {
        let meta = #"{"strings":["</script><script>alert(1)</script>","<!-- x","a<b"]}"# + "\n"
        let block = SearchIndexFiles.dataBlock(meta)
        #expect(!block.contains("<"))
        #expect(!block.hasSuffix("\n"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: [String]])
        #expect(parsed["strings"] == ["</script><script>alert(1)</script>", "<!-- x", "a<b"])
    }

    @Test func theIndexerFillsTheSearchPageDataBlock() throws {
        let page = OutputFile(path: "search/index.html",
                              text: #"<main><script type="application/json" id="search-meta">"# + SearchIndexFiles.metaPlaceholder + "</script></main>")
        let records = [SearchRecord(kind: .chapter, title: "A title", url: "c/#p1", text: "Some </script> text.")]
        let site = SearchIndexer().run(RenderedSite(files: [page], searchRecords: records))
        let html = try #require(site.files.first { $0.path == "search/index.html" }.map { String(decoding: $0.data, as: UTF8.self) })
        let meta = try #require(site.files.first { $0.path == "search/meta.json" }.map { String(decoding: $0.data, as: UTF8.self) })
        #expect(!html.contains(SearchIndexFiles.metaPlaceholder))
        #expect(html.contains(SearchIndexFiles.dataBlock(meta)))
        let block = try #require(html.range(of: #"(?<=id="search-meta">).*(?=</script>)"#, options: .regularExpression))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(html[block].utf8)) as? [String: Any])
        #expect(parsed["count"] as? Int == 1)
        #expect((parsed["shardFiles"] as? [String])?.count == 1)
    }
}
