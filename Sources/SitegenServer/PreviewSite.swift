// The site the preview serves right now: the snapshot of the last good build, swapped whole
// by the rebuild loop and read by every request. Before any build succeeded there is none,
// and requests get a page that lists the diagnostics instead.

import Foundation
import NIOConcurrencyHelpers
import Sitegen

/// The current snapshot, shared between the rebuild loop and the request handlers.
final class PreviewSite: Sendable {
    private let current: NIOLockedValueBox<SiteSnapshot?>

    /// Creates a site that serves `snapshot`.
    init(_ snapshot: SiteSnapshot? = nil) {
        current = NIOLockedValueBox(snapshot)
    }

    /// The snapshot being served, if a build has succeeded.
    var snapshot: SiteSnapshot? { current.withLockedValue { $0 } }

    /// Serves `files` from now on as build `build`, unless they are exactly what is being
    /// served already; returns the build number then served.
    @discardableResult
    func update(with files: [OutputFile], basePath: String, now: Date = Date()) -> (build: Int, changed: Bool) {
        let previous = snapshot
        let build = (previous?.build ?? 0) + 1
        let next = SiteSnapshot(build: build, basePath: basePath, output: files, previous: previous, now: now,
                                reloadScript: ReloadScript.tag)
        if let previous, next.changedPaths.isEmpty, next.paths == previous.paths { return (previous.build, false) }
        current.withLockedValue { $0 = next }
        return (build, true)
    }

    /// Serves `files` as the rest of the build being served (its search index, after the
    /// pages): same build number, no reload for the pages already open.
    func complete(with files: [OutputFile], now: Date = Date()) {
        guard let previous = snapshot else { return }
        let next = SiteSnapshot(build: previous.build, basePath: previous.paths.basePath, output: files, previous: previous,
                                now: now, reloadScript: ReloadScript.tag)
        guard !next.changedPaths.isEmpty else { return }
        current.withLockedValue { $0 = next }
    }
}
