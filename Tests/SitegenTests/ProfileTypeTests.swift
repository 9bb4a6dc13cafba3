// Profile types declared in content: the built-in person and organisation types that fit any
// report (general English honorifics, no grouping by a report's statuses), a collection of
// the site's own (places), field checks with positions and suggestions, and errors in type
// files themselves.

import Testing
@testable import Sitegen

struct ProfileTypeTests {
    /// A site with no `types/` folder: the built-in types apply.
    static let plain: [String: String] = [
        "report/01-one.md": """
            ---
            title: One
            ---
            Professor Elena Ortega met Mr Dahl at the Institute for Heat Studies. Later Elena Ortega wrote to Dr. Ama Mensah.
            """,
        "people/elena-ortega.md": "---\nname: Elena Ortega\nrole: epidemiologist\norganisations: [ihs]\n---\n",
        "people/dahl.md": "---\nname: Dahl\n---\n",
        "people/ama-mensah.md": "---\nname: Ama Mensah\n---\n",
        "organisations/ihs.md": "---\nname: Institute for Heat Studies\nabbreviation: IHS\ntype: research institute\n---\n",
    ]

    @Test func builtInTypesFitAnyReport() throws {
        let result = TestSite.build(Self.plain, strict: true)
        #expect(result.lines == [])
        let page = try #require(result.text("report/one/index.html"))
        // General English honorifics belong to the mention.
        #expect(page.contains(#"<a href="/people/elena-ortega/" class="mention">Professor Elena Ortega</a> met <a href="/people/dahl/" class="mention">Mr Dahl</a>"#))
        #expect(page.contains(#"<a href="/people/ama-mensah/" class="mention">Dr. Ama Mensah</a>"#))
        // The people index is grouped by initial, with the role and organisations beside each name.
        let people = try #require(result.text("people/index.html"))
        #expect(people.contains(#"<h2 id="e">E</h2>"#))
        #expect(people.contains(#"<span class="profile-detail">epidemiologist · IHS</span>"#))
        let ortega = try #require(result.text("people/elena-ortega/index.html"))
        #expect(ortega.contains(#"<dt>Role</dt><dd>epidemiologist</dd>"#))
        #expect(ortega.contains(#"<p class="eyebrow">Person</p>"#))
        let ihs = try #require(result.text("organisations/ihs/index.html"))
        #expect(ihs.contains(#"<p class="eyebrow">Organisation · Research institute</p>"#))
        #expect(ihs.contains(#"<dt>Members and people linked to it</dt><dd><ul class="inline-list"><li><a href="/people/elena-ortega/">Elena Ortega</a></li></ul></dd>"#))
        let organisations = try #require(result.text("organisations/index.html"))
        #expect(organisations.contains(#"<h2 id="research-institutes">Research institutes</h2>"#))
        #expect(organisations.contains(#"<span class="profile-detail">IHS · 1 person</span>"#))
    }

    @Test func theShippedReportsRanksAreNotBuiltIn() {
        let type = ContentLoader.profileTypes([:]).0.first { $0.name == "person" }
        #expect(type?.honorifics.contains("Professor") == true)
        for rank in ["Captain", "Sergeant", "General", "Senior General", "Commander-in-Chief"] {
            #expect(type?.honorifics.contains(rank) == false)
        }
        #expect(type?.fields.map(\.name).contains("status") == false)
    }

    /// A site with a collection of its own: places, grouped by kind, referenced by people.
    static let places: [String: String] = [
        "types/place.yml": """
            folder: places
            label: Place
            title: Places
            description: "The cities of the study."
            group_by: kind
            detail: [population]
            search_label: [kind]
            fields:
              kind:
                type: text
                label: Kind
                required: true
                values:
                  - {value: city, label: City, group: Cities, order: 2}
                  - {value: region, label: Region, group: Regions, order: 1}
              population: {type: number, label: Population}
              coastal: {type: yes/no, label: Coastal, default: false}
              surveyed: {type: date, label: Surveyed}
              residents: {type: reference, to: person, inverse: home, label: Residents}
            """,
        "types/person.yml": """
            fields:
              home: {type: reference, to: place, label: Lives in}
            """,
        "report/01-one.md": "---\ntitle: One\n---\nIn Seville and in Andalusia, Nadia Ruiz counted the days.\n",
        "places/seville.md": "---\nname: Seville\nkind: city\npopulation: 684234\ncoastal: false\nsurveyed: 2022-07-14\n---\n",
        "places/andalusia.md": "---\nname: Andalusia\nkind: region\n---\n",
        "people/nadia-ruiz.md": "---\nname: Nadia Ruiz\nhome: seville\n---\n",
        "data/timeline.yml": "type: timeline\nfrom_profiles:\n  - {collection: places, date: surveyed, title: \"{name} surveyed ({kind})\"}\n",
    ]

