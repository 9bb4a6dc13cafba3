// What a template reads: a small tree of values the view models convert into once per page
// (`MustacheConvertible`), with object keys as numbers (`TemplateKey`) that the compiled
// templates resolve their names to when the theme is loaded, so that a lookup compares small
// integers instead of hashing strings, and nothing is cast at run time.

import Foundation

/// A name a template looks up, interned as a number (the same name gives the same number
/// in the whole process).
struct TemplateKey: Hashable, Sendable {
    let id: Int32

    /// The key for `name`.
    init(_ name: String) {
        id = TemplateKeyTable.shared.id(for: name)
    }

    /// The name this key stands for.
    var name: String { TemplateKeyTable.shared.name(for: id) }
}

/// The process's key numbers. Names are added when templates are compiled and when view
/// models convert their fields (each key of a view model is a `static let`, so once).
final class TemplateKeyTable: @unchecked Sendable {   // every access holds `lock`
    static let shared = TemplateKeyTable()
    private let lock = NSLock()
    private var ids: [String: Int32] = [:]
    private var names: [String] = []

    func id(for name: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[name] { return id }
        let id = Int32(names.count)
        names.append(name)
        ids[name] = id
        return id
    }

    /// The keys of `names`, in their order (one lock for all of them).
    func ids(for names: [String]) -> [Int32] {
        lock.lock()
        defer { lock.unlock() }
        return names.map { name in
            if let id = ids[name] { return id }
            let id = Int32(self.names.count)
            self.names.append(name)
            ids[name] = id
            return id
        }
    }

    func name(for id: Int32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return names[Int(id)]
    }
}

/// A value a template reads.
enum TemplateValue: Sendable {
    case text(String)
    case bool(Bool)
    case int(Int)
    /// A list; `strings` when it was made from a list of strings (which swift-mustache can sort).
    case list([TemplateValue], strings: Bool)
    case object(TemplateObject)

    /// A list of strings.
    static func strings(_ values: [String]) -> TemplateValue {
        .list(values.map { .text($0) }, strings: true)
    }

    /// The value as swift-mustache's reference values are made: `String`, `Bool`, `Int`,
    /// `[String]`, `[Any]` and `[String: Any]` (for tests, and for printing a list or an object
    /// with `{{…}}`, which prints Swift's description as swift-mustache does).
    var anyValue: Any {
        switch self {
        case .text(let text): return text
        case .bool(let bool): return bool
        case .int(let int): return int
        case .list(let items, let strings):
            if strings {
                return items.map { item -> String in
                    if case .text(let text) = item { return text }
                    return String(describing: item.anyValue)
                }
            }
            return items.map(\.anyValue) as [Any]
        case .object(let object):
            var dictionary: [String: Any] = Dictionary(minimumCapacity: object.keys.count)
            for (key, value) in zip(object.keys, object.values) { dictionary[TemplateKey(id: key).name] = value.anyValue }
            return dictionary
        }
    }
}

extension TemplateKey {
    fileprivate init(id: Int32) { self.id = id }
}

/// The fields of an object, in the order they were added; a missing (nil) field is left out.
struct TemplateObject: Sendable {
    private(set) var keys: [Int32] = []
    private(set) var values: [TemplateValue] = []

    init(capacity: Int = 0) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Adds a field (replacing one of the same key).
    mutating func set(_ key: TemplateKey, _ value: TemplateValue) {
        if let index = keys.firstIndex(of: key.id) {
            values[index] = value
        } else {
            keys.append(key.id)
            values.append(value)
        }
    }

    /// Adds a field known not to be there yet.
    mutating func append(_ key: TemplateKey, _ value: TemplateValue) {
        keys.append(key.id)
        values.append(value)
    }

    /// The field `key`, or nil.
    @inline(__always)
    func value(_ key: Int32) -> TemplateValue? {
        keys.withUnsafeBufferPointer { keys in
            for index in keys.indices where keys[index] == key { return values[index] }
            return nil
        }
    }

    /// The field names (for tests and transforms).
    var names: [String] { keys.map { TemplateKey(id: $0).name } }

    var count: Int { keys.count }
}

extension ParamValue {
    /// A `params` value of site.yml as templates read it.
    var template: TemplateValue {
        switch self {
        case .text(let text): return .text(text)
        case .list(let list): return .list(list.map(\.template), strings: false)
        case .mapping(let mapping): return .object(TemplateObject(mapping.mapValues(\.template)))
        }
    }
}

extension TemplateObject {
    /// An object with the entries of a dictionary.
    init(_ dictionary: [String: TemplateValue]) {
        keys = TemplateKeyTable.shared.ids(for: Array(dictionary.keys))
        values = Array(dictionary.values)
    }

    /// An object with the entries of a dictionary of strings (the interface strings, `t`).
    init(_ dictionary: [String: String]) {
        keys = TemplateKeyTable.shared.ids(for: Array(dictionary.keys))
        values = dictionary.values.map { .text($0) }
    }
}
