// Stage 6: writes the site atomically. Everything goes to a fresh temporary folder next to
// the output folder; only when every file is written is the old output swapped out and the
// new one renamed into place. A failed build never leaves `public/` half-written.
// A file whose bytes are the same as in the previous output is hard-linked from it instead
// of written again: a rebuild then creates (and later deletes) only the files that changed,
// which on ext4 is most of the cost of writing a site.

import Foundation

/// Writes a rendered site to the output folder.
public struct SiteWriter: Sendable {
    public var outputDirectory: String

    /// Creates a writer for `outputDirectory`.
    public init(outputDirectory: String) {
        self.outputDirectory = outputDirectory
    }

    /// Writes `site`; throws a diagnostic when the output cannot be written (the previous
    /// output is then untouched).
    public func write(_ site: RenderedSite) throws(Diagnostic) {
        let fm = FileManager.default
        let output = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).sitegen-new-\(ProcessInfo.processInfo.processIdentifier)")
        let retired = parent.appendingPathComponent(".\(name).sitegen-old-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            // Folders first, then the files on all cores.
            let folders = Set(site.files.map { (($0.path as NSString).deletingLastPathComponent) })
            for folder in folders.sorted() where !folder.isEmpty {
                try fm.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let root = staging
            let previous = fm.fileExists(atPath: output.path) ? output : nil
            let failures = site.files.parallelMap { file -> String? in
                let target = root.appendingPathComponent(file.path)
                if let previous {
                    let old = previous.appendingPathComponent(file.path)
                    if let existing = try? Data(contentsOf: old), existing == file.data,
                       (try? FileManager.default.linkItem(at: old, to: target)) != nil {
                        return nil
                    }
                }
                do {
                    try file.data.write(to: target)
                    return nil
                } catch {
                    return "\(file.path): \(error.localizedDescription)"
                }
            }.compactMap { $0 }
            if let first = failures.first {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: first])
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw (Diagnostic(file: outputDirectory, severity: .error, code: .outputUnwritable,
                                             message: "cannot write the site: \(error.localizedDescription)"))
        }
        do {
            if fm.fileExists(atPath: output.path) {
                try? fm.removeItem(at: retired)
                try fm.moveItem(at: output, to: retired)
            }
            try fm.moveItem(at: staging, to: output)
            try? fm.removeItem(at: retired)
        } catch {
            // Put the previous output back if it was moved away.
            if !fm.fileExists(atPath: output.path), fm.fileExists(atPath: retired.path) {
                try? fm.moveItem(at: retired, to: output)
            }
            try? fm.removeItem(at: staging)
            throw (Diagnostic(file: outputDirectory, severity: .error, code: .outputUnwritable,
                                             message: "cannot replace the output folder: \(error.localizedDescription)"))
        }
    }
}