    @Test func aCollectionOfTheSitesOwn() throws {
        let result = TestSite.build(Self.places, strict: true)
        #expect(result.lines == [])
        let page = try #require(result.text("report/one/index.html"))
        #expect(page.contains(#"In <a href="/places/seville/" class="mention">Seville</a> and in <a href="/places/andalusia/" class="mention">Andalusia</a>"#))
        let seville = try #require(result.text("places/seville/index.html"))
        #expect(seville.contains(#"<p class="eyebrow">Place · City</p>"#))
        #expect(seville.contains(#"<dt>Population</dt><dd>684234</dd>"#))
        #expect(seville.contains(#"<dt>Coastal</dt><dd>No</dd>"#))
        #expect(seville.contains(#"<dt>Residents</dt><dd><ul class="inline-list"><li><a href="/people/nadia-ruiz/">Nadia Ruiz</a></li></ul></dd>"#))
        let nadia = try #require(result.text("people/nadia-ruiz/index.html"))
        #expect(nadia.contains(#"<dt>Lives in</dt><dd><ul class="inline-list"><li><a href="/places/seville/">Seville</a></li></ul></dd>"#))
        // The index follows the values' order positions: regions before cities.
        let index = try #require(result.text("places/index.html"))
        let regions = try #require(index.range(of: #"<h2 id="regions">Regions</h2>"#))
        let cities = try #require(index.range(of: #"<h2 id="cities">Cities</h2>"#))
        #expect(regions.lowerBound < cities.lowerBound)
        #expect(index.contains(#"<span class="profile-detail">684234</span>"#))
        // Navigation, search and timeline know the collection.
        #expect(page.contains(#"<a href="/places/">Places</a>"#))
        let meta = try #require(result.text("search/records.json"))
        #expect(meta.contains(#""kinds":["chapter","note","person","organisation","document","glossary","place"]"#))
        let timeline = try #require(result.text("timeline/index.html"))
        #expect(timeline.contains("Seville surveyed (City)"))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var files: [String: String]
        var expected: String
        var testDescription: String { expected }
    }

    static let errors: [Case] = [
        // Type files: unknown keys, field types, references, grouping.
        Case(files: ["types/place.yml": "folder: places\ngruop_by: kind\n"],
             expected: "content/types/place.yml:2:1: error[type-unknown-key]: unknown key 'gruop_by' in the profile type 'place'; expected one of: folder, label, title, description, group_by, detail, search_label, honorifics, fields, schema; did you mean 'group_by'?"),
        Case(files: ["types/place.yml": "fields:\n  size: {type: nubmer}\n"],
             expected: "content/types/place.yml:2:16: error[type-invalid]: 'nubmer' is not a field type; expected one of: text, number, date, list, yes/no, reference; did you mean 'number'?"),
        Case(files: ["types/place.yml": "fields:\n  mayor: {type: reference, to: persn}\n"],
             expected: "content/types/place.yml: error[type-invalid]: the field 'mayor' points to the type 'persn', which does not exist; the types are: person, organisation, place; did you mean 'person'?"),
        Case(files: ["types/place.yml": "group_by: kind\nfields:\n  kind: {type: text}\n"],
             expected: "content/types/place.yml: error[type-invalid]: group_by names 'kind', which needs allowed values and 'required: true' or a default"),
        Case(files: ["types/place.yml": "folder: report\n"],
             expected: "content/types/place.yml: error[type-invalid]: the folder 'report' holds other content; give the type 'place' a folder of its own"),
        // Profiles: types of values, required fields, computed fields.
        Case(files: ["types/place.yml": "folder: places\nfields:\n  population: {type: number, label: Population}\n",
                     "places/x.md": "---\nname: X\npopulation: many\n---\n"],
             expected: "content/places/x.md:3:13: error[front-matter-wrong-type]: 'population' should be a number, not 'many'"),
        Case(files: ["types/place.yml": "folder: places\nfields:\n  founded: {type: date}\n", "places/x.md": "---\nname: X\nfounded: long ago\n---\n"],
             expected: "content/places/x.md:3:10: error[front-matter-wrong-type]: 'founded' should be a date such as 2021-03-07, 7 March 2021 or March 2021, not 'long ago'"),
        Case(files: ["types/place.yml": "folder: places\nfields:\n  coastal: {type: yes/no}\n", "places/x.md": "---\nname: X\ncoastal: sometimes\n---\n"],
             expected: "content/places/x.md:3:10: error[front-matter-wrong-type]: 'coastal' should be true or false"),
        Case(files: ["types/place.yml": "folder: places\nfields:\n  kind: {type: text, required: true}\n", "places/x.md": "---\nname: X\n---\n"],
             expected: "content/places/x.md:2:1: error[front-matter-missing-field]: front matter is missing the required field 'kind' of a place profile (type 'place')"),
        Case(files: ["organisations/x.md": "---\nname: X\nmembers: [someone]\n---\n"],
             expected: "content/organisations/x.md:3:1: error[profile-unknown-field]: 'members' is computed from the other side of the relation, not written here"),
        Case(files: ["organisations/x.md": "---\nname: X\ntype: charity\n---\n"],
             expected: "content/organisations/x.md:3:7: error[profile-unknown-value]: 'charity' is not an allowed value of 'type'; allowed: government body, international organisation, political party, company, non-governmental organisation, research institute, university, media outlet, other"),
    ]

    @Test("diagnostics", arguments: errors)
    func diagnostics(_ c: Case) {
        let result = TestSite.build(c.files)
        #expect(result.lines.contains(c.expected), "\(result.lines)")
    }
}
