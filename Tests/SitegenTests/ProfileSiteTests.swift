// Profiles on a small site: mentions linked (first per section), listed on the profile page
// with their sentence and paragraph anchor; index pages; glossary; diagnostics; transcripts.

import Testing
@testable import Sitegen

struct ProfileSiteTests {
    static let site: [String: String] = TestSite.reportTypes.merging([
        "report/01-one.md": """
            ---
            title: One
            ---
            Captain Nyi Thuta left the army. Later Nyi Thuta spoke to the NUG.[^1]

            ## Nyi Thuta in a heading

            Here Nyi Thuta's group, the [People's Soldiers](https://example.org/ps), helped. The People's Soldiers grew.
            """,
        "report/notes.md": "---\ntitle: Notes\n---\n[^1]: Facebook post by 'Nyi Thuta'.\n",
        "report/abbreviations.md": """
            ---
            title: Abbreviations
            abbreviations:
              - term: NUG
                expansion: National Unity Government
                organisation: national-unity-government
              - term: KIA
                expansion: Kachin Independence Army
                editorial: "The printed list reads 'Kachin Independence Army (KIA)'."
            ---
            """,
        "people/nyi-thuta.md": """
            ---
            name: Nyi Thuta
            rank: Captain
            status: defector
            defected: 28 February 2021
            organisations: [peoples-soldiers]
            summary: A captain who defected.
            ---
            He defected from Naypyidaw.[^1]
            """,
        "organisations/peoples-soldiers.md": """
            ---
            name: People's Soldiers
            type: defector group
            related: [national-unity-government]
            ---
            """,
        "organisations/national-unity-government.md": """
            ---
            name: National Unity Government
            abbreviation: NUG
            type: parallel government
            ---
            """,
        "documents/talk.md": """
            ---
            title: A talk
            kind: transcript
            ---
            **Nyi Thuta** [00:01:05]: We left together.

            **Host**: Thank you.
            """,
    ]) { _, site in site }

    @Test func mentionsAreLinkedFirstPerSection() throws {
        let result = TestSite.build(Self.site, strict: true)
        #expect(result.lines == [])
        let page = try #require(result.text("report/one/index.html"))
        #expect(page.contains(#"<p id="one-p1"><a href="/people/nyi-thuta/" class="mention">Captain Nyi Thuta</a> left the army. Later Nyi Thuta spoke"#))
        // The heading is not linked, the next section links again; existing links are left alone.
        #expect(page.contains(#"<h2 id="nyi-thuta-in-a-heading">Nyi Thuta in a heading</h2>"#))
        #expect(page.contains(#"Here <a href="/people/nyi-thuta/" class="mention">Nyi Thuta</a>'s group, the <a href="https://example.org/ps" rel="noopener noreferrer">People's Soldiers</a>, helped. The <a href="/organisations/peoples-soldiers/" class="mention">People's Soldiers</a> grew."#))
        // The first use of an abbreviation on the page is marked up (here it is also a mention).
        #expect(page.contains(#"<a href="/organisations/national-unity-government/" class="mention">NUG</a>"#))
    }

    @Test func profilePageListsEveryMentionWithItsSentenceAndAnchor() throws {
        let result = TestSite.build(Self.site, strict: true)
        let profile = try #require(result.text("people/nyi-thuta/index.html"))
        #expect(profile.contains(#"<a href="/report/one/#one-p1">One, paragraph 1</a> <q>Captain Nyi Thuta left the army.</q>"#))
        #expect(profile.contains(#"<a href="/report/one/#one-p1">One, paragraph 1</a> <q>Later Nyi Thuta spoke to the NUG.</q>"#))
        #expect(profile.contains(#"<a href="/report/one/#nyi-thuta-in-a-heading-p1">Nyi Thuta in a heading, paragraph 1</a> <q>Here Nyi Thuta&#39;s group"#))
        #expect(profile.contains(#"<a href="/report/notes/#note-1">Note 1</a> <q>Facebook post by &#39;Nyi Thuta&#39;.</q>"#))
        #expect(profile.contains(#"<a href="/documents/talk/#talk-turn1">Speaker turn at 00:01:05</a> <q>We left together.</q>"#))
        #expect(profile.contains(#"<dt>Defected</dt><dd>28 February 2021</dd>"#))
        #expect(profile.contains(#"<a href="/organisations/peoples-soldiers/">People&#39;s Soldiers</a>"#))
        // The body's note reference points to the Notes page.
        #expect(profile.contains(#"<a href="/report/notes/#note-1" role="doc-noteref" aria-label="Note 1">1</a>"#))
    }

