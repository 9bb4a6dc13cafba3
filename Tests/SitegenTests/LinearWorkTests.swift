// The work of the hot paths is counted, not timed: doubling the notes (or the names, or the
// text) must at most double it. The counters are the steps the stages report (automaton
// steps and occurrences, grouping and joining steps), so a quadratic loop shows up on any
// machine, however loaded. The automaton's results are also checked against the plain
// scalar-by-scalar matching it replaced.

import Testing
import SitegenMarkdown
@testable import Sitegen

struct LinearWorkTests {
    // MARK: Sources: grouping citations into sources

    /// Notes of a generated corpus in three shapes: every note cites one source in full (one
    /// group as large as the corpus, the worst case for a search inside a group), each note a
    /// source of its own, and full references followed by short forms and Ibid.
    enum Shape: String, CaseIterable, Sendable {
        case oneSource, distinctSources, shortForms

        func notes(_ n: Int) -> NoteIndex {
            let families = ["Smith", "Jones", "Garcia", "Müller", "Rossi", "Dupont", "Tanaka"]
            return NoteIndex(notes: (0..<n).map { i in
                let text: String
                switch self {
                case .oneSource:
                    text = i % 2 == 0 ? "Smith, J. (2001) 'One report', *Journal*, 3(2), pp. 1-9." : "Smith (2001), p. \(i)."
                case .distinctSources:
                    text = "\(families[i % 7]), J. (\(1900 + i % 120)) 'Title number \(i)', *Journal*, 3(2), pp. 1-9."
                case .shortForms:
                    text = i % 3 == 0 ? "\(families[i % 7]), J. (\(1950 + i % 70)) 'A title \(i / 3)', *Journal*, 3(2), pp. 1-9."
                        : i % 3 == 1 ? "\(families[(i - 1) % 7]) (\(1950 + (i - 1) % 70)), p. 4." : "Ibid."
                }
                return CitationReaderTests.note("\(i + 1)", text)
            })
        }
    }

    @Test("the sources' work at most doubles when the notes double", arguments: Shape.allCases)
    func sourceRegisterWork(_ shape: Shape) {
        func work(_ n: Int) -> Int {
            let register = SourceRegister.build(shape.notes(n), outlets: [])
            return register.joinSteps + register.groupingSteps
        }
        let small = work(300), large = work(600)
        #expect(small > 0)
        #expect(Double(large) <= 2.1 * Double(small), "\(small) steps for 300 notes, \(large) for 600")
    }

    @Test func oneSourceCitedByEveryNoteListsEachNoteOnce() {
        let register = SourceRegister.build(Shape.oneSource.notes(40), outlets: [])
        #expect(register.sources.count == 1)
        #expect(register.sources.first?.notes.count == 40)
        // The odd notes cite it in a short form; the even ones in full.
        #expect(register.sources.first?.shortFormNotes.map(\.rawValue) == (0..<20).map { String(2 * $0 + 2) })
    }

    // MARK: Mentions: one automaton for all names

    /// `count` made-up names of two or three words, some sharing their first words (so that
    /// the longest match has to win), some with letters outside ASCII.
    static func names(_ count: Int) -> [(String, MentionTarget)] {
        let first = ["Aung", "Nyi", "Zaw", "Émile", "Thu", "Kyaw", "Hla", "Ōno"]
        return (0..<count).map { i in
            let name = "\(first[i % first.count]) \(first[(i / first.count) % first.count])ng\(i)" + (i % 3 == 0 ? " Oo" : "")
            return (name, MentionTarget(kind: .person, slug: Slug(rawValue: "p\(i)"), name: name))
        }
    }

    /// Prose that mentions some of `names`, with ranks, possessives and near misses.
    static func text(_ names: [(String, MentionTarget)], sentences: Int) -> String {
        (0..<sentences).map { i in
            let name = names[(i * 7) % names.count].0
            switch i % 4 {
            case 0: return "Captain \(name) said it."
            case 1: return "\(name)'s unit left; x\(name) is not a mention."
            case 2: return "Nothing here, only Aung and Émile alone."
            default: return "Lance Corporal \(name), and \(name)s too."
            }
        }.joined(separator: " ")
    }

