// The preview's build loop: builds once at start, then again whenever the watcher reports a
// change, keeping a `BuildCache` between builds so that only what changed is parsed and
// rendered again. A successful build replaces the site being served and tells open pages
// to reload; a failed one leaves the last good site in place and sends its diagnostics.
// A build that failed because the process was out of file descriptors or memory is not
// published: it is tried again a little later (the terminal hears of it once).
// Builds run on a thread of their own, off the server's threads.

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
        publish(result, changed: changed)
        return result
    }

    private func build() async -> BuildResult {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                let result = self.cache.withLockedValue { self.builder.build(cache: &$0) }
                continuation.resume(returning: result)
            }
        }
    }

    private func publish(_ result: BuildResult, changed: [String]) {
        let cause = changed.isEmpty ? "" : " (\(Self.describe(changed)))"
        let milliseconds = Int((result.elapsedSeconds * 1000).rounded())
        if result.succeeded {
            let (build, isNew) = site.update(with: result.files, basePath: result.basePath ?? "/")
            for warning in result.diagnostics { console.error(warning.description) }
            if printsTimings {
                console.print("  " + result.stageTimings.map { "\($0.0) \(String(format: "%.1f", $0.1 * 1000)) ms" }.joined(separator: ", "))
            }
            hub.publish(PreviewStatus(build: build, diagnostics: []))
            console.print("Build \(build)\(isNew ? "" : ", unchanged"): \(result.pageCount) pages in \(milliseconds) ms, "
                          + "\(result.statistics.summary)\(cause)")
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
