// Writing the one-file edition: only over a file an earlier edition wrote (it carries
// `SingleFileEdition.generatorMark`) unless `--force`, through a temporary file renamed into
// place, and with a warning when it grows past the size a phone sends comfortably.

import Foundation

extension DiagnosticCode {
    /// The one-file edition's path holds a file sitegen did not write.
    public static let singleFileExists: Self = "single-file-exists"
    /// The one-file edition cannot be written.
    public static let singleFileUnwritable: Self = "single-file-unwritable"
    /// The site has no full report page to make the edition of.
    public static let singleFileMissing: Self = "single-file-missing"
    /// The edition is larger than `SingleFileEdition.sizeBudget`.
    public static let singleFileLarge: Self = "single-file-large"
}

extension SingleFileEdition {
    /// Past this size (before compression) the build warns: the edition is meant to be sent by phone.
    public static let sizeBudget = 1_000_000

    /// Makes the edition of `site` and writes it to `path`; returns the problems (nothing is
    /// written after an error).
    public func write(_ site: RenderedSite, to path: String, force: Bool) -> [Diagnostic] {
        guard let data = make(site) else {
            return [Diagnostic(file: path, severity: .error, code: .singleFileMissing,
                               message: "the site has no full report page (\(Self.fullPage)), which the one-file edition is made of")]
        }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            let head = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: 4096)) ?? nil
            let ours = !isDirectory.boolValue && head.map { String(decoding: $0, as: UTF8.self).contains(Self.generatorMark) } == true
            if !ours && !(force && !isDirectory.boolValue) {
                return [Diagnostic(file: path, severity: .error, code: .singleFileExists,
                                   message: isDirectory.boolValue ? "this is a folder; give the path of an HTML file for the one-file edition"
                                       : "this file was not written by sitegen's one-file edition; choose another path, or add --force to replace it")]
            }
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).sitegen-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))]) }
        } catch {
            try? fm.removeItem(at: temporary)
            return [Diagnostic(file: path, severity: .error, code: .singleFileUnwritable,
                               message: "cannot write the one-file edition: \(error.localizedDescription)")]
        }
        guard data.count <= Self.sizeBudget else {
            return [Diagnostic(file: path, severity: .warning, code: .singleFileLarge,
                               message: "the one-file edition is \(data.count) bytes, more than \(Self.sizeBudget) (about 1 MB), which is slow to send by phone; images and fonts are the usual cause")]
        }
        return []
    }
}