    @Test func mentionWorkIsLinearInTheText() {
        let matcher = MentionMatcher(names: Self.names(200), prefixes: ["Captain", "Lance Corporal"])
        let (small, smallWork) = matcher.matchesCountingWork(in: Self.text(Self.names(200), sentences: 400))
        let (large, largeWork) = matcher.matchesCountingWork(in: Self.text(Self.names(200), sentences: 800))
        #expect(large.count == 2 * small.count)
        #expect(Double(largeWork) <= 2.1 * Double(smallWork), "\(smallWork) steps, then \(largeWork) for twice the text")
    }

    @Test func mentionWorkDoesNotGrowWithTheNames() {
        let text = Self.text(Self.names(100), sentences: 400)
        let few = MentionMatcher(names: Self.names(100), prefixes: ["Captain", "Lance Corporal"]).matchesCountingWork(in: text)
        let many = MentionMatcher(names: Self.names(200), prefixes: ["Captain", "Lance Corporal"]).matchesCountingWork(in: text)
        // Twice the names, the same text: the work may grow with the occurrences found, never
        // with names × text (a search per name would double it).
        #expect(many.matches.count >= few.matches.count)
        #expect(Double(many.work) <= 1.5 * Double(few.work), "\(few.work) steps with 100 names, \(many.work) with 200")
    }

    @Test func twentyThousandMentionsInOneParagraphCostLinearWork() {
        let matcher = MentionMatcher(names: [("Nyi Thuta", MentionTarget(kind: .person, slug: Slug(rawValue: "nyi-thuta"), name: "Nyi Thuta"))],
                                     prefixes: ["Captain"])
        let one = "Captain Nyi Thuta and "
        let (small, smallWork) = matcher.matchesCountingWork(in: String(repeating: one, count: 10_000))
        let (large, largeWork) = matcher.matchesCountingWork(in: String(repeating: one, count: 20_000))
        #expect(small.count == 10_000 && large.count == 20_000)
        #expect(Double(largeWork) <= 2.1 * Double(smallWork))
        #expect(largeWork <= 4 * 20_000 * one.utf8.count, "\(largeWork) steps for \(20_000 * one.utf8.count) bytes")
    }

