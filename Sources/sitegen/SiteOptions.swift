import ArgumentParser
import Sitegen

/// Options shared by the commands that build.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "content"

    @Option(name: .customLong("templates"), help: "A templates folder whose files replace the built-in theme's (default: templates, when it exists).")
    var templatesOption: String?

    /// The templates folder; a missing default folder means the built-in theme alone.
    var templates: String { templatesOption ?? "templates" }

    func validate() throws {
        if let folder = templatesOption, !LocalFileSystem().isDirectory(folder) {
            throw ValidationError("no templates folder at \(folder)")
        }
    }

    @Option(name: .customLong("base-url"), help: "The URL or path the site is served under, e.g. https://example.org/report/ (default: base_url of site.yml, else /).")
    var baseURL: String?
}

/// Prints diagnostics to standard error, one per line.
func printDiagnostics(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        var line = diagnostic.description
        line += "\n"
        FileHandle.standardError.write(line.data(using: .utf8)!)
    }
}

import Foundation
