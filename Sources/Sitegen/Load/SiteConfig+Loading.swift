// Reading `content/site.yml`: unknown keys are errors that point at their line and suggest
// the closest known key; a key that belongs elsewhere (a publication field, a page under
// `pages`) says where it goes. Page names in `menu`, `home_links` and `pages` are checked
// once the content pages are known.

import Yams

extension DiagnosticCode {
    /// `site.yml` has a key or a value the configuration does not know.
    public static let configUnknownKey: Self = "config-unknown-key"
    /// `site.yml` names a file (`metadata.image`, `metadata.pdf`) the content folder does not have.
    public static let configFileMissing: Self = "config-file-missing"
    /// `site.yml` names a style sheet that is not a `.css` file of the content folder.
    public static let configStylesheetMissing: Self = "config-stylesheet-missing"
}

extension SiteConfig {
    /// Decodes `source` (the text of `site.yml`) and checks its keys.
    static func load(from source: SourceFile) -> (SiteConfig?, [Diagnostic]) {
        let config: SiteConfig
        switch FrontMatter.decode(SiteConfig.self, from: source) {
        case .success(let value): config = value
        case .failure(let problem): return (nil, [problem])
        }
        var diagnostics: [Diagnostic] = []
        let offset = source.frontMatterLine - 1
        func problem(_ node: Node, _ message: String) {
            diagnostics.append(Diagnostic(file: source.path, line: (node.mark?.line ?? 1) + offset, column: node.mark?.column,
                                          severity: .error, code: .configUnknownKey, message: message))
        }
        guard let root = try? YAMLCompose.compose(yaml: source.frontMatter ?? ""), case .mapping(let top) = root else {
            return (config, [])
        }
        for (key, value) in top {
            let name = key.string ?? ""
            if keys.contains(name) {
                if name == "pages", case .mapping(let pages) = value {
                    for (pageKey, pageValue) in pages {
                        guard case .mapping(let fields) = pageValue else { continue }
                        for (field, _) in fields where !["title", "description"].contains(field.string ?? "") {
                            problem(field, "'pages.\(pageKey.string ?? "").\(field.string ?? "")' is not a setting of a page; a page has 'title' and 'description'"
                                    + Suggestion.hint(for: field.string ?? "", in: ["title", "description"]))
                        }
                    }
                }
                if name == "search", case .mapping(let fields) = value {
                    let allowed = ["phrase", "word", "matches"]
                    for (field, _) in fields where !allowed.contains(field.string ?? "") {
                        problem(field, "'search.\(field.string ?? "")' is not a search setting; expected one of: \(allowed.joined(separator: ", "))"
                                + Suggestion.hint(for: field.string ?? "", in: allowed))
                    }
                }
                if name == "metadata", case .mapping(let fields) = value {
                    let allowed = SiteMetadata.keys
                    for (field, _) in fields where !allowed.contains(field.string ?? "") {
                        problem(field, "'metadata.\(field.string ?? "")' is not a metadata setting; expected one of: \(allowed.joined(separator: ", "))"
                                + Suggestion.hint(for: field.string ?? "", in: allowed))
                    }
                }
                continue
            }
            if publicationKeys.contains(name) {
                problem(key, "'\(name)' is a field of the publication: put it in the front matter of index.md, not in site.yml")
            } else if SitePage(rawValue: name) != nil {
                problem(key, "'\(name)' is a page: its title and description go under 'pages:' (pages: {\(name): {title: …, description: …}})")
            } else if name == "language" {
                problem(key, "unknown key 'language' (did you mean 'lang'?)")
            } else {
                problem(key, "unknown key '\(name)'" + Suggestion.hint(for: name, in: keys)
                        + "; site.yml knows \(keys.joined(separator: ", ")); put values of your own under 'params'")
            }
        }
        return (config, diagnostics)
    }

