// Turns the raw path of a request into a file of the site, a redirect, a 404 or a 400.
//
// The site is a map in memory from relative paths to bytes, so no request can reach the disk;
// this type still refuses everything that looks like an escape, so that the answer is a
// plain 400 rather than a lucky miss: percent-encoding is decoded strictly once, and any
// `.` or `..` segment, empty segment (`//`), encoded `/`, backslash, NUL or other control
// character, or text that is not UTF-8 is a bad request.

/// Where a request path leads.
enum SiteRoute: Equatable, Sendable {
    /// A file of the site, by its relative path (`report/notes/index.html`).
    case file(String)
    /// A redirect to this location (a folder without its trailing slash, or the base path).
    case redirect(String)
    /// Nothing there: the site's 404 page.
    case notFound
    /// A path that can never name a file of the site.
    case badRequest(String)
}

/// Resolves request paths under the site's base path.
struct SitePath: Equatable, Sendable {
    /// The base path the site is served under, with leading and trailing `/` (`/`, `/report/`).
    let basePath: String
    private let baseSegments: [String]

    /// Creates a resolver for `basePath` (`/` or `/a/b/`).
    init(basePath: String) {
        let segments = basePath.split(separator: "/").map(String.init)
        self.baseSegments = segments
        self.basePath = segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
    }

    /// Where `rawPath` (as sent, without the query) leads; `exists` says whether the site has a
    /// file at a relative path. `query` is kept on redirects.
    func resolve(rawPath: String, query: String? = nil, exists: (String) -> Bool) -> SiteRoute {
        let decoded: (segments: [String], trailingSlash: Bool)
        switch Self.decode(rawPath) {
        case .success(let value): decoded = value
        case .failure(let problem): return .badRequest(problem.reason)
        }
        let suffix = query.map { "?" + $0 } ?? ""
        guard decoded.segments.starts(with: baseSegments) else {
            return decoded.segments.isEmpty ? .redirect(basePath + suffix) : .notFound
        }
        let relative = Array(decoded.segments.dropFirst(baseSegments.count))
        if relative.isEmpty {
            if !decoded.trailingSlash && !baseSegments.isEmpty { return .redirect(basePath + suffix) }
            return exists("index.html") ? .file("index.html") : .notFound
        }
        let joined = relative.joined(separator: "/")
        if decoded.trailingSlash {
            return exists(joined + "/index.html") ? .file(joined + "/index.html") : .notFound
        }
        if exists(joined) { return .file(joined) }
        if exists(joined + "/index.html") { return .redirect(rawPath + "/" + suffix) }
        return .notFound
    }

    struct Problem: Error, Equatable {
        var reason: String
    }

    /// Splits a raw path into decoded segments; fails on anything that is not a plain path.
    static func decode(_ rawPath: String) -> Result<(segments: [String], trailingSlash: Bool), Problem> {
        guard rawPath.utf8.first == UInt8(ascii: "/") else {
            return .failure(Problem(reason: "the path must start with '/'"))
        }
        var raw = Array(rawPath.utf8.dropFirst()).split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        var trailingSlash = false
        if raw.last?.isEmpty == true {
            raw.removeLast()
            trailingSlash = true
        }
        var segments: [String] = []
        for part in raw {
            guard !part.isEmpty else { return .failure(Problem(reason: "empty path segment ('//')")) }
            guard let bytes = percentDecode(part) else {
                return .failure(Problem(reason: "invalid percent-encoding"))
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "/"): return .failure(Problem(reason: "encoded '/' in a path segment"))
                case UInt8(ascii: "\\"): return .failure(Problem(reason: "backslash in the path"))
                case 0: return .failure(Problem(reason: "NUL in the path"))
                case 1..<32, 127: return .failure(Problem(reason: "control character in the path"))
                default: break
                }
            }
            guard let segment = String(validating: bytes, as: UTF8.self) else {
                return .failure(Problem(reason: "the path is not UTF-8"))
            }
            if segment == "." || segment == ".." {
                return .failure(Problem(reason: "'\(segment)' segment in the path"))
            }
            segments.append(segment)
        }
        return .success((segments, trailingSlash))
    }

    /// Decodes `%XX` escapes once; nil when a `%` is not followed by two hex digits.
    private static func percentDecode(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else { return nil }
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }
}
