// The sentence around a mention, for the lists on profile pages.

enum Snippet {
    /// The sentence of `text` that contains `needle` (searched from `from`), trimmed to at most
    /// `limit` characters around it.
    static func sentence(containing needle: String, in text: String, limit: Int = 320) -> String {
        let flat = flatten(text)
        guard !needle.isEmpty, let range = flat.byteRange(of: needle) else { return sentence(at: flat.startIndex..<flat.startIndex, in: flat, limit: limit) }
        return sentence(at: range, in: flat, limit: limit)
    }

    /// `text` on one line.
    static func flatten(_ text: String) -> String {
        text.utf8.contains(10) ? text.replacingOccurrences(of: "\n", with: " ") : text
    }

    /// The sentence of the one-line `flat` around `range`. Works on UTF-8 bytes: sentence
    /// ends (`.`, `?`, `!` before a space) are ASCII.
    static func sentence(at range: Range<String.Index>, in flat: String, limit: Int = 320) -> String {
        let utf8 = flat.utf8
        func isEnd(_ b: UInt8) -> Bool { b == UInt8(ascii: ".") || b == UInt8(ascii: "?") || b == UInt8(ascii: "!") }
        var start = range.lowerBound
        while start > utf8.startIndex {
            let previous = utf8.index(before: start)
            if isEnd(utf8[previous]), start < utf8.endIndex, utf8[start] == UInt8(ascii: " ") { break }
            start = previous
        }
        var end = range.upperBound
        while end < utf8.endIndex {
            let b = utf8[end]
            end = utf8.index(after: end)
            if isEnd(b), end == utf8.endIndex || utf8[end] == UInt8(ascii: " ") { break }
        }
        while start < end, utf8[start] == UInt8(ascii: " ") { start = utf8.index(after: start) }
        var sentence = String(flat[start..<end])
        while sentence.last == " " { sentence.removeLast() }
        if sentence.count > limit {
            // Keep the mention in view: cut around it.
            let offset = flat.distance(from: start, to: range.lowerBound)
            let from = max(0, offset - limit / 2)
            let slice = sentence.dropFirst(from).prefix(limit)
            sentence = (from > 0 ? "…" : "") + slice + (slice.count < sentence.count - from ? "…" : "")
        }
        return sentence
    }
}

import Foundation
import SitegenMarkdown
