// `sitegen check --external`: lists the external URLs the site links to and checks each
// one over the network, with a bound on concurrent requests and a total deadline per URL
// that covers everything (connecting, slow headers, redirects): whatever a server does, a
// URL's answer is known within the timeout. Never part of a build or of CI (CI has no
// network); the prober is injected so the scheduling and the deadline can be tested
// without one.

import Foundation

/// The outcome of checking one URL.
public enum ProbeResult: Hashable, Sendable {
    case ok(status: Int)
    case failed(status: Int)
    case unreachable(reason: String)

    /// True for 2xx and 3xx answers.
    public var isOK: Bool { if case .ok = self { return true }; return false }

    /// The outcome of a status code: 2xx and 3xx are fine, everything else failed.
    static func status(_ status: Int) -> ProbeResult {
        (200..<400).contains(status) ? .ok(status: status) : .failed(status: status)
    }
}

/// One external URL with the pages that link to it and what checking it gave.
public struct ExternalLink: Hashable, Sendable {
    public var url: String
    public var pages: [String]
    public var result: ProbeResult?
}

/// Checks external links with bounded concurrency and a deadline per URL.
public struct ExternalLinkChecker: Sendable {
    public typealias Prober = @Sendable (URL) async -> ProbeResult
    public var maxConcurrent: Int
    /// Seconds each URL may take in all; past it the URL is reported as timed out and its
    /// request cancelled.
    public var timeout: TimeInterval
    /// The prober; nil for the network one (`HTTPHeadProber`), made for each `check`.
    public var probe: Prober?

    /// Creates a checker. The default prober sends one GET per URL and stops reading at the
    /// end of the response head (no body is downloaded). `timeout` must be finite and
    /// positive, `maxConcurrent` at least 1 (the command validates both).
    public init(maxConcurrent: Int = 8, timeout: TimeInterval = 10, probe: Prober? = nil) {
        precondition(timeout.isFinite && timeout > 0, "the timeout must be a positive number of seconds")
        self.maxConcurrent = max(1, maxConcurrent)
        self.timeout = timeout
        self.probe = probe
    }

    /// The distinct external `<a href>` URLs of the HTML files, with the pages that use them.
    public static func links(in files: [OutputFile]) -> [ExternalLink] {
        var pages: [String: Set<String>] = [:]
        for file in files where file.path.hasSuffix(".html") {
            for tag in HTMLScanner.tags(in: String(decoding: file.data, as: UTF8.self)) where tag.name == "a" {
                guard let href = tag.attributes["href"], href.hasPrefix("http://") || href.hasPrefix("https://") else { continue }
                pages[href, default: []].insert(file.path)
            }
        }
        return pages.keys.sorted().map { ExternalLink(url: $0, pages: pages[$0]!.sorted(), result: nil) }
    }

    /// Checks every link, at most `maxConcurrent` at a time, each within `timeout`; results
    /// keep the input order. With the network prober, its HTTP client is shut down before
    /// this returns; throws only if that fails.
    public func check(_ links: [ExternalLink]) async throws -> [ExternalLink] {
        if let probe { return await check(links, with: probe) }
        return try await HTTPHeadProber.with(concurrency: maxConcurrent, timeout: timeout) { prober in
            await check(links, with: { url in await prober.probe(url) })
        }
    }

    private func check(_ links: [ExternalLink], with probe: @escaping Prober) async -> [ExternalLink] {
        var results = links
        await withTaskGroup(of: (Int, ProbeResult).self) { group in
            var next = 0
            func startNext() {
                guard next < links.count else { return }
                let index = next
                next += 1
                let timeout = self.timeout
                group.addTask {
                    guard let url = URL(string: links[index].url) else { return (index, .unreachable(reason: "not a valid URL")) }
                    return (index, await Self.withDeadline(timeout) { await probe(url) })
                }
            }
            for _ in 0..<min(maxConcurrent, links.count) { startNext() }
            while let (index, result) = await group.next() {
                results[index].result = result
                startNext()
            }
        }
        return results
    }

    /// Runs `operation`, and gives up after `seconds`: the operation's task is cancelled and
    /// the result is "timed out after N s". Returns at the deadline even if the operation
    /// ignores cancellation (it then finishes, unobserved, in the background).
    static func withDeadline(_ seconds: TimeInterval, _ operation: @escaping @Sendable () async -> ProbeResult) async -> ProbeResult {
        let outcome = FirstOutcome()
        return await withCheckedContinuation { continuation in
            outcome.install(continuation)
            let work = Task {
                outcome.finish(await operation())
            }
            let timer = DispatchWorkItem {
                if outcome.finish(.unreachable(reason: "timed out after \(Self.seconds(seconds))")) { work.cancel() }
            }
            outcome.onFinish { timer.cancel() }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
        }
    }

    /// A duration as the messages show it: `3 s`, `0.5 s`, `2.25 s`.
    public static func seconds(_ value: TimeInterval) -> String {
        if value == value.rounded(), value < 1e15 { return "\(Int(value)) s" }
        return String(format: "%g s", value)
    }
}

/// The first of two racing outcomes, delivered once.
private final class FirstOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<ProbeResult, Never>?
    private var pending: ProbeResult?
    private var done = false
    private var cleanup: (() -> Void)?

    func install(_ continuation: CheckedContinuation<ProbeResult, Never>) {
        lock.lock()
        if let pending {
            lock.unlock()
            continuation.resume(returning: pending)
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    func onFinish(_ action: @escaping () -> Void) {
        lock.lock()
        if done {
            lock.unlock()
            action()
            return
        }
        cleanup = action
        lock.unlock()
    }

    /// Delivers `result` unless an outcome was delivered already; true when it was this one.
    @discardableResult
    func finish(_ result: ProbeResult) -> Bool {
        lock.lock()
        guard !done else {
            lock.unlock()
            return false
        }
        done = true
        let continuation = self.continuation
        self.continuation = nil
        if continuation == nil { pending = result }
        let cleanup = self.cleanup
        self.cleanup = nil
        lock.unlock()
        continuation?.resume(returning: result)
        cleanup?()
        return true
    }
}
