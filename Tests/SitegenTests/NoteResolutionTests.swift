// Note resolution across chapter files: global numbering, every reference linked to its
// note, every note linked back to every reference (across pages too), accessible markup.

import Testing
@testable import Sitegen

struct NoteResolutionTests {
    static let site = [
        "report/01-first.md": "---\ntitle: First\n---\nAlpha.[^1] Beta.[^2]\n\n## A section\n\nGamma, citing one again.[^1]\n",
        "report/02-second.md": "---\ntitle: Second\n---\nDelta.[^3] And once more.[^1]\n",
        "report/notes.md": "---\ntitle: Notes\n---\n[^1]: Note one, see <https://example.org/a> and https://example.org/b.\n\n[^2]: Note *two*.\n\n[^3]: Note three.\n",
    ]

    @Test func referencesHaveGlobalIdsAndLinkToTheirNotes() throws {
        let result = TestSite.build(Self.site, strict: true)
        #expect(result.lines == [])
        let first = try #require(result.text("report/first/index.html"))
        #expect(first.contains(##"<sup class="note-ref"><a href="#note-1" id="ref-1-1" role="doc-noteref" aria-describedby="notes-label">1</a></sup>"##))
        #expect(first.contains(##"href="#note-2" id="ref-2-1""##))
        #expect(first.contains(##"href="#note-1" id="ref-1-2""##))
        let second = try #require(result.text("report/second/index.html"))
        #expect(second.contains(##"href="#note-3" id="ref-3-1""##))
        #expect(second.contains(##"href="#note-1" id="ref-1-3""##))
    }

    @Test func notesLinkBackToEveryReferenceAcrossPages() throws {
        let result = TestSite.build(Self.site)
        let first = try #require(result.text("report/first/index.html"))
        // Note 1 is listed on the first chapter (where it is first cited) with three back-links.
        #expect(first.contains(##"<li id="note-1" value="1">"##))
        #expect(first.contains(##"href="#ref-1-1" class="note-backref" aria-label="Back to reference 1 of 3 to note 1""##))
        #expect(first.contains(##"href="#ref-1-2" class="note-backref""##))
        #expect(first.contains(##"href="/report/second/#ref-1-3" class="note-backref" aria-label="Back to reference 3 of 3 to note 1 in “Second”""##))
        #expect(!first.contains(##"id="note-3""##))
        // The second chapter lists the notes it cites too, note 1 included.
        let second = try #require(result.text("report/second/index.html"))
        #expect(second.contains(##"<li id="note-1" value="1">"##))
        #expect(second.contains(##"href="/report/first/#ref-1-1" class="note-backref""##))
        #expect(second.contains(##"href="#ref-1-3" class="note-backref""##))
        let notes = try #require(result.text("report/notes/index.html"))
        for n in 1...3 { #expect(notes.contains(##"<li id="note-\##(n)""##)) }
        #expect(notes.contains(##"href="/report/first/#ref-1-1""##))
        #expect(notes.contains(##"href="/report/second/#ref-3-1""##))
        #expect(notes.contains(##"aria-label="Back to the reference to note 2 in “First”""##))
        #expect(first.contains(##"aria-label="Back to the reference to note 2 in the text""##))
    }

    @Test func notesSectionIsLabelled() throws {
        let first = try #require(TestSite.build(Self.site).text("report/first/index.html"))
        #expect(first.contains(##"<section class="footnotes" aria-labelledby="notes-label"><h2 id="notes-label">Notes</h2>"##))
    }

    @Test func urlsInNotesBecomeSafeLinks() throws {
        let notes = try #require(TestSite.build(Self.site).text("report/notes/index.html"))
        #expect(notes.contains(##"<a href="https://example.org/a" rel="noopener noreferrer" class="url">https://example.org/a</a>"##))
        // Each external address also offers its archived copy.
        #expect(notes.contains(##"<a href="https://example.org/b" rel="noopener noreferrer" class="url">https://example.org/b</a> <a href="https://web.archive.org/web/2021/https://example.org/b" class="archive" rel="noopener noreferrer" aria-label="Archived copy of this address">archived</a>."##))
        #expect(notes.contains("Note <em>two</em>."))
    }

    @Test func paragraphsHaveStableIdsPerSection() throws {
        let first = try #require(TestSite.build(Self.site).text("report/first/index.html"))
        #expect(first.contains(##"<p id="first-p1">Alpha."##))
        #expect(first.contains(##"<h2 id="a-section">A section</h2>"##))
        #expect(first.contains(##"<p id="a-section-p1">Gamma"##))
    }

    @Test func fullReportHoldsEveryChapterAndNoteWithLocalBackLinks() throws {
        let full = try #require(TestSite.build(Self.site).text("report/full/index.html"))
        for id in ["ref-1-1", "ref-1-2", "ref-1-3", "ref-2-1", "ref-3-1", "note-1", "note-2", "note-3", "first-p1", "second-p1"] {
            #expect(full.contains(##"id="\##(id)""##), "missing \(id)")
        }
        #expect(full.contains(##"href="#ref-1-3" class="note-backref""##))
        #expect(full.contains(##"<h3 id="a-section">A section</h3>"##))
    }
}
