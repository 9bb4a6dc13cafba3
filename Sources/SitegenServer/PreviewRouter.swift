// The routes of the preview: the site itself (through `SiteMiddleware`, for every path but
// `/__sitegen/…`), the live-reload script and the event stream (GET and HEAD each), all
// behind the `Host` guard.

import Hummingbird
import NIOCore
import ServiceLifecycle

/// Builds the router of the preview server.
enum PreviewRouter {
    /// A router serving `site`, with reload events from `hub`; with a `hostPolicy`, requests
    /// for other hosts are refused (and `warn` hears of each refused name once).
    static func make(site: PreviewSite, hub: ReloadHub, hostPolicy: HostPolicy? = nil,
                     warn: @escaping @Sendable (String) -> Void = { _ in }) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        if let hostPolicy {
            router.add(middleware: HostGuardMiddleware(policy: hostPolicy, warn: warn))
        }
        router.add(middleware: SiteMiddleware(site: site, hub: hub))
        router.get(RouterPath(ReloadScript.path)) { _, _ in reloadScript(withBody: true) }
        router.head(RouterPath(ReloadScript.path)) { _, _ in reloadScript(withBody: false) }
        router.get(RouterPath(ReloadScript.eventsPath)) { _, _ in
            eventStream(hub)
        }
        router.head(RouterPath(ReloadScript.eventsPath)) { _, _ in
            Response(status: .ok, headers: eventStreamHeaders)
        }
        return router
    }

    /// The live-reload script (its headers only, for HEAD).
    static func reloadScript(withBody: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/javascript; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        let source = ByteBuffer(string: ReloadScript.source)
        headers[.contentLength] = String(source.readableBytes)
        return Response(status: .ok, headers: headers, body: withBody ? ResponseBody(byteBuffer: source) : ResponseBody())
    }

    /// The headers of the event stream (also the whole answer to HEAD).
    static var eventStreamHeaders: HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        return headers
    }

    /// `text/event-stream`: a retry delay, then every event of a new subscription until the
    /// client goes away or the server shuts down.
    static func eventStream(_ hub: ReloadHub) -> Response {
        let headers = eventStreamHeaders
        let body = ResponseBody { writer in
            let subscription = hub.subscribe()
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            try await withGracefulShutdownHandler {
                for await event in subscription.events {
                    try await writer.write(ByteBuffer(string: event.encoded))
                }
            } onGracefulShutdown: {
                subscription.end()
            }
            subscription.end()
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
