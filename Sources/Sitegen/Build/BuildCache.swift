// What a long-running process (the preview server) keeps between builds so that a rebuild
// redoes only what changed. Two stages consult it:
//
// - `MarkdownStage`: a parsed body is reused when the exact text (and its line offset) was
//   parsed by the previous build, so an edit to one chapter re-parses that chapter only.
// - `NoteResolver` and `SourceRegister` (`StageCache`): their results are reused when the
//   parsed trees, labels and paths they read are those of the previous build, so an edit to a
//   chapter's text that touches no note reference, or to a profile, reads no note again.
// - `PageRenderer`: a page is rendered through Mustache only when its template set or its
//   view model differs from the previous build. Dependencies need no bookkeeping: a page
//   that shows something of the edited file (the Notes page listing its notes, the full
//   report, a neighbour's previous/next link) has a different model and is re-rendered;
//   every other page is reused as it is.
//
// Entries not used by a build are dropped at its end, so the cache holds one site's worth.
// `sitegen build` uses no cache; its output does not depend on one.

/// Results of the previous build, reused by the next one where their inputs are unchanged.
public struct BuildCache: Sendable {
    var files: FileReadCache?
    var load: LoadCache
    var markdown: MarkdownCache
    var stages: StageCache
    var pieces: RenderCache
    var pages: PageCache

    /// An empty cache that remembers what each build produced.
    public init() {
        files = FileReadCache()
        load = LoadCache(isEnabled: true)
        markdown = MarkdownCache(isEnabled: true)
        stages = StageCache(isEnabled: true)
        pieces = RenderCache(isEnabled: true)
        pages = PageCache(isEnabled: true)
    }

    /// A cache that remembers nothing (a one-off build).
    static var disabled: BuildCache {
        var cache = BuildCache()
        cache.files = nil
        cache.load = LoadCache(isEnabled: false)
        cache.pieces = RenderCache(isEnabled: false)
        cache.markdown = MarkdownCache(isEnabled: false)
        cache.stages = StageCache(isEnabled: false)
        cache.pages = PageCache(isEnabled: false)
        return cache
    }

    /// What the most recent build parsed and rendered, and what it reused.
    public var statistics: BuildStatistics {
        var statistics = BuildStatistics(markdownParsed: markdown.misses, markdownReused: markdown.hits,
                                         pagesRendered: pages.misses, pagesReused: pages.hits)
        statistics.stagesReused = stages.reused
        statistics.content = load.contentWas
        statistics.bodiesRendered = pieces.rendered
        statistics.bodiesReused = pieces.reused
        return statistics
    }

    /// Starts counting for a new build.
    mutating func beginBuild() {
        files?.beginBuild()
        pieces.beginBuild()
        markdown.beginBuild()
        stages.beginBuild()
        pages.beginBuild()
    }

    /// Forgets what this build did not use.
    mutating func endBuild() {
        files?.endBuild()
        pieces.endBuild()
        markdown.endBuild()
        pages.endBuild()
    }
}

/// How much of a build was done anew and how much was reused from the previous one.
public struct BuildStatistics: Hashable, Sendable {
    /// Markdown texts (bodies and note definitions) parsed by cmark-gfm.
    public var markdownParsed: Int
    /// Markdown texts whose syntax tree was reused.
    public var markdownReused: Int
    /// Pages rendered through their template.
    public var pagesRendered: Int
    /// Pages whose HTML was reused.
    public var pagesReused: Int
    /// Stages whose whole result was reused (`notes`, `sources`).
    public var stagesReused: [String] = []
    /// How the content was had: `loaded`, `reused` (no file changed) or `patched` (the
    /// bodies of changed Markdown files replaced).
    public var content = "loaded"
    /// Bodies (chapters, notes, documents) rendered, and reused from the previous build.
    public var bodiesRendered = 0
    public var bodiesReused = 0

    /// `re-rendered 3 pages, reused 9; parsed 1 text, reused 330; reused notes, sources`.
    public var summary: String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        return "re-rendered \(count(pagesRendered, "page")), reused \(pagesReused); "
            + "parsed \(count(markdownParsed, "text")), reused \(markdownReused)"
            + (stagesReused.isEmpty ? "" : "; reused \(stagesReused.joined(separator: ", "))")
            + (bodiesRendered + bodiesReused == 0 ? "" : "; bodies rendered \(bodiesRendered), reused \(bodiesReused)")
            + (content == "loaded" ? "" : "; content \(content)")
    }
}
