// Parsing on all cores: cmark-gfm's parse stays behind its lock (a parse changes a
// process-wide table of special characters), the conversion into Swift values runs beside
// it. Texts whose meaning depends on that table (strikethrough, autolinks, tables) parse the
// same on many threads as on one; the stage's cache counts hits and misses as before.

import Testing
import SitegenMarkdown
@testable import Sitegen

struct ParallelParseTests {
    static let texts: [String] = (0..<400).map { n in
        switch n % 4 {
        case 0: return "Text ~~struck \(n)~~ and www.example.com/\(n) and *emphasis*."
        case 1: return "| a | b |\n| --- | :-: |\n| ~~x\(n)~~ | https://example.org/\(n) |\n"
        case 2: return "# Heading \(n)\n\n- item ~one~\n- item <https://a.example/\(n)>\n\n> quote **\(n)**"
        default: return "Plain paragraph \(n) with `code` and [a link](https://b.example/\(n) \"title\")."
        }
    }

    @Test func treesParsedOnAllCoresEqualTreesParsedOneByOne() {
        let parser = MarkdownParser()
        let oneByOne = Self.texts.map { parser.parse($0, lineOffset: 3) }
        for _ in 0..<3 {
            let concurrent = Self.texts.parallelMap { parser.parse($0, lineOffset: 3) }
            #expect(concurrent == oneByOne)
        }
        // The texts do use what the shared table decides: strikethrough and autolinks.
        #expect(oneByOne[0].blocks.description.contains("strikethrough"))
        #expect(oneByOne[0].blocks.description.contains("link"))
    }

    @Test func theBatchCountsHitsAndMissesAsOneByOne() {
        let parser = MarkdownParser()
        let texts = ["a", "b", "a", "c", "b", "a"].map { MarkdownCache.Text(text: "Text \($0) ~~x~~", lineOffset: 0) }
            + [MarkdownCache.Text(text: "Text a ~~x~~", lineOffset: 5)]
        var batch = MarkdownCache(isEnabled: true)
        var single = MarkdownCache(isEnabled: true)
        let batched = batch.documents(texts, parser: parser)
        let one = texts.map { single.document($0.text, lineOffset: $0.lineOffset, parser: parser) }
        #expect(batched == one)
        #expect(batch.hits == single.hits && batch.misses == single.misses)
        #expect(batch.misses == 4 && batch.hits == 3)
        // The next build reuses all of them.
        batch.endBuild()
        batch.beginBuild()
        #expect(batch.documents(texts, parser: parser) == one)
        #expect(batch.misses == 0 && batch.hits == texts.count)
    }

    @Test func aDisabledCacheParsesEveryText() {
        var cache = MarkdownCache(isEnabled: false)
        let texts = ["x", "x", "y"].map { MarkdownCache.Text(text: $0, lineOffset: 0) }
        let trees = cache.documents(texts, parser: MarkdownParser())
        #expect(trees.count == 3 && trees[0] == trees[1])
        #expect(cache.misses == 3 && cache.hits == 0)
    }
}
