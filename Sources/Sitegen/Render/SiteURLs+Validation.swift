// The base URL decides where every page loads its styles and scripts from, so it must name
// this site: an absolute http(s) URL, or a path that starts with exactly one `/`. A
// protocol-relative `//host/` or a backslash (`/\host/`, which browsers read as `//host/`)
// would load the site's own scripts from another host.

extension SiteURLs {
    /// Why `baseURL` cannot be the site's base URL, or nil when it can.
    public static func problem(with baseURL: String) -> String? {
        let base = baseURL.trimmingCharacters(in: .whitespaces)
        if base.isEmpty { return nil }
        if base.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == " " }) {
            return "it contains a control character or a space"
        }
        if base.contains("\\") {
            return "it contains a backslash, which browsers read as '/' (a '/\\host' path loads from another host)"
        }
        if let schemeEnd = base.range(of: "://") {
            let scheme = base[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "http" || scheme == "https" else {
                return "only http and https URLs can be a base URL, not '\(scheme):'"
            }
            let host = base[schemeEnd.upperBound...].prefix { $0 != "/" }
            if host.isEmpty { return "the URL has no host" }
            return nil
        }
        if base.hasPrefix("//") {
            return "it starts with '//', which browsers read as another host (protocol-relative URL)"
        }
        guard base.hasPrefix("/") else {
            return "it is neither an absolute http(s) URL nor a path starting with '/'"
        }
        return nil
    }
}
