import ArgumentParser
import Foundation
import Sitegen

/// `sitegen init [DIR]`: writes a small working report to start from.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new report: content, site configuration and the default templates.",
        discussion: "Writes into DIR (default: the current folder), which must be new or empty. Then run `sitegen build --strict` there.")

    @Argument(help: "The folder to create the report in.")
    var directory = "."

    func run() throws {
        do {
            let written = try SiteScaffold(directory: directory).write()
            let content = written.filter { $0.hasPrefix("content/") }.count
            print("Created a report in \(directory): \(content) content files and \(written.count - content) template files.")
            print("Next: \(directory == "." ? "" : "cd \(directory) && ")sitegen build --strict, then sitegen serve to preview it.")
        } catch let problem as SiteScaffold.Problem {
            FileHandle.standardError.write(Data("error: \(problem)\n".utf8))
            throw ExitCode(1)
        }
    }
}
