import ArgumentParser
import Foundation
import Sitegen

/// `sitegen check`: verifies links, anchors and resources of a site.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every internal link, anchor and asset, and that nothing loads from another host.",
        discussion: "Builds the site in memory, or reads an existing output folder with --site.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Check this built site folder instead of building in memory.")
    var siteFolder: String?

    @Flag(help: "Also list the external URLs the site links to and check each over the network (never in CI).")
    var external = false

    @Option(help: "With --external: seconds each URL may take in all (connecting, headers, redirects); a positive number.")
    var timeout: Double = 10

    @Option(help: "With --external: URLs checked at the same time (at least 1).")
    var concurrency: Int = 8

    func validate() throws {
        guard timeout.isFinite, timeout > 0 else {
            throw ValidationError("--timeout must be a positive number of seconds, not \(timeout)")
        }
        guard timeout <= 86_400 else { throw ValidationError("--timeout must be at most 86400 seconds (one day)") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1, not \(concurrency)") }
        guard concurrency <= 1_000 else { throw ValidationError("--concurrency must be at most 1000") }
    }

    func run() throws {
        let diagnostics: [Diagnostic]
        let files: [OutputFile]
        if let folder = siteFolder {
            let fs = LocalFileSystem()
            guard fs.isDirectory(folder) else {
                throw ValidationError("no such folder: \(folder)")
            }
            files = try fs.files(under: folder).map { OutputFile(path: $0, data: try fs.contents(of: folder + "/" + $0)) }
            diagnostics = LinkChecker(urls: SiteURLs(baseURL: site.baseURL ?? "/"), displayRoot: folder).check(files).sortedForOutput
        } else {
            let options = BuildOptions(contentDirectory: site.content, templatesDirectory: site.templates,
                                       outputDirectory: "public", baseURL: site.baseURL, strict: true, writesOutput: false)
            let result = SiteBuilder(options: options).build()
            diagnostics = result.diagnostics
            files = result.files
        }
        printDiagnostics(diagnostics)
        print(diagnostics.isEmpty ? "Checked \(files.count) files: no problems" : "\(diagnostics.count) problems")
        var externalFailures = 0
        if external {
            externalFailures = try checkExternal(files)
        }
        if !diagnostics.isEmpty || externalFailures > 0 { throw ExitCode(1) }
    }

    /// Checks external links and prints one line per URL; returns the number that failed.
    /// Throws when the HTTP client cannot be shut down.
    private func checkExternal(_ files: [OutputFile]) throws -> Int {
        let links = ExternalLinkChecker.links(in: files)
        print("Checking \(links.count) external URLs (\(concurrency) at a time, at most \(ExternalLinkChecker.seconds(timeout)) each)…")
        let checker = ExternalLinkChecker(maxConcurrent: concurrency, timeout: timeout)
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                box.outcome = .success(try await checker.check(links))
            } catch {
                box.outcome = .failure(error)
            }
            done.signal()
        }
        done.wait()
        var failures = 0
        for link in try box.outcome.get() {
            switch link.result {
            case .ok(let status)?: print("ok   \(status) \(link.url)")
            case .failed(let status)?:
                failures += 1
                print("FAIL \(status) \(link.url)  (linked from \(link.pages.joined(separator: ", ")))")
            case .unreachable(let reason)?:
                failures += 1
                print("FAIL --- \(link.url): \(reason)  (linked from \(link.pages.joined(separator: ", ")))")
            case nil: break
            }
        }
        print("\(links.count - failures) of \(links.count) external URLs answered")
        return failures
    }
}

/// Carries the results out of the checking task.
private final class ResultBox: @unchecked Sendable {
    var outcome: Result<[ExternalLink], Error> = .success([])
}
