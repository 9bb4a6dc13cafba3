// No request path reaches anything outside the site. The preview serves a map in memory, so
// nothing outside it exists for the server; these cases check that every escape attempt
// is refused outright (400) or is a plain miss (the site's 404 page), never a file, never a
// redirect off the site, never a crash.

import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SitegenServer

struct PathTraversalTests {
    enum Outcome: Sendable { case badRequest, notFound }

    static let attempts: [(String, Outcome)] = [
        ("/../etc/passwd", .badRequest),
        ("/..", .badRequest),
        ("/../", .badRequest),
        ("/report/../../etc/passwd", .badRequest),
        ("/report/opening/../../../etc/passwd", .badRequest),
        ("/./index.html", .badRequest),
        ("/report/./opening/", .badRequest),
        ("/%2e%2e/etc/passwd", .badRequest),
        ("/%2E%2E/%2E%2E/etc/passwd", .badRequest),
        ("/.%2e/etc/passwd", .badRequest),
        ("/%2e./etc/passwd", .badRequest),
        ("/%2e", .badRequest),
        ("/%2e%2e%2fetc%2fpasswd", .badRequest),
        ("/..%2f..%2fetc%2fpasswd", .badRequest),
        ("/report%2fopening/", .badRequest),
        ("/%2fetc/passwd", .badRequest),
        ("/%2Fetc%2Fpasswd", .badRequest),
        ("//etc/passwd", .badRequest),
        ("//evil.example/", .badRequest),
        ("/report//opening/", .badRequest),
        ("/..\\..\\etc\\passwd", .badRequest),
        ("/\\etc\\passwd", .badRequest),
        ("/%5c..%5cetc%5cpasswd", .badRequest),
        ("/..%5c..%5cetc%5cpasswd", .badRequest),
        ("/index.html%00.txt", .badRequest),
        ("/%00", .badRequest),
        ("/report/opening/%0a", .badRequest),
        ("/%c0%ae%c0%ae/etc/passwd", .badRequest),
        ("/%e0%80%ae%e0%80%ae/etc/passwd", .badRequest),
        ("/%ff/", .badRequest),
        ("/%", .badRequest),
        ("/%2", .badRequest),
        ("/%zz/index.html", .badRequest),
        ("etc/passwd", .badRequest),
        ("*", .badRequest),
        ("/%252e%252e/etc/passwd", .notFound),
        ("/%252e%252e%252fetc%252fpasswd", .notFound),
        ("/..;/etc/passwd", .notFound),
        ("/...", .notFound),
        ("/etc/passwd", .notFound),
        ("/proc/self/environ", .notFound),
        ("/C:/Windows/win.ini", .notFound),
        ("/C:%5cWindows%5cwin.ini", .badRequest),
        ("/.git/config", .notFound),
        ("/Package.swift", .notFound),
        ("/content/index.md", .notFound),
        ("/templates/layout.mustache", .notFound),
        ("/%20../etc/passwd", .notFound),
        ("/report/opening/index.html/..", .badRequest),
        ("http://evil.example/etc/passwd", .notFound),
    ]

    @Test(arguments: attempts)
    func escapeAttemptsNeverReachAFile(path: String, expected: Outcome) async throws {
        try await Fixture.application().test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                switch expected {
                case .badRequest:
                    #expect(response.status == .badRequest)
                    #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                case .notFound:
                    #expect(response.status == .notFound)
                    #expect(response.body.text.contains("Page not found"))
                }
                #expect(response.headers[.location] == nil)
                #expect(!response.body.text.contains("root:"))
            }
        }
    }

    /// The same attempts under a base path, where `..` would climb out of the sub-folder.
    @Test(arguments: attempts)
    func escapeAttemptsUnderABasePath(path: String, expected: Outcome) async throws {
        let prefixed = path.hasPrefix("/") ? "/sub" + path : path
        try await Fixture.application(basePath: "/sub/").test(.router) { client in
            try await client.execute(uri: prefixed, method: .get) { response in
                #expect([.badRequest, .notFound].contains(response.status), "\(prefixed): \(response.status)")
                #expect(response.headers[.location] == nil)
            }
        }
    }

    /// Redirects only ever point into the site: never to another host (`//host`).
    @Test(arguments: ["/editorial-notes", "/report/opening", "/documents?next=//evil.example"])
    func redirectsStayOnTheSite(path: String) async throws {
        try await Fixture.application().test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                let location = try #require(response.headers[.location])
                #expect(location.hasPrefix("/") && !location.hasPrefix("//"))
            }
        }
    }

    @Test func thePathDecoderSplitsAndDecodesOnce() throws {
        let decoded = try SitePath.decode("/r%C3%A9sum%C3%A9/a%20b/").get()
        #expect(decoded.segments == ["résumé", "a b"])
        #expect(decoded.trailingSlash)
        #expect(try SitePath.decode("/").get().segments == [])
        #expect(try SitePath.decode("/%252e%252e").get().segments == ["%2e%2e"])
    }
}
