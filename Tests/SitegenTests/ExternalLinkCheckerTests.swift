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

/// The real prober against servers on loopback that misbehave: every URL's answer is known
/// within the timeout, with one request per URL, and failures are reported in words.
@Suite(.serialized)
struct ExternalLinkDeadlineTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var behaviour: MisbehavingServer.Behaviour
        var expected: ProbeResult
        var testDescription: String { behaviour.rawValue }
    }

    static let cases: [Case] = [
        Case(behaviour: .silent, expected: .unreachable(reason: "timed out after 1 s")),
        Case(behaviour: .slowHeaders, expected: .unreachable(reason: "timed out after 1 s")),
        // The head is complete: the status is known, the body is never read.
        Case(behaviour: .endlessBody, expected: .ok(status: 200)),
        Case(behaviour: .ok, expected: .ok(status: 200)),
        Case(behaviour: .missing, expected: .failed(status: 404)),
    ]

    @Test(.timeLimit(.minutes(1)), arguments: cases)
    func eachURLIsAnsweredWithinTheTimeoutWithOneRequest(_ item: Case) async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let checker = ExternalLinkChecker(maxConcurrent: 1, timeout: 1)
        let started = ContinuousClock.now
        let results = await checker.check([ExternalLink(url: server.url(item.behaviour), pages: ["p"], result: nil)])
        let elapsed = ContinuousClock.now - started
        #expect(results.first?.result == item.expected)
        #expect(elapsed < .milliseconds(2_500), "took \(elapsed)")
        // One GET, never HEAD then GET.
        #expect(server.requests == ["GET /\(item.behaviour.rawValue)"])
    }

    @Test(.timeLimit(.minutes(1)))
    func aConnectionClosedWithoutAnswerIsReportedInWords() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let results = await ExternalLinkChecker(timeout: 5).check([ExternalLink(url: server.url(.hangUp), pages: ["p"], result: nil)])
        guard case .unreachable(let reason)? = results.first?.result else {
            Issue.record("expected a failure, got \(String(describing: results.first?.result))")
            return
        }
        #expect(!reason.contains("NSURLErrorDomain") && !reason.contains("error -"), "\(reason)")
        #expect(reason == "the connection was closed before the server answered" || reason == "the server's answer is not valid HTTP",
                "\(reason)")
    }

    @Test(.timeLimit(.minutes(1)))
    func aRefusedConnectionIsReportedInWords() async throws {
        let server = try MisbehavingServer()
        let port = server.port
        server.stop()
        let results = await ExternalLinkChecker(timeout: 5).check([ExternalLink(url: "http://127.0.0.1:\(port)/", pages: ["p"], result: nil)])
        #expect(results.first?.result == .unreachable(reason: "could not connect (connection refused)"))
    }

    @Test(.timeLimit(.minutes(1)))
    func sixSlowServersTakeThreeTimeoutsAtTwoAtATime() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let links = (0..<6).map { ExternalLink(url: server.url($0 % 2 == 0 ? .slowHeaders : .silent, $0), pages: ["p"], result: nil) }
        let started = ContinuousClock.now
        let results = await ExternalLinkChecker(maxConcurrent: 2, timeout: 1).check(links)
        let elapsed = ContinuousClock.now - started
        #expect(results.allSatisfy { $0.result == .unreachable(reason: "timed out after 1 s") })
        #expect(elapsed >= .milliseconds(2_900) && elapsed < .milliseconds(5_500), "took \(elapsed)")
        #expect(server.requests.count == 6)
    }

    @Test(.timeLimit(.minutes(1)))
    func aProberThatIgnoresCancellationIsStillCutOff() async {
        let checker = ExternalLinkChecker(maxConcurrent: 2, timeout: 0.3) { _ in
            // Answers after 3 s whatever happens, deaf to cancellation.
            await withCheckedContinuation { continuation in
                DispatchQueue.global().asyncAfter(deadline: .now() + 3) { continuation.resume(returning: .ok(status: 200)) }
            }
        }
        let started = ContinuousClock.now
        let results = await checker.check([ExternalLink(url: "https://a.example/", pages: ["p"], result: nil)])
        #expect(results.first?.result == .unreachable(reason: "timed out after 0.3 s"))
        #expect(ContinuousClock.now - started < .milliseconds(2_000))
    }

    @Test(arguments: [(3.0, "3 s"), (0.5, "0.5 s"), (2.25, "2.25 s"), (86_400, "86400 s")])
    func durationsReadAsSeconds(_ value: Double, _ text: String) {
        #expect(ExternalLinkChecker.seconds(value) == text)
    }
}

/// `sitegen check --external` as the user runs it: options validated, slow servers bounded.
@Suite(.serialized)
struct CheckExternalCommandTests {
    static let binary = Repo.root.appendingPathComponent(".build/debug/sitegen").path

    static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, stdout: String, stderr: String, seconds: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let started = Date()
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self),
                Date().timeIntervalSince(started))
    }

    @Test(.timeLimit(.minutes(1)), arguments: [
        (["--timeout", "nan"], "--timeout must be a positive number of seconds, not nan"),
        (["--timeout", "inf"], "--timeout must be a positive number of seconds, not inf"),
        (["--timeout=-1"], "--timeout must be a positive number of seconds, not -1.0"),
        (["--timeout", "0"], "--timeout must be a positive number of seconds, not 0.0"),
        (["--concurrency", "0"], "--concurrency must be at least 1, not 0"),
        (["--concurrency=-3"], "--concurrency must be at least 1, not -3"),
    ])
    func badOptionsAreUsageErrors(_ options: [String], _ message: String) throws {
        let result = try Self.run(["check", "--external"] + options, in: temporaryFolder())
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("Error: \(message)"), "\(result.stderr)")
    }

    @Test(.timeLimit(.minutes(1)))
    func slowServersAreReportedWithinTheTimeout() throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let root = temporaryFolder()
        let links = [server.url(.slowHeaders), server.url(.silent), server.url(.endlessBody), server.url(.ok)]
            .enumerated().map { "[link \($0.offset)](\($0.element))" }.joined(separator: " ")
        _ = try OutputTests.materialise([
            "report/01-one.md": "---\ntitle: One\n---\nText.[^1] \(links)\n",
            "report/notes.md": "---\ntitle: Notes\n---\n[^1]: A note.\n",
        ], in: root)
        let result = try Self.run(["check", "--external", "--timeout", "1.5", "--concurrency", "4",
                                   "--content", "content", "--templates", "templates"], in: root)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.seconds < 20, "took \(result.seconds) s")
        #expect(result.stdout.contains("at most 1.5 s each"))
        #expect(result.stdout.contains("FAIL --- \(server.url(.slowHeaders)): timed out after 1.5 s"), "\(result.stdout)")
        #expect(result.stdout.contains("FAIL --- \(server.url(.silent)): timed out after 1.5 s"), "\(result.stdout)")
        #expect(result.stdout.contains("ok   200 \(server.url(.endlessBody))"), "\(result.stdout)")
        #expect(result.stdout.contains("2 of 4 external URLs answered"), "\(result.stdout)")
        #expect(server.requests.count == 4)
    }
}
