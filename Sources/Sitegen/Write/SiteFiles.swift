// The files every static host expects besides the pages: `sitemap.xml` and `robots.txt`.

/// Builds `sitemap.xml` and `robots.txt`.
enum SiteFiles {
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
