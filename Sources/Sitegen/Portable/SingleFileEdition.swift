// The one-file edition (`sitegen build --single-file FILE.html`): the full report page with
// its notes, followed by the figures page's charts, in one self-contained HTML file that can be
// sent by phone or copied to a stick. Made from the rendered pages (root addresses):
//
// - the stylesheet goes into a `<style>`, the files it names (the font) into `data:` URIs, the
//   favicon too; images of the site are inlined up to `imageLimit` bytes each;
// - the page's own scripts (note previews, reading aids) go into `<script>` elements; search
//   needs the index and is left out, with the header's search box;
// - links into the page itself become `#anchors`; links to other pages point to the published
//   site when the base URL is absolute, else they are no longer links (text), which a notice at
//   the top of the file explains (interface strings `single_file_*`).
//
// The file carries `<meta name="generator" content="sitegen single-file edition">`: the build
// replaces a file only when it carries that mark (or with `--force`).

import Foundation

/// Makes the one-file edition of a rendered site.
public struct SingleFileEdition: Sendable {
    public var urls: SiteURLs
    public var strings: InterfaceStrings
    /// The largest image inlined as a `data:` URI; larger ones are linked or left out.
    public var imageLimit = 256 * 1024

    /// The mark that tells a file this build may replace.
    public static let generatorMark = #"<meta name="generator" content="sitegen single-file edition">"#
    /// The page the edition is made of, and the page whose charts follow it.
    static let fullPage = "report/full/", figuresPage = "figures/"

    /// Creates the stage.
    public init(urls: SiteURLs, strings: InterfaceStrings) {
        self.urls = urls
        self.strings = strings
    }

