import ArgumentParser
import Foundation
import Sitegen

/// `sitegen init [DIR]`: writes a small working report to start from.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new report: content and site configuration (the theme stays built in).",
        discussion: "Writes into DIR (default: the current folder), which must be new or empty. Then run `sitegen build --strict` there. With --with-templates it also writes the built-in theme to templates/; a file there replaces the built-in one of the same name, so keep only the ones you change.")

    @Argument(help: "The folder to create the report in.")
    var directory = "."

    @Flag(help: "Also write the built-in theme (templates and assets) to templates/, to edit.")
    var withTemplates = false

    func run() throws {
        do {
            let written = try SiteScaffold(directory: directory, withTemplates: withTemplates).write()
            let content = written.filter { $0.hasPrefix("content/") }.count
            let theme = withTemplates ? "\(written.count - content) theme files in templates/" : "the built-in theme (--with-templates writes it out)"
            print("Created a report in \(directory): \(content) content files and \(theme).")
            print("Next: \(directory == "." ? "" : "cd \(directory) && ")sitegen build --strict, then sitegen serve to preview it.")
        } catch let problem as SiteScaffold.Problem {
            FileHandle.standardError.write(Data("error: \(problem)\n".utf8))
            throw ExitCode(1)
        }
    }
}
