// An `Encoder` that writes nothing but feeds every key and value into a `ContentHasher`, so
// that a view model's fingerprint covers each of its stored properties (see `ContentHash`).

/// Holds the hasher shared by the containers of one encoding.
final class HashingBox {
    var hasher = ContentHasher()

    enum Tag: UInt64 {
        case key = 1, string, int, bool, double, nilValue, beginKeyed, beginUnkeyed, end
    }

    func tag(_ tag: Tag) { hasher.combine(tag.rawValue) }
    func string(_ text: String) { hasher.combine(text) }
}

/// Encodes a value into a fingerprint.
struct HashingEncoder: Encoder {
    let box: HashingBox
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(box: HashingBox = HashingBox()) {
        self.box = box
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        box.tag(.beginKeyed)
        return KeyedEncodingContainer(Keyed<Key>(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.tag(.beginUnkeyed)
        return Unkeyed(box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(box: box)
    }

    /// Feeds primitive values; anything else is encoded with a nested encoder on the same box.
    fileprivate static func value<T: Encodable>(_ value: T, box: HashingBox) throws {
        switch value {
        case let text as String:
            box.tag(.string)
            box.string(text)
        case let number as Int:
            box.tag(.int)
            box.hasher.combine(UInt64(bitPattern: Int64(number)))
        case let flag as Bool:
            box.tag(.bool)
            box.hasher.combine(flag ? 1 : 0)
        case let number as Double:
            box.tag(.double)
            box.hasher.combine(number.bitPattern)
        default:
            try value.encode(to: HashingEncoder(box: box))
            box.tag(.end)
        }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: HashingBox
        var codingPath: [any CodingKey] { [] }

        private func key(_ key: Key) {
            box.tag(.key)
            box.string(key.stringValue)
        }

        mutating func encodeNil(forKey key: Key) throws {
            self.key(key)
            box.tag(.nilValue)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            self.key(key)
            try HashingEncoder.value(value, box: box)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            self.key(key)
            box.tag(.beginKeyed)
            return KeyedEncodingContainer(Keyed<NestedKey>(box: box))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            self.key(key)
            box.tag(.beginUnkeyed)
            return Unkeyed(box: box)
        }

        mutating func superEncoder() -> any Encoder { HashingEncoder(box: box) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            self.key(key)
            return HashingEncoder(box: box)
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let box: HashingBox
        var codingPath: [any CodingKey] { [] }
        var count = 0

        mutating func encodeNil() throws {
            count += 1
            box.tag(.nilValue)
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            count += 1
            try HashingEncoder.value(value, box: box)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            count += 1
            box.tag(.beginKeyed)
            return KeyedEncodingContainer(Keyed<NestedKey>(box: box))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            count += 1
            box.tag(.beginUnkeyed)
            return Unkeyed(box: box)
        }

        mutating func superEncoder() -> any Encoder { HashingEncoder(box: box) }
    }

    private struct Single: SingleValueEncodingContainer {
        let box: HashingBox
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { box.tag(.nilValue) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try HashingEncoder.value(value, box: box)
        }
    }
}
