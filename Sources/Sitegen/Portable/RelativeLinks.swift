// Relative links (`--relative-links`, `relative_links: true`): after rendering, every internal
// address in a page — `href`, `src`, `action` and `poster` values that start with the site's
// base path — is rewritten relative to the page, and a folder address gets its `index.html`
// (`/report/notes/#note-3` seen from `report/introduction/index.html` becomes
// `../notes/index.html#note-3`). The same output then works from a folder (`file://`), under
// any path of any host and on IPFS, because nothing names the root. Search results carry
// site-relative addresses too, so they get the `index.html` as well. Like Hugo's
// `relativeURLs`, this is a pass over the finished HTML, on bytes: templates and the renderer
// keep building root addresses, and a theme that writes `{{site.basePath}}…` is covered.

import Foundation

/// Rewrites the internal addresses of a rendered site relative to each page.
public struct RelativeLinks: Sendable {
    /// The path every internal address starts with (`/`, `/sub/path/`).
    public var basePath: String

    /// Creates the stage for a site whose addresses start with `basePath`.
    public init(basePath: String) {
        self.basePath = basePath.hasSuffix("/") ? basePath : basePath + "/"
    }

    /// The site with every page's internal addresses relative and the search records' URLs
    /// naming their file.
    public func run(_ site: RenderedSite) -> RenderedSite {
        var result = site
        let base = Array(basePath.utf8)
        result.files = site.files.parallelMap { file in
            guard file.path.hasSuffix(".html") else { return file }
            return OutputFile(path: file.path, data: Data(Self.rewrite(Array(file.data), page: file.path, basePath: base)))
        }
        result.searchRecords = site.searchRecords.map { record in
            var record = record
            record.url = Self.withFile(record.url)
            return record
        }
        return result
    }

    /// Attributes whose value is an address.
    static let addressAttributes: Set<[UInt8]> = Set(["href", "src", "action", "poster"].map { Array($0.utf8) })

    /// `html` with the values of address attributes that start with `basePath` made relative to
    /// `page` (its path in the output, e.g. `report/notes/index.html`). Only attributes inside
    /// tags are touched: text, comments and the content of `<script>` and `<style>` are copied.
    static func rewrite(_ html: [UInt8], page: String, basePath: [UInt8]) -> [UInt8] {
        rewrite(html, basePath: basePath) { _, target in relative(target, from: page) }
    }

    /// `html` with each internal address (an address attribute whose value starts with
    /// `basePath`, not `//`) replaced by `map(attribute, site-relative target)`; when `map`
    /// gives nil the attribute is removed. Only attributes inside tags are touched.
    static func rewrite(_ html: [UInt8], basePath: [UInt8], map: (_ attribute: String, _ target: String) -> String?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(html.count + html.count / 16)
        let n = html.count
        var i = 0, copied = 0
        func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
        func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 12 || b == 13 }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }
        func skip(past marker: [UInt8], from start: Int) -> Int {
            var j = start
            while j + marker.count <= n {
                var k = 0
                while k < marker.count && lower(html[j + k]) == marker[k] { k += 1 }
                if k == marker.count { return j + marker.count }
                j += 1
            }
            return n
        }
        while i < n {
            guard html[i] == UInt8(ascii: "<"), i + 1 < n else { i += 1; continue }
            if html[i + 1] == UInt8(ascii: "!") {
                i = html[i...].starts(with: Array("<!--".utf8)) ? skip(past: Array("-->".utf8), from: i + 4) : skip(past: [UInt8(ascii: ">")], from: i)
                continue
            }
            guard isLetter(html[i + 1]) else { i += 1; continue }
            // A start tag: its name, then its attributes up to `>`.
            var j = i + 1
            var name: [UInt8] = []
            while j < n, !isSpace(html[j]), html[j] != UInt8(ascii: ">"), html[j] != UInt8(ascii: "/") { name.append(lower(html[j])); j += 1 }
            while j < n, html[j] != UInt8(ascii: ">") {
                if isSpace(html[j]) || html[j] == UInt8(ascii: "/") { j += 1; continue }
                var attributeStart = j
                while attributeStart > i, isSpace(html[attributeStart - 1]) { attributeStart -= 1 }
                var attribute: [UInt8] = []
                while j < n, !isSpace(html[j]), html[j] != UInt8(ascii: "="), html[j] != UInt8(ascii: ">") { attribute.append(lower(html[j])); j += 1 }
                while j < n, isSpace(html[j]) { j += 1 }
                guard j < n, html[j] == UInt8(ascii: "=") else { continue }
                j += 1
                while j < n, isSpace(html[j]) { j += 1 }
                guard j < n else { break }
                var start = j, end = j
                if html[j] == UInt8(ascii: "\"") || html[j] == UInt8(ascii: "'") {
                    let quote = html[j]
                    start = j + 1
                    end = start
                    while end < n, html[end] != quote { end += 1 }
                    j = min(n, end + 1)
                } else {
                    while end < n, !isSpace(html[end]), html[end] != UInt8(ascii: ">") { end += 1 }
                    j = end
                }
                guard addressAttributes.contains(attribute), end - start >= basePath.count,
                      html[start..<start + basePath.count].elementsEqual(basePath),
                      !(end - start >= 2 && html[start + 1] == UInt8(ascii: "/")) else { continue }
                let target = String(decoding: html[(start + basePath.count)..<end], as: UTF8.self)
                if let replacement = map(String(decoding: attribute, as: UTF8.self), target) {
                    out += html[copied..<start]
                    out += Array(replacement.utf8)
                    copied = end
                } else {
                    out += html[copied..<attributeStart]
                    copied = end < n && (html[end] == UInt8(ascii: "\"") || html[end] == UInt8(ascii: "'")) ? end + 1 : end
                }
            }
            i = j
            if name == Array("script".utf8) || name == Array("style".utf8) {
                i = skip(past: Array("</".utf8) + name, from: i)
            }
        }
        out += html[copied..<n]
        return out
    }

    /// A site-relative address (`report/notes/#note-3`, `` for the home page) with the file a
    /// folder address stands for (`report/notes/index.html#note-3`).
    static func withFile(_ address: String) -> String {
        let cut = address.firstIndex { $0 == "#" || $0 == "?" } ?? address.endIndex
        let path = address[..<cut]
        guard path.isEmpty || path.hasSuffix("/") else { return address }
        return path + "index.html" + address[cut...]
    }

    /// `target` (site-relative, with its file added when it is a folder) relative to the folder
    /// of `page` (a file path in the output).
    static func relative(_ target: String, from page: String) -> String {
        let addressed = withFile(target)
        let cut = addressed.firstIndex { $0 == "#" || $0 == "?" } ?? addressed.endIndex
        let targetParts = addressed[..<cut].split(separator: "/", omittingEmptySubsequences: false)
        let pageFolders = page.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let targetFolders = targetParts.dropLast()
        var common = 0
        while common < pageFolders.count, common < targetFolders.count,
              pageFolders[pageFolders.startIndex + common] == targetFolders[targetFolders.startIndex + common] { common += 1 }
        let ups = String(repeating: "../", count: pageFolders.count - common)
        return ups + targetParts.dropFirst(common).joined(separator: "/") + addressed[cut...]
    }
}
