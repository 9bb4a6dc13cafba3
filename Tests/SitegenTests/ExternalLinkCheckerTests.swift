// The external link checker: URLs listed once with their pages, checked with a bound on
// concurrency, and every outcome reported (a prober stands in for the network).

import Foundation
import Testing
@testable import Sitegen

/// Counts probes running at the same time.
actor ConcurrencyMeter {
    var current = 0
    var peak = 0
    func enter() { current += 1; peak = max(peak, current) }
    func leave() { current -= 1 }
}

struct ExternalLinkCheckerTests {
    @Test func listsEachExternalURLOnceWithItsPages() {
        let files = [
            OutputFile(path: "a/index.html", text: #"<a href="https://x.example/1">x</a> <a href="/local/">l</a> <a href="https://x.example/1">again</a>"#),
            OutputFile(path: "b/index.html", text: #"<a href="http://y.example/">y</a> <link rel="stylesheet" href="https://cdn.example/s.css">"#),
        ]
        let links = ExternalLinkChecker.links(in: files)
        #expect(links.map(\.url) == ["http://y.example/", "https://x.example/1"])
        #expect(links.map(\.pages) == [["b/index.html"], ["a/index.html"]])
    }

    @Test func checksWithBoundedConcurrencyAndKeepsOrder() async {
        let meter = ConcurrencyMeter()
        let checker = ExternalLinkChecker(maxConcurrent: 3) { url in
            await meter.enter()
            try? await Task.sleep(nanoseconds: 20_000_000)
            await meter.leave()
            if url.path.contains("gone") { return .failed(status: 404) }
            if url.path.contains("slow") { return .unreachable(reason: "timed out") }
            return .ok(status: 200)
        }
        let urls = (0..<12).map { "https://e.example/\($0)" } + ["https://e.example/gone", "https://e.example/slow"]
        let results = await checker.check(urls.map { ExternalLink(url: $0, pages: ["p"], result: nil) })
        #expect(results.map(\.url) == urls)
        #expect(results.filter { $0.result?.isOK == true }.count == 12)
        #expect(results[12].result == .failed(status: 404))
        #expect(results[13].result == .unreachable(reason: "timed out"))
        let peak = await meter.peak
        #expect(peak <= 3)
        #expect(peak >= 2)
    }
}
