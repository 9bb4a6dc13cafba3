// The files every static host expects besides the pages: `sitemap.xml` and `robots.txt`, and
// `_headers`, the response headers in the form Netlify and Cloudflare Pages read.

/// Builds `sitemap.xml`, `robots.txt` and `_headers`.
enum SiteFiles {
    /// The Content-Security-Policy the site is built to work under: nothing from another host,
    /// no inline script or style, no `<base>` or form pointing elsewhere, no framing by others.
    static let contentSecurityPolicy = "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"

    /// `_headers` for hosts that read it (Netlify, Cloudflare Pages): the security headers on
    /// every path under the base path, and a year's caching for the search files whose names
    /// change with their content. A `_headers` of the content folder is copied instead.
    static func headers(urls: SiteURLs) -> OutputFile {
        let base = urls.basePath
        let text = """
            # Response headers for hosts that read this file (Netlify, Cloudflare Pages); written by sitegen.
            \(base)*
              Content-Security-Policy: \(contentSecurityPolicy)
              X-Content-Type-Options: nosniff
              Referrer-Policy: no-referrer
            \(base)search/terms-*
              Cache-Control: public, max-age=31536000, immutable
            \(base)search/text-*
              Cache-Control: public, max-age=31536000, immutable

            """
        return OutputFile(path: "_headers", text: text)
    }

    /// A sitemap of every HTML page (except `404.html`), and a robots.txt that points to it.
    /// Sitemap URLs must be absolute: without an absolute `--base-url` they are root-relative.
    static func sitemapAndRobots(urls: SiteURLs, pages: [String]) -> [OutputFile] {
        let locations = pages.filter { $0.hasSuffix("index.html") }.sorted().map { path -> String in
            let directory = String(path.dropLast("index.html".count))
            return urls.absolute(directory) ?? urls.url(directory)
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for location in locations {
            xml += "  <url><loc>" + HTML.escaped(location) + "</loc></url>\n"
        }
        xml += "</urlset>\n"
        var robots = "User-agent: *\nAllow: /\n"
        if let sitemap = urls.absolute("sitemap.xml") { robots += "Sitemap: \(sitemap)\n" }
        return [OutputFile(path: "sitemap.xml", text: xml), OutputFile(path: "robots.txt", text: robots)]
    }
}
