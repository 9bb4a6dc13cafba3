// Values kept until the process ends. A one-shot build (`sitegen build`) exits right after
// it returns; freeing its large values (every parsed block, note and rendered page, millions
// of objects at 100×) one by one costs a noticeable part of the run, and the system takes the
// process's memory back at exit in one step anyway. Only a process that ends after the build
// asks for this (`BuildOptions.keepsValuesUntilExit`); the preview server never does.

import Foundation

/// A process-lifetime holder for the values of a build that ends the process.
enum ExitRetained {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var values: [Any] = []

    /// Keeps `kept` alive until the process exits.
    static func keep(_ kept: [Any]) {
        lock.withLock { values += kept }
    }

    /// How many values are kept (for tests).
    static var count: Int { lock.withLock { values.count } }
}
