// The network side of `sitegen check --external`: one GET per URL (redirects followed, at
// most `maximumRedirects`), given up as soon as the response head arrives, so that a large or
// endless body costs nothing and a server that refuses HEAD is not asked twice. Built on
// AsyncHTTPClient (SwiftNIO): the head arrives on its own, a cancelled task cancels its
// request, and no server behaviour (silence, garbage, endless headers or body, TLS spoken to
// a plain port) can bring the process down. The deadline is the caller's
// (`ExternalLinkChecker.withDeadline`); the client's own timeouts are a backstop just after
// it. One client serves a whole check and is shut down at its end. Failures are reported in
// words, not as error numbers.

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Asks servers for URLs and reads only the status of each answer.
final class HTTPHeadProber: Sendable {
    /// Redirects followed before the answer is "too many redirects".
    static let maximumRedirects = 10
    private let client: HTTPClient
    private let backstop: TimeAmount

    /// A prober for `concurrency` requests at a time (to one host too) whose requests each
    /// end, whatever the caller does, shortly after `timeout` seconds.
    init(concurrency: Int, timeout: TimeInterval) {
        backstop = Self.amount(timeout + 1)
        var pool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, concurrency))
        // A refused connection is an answer, not a reason to wait and try again.
        pool.retryConnectionEstablishment = false
        let configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: Self.maximumRedirects, allowCycles: false),
            timeout: .init(connect: backstop, read: backstop),
            connectionPool: pool,
            decompression: .disabled
        )
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// Runs `body` with a prober, then shuts the prober's client down (cancelling whatever
    /// request is still running). Throws only if the client cannot be shut down.
    static func with<T: Sendable>(concurrency: Int, timeout: TimeInterval,
                                  _ body: (HTTPHeadProber) async -> T) async throws -> T {
        let prober = HTTPHeadProber(concurrency: concurrency, timeout: timeout)
        let result = await body(prober)
        try await prober.client.shutdown()
        return result
    }

    /// The status of `url`, or why there is none. Returns promptly when the task is cancelled.
    func probe(_ url: URL) async -> ProbeResult {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: "sitegen-link-check")
        request.headers.add(name: "Accept", value: "*/*")
        do {
            // The response comes back as soon as its head is read; dropping it (and its
            // unread body) cancels the rest of the transfer and closes the connection.
            let response = try await client.execute(request, deadline: .now() + backstop)
            return .status(Int(response.status.code))
        } catch {
            return .unreachable(reason: Self.describe(error))
        }
    }

    /// Words for a networking error, with its own text as the last resort.
    static func describe(_ error: Error) -> String {
        switch error {
        case is CancellationError:
            return "cancelled"
        case let error as HTTPClientError:
            return describe(error)
        case let error as NIOConnectionError:
            if let failure = error.connectionErrors.first { return describe(failure.error) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "no such host" }
            return "could not connect"
        case is SocketAddressError, is SocketAddressError.UnknownHost:
            return "no such host"
        case let error as IOError:
            return describe(errno: error.errnoCode)
        case let error as ChannelError:
            switch error {
            case .connectTimeout: return "timed out connecting"
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed:
                return "the connection was closed before the server answered"
            default: return "network error (\(error))"
            }
        case let error as HTTPParserError:
            if case .headerOverflow = error { return "the server's answer has too many or too long header lines" }
            return "the server's answer is not valid HTTP"
        case let error as NIOSSLExtraError where error == .failedToValidateHostname:
            return "the server's certificate is for another host name"
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            if String(describing: error).contains("CERTIFICATE_VERIFY_FAILED") { return "the server's certificate is not trusted" }
            return "the secure (TLS) connection failed"
        default:
            return "network error (\(error))"
        }
    }

    private static func describe(_ error: HTTPClientError) -> String {
        switch error {
        case .readTimeout, .deadlineExceeded, .writeTimeout: return "timed out"
        case .connectTimeout, .getConnectionFromPoolTimeout: return "timed out connecting"
        case .tlsHandshakeTimeout: return "timed out in the secure (TLS) handshake"
        case .remoteConnectionClosed: return "the connection was closed before the server answered"
        case .redirectLimitReached: return "too many redirects (more than \(maximumRedirects))"
        case .redirectCycleDetected: return "redirects go round in a circle"
        case .invalidURL, .emptyHost, .emptyScheme: return "not a valid URL"
        case .cancelled: return "cancelled"
        case .alreadyShutdown: return "the checker was already shut down"
        default:
            if error.shortDescription == "Unsupported scheme" { return "not a URL that can be checked" }
            return "network error (\(error.shortDescription.lowercased()))"
        }
    }

    private static func describe(errno code: Int32) -> String {
        switch code {
        case ECONNREFUSED: return "could not connect (connection refused)"
        case ECONNRESET, EPIPE: return "the connection was reset by the server"
        case ETIMEDOUT: return "timed out connecting"
        case ENETUNREACH, EHOSTUNREACH, ENETDOWN, EHOSTDOWN: return "the host cannot be reached"
        default: return "network error (\(String(cString: strerror(code))))"
        }
    }

    /// Seconds as NIO's time amount, kept within its range.
    private static func amount(_ seconds: TimeInterval) -> TimeAmount {
        .nanoseconds(Int64(min(max(seconds, 0), 1e9) * 1e9))
    }
}
