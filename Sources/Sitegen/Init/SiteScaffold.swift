// `sitegen init`: a small working report to start from, as `hugo new site` and `zola init`
// give one. It shows every kind of content file (publication, two chapters citing notes
// across files, the notes, a person, an organisation, a transcript, a chart's data file, the
// site configuration) and writes the built-in theme to `templates/`, and it builds with
// `sitegen build --strict` without a warning. It never writes into a folder that has files.

import Foundation

/// Writes a new report.
public struct SiteScaffold: Sendable {
    /// The folder to create the report in (created when missing).
    public var directory: String

    /// Creates the scaffold writer for `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// Why `init` refuses to write.
    public enum Problem: Error, CustomStringConvertible, Equatable {
        case notEmpty(String)
        case notAFolder(String)
        case unwritable(String, String)

        public var description: String {
            switch self {
            case .notEmpty(let path):
                return "\(path) is not empty; sitegen init writes only into a new or empty folder, so that it never overwrites your files"
            case .notAFolder(let path): return "\(path) exists and is not a folder"
            case .unwritable(let path, let reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    /// The files of the new report, relative to `directory`: content and theme.
    public static var files: [(path: String, text: String)] {
        contentFiles + BuiltinTheme.files.map { ("templates/" + $0.path, $0.text) }
    }

    /// Writes the report; returns the paths written (relative). Throws `Problem` when the
    /// folder has files (hidden ones such as `.git` excepted) or cannot be written.
    @discardableResult
    public func write() throws -> [String] {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: directory, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw Problem.notAFolder(directory) }
            let entries = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
            if entries.contains(where: { !$0.hasPrefix(".") }) { throw Problem.notEmpty(directory) }
        }
        var written: [String] = []
        for (path, text) in Self.files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard manager.createFile(atPath: url.path, contents: Data(text.utf8)) else {
                    throw Problem.unwritable(url.path, "the file could not be created")
                }
            } catch let problem as Problem {
                throw problem
            } catch {
                throw Problem.unwritable(url.path, error.localizedDescription)
            }
            written.append(path)
        }
        return written
    }
}
