// The external link checker: URLs listed once with their pages, checked with a bound on
// concurrency, and every outcome reported (a prober stands in for the network).

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
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

    @Test func checksWithBoundedConcurrencyAndKeepsOrder() async throws {
        let meter = ConcurrencyMeter()
        // A long timeout: the stub answers in 20 ms, but a loaded machine may make it wait.
        let checker = ExternalLinkChecker(maxConcurrent: 3, timeout: 600) { url in
            await meter.enter()
            try? await Task.sleep(nanoseconds: 20_000_000)
            await meter.leave()
            if url.path.contains("gone") { return .failed(status: 404) }
            if url.path.contains("slow") { return .unreachable(reason: "timed out") }
            return .ok(status: 200)
        }
        let urls = (0..<12).map { "https://e.example/\($0)" } + ["https://e.example/gone", "https://e.example/slow"]
        let results = try await checker.check(urls.map { ExternalLink(url: $0, pages: ["p"], result: nil) })
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
/// within the timeout, with one request per URL, failures are reported in words, and nothing
/// a server does brings the process down. Time bounds are generous (2 × timeout + 30 s): the
/// machine may be loaded (a full `swift test` next to other builds has seen a 1 s deadline
/// observed after 13 s); what is asserted is that a URL is cut off, not when exactly. A server
/// that answers is given a long timeout, so that load cannot turn its answer into a timeout.
@Suite(.serialized)
struct ExternalLinkDeadlineTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var behaviour: MisbehavingServer.Behaviour
        var expected: ProbeResult
        var testDescription: String { behaviour.rawValue }
    }

    /// The timeout for servers that never answer, and the bound on how long they may hold a URL.
    static let timeout: TimeInterval = 1
    static let bound: Duration = .seconds(2 * timeout + 30)
    /// The timeout for servers that do answer (with a status or an error).
    static let answerTimeout: TimeInterval = 60

    static let cases: [Case] = [
        Case(behaviour: .silent, expected: .unreachable(reason: "timed out after 1 s")),
        Case(behaviour: .slowHeaders, expected: .unreachable(reason: "timed out after 1 s")),
        Case(behaviour: .endlessHeaders, expected: .unreachable(reason: "the server's answer has too many or too long header lines")),
        // The head is complete: the status is known, the body is never read.
        Case(behaviour: .endlessBody, expected: .ok(status: 200)),
        Case(behaviour: .garbage, expected: .unreachable(reason: "the server's answer is not valid HTTP")),
        Case(behaviour: .ok, expected: .ok(status: 200)),
        Case(behaviour: .missing, expected: .failed(status: 404)),
    ]

    static func check(_ url: String, timeout: TimeInterval = timeout, concurrency: Int = 1) async throws -> (ProbeResult?, Duration) {
        let started = ContinuousClock.now
        let results = try await ExternalLinkChecker(maxConcurrent: concurrency, timeout: timeout)
            .check([ExternalLink(url: url, pages: ["p"], result: nil)])
        return (results.first?.result, ContinuousClock.now - started)
    }

    @Test(.timeLimit(.minutes(5)), arguments: cases)
    func eachURLIsAnsweredWithinTheTimeoutWithOneRequest(_ item: Case) async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let answers: Bool
        if case .unreachable(let reason) = item.expected { answers = !reason.hasPrefix("timed out") } else { answers = true }
        let (result, elapsed) = try await Self.check(server.url(item.behaviour), timeout: answers ? Self.answerTimeout : Self.timeout)
        #expect(result == item.expected)
        // An answer comes before its (long) deadline; a server that never answers is cut off.
        #expect(elapsed < (answers ? .seconds(Self.answerTimeout) : Self.bound), "took \(elapsed)")
        // One GET, never HEAD then GET. (A server that never answers may, on a loaded machine,
        // not even have read the request before the deadline: at most one, then.)
        if answers {
            #expect(server.requests == ["GET /\(item.behaviour.rawValue)"])
        } else {
            #expect(server.requests.count <= 1 && server.requests.allSatisfy { $0 == "GET /\(item.behaviour.rawValue)" }, "\(server.requests)")
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func aSlowHeaderServerIsCutOffWhileStillSending() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        // The server sends a header line every 0.2 s, forever: no read timeout ever fires;
        // only the deadline ends the request, and the connection is then closed.
        let (result, elapsed) = try await Self.check(server.url(.slowHeaders), timeout: 1.5)
        #expect(result == .unreachable(reason: "timed out after 1.5 s"))
        #expect(elapsed >= .milliseconds(1_400) && elapsed < .seconds(2 * 1.5 + 30), "took \(elapsed)")
        #expect(await Self.eventually { server.openConnections == 0 }, "the slow connection is still open")
    }

    @Test(.timeLimit(.minutes(5)))
    func theBodyIsAbandonedAfterTheHead() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        // With the client still alive, its connection to the endless body must close by itself.
        let closed = try await HTTPHeadProber.with(concurrency: 1, timeout: Self.answerTimeout) { prober in
            let result = await prober.probe(URL(string: server.url(.endlessBody))!)
            #expect(result == .ok(status: 200))
            return await Self.eventually { server.openConnections == 0 }
        }
        #expect(closed, "the endless body is still being sent")
    }

    @Test(.timeLimit(.minutes(5)))
    func aConnectionClosedWithoutAnswerIsReportedInWords() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let (result, _) = try await Self.check(server.url(.hangUp), timeout: Self.answerTimeout)
        #expect(result == .unreachable(reason: "the connection was closed before the server answered"))
        #expect(server.requests == ["GET /hang-up"])
    }

    @Test(.timeLimit(.minutes(5)))
    func aRefusedConnectionIsReportedInWords() async throws {
        let server = try MisbehavingServer()
        let port = server.port
        server.stop()
        let (result, _) = try await Self.check("http://127.0.0.1:\(port)/", timeout: Self.answerTimeout)
        #expect(result == .unreachable(reason: "could not connect (connection refused)"))
    }

    @Test(.timeLimit(.minutes(5)))
    func tlsToAPlainPortFailsInWords() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let url = server.url(.ok).replacingOccurrences(of: "http://", with: "https://")
        let (result, _) = try await Self.check(url, timeout: Self.answerTimeout)
        #expect(result == .unreachable(reason: "the secure (TLS) connection failed"))
        #expect(server.tlsHandshakes == 1)
    }

    @Test(.timeLimit(.minutes(5)))
    func redirectsAreFollowedWithOneRequestPerHop() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let (result, _) = try await Self.check(server.redirecting(3), timeout: Self.answerTimeout)
        #expect(result == .ok(status: 200))
        #expect(server.requests == ["GET /hop/3", "GET /hop/2", "GET /hop/1", "GET /hop/0", "GET /ok"])
    }

    @Test(.timeLimit(.minutes(5)), arguments: [
        (12, "too many redirects (more than 10)"),
        (-1, "redirects go round in a circle"),
    ])
    func endlessRedirectsAreCutOff(_ hops: Int, _ reason: String) async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let (result, _) = try await Self.check(hops < 0 ? server.url(.loop) : server.redirecting(hops), timeout: Self.answerTimeout)
        #expect(result == .unreachable(reason: reason))
        #expect(server.requests.count <= HTTPHeadProber.maximumRedirects + 1)
    }

    @Test(.timeLimit(.minutes(5)))
    func sixSlowServersTakeThreeTimeoutsAtTwoAtATime() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let links = (0..<6).map { ExternalLink(url: server.url($0 % 2 == 0 ? .slowHeaders : .silent, $0), pages: ["p"], result: nil) }
        let started = ContinuousClock.now
        let results = try await ExternalLinkChecker(maxConcurrent: 2, timeout: 1).check(links)
        let elapsed = ContinuousClock.now - started
        #expect(results.allSatisfy { $0.result == .unreachable(reason: "timed out after 1 s") })
        // Three rounds of two: never less than three timeouts (the upper bound only says that
        // the slow servers, which never end, were cut off).
        #expect(elapsed >= .milliseconds(2_900) && elapsed < .seconds(3 * 2 + 40), "took \(elapsed)")
        #expect(server.requests.count == 6)
    }

    @Test(.timeLimit(.minutes(5)))
    func moreURLsOnOneHostThanThePoolsDefaultRunTogether() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        // Twelve silent URLs on one host, twelve at a time: all asked at once (none waits
        // for a pooled connection and times out without having been asked).
        let links = (0..<12).map { ExternalLink(url: server.url(.silent, $0), pages: ["p"], result: nil) }
        let started = ContinuousClock.now
        let results = try await ExternalLinkChecker(maxConcurrent: 12, timeout: 1.5).check(links)
        let elapsed = ContinuousClock.now - started
        #expect(results.allSatisfy { $0.result == .unreachable(reason: "timed out after 1.5 s") })
        #expect(server.requests.count == 12)
        #expect(elapsed < .seconds(2 * 1.5 + 30), "took \(elapsed)")
    }

    @Test(.timeLimit(.minutes(5)))
    func aProberThatIgnoresCancellationIsStillCutOff() async throws {
        let checker = ExternalLinkChecker(maxConcurrent: 2, timeout: 0.3) { _ in
            // Answers after 30 s whatever happens, deaf to cancellation.
            await withCheckedContinuation { continuation in
                DispatchQueue.global().asyncAfter(deadline: .now() + 30) { continuation.resume(returning: .ok(status: 200)) }
            }
        }
        let started = ContinuousClock.now
        let results = try await checker.check([ExternalLink(url: "https://a.example/", pages: ["p"], result: nil)])
        #expect(results.first?.result == .unreachable(reason: "timed out after 0.3 s"))
        // Long before the prober's 30 s (the slack is for a loaded machine).
        #expect(ContinuousClock.now - started < .seconds(2 * 0.3 + 20))
    }

    /// Errors the network stack can raise, and the words the report gives for them.
    static let errors: [(any Error & Sendable, String)] = [
        (HTTPClientError.readTimeout, "timed out"),
        (HTTPClientError.deadlineExceeded, "timed out"),
        (HTTPClientError.connectTimeout, "timed out connecting"),
        (HTTPClientError.remoteConnectionClosed, "the connection was closed before the server answered"),
        (HTTPClientError.redirectLimitReached, "too many redirects (more than 10)"),
        (HTTPClientError.invalidURL, "not a valid URL"),
        (HTTPClientError.unsupportedScheme("ftp"), "not a URL that can be checked"),
        (IOError(errnoCode: ECONNREFUSED, reason: "connect"), "could not connect (connection refused)"),
        (IOError(errnoCode: ECONNRESET, reason: "read"), "the connection was reset by the server"),
        (IOError(errnoCode: EHOSTUNREACH, reason: "connect"), "the host cannot be reached"),
        (HTTPParserError.invalidStatus, "the server's answer is not valid HTTP"),
        (HTTPParserError.headerOverflow, "the server's answer has too many or too long header lines"),
        (ChannelError.eof, "the connection was closed before the server answered"),
        (CancellationError(), "cancelled"),
    ]

    @Test(arguments: errors.indices)
    func networkErrorsAreDescribedInWords(_ index: Int) {
        let (error, words) = Self.errors[index]
        #expect(HTTPHeadProber.describe(error) == words)
    }

    @Test(arguments: [(3.0, "3 s"), (0.5, "0.5 s"), (2.25, "2.25 s"), (86_400, "86400 s")])
    func durationsReadAsSeconds(_ value: Double, _ text: String) {
        #expect(ExternalLinkChecker.seconds(value) == text)
    }

    /// True once `condition` holds, false if it still does not after 30 s.
    static func eventually(_ condition: @Sendable () -> Bool) async -> Bool {
        for _ in 0..<600 {
            if condition() { return true }
            try? await Task.sleep(nanoseconds: 50_000_000)
        }
        return condition()
    }
}

