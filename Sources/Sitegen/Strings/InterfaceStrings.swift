// Interface strings: every word the theme shows that belongs to no report ("Contents",
// "Back to the reference…", month names, ARIA labels). The English master is built in
// (`EnglishStrings.swift`); a site overrides keys per language in `content/i18n/<lang>.yml`.
// Lookup order for `lang: fr-CA`: i18n/fr-CA.yml, i18n/fr.yml, i18n/en.yml, built-in
// English. A key no file of the site's language gives is listed once per build (one
// warning, an error under --strict); a lookup never yields an empty string.

import Foundation
import Yams

extension DiagnosticCode {
    /// Interface strings of the site's language are missing (English is used instead).
    public static let i18nMissing: Self = "i18n-missing"
    /// A strings file or a template names a key the English master does not have.
    public static let i18nUnknownKey: Self = "i18n-unknown-key"
}

/// The interface strings of one build, in the site's language.
public struct InterfaceStrings: Sendable, Hashable {
    /// The language the strings are for (`en`, `fr`, `fr-CA`), as `<html lang>` gives it.
    public var language: String
    /// Every key with its value in `language`, English where the site gives none.
    public private(set) var values: [String: String]

    /// The built-in English strings.
    public static let english: InterfaceStrings = {
        var values: [String: String] = [:]
        for (key, value, _) in (try? entries(in: englishYAML)) ?? [] { values[key] = value }
        return InterfaceStrings(language: "en", values: values)
    }()

    /// The keys of the English master, in the order they are written.
    public static let keys: [String] = ((try? entries(in: englishYAML)) ?? []).map(\.0)

    /// The value of `key`; the key itself when no language has it (never an empty string).
    public subscript(key: String) -> String {
        if let value = values[key], !value.isEmpty { return value }
        return Self.english.values[key] ?? key
    }

    /// The value of `key` with every `{name}` replaced by `arguments[name]` (in one pass over
    /// the bytes: a value is never searched again, and `{other}` names not given stay as written).
    public func format(_ key: String, _ arguments: [String: String]) -> String {
        Self.fill(self[key], arguments)
    }

    /// `text` with every `{name}` whose name is a key of `arguments` replaced by its value.
    static func fill(_ text: String, _ arguments: [String: String]) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            guard let firstOpen = bytes.firstIndex(of: UInt8(ascii: "{")) else { return String(decoding: bytes, as: UTF8.self) }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 32)
            result.append(contentsOf: bytes[..<firstOpen])
            var i = firstOpen
            while i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "{"),
                   let close = bytes[(i + 1)...].firstIndex(where: { $0 == UInt8(ascii: "}") || $0 == UInt8(ascii: "{") }),
                   bytes[close] == UInt8(ascii: "}"),
                   let value = arguments[String(decoding: bytes[(i + 1)..<close], as: UTF8.self)] {
                    result.append(contentsOf: value.utf8)
                    i = close + 1
                    continue
                }
                result.append(byte)
                i += 1
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// `key_one`, `key_other`… chosen by the CLDR plural category of `count` in `language`.
    public func plural(_ key: String, count: Int) -> String {
        self[pluralKey(key, count: count)]
    }

    /// The key `plural(_:count:)` reads: `key_one`, `key_other`… (`key_other` when the
    /// language's category has no string), for `format(_:_:)`.
    public func pluralKey(_ key: String, count: Int) -> String {
        let category = Self.pluralCategory(count, language: language)
        if values["\(key)_\(category)"] != nil || Self.english.values["\(key)_\(category)"] != nil {
            return "\(key)_\(category)"
        }
        return "\(key)_other"
    }

    /// A calendar day as the language writes it (`1 February 2021`).
    public func date(year: Int, month: Int, day: Int) -> String {
        format("date_day_month_year", ["day": String(day), "month": monthName(month), "year": String(year)])
    }

    /// A month of a year (`February 2021`).
    public func monthYear(year: Int, month: Int) -> String {
        format("date_month_year", ["month": monthName(month), "year": String(year)])
    }

    /// The name of month 1…12.
    public func monthName(_ month: Int) -> String { self["month_\(month)"] }

    /// `a`, `a and b`, `a, b and c` with the language's "and".
    public func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let and = self["list_and"]
        if items.count == 2 { return items[0] + and + items[1] }
        return items.dropLast().joined(separator: ", ") + and + items.last!
    }

    /// The CLDR plural category of a whole number: `one` or `other` (the languages whose
    /// integers need more categories fall back to `other` for them).
    static func pluralCategory(_ count: Int, language: String) -> String {
        let base = language.split(separator: "-").first.map(String.init)?.lowercased() ?? language
        switch base {
        case "my", "ja", "zh", "ko", "th", "vi", "id", "ms", "lo", "km": return "other"
        case "fr", "pt", "hy", "kab": return count == 0 || count == 1 ? "one" : "other"
        default: return count == 1 ? "one" : "other"
        }
    }

    /// The (key, value, line) entries of a strings file; throws Yams' errors.
    static func entries(in yaml: String) throws -> [(String, String, Int)] {
        guard let node = try YAMLCompose.compose(yaml: yaml), case .mapping(let mapping) = node else { return [] }
        return mapping.compactMap { key, value in
            guard let name = key.string else { return nil }
            guard case .scalar(let scalar) = value else { return (name, "", key.mark?.line ?? 1) }
            return (name, scalar.string, key.mark?.line ?? 1)
        }
    }
}
