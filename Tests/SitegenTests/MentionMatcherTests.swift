// The mention matcher: longest match wins, possessives, rank prefixes, whole words only,
// case-sensitive, names shared by two profiles link to neither.

import Testing
@testable import Sitegen

struct MentionMatcherTests {
    static func target(_ slug: String, _ kind: MentionTarget.Kind = .person) -> MentionTarget {
        MentionTarget(kind: kind, slug: Slug(rawValue: slug), name: slug)
    }

    static let matcher = MentionMatcher(names: [
        ("Nyi Thuta", target("nyi-thuta")),
        ("Lin Htet Aung", target("lin-htet-aung")),
        ("Linn Htet Aung", target("lin-htet-aung")),
        ("People's Soldiers", target("peoples-soldiers", .organisation)),
        ("People's Soldier group", target("peoples-soldiers", .organisation)),
        ("NUG", target("nug", .organisation)),
        ("National Unity Government", target("nug", .organisation)),
        ("National Unity", target("nu", .organisation)),
        ("Aung", target("aung-one")),
        ("Aung", target("aung-two")),
    ], prefixes: ["Captain", "captain", "Sergeant", "Lance Corporal", "Corporal"])

    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var expected: [String]
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "Captain Nyi Thuta defected.", expected: ["Captain Nyi Thuta→nyi-thuta"]),
        Case(text: "Nyi Thuta's page and Nyi Thuta’s video.", expected: ["Nyi Thuta→nyi-thuta", "Nyi Thuta→nyi-thuta"]),
        Case(text: "the People's Soldier group and People's Soldiers", expected: ["People's Soldier group→peoples-soldiers", "People's Soldiers→peoples-soldiers"]),
        Case(text: "the National Unity Government (NUG)", expected: ["National Unity Government→nug", "NUG→nug"]),
        Case(text: "NUGS and xNUG and NUG-led", expected: ["NUG→nug"]),
        Case(text: "nyi thuta in lower case", expected: []),
        Case(text: "Linn Htet Aung, also Lin Htet Aung", expected: ["Linn Htet Aung→lin-htet-aung", "Lin Htet Aung→lin-htet-aung"]),
        Case(text: "Aung alone is ambiguous", expected: []),
        Case(text: "Sergeant Nyi Thuta and captain Nyi Thuta and Xcaptain Nyi Thuta", expected: ["Sergeant Nyi Thuta→nyi-thuta", "captain Nyi Thuta→nyi-thuta", "Nyi Thuta→nyi-thuta"]),
        Case(text: "Bünthe Nyi Thutaá", expected: []),
        // A combining mark after a name continues the word (an accented letter written decomposed).
        Case(text: "Nyi Thuta\u{301} and Nyi Thuta", expected: ["Nyi Thuta→nyi-thuta"]),
        Case(text: "Lance Corporal Nyi Thuta, Corporal Nyi Thuta, Major Nyi Thuta", expected: ["Lance Corporal Nyi Thuta→nyi-thuta", "Corporal Nyi Thuta→nyi-thuta", "Nyi Thuta→nyi-thuta"]),
    ]

    @Test("matches", arguments: cases)
    func matches(_ c: Case) {
        let found = Self.matcher.matches(in: c.text).map { "\(c.text[$0.range])→\($0.target.slug)" }
        #expect(found == c.expected)
    }

    /// "Bünthe Aye" written composed (ü as one scalar) and decomposed (u + combining diaeresis).
    static let composed = "B\u{FC}nthe Aye", decomposed = "Bu\u{308}nthe Aye"

    @Test(arguments: [(composed, composed), (composed, decomposed), (decomposed, composed), (decomposed, decomposed)])
    func namesMatchInEitherNormalForm(_ name: String, _ written: String) {
        let matcher = MentionMatcher(names: [(name, Self.target("bunthe-aye"))])
        let text = "As \(written) said."
        let found = matcher.matches(in: text)
        #expect(found.map(\.target.slug.rawValue) == ["bunthe-aye"])
        #expect(found.first.map { Array(text[$0.range].unicodeScalars) } == Array(written.unicodeScalars))
    }

    @Test func aNameInTwoNormalFormsForTwoProfilesIsShared() {
        let matcher = MentionMatcher(names: [(Self.composed, Self.target("one")), (Self.decomposed, Self.target("two"))])
        #expect(matcher.ambiguous.count == 1)
        #expect(matcher.matches(in: "\(Self.composed) and \(Self.decomposed)").isEmpty)
    }

    @Test func sharedNamesAreReported() {
        #expect(Array(Self.matcher.ambiguous.keys) == ["Aung"])
        #expect(Self.matcher.ambiguous["Aung"]?.map(\.slug.rawValue) == ["aung-one", "aung-two"])
    }
}
