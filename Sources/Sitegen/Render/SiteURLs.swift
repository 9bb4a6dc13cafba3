// Where every page lives. Pretty URLs (`report/introduction/` → `report/introduction/index.html`)
// under the site's base path, so the same output works at a domain root or under a sub-path.

/// URL scheme of the site.
public struct SiteURLs: Sendable, Hashable {
    /// The path every URL starts with: `/` or `/sub/path/`.
    public var basePath: String
    /// The absolute base URL (`https://host/sub/path/`), when one was given.
    public var absoluteBase: String?

    /// Parses `baseURL`: a full URL (`https://example.org/sub/`) or a path (`/sub/`).
    public init(baseURL: String) {
        var base = baseURL.trimmingCharacters(in: .whitespaces)
        if base.isEmpty { base = "/" }
        if !base.hasSuffix("/") { base += "/" }
        if let schemeEnd = base.range(of: "://") {
            let afterScheme = base[schemeEnd.upperBound...]
            let pathStart = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
            basePath = String(afterScheme[pathStart...])
            if basePath.isEmpty { basePath = "/" }
            absoluteBase = base
        } else {
            basePath = base.hasPrefix("/") ? base : "/" + base
            absoluteBase = nil
        }
    }

    /// The URL of a site-relative path (`report/notes/` → `/base/report/notes/`).
    public func url(_ path: String) -> String { basePath + path }
    /// The absolute URL of a site-relative path, when the base URL is absolute.
    public func absolute(_ path: String) -> String? { absoluteBase.map { $0 + path } }

    public var home: String { url("") }
    public func chapter(_ slug: Slug) -> String { url("report/\(slug)/") }
    public var notes: String { url("report/notes/") }
    public var abbreviations: String { url("report/abbreviations/") }
    public var fullReport: String { url("report/full/") }
    public var editorialNotes: String { url("editorial-notes/") }
    public var documents: String { url("documents/") }
    public func document(_ slug: Slug) -> String { url("documents/\(slug)/") }
    public func page(_ slug: Slug) -> String { url("\(slug)/") }
    public func asset(_ name: String) -> String { url("assets/\(name)") }

    /// The output file for a site-relative directory path (`report/notes/` → `report/notes/index.html`).
    public static func file(for path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }
}
