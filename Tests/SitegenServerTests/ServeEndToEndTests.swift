// The real `sitegen serve` on an ephemeral port, on a temporary copy of the small fixture
// site: a page connected to the reload events sees an edit arrive as a `reload` event and
// the page change; broken front matter is reported while the last good page is still
// served; the fix brings the site back. Also: malformed requests, a port in use, Ctrl-C.

import Foundation
import Testing

@Suite(.serialized)
struct ServeEndToEndTests {
    static let binary = Repo.root.appendingPathComponent(".build/debug/sitegen").path

    /// A running `sitegen serve` on a copy of the fixture site.
    final class Preview {
        let root: URL
        let process = Process()
        private let output = LockedText()
        private let errors = LockedText()
        private(set) var port = 0
        private(set) var url = ""
        /// The base path in the printed URL (`/small/` for the fixture).
        var base: String { "/" + url.split(separator: "/").dropFirst(2).map { $0 + "/" }.joined() }

        init(arguments: [String] = []) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-serve-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Repo.smallSite.appendingPathComponent("content"), to: root.appendingPathComponent("content"))
            try FileManager.default.copyItem(at: URL(fileURLWithPath: Repo.templates), to: root.appendingPathComponent("templates"))
            process.executableURL = URL(fileURLWithPath: ServeEndToEndTests.binary)
            process.arguments = ["serve", "--port", "0", "--content", "content", "--templates", "templates"] + arguments
            process.currentDirectoryURL = root
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            let output = self.output, errors = self.errors
            out.fileHandleForReading.readabilityHandler = { output.append($0.availableData) }
            err.fileHandleForReading.readabilityHandler = { errors.append($0.availableData) }
            try process.run()
        }

        /// Waits for the `Serving http://…` line; returns false after `timeout` seconds.
        func waitUntilServing(timeout: Double = 30) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix("Serving http://") }),
                   let address = line.split(separator: " ").dropFirst().first {
                    url = String(address)
                    port = Int(address.split(separator: ":").last?.split(separator: "/").first ?? "") ?? 0
                    return port > 0
                }
                if !process.isRunning { return false }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return false
        }

        var stdout: String { output.text }
        var stderr: String { errors.text }

        func write(_ relative: String, _ text: String) throws {
            // Written to a temporary file and renamed, the way editors save.
            let target = root.appendingPathComponent(relative)
            let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).tmp")
            try text.write(to: temporary, atomically: false, encoding: .utf8)
            guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        }

        func read(_ relative: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
        }

        /// Sends SIGINT and waits up to `timeout` seconds; true when the process exited.
        @discardableResult
        func interrupt(timeout: Double = 10) -> Bool {
            if process.isRunning { process.interrupt() }
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            return !process.isRunning
        }

        deinit {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
            try? FileManager.default.removeItem(at: root)
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func editsReloadErrorsShowAndTheLastGoodSiteStays() throws {
        let preview = try Preview()
        try #require(preview.waitUntilServing(), "serve did not start: \(preview.stderr)")
        // The fixture's index.md sets base_url: /small/.
        #expect(preview.url == "http://127.0.0.1:\(preview.port)/small/")
        let path = preview.base + "report/opening/"

        let chapter = "content/report/01-opening.md"
        let original = try preview.read(chapter)
        let page = try RawResponse.get(port: preview.port, path)
        #expect(page.status == 200)
        #expect(page.body.contains("/__sitegen/reload.js?build=1"))

        let events = try EventStreamClient(port: preview.port)
        let hello = try #require(events.next("hello", timeout: 10))
        #expect(hello == "{\"build\":1,\"diagnostics\":[],\"warnings\":0}")

        // An edit: a reload event, and the page has the new text.
        let started = Date()
        try preview.write(chapter, original.replacingOccurrences(of: "First paragraph", with: "Edited paragraph"))
        let reload = try #require(events.next("reload", timeout: 15), "no reload event: \(preview.stdout)")
        let latency = Date().timeIntervalSince(started)
        #expect(reload == "{\"build\":2,\"diagnostics\":[],\"warnings\":0}")
        let edited = try RawResponse.get(port: preview.port, path)
        #expect(edited.body.contains("Edited paragraph"))
        #expect(edited.body.contains("/__sitegen/reload.js?build=2"))
        #expect(latency < 5, "save to reload event took \(latency) s")

        // Broken front matter: the diagnostics arrive, the last good page is still served.
        try preview.write(chapter, "---\ntitle: [broken\n---\nText.\n")
        let failed = try #require(events.next("failed", timeout: 15), "no failed event: \(preview.stdout)")
        #expect(failed.contains("\"build\":2"))
        #expect(failed.contains("\"content/report/01-opening.md:3:1: error[front-matter-invalid]: invalid YAML front matter"))
        let stale = try RawResponse.get(port: preview.port, path)
        #expect(stale.status == 200)
        #expect(stale.body.contains("Edited paragraph"))
        // The terminal shows it too (stderr is read on another thread: allow it to arrive).
        let stderrDeadline = Date().addingTimeInterval(5)
        while !preview.stderr.contains("error[front-matter-invalid]"), Date() < stderrDeadline { usleep(20_000) }
        #expect(preview.stderr.contains("content/report/01-opening.md:3:1: error[front-matter-invalid]"))

        // A page opened now hears the failure first.
        let late = try EventStreamClient(port: preview.port)
        #expect(late.next("hello", timeout: 10)?.contains("front-matter-invalid") == true)

        // The fix: a reload, and the page shows the fixed text.
        try preview.write(chapter, original.replacingOccurrences(of: "First paragraph", with: "Fixed paragraph"))
        let recovered = try #require(events.next("reload", timeout: 15), "no reload after the fix: \(preview.stdout)")
        #expect(recovered == "{\"build\":3,\"diagnostics\":[],\"warnings\":0}")
        #expect(try RawResponse.get(port: preview.port, path).body.contains("Fixed paragraph"))
        #expect(preview.stdout.contains("re-rendered"))

        // Ctrl-C with event streams open: a clean, quick exit.
        #expect(preview.interrupt(), "serve did not stop on SIGINT")
        #expect(preview.process.terminationStatus == 0)
        #expect(preview.stdout.contains("Stopped."))
        events.connection.read(timeout: 5)
        #expect(events.connection.closed)
    }

    @Test(.timeLimit(.minutes(1)))
    func severalSavesInQuickSuccessionGiveOneRebuild() throws {
        // A debounce far longer than the five saves take, even on a loaded machine.
        let preview = try Preview(arguments: ["--debounce", "300"])
        try #require(preview.waitUntilServing(), "serve did not start: \(preview.stderr)")
        let events = try EventStreamClient(port: preview.port)
        _ = try #require(events.next("hello", timeout: 10))
        let chapter = "content/report/02-closing.md"
        let original = try preview.read(chapter)
        for index in 1...5 {
            try preview.write(chapter, original + "\nSave \(index).\n")
        }
        let reload = try #require(events.next("reload", timeout: 15))
        #expect(reload == "{\"build\":2,\"diagnostics\":[],\"warnings\":0}")
        #expect(events.next("reload", timeout: 1.5) == nil)
        #expect(try RawResponse.get(port: preview.port, preview.base + "report/closing/").body.contains("Save 5."))
        preview.interrupt()
    }

    @Test(.timeLimit(.minutes(1)))
    func malformedAndEscapingRequestsGet400() throws {
        let preview = try Preview()
        try #require(preview.waitUntilServing(), "serve did not start: \(preview.stderr)")
        for request in [
            "GARBAGE\r\n\r\n",
            "GET /report/opening/ HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n",
            "GET /../../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            "GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            "GET /..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            "GET /..\\..\\etc\\passwd HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
        ] {
            let response = try RawResponse.exchange(port: preview.port, request: request)
            #expect(response.status == 400, "\(request.debugDescription) → \(response.status)")
            #expect(!response.body.contains("root:"))
        }
        // The server is still up.
        #expect(try RawResponse.get(port: preview.port, preview.base).status == 200)
        #expect(preview.interrupt())
    }

    @Test(.timeLimit(.minutes(1)))
    func aPortInUseIsOneClearError() throws {
        let first = try Preview()
        try #require(first.waitUntilServing(), "serve did not start: \(first.stderr)")
        let second = Process()
        second.executableURL = URL(fileURLWithPath: Self.binary)
        second.arguments = ["serve", "--port", String(first.port), "--content", "content", "--templates", "templates"]
        second.currentDirectoryURL = first.root
        let err = Pipe(), out = Pipe()
        second.standardError = err
        second.standardOutput = out
        try second.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        second.waitUntilExit()
        #expect(second.terminationStatus == 1)
        #expect(message == "error: port \(first.port) on 127.0.0.1 is already in use; stop the other server or choose another port with --port (--port 0 picks a free one)\n")
        #expect(first.interrupt())
    }

    @Test(.timeLimit(.minutes(1)))
    func aBaseURLWithAPathIsServedUnderIt() throws {
        let preview = try Preview(arguments: ["--base-url", "https://example.org/sub/path/"])
        try #require(preview.waitUntilServing(), "serve did not start: \(preview.stderr)")
        #expect(preview.url == "http://127.0.0.1:\(preview.port)/sub/path/")
        let root = try RawResponse.get(port: preview.port, "/")
        #expect(root.status == 301)
        #expect(root.headers["location"] == "/sub/path/")
        let page = try RawResponse.get(port: preview.port, "/sub/path/report/opening/")
        #expect(page.status == 200)
        #expect(page.body.contains("href=\"/sub/path/report/notes/"))
        #expect(preview.interrupt())
    }
}

/// Text appended from another thread.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ chunk: Data) {
        lock.lock()
        data.append(chunk)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
