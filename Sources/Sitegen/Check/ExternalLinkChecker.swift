// `sitegen check --external`: lists the external URLs the site links to and checks each
// one over the network, with a timeout per request and a bound on concurrent requests.
// Never part of a build or of CI (CI has no network); the prober is injected so the
// scheduling can be tested without one.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The outcome of checking one URL.
public enum ProbeResult: Hashable, Sendable {
    case ok(status: Int)
    case failed(status: Int)
    case unreachable(reason: String)

    /// True for 2xx and 3xx answers.
    public var isOK: Bool { if case .ok = self { return true }; return false }
}

/// One external URL with the pages that link to it and what checking it gave.
public struct ExternalLink: Hashable, Sendable {
    public var url: String
    public var pages: [String]
    public var result: ProbeResult?
}

/// Checks external links with bounded concurrency.
public struct ExternalLinkChecker: Sendable {
    public typealias Prober = @Sendable (URL) async -> ProbeResult
    public var maxConcurrent: Int
    public var probe: Prober

    /// Creates a checker; the default prober asks with HEAD, then GET when HEAD is refused.
    public init(maxConcurrent: Int = 8, timeout: TimeInterval = 10, probe: Prober? = nil) {
        self.maxConcurrent = max(1, maxConcurrent)
        self.probe = probe ?? { url in await Self.httpProbe(url, timeout: timeout) }
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

    /// Checks every link, at most `maxConcurrent` at a time; results keep the input order.
    public func check(_ links: [ExternalLink]) async -> [ExternalLink] {
        var results = links
        await withTaskGroup(of: (Int, ProbeResult).self) { group in
            var next = 0
            func startNext() {
                guard next < links.count else { return }
                let index = next
                next += 1
                let probe = self.probe
                group.addTask {
                    guard let url = URL(string: links[index].url) else { return (index, .unreachable(reason: "not a valid URL")) }
                    return (index, await probe(url))
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

    /// HEAD (then GET when the server refuses HEAD) with a timeout.
    static func httpProbe(_ url: URL, timeout: TimeInterval) async -> ProbeResult {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        for method in ["HEAD", "GET"] {
            var request = URLRequest(url: url, timeoutInterval: timeout)
            request.httpMethod = method
            request.setValue("sitegen-link-check", forHTTPHeaderField: "User-Agent")
            do {
                let (_, response) = try await session.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if method == "HEAD", [403, 405, 501].contains(status) { continue }
                return (200..<400).contains(status) ? .ok(status: status) : .failed(status: status)
            } catch {
                if method == "HEAD" { continue }
                return .unreachable(reason: error.localizedDescription)
            }
        }
        return .unreachable(reason: "no answer")
    }
}
