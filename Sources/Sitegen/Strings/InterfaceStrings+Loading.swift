// Reading a site's strings files (`content/i18n/<lang>.yml`) over the English master, and
// checking that templates name only keys that exist.

import Foundation

extension InterfaceStrings {
    /// The strings for `language` from the site's strings files (`i18n/<code>.yml`, keyed by
    /// their path relative to the content folder), with the diagnostics: unknown keys (with
    /// a suggestion), empty values, and one warning listing the keys the language lacks.
    static func load(language: String, files: [String: SourceFile], contentDirectory: String) -> (InterfaceStrings, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var byCode: [String: (SourceFile, [(String, String, Int)])] = [:]
        let known = Set(keys)
        for (relative, source) in files.sorted(by: { $0.key < $1.key }) {
            if case .failure(let problem) = FrontMatter.decode([String: String].self, from: source) {
                diagnostics.append(problem)
                continue
            }
            let entries = (try? entries(in: source.frontMatter ?? "")) ?? []
            var kept: [(String, String, Int)] = []
            for (key, value, line) in entries {
                if !known.contains(key) {
                    diagnostics.append(Diagnostic(file: source.path, line: line, column: 1, severity: .warning, code: .i18nUnknownKey,
                        message: "'\(key)' is not an interface string" + Suggestion.hint(for: key, in: keys)))
                } else if value.trimmingCharacters(in: .whitespaces).isEmpty {
                    diagnostics.append(Diagnostic(file: source.path, line: line, column: 1, severity: .warning, code: .i18nMissing,
                        message: "'\(key)' is empty; the English string is shown instead"))
                } else {
                    kept.append((key, value, line))
                }
            }
            let stem = String(relative.dropFirst("i18n/".count).split(separator: ".").first ?? "")
            byCode[stem.lowercased()] = (source, kept)
        }

        // Most specific first: fr-ca, fr, then the site's English, then the built-in English.
        let code = language.lowercased()
        var chain = [code]
        if let dash = code.firstIndex(of: "-") { chain.append(String(code[..<dash])) }
        let base = chain.last!
        if base != "en" { chain.append("en") }
        var values = english.values
        var translated: Set<String> = []
        for entry in chain.reversed() {
            guard let (_, entries) = byCode[entry] else { continue }
            for (key, value, _) in entries {
                values[key] = value
                if entry != "en" || base == "en" { translated.insert(key) }
            }
        }
        if base != "en" {
            let missing = keys.filter { !translated.contains($0) }
            if !missing.isEmpty {
                let file = chain.dropLast().compactMap { byCode[$0]?.0.path }.first
                    ?? (contentDirectory.hasSuffix("/") ? contentDirectory : contentDirectory + "/") + "i18n/\(language).yml"
                let listed = missing.prefix(12).joined(separator: ", ") + (missing.count > 12 ? ", …" : "")
                diagnostics.append(Diagnostic(file: file, severity: .warning, code: .i18nMissing,
                    message: "\(missing.count) interface string\(missing.count == 1 ? " has" : "s have") no '\(language)' text and \(missing.count == 1 ? "is" : "are") shown in English: \(listed)"))
            }
        }
        return (InterfaceStrings(language: language, values: values), diagnostics)
    }

    /// Warnings for `{{t.key}}` tags in templates whose key the English master lacks (they
    /// would render the key itself).
    static func unknownKeys(inTemplates sources: [String: String], directory: String) -> [Diagnostic] {
        let known = Set(keys)
        var diagnostics: [Diagnostic] = []
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            // Scanned as bytes: only `{{`, `}`, the line breaks and the tag's first bytes matter.
            let bytes = Array(text.utf8)
            var line = 1
            var index = 0
            while index + 1 < bytes.count {
                let byte = bytes[index]
                if byte == 10 { line += 1 }
                guard byte == 123, bytes[index + 1] == 123 else {                    // {{
                    index += 1
                    continue
                }
                index += 2
                var start = index
                while start < bytes.count, [35, 94, 47, 123, 38, 32].contains(bytes[start]) { start += 1 }   // #^/{& and space
                guard start + 1 < bytes.count, bytes[start] == 116, bytes[start + 1] == 46 else { continue }  // t.
                var end = start + 2
                while end < bytes.count, bytes[end] != 125, bytes[end] != 10 { end += 1 }                 // } or a line break
                let key = String(decoding: bytes[(start + 2)..<end], as: UTF8.self).prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !known.contains(String(key)) {
                    diagnostics.append(Diagnostic(file: directory + "/" + name + ".mustache", line: line, severity: .warning,
                        code: .i18nUnknownKey, message: "the template uses 't.\(key)', which is not an interface string"
                            + Suggestion.hint(for: String(key), in: keys)))
                }
            }
        }
        return diagnostics
    }
}
