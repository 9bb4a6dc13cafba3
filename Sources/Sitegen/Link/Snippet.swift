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
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// The sentence of the one-line `flat` around `range`.
    static func sentence(at range: Range<String.Index>, in flat: String, limit: Int = 320) -> String {
        var start = range.lowerBound
        while start > flat.startIndex {
            let previous = flat.index(before: start)
            if [".", "?", "!"].contains(flat[previous]), start < flat.endIndex, flat[start] == " " { break }
            start = previous
        }
        var end = range.upperBound
        while end < flat.endIndex {
            let c = flat[end]
            end = flat.index(after: end)
            if [".", "?", "!"].contains(c), end == flat.endIndex || flat[end] == " " { break }
        }
        var sentence = String(flat[start..<end]).trimmingCharacters(in: .whitespaces)
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
