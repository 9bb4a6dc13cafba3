import ArgumentParser
import Sitegen

/// Options shared by the commands that build.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "The templates folder.")
    var templates = "templates"

    @Option(name: .customLong("base-url"), help: "The URL or path the site is served under, e.g. https://example.org/report/ (default: base_url of index.md, else /).")
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
