// Loads the Mustache templates of the theme and checks that every template the pipeline
// renders exists. A template with a syntax error is reported at its line and column.
// The built-in theme (`BuiltinTheme`, generated from the repository's templates/) comes
// first; a file of the site's templates folder with the same name replaces the built-in one,
// so a site overrides one template by writing only that file. A site without a templates
// folder uses the built-in theme as it is.
// Each template is parsed once (`TemplateParser`) and compiled once, with the partials and the
// parent it uses, into a program (`TemplateCompiler`) that renders into bytes
// (`TemplateRenderer`); see docs/architecture.md for why sitegen has its own Mustache engine.

import Foundation

/// The parsed templates of a theme folder.
public struct TemplateSet: Sendable {
    /// Templates the renderer needs, one per kind of page, plus the layout they extend.
    public static let required = ["layout", "home", "chapter", "notes", "editorial", "abbreviations",
                                  "documents", "document", "full", "page", "search", "404", "profile", "profiles", "sources", "figures", "timeline"]

    /// The compiled templates by name.
    var programs: [String: TemplateProgram] = [:]
    /// Files under `assets/` in the templates folder, copied to `public/assets/`.
    public var assets: [String]
    public var directory: String
    /// The text of each template by name: two sets with equal sources render alike.
    public var sources: [String: String] = [:]
    /// Assets of the built-in theme the templates folder does not replace, by path (`assets/site.css`).
    public var builtinAssets: [String: Data] = [:]

    /// Every asset path of the theme, the site's and the built-in ones.
    public var allAssets: [String] { (assets + builtinAssets.keys).sorted() }

    /// Loads the built-in theme with the files of `directory` over it (a missing folder means
    /// the built-in theme alone); returns diagnostics for syntax errors, missing templates and
    /// `{{t.key}}` tags naming no interface string.
    public static func load(from directory: String, fileSystem: any FileSystem) -> (TemplateSet?, [Diagnostic]) {
        var files: [String] = []
        if fileSystem.exists(directory) {
            do {
                files = try fileSystem.files(under: directory)
            } catch {
                return (nil, [Diagnostic(file: directory, severity: .error, code: .templateMissing,
                                         message: "cannot read the templates folder")])
            }
        }
        var parsed: [String: TemplateBody] = [:]
        var diagnostics: [Diagnostic] = []
        var names: Set<String> = []
        var sources: [String: String] = [:]
        let own = Set(files)
        var texts: [(path: String, name: String, text: String?)] = BuiltinTheme.files
            .filter { $0.path.hasSuffix(".mustache") && !own.contains($0.path) }
            .map { ("(built-in)/" + $0.path, String($0.path.dropLast(".mustache".count)), $0.text) }
        for relative in files where relative.hasSuffix(".mustache") {
            let path = directory + "/" + relative
            let data = try? fileSystem.contents(of: path)
            texts.append((path, String(relative.dropLast(".mustache".count)), data.flatMap { String(data: $0, encoding: .utf8) }))
        }
        for (path, name, text) in texts {
            guard let text else {
                diagnostics.append(Diagnostic(file: path, severity: .error, code: .fileUnreadable,
                                              message: "cannot read this template as UTF-8 text"))
                continue
            }
            do {
                parsed[name] = try TemplateParser.parse(text)
                names.insert(name)
                sources[name] = text
            } catch {
                diagnostics.append(Diagnostic(
                    file: path, line: error.line, column: error.column, severity: .error, code: .templateSyntax,
                    message: "template syntax error: \(describe(error.kind)) in '\(error.lineText.trimmingCharacters(in: .whitespaces))'"))
            }
        }
        for name in required where !names.contains(name) {
            if diagnostics.contains(where: { $0.file == directory + "/" + name + ".mustache" }) { continue }
            diagnostics.append(Diagnostic(file: directory + "/" + name + ".mustache", severity: .error,
                                          code: .templateMissing, message: "the template '\(name)' is missing"))
        }
        diagnostics += InterfaceStrings.unknownKeys(inTemplates: sources, directory: directory)
        let assets = files.filter { $0.hasPrefix("assets/") }
        let builtinAssets = BuiltinTheme.files.filter { $0.path.hasPrefix("assets/") && !own.contains($0.path) }
        var set = TemplateSet(assets: assets, directory: directory, sources: sources)
        set.programs = parsed.mapValues { TemplateCompiler.compile($0, templates: parsed) }
        set.builtinAssets = Dictionary(uniqueKeysWithValues: builtinAssets.map { ($0.path, Data($0.text.utf8)) })
        for file in BuiltinTheme.binaryFiles where !own.contains(file.path) {
            set.builtinAssets[file.path] = Data(base64Encoded: file.base64)
        }
        return (diagnostics.hasErrors ? nil : set, diagnostics)
    }

    init(assets: [String], directory: String, sources: [String: String]) {
        self.assets = assets
        self.directory = directory
        self.sources = sources
    }

    /// Renders `model` with the template `name` (known to exist after `load`), appending the
    /// page's bytes to `out`.
    func render(_ name: String, _ model: PageModel, into out: inout [UInt8]) {
        render(name, model.templateValue, into: &out)
    }

    /// Renders `value` with the template `name` (nothing if there is no such template).
    func render(_ name: String, _ value: TemplateValue, into out: inout [UInt8]) {
        guard let program = programs[name] else { return }
        TemplateRenderer.render(program, value, into: &out)
    }

    /// Renders `model` with the template `name` (known to exist after `load`).
    public func render(_ name: String, _ model: PageModel) -> String {
        var out: [UInt8] = []
        render(name, model, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func describe(_ error: TemplateSyntaxError.Kind) -> String {
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        default: return String(describing: error)
        }
    }
}
