// The estimates chart and the timeline: drawn at build time from data files, accessible,
// every value linked to the text and note that give it; bad data is reported by file.

import Testing
@testable import Sitegen

struct FiguresTests {
    static let site: [String: String] = [
        "report/01-one.md": "---\ntitle: One\n---\nBy May 300 had left.[^1] By October 1,500-2,000.[^2]\n",
        "report/notes.md": "---\ntitle: Notes\n---\n[^1]: DW (2021).\n\n[^2]: Myanmar Now (2021).\n",
        "people/nyi-thuta.md": "---\nname: Nyi Thuta\nstatus: defector\ndefected: \"28 February 2021\"\n---\n",
        "documents/summary.md": "---\ntitle: Summary\nkind: summary\n---\nNyi Thuta is mentioned.\n",
        "data/defector-estimates.yml": """
            title: "Estimates of the number of defectors"
            description: "The figures cannot be verified."
            points:
              - date: "2021-05-15"
                when: "by May 2021"
                low: 300
                note: 1
              - date: "2021-10-15"
                when: "by mid-October 2021"
                low: 1500
                high: 2000
                who: "CDM soldier groups"
                note: 2
            """,
        "data/timeline.yml": """
            events:
              - date: "2021-02-01"
                when: "1 February 2021"
                title: "Military coup"
                note: 1
            """,
    ]

    @Test func chartIsAccessibleSVGWithLinkedPointsAndATable() throws {
        let result = TestSite.build(Self.site, strict: true)
        #expect(result.lines == [])
        let page = try #require(result.text("figures/index.html"))
        #expect(page.contains(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 520 300" role="img" aria-labelledby="estimates-title estimates-desc" class="chart">"#))
        #expect(page.contains(#"<title id="estimates-title">Estimates of the number of defectors</title>"#))
        #expect(page.contains("by May 2021: 300. by mid-October 2021: 1,500–2,000.</desc>"))
        #expect(page.contains(##"<a href="/report/one/#ref-1-1" aria-label="300 defectors by May 2021: note 1">"##))
        #expect(page.contains(##"<a href="/report/one/#ref-2-1" aria-label="1,500–2,000 defectors by mid-October 2021: note 2">"##))
        #expect(page.contains(##"<tr><td>by mid-October 2021</td><td class="align-right">1,500–2,000</td><td>CDM soldier groups</td><td><a href="/report/one/#ref-2-1">In the text</a> · <a href="/report/notes/#note-2">Note 2</a></td></tr>"##))
        #expect(!page.contains("<script>"), "no inline script")
    }

    @Test func timelineMergesDataAndProfiles() throws {
        let result = TestSite.build(Self.site, strict: true)
        let page = try #require(result.text("timeline/index.html"))
        let coup = try #require(page.range(of: "Military coup"))
        let defection = try #require(page.range(of: "Nyi Thuta defects"))
        #expect(coup.lowerBound < defection.lowerBound)
        #expect(page.contains(##"<time datetime="2021-02-28">28 February 2021</time>"##))
        #expect(page.contains(##"<a href="/report/one/#ref-1-1">In the text</a> <a href="/report/notes/#note-1">Note 1</a>"##))
    }

    @Test func badDataIsReportedWithItsFile() {
        var site = Self.site
        site["data/timeline.yml"] = "events:\n  - date: \"2021-13-01\"\n    when: \"never\"\n    title: \"Impossible\"\n    note: 99\n"
        let result = TestSite.build(site)
        #expect(result.lines.contains("content/data/timeline.yml:4: error[data-invalid]: '2021-13-01' is not a date of the form YYYY-MM-DD"))
        site["data/timeline.yml"] = "events:\n  - date: \"2021-03-01\"\n    when: \"March\"\n    title: \"Wrong note\"\n    note: 99\n"
        #expect(TestSite.build(site).lines.contains("content/data/timeline.yml:4: error[data-invalid]: note 99 does not exist"))
        site["data/timeline.yml"] = "events: [unclosed\n"
        #expect(TestSite.build(site).lines.first?.hasPrefix("content/data/timeline.yml:2:1: error[front-matter-invalid]") == true)
    }

    @Test(arguments: [("28 February 2021", "2021-02-28"), ("mid-March 2021", "2021-03-15"), ("late February", "2021-02-25"),
                      ("early October 2021", "2021-10-05"), ("May", "2021-05-15"), ("August 23", "2021-08-23")])
    func datesAsTheSourcesWriteThem(_ text: String, _ iso: String) {
        #expect(Day(text: text)?.iso == iso)
    }
}
