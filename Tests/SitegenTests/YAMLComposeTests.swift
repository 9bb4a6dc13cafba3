// `YAMLCompose` composes YAML with the basic resolver and gives plain scalars the tags of Yams'
// default resolver from byte matchers. The reference is Yams itself: every scalar tag must be
// the one the default resolver's regular expressions give, and every document must compose to
// the same tree (same texts, same resolved tags, same serialisation, same errors) as
// `Yams.compose(yaml:)`.

import Foundation
import Testing
import Yams
@testable import Sitegen

struct YAMLComposeTests {
    /// The default resolver's tag for `string` as a plain scalar.
    static func reference(_ string: String) -> String {
        Resolver.default.resolveTag(of: Node(string, Tag(.implicit))).rawValue
    }

    @Test(arguments: [
        "", "~", "null", "Null", "NULL", "nULL", "yes", "Yes", "YES", "yEs", "no", "on", "OFF", "Off", "oFF",
        "true", "True", "TRUE", "tRuE", "false", "y", "n", "0", "-0", "+0", "00", "007", "08", "0o17", "0o",
        "0o8", "0b", "0b101", "0b102", "-0b1_0", "0x", "0x1F", "0xg", "0x_", "1_000", "1__", "12", "-12",
        "+", "-", "1:30", "190:20:30", "1:60", "1:5", "1:05:", "0:30", "1.5", "1.", ".5", ".", "._", "1e5",
        "1E+5", "1.5e-3", ".5e+3", ".5e3", "1e", "1e+", ".inf", "-.inf", "+.INF", ".Inf", "-.nan", ".nan",
        ".NaN", ".NAN", "190:20:30.15", "1:20.", "1:2:3.5e1", "<<", "<", "=", "==", "2021", "2021-02-01",
        "2021-2-1", "2021-02-1", "2021-02-01T10:20:30", "2021-2-1 1:20:30", "2021-02-01t10:20:30.5Z",
        "2021-02-01 10:20:30 +7", "2021-02-01 10:20:30-07:00", "2021-02-01 10:20:30 Z", "2021-02-01 10:20:30 ",
        "2021-02-01T10:20:30+0700", "2021-02-01T10:20:3", "2021-02-01T100:20:30", "2021-02-001", "21-02-01",
        "2021-02-01\t\t10:20:30", "2021-02-01T10:20:30Z1", "2021-02-01 10:20:30 Zz", "2021-02-01T10:20:30.", "2021-02-01T10:20:30+07:0",
        "true\n", "true\r\n", "1\r", "null\n\n", "\n", "1\u{0B}", "1\u{0C}", "yes\u{85}", "1.5\u{2028}",
        "~\u{2029}", "1\t", " 1", "1 ", "١", "１", "Myanmar", "1st", "3 May 2021", "2021 — 2022",
    ])
    func scalarTagsAreTheDefaultResolvers(string: String) {
        #expect(YAMLScalarTag.name(of: string).rawValue == Self.reference(string), "\(string.debugDescription)")
    }

    /// Random scalars over the bytes the rules care about (seeded, so a failure repeats).
    @Test func generatedScalarTagsAreTheDefaultResolvers() {
        var generator = SplitMix(seed: 0x5EED_2026)
        let pieces = ["0", "1", "5", "6", "7", "9", "_", ":", ".", "-", "+", "e", "E", "x", "o", "b", "f", "F",
                      "a", "T", "t", "Z", " ", "\t", "inf", "nan", "NaN", "2021", "-02", "-1", "12", "59", "60",
                      "true", "no", "~", "<", "=", "\n", "\r\n", "é"]
        var mismatches: [String] = []
        for _ in 0..<12_000 {
            let count = Int.random(in: 0...7, using: &generator)
            let string = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            if YAMLScalarTag.name(of: string).rawValue != Self.reference(string) { mismatches.append(string) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20).map(\.debugDescription))")
    }

