// Keeps the number of open connections below the process's limit of open files, so that
// idle connections can never take the descriptors the server needs to accept a new one,
// and the watcher and the builds need to read the site. When a new connection would pass
// the cap, the connection idle the longest (no request in progress: never sent one, sent
// only part of one, or finished its last one) is closed to make room; if every connection
// is busy (event streams, responses being sent), the new one is closed instead. A warning
// goes to the terminal when the cap is reached (then at most once a minute).
//
// Idle connections are also closed after a timeout, by Hummingbird's `HTTP1Channel`
// (`idleTimeout`); this handler only makes room when the cap is reached before that.

import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTPTypes
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The open connections of the server and the cap on their number.
final class ConnectionLimiter: Sendable {
    /// The most connections open at once.
    let maximum: Int
    private let warn: @Sendable (String) -> Void
    private let fileLimit: Int?
    private let state = NIOLockedValueBox(State())

    private struct Entry {
        var channel: any Channel
        /// Requests read whose response is not finished.
        var requestsInProgress = 0
        /// When the connection opened or last finished a response (for "idle the longest").
        var idleSince: NIODeadline
    }

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        /// Connections closed to make room since the last warning.
        var closedSinceWarning = 0
        var lastWarning: NIODeadline?
        var peak = 0
    }

    /// A limiter allowing `maximum` connections; `fileLimit` is named in the warning.
    init(maximum: Int, fileLimit: Int? = nil, warn: @escaping @Sendable (String) -> Void = { _ in }) {
        self.maximum = max(1, maximum)
        self.fileLimit = fileLimit
        self.warn = warn
    }

    /// The cap for a process that may open `fileLimit` files: an eighth of them (at least
    /// 48) are kept for the server's own use, and at most 1,000 connections are allowed.
    static func maximum(forFileLimit fileLimit: Int) -> Int {
        let reserve = max(48, fileLimit / 8)
        return max(8, min(1_000, fileLimit - reserve))
    }

    /// The soft limit on open files of this process (`RLIMIT_NOFILE`), if it is finite.
    static func currentFileLimit() -> Int? {
        var limit = rlimit()
        #if canImport(Glibc)
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
        #else
        guard getrlimit(RLIMIT_NOFILE, &limit) == 0 else { return nil }
        #endif
        guard limit.rlim_cur < rlim_t(Int32.max) else { return nil }
        return Int(limit.rlim_cur)
    }

    /// Open connections now.
    var count: Int { state.withLockedValue { $0.entries.count } }
    /// The most connections open at once so far.
    var peak: Int { state.withLockedValue { $0.peak } }

    /// Records a new connection; closes the connection idle the longest (or this one, when
    /// none is idle) if the cap is passed.
    func opened(_ channel: any Channel) {
        let now = NIODeadline.now()
        let (victim, warning): ((any Channel)?, String?) = state.withLockedValue { state in
            state.entries[ObjectIdentifier(channel)] = Entry(channel: channel, idleSince: now)
            state.peak = max(state.peak, state.entries.count)
            guard state.entries.count > maximum else { return (nil, nil) }
            var oldest: (ObjectIdentifier, NIODeadline)?
            for (id, entry) in state.entries where entry.requestsInProgress == 0 && id != ObjectIdentifier(channel) {
                if oldest == nil || entry.idleSince < oldest!.1 { oldest = (id, entry.idleSince) }
            }
            let victimID = oldest?.0 ?? ObjectIdentifier(channel)
            let victim = state.entries.removeValue(forKey: victimID)?.channel
            state.closedSinceWarning += 1
            var warning: String?
            if state.lastWarning.map({ now - $0 >= .seconds(60) }) ?? true {
                warning = warningText(closed: state.closedSinceWarning, busy: oldest == nil)
                state.lastWarning = now
                state.closedSinceWarning = 0
            }
            return (victim, warning)
        }
        victim?.close(promise: nil)
        if let warning { warn(warning) }
    }

    /// Forgets a closed connection.
    func closed(_ channel: any Channel) {
        _ = state.withLockedValue { $0.entries.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// A request head arrived on `channel`.
    func requestStarted(on channel: any Channel) {
        state.withLockedValue { $0.entries[ObjectIdentifier(channel)]?.requestsInProgress += 1 }
    }

    /// A response on `channel` was finished.
    func requestFinished(on channel: any Channel) {
        let now = NIODeadline.now()
        state.withLockedValue { state in
            guard var entry = state.entries[ObjectIdentifier(channel)] else { return }
            entry.requestsInProgress = max(0, entry.requestsInProgress - 1)
            entry.idleSince = now
            state.entries[ObjectIdentifier(channel)] = entry
        }
    }

    private func warningText(closed: Int, busy: Bool) -> String {
        let limit = fileLimit.map { " (the limit of open files is \($0); raise it with `ulimit -n` to allow more)" } ?? ""
        let action = busy
            ? "every connection is busy, so new ones are closed at once"
            : "closing the connections idle the longest to make room"
        return "warning: \(maximum) connections open, the most this preview allows\(limit); \(action)"
            + (closed > 1 ? " (\(closed) closed in the last minute)" : "")
    }
}

/// Reports a connection's life and its requests to the limiter; one per connection, after
/// the HTTP codec.
final class ConnectionTracker: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limiter: ConnectionLimiter

    init(limiter: ConnectionLimiter) {
        self.limiter = limiter
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        let limiter = self.limiter
        limiter.opened(channel)
        channel.closeFuture.whenComplete { _ in limiter.closed(channel) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { limiter.requestStarted(on: context.channel) }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { limiter.requestFinished(on: context.channel) }
        context.write(data, promise: promise)
    }
}
