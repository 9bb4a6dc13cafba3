// The `sitegen` command: argument parsing only; the work is in the Sitegen library.

import ArgumentParser
import Foundation

/// The command-line entry point.
struct SitegenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Builds the web edition of an annotated report from Markdown.",
        version: BuildInfo.versionLine,
        subcommands: [Build.self, Check.self, Serve.self, Init.self],
        defaultSubcommand: Build.self)

    /// Runs the command; usage errors exit with status 2, content errors with 1.
    static func runMain() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

SitegenCommand.runMain()
