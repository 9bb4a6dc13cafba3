// Stage 6: writes the site atomically. Everything goes to a fresh staging folder next to
// the output folder (`.public.sitegen-new-PID`); only when every file is written is the old
// output moved aside (`.public.sitegen-old-PID`) and the new one renamed into place. A failed
// build never leaves `public/` half-written, and a failed swap puts the old output back.
// The writer replaces only a folder sitegen wrote (see `OutputLocation`), writes its marker
// into every output, and removes the staging folders that interrupted builds left behind.
// A file whose bytes are the same as in the previous output is hard-linked from it instead
// of written again: a rebuild then creates (and later deletes) only the files that changed,
// which on ext4 is most of the cost of writing a site.

import Foundation

/// Writes a rendered site to the output folder.
public struct SiteWriter: Sendable {
    public var outputDirectory: String
    /// Replace a folder sitegen did not write (`--force`).
    public var force: Bool
    /// Renames a file or folder; injected so that tests can make the swap fail.
    var rename: @Sendable (URL, URL) throws -> Void = { try FileManager.default.moveItem(at: $0, to: $1) }
    /// The process id in staging names; injected so that tests can name leftovers.
    var processID: Int32 = ProcessInfo.processInfo.processIdentifier

    /// Creates a writer for `outputDirectory`.
    public init(outputDirectory: String, force: Bool = false) {
        self.outputDirectory = outputDirectory
        self.force = force
    }

    /// Writes `site`; returns warnings (a leftover that could not be removed). Throws a
    /// diagnostic when the output may not be replaced or cannot be written; the previous
    /// output is then untouched and no staging folder is left.
    @discardableResult
    public func write(_ site: RenderedSite) throws(Diagnostic) -> [Diagnostic] {
        try commit(site, staging: open())
    }

    /// Creates the staging folder (with the marker) that the site is written into; files can
    /// then be written into it while the site is still rendering (`SiteStaging.write`), and
    /// `commit` writes the rest and swaps it in, or `abandon` removes it.
    public func open() throws(Diagnostic) -> SiteStaging {
        if let problem = OutputLocation.replaceProblem(outputDirectory, force: force) { throw problem }
        let fm = FileManager.default
        let output = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(Self.stagingName(name, "new", processID))
        let warnings = removeLeftovers(in: parent, of: name)
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try Self.removeTree(staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try FileBytes.write(Data(OutputLocation.markerText.utf8), to: staging.appendingPathComponent(OutputLocation.marker).path)
        } catch {
            try? Self.removeTree(staging)
            throw (Diagnostic(file: outputDirectory, severity: .error, code: .outputUnwritable,
                              message: "cannot write the site: \(error.localizedDescription)"))
        }
        return SiteStaging(root: staging, previous: fm.fileExists(atPath: output.path) ? output : nil, warnings: warnings)
    }

    /// Removes a staging folder whose site will not be used (the build failed).
    public func abandon(_ staging: SiteStaging) {
        try? Self.removeTree(staging.root)
    }

    /// Writes the files of `site` not written yet into `staging`, then swaps it in for the
    /// output folder; returns warnings. Throws (and removes the staging folder) when a file
    /// could not be written or the folder may no longer be replaced.
    public func commit(_ site: RenderedSite, staging: SiteStaging) throws(Diagnostic) -> [Diagnostic] {
        let fm = FileManager.default
        let output = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let retired = parent.appendingPathComponent(Self.stagingName(output.lastPathComponent, "old", processID))
        var warnings = staging.warnings
        // The files on all cores.
        site.files.filter { !$0.isWritten }.parallelMap { staging.write($0) }
        if let first = staging.failures.first {
            try? Self.removeTree(staging.root)
            throw (Diagnostic(file: outputDirectory, severity: .error, code: .outputUnwritable,
                              message: "cannot write the site: \(first)"))
        }
        // The output may have changed while the site was rendered: check again, then swap.
        if let problem = OutputLocation.replaceProblem(outputDirectory, force: force) {
            try? Self.removeTree(staging.root)
            throw problem
        }
        var hadOutput = false
        do {
            var isLink = false
            if let type = try? fm.attributesOfItem(atPath: output.path)[.type] as? FileAttributeType {
                hadOutput = true
                isLink = type == .typeSymbolicLink
            }
            if hadOutput {
                try? Self.removeTree(retired)
                if isLink, !fm.fileExists(atPath: output.path) {
                    // A link that leads nowhere: nothing to keep.
                    try fm.removeItem(at: output)
                    hadOutput = false
                } else {
                    try rename(output, retired)
                }
            }
            try rename(staging.root, output)
        } catch {
            // Put the previous output back if it was moved away, and leave nothing behind.
            if hadOutput, !fm.fileExists(atPath: output.path), fm.fileExists(atPath: retired.path) {
                try? rename(retired, output)
            }
            try? Self.removeTree(staging.root)
            throw (Diagnostic(file: outputDirectory, severity: .error, code: .outputUnwritable,
                              message: "cannot replace the output folder: \(error.localizedDescription)"))
        }
        do {
            try Self.removeTree(retired)
        } catch {
            warnings.append(Diagnostic(file: retired.path, severity: .warning, code: .outputUnwritable,
                                       message: "cannot remove the previous output after the swap: \(error.localizedDescription)"))
        }
        return warnings
    }

    /// `.public.sitegen-new-1234`: the name of a staging (`new`) or retired (`old`) folder.
    static func stagingName(_ output: String, _ kind: String, _ pid: Int32) -> String {
        ".\(output).sitegen-\(kind)-\(pid)"
    }

    /// The process id in a staging folder's name of `output`, or nil when the name is not one
    /// sitegen gives (only those are ever removed).
    static func leftoverProcess(_ entry: String, output: String) -> Int32? {
        for kind in ["new", "old"] {
            let prefix = ".\(output).sitegen-\(kind)-"
            guard entry.hasPrefix(prefix) else { continue }
            let digits = entry.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int32(digits)
        }
        return nil
    }

    /// Removes the staging folders of earlier builds of this output whose process is gone
    /// (a build running now is left alone). Returns a warning for each that cannot be removed.
    func removeLeftovers(in parent: URL, of output: String) -> [Diagnostic] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return [] }
        var warnings: [Diagnostic] = []
        for entry in entries.sorted() {
            guard let pid = Self.leftoverProcess(entry, output: output) else { continue }
            if pid != processID, pid > 0, kill(pid, 0) == 0 || errno == EPERM { continue }   // still running
            let url = parent.appendingPathComponent(entry)
            do {
                try Self.removeTree(url)
            } catch {
                warnings.append(Diagnostic(file: url.path, severity: .warning, code: .outputUnwritable,
                                           message: "cannot remove this folder an interrupted build left behind: \(error.localizedDescription)"))
            }
        }
        return warnings
    }

    /// Removes a folder (or file), making read-only folders in it writable first when that
    /// is what stops the removal. Nothing to remove is not an error.
    static func removeTree(_ url: URL) throws {
        let fm = FileManager.default
        guard (try? fm.attributesOfItem(atPath: url.path)) != nil else { return }
        do {
            try fm.removeItem(at: url)
        } catch {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { throw error }
            chmod(url.path, 0o700)
            if let walker = fm.enumerator(atPath: url.path) {
                for case let relative as String in walker {
                    let path = url.path + "/" + relative
                    var info = stat()
                    if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { chmod(path, 0o700) }
                }
            }
            try fm.removeItem(at: url)
        }
    }
}
