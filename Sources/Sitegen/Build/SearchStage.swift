// The stages after rendering that read every file of the site: the search index (and, with
// relative links, the scripts that load it), the offline manifest, and the check that no two
// files share an address. `sitegen build` runs them in line. The preview can leave them for
// after it has served the new pages and signalled the reload (`BuildOptions.defersSearchIndex`,
// `BuildResult.pendingSearch`): on a large report they take longer than the rest of an
// incremental rebuild, and an author looking at the page they edit does not need them first.

/// Adds the search index, and what lists the site's files, to the rendered pages.
struct SearchStage: Sendable {
    var relativeLinks: Bool
    var offlineReading: Bool
    var staticFiles: [String]
    var themeAssets: Set<String>
    var contentDirectory: String

    /// The whole site, and the files that would be written twice. `indexFiles`: the index
    /// files, when they were built from the pages' records already.
    func run(_ pages: RenderedSite, indexFiles: [OutputFile]? = nil) -> (RenderedSite, [Diagnostic]) {
        var site = indexFiles.map { SearchIndexer().run(pages, indexFiles: $0) } ?? SearchIndexer().run(pages)
        if relativeLinks { site = SearchIndexScripts().run(site) }
        if offlineReading { site = OfflineManifest().run(site) }
        return (site, collisions(site.files))
    }

    func collisions(_ files: [OutputFile]) -> [Diagnostic] {
        OutputCollisions.find(in: files, staticFiles: staticFiles, themeAssets: themeAssets, contentDirectory: contentDirectory)
    }
}

/// The search stage of a preview build, left to run after the build's pages are served.
public struct PendingSearch: Sendable {
    let stage: SearchStage
    let pages: RenderedSite
    /// The problems the build reported already (not reported again).
    let reported: [Diagnostic]

    /// Runs the stage: every file of the site (the pages as the build made them, the search
    /// page with its data, the index files, the offline manifest), and the problems it found
    /// that the build had not reported, sorted for output.
    public func run() -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        var pages = pages
        if let make = pages.makeSearchRecords {
            pages.searchRecords = make()
            pages.makeSearchRecords = nil
        }
        let (site, problems) = stage.run(pages)
        let known = Set(reported)
        return (site.files, problems.filter { !known.contains($0) }.sortedForOutput)
    }
}
