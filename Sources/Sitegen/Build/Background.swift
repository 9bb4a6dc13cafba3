// Work that runs on another core while the build goes on: the search index is built while
// the pages are rendered and written. The value is computed once; reading it waits for it.

import Foundation

/// A value computed on another thread; `value` waits until it is ready.
final class Background<T: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once by the worker before `group.leave()`, read only after `group.wait()`.
    private var result: T?

    /// Starts `work` on a global queue.
    init(_ work: @escaping @Sendable () -> T) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.group.leave()
        }
    }

    /// The result of the work, waiting for it if it is not done yet.
    var value: T {
        group.wait()
        return result!
    }
}

/// A value shared between threads behind a lock.
final class Locked<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T

    init(_ value: T) { stored = value }

    /// The current value.
    var value: T { lock.withLock { stored } }

    /// Replaces the value.
    func set(_ value: T) { lock.withLock { stored = value } }
}
