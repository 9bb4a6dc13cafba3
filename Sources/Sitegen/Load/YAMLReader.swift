// Reads a YAML file of the content (a type file, a profile's front matter) node by node, so
// that every problem points at its line and column: unknown keys with the expected ones and a
// "did you mean", values of the wrong type with the type expected.

import Yams

/// A reader over one file's YAML that collects diagnostics.
struct YAMLReader {
    var source: SourceFile
    var diagnostics: [Diagnostic] = []

    /// The file's YAML as a node, or nil (with a diagnostic) when it is not a mapping.
    mutating func root() -> Node? {
        switch FrontMatter.compose(source) {
        case .success(let node): return node
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }

    /// Line and column of `node` in the file.
    func position(_ node: Node?) -> (Int?, Int?) {
        guard let mark = node?.mark else { return (source.frontMatterLine, nil) }
        return (mark.line + source.frontMatterLine - 1, mark.column)
    }

    /// Adds a diagnostic at `node`.
    mutating func report(_ node: Node?, _ code: DiagnosticCode, _ message: String, severity: Severity = .error) {
        let (line, column) = position(node)
        diagnostics.append(Diagnostic(file: source.path, line: line, column: column, severity: severity,
                                      code: code, message: message))
    }

    /// The pairs of a mapping node; reports keys not in `known` (nil: any key) as `code`.
    mutating func pairs(_ node: Node, known: [String]?, what: String, code: DiagnosticCode) -> [(String, Node, Node)] {
        guard let mapping = node.mapping else {
            report(node, .frontMatterWrongType, "\(what) should be a mapping of 'key: value' lines")
            return []
        }
        var result: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if let known, !known.contains(name) {
                report(key, code, "unknown key '\(name)' in \(what); expected one of: \(known.joined(separator: ", "))\(Suggestion.didYouMean(name, in: known))")
                continue
            }
            result.append((name, key, value))
        }
        return result
    }

    /// True when `node` is YAML null (`key:` with nothing after it, `~`, `null`).
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A text value, or nil (reported) when `node` is not a single value.
    mutating func text(_ node: Node, _ key: String) -> String? {
        guard case .scalar(let scalar) = node else {
            report(node, .frontMatterWrongType, "'\(key)' should be text, not a list or a mapping")
            return nil
        }
        return scalar.string
    }

    /// A yes/no value, or nil (reported).
    mutating func flag(_ node: Node, _ key: String) -> Bool? {
        guard let value = node.bool, case .scalar(let scalar) = node, scalar.style == .plain else {
            report(node, .frontMatterWrongType, "'\(key)' should be true or false")
            return nil
        }
        return value
    }

    /// A list of text values (a single value is a list of one), or nil (reported).
    mutating func texts(_ node: Node, _ key: String) -> [String]? {
        if Self.isNull(node) { return [] }
        if case .scalar(let scalar) = node { return [scalar.string] }
        guard let sequence = node.sequence else {
            report(node, .frontMatterWrongType, "'\(key)' should be a list, not a mapping")
            return nil
        }
        var result: [String] = []
        for item in sequence {
            guard case .scalar(let scalar) = item else {
                report(item, .frontMatterWrongType, "each item of '\(key)' should be text")
                continue
            }
            result.append(scalar.string)
        }
        return result
    }
}
