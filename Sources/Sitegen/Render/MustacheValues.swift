// What the templates see: `TemplateValue`s (strings, booleans, numbers, lists and objects
// whose keys are numbers the compiled templates look up directly). Each view model says how it
// converts (`ViewModels+Mustache.swift`), so a page costs no reflection and no dynamic cast.
// A nil optional is left out, so a template sees it as missing; a test checks that every view
// model converts to exactly what reflection gives (`MustacheValuesTests`).

import Foundation

/// A view model that converts itself into the object its template reads.
protocol MustacheConvertible {
    /// The fields by key; nil optionals left out.
    var templateValue: TemplateValue { get }
}

/// Collects the fields of one view model.
struct MustacheFields {
    private var object: TemplateObject

    init(capacity: Int) {
        object = TemplateObject(capacity: capacity)
    }

    /// The object with the fields added so far.
    var value: TemplateValue { .object(object) }

    mutating func add(_ key: TemplateKey, _ value: String?) {
        if let value { object.append(key, .text(value)) }
    }

    mutating func add(_ key: TemplateKey, _ value: Bool) {
        object.append(key, .bool(value))
    }

    mutating func add(_ key: TemplateKey, _ value: Int) {
        object.append(key, .int(value))
    }

    mutating func add(_ key: TemplateKey, _ value: [String]?) {
        if let value { object.append(key, .strings(value)) }
    }

    mutating func add(_ key: TemplateKey, _ value: [String: String]) {
        object.append(key, .object(InterfaceStringsObject.shared.object(for: value)))
    }

    mutating func add(_ key: TemplateKey, _ value: [String: ParamValue]?) {
        if let value { object.append(key, .object(TemplateObject(value.mapValues(\.template)))) }
    }

    mutating func add<T: MustacheConvertible>(_ key: TemplateKey, _ value: T?) {
        if let value { object.append(key, value.templateValue) }
    }

    mutating func add<T: MustacheConvertible>(_ key: TemplateKey, _ value: [T]?) {
        if let value { object.append(key, .list(value.map(\.templateValue), strings: false)) }
    }
}

/// The interface strings (`t`) of every page are the same dictionary: converted once and
/// reused while the dictionary is the same (`==` answers at once for the same storage, and
/// compares the entries otherwise, so a changed set of strings is converted again).
final class InterfaceStringsObject: @unchecked Sendable {   // `last` is read and written under `lock`
    static let shared = InterfaceStringsObject()
    private let lock = NSLock()
    private var last: (strings: [String: String], object: TemplateObject)?

    func object(for strings: [String: String]) -> TemplateObject {
        lock.lock()
        if let last, last.strings == strings {
            lock.unlock()
            return last.object
        }
        lock.unlock()
        let object = TemplateObject(strings)
        lock.lock()
        last = (strings, object)
        lock.unlock()
        return object
    }
}
