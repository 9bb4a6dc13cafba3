// Splits a file into YAML front matter and Markdown body, and decodes the front matter
// straight into a `Decodable` type with Yams. Every failure becomes a diagnostic that points
// at the line (and column) of the offending YAML, not at the start of the file.

import Foundation
import Yams

/// Front-matter splitting and decoding.
enum FrontMatter {
    /// Splits `text` into front matter and body. A file that opens with `---` must close its
    /// front matter with a line `---` (or `...`); otherwise a diagnostic is returned.
    static func split(text: String, path: String, relativePath: String) -> (SourceFile, Diagnostic?) {
        // Work on UTF-8 lines: the body can be large, and only the fence lines matter here.
        let utf8 = text.utf8
        func isFence(_ line: Substring.UTF8View, _ marks: [String]) -> Bool {
            let trimmed = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            return marks.contains(trimmed)
        }
        let firstEnd = utf8.firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        guard isFence(text[..<firstEnd].utf8, ["---"]) else {
            return (SourceFile(path: path, relativePath: relativePath, text: text, frontMatter: nil,
                               frontMatterLine: 1, body: text, bodyLineOffset: 0), nil)
        }
        var lineStart = firstEnd == utf8.endIndex ? firstEnd : utf8.index(after: firstEnd)
        var lineNumber = 2
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            if utf8.distance(from: lineStart, to: lineEnd) <= 8,
               isFence(text[lineStart..<lineEnd].utf8, ["---", "..."]) {
                let yamlStart = firstEnd == utf8.endIndex ? firstEnd : utf8.index(after: firstEnd)
                let yaml = String(text[yamlStart..<lineStart].dropLast(lineStart > yamlStart ? 1 : 0))
                let bodyStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
                return (SourceFile(path: path, relativePath: relativePath, text: text, frontMatter: yaml,
                                   frontMatterLine: 2, body: String(text[bodyStart...]), bodyLineOffset: lineNumber), nil)
            }
            lineStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
            lineNumber += 1
        }
        let diagnostic = Diagnostic(
            file: path, line: 1, column: 1, severity: .error, code: .frontMatterUnterminated,
            message: "front matter opened with '---' is never closed; add a line '---' after the last YAML line")
        return (SourceFile(path: path, relativePath: relativePath, text: text, frontMatter: nil,
                           frontMatterLine: 1, body: "", bodyLineOffset: 0), diagnostic)
    }

    /// The front matter of `file` as a YAML mapping node, or the diagnostic explaining why not.
    static func compose(_ file: SourceFile) -> Result<Node, Diagnostic> {
        let yaml = file.frontMatter ?? ""
        let node: Node
        do {
            node = try YAMLCompose.compose(yaml: yaml) ?? Node.mapping([:])
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, in: file))
        } catch {
            return .failure(Diagnostic(file: file.path, line: file.frontMatterLine, severity: .error,
                                       code: .frontMatterInvalid, message: "invalid YAML front matter: \(error)"))
        }
        guard case .mapping = node else {
            return .failure(Diagnostic(file: file.path, line: file.frontMatterLine, column: 1, severity: .error,
                                       code: .frontMatterInvalid,
                                       message: "front matter must be a YAML mapping of 'key: value' lines"))
        }
        return .success(node)
    }

    /// Decodes the front matter of `file` as `T`, or returns the diagnostics explaining why not.
    static func decode<T: Decodable>(_ type: T.Type, from file: SourceFile) -> Result<T, Diagnostic> {
        switch compose(file) {
        case .success(let composed): return decode(type, from: file, node: composed)
        case .failure(let diagnostic): return .failure(diagnostic)
        }
    }

    /// Decodes `node`, the front matter of `file` as `compose` made it (a mapping), as `T`
    /// (for a caller that composed the file already), or returns the diagnostic explaining why not.
    static func decode<T: Decodable>(_ type: T.Type, from file: SourceFile, node: Node) -> Result<T, Diagnostic> {
        // `title: ~` (or `null`, or nothing) is a missing value, not the text "~": a plain null
        // at the top level is left out, so a required field reports itself missing.
        var emptyKeys: [String: Mark] = [:]
        var decodable = node
        if case .mapping(let map) = node {
            var kept: [(Node, Node)] = []
            for (key, value) in map {
                if let scalar = value.scalar, scalar.style == .plain || scalar.style == .any, value.null != nil,
                   let name = key.string {
                    if let mark = key.mark { emptyKeys[name] = mark }
                    continue
                }
                kept.append((key, value))
            }
            if kept.count != map.count { decodable = .mapping(Node.Mapping(kept, map.tag, map.style, map.mark)) }
        }
        do {
            return .success(try YAMLDecoder().decode(T.self, from: decodable))
        } catch DecodingError.keyNotFound(let key, let context) where context.codingPath.isEmpty && emptyKeys[key.stringValue] != nil {
            let mark = emptyKeys[key.stringValue]!
            return .failure(Diagnostic(file: file.path, line: mark.line + file.frontMatterLine - 1, column: mark.column,
                                       severity: .error, code: .frontMatterMissingField,
                                       message: "the required field '\(key.stringValue)' is empty (~, null or nothing); give it a value"))
        } catch let error as DecodingError {
            return .failure(diagnostic(for: error, root: node, in: file))
        } catch {
            return .failure(Diagnostic(file: file.path, line: file.frontMatterLine, severity: .error,
                                       code: .frontMatterInvalid, message: "invalid front matter: \(error)"))
        }
    }

    /// The line and column of the value at `path` (keys) in the front matter of `file`, or
    /// the front matter's first line when it cannot be found.
    static func location(of path: [String], in file: SourceFile) -> (Int, Int?) {
        guard var node = (try? YAMLCompose.compose(yaml: file.frontMatter ?? "")) ?? nil else { return (file.frontMatterLine, nil) }
        for key in path {
            guard case .mapping(let map) = node, let child = map[Node(key)] else { break }
            node = child
        }
        guard let mark = node.mark else { return (file.frontMatterLine, nil) }
        return (mark.line + file.frontMatterLine - 1, mark.column)
    }

    /// The line and column of the first scalar equal to `value` at or under `path` in the
    /// front matter of `file` (a key of a mapping, or an index of a sequence written as
    /// digits: `["events", "3", "people"]`); nil when there is none.
    static func location(ofScalar value: String, under path: [String], in file: SourceFile) -> (Int, Int)? {
        guard var node = (try? YAMLCompose.compose(yaml: file.frontMatter ?? "")) ?? nil else { return nil }
        for key in path {
            switch node {
            case .mapping(let map):
                guard let child = map[Node(key)] else { return nil }
                node = child
            case .sequence(let items):
                guard let index = Int(key), items.indices.contains(index) else { return nil }
                node = items[index]
            default:
                return nil
            }
        }
        func find(_ node: Node) -> Mark? {
            switch node {
            case .scalar(let scalar): return scalar.string == value ? node.mark : nil
            case .sequence(let items): return items.lazy.compactMap(find).first
            case .mapping(let map): return map.lazy.compactMap { find($0.value) }.first
            default: return nil
            }
        }
        guard let mark = find(node) else { return nil }
        return (mark.line + file.frontMatterLine - 1, mark.column)
    }

    private static func diagnostic(for error: YamlError, in file: SourceFile) -> Diagnostic {
        let offset = file.frontMatterLine - 1
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var detail = context.map { "\(problem) (\($0.text))" } ?? problem
            if problem.contains("nest") || problem.contains("depth") {
                detail = "the YAML is nested too deeply here (lists and mappings inside each other); flatten it"
            }
            return Diagnostic(file: file.path, line: mark.line + offset, column: mark.column, severity: .error,
                              code: .frontMatterInvalid, message: "invalid YAML front matter: \(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(file: file.path, line: context.mark.line + offset, column: context.mark.column,
                              severity: .error, code: .frontMatterInvalid,
                              message: "front matter repeats the key '\(duplicates.joined(separator: "', '"))'")
        default:
            return Diagnostic(file: file.path, line: file.frontMatterLine, severity: .error,
                              code: .frontMatterInvalid, message: "invalid YAML front matter: \(error)")
        }
    }

    private static func diagnostic(for error: DecodingError, root: Node, in file: SourceFile) -> Diagnostic {
        let offset = file.frontMatterLine - 1
        func location(_ path: [CodingKey]) -> (Int?, Int?) {
            var node = root
            var best = root.mark
            for key in path {
                if let index = key.intValue, case .sequence(let seq) = node, index < seq.count {
                    node = seq[index]
                } else if case .mapping(let map) = node, let child = map[Node(key.stringValue)] {
                    node = child
                } else {
                    break
                }
                if let mark = node.mark { best = mark }
            }
            guard let best else { return (file.frontMatterLine, nil) }
            return (best.line + offset, best.column)
        }
        func dotted(_ path: [CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let (line, column) = location(context.codingPath)
            let field = dotted(context.codingPath + [key])
            return Diagnostic(file: file.path, line: line, column: column, severity: .error,
                              code: .frontMatterMissingField, message: "front matter is missing the required field '\(field)'")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let (line, column) = location(context.codingPath)
            return Diagnostic(file: file.path, line: line, column: column, severity: .error,
                              code: .frontMatterWrongType,
                              message: "front matter field '\(dotted(context.codingPath))' should be \(describe(type))")
        case .dataCorrupted(let context):
            let (line, column) = location(context.codingPath)
            return Diagnostic(file: file.path, line: line, column: column, severity: .error,
                              code: .frontMatterWrongType,
                              message: "front matter field '\(dotted(context.codingPath))': \(context.debugDescription)")
        @unknown default:
            return Diagnostic(file: file.path, line: file.frontMatterLine, severity: .error,
                              code: .frontMatterInvalid, message: "invalid front matter: \(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [Any].Type: return "a list"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a mapping" }
            if name.contains("Scalar") { return "a single value (text or a number), not a list or a mapping" }
            return "of type \(name)"
        }
    }
}
