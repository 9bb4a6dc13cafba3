import ArgumentParser
import Dispatch
import Foundation
import Sitegen
import SitegenServer

/// `sitegen serve`: a local preview that rebuilds on change and reloads open pages.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site: build it in memory, serve it locally, rebuild and reload on every change.",
        discussion: "Serves on 127.0.0.1 unless --host says otherwise. Nothing is written to disk.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The address to listen on (0.0.0.0 or :: listens on every interface).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free port.")
    var port = 8000

    @Option(help: "Milliseconds without a further change before a rebuild starts; saves within it give one rebuild.")
    var debounce = 20

    @Flag(help: "Print the time spent in each stage of every build.")
    var timings = false

    @Option(name: .customLong("allow-host"),
            help: ArgumentHelp("Also answer requests for this host name (repeatable; .example.org allows every name under it).",
                               discussion: "By default only localhost, IP addresses and the --host name are answered (a guard against DNS rebinding).",
                               valueName: "name"))
    var allowedHosts: [String] = []

    @Option(help: "Seconds a connection may stay without a request before it is closed.")
    var idleTimeout: Double = 20

    @Option(help: "The most connections open at once (default: from the limit of open files, at most 1000).")
    var maxConnections: Int?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
        guard (0...10_000).contains(debounce) else { throw ValidationError("--debounce must be between 0 and 10000 milliseconds") }
        guard idleTimeout.isFinite, idleTimeout > 0, idleTimeout <= 86_400 else {
            throw ValidationError("--idle-timeout must be a positive number of seconds (at most 86400), not \(idleTimeout)")
        }
        if let maxConnections, maxConnections < 1 {
            throw ValidationError("--max-connections must be at least 1, not \(maxConnections)")
        }
        for name in allowedHosts where name.isEmpty || name.contains(where: { $0 == ":" || $0 == "/" || $0 == " " || $0 == "*" }) {
            throw ValidationError("--allow-host takes a host name without port, scheme or wildcard (e.g. preview.example.org or .example.org), not \"\(name)\"")
        }
    }

    func run() throws {
        var options = ServeOptions(
            build: BuildOptions(contentDirectory: site.content, templatesDirectory: site.templates,
                                baseURL: site.baseURL, writesOutput: false),
            host: host, port: port)
        options.printsTimings = timings
        options.debounce = .milliseconds(debounce)
        options.allowedHosts = allowedHosts
        options.idleTimeout = .milliseconds(Int64((idleTimeout * 1000).rounded(.up)))
        options.maxConnections = maxConnections
        let console = Console(
            print: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
            error: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await PreviewServer(options: options, console: console).run()
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error {
            console.error("error: \(error)")
            throw ExitCode(1)
        }
    }
}

/// Carries the server's error out of its task.
private final class Outcome: @unchecked Sendable {
    var error: Error?
}