/// `sitegen check --external` as the user runs it: options validated, slow servers bounded.
@Suite(.serialized)
struct CheckExternalCommandTests {
    static let binary = Repo.root.appendingPathComponent(".build/debug/sitegen").path

    typealias Outcome = (status: Int32, stdout: String, stderr: String, seconds: Double)

    /// Runs the binary on a thread of its own (waiting for it does not hold one of the few
    /// threads every other test's tasks run on).
    static func run(_ arguments: [String], in folder: URL) async throws -> Outcome {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Outcome, Error>) in
            Thread { continuation.resume(with: Result { try runBlocking(arguments, in: folder) }) }.start()
        }
    }

    private static func runBlocking(_ arguments: [String], in folder: URL) throws -> Outcome {
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

    @Test(.timeLimit(.minutes(5)), arguments: [
        (["--timeout", "nan"], "--timeout must be a positive number of seconds, not nan"),
        (["--timeout", "inf"], "--timeout must be a positive number of seconds, not inf"),
        (["--timeout=-1"], "--timeout must be a positive number of seconds, not -1.0"),
        (["--timeout", "0"], "--timeout must be a positive number of seconds, not 0.0"),
        (["--concurrency", "0"], "--concurrency must be at least 1, not 0"),
        (["--concurrency=-3"], "--concurrency must be at least 1, not -3"),
    ])
    func badOptionsAreUsageErrors(_ options: [String], _ message: String) async throws {
        let result = try await Self.run(["check", "--external"] + options, in: temporaryFolder())
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("Error: \(message)"), "\(result.stderr)")
    }

    @Test(.timeLimit(.minutes(5)))
    func slowServersAreReportedWithinTheTimeout() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let root = temporaryFolder()
        let links = [server.url(.slowHeaders), server.url(.silent), server.url(.endlessBody), server.url(.ok)]
            .enumerated().map { "[link \($0.offset)](\($0.element))" }.joined(separator: " ")
        _ = try OutputTests.materialise([
            "report/01-one.md": "---\ntitle: One\n---\nText.[^1] \(links)\n",
            "report/notes.md": "---\ntitle: Notes\n---\n[^1]: A note.\n",
        ], in: root)
        let result = try await Self.run(["check", "--external", "--timeout", "5", "--concurrency", "4",
                                   "--content", "content", "--templates", "templates"], in: root)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.seconds < 60, "took \(result.seconds) s")
        #expect(result.stdout.contains("at most 5 s each"))
        #expect(result.stdout.contains("FAIL --- \(server.url(.slowHeaders)): timed out after 5 s"), "\(result.stdout)")
        #expect(result.stdout.contains("FAIL --- \(server.url(.silent)): timed out after 5 s"), "\(result.stdout)")
        #expect(result.stdout.contains("ok   200 \(server.url(.endlessBody))"), "\(result.stdout)")
        #expect(result.stdout.contains("2 of 4 external URLs answered"), "\(result.stdout)")
        #expect(server.requests.count == 4)
    }
}