    /// `YAMLCompose` and `Yams.compose` agree on `yaml`: the same tree (texts and resolved
    /// tags), the same serialisation, or the same error.
    static func expectSameComposition(_ yaml: String, _ label: String) {
        let ours = Result { try YAMLCompose.compose(yaml: yaml) }
        let theirs = Result { try Yams.compose(yaml: yaml) }
        switch (ours, theirs) {
        case (.success(let a), .success(let b)):
            #expect(a == b, "\(label)")
            let serialisedA = a.flatMap { try? Yams.serialize(node: $0) }
            let serialisedB = b.flatMap { try? Yams.serialize(node: $0) }
            #expect(serialisedA == serialisedB, "\(label)")
        case (.failure(let a), .failure(let b)):
            #expect("\(a)" == "\(b)", "\(label)")
        default:
            Issue.record("\(label): one composed and the other did not: \(ours) / \(theirs)")
        }
    }

    /// Every YAML document of the shipped content and of the fixture sites.
    @Test func contentComposesAsWithYams() throws {
        let roots = [Repo.content, Repo.root.appendingPathComponent("Tests/SitegenTests/Fixtures").path]
        var documents = 0
        for root in roots {
            let enumerator = FileManager.default.enumerator(atPath: root)
            while let relative = enumerator?.nextObject() as? String {
                let path = root + "/" + relative
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
                if relative.hasSuffix(".yml") || relative.hasSuffix(".yaml") {
                    Self.expectSameComposition(text, relative)
                    documents += 1
                } else if relative.hasSuffix(".md") {
                    let (file, _) = FrontMatter.split(text: text, path: path, relativePath: relative)
                    guard let yaml = file.frontMatter else { continue }
                    Self.expectSameComposition(yaml, relative)
                    documents += 1
                }
            }
        }
        #expect(documents > 100)
    }

    /// Documents where the basic composition could differ: each must still compose as Yams does.
    @Test(arguments: [
        "title: A\nyear: 2021\ndraft: no\nweight: 1.5\ndate: 2021-02-01\nnone: ~\nempty:\nmerge: <<\n",
        "1: a\n\"1\": b\n",                      // the same text, an int and a string: not duplicates
        "a: 1\na: 2\n",                           // duplicates
        "yes: 1\n'yes': 2\n",
        "!!str 1: a\n2: b\n",                      // an explicit tag on a key
        "key: !!str 1\nother: !!int '2'\n",
        "base: &b {x: 1, y: true}\nderived:\n  <<: *b\n  y: false\n",
        "list: [1, two, 3.0, null, ~, yes, 2021-02-01, '4']\n",
        "? [complex, key]\n: value\n",
        "text: tRuE\nflag: Yes\n",
        "nested:\n  - name: A\n    weight: 0x1F\n  - name: B\n    weight: 0o17\n",
        "bad: [unclosed\n",
        "key: value\n  indented: wrong\n",
        "- just\n- a list\n",
        "scalar only",
        "",
        "  \n",
        "multi: |\n  line 1\n  line 2\nfolded: >\n  a\n  b\n",
        "plain: one\n  two\n",
    ])
    func editedDocumentsComposeAsWithYams(yaml: String) {
        Self.expectSameComposition(yaml, yaml)
    }

    /// Front matter decodes to the same values through both compositions (`Bool` reads a
    /// plain `Yes`, not a string `tRuE`; numbers and nulls as Yams reads them).
    @Test func decodingIsUnchanged() throws {
        struct Meta: Decodable, Equatable {
            var title: String
            var year: Int?
            var draft: Bool?
            var weight: Double?
            var tags: [String]?
            var flag: Bool?
        }
        for yaml in ["title: A\nyear: 2021\ndraft: Yes\nweight: 1.5\ntags: [a, 1, true]\n",
                     "title: '2021'\nyear: ~\nweight: 1_000\n",
                     "title: 1.5\n",
                     "title: x\nflag: tRuE\n"] {
            let ours = Result { try YAMLDecoder().decode(Meta.self, from: try YAMLCompose.compose(yaml: yaml)!) }
            let theirs = Result { try YAMLDecoder().decode(Meta.self, from: try Yams.compose(yaml: yaml)!) }
            switch (ours, theirs) {
            case (.success(let a), .success(let b)): #expect(a == b, "\(yaml)")
            case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)", "\(yaml)")
            default: Issue.record("\(yaml): \(ours) / \(theirs)")
            }
        }
    }
}