    @Test func organisationPagesDeriveMembersAndRelations() throws {
        let result = TestSite.build(Self.site, strict: true)
        let group = try #require(result.text("organisations/peoples-soldiers/index.html"))
        #expect(group.contains(#"<dt>Members and people linked to it</dt><dd><ul class="inline-list"><li><a href="/people/nyi-thuta/">Nyi Thuta</a></li></ul></dd>"#))
        let nug = try #require(result.text("organisations/national-unity-government/index.html"))
        #expect(nug.contains(#"<dt>Related organisations</dt><dd><ul class="inline-list"><li><a href="/organisations/peoples-soldiers/">People&#39;s Soldiers</a></li></ul></dd>"#))
        let people = try #require(result.text("people/index.html"))
        #expect(people.contains(#"<h2 id="defectors">Defectors</h2>"#))
        #expect(people.contains(#"<a class="profile-name" href="/people/nyi-thuta/">Nyi Thuta</a> <span class="profile-detail">Captain · People&#39;s Soldiers</span>"#))
        let organisations = try #require(result.text("organisations/index.html"))
        #expect(organisations.contains(#"<h2 id="defector-groups">Defector groups</h2>"#))
        #expect(organisations.contains(#"<h2 id="parallel-government">Parallel government</h2>"#))
    }

    @Test func glossaryLinksAndShowsCorrections() throws {
        let result = TestSite.build(Self.site, strict: true)
        let glossary = try #require(result.text("report/abbreviations/index.html"))
        #expect(glossary.contains(#"<dt id="abbr-nug"><abbr title="National Unity Government">NUG</abbr></dt><dd><a href="/organisations/national-unity-government/">National Unity Government</a></dd>"#))
        #expect(glossary.contains("[Editorial note:</span> The printed list reads &#39;Kachin Independence Army (KIA)&#39;.]"))
        let editorial = try #require(result.text("editorial-notes/index.html"))
        #expect(editorial.contains(#"<a href="/report/abbreviations/#abbr-kia">KIA</a>"#))
    }

    @Test func transcriptTurnsHaveAnchorsAndLinkedSpeakers() throws {
        let result = TestSite.build(Self.site, strict: true)
        let talk = try #require(result.text("documents/talk/index.html"))
        #expect(talk.contains(#"<p id="talk-turn1" class="turn"><span class="speaker"><a href="/people/nyi-thuta/">Nyi Thuta</a></span> <time class="timestamp">00:01:05</time>: We left together.</p>"#))
        #expect(talk.contains(#"<p id="talk-turn2" class="turn"><span class="speaker">Host</span>: Thank you.</p>"#))
    }

    @Test func profileDiagnostics() {
        var site = Self.site
        site["people/ghost.md"] = "---\nname: Nobody Here\nstatus: civilian\norganisations: [no-such-group]\n---\n"
        site["people/other.md"] = "---\nname: Other Person\naliases: [Nyi Thuta]\nstatus: civilian\n---\n"
        site["people/typo.md"] = "---\nname: Typo\nstatus: general\n---\n"
        site["people/close.md"] = "---\nname: Close Typo\nstatus: defecter\nrnak: Captain\norganisations: [peoples-soldier]\n---\n"
        let result = TestSite.build(site)
        #expect(result.lines.contains("content/people/ghost.md:4:17: error[profile-unknown-slug]: organisations names 'no-such-group', but there is no organisation profile with that slug"))
        #expect(result.lines.contains("content/people/ghost.md:2: warning[profile-unmentioned]: 'Nobody Here' is mentioned nowhere in the report, its notes or the documents; check its name and aliases"))
        #expect(result.lines.contains { $0.hasPrefix("content/people/other.md:3:11: warning[profile-alias-ambiguous]: 'Nyi Thuta' is a name of person 'nyi-thuta' and person 'other'") })
        #expect(result.lines.contains("content/people/typo.md:3:9: error[profile-unknown-value]: 'general' is not an allowed value of 'status'; allowed: defector, deserter, in-service soldier, civilian, official, analyst, author"))
        // Close matches are suggested: a value, a field, a slug.
        #expect(result.lines.contains { $0.hasPrefix("content/people/close.md:3:9: error[profile-unknown-value]: 'defecter' is not an allowed value of 'status'; allowed: defector,") && $0.hasSuffix("; did you mean 'defector'?") })
        #expect(result.lines.contains { $0.hasPrefix("content/people/close.md:4:1: error[profile-unknown-field]: 'rnak' is not a field of a person profile (type 'person'); its fields are: name, abbreviation, summary, status, rank,") && $0.hasSuffix("; did you mean 'rank'?") })
        #expect(result.lines.contains("content/people/close.md:5:17: error[profile-unknown-slug]: organisations names 'peoples-soldier', but there is no organisation profile with that slug; did you mean 'peoples-soldiers'?"))
    }
}
