// Idle connections cannot take the server: past the cap, the connection idle the longest is
// closed to make room (never one with a response in progress, such as an event stream);
// connections without a request are closed after the idle timeout, also when they send
// their head one line at a time. In process, on a loopback port, with raw sockets.

import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle
import Sitegen
import Testing
@testable import SitegenServer

/// Runs the preview's router with `server` on an ephemeral loopback port for `body`, with no
/// other connection than those `body` opens (Hummingbird's `.live` tester opens one).
func withPreviewServer(server: HTTPServerBuilder, hostPolicy: HostPolicy? = HostPolicy(boundHost: "127.0.0.1"),
                       _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
    let (site, hub) = Fixture.preview()
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    let app = Application(
        router: PreviewRouter.make(site: site, hub: hub, hostPolicy: hostPolicy),
        server: server,
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) },
        logger: logger)
    let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        do {
            try await body(port)
        } catch {
            hub.close()
            await group.triggerGracefulShutdown()
            throw error
        }
        hub.close()
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
    }
}

@Suite(.serialized)
struct ConnectionLimitTests {
    /// Waits (polling) until `condition` holds; false after `timeout` seconds.
    static func eventually(_ timeout: Double = 30, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    struct CapObservations: Sendable {
        var countsAfterEachIdle: [Int] = []
        var helloBeforeCap = false
        var countWithStream = 0
        var warningsBeforeCap = 0
        var settledAtCap = false
        var closedFlags: [Bool] = []
        var pageStatus = 0
        var pageSeconds = 0.0
        var streamOpen = false
        var peak = 0
    }

    @Test(.timeLimit(.minutes(5)))
    func pastTheCapTheLongestIdleConnectionIsClosedAndRequestsAreAnswered() async throws {
        let warnings = NIOLockedValueBox<[String]>([])
        let limiter = ConnectionLimiter(maximum: 8, fileLimit: 64, warn: { line in warnings.withLockedValue { $0.append(line) } })
        let seen = NIOLockedValueBox(CapObservations())
        try await withPreviewServer(server: PreviewServer.http1(limiter: limiter, idleTimeout: .seconds(60))) { port in
            let result = try await offThePool {
                var seen = CapObservations()
                // Seven idle connections, then an event stream (busy for as long as it is open).
                var idle: [RawConnection] = []
                for _ in 0..<7 {
                    idle.append(try RawConnection(port: port))
                    _ = Self.eventually { limiter.count == idle.count }
                    seen.countsAfterEachIdle.append(limiter.count)
                }
                let events = try EventStreamClient(port: port)
                seen.helloBeforeCap = events.next("hello", timeout: 30) != nil
                seen.countWithStream = limiter.count
                seen.warningsBeforeCap = warnings.withLockedValue { $0.count }
                // Twelve more idle connections: each closes the oldest idle one.
                for _ in 0..<12 {
                    idle.append(try RawConnection(port: port))
                    usleep(20_000)
                }
                seen.settledAtCap = Self.eventually { limiter.count <= 8 }
                for connection in idle { connection.read(timeout: 0.05) }
                seen.closedFlags = idle.map(\.closed)
                // A normal request is answered at once.
                let started = Date()
                seen.pageStatus = try RawResponse.get(port: port, "/report/opening/").status
                seen.pageSeconds = Date().timeIntervalSince(started)
                events.connection.read(timeout: 0.1)
                seen.streamOpen = !events.connection.closed
                seen.peak = limiter.peak
                return seen
            }
            seen.withLockedValue { $0 = result }
        }
        let result = seen.withLockedValue { $0 }
        #expect(result.countsAfterEachIdle == [1, 2, 3, 4, 5, 6, 7])
        #expect(result.helloBeforeCap)
        #expect(result.countWithStream == 8)
        #expect(result.warningsBeforeCap == 0)
        #expect(result.settledAtCap)
        // Twelve idle connections were closed, the oldest ones; the newest are open. (Opened
        // 20 ms apart, two neighbours may reach the server in either order on a loaded machine.)
        #expect(result.closedFlags.filter { $0 }.count == 12, "\(result.closedFlags)")
        #expect(result.closedFlags.prefix(10).allSatisfy { $0 } && result.closedFlags.suffix(5).allSatisfy { !$0 }, "\(result.closedFlags)")
        #expect(result.pageStatus == 200)
        // Answered, not stuck (the fault was no answer at all); generous: the machine may be loaded.
        #expect(result.pageSeconds < 20, "took \(result.pageSeconds) s")
        // The event stream was never closed to make room.
        #expect(result.streamOpen)
        #expect(result.peak <= 9)
        let lines = warnings.withLockedValue { $0 }
        #expect(lines == ["warning: 8 connections open, the most this preview allows (the limit of open files is 64; "
                          + "raise it with `ulimit -n` to allow more); closing the connections idle the longest to make room"])
    }

    @Test(.timeLimit(.minutes(5)))
    func whenEveryConnectionIsBusyTheNewOneIsClosed() async throws {
        let limiter = ConnectionLimiter(maximum: 3)
        let seen = NIOLockedValueBox<(hellos: [Bool], extraClosed: Bool, streamsOpen: [Bool])>(([], false, []))
        try await withPreviewServer(server: PreviewServer.http1(limiter: limiter, idleTimeout: .seconds(60))) { port in
            let result = try await offThePool {
                var hellos: [Bool] = []
                var streams: [EventStreamClient] = []
                for _ in 0..<3 {
                    let stream = try EventStreamClient(port: port)
                    hellos.append(stream.next("hello", timeout: 30) != nil)
                    streams.append(stream)
                }
                let extra = try RawConnection(port: port)
                extra.read(timeout: 30)
                var open: [Bool] = []
                for stream in streams {
                    stream.connection.read(timeout: 0.05)
                    open.append(!stream.connection.closed)
                }
                return (hellos, extra.closed, open)
            }
            seen.withLockedValue { $0 = result }
        }
        let result = seen.withLockedValue { $0 }
        #expect(result.hellos == [true, true, true])
        #expect(result.extraClosed)
        #expect(result.streamsOpen == [true, true, true])
    }

    struct TimeoutObservations: Sendable {
        var hello = false
        var slowClosedAfter = 0.0
        var silentClosed = false
        var slowClosed = false
        var keptClosed = false
        var keptAnswer = ""
        var streamOpen = false
    }

    @Test(.timeLimit(.minutes(5)))
    func idleAndSlowConnectionsAreClosedAfterTheIdleTimeoutButEventStreamsStay() async throws {
        let limiter = ConnectionLimiter(maximum: 100)
        let seen = NIOLockedValueBox(TimeoutObservations())
        try await withPreviewServer(server: PreviewServer.http1(limiter: limiter, idleTimeout: .milliseconds(500))) { port in
            let result = try await offThePool {
                var seen = TimeoutObservations()
                let silent = try RawConnection(port: port)
                let slow = try RawConnection(port: port)
                let events = try EventStreamClient(port: port)
                seen.hello = events.next("hello", timeout: 30) != nil
                let started = Date()
                // The slow one sends a header line every 100 ms and never ends its head.
                try slow.send("GET /report/opening/ HTTP/1.1\r\n")
                var line = 0
                while !slow.closed && Date().timeIntervalSince(started) < 30 {
                    line += 1
                    try? slow.send("X-Slow-\(line): \(line)\r\n")
                    slow.read(timeout: 0.1)
                }
                seen.slowClosedAfter = Date().timeIntervalSince(started)
                seen.slowClosed = slow.closed
                silent.read(timeout: 30)
                seen.silentClosed = silent.closed
                // A keep-alive connection that finished a request is closed later too.
                let kept = try RawConnection(port: port)
                try kept.send("GET /report/opening/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                kept.read(timeout: 30)
                seen.keptClosed = kept.closed
                seen.keptAnswer = String(kept.text.prefix(15))
                // The event stream outlives the idle timeout.
                events.connection.read(timeout: 0.2)
                seen.streamOpen = !events.connection.closed
                return seen
            }
            seen.withLockedValue { $0 = result }
        }
        let result = seen.withLockedValue { $0 }
        #expect(result.hello)
        #expect(result.silentClosed)
        #expect(result.slowClosed)
        // Closed by the 0.5 s idle timeout, not kept for as long as it sends (bound generous: load).
        #expect(result.slowClosedAfter < 15, "the slow head held its connection \(result.slowClosedAfter) s")
        #expect(result.keptClosed)
        #expect(result.keptAnswer == "HTTP/1.1 200 OK")
        #expect(result.streamOpen)
    }

    @Test(arguments: [(1024, 896), (256, 208), (64, 16), (20, 8), (65536, 1000)])
    func theCapLeavesDescriptorsForTheServer(_ fileLimit: Int, _ maximum: Int) {
        #expect(ConnectionLimiter.maximum(forFileLimit: fileLimit) == maximum)
    }
}
