// Fans reload events out to every open page. Each `/__sitegen/events` connection subscribes
// and gets the current status first (so a page opened or reconnected while the content is
// broken shows the overlay at once, and a page of an older build reloads); then every
// change. Closing the hub ends every stream, which lets the server shut down.

import NIOConcurrencyHelpers

/// The subscribers to reload events and the current status.
final class ReloadHub: Sendable {
    private struct State {
        var status: PreviewStatus
        var subscribers: [Int: AsyncStream<ReloadEvent>.Continuation] = [:]
        var nextID = 0
        var closed = false
    }

    private let state: NIOLockedValueBox<State>

    /// Creates a hub whose first status is `status`.
    init(status: PreviewStatus) {
        state = NIOLockedValueBox(State(status: status))
    }

    /// The current status.
    var status: PreviewStatus { state.withLockedValue { $0.status } }

    /// Number of open event streams.
    var subscriberCount: Int { state.withLockedValue { $0.subscribers.count } }

    /// A stream that starts with `hello` and carries every later event until the subscriber
    /// goes away, ends its subscription, or the hub closes.
    func subscribe() -> ReloadSubscription {
        let (stream, continuation) = AsyncStream.makeStream(of: ReloadEvent.self, bufferingPolicy: .bufferingNewest(16))
        let id: Int? = state.withLockedValue { state in
            guard !state.closed else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = continuation
            continuation.yield(.hello(state.status))
            return id
        }
        guard let id else {
            continuation.finish()
            return ReloadSubscription(events: stream, end: {})
        }
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        return ReloadSubscription(events: stream, end: { [weak self] in self?.remove(id)?.finish() })
    }

    @discardableResult
    private func remove(_ id: Int) -> AsyncStream<ReloadEvent>.Continuation? {
        state.withLockedValue { $0.subscribers.removeValue(forKey: id) }
    }

    /// Records a new status and tells every subscriber: `reload` when a new build is served
    /// (or a failure is fixed), `failed` when the latest build failed.
    func publish(_ status: PreviewStatus) {
        state.withLockedValue { state in
            state.status = status
            let event: ReloadEvent = status.failed ? .failed(status) : .reload(build: status.build)
            for continuation in state.subscribers.values { continuation.yield(event) }
        }
    }

    /// Sends a keep-alive comment to every subscriber.
    func keepAlive() {
        state.withLockedValue { state in
            for continuation in state.subscribers.values { continuation.yield(.keepAlive) }
        }
    }

    /// Ends every stream and refuses new subscribers.
    func close() {
        let continuations = state.withLockedValue { state in
            state.closed = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for continuation in continuations { continuation.finish() }
    }
}

/// One open event stream.
struct ReloadSubscription: Sendable {
    /// The events, starting with `hello`.
    let events: AsyncStream<ReloadEvent>
    /// Ends the stream (on shutdown).
    let end: @Sendable () -> Void
}
