// What the preview tells open pages: which build is current, and whether the latest attempt
// failed (with its diagnostics). Sent as Server-Sent Events on `/__sitegen/events`.

import Foundation

/// The state of the preview after the latest build attempt.
struct PreviewStatus: Equatable, Sendable {
    /// The build being served (0 when no build has succeeded yet).
    var build: Int
    /// The errors of the latest build when it failed (`file:line:col: message` lines);
    /// empty when the site being served is up to date.
    var diagnostics: [String]
    /// How many warnings the failed build had besides (often consequences of an error, such
    /// as notes of a chapter that did not load; the terminal lists them).
    var warnings = 0

    var failed: Bool { !diagnostics.isEmpty }
}

/// One message on the event stream.
enum ReloadEvent: Equatable, Sendable {
    /// Sent first on every connection: the build being served and any failure.
    case hello(PreviewStatus)
    /// A new build is being served: pages of an older build reload.
    case reload(build: Int)
    /// The latest build failed: pages show the diagnostics over the last good page.
    case failed(PreviewStatus)
    /// A comment that keeps the connection open and finds closed ones.
    case keepAlive

    /// The event in the `text/event-stream` format.
    var encoded: String {
        switch self {
        case .hello(let status): return Self.event("hello", status)
        case .reload(let build): return Self.event("reload", PreviewStatus(build: build, diagnostics: []))
        case .failed(let status): return Self.event("failed", status)
        case .keepAlive: return ": keep-alive\n\n"
        }
    }

    private struct Payload: Encodable {
        var build: Int
        var diagnostics: [String]
        var warnings: Int
    }

    private static func event(_ name: String, _ status: PreviewStatus) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Payload(build: status.build, diagnostics: status.diagnostics, warnings: status.warnings))) ?? Data("{}".utf8)
        // JSON has no raw newlines, so the payload is a single `data:` line.
        return "event: \(name)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }
}
