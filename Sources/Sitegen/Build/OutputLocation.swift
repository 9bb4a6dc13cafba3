// Guards against an output folder that would destroy sources: the build replaces the output
// folder wholesale, so it must not be, contain or sit inside the content or templates.

import Foundation

enum OutputLocation {
    /// A diagnostic when the output folder overlaps the content or templates folder, or the
    /// working directory.
    static func problem(_ options: BuildOptions) -> Diagnostic? {
        func real(_ path: String) -> String {
            let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
            return url.path.hasSuffix("/") ? url.path : url.path + "/"
        }
        let output = real(options.outputDirectory)
        let cwd = real(FileManager.default.currentDirectoryPath)
        for (name, path) in [("content", options.contentDirectory), ("templates", options.templatesDirectory)] {
            let source = real(path)
            if output.hasPrefix(source) || source.hasPrefix(output) {
                return Diagnostic(file: options.outputDirectory, severity: .error, code: .outputInsideContent,
                                  message: "the output folder overlaps the \(name) folder (\(path)); the build replaces the output folder, so choose a separate one such as 'public'")
            }
        }
        if cwd.hasPrefix(output) || output == "/" {
            return Diagnostic(file: options.outputDirectory, severity: .error, code: .outputInsideContent,
                              message: "the output folder contains the working directory; choose a separate folder such as 'public'")
        }
        return nil
    }
}
