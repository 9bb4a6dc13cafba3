// Guards the output folder. The build replaces the output folder wholesale, so it must not
// be, contain or sit inside the content or templates; and it replaces only a folder it made
// itself: one that is absent, empty, or carries sitegen's marker file (`.sitegen-output`,
// written into every output). Anything else — a home folder, a repository, a file — is an
// error naming the folder, unless the user says `--force`.

import Foundation

enum OutputLocation {
    /// The file every output folder sitegen writes carries, so the next build knows it may
    /// replace the folder. A dot-file: static hosts do not list it, and the sitemap, the
    /// search index and the link check only look at pages.
    static let marker = ".sitegen-output"

    /// The marker's text, for a person who finds the file.
    static let markerText = """
        This folder was written by sitegen (`sitegen build`), which replaces it on every build.
        Do not keep files of your own here: put them in the content folder, which is copied.
        Delete this file to stop sitegen from replacing the folder without --force.

        """

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

    /// A diagnostic when the build may not replace `path`: it is a file, a read-only folder,
    /// or a folder with something in it and no marker (unless `force`). Nil when it is absent,
    /// empty, or sitegen's own.
    static func replaceProblem(_ path: String, force: Bool) -> Diagnostic? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            // Absent (or a link that leads nowhere, which the build replaces like a missing folder).
            return nil
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            return Diagnostic(file: path, severity: .error, code: .outputNotAFolder,
                              message: "the output is an existing file, not a folder; the build writes a folder and never replaces a file: choose another --output")
        }
        if info.st_mode & S_IWUSR == 0 {
            return Diagnostic(file: path, severity: .error, code: .outputUnwritable,
                              message: "the output folder is read-only; make it writable (chmod u+w) or choose another --output")
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            return Diagnostic(file: path, severity: .error, code: .outputUnwritable,
                              message: "cannot list the output folder: \((error as NSError).localizedDescription)")
        }
        if entries.isEmpty || entries.contains(marker) || force { return nil }
        let shown = entries.sorted().prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
        return Diagnostic(file: path, severity: .error, code: .outputNotSitegen,
                          message: "the output folder holds files sitegen did not write (\(shown)) and has no \(marker) marker; the build replaces the whole folder, so it stops here. Choose an empty or new folder, or pass --force to replace it. Files a host needs (CNAME, .nojekyll, .well-known/) belong in the content folder, which is copied")
    }
}
