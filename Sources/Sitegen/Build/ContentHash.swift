// A 128-bit fingerprint of a value, for the `BuildCache` keys. Swift's own `String` hashing
// normalises Unicode as it goes and is slower than parsing the Markdown it would key, so
// the cache hashes UTF-8 bytes instead: two independent 64-bit lanes (xxHash64-style rounds
// with different primes and seeds) over 8-byte words. Not cryptographic; an accidental
// collision of both lanes is not a practical concern for a preview's cache.
//
// Values are fed through `Encodable` (`HashingEncoder`), so every stored property of a view
// model is part of its fingerprint, including those added later.

import Foundation

/// A fingerprint of some content.
struct ContentHash: Hashable, Sendable {
    var first: UInt64
    var second: UInt64

    /// The fingerprint of `text`'s UTF-8 bytes.
    static func of(_ text: String) -> ContentHash {
        var hasher = ContentHasher()
        hasher.combine(text)
        return hasher.finalize()
    }

    /// The fingerprint of some bytes (a file read).
    static func of(_ data: Data) -> ContentHash {
        var hasher = ContentHasher()
        data.withUnsafeBytes { hasher.combine($0) }
        return hasher.finalize()
    }

    /// The fingerprint of every value `value` encodes, with its keys.
    static func of<T: Encodable>(_ value: T) -> ContentHash {
        let encoder = HashingEncoder()
        try? value.encode(to: encoder)
        return encoder.box.hasher.finalize()
    }
}

/// Accumulates bytes into a `ContentHash`.
struct ContentHasher {
    private var first: UInt64 = 0x27D4_EB2F_1656_67C5
    private var second: UInt64 = 0x1656_67B1_9E37_79F9
    private var count: UInt64 = 0

    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let q1: UInt64 = 0xFF51_AFD7_ED55_8CCD
    private static let q2: UInt64 = 0xC4CE_B9FE_1A85_EC53

    private mutating func word(_ w: UInt64) {
        first = ((first &+ w &* Self.p2) << 31 | (first &+ w &* Self.p2) >> 33) &* Self.p1
        second = ((second ^ (w &* Self.q1)) << 27 | (second ^ (w &* Self.q1)) >> 37) &* Self.q2 &+ 0x52DC_E729
        count &+= 1
    }

    /// Adds bytes, preceded by their length (so that `ab`+`c` differs from `a`+`bc`).
    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        beginBytes(count: bytes.count)
        continueBytes(bytes)
    }

    /// Begins adding `count` bytes given in pieces by `continueBytes`: the same fingerprint
    /// as one `combine` of all of them (for a file read back in pieces).
    mutating func beginBytes(count: Int) {
        word(UInt64(count) | 0xA5 << 56)
    }

    /// Adds the next piece of the bytes begun by `beginBytes`; every piece but the last must
    /// be a multiple of 8 bytes long.
    mutating func continueBytes(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        while index + 8 <= bytes.count {
            word(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        if index < bytes.count {
            var tail: UInt64 = 0
            for (shift, byte) in bytes[index...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
            word(tail)
        }
    }

    /// Adds a string's UTF-8 bytes.
    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    /// Adds a number or a tag.
    mutating func combine(_ value: UInt64) {
        word(value)
    }

    func finalize() -> ContentHash {
        func avalanche(_ value: UInt64) -> UInt64 {
            var h = value ^ count
            h ^= h >> 33
            h = h &* Self.p2
            h ^= h >> 29
            h = h &* Self.q2
            h ^= h >> 32
            return h
        }
        return ContentHash(first: avalanche(first), second: avalanche(second))
    }
}
