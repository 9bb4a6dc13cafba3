// Reads a profile type from `content/types/<name>.yml` (or a built-in default written the
// same way) and checks the types against each other: references to known types, inverse
// fields that exist, a grouping field with allowed values. Every problem is a diagnostic at
// its line and column; a type with problems is still used as far as it goes.

import Yams

extension ProfileType {
    static let keys = ["folder", "label", "title", "description", "group_by", "detail", "search_label", "honorifics", "fields", "schema"]
    static let fieldKeys = ["type", "label", "required", "default", "values", "to", "many", "inverse", "symmetric", "comment"]
    static let valueKeys = ["value", "label", "group", "order", "outlet"]

    /// Reads the type `name` from `source` (a whole YAML file). When the file replaces a
    /// built-in type (`base`), the keys it leaves out among folder, label, title, description
    /// and honorifics keep the built-in values; its grouping, index details and fields are its own.
    static func read(_ name: String, from source: SourceFile, base: ProfileType? = nil, builtIn: Bool = false) -> (ProfileType?, [Diagnostic]) {
        var reader = YAMLReader(source: source)
        guard let root = reader.root() else { return (nil, reader.diagnostics) }
        var type = ProfileType(name: name, folder: base?.folder ?? name, label: base?.label ?? name.capitalizedFirst,
                               title: base?.title ?? name.capitalizedFirst, description: base?.description,
                               honorifics: base?.honorifics ?? [], fields: [], file: builtIn ? nil : source.path)
        type.schema = base?.schema ?? type.schema
        var titled = false
        var declared: [ProfileField] = []
        let what = "the profile type '\(name)'"
        for (key, keyNode, value) in reader.pairs(root, known: keys, what: what, code: .typeUnknownKey) {
            switch key {
            case "folder": type.folder = reader.text(value, key) ?? type.folder
            case "label":
                type.label = reader.text(value, key) ?? type.label
                if base == nil && !titled { type.title = type.label }
            case "title":
                type.title = reader.text(value, key) ?? type.title
                titled = true
            case "description": type.description = reader.text(value, key)
            case "group_by": type.groupBy = reader.text(value, key)
            case "detail": type.detail = reader.texts(value, key) ?? []
            case "search_label": type.searchLabel = reader.texts(value, key) ?? []
            case "honorifics": type.honorifics = reader.texts(value, key) ?? []
            case "schema": type.schema = reader.text(value, key) ?? type.schema
            case "fields":
                for (fieldName, fieldKey, spec) in reader.pairs(value, known: nil, what: "fields", code: .typeUnknownKey) {
                    if declared.contains(where: { $0.name == fieldName }) {
                        reader.report(fieldKey, .typeInvalid, "the field '\(fieldName)' is declared twice")
                        continue
                    }
                    if let field = readField(fieldName, spec, &reader) { declared.append(field) }
                }
            default: reader.report(keyNode, .typeUnknownKey, "unknown key '\(key)'")
            }
        }
        // The built-in fields come first unless the file places them.
        type.fields = builtInFields.filter { builtIn in !declared.contains { $0.name == builtIn.name } } + declared.map { field in
            guard let builtIn = builtInFields.first(where: { $0.name == field.name }) else { return field }
            var merged = builtIn
            merged.label = field.label
            return merged
        }
        for builtIn in builtInFields {
            guard let field = declared.first(where: { $0.name == builtIn.name }), field.kind != builtIn.kind else { continue }
            reader.report(nil, .typeInvalid, "the field '\(builtIn.name)' is built in as \(builtIn.kind.rawValue); its type cannot change")
        }
        return (type, reader.diagnostics)
    }

    private static func readField(_ name: String, _ spec: Node, _ reader: inout YAMLReader) -> ProfileField? {
        var field = ProfileField(name: name, kind: .text)
        var defaultNode: Node?
        for (key, _, value) in reader.pairs(spec, known: fieldKeys, what: "the field '\(name)'", code: .typeUnknownKey) {
            switch key {
            case "type":
                guard let raw = reader.text(value, key) else { continue }
                let kinds = ProfileField.Kind.allCases.map(\.rawValue)
                guard let kind = ProfileField.Kind(rawValue: raw) else {
                    reader.report(value, .typeInvalid, "'\(raw)' is not a field type; expected one of: \(kinds.joined(separator: ", "))\(Suggestion.didYouMean(raw, in: kinds))")
                    continue
                }
                field.kind = kind
            case "label": field.label = reader.text(value, key)
            case "required": field.required = reader.flag(value, key) ?? false
            case "default": defaultNode = value
            case "to": field.target = reader.text(value, key)
            case "many": field.many = reader.flag(value, key) ?? false
            case "inverse": field.inverse = reader.text(value, key)
            case "symmetric": field.symmetric = reader.flag(value, key) ?? false
            case "comment": field.comment = reader.text(value, key)
            case "values": field.values = readValues(value, &reader)
            default: break
            }
        }
        if let defaultNode {
            switch field.kind {
            case .yesNo: field.defaultValue = reader.flag(defaultNode, "default").map(FieldValue.flag)
            case .list: field.defaultValue = reader.texts(defaultNode, "default").map(FieldValue.many)
            case .reference: field.defaultValue = field.many ? reader.texts(defaultNode, "default").map(FieldValue.many)
                                                             : reader.text(defaultNode, "default").map(FieldValue.one)
            default: field.defaultValue = reader.text(defaultNode, "default").map(FieldValue.one)
            }
            for raw in field.defaultValue?.items ?? [] where field.values != nil && field.allowed(raw) == nil {
                reader.report(defaultNode, .typeInvalid, "the default '\(raw)' of '\(name)' is not one of its values")
            }
        }
        if field.kind == .reference, field.target == nil {
            reader.report(spec, .typeInvalid, "the reference field '\(name)' needs 'to:', the type it points to")
        }
        if field.kind != .reference, field.target != nil || field.inverse != nil || field.symmetric {
            reader.report(spec, .typeInvalid, "'to', 'inverse' and 'symmetric' belong to fields of type reference; '\(name)' is \(field.kind.rawValue)")
        }
        if field.values != nil, ![.text, .list].contains(field.kind) {
            reader.report(spec, .typeInvalid, "allowed values belong to fields of type text or list; '\(name)' is \(field.kind.rawValue)")
        }
        return field
    }

