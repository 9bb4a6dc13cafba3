import ArgumentParser
import Foundation
import Sitegen

/// `sitegen build`: builds the site into the output folder, atomically.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The output folder; replaced only when the build succeeds.")
    var output = "public"

    @Flag(help: "Treat warnings as errors and check every link and anchor (for CI).")
    var strict = false

    @Flag(help: "Replace the output folder even when sitegen did not write it (it has no .sitegen-output marker).")
    var force = false

    @Flag(help: "Write every internal link, asset and search-index address relative to its page, so the output works from a folder (file://), under any path and on IPFS (default: relative_links of site.yml).")
    var relativeLinks = false

    @Option(help: ArgumentHelp("Also write the one-file edition (the full report, its notes, figures and styles in one HTML file) to this path.", valueName: "file.html"))
    var singleFile: String?

    @Flag(help: "Print the time spent in each stage of the pipeline.")
    var timings = false

    func run() throws {
        var options = BuildOptions(contentDirectory: site.content, templatesDirectory: site.templates,
                                   outputDirectory: output, baseURL: site.baseURL, strict: strict,
                                   force: force, relativeLinks: relativeLinks ? true : nil, singleFile: singleFile)
        // The process ends after this build: its values are left for the system to take back.
        options.keepsValuesUntilExit = true
        let result = SiteBuilder(options: options).build()
        printDiagnostics(result.diagnostics)
        if timings {
            for (stage, seconds) in result.stageTimings {
                print(String(format: "  %-8@ %7.1f ms", stage, seconds * 1000))
            }
        }
        print(result.summary)
        if !result.succeeded { throw ExitCode(1) }
    }
}
