// Finds mentions of profiles in running text: names and aliases as whole words, case-
// sensitive, in either Unicode normal form (composed, NFC, or decomposed, NFD), the longest
// match first, with an honorific or rank in front ("Professor Ortega", "Captain Ana Ruiz")
// taken into the mention and a possessive after it ("Ana Ruiz's") left out of it. A
// combining mark continues a word. The honorifics come from the profile types, not from
// this file.
// All names are found in one pass over the UTF-8 bytes by one automaton (`ByteAutomaton`):
// the cost is linear in the text, whatever the number of names.

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
    private let rankBytes: [[UInt8]]

    /// The names (one pattern each) and what each points to.
    private let automaton: ByteAutomaton
    private let targets: [MentionTarget]

    /// Creates a matcher from (name, target) pairs and the honorifics or ranks recognised
    /// before names. A name that two targets share is left out; `ambiguous` lists such names.
    public init(names: [(String, MentionTarget)], prefixes: [String] = []) {
        ranks = Set(prefixes.filter { !$0.isEmpty }).sorted { ($0.count, $0) > ($1.count, $1) }
        rankBytes = ranks.map { Array(($0 + " ").utf8) }
        var byName: [String: Set<MentionTarget>] = [:]
        for (name, target) in names where !name.isEmpty {
            byName[name, default: []].insert(target)
        }
        // Names are compared as Unicode does (a dictionary of Strings already joins a name
        // written composed and the same name decomposed); the text is matched by bytes, so each
        // name is looked for in both of its normal forms, NFC and NFD (one pattern each).
        var patterns: [[UInt8]] = []
        var targets: [MentionTarget] = []
        for (name, found) in byName.filter({ $0.value.count == 1 }).sorted(by: { $0.key < $1.key }) {
            let forms = Set([name.precomposedStringWithCanonicalMapping, name.decomposedStringWithCanonicalMapping].map { Array($0.utf8) })
            for form in forms.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                patterns.append(form)
                targets.append(found.first!)
            }
        }
        automaton = ByteAutomaton(patterns)
        self.targets = targets
        ambiguous = byName.filter { $0.value.count > 1 }.mapValues { Array($0).sorted { $0.slug < $1.slug } }
    }

    /// Names that fit more than one profile, with the profiles.
    public private(set) var ambiguous: [String: [MentionTarget]] = [:]

    /// True when the matcher has no names.
    public var isEmpty: Bool { automaton.isEmpty }

    /// All mentions in `text`, in order, not overlapping: at each word start the longest name
    /// that ends at a word end, a rank right before it included.
    public func matches(in text: String) -> [MentionMatch] {
        matchesCountingWork(in: text).matches
    }

    /// `matches(in:)` and the work it took (automaton steps, occurrences, rank comparisons).
    func matchesCountingWork(in text: String) -> (matches: [MentionMatch], work: Int) {
        guard !automaton.isEmpty, !text.isEmpty else { return ([], 0) }
        if let result = text.utf8.withContiguousStorageIfAvailable({ byteMatches(in: $0) }) {
            return (result.matches.map { MentionMatch(range: Self.range($0.start, $0.end, in: text), target: targets[$0.pattern]) }, result.work)
        }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.withUTF8 { bytes in
            let result = byteMatches(in: bytes)
            return (result.matches.map { MentionMatch(range: Self.range($0.start, $0.end, in: text), target: targets[$0.pattern]) }, result.work)
        }
    }

    private static func range(_ start: Int, _ end: Int, in text: String) -> Range<String.Index> {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        return lower..<utf8.index(lower, offsetBy: end - start)
    }

    /// The mentions as byte ranges (rank included) with the index of their name.
    private func byteMatches(in bytes: UnsafeBufferPointer<UInt8>) -> (matches: [ByteAutomaton.Occurrence], work: Int) {
        // Every occurrence that starts and ends at a word boundary, by end.
        var found: [ByteAutomaton.Occurrence] = []
        var work = automaton.scan(bytes) { occurrence in
            if !WordBytes.wordBefore(occurrence.start, in: bytes), !WordBytes.wordAt(occurrence.end, in: bytes) {
                found.append(occurrence)
            }
        }
        guard !found.isEmpty else { return ([], work) }
        // Leftmost first, the longest at each start; none inside an earlier one.
        found.sort { ($0.start, $1.end) < ($1.start, $0.end) }
        var result: [ByteAutomaton.Occurrence] = []
        var floor = 0
        for occurrence in found where occurrence.start >= floor {
            var match = occurrence
            match.start = rankStart(before: occurrence.start, in: bytes, floor: floor, work: &work)
            result.append(match)
            floor = occurrence.end
        }
        return (result, work + found.count)
    }

    /// Extends a match backwards over a rank and one space that stand right before it.
    private func rankStart(before start: Int, in bytes: UnsafeBufferPointer<UInt8>, floor: Int, work: inout Int) -> Int {
        for rank in rankBytes where start - floor >= rank.count {
            work += 1
            let candidate = start - rank.count
            guard bytes[candidate..<start].elementsEqual(rank) else { continue }
            if !WordBytes.wordBefore(candidate, in: bytes) { return candidate }
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