    /// Errors for page names that are neither a page of the site (`SitePage`) nor a content
    /// page (`about`), with the line of each in `site.yml`.
    func pageNameProblems(contentPages: [String], in source: SourceFile) -> [Diagnostic] {
        let known = SitePage.allCases.map(\.rawValue) + contentPages
        var diagnostics: [Diagnostic] = []
        let root = (try? YAMLCompose.compose(yaml: source.frontMatter ?? "")) ?? nil
        func line(of section: String, _ name: String) -> (Int?, Int?) {
            guard case .mapping(let top)? = root, let node = top[Node(section)] else { return (nil, nil) }
            var found: Node?
            switch node {
            case .sequence(let items):
                found = items.first { $0.string == name || $0.mapping?[Node("page")]?.string == name }
            case .mapping(let map):
                found = map.keys.first { $0.string == name }
            default: break
            }
            let mark = found?.mark ?? node.mark
            return (mark.map { $0.line + source.frontMatterLine - 1 }, mark?.column)
        }
        func check(_ section: String, _ names: [String], allowed: [String]) {
            for name in names where !allowed.contains(name) {
                let (l, c) = line(of: section, name)
                diagnostics.append(Diagnostic(file: source.path, line: l, column: c, severity: .error, code: .configUnknownKey,
                    message: "'\(name)' in '\(section)' is not a page of the site" + Suggestion.hint(for: name, in: allowed)
                        + "; expected one of: \(allowed.joined(separator: ", "))"))
            }
        }
        check("menu", (menu ?? []).map(\.page), allowed: known)
        check("home_links", (homeLinks ?? []).map(\.page), allowed: known)
        check("pages", (pages ?? [:]).keys.sorted(), allowed: SitePage.allCases.map(\.rawValue))
        return diagnostics
    }

    /// Errors for `metadata.image` and `metadata.pdf` naming no file of `content/` (a PDF may
    /// also be an https address), at their line in `site.yml`.
    func metadataFileProblems(staticFiles: [String], in source: SourceFile) -> [Diagnostic] {
        guard let metadata else { return [] }
        var diagnostics: [Diagnostic] = []
        let files = Set(staticFiles)
        func check(_ key: String, _ value: String?, allowsAddress: Bool) {
            guard let value else { return }
            if allowsAddress, value.hasPrefix("https://") || value.hasPrefix("http://") { return }
            let path = value.hasPrefix("/") ? String(value.dropFirst()) : value
            guard !files.contains(path) else { return }
            let (line, column) = source.frontMatterLine(containing: key + ":")
            diagnostics.append(Diagnostic(file: source.path, line: line, column: column, severity: .error, code: .configFileMissing,
                message: "'metadata.\(key)' names '\(value)', which is no file of the content folder"
                    + (allowsAddress ? "; give a path such as files/report.pdf (relative to content/) or an http(s) address" : "; give a path such as share.png, relative to content/")
                    + Suggestion.hint(for: path, in: staticFiles)))
        }
        check("image", metadata.image, allowsAddress: false)
        check("pdf", metadata.pdf, allowsAddress: true)
        return diagnostics
    }

    /// Errors for entries of `stylesheets` that are not `.css` files copied from the content
    /// folder (`staticFiles`, relative to it), at the line of each entry.
    func stylesheetProblems(staticFiles: Set<String>, in source: SourceFile) -> [Diagnostic] {
        guard let stylesheets, !stylesheets.isEmpty else { return [] }
        let root = (try? YAMLCompose.compose(yaml: source.frontMatter ?? "")) ?? nil
        var entries: [Node] = []
        if case .mapping(let top)? = root, case .sequence(let items)? = top[Node("stylesheets")] { entries = Array(items) }
        let cssFiles = staticFiles.filter { $0.hasSuffix(".css") }.sorted()
        var diagnostics: [Diagnostic] = []
        for (index, path) in stylesheets.enumerated() {
            let normalised = path.hasPrefix("/") ? String(path.dropFirst()) : path
            let problem: String
            if !normalised.hasSuffix(".css") {
                problem = "'\(path)' in 'stylesheets' is not a style sheet: name a .css file of the content folder"
            } else if !staticFiles.contains(normalised) {
                problem = "'\(path)' in 'stylesheets' is not a file of the content folder"
                    + Suggestion.hint(for: normalised, in: cssFiles)
                    + (cssFiles.isEmpty ? "; write it there (e.g. content/assets/site-extra.css)" : "; its .css files are: \(cssFiles.joined(separator: ", "))")
            } else {
                continue
            }
            let mark = index < entries.count ? entries[index].mark : nil
            diagnostics.append(Diagnostic(file: source.path, line: mark.map { $0.line + source.frontMatterLine - 1 }, column: mark?.column,
                                          severity: .error, code: .configStylesheetMissing, message: problem))
        }
        return diagnostics
    }
}
