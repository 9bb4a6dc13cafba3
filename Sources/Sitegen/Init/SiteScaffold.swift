// `sitegen init`: a small working report to start from, as `hugo new site` and `zola init`
// give one. It shows every kind of content file (publication, two chapters citing notes
// across files, the notes, a person, an organisation, a transcript, a chart's data file, the
// site configuration), and it builds with `sitegen build --strict` without a warning. The
// theme stays built in unless asked for (`withTemplates`: every template and asset of the
// built-in theme written to `templates/`, to edit). It never writes into a folder that has files.

import Foundation

/// Writes a new report.
public struct SiteScaffold: Sendable {
    /// The folder to create the report in (created when missing).
    public var directory: String

    /// Whether to write the built-in theme to `templates/` as well.
    public var withTemplates: Bool

    /// Creates the scaffold writer for `directory`; `withTemplates` also writes the theme.
    public init(directory: String, withTemplates: Bool = false) {
        self.directory = directory
        self.withTemplates = withTemplates
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

    /// The built-in theme as files of `templates/`, binary assets (fonts) included.
    public static var templateFiles: [(path: String, data: Data)] {
        BuiltinTheme.files.map { ("templates/" + $0.path, Data($0.text.utf8)) }
            + BuiltinTheme.binaryFiles.map { ("templates/" + $0.path, Data(base64Encoded: $0.base64) ?? Data()) }
    }

    /// The files this scaffold writes, relative to `directory`: the content, and the theme
    /// when `withTemplates` is set.
    public var files: [(path: String, data: Data)] {
        Self.contentFiles.map { ($0.path, Data($0.text.utf8)) } + (withTemplates ? Self.templateFiles : [])
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
        for (path, data) in files {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard manager.createFile(atPath: url.path, contents: data) else {
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
