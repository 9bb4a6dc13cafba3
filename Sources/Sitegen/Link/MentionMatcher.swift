// Finds mentions of profiles in running text: names and aliases as whole words, case-
// sensitive, in either Unicode normal form (composed, NFC, or decomposed, NFD), the longest
// match first, with an honorific or rank in front ("Professor Ortega", "Captain Nyi Thuta")
// taken into the mention and a possessive after it ("Nyi Thuta's") left out of it. A
// combining mark continues a word. The honorifics come from the profile types, not from
// this file.

import Foundation

/// What a mention points to.
public struct MentionTarget: Hashable, Sendable {
    /// The profile type of the target (`person`) and the folder of its pages (`people`).
    public struct Kind: Hashable, Sendable {
        public var rawValue: String
        public var folder: String
        /// A kind from a type name and its folder.
        public init(_ rawValue: String, folder: String) {
            self.rawValue = rawValue
            self.folder = folder
        }
        /// The built-in person type.
        public static let person = Kind("person", folder: "people")
        /// The built-in organisation type.
        public static let organisation = Kind("organisation", folder: "organisations")
    }
    public var kind: Kind
    public var slug: Slug
    public var name: String
}

/// One mention in a text.
public struct MentionMatch: Hashable, Sendable {
    /// The mentioned text, rank included, as a range of the searched string.
    public var range: Range<String.Index>
    public var target: MentionTarget
}

/// Matches a fixed set of names in text.
public struct MentionMatcher: Sendable {
    /// Honorifics and ranks that belong to the mention when they stand right before a name,
    /// longest first.
    public let ranks: [String]

    private struct Pattern: Sendable {
        var scalars: [Unicode.Scalar]
        var target: MentionTarget
    }

    /// Patterns by their first scalar, longest first.
    private var patterns: [Unicode.Scalar: [Pattern]] = [:]

    /// Creates a matcher from (name, target) pairs and the honorifics or ranks recognised
    /// before names. A name that two targets share is left out; `ambiguous` lists such names.
    public init(names: [(String, MentionTarget)], prefixes: [String] = []) {
        ranks = Set(prefixes.filter { !$0.isEmpty }).sorted { ($0.count, $0) > ($1.count, $1) }
        var byName: [String: Set<MentionTarget>] = [:]
        for (name, target) in names where !name.isEmpty {
            byName[name, default: []].insert(target)
        }
        // Names are compared as Unicode does (a dictionary of Strings already joins a name
        // written composed and the same name decomposed); the text is matched by scalars,
        // so each name is looked for in both of its normal forms, NFC and NFD.
        for (name, targets) in byName where targets.count == 1 {
            for form in Set([name.precomposedStringWithCanonicalMapping, name.decomposedStringWithCanonicalMapping].map { Array($0.unicodeScalars) }) {
                patterns[form[0], default: []].append(Pattern(scalars: form, target: targets.first!))
            }
        }
        for key in patterns.keys {
            patterns[key]!.sort { ($0.scalars.count, $0.target.slug) > ($1.scalars.count, $1.target.slug) }
        }
        ambiguous = byName.filter { $0.value.count > 1 }.mapValues { Array($0).sorted { $0.slug < $1.slug } }
    }

    /// Names that fit more than one profile, with the profiles.
    public private(set) var ambiguous: [String: [MentionTarget]] = [:]

    /// True when the matcher has no names.
    public var isEmpty: Bool { patterns.isEmpty }

    /// All mentions in `text`, in order, not overlapping.
    public func matches(in text: String) -> [MentionMatch] {
        guard !patterns.isEmpty else { return [] }
        let scalars = text.unicodeScalars
        var result: [MentionMatch] = []
        var index = scalars.startIndex
        var previous: Unicode.Scalar? = nil
        while index != scalars.endIndex {
            let scalar = scalars[index]
            if !Self.isWordScalar(previous), let candidates = patterns[scalar] {
                if let (pattern, end) = longestMatch(candidates, in: scalars, at: index) {
                    let start = rankStart(before: index, in: text, floor: result.last?.range.upperBound ?? text.startIndex)
                    result.append(MentionMatch(range: start..<end, target: pattern.target))
                    previous = scalars[scalars.index(before: end)]
                    index = end
                    continue
                }
            }
            previous = scalar
            index = scalars.index(after: index)
        }
        return result
    }

    private func longestMatch(_ candidates: [Pattern], in scalars: String.UnicodeScalarView,
                              at start: String.Index) -> (Pattern, String.Index)? {
        for pattern in candidates {
            var i = start
            var matched = true
            for expected in pattern.scalars {
                guard i != scalars.endIndex, scalars[i] == expected else { matched = false; break }
                i = scalars.index(after: i)
            }
            if matched, i == scalars.endIndex || !Self.isWordScalar(scalars[i]) {
                return (pattern, i)
            }
        }
        return nil
    }

    /// Extends a match backwards over a rank that stands right before it.
    private func rankStart(before start: String.Index, in text: String, floor: String.Index) -> String.Index {
        let before = text[floor..<start]
        for rank in ranks where before.hasSuffix(rank + " ") {
            let candidate = text.index(start, offsetBy: -(rank.count + 1))
            if candidate == text.startIndex || !Self.isWordScalar(text.unicodeScalars[text.unicodeScalars.index(before: candidate)]) {
                return candidate
            }
        }
        return start
    }

    static func isWordScalar(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || (v >= 48 && v <= 57) || v == 95
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }
}