    /// The file, or nil when the site has no full report page.
    public func make(_ site: RenderedSite) -> Data? {
        let files = Dictionary(site.files.map { ($0.path, $0.data) }, uniquingKeysWith: { a, _ in a })
        guard let full = files[SiteURLs.file(for: Self.fullPage)] else { return nil }
        var html = String(decoding: full, as: UTF8.self)
        let base = urls.basePath

        // The figures page's main content after the report (its charts), when there is one.
        if let figures = files[SiteURLs.file(for: Self.figuresPage)].map({ String(decoding: $0, as: UTF8.self) }),
           let tag = Self.tagRange(#"<main id="main""#, in: figures),
           let close = figures.range(of: #"<div class="back-to-top">"#, range: tag.upperBound..<figures.endIndex),
           let end = html.range(of: #"<div class="back-to-top">"#) {
            let main = figures[tag.upperBound..<close.lowerBound]
            html.insert(contentsOf: "<section class=\"single-file-figures\">\n\(main)</section>\n", at: end.lowerBound)
        }
        // Styles, favicon, scripts.
        html = Self.replacingTags(in: html, opening: "<link ") { tag in
            guard let href = Self.attribute("href", in: tag), href.hasPrefix(base) else { return tag }
            let path = String(href.dropFirst(base.count))
            if tag.contains(#"rel="stylesheet""#), let css = files[path] {
                return "<style>\n" + inlineURLs(in: String(decoding: css, as: UTF8.self), folder: Self.folder(of: path), files: files)
                    + "\n</style>"
            }
            if tag.contains(#"rel="icon""#), let icon = files[path] {
                return tag.replacingOccurrences(of: "href=\"\(href)\"", with: "href=\"\(Self.dataURI(icon, path: path))\"")
            }
            return ""   // preloads of files the edition does not have
        }
        var scripts: [String] = []
        html = Self.replacingTags(in: html, opening: "<script src=", closing: "</script>") { tag in
            guard let src = Self.attribute("src", in: tag), src.hasPrefix(base) else { return tag }
            let path = String(src.dropFirst(base.count))
            if !path.hasPrefix("assets/search"), let js = files[path] {
                scripts.append(String(decoding: js, as: UTF8.self))
            }
            return ""
        }
        // The header's search box needs the index: it goes (unless it can lead to the published site).
        // So do the navigation to other pages, when they cannot be reached from the file.
        if urls.absoluteBase == nil {
            html = Self.replacingTags(in: html, opening: #"<form class="site-search""#, closing: "</form>") { _ in "" }
            html = Self.replacingTags(in: html, opening: #"<nav class="site-nav""#, closing: "</nav>") { _ in "" }
        }
        // The notice, the mark, the scripts at the end of the body.
        if let main = Self.tagRange(#"<main id="main""#, in: html) {
            html.insert(contentsOf: "\n" + notice(), at: main.upperBound)
        }
        if let charset = html.range(of: #"<meta charset="utf-8">"#) {
            html.insert(contentsOf: "\n" + Self.generatorMark, at: charset.upperBound)
        }
        if let body = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: scripts.map { "<script>\n\($0.replacingOccurrences(of: "</script", with: "<\\/script"))\n</script>\n" }.joined(),
                        at: body.lowerBound)
        }
        // Addresses: into the file, to the published site, or none. A report page's anchor
        // that the file has (a paragraph or note of a chapter) is the same text here.
        let ids = Self.ids(in: html)
        let out = RelativeLinks.rewrite(Array(html.utf8), basePath: Array(base.utf8)) { attribute, target in
            let cut = target.firstIndex { $0 == "#" || $0 == "?" } ?? target.endIndex
            let path = String(target[..<cut])
            if path == Self.fullPage || path == SiteURLs.file(for: Self.fullPage) {
                let fragment = target[cut...]
                return fragment.hasPrefix("#") ? String(fragment) : "#top"
            }
            if path.hasPrefix("report/"), target[cut...].hasPrefix("#"), ids.contains(String(target[cut...].dropFirst())) {
                return String(target[cut...])
            }
            if attribute == "src", let data = files[path], data.count <= imageLimit {
                return Self.dataURI(data, path: path)
            }
            return urls.absolute(target)
        }
        return Data(out)
    }

    /// What the edition is and where its links lead, from the interface strings.
    func notice() -> String {
        var text = strings["single_file_notice"] + " "
        if let absolute = urls.absoluteBase {
            text += strings.format("single_file_links_online", ["url": absolute])
        } else {
            text += strings["single_file_links_offline"]
        }
        return "<p class=\"single-file-notice\">" + HTML.escaped(text) + "</p>\n"
    }

    /// `css` with each `url(…)` of a file of the site replaced by a `data:` URI.
    func inlineURLs(in css: String, folder: String, files: [String: Data]) -> String {
        var out = "", rest = Substring(css)
        while let open = rest.range(of: "url(") {
            out += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: ")") else { break }
            let raw = rest[..<close].trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
            let path = raw.hasPrefix(urls.basePath) ? String(raw.dropFirst(urls.basePath.count))
                : LinkChecker.normalize(folder + raw) ?? raw
            if let data = files[path] {
                out += "\"" + Self.dataURI(data, path: path) + "\""
                rest = rest[close...]
            }
        }
        return out + rest
    }

    /// `data:<type>;base64,…` of a file, its type from its name.
    static func dataURI(_ data: Data, path: String) -> String {
        let types = ["svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
                     "webp": "image/webp", "avif": "image/avif", "woff2": "font/woff2", "woff": "font/woff", "ttf": "font/ttf"]
        let type = types[(path as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
        return "data:\(type);base64,\(data.base64EncodedString())"
    }

    /// The folder of a site path, with its slash (`assets/site.css` → `assets/`).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// The first tag that begins with `opening`, through its `>` (its attributes may vary).
    static func tagRange(_ opening: String, in text: String) -> Range<String.Index>? {
        guard let a = text.range(of: opening), let b = text.range(of: ">", range: a.upperBound..<text.endIndex) else { return nil }
        return a.lowerBound..<b.upperBound
    }

    /// The text between the first `start` and the next `end`.
    static func between(_ text: String, _ start: String, _ end: String) -> Substring? {
        guard let a = text.range(of: start), let b = text.range(of: end, range: a.upperBound..<text.endIndex) else { return nil }
        return text[a.upperBound..<b.lowerBound]
    }

    /// `html` with each tag that begins with `opening` (through `>`, or through `closing` when
    /// given) replaced by `replace(tag)`.
    static func replacingTags(in html: String, opening: String, closing: String = ">", replace: (String) -> String) -> String {
        var out = "", rest = Substring(html)
        while let start = rest.range(of: opening), let end = rest.range(of: closing, range: start.upperBound..<rest.endIndex) {
            out += rest[..<start.lowerBound]
            let replacement = replace(String(rest[start.lowerBound..<end.upperBound]))
            var after = rest[end.upperBound...]
            if replacement.isEmpty, after.hasPrefix("\n") { after = after.dropFirst() }   // no empty line left
            out += replacement
            rest = after
        }
        return out + rest
    }

    /// The values of the `id` attributes in `html`.
    static func ids(in html: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(html)
        while let start = rest.range(of: " id=\""), let end = rest[start.upperBound...].firstIndex(of: "\"") {
            found.insert(String(rest[start.upperBound..<end]))
            rest = rest[end...]
        }
        return found
    }

    /// The value of `name="…"` in a tag.
    static func attribute(_ name: String, in tag: String) -> String? {
        between(tag, " \(name)=\"", "\"").map(String.init)
    }
}
