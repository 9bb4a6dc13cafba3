// Substring search on UTF-8 bytes. Foundation's `contains(_:)`/`range(of:)` on Linux go
// through CFString and UTF-16, which showed up as the hottest code of a build; markers such
// as `[^` or `[Editorial note:` are ASCII, so a byte search finds them exactly.

extension StringProtocol {
    /// The range of the first occurrence of `needle`, compared byte for byte.
    public func byteRange(of needle: String) -> Range<Index>? {
        var haystack = String(self)
        haystack.makeContiguousUTF8()
        var pattern = needle
        pattern.makeContiguousUTF8()
        let offset: Int? = haystack.utf8.withContiguousStorageIfAvailable { h in
            pattern.utf8.withContiguousStorageIfAvailable { p -> Int? in
                Self.firstOffset(of: p, in: h)
            } ?? nil
        } ?? nil
        guard let offset else { return nil }
        let start = utf8.index(startIndex, offsetBy: offset)
        return start..<utf8.index(start, offsetBy: needle.utf8.count)
    }

    /// A plain byte search: find the first byte, then compare the rest.
    private static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        let last = haystack.count - needle.count
        var i = 0
        outer: while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count {
                    if haystack[i + k] != needle[k] { i += 1; continue outer }
                    k += 1
                }
                return i
            }
            i += 1
        }
        return nil
    }

    /// Whether `needle` occurs, compared byte for byte.
    public func containsBytes(_ needle: String) -> Bool {
        byteRange(of: needle) != nil
    }
}
