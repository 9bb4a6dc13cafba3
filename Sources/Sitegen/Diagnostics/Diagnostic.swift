// Diagnostics are values: where, how bad, a stable code, and a message a person can act on.
// Every stage returns the diagnostics it found instead of throwing on the first problem;
// `SiteBuilder` decides at the end whether the build failed.

/// How serious a diagnostic is.
public enum Severity: String, Sendable, Comparable {
    case warning
    case error

    /// Errors sort after warnings.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .warning && rhs == .error }
}

/// A stable identifier for a kind of problem, e.g. `note-undefined`.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    /// Wraps a code string.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps a code literal.
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let noteUndefined: Self = "note-undefined"
    public static let noteNeverReferenced: Self = "note-never-referenced"
    public static let noteDuplicateDefinition: Self = "note-duplicate-definition"
    public static let noteOutOfSequence: Self = "note-out-of-sequence"
    public static let noteEmpty: Self = "note-empty"
    public static let noteDeclarationUnused: Self = "note-declaration-unused"
    public static let frontMatterInvalid: Self = "front-matter-invalid"
    public static let frontMatterUnterminated: Self = "front-matter-unterminated"
    public static let frontMatterMissingField: Self = "front-matter-missing-field"
    public static let frontMatterWrongType: Self = "front-matter-wrong-type"
    public static let fileUnreadable: Self = "file-unreadable"
    public static let fileNotUTF8: Self = "file-not-utf8"
    public static let fileEmpty: Self = "file-empty"
    public static let contentMissing: Self = "content-missing"
    public static let contentDuplicateSlug: Self = "content-duplicate-slug"
    public static let contentSlugInvalid: Self = "content-slug-invalid"
    public static let contentNoChapters: Self = "content-no-chapters"
    public static let symlinkLoop: Self = "symlink-loop"
    public static let symlinkOutside: Self = "symlink-outside"
    public static let rawHTML: Self = "raw-html"
    public static let markdownTooDeep: Self = "markdown-too-deep"
    public static let baseURLInvalid: Self = "base-url-invalid"
    public static let copiedFileScript: Self = "copied-file-script"
    public static let externalResource: Self = "external-resource"
    public static let unsafeLink: Self = "unsafe-link"
    public static let linkBroken: Self = "link-broken"
    public static let templateSyntax: Self = "template-syntax"
    public static let templateMissing: Self = "template-missing"
    public static let outputInsideContent: Self = "output-inside-content"
    public static let outputUnwritable: Self = "output-unwritable"
    public static let outputNotSitegen: Self = "output-not-sitegen"
    public static let outputNotAFolder: Self = "output-not-a-folder"
    public static let editorialNoteUnclosed: Self = "editorial-note-unclosed"
    public static let profileUnknownSlug: Self = "profile-unknown-slug"
    public static let profileDuplicateSlug: Self = "profile-duplicate-slug"
    public static let profileAliasAmbiguous: Self = "profile-alias-ambiguous"
    public static let profileUnmentioned: Self = "profile-unmentioned"
    public static let profileUnknownField: Self = "profile-unknown-field"
    public static let profileUnknownValue: Self = "profile-unknown-value"
    public static let typeUnknownKey: Self = "type-unknown-key"
    public static let typeInvalid: Self = "type-invalid"
    public static let dataInvalid: Self = "data-invalid"
    public static let checkBrokenLink: Self = "check-broken-link"
    public static let checkExternalResource: Self = "check-external-resource"
}

/// One problem found in the content, the templates or the output.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file, relative to the working directory as the user named it (e.g. `content/report/notes.md`).
    public var file: String
    /// 1-based line, or nil when the problem concerns the whole file.
    public var line: Int?
    /// 1-based column in characters, or nil.
    public var column: Int?
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    /// The endnote the diagnostic is about, if any (used to match declared problems).
    public var note: String?

    /// Creates a diagnostic.
    public init(file: String, line: Int? = nil, column: Int? = nil, severity: Severity,
                code: DiagnosticCode, message: String, note: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
        self.note = note
    }

    /// `path:line:col: severity[code]: message`, the format compilers use, so editors and CI
    /// can jump to the place.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue)[\(code)]: \(message)"
    }

    /// The same diagnostic with a different severity (`--strict` turns warnings into errors).
    public func with(severity: Severity) -> Diagnostic {
        var copy = self
        copy.severity = severity
        return copy
    }
}

extension Array where Element == Diagnostic {
    /// Diagnostics sorted for printing: by file, then line, then column, then code.
    public var sortedForOutput: [Diagnostic] {
        sorted {
            ($0.file, $0.line ?? 0, $0.column ?? 0, $0.code.rawValue, $0.message)
                < ($1.file, $1.line ?? 0, $1.column ?? 0, $1.code.rawValue, $1.message)
        }
    }

    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
