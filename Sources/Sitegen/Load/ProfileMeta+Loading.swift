// Reads a profile's front matter against its type: every key must be a field of the type,
// every value must have the field's type and, for a closed list, be one of its values;
// required fields must be there, defaults fill the rest. All problems of a file are reported
// at once, each at its line and column with what was expected and a "did you mean".

import Yams

extension ProfileMeta {
    /// Reads the front matter of `source` as a profile of `type`. The profile is nil only when
    /// it has no usable name; other problems leave the field out and are reported.
    static func read(_ source: SourceFile, as type: ProfileType) -> (ProfileMeta?, [Diagnostic]) {
        var reader = YAMLReader(source: source)
        guard let root = reader.root() else { return (nil, reader.diagnostics) }
        var values: [String: FieldValue] = [:]
        let known = type.fields.filter { $0.inverse == nil }.map(\.name)
        let what = "a \(type.label.lowercased()) profile (type '\(type.name)')"
        for (key, keyNode, node) in reader.pairs(root, known: nil, what: what, code: .profileUnknownField) {
            guard let field = type.field(key), field.inverse == nil else {
                let why = type.field(key) != nil ? " is computed from the other side of the relation, not written here"
                    : " is not a field of \(what); its fields are: \(known.joined(separator: ", "))\(Suggestion.didYouMean(key, in: known))"
                reader.report(keyNode, .profileUnknownField, "'\(key)'\(why)")
                continue
            }
            if YAMLReader.isNull(node) { continue }
            if let value = read(node, as: field, &reader) { values[key] = value }
        }
        for field in type.fields where values[field.name] == nil {
            if let value = field.defaultValue {
                values[field.name] = value
            } else if field.required {
                reader.report(root, .frontMatterMissingField,
                              "front matter is missing the required field '\(field.name)' of \(what)")
            }
        }
        guard case .one(let name)? = values["name"], !name.isEmpty else { return (nil, reader.diagnostics) }
        let abbreviation: String?
        if case .one(let value)? = values["abbreviation"] { abbreviation = value } else { abbreviation = nil }
        let summary: String?
        if case .one(let value)? = values["summary"] { summary = value } else { summary = nil }
        let meta = ProfileMeta(name: name, aliases: values["aliases"]?.items ?? [], abbreviation: abbreviation,
                               summary: summary, values: values)
        return (meta, reader.diagnostics)
    }

    private static func read(_ node: Node, as field: ProfileField, _ reader: inout YAMLReader) -> FieldValue? {
        switch field.kind {
        case .yesNo:
            return reader.flag(node, field.name).map(FieldValue.flag)
        case .list:
            guard let items = reader.texts(node, field.name) else { return nil }
            return .many(items.filter { check($0, node, field, &reader) })
        case .reference where field.many:
            return reader.texts(node, field.name).map(FieldValue.many)
        case .text, .number, .date, .reference:
            guard let raw = reader.text(node, field.name) else { return nil }
            return check(raw, node, field, &reader) ? .one(raw) : nil
        }
    }

    /// Checks one value against the field's type and allowed values.
    private static func check(_ raw: String, _ node: Node, _ field: ProfileField, _ reader: inout YAMLReader) -> Bool {
        let at = node.sequence?.first { $0.string == raw } ?? node
        if let values = field.values, field.allowed(raw) == nil {
            let allowed = values.map(\.value)
            reader.report(at, .profileUnknownValue,
                          "'\(raw)' is not an allowed value of '\(field.name)'; allowed: \(allowed.joined(separator: ", "))\(Suggestion.didYouMean(raw, in: allowed))")
            return false
        }
        switch field.kind {
        case .number where Double(raw) == nil:
            reader.report(at, .frontMatterWrongType, "'\(field.name)' should be a number, not '\(raw)'")
            return false
        // A date as written must name a month; its year may come from the publication (any year checks the shape).
        case .date where Day(iso: raw) == nil && Day(text: raw, defaultYear: 2000) == nil:
            reader.report(at, .frontMatterWrongType,
                          "'\(field.name)' should be a date such as 2021-03-07, 7 March 2021 or March 2021, not '\(raw)'")
            return false
        default:
            return true
        }
    }
}
