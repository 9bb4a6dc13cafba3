// The search index as scripts, for a site opened from a folder: browsers refuse `fetch` of
// `file://` addresses, but they run a classic `<script src>` from the same folder. A
// relative-links build therefore writes, beside each `search/X.json`, `search/X.js`:
//
//   (self.sitegenIndex=self.sitegenIndex||{})["X.json"]=<the same JSON>;
//
// `assets/search.js` uses the scripts only where `fetch` cannot work (a `file:` page), loading
// each on demand exactly as it would fetch the JSON; everywhere else the JSON files are used.

import Foundation

/// Adds a script twin of every JSON file of the search index.
public struct SearchIndexScripts: Sendable {
    /// The folder of the index files, relative to the output.
    public var folder = "search/"

    /// Creates the stage.
    public init() {}

    /// The site with `X.js` beside each `folder/X.json`.
    public func run(_ site: RenderedSite) -> RenderedSite {
        var result = site
        let twins = site.files.filter { $0.path.hasPrefix(folder) && $0.path.hasSuffix(".json") && !$0.path.dropFirst(folder.count).contains("/") }
            .map { file in
                let name = String(file.path.dropFirst(folder.count))
                var script = Data("(self.sitegenIndex=self.sitegenIndex||{})[\(SearchIndexFiles.string(name))]=".utf8)
                var json = file.data
                while let last = json.last, last == UInt8(ascii: "\n") { json.removeLast() }
                script += json
                script += Data(";\n".utf8)
                return OutputFile(path: String(file.path.dropLast(".json".count)) + ".js", data: script)
            }
        result.files = (site.files + twins).sorted { $0.path < $1.path }
        return result
    }
}
