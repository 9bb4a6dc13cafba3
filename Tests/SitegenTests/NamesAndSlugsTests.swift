// Careless names (issue 10, item 10): a profile name written decomposed (NFD) in one file and
// composed (NFC) in another still links; file names that cannot be part of a web address are
// refused with a clear error (never `href="/people/Ünïcode Slug/"`); an unknown slug points at
// the slug itself, line and column.

import Foundation
import Testing
@testable import Sitegen

struct NamesAndSlugsTests {
    static let composed = "B\u{FC}nthe Aye", decomposed = "Bu\u{308}nthe Aye"

    static func site(profileName: String, text: String) -> [String: String] {
        TestSite.reportTypes.merging([
            "report/01-one.md": "---\ntitle: One\n---\nAs \(text) said.[^1]\n",
            "report/notes.md": "---\ntitle: Notes\n---\n[^1]: Interview with \(text).\n",
            "people/bunthe-aye.md": "---\nname: \(profileName)\nstatus: analyst\nsummary: An analyst.\n---\n",
        ]) { _, site in site }
    }

    @Test(arguments: [(composed, decomposed), (decomposed, composed), (composed, composed), (decomposed, decomposed)])
    func aNameLinksWhateverItsNormalForm(_ profileName: String, _ written: String) throws {
        let result = TestSite.build(Self.site(profileName: profileName, text: written), strict: true)
        #expect(result.lines == [])
        let chapter = try #require(result.text("report/one/index.html"))
        #expect(chapter.contains(#"<a href="/people/bunthe-aye/""#), "no link to the profile")
        // The text keeps the form it was written in.
        #expect(Data(chapter.utf8).range(of: Data("As <a href=\"/people/bunthe-aye/\"".utf8)) != nil)
        #expect(Data(chapter.utf8).range(of: Data(">\(written)</a>".utf8)) != nil)
    }

    struct SlugCase: CustomTestStringConvertible, Sendable {
        var path: String
        var message: String
        var testDescription: String { path }
    }

    static let slugCases: [SlugCase] = [
        SlugCase(path: "people/Ünïcode Slug.md",
                 message: "the file name 'Ünïcode Slug' cannot be part of a web address: name it with lowercase letters a–z, digits, '-' and '_' only, e.g. 'unicode-slug.md'"),
        SlugCase(path: "report/02-Second Part.md",
                 message: "the file name '02-Second Part' cannot be part of a web address: name it with lowercase letters a–z, digits, '-' and '_' only, e.g. '02-second-part.md'"),
        SlugCase(path: "documents/a&b?c#d.md",
                 message: "the file name 'a&b?c#d' cannot be part of a web address: name it with lowercase letters a–z, digits, '-' and '_' only, e.g. 'a-b-c-d.md'"),
        SlugCase(path: "About Us/team.md",
                 message: "the folder name 'About Us' cannot be part of a web address: name it with lowercase letters a–z, digits, '-' and '_' only, e.g. 'about-us'"),
        // Upper case is refused too: `Nyi-Thuta.md` and `nyi-thuta.md` would be one file on a
        // case-insensitive disk and two addresses on the web.
        SlugCase(path: "people/Nyi-Thuta.md",
                 message: "the file name 'Nyi-Thuta' cannot be part of a web address: name it with lowercase letters a–z, digits, '-' and '_' only, e.g. 'nyi-thuta.md'"),
    ]

    @Test(arguments: slugCases)
    func fileNamesThatAreNotURLSafeAreRefused(_ item: SlugCase) {
        var site = Self.site(profileName: "Nyi Thuta", text: "Nyi Thuta")
        site["people/nyi-thuta.md"] = "---\nname: Nyi Thuta\nstatus: defector\n---\n"
        site.removeValue(forKey: "people/bunthe-aye.md")
        site[item.path] = "---\nname: Someone Else\ntitle: A page\nkind: summary\nstatus: analyst\n---\nText.\n"
        let result = TestSite.build(site)
        #expect(result.lines.contains("content/\(item.path): error[content-slug-invalid]: \(item.message)"), "\(result.lines)")
        // Nothing is written under a name that is not URL-safe.
        #expect(result.files.allSatisfy { $0.path.utf8.allSatisfy { $0 < 0x80 && $0 != 0x20 } })
    }

    @Test func safeNamesPass() {
        for (folder, stem) in [("people", "nyi-thuta"), ("report", "01-one"), ("", "about_us"), ("guides/how-to", "step-2")] {
            #expect(ContentLoader.slugProblem(folder: folder, stem: stem) == nil, "\(folder)/\(stem)")
        }
    }

    @Test func unknownSlugsPointAtTheSlug() {
        var site = ProfileSiteTests.site
        // The unknown slug stands on line 6; "no-such" also appears (in a summary) on line 3.
        site["people/ghost.md"] = "---\nname: Nobody Here\nsummary: no-such thing is known\nstatus: civilian\norganisations:\n  - peoples-soldiers\n  - no-such\n---\n"
        site["data/timeline.yml"] = """
            type: timeline
            events:
              - date: "2021-02-01"
                title: "Military coup"
                people: [nyi-thuta, nobody-at-all]
                organisations:
                  - peoples-soldiers
                  - no-such-group
            """
        site["timeline.md"] = "---\ntitle: Dates\n---\n"
        let result = TestSite.build(site)
        #expect(result.lines.contains("content/people/ghost.md:7:5: error[profile-unknown-slug]: organisations names 'no-such', but there is no organisation profile with that slug"), "\(result.lines)")
        #expect(result.lines.contains("content/data/timeline.yml:5:25: error[profile-unknown-slug]: people names 'nobody-at-all', but there is no person profile with that slug"), "\(result.lines)")
        #expect(result.lines.contains("content/data/timeline.yml:8:9: error[profile-unknown-slug]: organisations names 'no-such-group', but there is no organisation profile with that slug"), "\(result.lines)")
    }
}
