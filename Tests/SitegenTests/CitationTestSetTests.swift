// The citation reader over a test set of several hundred references in many styles and five
// languages (Tests/SitegenTests/Fixtures/citations/*.tsv, none of them the shipped report's
// notes). Targets: the first author's family name and the year right for at least 90% of the
// references, a wrong author or year for at most 2% (a wrong value is worse than none).
// `CITATION_REPORT=1` prints precision and recall per field and per style (Benchmarks/citations/run);
// `CITATION_REPORT=verbose` also lists every reference read wrongly or not at all.

import Foundation
import Testing
@testable import Sitegen

struct CitationTestSetTests {
    struct Reference {
        var style: String
        var kind: String
        var author: String
        var year: String
        var title: String
        var text: String
    }

    /// Correct, wrong and missing readings of one field.
    struct Score {
        var correct = 0, wrong = 0, missing = 0
        var total: Int { correct + wrong + missing }
        var precision: Double { correct + wrong == 0 ? 1 : Double(correct) / Double(correct + wrong) }
        var recall: Double { total == 0 ? 1 : Double(correct) / Double(total) }
        mutating func add(_ expected: String, _ got: String?) {
            if got == nil && expected != "-" { missing += 1 } else if SourceKeys.fold(got ?? "-") == SourceKeys.fold(expected) { correct += 1 } else { wrong += 1 }
        }
    }

    static func load() throws -> [Reference] {
        let folder = Repo.root.appendingPathComponent("Tests/SitegenTests/Fixtures/citations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tsv") }.sorted()
        var references: [Reference] = []
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.isEmpty {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count == 5 else { Issue.record("\(file): not five fields: \(line)"); continue }
                references.append(Reference(style: String(file.dropLast(4)), kind: fields[0], author: fields[1],
                                            year: fields[2], title: fields[3], text: fields[4]))
            }
        }
        return references
    }

    /// The per-style and overall scores, and the lines that went wrong.
    static func evaluate(_ references: [Reference]) -> (rows: [(String, [String: Score], Int, Int, Int)], failures: [String]) {
        let reader = CitationReader()
        var byStyle: [String: ([String: Score], Int, Int, Int)] = [:]
        var failures: [String] = []
        for reference in references {
            let citation = reader.citations(in: reference.text).first { $0.reference == .none }
            var entry = byStyle[reference.style] ?? ([:], 0, 0, 0)
            let author = citation.map { $0.creators.first?.family ?? "-" }
            let year = citation.map { $0.year ?? "-" }
            entry.0["author", default: Score()].add(reference.author, author)
            entry.0["year", default: Score()].add(reference.year, year)
            if reference.title != "-" { entry.0["title", default: Score()].add(reference.title, citation?.title) }
            entry.0["kind", default: Score()].add(reference.kind, citation?.kind.rawValue)
            let authorRight = author.map { SourceKeys.fold($0) == SourceKeys.fold(reference.author) } ?? false
            let yearRight = year.map { SourceKeys.fold($0) == SourceKeys.fold(reference.year) } ?? false
            let wrong = citation != nil && (!authorRight || !yearRight)
            entry.1 += 1
            entry.2 += authorRight && yearRight ? 1 : 0
            entry.3 += wrong ? 1 : 0
            byStyle[reference.style] = entry
            if !(authorRight && yearRight) || citation?.kind.rawValue != reference.kind
                || (reference.title != "-" && SourceKeys.fold(citation?.title ?? "") != SourceKeys.fold(reference.title)) {
                failures.append("\(reference.style)\t\(wrong ? "WRONG" : (citation == nil ? "unread" : "partial"))\tgot \(citation?.kind.rawValue ?? "-")|\(author ?? "nil")|\(year ?? "nil")|\(citation?.title ?? "nil")\texpected \(reference.kind)|\(reference.author)|\(reference.year)|\(reference.title)\t\(reference.text)")
            }
        }
        let rows = byStyle.keys.sorted().map { ($0, byStyle[$0]!.0, byStyle[$0]!.1, byStyle[$0]!.2, byStyle[$0]!.3) }
        return (rows, failures)
    }

    static func table(_ rows: [(String, [String: Score], Int, Int, Int)]) -> String {
        func pct(_ x: Double) -> String { String(format: "%5.1f", x * 100) }
        var lines = ["style                        refs  author+year  wrong a/y | author P/R     year P/R       title P/R      kind P/R"]
        var total: [String: Score] = [:]
        var n = 0, right = 0, wrong = 0
        for (style, scores, count, r, w) in rows + [] {
            n += count; right += r; wrong += w
            for (field, s) in scores {
                total[field, default: Score()].correct += s.correct
                total[field, default: Score()].wrong += s.wrong
                total[field, default: Score()].missing += s.missing
            }
            lines.append(line(style, scores, count, r, w))
        }
        lines.append(line("ALL", total, n, right, wrong))
        return lines.joined(separator: "\n")

        func line(_ style: String, _ scores: [String: Score], _ count: Int, _ r: Int, _ w: Int) -> String {
            let fields = ["author", "year", "title", "kind"].map { f -> String in
                let s = scores[f] ?? Score()
                return "\(pct(s.precision)) \(pct(s.recall))  "
            }.joined(separator: " ")
            return style.padding(toLength: 28, withPad: " ", startingAt: 0)
                + String(format: " %4d  %5.1f%%       %4.1f%%     | ", count, Double(r) / Double(count) * 100, Double(w) / Double(count) * 100)
                + fields
        }
    }

    @Test func firstAuthorAndYearMeetTheTargets() throws {
        let references = try Self.load()
        #expect(references.count >= 300)
        let (rows, failures) = Self.evaluate(references)
        let n = rows.reduce(0) { $0 + $1.2 }
        let right = rows.reduce(0) { $0 + $1.3 }
        let wrong = rows.reduce(0) { $0 + $1.4 }
        if let mode = ProcessInfo.processInfo.environment["CITATION_REPORT"] {
            print(Self.table(rows))
            if mode == "verbose" { print(failures.joined(separator: "\n")) }
        }
        #expect(Double(right) / Double(n) >= 0.90, "first author and year right for \(right) of \(n)")
        #expect(Double(wrong) / Double(n) <= 0.02, "a wrong author or year for \(wrong) of \(n)")
    }
}
