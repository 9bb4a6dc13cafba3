// What the templates see, as swift-mustache reads it fastest: strings, numbers, booleans,
// arrays and `[String: Any]` dictionaries (which the library reads directly through
// `MustacheParent`). Each view model says how it converts (`ViewModels+Mustache.swift`), so
// a page costs no reflection at all: swift-mustache would otherwise build a `Mirror` for
// every lookup, and converting by `Mirror` once per object still cost 5% of a large build.
// A nil optional is left out, so a template sees it as missing; a test checks that every view
// model converts to exactly what reflection gives (`MustacheValuesTests`).

/// A view model that converts itself into the dictionary its template reads.
protocol MustacheConvertible {
    /// The fields by name; nil optionals left out.
    var mustacheValue: [String: Any] { get }
}

/// Collects the fields of one view model.
struct MustacheFields {
    private(set) var values: [String: Any]

    init(capacity: Int) {
        values = Dictionary(minimumCapacity: capacity)
    }

    mutating func add(_ key: String, _ value: String?) {
        if let value { values[key] = value }
    }

    mutating func add(_ key: String, _ value: Bool) {
        values[key] = value
    }

    mutating func add(_ key: String, _ value: Int) {
        values[key] = value
    }

    mutating func add(_ key: String, _ value: [String]?) {
        if let value { values[key] = value }
    }

    mutating func add(_ key: String, _ value: [String: String]) {
        values[key] = value
    }

    mutating func add(_ key: String, _ value: [String: ParamValue]?) {
        if let value { values[key] = value.mapValues(\.templateValue) }
    }

    mutating func add<T: MustacheConvertible>(_ key: String, _ value: T?) {
        if let value { values[key] = value.mustacheValue }
    }

    mutating func add<T: MustacheConvertible>(_ key: String, _ value: [T]?) {
        if let value { values[key] = value.map(\.mustacheValue) as [Any] }
    }
}
