// Each defect of endnote numbering and definition, in a small site of its own, with the
// exact diagnostic line the build prints.

import Testing
@testable import Sitegen

struct NoteDiagnosticsTests {
    static let notesHeader = "---\ntitle: Notes\n---\n"

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var chapter: String
        var notes: String
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "clean", chapter: "One.[^1] Two.[^2]\n",
             notes: "[^1]: First.\n\n[^2]: Second.\n", expected: []),
        Case(name: "reference to an undefined note", chapter: "One.[^1] Two.[^2]\n",
             notes: "[^1]: First.\n",
             expected: ["content/report/01-one.md:4:14: error[note-undefined]: reference to note 2, which has no definition"]),
        Case(name: "note never referenced", chapter: "One.[^1]\n",
             notes: "[^1]: First.\n\n[^2]: Second.\n",
             expected: ["content/report/notes.md:6:1: warning[note-never-referenced]: note 2 is defined but no text references it"]),
        Case(name: "duplicate definition", chapter: "One.[^1]\n",
             notes: "[^1]: First.\n\n[^1]: Again.\n",
             expected: ["content/report/notes.md:6:1: error[note-duplicate-definition]: note 1 is defined twice; the first definition is at content/report/notes.md:4"]),
        Case(name: "empty note", chapter: "One.[^1]\n",
             notes: "[^1]:\n",
             expected: ["content/report/notes.md:4:1: warning[note-empty]: note 1 has no text"]),
        Case(name: "marker skips a number", chapter: "One.[^1] Three.[^3]\n",
             notes: "[^1]: First.\n\n[^2]: Second.\n\n[^3]: Third.\n",
             expected: [
                // One cause, one diagnostic: the skipped note is not also reported as never referenced.
                "content/report/01-one.md:4:16: warning[note-out-of-sequence]: marker 3 follows marker 1: note 2 is skipped",
             ]),
        Case(name: "marker repeats where the next was expected", chapter: "One.[^1] Again.[^1] Three.[^3]\n",
             notes: "[^1]: First.\n\n[^2]: Second.\n\n[^3]: Third.\n",
             expected: [
                "content/report/01-one.md:4:16: warning[note-out-of-sequence]: marker 1 repeats an earlier number where note 2 was expected",
             ]),
        Case(name: "note first cited after a higher one", chapter: "Two.[^2] One.[^1]\n",
             notes: "[^1]: First.\n\n[^2]: Second.\n",
             expected: [
                "content/report/01-one.md:4:14: warning[note-out-of-sequence]: note 1 is first referenced after note 2; notes are numbered in reading order",
             ]),
        Case(name: "a later citation of an earlier note is fine", chapter: "One.[^1] Two.[^2] See again.[^1] Three.[^3]\n",
             notes: "[^1]: First.\n\n[^2]: Second.\n\n[^3]: Third.\n", expected: []),
        Case(name: "column counts characters, not bytes", chapter: "‘Ünïcode’ text.[^1]\n",
             notes: "[^2]: Other.\n",
             expected: [
                "content/report/01-one.md:4:16: error[note-undefined]: reference to note 1, which has no definition",
                "content/report/notes.md:4:1: warning[note-never-referenced]: note 2 is defined but no text references it",
             ]),
    ]

    @Test("note diagnostics", arguments: cases)
    func diagnostics(_ c: Case) {
        let result = TestSite.build([
            "report/01-one.md": "---\ntitle: One\n---\n" + c.chapter,
            "report/notes.md": Self.notesHeader + c.notes,
        ])
        #expect(result.lines == c.expected)
    }

    @Test func strictTurnsWarningsIntoErrors() {
        let site = [
            "report/01-one.md": "---\ntitle: One\n---\nOne.[^1]\n",
            "report/notes.md": Self.notesHeader + "[^1]: First.\n\n[^2]: Second.\n",
        ]
        #expect(TestSite.build(site).succeeded)
        let strict = TestSite.build(site, strict: true)
        #expect(!strict.succeeded)
        #expect(strict.lines == ["content/report/notes.md:6:1: error[note-never-referenced]: note 2 is defined but no text references it"])
    }

    @Test func declaredDefectIsSilencedAndShownToReaders() {
        let notes = """
            ---
            title: Notes
            declared:
              - note: 2
                codes: [note-never-referenced]
                explanation: No marker for note 2 appears in the printed text.
            ---
            [^1]: First.

            [^2]: Second.
            """
        let result = TestSite.build([
            "report/01-one.md": "---\ntitle: One\n---\nOne.[^1]\n",
            "report/notes.md": notes,
        ], strict: true)
        #expect(result.lines == [])
        let notesPage = result.text("report/notes/index.html") ?? ""
        #expect(notesPage.contains("No marker for note 2 appears in the printed text."))
        let editorialPage = result.text("editorial-notes/index.html") ?? ""
        #expect(editorialPage.contains("No marker for note 2 appears in the printed text."))
        #expect(editorialPage.contains("href=\"/report/notes/#note-2\""))
    }

    @Test func declarationThatMatchesNothingIsReported() {
        let notes = "---\ntitle: Notes\ndeclared:\n  - note: 1\n    codes: [note-empty]\n    explanation: x\n---\n[^1]: First.\n"
        let result = TestSite.build([
            "report/01-one.md": "---\ntitle: One\n---\nOne.[^1]\n",
            "report/notes.md": notes,
        ])
        #expect(result.lines == ["content/report/notes.md:2: warning[note-declaration-unused]: the declared problem of note 1 (note-empty) no longer occurs; remove the declaration"])
    }
}
