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

    func run() throws {
        let diagnostics: [Diagnostic]
        if let folder = siteFolder {
            let fs = LocalFileSystem()
            guard fs.isDirectory(folder) else {
                throw ValidationError("no such folder: \(folder)")
            }
            let files = try fs.files(under: folder).map { OutputFile(path: $0, data: try fs.contents(of: folder + "/" + $0)) }
            diagnostics = LinkChecker(urls: SiteURLs(baseURL: site.baseURL ?? "/"), displayRoot: folder).check(files).sortedForOutput
            printDiagnostics(diagnostics)
            print(diagnostics.isEmpty ? "Checked \(files.count) files: no problems" : "\(diagnostics.count) problems in \(folder)")
        } else {
            let options = BuildOptions(contentDirectory: site.content, templatesDirectory: site.templates,
                                       outputDirectory: "public", baseURL: site.baseURL, strict: true, writesOutput: false)
            let result = SiteBuilder(options: options).build()
            diagnostics = result.diagnostics
            printDiagnostics(diagnostics)
            print(diagnostics.isEmpty ? "Checked \(result.fileCount) files: no problems" : "\(diagnostics.count) problems")
        }
        if !diagnostics.isEmpty { throw ExitCode(1) }
    }
}
