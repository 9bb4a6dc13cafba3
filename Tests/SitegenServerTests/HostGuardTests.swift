// The DNS-rebinding guard: which `Host` names the preview answers to, and what a refused
// request gets (in process, on a loopback port, with raw requests that can carry any Host).

import Foundation
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import Sitegen
import Testing
@testable import SitegenServer

/// Runs blocking socket code on a thread of its own, off the cooperative pool the server
/// under test needs.
func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}

struct HostPolicyTests {
    @Test(arguments: [
        ("localhost", true), ("localhost:8000", true), ("LOCALHOST:8000", true), ("localhost.", true),
        ("app.localhost:8000", true), ("127.0.0.1", true), ("127.0.0.1:8000", true), ("127.0.0.2:8000", true),
        ("[::1]", true), ("[::1]:8000", true), ("192.168.1.20:8000", true), ("[fe80::1]:8000", true),
        ("evil.example", false), ("evil.example:8000", false), ("127.0.0.1.nip.io:8000", false),
        ("localhost.evil.example", false), ("localhostx", false), ("", false), ("[::1", false),
        ("localhost:80:80", false), ("localhost:abc", false), ("loc alhost", false), ("::1", false),
        ("user@localhost", false), ("0x7f.1", false),
    ])
    func loopbackNamesAndAddressesAreAnsweredByDefault(_ authority: String, _ allowed: Bool) {
        #expect(HostPolicy(boundHost: "127.0.0.1").allows(authority) == allowed)
    }

    @Test(arguments: [
        ("mybox.lan", true), ("MyBox.lan:8000", true), ("preview.test", true), ("example.org", true),
        ("a.example.org", true), ("a.b.example.org:1", true), ("badexample.org", false), ("other.lan", false),
        ("localhost", true), ("10.0.0.5", true),
    ])
    func theBoundNameAndAllowedNamesAreAnswered(_ authority: String, _ allowed: Bool) {
        let policy = HostPolicy(boundHost: "mybox.lan", allowedNames: ["Preview.test", ".example.org"])
        #expect(policy.allows(authority) == allowed)
    }
}

@Suite(.serialized)
struct HostGuardTests {
    /// The preview's application with the guard, on an ephemeral loopback port.
    static func application(warnings: NIOLockedValueBox<[String]>) -> some ApplicationProtocol {
        let (site, hub) = Fixture.preview()
        return Application(
            router: PreviewRouter.make(site: site, hub: hub, hostPolicy: HostPolicy(boundHost: "127.0.0.1"),
                                       warn: { line in warnings.withLockedValue { $0.append(line) } }),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    static func request(_ port: Int, host: String?, method: String = "GET", path: String = "/report/opening/",
                        version: String = "HTTP/1.1") async throws -> RawResponse {
        let hostLine = host.map { "Host: \($0)\r\n" } ?? ""
        return try await offThePool {
            try RawResponse.exchange(port: port, request: "\(method) \(path) \(version)\r\n\(hostLine)Connection: close\r\n\r\n")
        }
    }

    @Test(.timeLimit(.minutes(5)))
    func otherHostsAreRefusedWithAClearMessage() async throws {
        let warnings = NIOLockedValueBox<[String]>([])
        try await Self.application(warnings: warnings).test(.live) { client in
            let port = try #require(client.port)
            for host in ["localhost", "localhost:\(port)", "127.0.0.1:\(port)", "[::1]:\(port)"] {
                let response = try await Self.request(port, host: host)
                #expect(response.status == 200, "\(host)")
            }
            for path in ["/report/opening/", "/__sitegen/events", "/__sitegen/reload.js", "/no-such-page/"] {
                let refused = try await Self.request(port, host: "evil.example:\(port)", path: path)
                #expect(refused.status == 403, "\(path)")
                #expect(refused.headers["content-type"] == "text/plain; charset=utf-8")
                #expect(refused.body.contains("Blocked: this preview does not answer to the host \"evil.example:\(port)\"."))
                #expect(refused.body.contains("sitegen serve --allow-host evil.example"))
                #expect(!refused.body.contains("<html"))
            }
            let head = try await Self.request(port, host: "attacker.test", method: "HEAD")
            #expect(head.status == 403)
            let missing = try await Self.request(port, host: nil, version: "HTTP/1.0")
            #expect(missing.status == 400)
            #expect(missing.body == "Bad request: no Host header.\n")
        }
        // Each refused name is reported once.
        let lines = warnings.withLockedValue { $0 }
        #expect(lines.filter { $0.contains("evil.example") }.count == 1)
        #expect(lines.first { $0.contains("evil.example") }?.hasPrefix("warning: refused a request for host \"evil.example:") == true)
        #expect(lines.count == 2)
    }
}

struct EventStreamHeadTests {
    @Test func headOnTheEventStreamAnswersWithItsHeadersAndNoBody() async throws {
        try await Fixture.application().test(.router) { client in
            try await client.execute(uri: "/__sitegen/events", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/event-stream; charset=utf-8")
                #expect(response.headers[.cacheControl] == "no-cache")
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/__sitegen/reload.js", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(response.headers[.contentLength] == String(ReloadScript.source.utf8.count))
                #expect(response.body.readableBytes == 0)
            }
        }
    }
}
