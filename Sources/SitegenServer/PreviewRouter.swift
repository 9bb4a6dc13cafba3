// The routes of the preview: the site itself (through `SiteMiddleware`, for every path but
// `/__sitegen/…`), the live-reload script and the event stream.

import Hummingbird
import NIOCore
import ServiceLifecycle

/// Builds the router of the preview server.
enum PreviewRouter {
    /// A router serving `site`, with reload events from `hub`.
    static func make(site: PreviewSite, hub: ReloadHub) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SiteMiddleware(site: site, hub: hub))
        router.get(RouterPath(ReloadScript.path)) { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/javascript; charset=utf-8"
            headers[.cacheControl] = "no-cache"
            headers[.xContentTypeOptions] = "nosniff"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: ReloadScript.source)))
        }
        router.get(RouterPath(ReloadScript.eventsPath)) { _, _ in
            eventStream(hub)
        }
        return router
    }

    /// `text/event-stream`: a retry delay, then every event of a new subscription until the
    /// client goes away or the server shuts down.
    static func eventStream(_ hub: ReloadHub) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
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
