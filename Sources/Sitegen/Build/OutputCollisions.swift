// Two outputs at one address: a file copied from the content folder that takes the place of a
// page, a theme asset or a search-index file (a content `robots.txt`, `assets/site.css`,
// `search/index.html`…). Writing both would silently keep one of them, so the build stops
// with an error that names the content file and what the build writes there.

extension DiagnosticCode {
    /// A content file would be copied to an address the build also writes.
    public static let outputCollision: Self = "output-collision"
}

enum OutputCollisions {
    /// Errors for every output path written more than once. `staticFiles` are the content
    /// files copied as they are (relative to `contentDirectory`); `themeAssets` the theme's.
    static func find(in files: [OutputFile], staticFiles: [String], themeAssets: Set<String>,
                     contentDirectory: String) -> [Diagnostic] {
        var counts: [String: Int] = [:]
        for file in files { counts[file.path, default: 0] += 1 }
        let repeated = counts.filter { $0.value > 1 }.keys.sorted()
        guard !repeated.isEmpty else { return [] }
        let copied = Set(staticFiles)
        return repeated.map { path in
            let other = themeAssets.contains(path) ? "the theme's asset of that name (to replace it, put the file in templates/\(path))"
                : path.hasSuffix(".html") ? "a page the build writes" : "a file the build writes"
            if copied.contains(path) {
                return Diagnostic(file: contentDirectory + "/" + path, severity: .error, code: .outputCollision,
                                  message: "this file would be copied to /\(path), the address of \(other); rename or move it")
            }
            return Diagnostic(file: path, severity: .error, code: .outputCollision,
                              message: "the build writes two files at /\(path); rename the content that gives one of them")
        }
    }
}
