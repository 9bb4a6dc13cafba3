// The preview's HTTP behaviour, in process through Hummingbird's test client: content types,
// HEAD, conditional requests, the 404 page, redirects, the base path, the reload script.

import Foundation
import Hummingbird
import HummingbirdTesting
import Sitegen
import Testing
@testable import SitegenServer

struct FileServingTests {
    @Test(arguments: [
        ("/", "text/html; charset=utf-8"),
        ("/report/opening/", "text/html; charset=utf-8"),
        ("/assets/site.css", "text/css; charset=utf-8"),
        ("/assets/favicon.svg", "image/svg+xml"),
        ("/scripts/search.js", "text/javascript; charset=utf-8"),
        ("/search/index.json", "application/json"),
        ("/sitemap.xml", "application/xml"),
        ("/feed.xml", "application/xml"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/fonts/body.woff2", "font/woff2"),
        ("/fonts/body.woff", "font/woff"),
        ("/images/map.png", "image/png"),
        ("/images/photo.jpg", "image/jpeg"),
        ("/images/photo.JPEG", "image/jpeg"),
        ("/images/anim.gif", "image/gif"),
        ("/images/photo.webp", "image/webp"),
        ("/files/report.pdf", "application/pdf"),
        ("/files/unknown.bin", "application/octet-stream"),
    ])
    func everyFileTypeHasItsContentType(path: String, type: String) async throws {
        try await Fixture.application().test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == type)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.cacheControl] == "no-cache")
                #expect(response.headers[.contentLength] == String(response.body.readableBytes))
            }
        }
    }

    @Test func fingerprintedIndexFilesMayBeKeptForAYear() async throws {
        let paths = Fixture.build.files.map(\.path)
        let hashed = try #require(paths.first { SearchIndexFiles.isFingerprinted($0) && $0.contains("/terms-") })
        let text = try #require(paths.first { SearchIndexFiles.isFingerprinted($0) && $0.contains("/text-") })
        try await Fixture.application().test(.router) { client in
            for path in [hashed, text] {
                try await client.execute(uri: "/" + path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable", "\(path)")
                    #expect(response.headers[.contentType] == "application/json")
                }
            }
            for path in ["/search/meta.json", "/search/"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.cacheControl] == "no-cache", "\(path) must be revalidated")
                }
            }
        }
    }

    @Test func pagesGetTheReloadScriptAndTheBuildDoesNot() async throws {
        let page = try #require(Fixture.build.files.first { $0.path == "report/opening/index.html" })
        #expect(!Fixture.build.files.contains { String(decoding: $0.data, as: UTF8.self).contains("__sitegen") })
        try await Fixture.application().test(.router) { client in
            try await client.execute(uri: "/report/opening/", method: .get) { response in
                let served = response.body.text
                #expect(served.contains("<script src=\"/__sitegen/reload.js?build=1\" defer></script>\n</body>"))
                #expect(served.replacingOccurrences(of: "<script src=\"/__sitegen/reload.js?build=1\" defer></script>\n", with: "")
                        == String(decoding: page.data, as: UTF8.self))
                #expect(response.headers[.contentSecurityPolicy] == "default-src 'self'")
            }
            try await client.execute(uri: "/__sitegen/reload.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(response.body.text.contains("new EventSource(\"/__sitegen/events\")"))
            }
        }
    }

    @Test func headSendsTheHeadersWithoutTheBody() async throws {
        try await Fixture.application().test(.router) { client in
            let get = try await client.execute(uri: "/report/opening/", method: .get)
            try await client.execute(uri: "/report/opening/", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.contentLength] == String(get.body.readableBytes))
                #expect(response.headers[.eTag] == get.headers[.eTag])
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
        }
    }

    @Test func conditionalRequestsGet304() async throws {
        try await Fixture.application().test(.router) { client in
            let first = try await client.execute(uri: "/assets/site.css", method: .get)
            let etag = try #require(first.headers[.eTag])
            let lastModified = try #require(first.headers[.lastModified])
            #expect(etag.hasPrefix("\"") && etag.hasSuffix("\""))
            #expect(lastModified.hasSuffix(" GMT"))

            for headers: HTTPFields in [[.ifNoneMatch: etag], [.ifNoneMatch: "W/" + etag], [.ifNoneMatch: "\"other\", " + etag],
                                        [.ifNoneMatch: "*"], [.ifModifiedSince: lastModified]] {
                try await client.execute(uri: "/assets/site.css", method: .get, headers: headers) { response in
                    #expect(response.status == .notModified)
                    #expect(response.body.readableBytes == 0)
                    #expect(response.headers[.eTag] == etag)
                }
            }
            // A different validator gets the file; If-None-Match wins over If-Modified-Since.
            try await client.execute(uri: "/assets/site.css", method: .get,
                                     headers: [.ifNoneMatch: "\"other\"", .ifModifiedSince: lastModified]) { response in
                #expect(response.status == .ok)
                #expect(response.body == first.body)
            }
        }
    }

    @Test func missingPagesGetTheSitesOwn404PageWithStatus404() async throws {
        let notFound = try #require(Fixture.build.text("404.html"))
        try await Fixture.application().test(.router) { client in
            for path in ["/nothing-here", "/report/nothing/", "/report/", "/assets/", "/assets/missing.css", "/report/opening/index.htm"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(response.body.text.hasPrefix(String(notFound.prefix(200))))
                    #expect(response.body.text.contains("/__sitegen/reload.js"))
                }
            }
            try await client.execute(uri: "/nothing-here", method: .head) { response in
                #expect(response.status == .notFound)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test func folderURLsRedirectToTheirTrailingSlashForm() async throws {
        try await Fixture.application().test(.router) { client in
            for (path, location) in [("/report/opening", "/report/opening/"), ("/editorial-notes", "/editorial-notes/"), ("/report", nil as String?),
                                     ("/documents?x=1", "/documents/?x=1"), ("/report/opening/index.html", nil)] {
                try await client.execute(uri: path, method: .get) { response in
                    if let location {
                        #expect(response.status == .movedPermanently, "\(path)")
                        #expect(response.headers[.location] == location)
                    } else {
                        // A file, or a folder without an index page (no listing, no redirect).
                        #expect(response.status == (path == "/report" ? .notFound : .ok), "\(path)")
                        #expect(response.headers[.location] == nil)
                    }
                }
            }
        }
    }

    @Test func otherMethodsAreNotAllowed() async throws {
        try await Fixture.application().test(.router) { client in
            for method: HTTPRequest.Method in [.post, .put, .delete, .patch, .options] {
                try await client.execute(uri: "/", method: method) { response in
                    #expect(response.status == .methodNotAllowed)
                    #expect(response.headers[.allow] == "GET, HEAD")
                }
            }
        }
    }

    @Test func theSiteIsServedUnderItsBasePath() async throws {
        try await Fixture.application(basePath: "/sub/path/").test(.router) { client in
            for (path, status, location) in [
                ("/", HTTPResponse.Status.movedPermanently, "/sub/path/"),
                ("/sub/path", .movedPermanently, "/sub/path/"),
                ("/sub/path/", .ok, nil),
                ("/sub/path/report/opening", .movedPermanently, "/sub/path/report/opening/"),
                ("/sub/path/report/opening/", .ok, nil),
                ("/sub/path/assets/site.css", .ok, nil),
                ("/report/opening/", .notFound, nil),
                ("/sub/", .notFound, nil),
                ("/sub/pathx/", .notFound, nil),
            ] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == status, "\(path)")
                    #expect(response.headers[.location] == location, "\(path)")
                }
            }
        }
    }

    @Test func beforeTheFirstGoodBuildThePageListsTheDiagnostics() async throws {
        let hub = ReloadHub(status: PreviewStatus(build: 0, diagnostics: ["content/index.md:2:8: error[front-matter-invalid]: <bad> & worse"]))
        let app = Application(router: PreviewRouter.make(site: PreviewSite(), hub: hub))
        try await app.test(.router) { client in
            try await client.execute(uri: "/report/opening/", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.body.text.contains("content/index.md:2:8: error[front-matter-invalid]: &lt;bad&gt; &amp; worse"))
                #expect(response.body.text.contains("/__sitegen/reload.js?build=0"))
            }
        }
    }
}
