// Refuses requests whose `Host` the preview does not answer to (see `HostPolicy`), before
// anything else sees them: 403 with a message naming the host and the option that allows
// it; 400 when there is no `Host` at all (HTTP/1.1 requires one). The terminal hears of
// each refused name once.

import Hummingbird
import NIOConcurrencyHelpers

/// The DNS-rebinding guard in front of every route.
struct HostGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    let policy: HostPolicy
    let refused: RefusedHosts

    init(policy: HostPolicy, warn: @escaping @Sendable (String) -> Void = { _ in }) {
        self.policy = policy
        self.refused = RefusedHosts(warn: warn)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authority = request.head.authority, !authority.isEmpty else {
            return SiteMiddleware<Context>.plain(.badRequest, "Bad request: no Host header.\n")
        }
        guard policy.allows(authority) else {
            let shown = String(authority.prefix(100))
            refused.note(shown, policy: policy)
            return SiteMiddleware<Context>.plain(.forbidden, Self.message(for: shown))
        }
        return try await next(request, context)
    }

    /// The body of the 403 answer.
    static func message(for authority: String) -> String {
        let name = HostPolicy.hostName(of: authority) ?? authority
        return """
            Blocked: this preview does not answer to the host "\(authority)".
            It answers to localhost, IP addresses such as 127.0.0.1 or [::1], and the address it listens on;
            other names are refused so that a web page elsewhere cannot read the preview through its own
            domain name (DNS rebinding). To open it by this name, start it with: sitegen serve --allow-host \(name)

            """
    }
}

/// Names refused so far, each reported once (at most 20 are remembered).
final class RefusedHosts: Sendable {
    private let names = NIOLockedValueBox<Set<String>>([])
    private let warn: @Sendable (String) -> Void

    init(warn: @escaping @Sendable (String) -> Void) {
        self.warn = warn
    }

    func note(_ authority: String, policy: HostPolicy) {
        let isNew = names.withLockedValue { names in
            guard names.count < 20 else { return false }
            return names.insert(authority).inserted
        }
        if isNew {
            let name = HostPolicy.hostName(of: authority) ?? authority
            warn("warning: refused a request for host \"\(authority)\" (not a name this preview answers to; "
                 + "if it is yours, restart with --allow-host \(name))")
        }
    }
}
