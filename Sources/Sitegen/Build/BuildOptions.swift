// What a build reads, where it writes, and how strict it is.

/// Options of one build.
public struct BuildOptions: Sendable, Hashable {
    public var contentDirectory: String
    public var templatesDirectory: String
    public var outputDirectory: String
    /// Overrides `base_url` of `index.md`; `/` when neither is given.
    public var baseURL: String?
    /// Turns warnings into errors and link-check problems into failures.
    public var strict: Bool
    /// Whether to write the output folder (false for `sitegen check`).
    public var writesOutput: Bool
    /// Replace an output folder even when sitegen did not write it (`--force`).
    public var force: Bool
    /// Writes every internal address relative to its page (`--relative-links`); nil leaves it to
    /// `relative_links` of `site.yml` (default: root addresses).
    public var relativeLinks: Bool?
    /// Also writes the one-file edition to this path (`--single-file`).
    public var singleFile: String?
    /// Leaves the search index and the offline manifest to `BuildResult.pendingSearch` (the
    /// preview, which serves the pages first); only for builds that neither write nor check.
    public var defersSearchIndex = false
    /// The process ends right after the build (the `build` command): the build's large values
    /// (content, parsed site, notes, rendered pages) are kept to the end of the process, whose
    /// memory the system takes back at once, instead of being freed object by object when the
    /// build returns (about half a second at 100×). Never for the preview, which builds again.
    public var keepsValuesUntilExit = false

    /// Creates options; the defaults are the project layout.
    public init(contentDirectory: String = "content", templatesDirectory: String = "templates",
                outputDirectory: String = "public", baseURL: String? = nil, strict: Bool = false,
                writesOutput: Bool = true, force: Bool = false, relativeLinks: Bool? = nil, singleFile: String? = nil) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.strict = strict
        self.writesOutput = writesOutput
        self.force = force
        self.relativeLinks = relativeLinks
        self.singleFile = singleFile
    }
}

/// What a build did.
public struct BuildResult: @unchecked Sendable {
    /// All diagnostics, sorted for output, with `--strict` already applied.
    public var diagnostics: [Diagnostic]
    public var pageCount: Int
    public var fileCount: Int
    public var noteCount: Int
    public var referenceCount: Int
    public var elapsedSeconds: Double
    /// The rendered files (also when not written).
    public var files: [OutputFile]
    /// Seconds spent in each stage, in pipeline order.
    public var stageTimings: [(String, Double)] = []
    /// Distinct sources found in the notes, and notes in which no citation was recognised.
    public var sourceCount: Int? = nil
    public var unparsedNoteCount: Int? = nil
    /// What was parsed and rendered anew, and what was reused from a `BuildCache`.
    public var statistics = BuildStatistics(markdownParsed: 0, markdownReused: 0, pagesRendered: 0, pagesReused: 0)
    /// The path the site is served under (`/`, `/sub/path/`), once the content was loaded.
    public var basePath: String?
    /// With `BuildOptions.defersSearchIndex`: `files` are the pages, and this adds the search
    /// index and the offline manifest to them.
    public var pendingSearch: PendingSearch?

    /// True when the build produced a site (no errors).
    public var succeeded: Bool { !diagnostics.hasErrors }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    /// One line for the terminal: what was built, how many problems, how long it took.
    public var summary: String {
        let time = String(format: "%.2f s", elapsedSeconds)
        let problems = "\(warningCount) warning\(warningCount == 1 ? "" : "s"), \(errorCount) error\(errorCount == 1 ? "" : "s")"
        guard succeeded else { return "Build failed: \(problems) (\(time)); the output folder was not changed" }
        let sources = sourceCount.map { ", \($0) sources (\(unparsedNoteCount ?? 0) notes without a recognised citation)" } ?? ""
        return "Built \(pageCount) pages (\(fileCount) files), \(noteCount) notes resolved (\(referenceCount) references)\(sources), \(problems) in \(time)"
    }
}
