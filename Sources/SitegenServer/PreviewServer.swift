// `sitegen serve`: builds the site in memory, serves it over HTTP on loopback with
// Hummingbird, watches the content and templates folders and rebuilds on change, and makes
// open pages reload (or show the build's errors) through Server-Sent Events.

import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Sitegen

/// Options of `sitegen serve`.
public struct ServeOptions: Sendable {
    /// What to build (content, templates, base URL); nothing is written.
    public var build: BuildOptions
    /// The address to listen on; loopback by default.
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int
    /// Whether to print the time spent in each stage of every build.
    public var printsTimings = false
    /// How long the folders must stay unchanged after a change before the rebuild starts
    /// (saves within it give one rebuild).
    public var debounce: Duration = .milliseconds(20)
    /// Names besides loopback names and IP addresses that requests may carry in `Host`
    /// (`--allow-host`; `.example.org` allows every name under it). See `HostPolicy`.
    public var allowedHosts: [String] = []
    /// How long a connection may stay without a request before it is closed.
    public var idleTimeout: Duration = .seconds(20)
    /// The most connections open at once; nil: derived from the limit of open files
    /// (`ConnectionLimiter.maximum(forFileLimit:)`).
    public var maxConnections: Int?

    /// Creates options; the defaults are the project layout on `127.0.0.1:8000`.
    public init(build: BuildOptions = BuildOptions(writesOutput: false), host: String = "127.0.0.1", port: Int = 8000) {
        self.build = build
        self.build.writesOutput = false
        self.host = host
        self.port = port
    }

    /// Whether `host` listens on every interface (`0.0.0.0`, `::`).
    public var listensOnAllInterfaces: Bool {
        ["0.0.0.0", "::", "[::]", "0", "*"].contains(host)
    }
}

/// Why the preview could not start.
public enum ServeError: Error, CustomStringConvertible {
    case portInUse(host: String, port: Int)
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            return "port \(port) on \(host) is already in use; stop the other server or choose another port with --port (--port 0 picks a free one)"
        case .cannotListen(let host, let port, let reason):
            return "cannot listen on \(host) port \(port): \(reason)"
        }
    }
}

/// The preview server.
public struct PreviewServer: Sendable {
    public var options: ServeOptions
    public var console: Console

    /// Creates the server; messages go to `console`.
    public init(options: ServeOptions, console: Console) {
        self.options = options
        self.console = console
    }

    /// Builds the site, starts serving and rebuilding, and returns when the process is asked
    /// to stop (SIGINT, SIGTERM). Throws `ServeError` when it cannot listen.
    public func run() async throws {
        let folders = [options.build.contentDirectory, options.build.templatesDirectory]
        let fileSystem = TransientFailureFileSystem(ConfinedFileSystem(folders: folders))
        var buildOptions = options.build
        buildOptions.defersSearchIndex = true
        let builder = SiteBuilder(options: buildOptions, fileSystem: fileSystem)
        let site = PreviewSite()
        let hub = ReloadHub(status: PreviewStatus(build: 0, diagnostics: []))
        let rebuilder = Rebuilder(builder: builder, site: site, hub: hub, console: console,
                                  printsTimings: options.printsTimings, fileSystem: fileSystem)

        if options.listensOnAllInterfaces {
            console.error("warning: listening on all interfaces (\(options.host)): anyone who can reach this machine can read the preview; use --host 127.0.0.1 to keep it local")
        }
        var logger = Logger(label: "sitegen.serve")
        logger.logLevel = .critical
        let host = options.host
        let console = self.console
        let defaultBasePath = SiteURLs(baseURL: options.build.baseURL ?? "/").basePath
        let fileLimit = ConnectionLimiter.currentFileLimit()
        let limiter = ConnectionLimiter(
            maximum: options.maxConnections ?? fileLimit.map(ConnectionLimiter.maximum(forFileLimit:)) ?? 1_000,
            fileLimit: fileLimit, warn: console.error)
        var watcher = FolderWatcher(folders: folders, quietPeriod: options.debounce)
        watcher.report = { message in
            console.error(message ?? "note: the watched folders can be listed again; watching resumes")
        }
        let app = Application(
            router: PreviewRouter.make(site: site, hub: hub,
                                       hostPolicy: HostPolicy(boundHost: host, allowedNames: options.allowedHosts),
                                       warn: console.error),
            server: Self.http1(limiter: limiter, idleTimeout: options.idleTimeout),
            configuration: .init(address: .hostname(host, port: options.port), serverName: nil),
            services: [RebuildService(rebuilder: rebuilder, watcher: watcher)],
            onServerRunning: { channel in
                // The port is ours: build before accepting connections (they wait in the
                // backlog), so the first request already gets the site.
                let first = await rebuilder.rebuild()
                let port = channel.localAddress?.port ?? 0
                let shownHost = switch host {
                case "0.0.0.0", "0", "*": "127.0.0.1"
                case "::", "[::]": "[::1]"
                default: host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
                }
                console.print("Serving http://\(shownHost):\(port)\(first.basePath ?? defaultBasePath) (watching \(folders.joined(separator: " and ")); press Ctrl-C to stop)")
            },
            logger: logger)
        do {
            try await app.runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw ServeError.portInUse(host: host, port: options.port)
        } catch let error as IOError {
            throw ServeError.cannotListen(host: host, port: options.port, reason: String(cString: strerror(error.errnoCode)))
        } catch is SocketAddressError, is SocketAddressError.UnknownHost {
            throw ServeError.cannotListen(host: host, port: options.port, reason: "no such host or address")
        }
        console.print("Stopped.")
    }

    /// HTTP/1.1 with connections counted by `limiter` and closed after `idleTimeout`
    /// without a request.
    static func http1(limiter: ConnectionLimiter, idleTimeout: Duration) -> HTTPServerBuilder {
        let (seconds, attoseconds) = idleTimeout.components
        let timeout = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        return .http1(configuration: .init(additionalChannelHandlers: [ConnectionTracker(limiter: limiter)],
                                           idleTimeout: timeout))
    }
}