    /// The matching the automaton replaced: at each word start, the longest name (in scalars)
    /// that ends at a word end, extended over a rank before it.
    static func reference(_ text: String, names: [(String, MentionTarget)], ranks: [String]) -> [String] {
        var byName: [String: Set<MentionTarget>] = [:]
        for (name, target) in names { byName[name, default: []].insert(target) }
        let unique = byName.filter { $0.value.count == 1 }.map { (Array($0.key.unicodeScalars), $0.value.first!) }
            .sorted { $0.0.count > $1.0.count }
        let sortedRanks = Set(ranks).sorted { ($0.count, $0) > ($1.count, $1) }
        let scalars = Array(text.unicodeScalars)
        var result: [String] = []
        var i = 0
        var floor = 0
        while i < scalars.count {
            if i == 0 || !MentionMatcher.isWordScalar(scalars[i - 1]),
               let (pattern, target) = unique.first(where: { pattern, _ in
                   i + pattern.count <= scalars.count && Array(scalars[i..<(i + pattern.count)]) == pattern
                       && (i + pattern.count == scalars.count || !MentionMatcher.isWordScalar(scalars[i + pattern.count]))
               }) {
                var start = i
                for rank in sortedRanks {
                    let r = Array((rank + " ").unicodeScalars)
                    if i - floor >= r.count, Array(scalars[(i - r.count)..<i]) == r,
                       i - r.count == 0 || !MentionMatcher.isWordScalar(scalars[i - r.count - 1]) {
                        start = i - r.count
                        break
                    }
                }
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[start..<(i + pattern.count)])
                result.append("\(String(s))→\(target.slug)")
                i += pattern.count
                floor = i
                continue
            }
            i += 1
        }
        return result
    }

    @Test("the automaton finds what the scalar-by-scalar matching found", arguments: 0..<20)
    func automatonAgreesWithTheReference(_ seed: Int) {
        // Short names over a small alphabet, so that they overlap, nest and repeat.
        var generator = SplitMix(seed: UInt64(seed))
        let alphabet: [String] = ["a", "b", "é", " ", "ß", "'", "-", "ab", "Ab"]
        func word(_ n: Int) -> String { (0..<n).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined() }
        let names = (0..<12).map { i in (word(1 + Int(generator.next() % 4)).trimmingSpaces, MentionTarget(kind: .person, slug: Slug(rawValue: "t\(i % 10)"), name: "")) }
            .filter { !$0.0.isEmpty }
        let ranks = ["b", "Ab", "a b"]
        let text = word(300)
        let matcher = MentionMatcher(names: names, prefixes: ranks)
        let found = matcher.matches(in: text).map { "\(text[$0.range])→\($0.target.slug)" }
        #expect(found == Self.reference(text, names: names, ranks: ranks), "text: \(text)")
    }

    // MARK: Abbreviations: the first use on a page, one automaton for all terms

    static func abbreviated(_ markdown: String, terms: [String]) -> (html: String, work: Int) {
        let source = SourceFile(path: "content/x.md", relativePath: "x.md", text: markdown, frontMatter: nil,
                                frontMatterLine: 1, body: markdown, bodyLineOffset: 0)
        var renderer = BodyRenderer(basePath: "/", source: source, pageURLs: [:], slugger: Slugger(), sectionID: "s")
        renderer.abbreviations = Dictionary(uniqueKeysWithValues: terms.map { ($0, Abbreviation(term: $0, expansion: "[\($0)]")) })
        let html = renderer.render(MarkdownParser().parse(markdown).blocks).rendered
        return (html, renderer.abbreviationWork)
    }

    @Test(arguments: [
        // The first whole-word use of each term, the longest at one place, in reading order.
        ("The UN and UNHCR met the UN Security Council; UNHCR and the UN again.",
         #"<p id="s-p1">The <abbr title="[UN]">UN</abbr> and <abbr title="[UNHCR]">UNHCR</abbr> met the <abbr title="[UN Security Council]">UN Security Council</abbr>; UNHCR and the UN again.</p>"#),
        ("xUN, UNx and UN_ are no uses; (UN) is.",
         #"<p id="s-p1">xUN, UNx and UN_ are no uses; (<abbr title="[UN]">UN</abbr>) is.</p>"#),
        ("Über-UN and UNHCR-led",
         #"<p id="s-p1">Über-<abbr title="[UN]">UN</abbr> and <abbr title="[UNHCR]">UNHCR</abbr>-led</p>"#),
    ])
    func abbreviationsAreMarkedOnce(_ markdown: String, _ expected: String) {
        #expect(Self.abbreviated(markdown, terms: ["UN", "UNHCR", "UN Security Council"]).html == expected)
    }

    @Test func abbreviationWorkIsLinearInTheTextAndNotInTheTerms() {
        let terms = (0..<100).map { "T\($0)X" }
        let paragraph = (0..<200).map { "word T\($0 % 150)X and T\($0 % 150)Xs" }.joined(separator: " ")
        let one = Self.abbreviated(paragraph, terms: terms).work
        let two = Self.abbreviated(paragraph + " " + paragraph, terms: terms).work
        let moreTerms = Self.abbreviated(paragraph, terms: terms + (100..<200).map { "T\($0)X" }).work
        #expect(one > 0)
        #expect(Double(two) <= 2.1 * Double(one), "\(one) steps, then \(two) for twice the text")
        #expect(Double(moreTerms) <= 1.5 * Double(one), "\(one) steps with 100 terms, \(moreTerms) with 200")
    }
}

/// A small deterministic generator for the generated cases.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
