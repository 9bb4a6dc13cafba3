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
        #expect((meta["records"] as? [[Any]])?.count == 300)

        let starts = try #require(meta["shards"] as? [String])
        #expect(starts.count > 5)
        var terms: [String] = []
        for (n, start) in starts.enumerated() {
            let shard = try Self.json(files, "search/terms-\(n).json", as: [String: [String]].self)
            #expect(shard["terms"]?.first == start)
            #expect(shard["terms"]?.count == shard["postings"]?.count)
            terms += shard["terms"] ?? []
        }
        #expect(terms == index.terms)

        let chunks = try #require(meta["chunks"] as? [Int])
        #expect(chunks.first == 0 && chunks.count > 5)
        var texts: [String] = []
        for n in chunks.indices {
            texts += try Self.json(files, "search/text-\(n).json", as: [String].self)
        }
        #expect(texts == records.map(\.text))
        #expect(files.count == 1 + starts.count + chunks.count)
    }

    @Test func aliasesTravelWithTheText() throws {
        let index = SearchIndexer().index([
            SearchRecord(kind: .person, title: "Nyi Thuta", url: "people/nyi-thuta/", text: "A captain.", boosted: ["Nyi Thuta", "Captain Nyi Thuta"]),
        ])
        let text = try #require(SearchIndexFiles().files(for: index).first { $0.path == "search/text-0.json" })
        #expect(String(decoding: text.data, as: UTF8.self) == #"[["A captain.","Captain Nyi Thuta"]]"#)
    }
}
