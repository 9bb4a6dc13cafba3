// The preview's build loop: builds once at start, then again whenever the watcher reports a
// change, keeping a `BuildCache` between builds so that only what changed is parsed and
// rendered again. A successful build replaces the site being served and tells open pages
// to reload; a failed one leaves the last good site in place and sends its diagnostics.
// A build that failed because the process was out of file descriptors or memory is not
// published: it is tried again a little later (the terminal hears of it once).
// Builds run on a thread of their own, off the server's threads.
//
// A builder that defers its search stage (`BuildOptions.defersSearchIndex`) gives the pages
// first: they are served at once, with the search index, the search page and the offline
// manifest of the previous build, and the reload is signalled; the search stage then runs
// on another thread and its files replace those in the same build (no second reload). A
// newer build that is served before it finishes makes its result void. The first build
// runs it in line, so that a site is never served without its index.

import Dispatch
import Foundation
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle
import Sitegen

/// Builds the site and publishes each result to the served site and the open pages.
final class Rebuilder: Sendable {
    let builder: SiteBuilder
    let site: PreviewSite
    let hub: ReloadHub
    let console: Console
    /// Whether to print the time of each stage after each build.
    let printsTimings: Bool
    /// The builder's file system, when it reports failures for lack of resources.
    let fileSystem: TransientFailureFileSystem?
    /// Pause before the first retry of a build that failed for lack of resources (doubled
    /// up to 2 s), and the number of retries before the failure is published after all.
    let retryDelay: Duration
    let maximumRetries: Int
    private let cache = NIOLockedValueBox(BuildCache())
    private let searches = NIOLockedValueBox(SearchState())

    /// What the deferred search stages did.
    struct SearchState {
        /// Counts the builds served; a search stage applies only to the build it belongs to.
        var generation = 0
        /// The paths the last completed search stage added or changed, and those it took
        /// away (the offline worker moves to the root), compared with the pages it was given.
        var made: Set<String>? = nil
        var removed: Set<String> = []
    }

    init(builder: SiteBuilder, site: PreviewSite, hub: ReloadHub, console: Console, printsTimings: Bool = false,
         fileSystem: TransientFailureFileSystem? = nil, retryDelay: Duration = .milliseconds(250), maximumRetries: Int = 30) {
        self.builder = builder
        self.retryDelay = retryDelay
        self.maximumRetries = maximumRetries
        self.printsTimings = printsTimings
        self.fileSystem = fileSystem
        self.site = site
        self.hub = hub
        self.console = console
    }

