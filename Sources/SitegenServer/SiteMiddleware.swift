// Serves the site from the current snapshot: GET and HEAD, `ETag`/`Last-Modified` with 304,
// `Cache-Control: no-cache` (always revalidate: the preview changes under the browser; only the
// search index files whose names carry a fingerprint of their content are `immutable`), the
// site's own 404 page with status 404, folder URLs redirected to their trailing-slash form,
// 400 for paths that could only be escape attempts. Requests under `/__sitegen/` go on to
// the router (the reload script and events).

import Foundation
import Hummingbird

/// The file-serving part of the preview.
struct SiteMiddleware<Context: RequestContext>: RouterMiddleware {
    let site: PreviewSite
    let hub: ReloadHub

    /// The Content-Security-Policy of the deployed site, applied to the preview so that a
    /// page that would break under it breaks here too.
    static var contentSecurityPolicy: String { "default-src 'self'" }
    /// For files whose name changes with their content (`SearchIndexFiles.isFingerprinted`).
    static var immutableCacheControl: String { "public, max-age=31536000, immutable" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix("/__sitegen/") {
            return try await next(request, context)
        }
        return respond(to: request)
    }

    /// The response to a request for a file of the site.
    func respond(to request: Request) -> Response {
        guard request.method == .get || request.method == .head else {
            var response = Self.plain(.methodNotAllowed, "Only GET and HEAD are served.\n")
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        guard let snapshot = site.snapshot else {
            return noSiteYet(request)
        }
        switch snapshot.paths.resolve(rawPath: request.uri.path, query: request.uri.query, exists: { snapshot.files[$0] != nil }) {
        case .file(let path):
            return serve(snapshot.files[path]!, status: .ok, request: request, conditional: true)
        case .redirect(let location):
            var response = Response(status: .movedPermanently)
            response.headers[.location] = location
            response.headers[.cacheControl] = "no-cache"
            response.headers[.contentLength] = "0"
            return response
        case .notFound:
            guard let page = snapshot.files["404.html"] else { return Self.plain(.notFound, "Not found.\n") }
            return serve(page, status: .notFound, request: request, conditional: false)
        case .badRequest(let reason):
            return Self.plain(.badRequest, "Bad request: \(reason).\n")
        }
    }

    private func serve(_ file: ServedFile, status: HTTPResponse.Status, request: Request, conditional: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        headers[.cacheControl] = file.isImmutable ? Self.immutableCacheControl : "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        if file.contentType.hasPrefix("text/html") {
            headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        }
        if conditional {
            headers[.eTag] = file.etag
            headers[.lastModified] = file.lastModifiedText
            if Self.isNotModified(request.headers, file: file) {
                return Response(status: .notModified, headers: headers)
            }
        }
        headers[.contentLength] = String(file.length)
        let body = request.method == .head ? ResponseBody()
            : file.parts.count == 1 ? ResponseBody(byteBuffer: file.parts[0]) : ResponseBody(contentsOf: file.parts)
        return Response(status: status, headers: headers, body: body)
    }

    /// `If-None-Match` (weak comparison, `*`), else an `If-Modified-Since` equal to the
    /// `Last-Modified` sent (browsers send back what they got; dates in between count as
    /// modified, which only costs a full response).
    static func isNotModified(_ headers: HTTPFields, file: ServedFile) -> Bool {
        let matches = headers[values: .ifNoneMatch]
        if !matches.isEmpty {
            let tags = matches.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            let strip = { (tag: String) in tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag }
            return tags.contains { $0 == "*" || strip($0) == file.etag }
        }
        if let since = headers[.ifModifiedSince] {
            return since == file.lastModifiedText
        }
        return false
    }

    /// Before the first successful build: the diagnostics, as text, with the reload script.
    private func noSiteYet(_ request: Request) -> Response {
        let diagnostics = hub.status.diagnostics.map(Self.escaped).joined(separator: "\n")
        let html = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>sitegen: the site does not build yet</title></head>
            <body>
            <h1>The site does not build yet</h1>
            <p>Fix these problems and save; this page reloads by itself.</p>
            <pre>\(diagnostics)</pre>
            \(ReloadScript.tag(build: 0))</body>
            </html>

            """
        var response = Self.plain(.serviceUnavailable, html)
        response.headers[.contentType] = "text/html; charset=utf-8"
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        if request.method == .head { response.body = ResponseBody() }
        return response
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.contentLength] = String(text.utf8.count)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}

