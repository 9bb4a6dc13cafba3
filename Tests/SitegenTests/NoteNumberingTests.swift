// Notes with names instead of numbers, and one cause, one diagnostic: a label like `[^kovats]`
// is numbered in order of first reference (as GFM and pandoc number every footnote) and the
// reader sees that number everywhere; an undefined note, a chapter that did not load or one
// that is missing gives one diagnostic, not a cascade.

import Foundation
import Testing
@testable import Sitegen

struct NoteNumberingTests {
    static let notesHeader = "---\ntitle: Notes\n---\n"

    @Test func namedNotesAreNumberedInOrderOfFirstReference() throws {
        let result = TestSite.build([
            "report/01-one.md": "---\ntitle: One\n---\nFirst.[^kovats] Second.[^alpha] Again.[^kovats]\n",
            "report/02-two.md": "---\ntitle: Two\n---\nThird.[^zeta]\n",
            "report/notes.md": Self.notesHeader + "[^alpha]: Alpha.\n\n[^kovats]: Kovats.\n\n[^zeta]: Zeta.\n",
        ], strict: true)
        #expect(result.lines == [])
        let one = try #require(result.text("report/one/index.html"))
        #expect(one.contains(##"<a href="#note-kovats" id="ref-kovats-1" role="doc-noteref" aria-describedby="notes-label">1</a>"##))
        #expect(one.contains(##"<a href="#note-alpha" id="ref-alpha-1" role="doc-noteref" aria-describedby="notes-label">2</a>"##))
        #expect(one.contains(##"<a href="#note-kovats" id="ref-kovats-2" role="doc-noteref" aria-describedby="notes-label">1</a>"##))
        #expect(one.contains(##"<li id="note-kovats" value="1">"##))
        #expect(one.contains(##"<li id="note-alpha" value="2">"##))
        #expect(one.contains("Back to reference 1 of 2 to note 1"))
        #expect(!one.contains(">kovats<"), "the label itself is never shown")
        let kovats = try #require(one.range(of: "id=\"note-kovats\"")), alpha = try #require(one.range(of: "id=\"note-alpha\""))
        #expect(kovats.lowerBound < alpha.lowerBound, "listed in number order, not label order")
        let notes = try #require(result.text("report/notes/index.html"))
        #expect(notes.contains(##"<li id="note-zeta" value="3">"##))
        #expect(notes.contains("Back to the reference to note 3 in “Two”"))
        let full = try #require(result.text("report/full/index.html"))
        #expect(full.contains(##"aria-describedby="notes-label">3</a>"##))
        let search = result.files.filter { $0.path.hasPrefix("search/") }.map { String(decoding: $0.data, as: UTF8.self) }.joined()
        #expect(!search.contains("Note kovats"))
        let table = try #require(result.files.first { $0.path == "search/records.json" })
        let records = try #require(try JSONSerialization.jsonObject(with: table.data) as? [String: Any])
        let strings = try #require(records["strings"] as? [String]), rows = try #require(records["records"] as? [[Int]])
        let titles = Set(rows.map { SearchIndexFiles.joined(strings[$0[1]], $0[2]) })
        #expect(titles.isSuperset(of: ["Note 1", "Note 2", "Note 3"]) && !titles.contains("Note kovats"), "\(titles)")
    }

    @Test func numericLabelsKeepTheirNumberAndNamedOnesFollow() throws {
        let result = TestSite.build([
            "report/01-one.md": "---\ntitle: One\n---\nA.[^1] B.[^extra] C.[^2]\n",
            "report/notes.md": Self.notesHeader + "[^1]: One.\n\n[^2]: Two.\n\n[^extra]: Extra.\n",
        ], strict: true)
        #expect(result.lines == [])
        let one = try #require(result.text("report/one/index.html"))
        #expect(one.contains(##"id="ref-extra-1" role="doc-noteref" aria-describedby="notes-label">3</a>"##))
        #expect(one.contains(##"<li id="note-2" value="2">"##))
        #expect(one.contains(##"<li id="note-extra" value="3">"##))
    }

    @Test func anUndefinedNoteIsOneDiagnostic() {
        // Before: 99 raised the "highest marker", and each of notes 3–8 was "first referenced after note 99".
        let result = TestSite.build([
            "report/01-one.md": "---\ntitle: One\n---\nA.[^1] B.[^2] Typo.[^99] C.[^3] D.[^4] E.[^5] F.[^6] G.[^7] H.[^8]\n",
            "report/notes.md": Self.notesHeader + (1...8).map { "[^\($0)]: Note \($0).\n" }.joined(separator: "\n"),
        ])
        #expect(result.lines == ["content/report/01-one.md:4:20: error[note-undefined]: reference to note 99, which has no definition"])
    }

    @Test func aChapterWithBrokenFrontMatterIsOneDiagnostic() {
        // Chapter two's notes 3–6 are cited by a file whose front matter does not decode.
        let result = TestSite.build([
            "report/01-one.md": "---\ntitle: One\n---\nA.[^1] B.[^2]\n",
            "report/02-two.md": "---\ntitel: Two\n---\nC.[^3] D.[^4] E.[^5] F.[^6]\n",
            "report/03-three.md": "---\ntitle: Three\n---\nG.[^7]\n",
            "report/notes.md": Self.notesHeader + (1...7).map { "[^\($0)]: Note \($0).\n" }.joined(separator: "\n"),
        ])
        #expect(result.lines.count == 1)
        #expect(result.lines.first?.hasPrefix("content/report/02-two.md:2") == true)
        #expect(result.lines.first?.contains("[front-matter-missing-field]") == true)
    }

    @Test func aMissingChapterIsOneDiagnostic() {
        // 02-two.md (notes 3–6) is not there: one out-of-sequence warning names the gap.
        let result = TestSite.build([
            "report/01-one.md": "---\ntitle: One\n---\nA.[^1] B.[^2]\n",
            "report/03-three.md": "---\ntitle: Three\n---\nG.[^7]\n",
            "report/notes.md": Self.notesHeader + (1...7).map { "[^\($0)]: Note \($0).\n" }.joined(separator: "\n"),
        ])
        #expect(result.lines == ["content/report/03-three.md:4:3: warning[note-out-of-sequence]: marker 7 follows marker 2: notes 3–6 are skipped"])
    }

    @Test func aMissingLastChapterIsOneDiagnostic() {
        let result = TestSite.build([
            "report/01-one.md": "---\ntitle: One\n---\nA.[^1] B.[^2]\n",
            "report/notes.md": Self.notesHeader + (1...7).map { "[^\($0)]: Note \($0).\n" }.joined(separator: "\n"),
        ])
        #expect(result.lines == ["content/report/notes.md:8:1: warning[note-never-referenced]: notes 3–7 (5 notes) are defined but no text references them; is a chapter that cites them missing?"])
    }

    @Test func aContentFolderWithOnlyTheIndexBuildsWithAWarning() {
        let result = TestSite.build([:])
        #expect(result.succeeded)
        #expect(result.lines == ["content/index.md: warning[content-no-chapters]: the report has no chapters: add Markdown files to report/, named with their number first (e.g. 'report/01-introduction.md')"])
    }
}
