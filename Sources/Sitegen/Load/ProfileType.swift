// A profile type: what a collection of profiles (people, organisations, places…) is made
// of, declared in `content/types/<name>.yml` or built in. It names the collection's folder,
// its labels, its fields (type, label, required, default, allowed values, relations), the
// field that groups its index page and the honorifics recognised before its names. The
// profile pages, the index, the mention matcher and the checks of the front matter all read
// it; nothing about one report's profiles is written in Swift.

/// One value of a closed list of allowed values.
public struct AllowedValue: Hashable, Sendable {
    /// The value as written in front matter.
    public var value: String
    /// The label readers see (defaults to the value as written).
    public var label: String
    /// The heading of the value's group on the index page (defaults to the label).
    public var group: String
    /// The position of the value in the order of the groups (defaults to its place in the list).
    public var order: Int
    /// Profiles with this value are outlets whose names the citation reader recognises.
    public var outlet: Bool
}

/// One field of a profile type.
public struct ProfileField: Hashable, Sendable {
    /// What a field holds.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case text, number, date, list
        case yesNo = "yes/no"
        case reference
    }

    /// The front-matter key, exact and case-sensitive.
    public var name: String
    public var kind: Kind
    /// The label of the fact on the profile page; a field without a label is not shown as a fact.
    public var label: String?
    public var required: Bool = false
    /// The value used when the front matter leaves the field out (as written).
    public var defaultValue: FieldValue?
    /// The allowed values, for a closed list (text or list fields).
    public var values: [AllowedValue]?
    /// For a reference: the profile type it points to.
    public var target: String?
    /// For a reference: several profiles (a list) rather than one.
    public var many: Bool = false
    /// For a reference computed from the other side: the field of `target` that names this profile.
    public var inverse: String?
    /// For a reference between profiles of one type: shown on both profiles.
    public var symmetric: Bool = false
    /// Another field whose text follows this field's value in brackets.
    public var comment: String?

    /// The allowed value `raw`, if the field has a closed list and it is on it.
    public func allowed(_ raw: String) -> AllowedValue? { values?.first { $0.value == raw } }

    /// How a single value is shown to readers: its label for a closed list, else as written.
    public func display(_ raw: String) -> String { allowed(raw)?.label ?? raw }
}

/// A front-matter value of a declared field, kept as written.
public enum FieldValue: Hashable, Sendable {
    case one(String)
    case many([String])
    case flag(Bool)

    /// The values as a list (empty for a yes/no value).
    public var items: [String] {
        switch self {
        case .one(let value): return value.isEmpty ? [] : [value]
        case .many(let values): return values
        case .flag: return []
        }
    }
}

/// A profile type.
public struct ProfileType: Hashable, Sendable {
    /// The type's name (`person`, from `types/person.yml`); references name types by it.
    public var name: String
    /// The content folder of its profiles, also the URL segment (`people`).
    public var folder: String
    /// What one profile is called (`Person`).
    public var label: String
    /// The title of the index page and the navigation entry (`People`).
    public var title: String
    /// The index page's introduction.
    public var description: String?
    /// The field (with allowed values) whose values group the index; nil groups by initial.
    public var groupBy: String?
    /// Fields whose values follow each name on the index, joined with " · ".
    public var detail: [String] = []
    /// Fields, in order, the first of which that has a value describes a profile in search results.
    public var searchLabel: [String] = []
    /// Titles and ranks that belong to a mention when they stand right before a name.
    public var honorifics: [String] = []
    /// The fields in order, the built-in `name`, `aliases`, `abbreviation` and `summary` included.
    public var fields: [ProfileField]
    /// Where the type was declared (display path), nil for a built-in type.
    public var file: String?
    /// The schema.org type of its profiles in the pages' JSON-LD (`Person`, `Organization`,
    /// `Place`…); `Thing` unless the type file (or the built-in type it replaces) names one.
    public var schema: String = "Thing"

    /// The field called `name`.
    public func field(_ name: String) -> ProfileField? { fields.first { $0.name == name } }

    /// The fields every type has, whatever its file says: the name, other names and the summary.
    static let builtInFields: [ProfileField] = [
        ProfileField(name: "name", kind: .text, required: true),
        ProfileField(name: "aliases", kind: .list),
        ProfileField(name: "abbreviation", kind: .text),
        ProfileField(name: "summary", kind: .text),
    ]
}

/// A profile's front matter, checked against its type.
public struct ProfileMeta: Hashable, Sendable {
    public var name: String
    public var aliases: [String]
    public var abbreviation: String?
    public var summary: String?
    /// Every declared field with a value (given or default), by field name.
    public var values: [String: FieldValue]

    /// The value of `field` as one text, or nil when it has none.
    public func text(_ field: String) -> String? {
        if case .one(let value)? = values[field], !value.isEmpty { return value }
        return nil
    }

    /// The values of `field` as a list (one value is a list of one).
    public func list(_ field: String) -> [String] { values[field]?.items ?? [] }

    /// The abbreviation, or the name when there is none: how lists of names show a profile.
    public var shortName: String { (abbreviation ?? "").isEmpty ? name : abbreviation! }
}

/// A collection of profiles of one type.
public struct ProfileCollection<Item: Sendable>: Sendable {
    public var type: ProfileType
    public var items: [Item]

    /// Creates a collection.
    public init(type: ProfileType, items: [Item]) {
        self.type = type
        self.items = items
    }
}
