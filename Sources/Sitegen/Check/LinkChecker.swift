// Stage 5: checks the rendered site as a browser would use it. Every internal link and
// `#anchor` must resolve to a file and an element id; every image, script, stylesheet and
// font must exist on the site; no page may load a script, style, font or image from another
// host. Runs on the files in memory (during `build`) or on an output folder (`check`).

import Foundation
import SitegenMarkdown

/// Verifies links and resources of a rendered site.
public struct LinkChecker: Sendable {
    public var urls: SiteURLs
    /// The folder name used in diagnostic paths (e.g. `public`).
    public var displayRoot: String

    /// Creates a checker for a site served under `urls.basePath`.
    public init(urls: SiteURLs, displayRoot: String) {
        self.urls = urls
        self.displayRoot = displayRoot
    }

    /// The problems found in `files`, each naming the page and line.
    public func check(_ files: [OutputFile]) -> [Diagnostic] {
        let paths = Set(files.map(\.path))
        // Scan every page (on all cores), then check every link against all pages' ids.
        let pages = files.filter { $0.path.hasSuffix(".html") }
        let scanned = pages.parallelMap { file in
            (file.path, HTMLScanner.tags(in: String(decoding: file.data, as: UTF8.self)))
        }
        var ids: [String: Set<String>] = [:]
        for (path, tags) in scanned { ids[path] = Set(tags.compactMap { $0.attributes["id"] }) }
        let allIDs = ids
        var diagnostics: [Diagnostic] = scanned.parallelMap { page, tags in
            var found: [Diagnostic] = []
            let display = displayRoot + "/" + page
            for tag in tags {
                for attribute in ["href", "src"] {
                    guard let value = tag.attributes[attribute], !value.isEmpty else { continue }
                    if let problem = problem(with: value, tag: tag, page: page, paths: paths, ids: allIDs) {
                        found.append(Diagnostic(file: display, line: tag.line, severity: .error,
                                                code: problem.0, message: problem.1))
                    }
                }
            }
            return found
        }.flatMap { $0 }
        for file in files where file.path.hasSuffix(".css") {
            let css = String(decoding: file.data, as: UTF8.self)
            for (index, line) in css.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.containsBytes("url(") || line.containsBytes("@import") {
                if line.containsBytes("http://") || line.containsBytes("https://") || line.containsBytes("url(//") {
                    diagnostics.append(Diagnostic(file: displayRoot + "/" + file.path, line: index + 1, severity: .error,
                                                  code: .checkExternalResource,
                                                  message: "stylesheet loads a resource from another host"))
                }
            }
        }
        return diagnostics
    }

    private func problem(with value: String, tag: ScannedTag, page: String, paths: Set<String>,
                         ids: [String: Set<String>]) -> (DiagnosticCode, String)? {
        let isResource = tag.name != "a" && !(tag.name == "link" && ["canonical", "alternate"].contains(tag.attributes["rel"] ?? ""))
        if value.hasPrefix("http://") || value.hasPrefix("https://") || value.hasPrefix("//") {
            guard isResource else { return nil }
            if let absolute = urls.absoluteBase, value.hasPrefix(absolute) { return nil }
            return (.checkExternalResource, "<\(tag.name)> loads \(value) from another host; the site must be self-contained")
        }
        if value.hasPrefix("mailto:") || value.hasPrefix("tel:") { return nil }
        if value.hasPrefix("data:") { return nil }
        // Resolve to a site path.
        let parts = value.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        var path = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        let target: String
        if path.isEmpty {
            target = page
        } else if path.hasPrefix("/") {
            guard path.hasPrefix(urls.basePath) else {
                return (.checkBrokenLink, "link to \(value) is outside the site's base path \(urls.basePath)")
            }
            target = resolve(String(path.dropFirst(urls.basePath.count)), paths: paths)
        } else {
            let folder = (page as NSString).deletingLastPathComponent
            guard let joined = Self.normalize(folder.isEmpty ? path : folder + "/" + path) else {
                return (.checkBrokenLink, "link to \(value) leaves the site")
            }
            target = resolve(joined.isEmpty ? "" : joined + (path.hasSuffix("/") ? "/" : ""), paths: paths)
        }
        guard paths.contains(target) else {
            return (.checkBrokenLink, "link to \(value): no such file in the site")
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
            let decoded = fragment.utf8.contains(UInt8(ascii: "%")) ? (fragment.removingPercentEncoding ?? fragment) : fragment
            if !(ids[target]?.contains(decoded) ?? false) {
                return (.checkBrokenLink, "link to \(value): \(target) has no element with id '\(decoded)'")
            }
        }
        return nil
    }

    /// Resolves `.` and `..` segments; nil when the path climbs above the site root.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(segment)
            }
        }
        return parts.joined(separator: "/")
    }

    private func resolve(_ path: String, paths: Set<String>) -> String {
        if path.isEmpty || path.hasSuffix("/") { return path + "index.html" }
        if paths.contains(path) { return path }
        if paths.contains(path + "/index.html") { return path + "/index.html" }
        return path
    }
}