    private static func readValues(_ node: Node, _ reader: inout YAMLReader) -> [AllowedValue]? {
        guard let sequence = node.sequence else {
            reader.report(node, .frontMatterWrongType, "'values' should be a list of values (text, or 'value:' with 'label:', 'group:', 'order:')")
            return nil
        }
        var values: [AllowedValue] = []
        for (position, item) in sequence.enumerated() {
            if case .scalar(let scalar) = item {
                values.append(AllowedValue(value: scalar.string, label: scalar.string, group: scalar.string, order: position, outlet: false))
                continue
            }
            var value: String?, label: String?, group: String?, order = position, outlet = false
            for (key, _, v) in reader.pairs(item, known: valueKeys, what: "an allowed value", code: .typeUnknownKey) {
                switch key {
                case "value": value = reader.text(v, key)
                case "label": label = reader.text(v, key)
                case "group": group = reader.text(v, key)
                case "order":
                    if let n = v.int { order = n } else { reader.report(v, .frontMatterWrongType, "'order' should be a whole number") }
                case "outlet": outlet = reader.flag(v, key) ?? false
                default: break
                }
            }
            guard let value else {
                reader.report(item, .typeInvalid, "an allowed value needs 'value:', the value as written in front matter")
                continue
            }
            if values.contains(where: { $0.value == value }) {
                reader.report(item, .typeInvalid, "the value '\(value)' is listed twice")
                continue
            }
            values.append(AllowedValue(value: value, label: label ?? value, group: group ?? label ?? value, order: order, outlet: outlet))
        }
        return values.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element)
    }
}

extension Array where Element == ProfileType {
    /// Checks what one type says about the others and about its own fields; returns diagnostics.
    func crossCheck() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let names = map(\.name)
        for (position, type) in enumerated() {
            func problem(_ message: String) {
                diagnostics.append(Diagnostic(file: type.file ?? "(built-in type \(type.name))", severity: .error,
                                              code: .typeInvalid, message: message))
            }
            let fieldNames = type.fields.map(\.name)
            func check(_ name: String, _ role: String) {
                if type.field(name) == nil {
                    problem("\(role) names the field '\(name)', which the type '\(type.name)' does not have\(Suggestion.didYouMean(name, in: fieldNames))")
                }
            }
            if let groupBy = type.groupBy {
                check(groupBy, "group_by")
                if let field = type.field(groupBy), field.values == nil || field.kind != .text || !(field.required || field.defaultValue != nil) {
                    problem("group_by names '\(groupBy)', which needs allowed values and 'required: true' or a default")
                }
            }
            type.detail.forEach { check($0, "detail") }
            type.searchLabel.forEach { check($0, "search_label") }
            for field in type.fields {
                if let comment = field.comment { check(comment, "the comment of '\(field.name)'") }
                guard let target = field.target else { continue }
                guard let other = first(where: { $0.name == target }) else {
                    problem("the field '\(field.name)' points to the type '\(target)', which does not exist; the types are: \(names.joined(separator: ", "))\(Suggestion.didYouMean(target, in: names))")
                    continue
                }
                if let inverse = field.inverse {
                    if other.field(inverse)?.target != type.name {
                        problem("the field '\(field.name)' is the inverse of '\(target).\(inverse)', which is not a reference to '\(type.name)'")
                    }
                }
                if field.symmetric, target != type.name {
                    problem("the field '\(field.name)' is symmetric, so it must point to its own type '\(type.name)', not '\(target)'")
                }
            }
            if let other = self[..<position].first(where: { $0.folder == type.folder }) {
                problem("the types '\(type.name)' and '\(other.name)' both use the folder '\(type.folder)'")
            }
        }
        return diagnostics
    }
}
