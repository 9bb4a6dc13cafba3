// Loads the Mustache templates of the theme and checks that every template the pipeline
// renders exists. A template with a syntax error is reported at its line and column.

import Foundation
import Mustache

/// The parsed templates of a theme folder.
public struct TemplateSet: Sendable {
    /// Templates the renderer needs, one per kind of page, plus the layout they extend.
    public static let required = ["layout", "home", "chapter", "notes", "editorial", "abbreviations",
                                  "documents", "document", "full", "page", "search", "404", "profile", "profiles", "sources", "figures", "timeline"]

    public var library: MustacheLibrary
    /// Files under `assets/` in the templates folder, copied to `public/assets/`.
    public var assets: [String]
    public var directory: String
    /// The text of each template by name: two sets with equal sources render alike.
    public var sources: [String: String] = [:]

    /// Loads `directory`; returns diagnostics for syntax errors and missing templates.
    public static func load(from directory: String, fileSystem: any FileSystem) -> (TemplateSet?, [Diagnostic]) {
        let files: [String]
        do {
            files = try fileSystem.files(under: directory)
        } catch {
            return (nil, [Diagnostic(file: directory, severity: .error, code: .templateMissing,
                                     message: "cannot read the templates folder")])
        }
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var names: Set<String> = []
        var sources: [String: String] = [:]
        for relative in files where relative.hasSuffix(".mustache") {
            let path = directory + "/" + relative
            let name = String(relative.dropLast(".mustache".count))
            guard let data = try? fileSystem.contents(of: path), let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(file: path, severity: .error, code: .fileUnreadable,
                                              message: "cannot read this template as UTF-8 text"))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                names.insert(name)
                sources[name] = text
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(
                    file: path, line: error.context.lineNumber, column: error.context.columnNumber,
                    severity: .error, code: .templateSyntax,
                    message: "template syntax error: \(describe(error.error)) in '\(error.context.line.trimmingCharacters(in: .whitespaces))'"))
            } catch {
                diagnostics.append(Diagnostic(file: path, severity: .error, code: .templateSyntax,
                                              message: "template syntax error: \(error)"))
            }
        }
        for name in required where !names.contains(name) {
            if diagnostics.contains(where: { $0.file == directory + "/" + name + ".mustache" }) { continue }
            diagnostics.append(Diagnostic(file: directory + "/" + name + ".mustache", severity: .error,
                                          code: .templateMissing, message: "the template '\(name)' is missing"))
        }
        let assets = files.filter { $0.hasPrefix("assets/") }
        return (diagnostics.hasErrors ? nil : TemplateSet(library: library, assets: assets, directory: directory, sources: sources), diagnostics)
    }

    /// Renders `model` with the template `name` (known to exist after `load`).
    public func render(_ name: String, _ model: Any) -> String {
        library.render(MustacheValues.convert(model) ?? [String: Any](), withTemplate: name) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not closed with '}}'"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is opened but never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: return "invalid set-delimiter tag"
        default: return String(describing: error)
        }
    }
}
