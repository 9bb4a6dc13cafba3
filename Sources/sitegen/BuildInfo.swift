// The version and the commit `sitegen --version` prints. The version is written here; the
// commit is known only to a build that embeds it: `make dist` (scripts/dist.sh) builds a copy
// of the committed tree to which it adds BuildCommit.generated.swift (`embeddedCommit`) and
// compiles with -DSITEGEN_EMBED_COMMIT. A plain `swift build` needs neither and says
// "unknown commit".

/// What `sitegen --version` reports.
enum BuildInfo {
    /// The release version (semantic versioning); `make dist` names the archive after it.
    static let version = "0.1.0"

    /// The commit the binary was built from (`git rev-parse --short=12 HEAD`), or
    /// "unknown commit".
    static var commit: String {
        #if SITEGEN_EMBED_COMMIT
        return "commit " + embeddedCommit
        #else
        return "unknown commit"
        #endif
    }

    /// The line `--version` prints, e.g. `0.1.0 (commit 01a814d2c3e4)`.
    static var versionLine: String { "\(version) (\(commit))" }
}