    /// Builds now, off the cooperative threads, and publishes the result. `changed` names the
    /// files that triggered it (for the log line).
    @discardableResult
    func rebuild(changed: [String] = []) async -> BuildResult {
        var result = await build()
        var retries = 0
        var delay = retryDelay
        while !result.succeeded, retries < maximumRetries, let reason = fileSystem?.tookTransientFailure() {
            if retries == 0 {
                console.error("warning: the build could not read the site (\(reason)); trying again shortly")
            }
            retries += 1
            try? await Task.sleep(for: delay)
            delay = min(delay * 2, .seconds(2))
            result = await build()
        }
        _ = fileSystem?.tookTransientFailure()
        guard result.succeeded, let pending = result.pendingSearch else {
            publish(result, changed: changed)
            return result
        }
        let made = searches.withLockedValue { $0.made }
        if let made, let previous = site.snapshot {
            // Pages now, the search stage's files of the previous build until this one's are ready.
            let removed = searches.withLockedValue { $0.removed }
            let pages = result.files
            result.files = Self.interim(pages: pages, made: made, removed: removed, previous: previous)
            let generation = publish(result, changed: changed)
            DispatchQueue.global(qos: .utility).async {
                self.complete(pending, pages: pages, generation: generation)
            }
            return result
        }
        let pages = result.files
        let started = ContinuousClock.now
        let (files, problems) = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: pending.run()) }
        }
        result.files = files
        result.diagnostics = (result.diagnostics + problems).sortedForOutput
        result.stageTimings.append(("search", (ContinuousClock.now - started) / .seconds(1)))
        result.elapsedSeconds += (ContinuousClock.now - started) / .seconds(1)
        if result.succeeded { remember(pages: pages, files: files) }
        publish(result, changed: changed)
        return result
    }

    /// The files to serve before the search stage is done: the pages, except those the last
    /// search stage changed or took away, and that stage's files as the previous build has them.
    static func interim(pages: [OutputFile], made: Set<String>, removed: Set<String>, previous: SiteSnapshot) -> [OutputFile] {
        var files = pages.filter { !made.contains($0.path) && !removed.contains($0.path) }
        for path in made.sorted() {
            if let entry = previous.entries[path] { files.append(OutputFile(path: path, data: entry.data)) }
        }
        return files
    }

    /// The paths a search stage added or changed, given `pages`, and those it took away.
    static func difference(pages: [OutputFile], files: [OutputFile]) -> (made: Set<String>, removed: Set<String>) {
        var byPath: [String: Data] = [:]
        for page in pages { byPath[page.path] = page.data }
        var made: Set<String> = []
        for file in files {
            if let page = byPath.removeValue(forKey: file.path), SiteSnapshot.same(page, file.data) { continue }
            made.insert(file.path)
        }
        return (made, Set(byPath.keys))
    }

    /// Notes what the search stage changed (see `SearchState`).
    private func remember(pages: [OutputFile], files: [OutputFile]) {
        let (made, removed) = Self.difference(pages: pages, files: files)
        searches.withLockedValue {
            $0.made = made
            $0.removed = removed
        }
    }

    /// Runs a deferred search stage and serves its files, unless a newer build was served meanwhile.
    private func complete(_ pending: PendingSearch, pages: [OutputFile], generation: Int) {
        let started = ContinuousClock.now
        let (files, problems) = pending.run()
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        let (made, removed) = Self.difference(pages: pages, files: files)
        searches.withLockedValue { state in
            guard state.generation == generation else { return }
            for problem in problems { console.error(problem.description) }
            let errors = problems.filter { $0.severity == .error }
            guard errors.isEmpty else {
                hub.publish(PreviewStatus(build: site.snapshot?.build ?? 0, diagnostics: errors.map(\.description),
                                          warnings: problems.count - errors.count))
                return
            }
            site.complete(with: files)
            state.made = made
            state.removed = removed
            if printsTimings {
                console.print("  search \(String(format: "%.1f", seconds * 1000)) ms (after the reload of build \(site.snapshot?.build ?? 0))")
            }
        }
    }

    private func build() async -> BuildResult {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                let result = self.cache.withLockedValue { self.builder.build(cache: &$0) }
                continuation.resume(returning: result)
            }
        }
    }

    /// Serves a good build, or reports a failed one; returns the generation of the builds served.
    @discardableResult
    private func publish(_ result: BuildResult, changed: [String]) -> Int {
        let cause = changed.isEmpty ? "" : " (\(Self.describe(changed)))"
        let milliseconds = Int((result.elapsedSeconds * 1000).rounded())
        if result.succeeded {
            let (build, isNew, generation) = searches.withLockedValue { state in
                state.generation += 1
                let (build, isNew) = site.update(with: result.files, basePath: result.basePath ?? "/")
                return (build, isNew, state.generation)
            }
            hub.publish(PreviewStatus(build: build, diagnostics: []))
            for warning in result.diagnostics { console.error(warning.description) }
            if printsTimings {
                console.print("  " + result.stageTimings.map { "\($0.0) \(String(format: "%.1f", $0.1 * 1000)) ms" }.joined(separator: ", "))
            }
            console.print("Build \(build)\(isNew ? "" : ", unchanged"): \(result.pageCount) pages in \(milliseconds) ms, "
                          + "\(result.statistics.summary)\(cause)")
            return generation
        } else {
            for diagnostic in result.diagnostics { console.error(diagnostic.description) }
            // Pages show the errors; warnings, often consequences of an error (the notes of a
            // chapter that did not load are "never referenced"), are counted there and listed
            // in the terminal.
            let errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
            let build = site.snapshot?.build ?? 0
            hub.publish(PreviewStatus(build: build, diagnostics: errors, warnings: result.warningCount))
            console.print("Build failed: \(result.errorCount) error\(result.errorCount == 1 ? "" : "s") in \(milliseconds) ms\(cause); "
                          + (build > 0 ? "still serving build \(build)" : "nothing to serve yet"))
            return searches.withLockedValue { $0.generation }
        }
    }

    private static func describe(_ paths: [String]) -> String {
        let shown = paths.prefix(3).joined(separator: ", ")
        return paths.count > 3 ? "\(shown) and \(paths.count - 3) more changed" : "\(shown) changed"
    }
}

/// Runs the rebuild loop and the keep-alive pings as a service beside the HTTP server;
/// on shutdown it ends every open event stream.
struct RebuildService: Service {
    let rebuilder: Rebuilder
    let watcher: FolderWatcher
    var keepAliveInterval: Duration = .seconds(15)

    func run() async {
        let hub = rebuilder.hub
        let interval = keepAliveInterval
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    hub.keepAlive()
                }
            }
            for await changed in watcher.changes().cancelOnGracefulShutdown() {
                await rebuilder.rebuild(changed: changed)
            }
            group.cancelAll()
        }
        hub.close()
    }
}

/// Where the preview's messages go (standard output and standard error for the command).
public struct Console: Sendable {
    /// Prints a line of progress.
    public var print: @Sendable (String) -> Void
    /// Prints a diagnostic or warning.
    public var error: @Sendable (String) -> Void

    /// Creates a console from two line printers.
    public init(print: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
        self.print = print
        self.error = error
    }
}
