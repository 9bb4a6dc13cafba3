// The network side of `sitegen check --external`: one GET per URL (redirects followed),
// cancelled as soon as the response head arrives, so that a large or endless body costs
// nothing and a server that refuses HEAD is not asked twice. The deadline is the caller's
// (`ExternalLinkChecker.withDeadline`): cancelling the task cancels the request. Failures
// are reported in words, not as Foundation error numbers.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Asks a server for a URL and reads only the status.
enum HTTPHeadProber {
    /// The status of `url`, or why there is none. Returns promptly when the task is cancelled.
    static func probe(_ url: URL) async -> ProbeResult {
        let delegate = Delegate()
        let configuration = URLSessionConfiguration.ephemeral
        // The caller's deadline governs; these only keep an abandoned request from lingering.
        configuration.timeoutIntervalForRequest = 300
        configuration.timeoutIntervalForResource = 300
        configuration.httpMaximumConnectionsPerHost = 1
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        var request = URLRequest(url: url)
        request.httpMethod = "GET"
        request.setValue("sitegen-link-check", forHTTPHeaderField: "User-Agent")
        request.setValue("*/*", forHTTPHeaderField: "Accept")
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                delegate.start(continuation)
                let task = session.dataTask(with: request)
                delegate.task = task
                task.resume()
                if Task.isCancelled { delegate.finish(.unreachable(reason: "cancelled")) }
            }
        } onCancel: {
            delegate.finish(.unreachable(reason: "cancelled"))
        }
        session.invalidateAndCancel()
        return result
    }

    /// Words for a networking error (`URLError` codes), with its own text as the last resort.
    static func describe(_ error: Error) -> String {
        guard let error = error as? URLError else { return String(describing: error) }
        switch error.code {
        case .timedOut: return "timed out"
        case .cannotFindHost, .dnsLookupFailed: return "no such host"
        case .cannotConnectToHost: return "could not connect (connection refused)"
        case .networkConnectionLost: return "the connection was closed before the server answered"
        case .notConnectedToInternet: return "no network connection"
        case .badServerResponse: return "the server's answer is not valid HTTP"
        case .httpTooManyRedirects: return "too many redirects"
        case .redirectToNonExistentLocation: return "redirected to a location that does not exist"
        case .unsupportedURL: return "not a URL that can be checked"
        case .badURL: return "not a valid URL"
        case .secureConnectionFailed: return "the secure (TLS) connection failed"
        case .serverCertificateUntrusted, .serverCertificateHasUnknownRoot, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .clientCertificateRejected, .clientCertificateRequired:
            return "the server's certificate is not trusted"
        case .cancelled: return "cancelled"
        default: return "network error (URL error \(error.code.rawValue))"
        }
    }

    /// Receives the response head (then cancels the transfer) or the failure.
    private final class Delegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<ProbeResult, Never>?
        private var result: ProbeResult?
        var task: URLSessionTask? {
            get { lock.lock(); defer { lock.unlock() }; return storedTask }
            set { lock.lock(); storedTask = newValue; lock.unlock() }
        }
        private var storedTask: URLSessionTask?

        func start(_ continuation: CheckedContinuation<ProbeResult, Never>) {
            lock.lock()
            if let result {
                lock.unlock()
                continuation.resume(returning: result)
                return
            }
            self.continuation = continuation
            lock.unlock()
        }

        func finish(_ result: ProbeResult) {
            lock.lock()
            guard self.result == nil else {
                lock.unlock()
                return
            }
            self.result = result
            let continuation = self.continuation
            self.continuation = nil
            let task = storedTask
            lock.unlock()
            continuation?.resume(returning: result)
            task?.cancel()
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            finish(status == 0 ? .unreachable(reason: "the answer is not HTTP") : .status(status))
            completionHandler(.cancel)
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            if let error {
                finish(.unreachable(reason: HTTPHeadProber.describe(error)))
            } else if let status = (task.response as? HTTPURLResponse)?.statusCode {
                finish(.status(status))
            } else {
                finish(.unreachable(reason: "no answer"))
            }
        }
    }
}
