// swift-mustache reads a value's fields by reflection, building a `Mirror` of the object for
// every single lookup; with view models of thirty fields and long lists that was most of a
// build's time. Converting each view model once into dictionaries (which the library reads
// directly through `MustacheParent`) costs one reflection per object instead.

enum MustacheValues {
    /// `value` as strings, numbers, booleans, arrays and `[String: Any]` dictionaries; nil
    /// optionals are left out, so templates see them as missing.
    static func convert(_ value: Any) -> Any? {
        switch value {
        case let string as String: return string
        case let bool as Bool: return bool
        case let int as Int: return int
        case let double as Double: return double
        case let strings as [String: String]: return strings
        case let param as ParamValue: return param.templateValue
        case let params as [String: ParamValue]: return params.mapValues(\.templateValue)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { convert($0.value) }
        case .collection, .set:
            return mirror.children.compactMap { convert($0.value) }
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let converted = convert(child.value) else { continue }
                dictionary[label] = converted
            }
            return dictionary
        case .enum:
            // Typed identifiers and enums render as their raw value.
            if let raw = (value as? any RawRepresentable)?.rawValue { return convert(raw) }
            return String(describing: value)
        default:
            return value
        }
    }
}
