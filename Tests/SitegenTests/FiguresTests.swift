// Charts and the timeline: drawn at build time from data files, accessible, every value
// linked to the text and note that give it; every word from the data; bad data is reported
// at its line; no value, however large, makes the drawing large or slow.

import Foundation
import Testing
@testable import Sitegen

struct FiguresTests {
    static let chart = """
        type: chart
        title: "Estimates of the number of defectors"
        description: "The figures cannot be verified."
        caption: "Each point links to the text."
        y:
          label: "Defectors"
          unit: "defectors"
          non_negative: true
        table:
          who: "Whose estimate"
        annotations:
          - date: "2021-02-01"
            label: "coup on 1 February"
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
        """

    static let site: [String: String] = TestSite.reportTypes.merging([
        "report/01-one.md": "---\ntitle: One\n---\nBy May 300 had left.[^1] By October 1,500-2,000.[^2]\n",
        "report/notes.md": "---\ntitle: Notes\n---\n[^1]: DW (2021).\n\n[^2]: Myanmar Now (2021).\n",
        "people/nyi-thuta.md": "---\nname: Nyi Thuta\nrank: Captain\nstatus: defector\ndefected: \"28 February 2021\"\n---\n",
        "people/kyaw-oo.md": "---\nname: Kyaw Oo\nstatus: defector\ndefected: \"late March\"\n---\n",
        "documents/summary.md": "---\ntitle: Summary\nkind: summary\n---\nNyi Thuta and Kyaw Oo are mentioned.\n",
        "figures.md": "---\ntitle: Defections in numbers\n---\n",
        "data/estimates.yml": chart,
        "data/timeline.yml": """
            type: timeline
            events:
              - date: "2021-02-01"
                when: "1 February 2021"
                title: "Military coup"
                note: 1
            from_profiles:
              - collection: people
                date: defected
                title: "{rank} {name} defects"
            """,
        "timeline.md": "---\ntitle: Dates\ndescription: Dated events.\n---\n",
    ]) { _, site in site }

    /// Builds `site` with `data/estimates.yml` replaced.
    static func build(chart: String, strict: Bool = false) -> BuildResult {
        var site = Self.site
        site["data/estimates.yml"] = chart
        return TestSite.build(site, strict: strict)
    }

    @Test func chartIsAccessibleSVGWithLinkedPointsAndATable() throws {
        let result = TestSite.build(Self.site, strict: true)
        #expect(result.lines == [])
        let page = try #require(result.text("figures/index.html"))
        #expect(page.contains("<h1>Defections in numbers</h1>"))
        #expect(page.contains(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 520 300" role="img" aria-labelledby="estimates-title estimates-desc" class="chart">"#))
        #expect(page.contains(#"<title id="estimates-title">Estimates of the number of defectors</title>"#))
        #expect(page.contains("The figures cannot be verified. by May 2021: 300. by mid-October 2021: 1,500–2,000.</desc>"))
        #expect(page.contains(##"<a href="/report/one/#ref-1-1" aria-label="300 defectors by May 2021: note 1">"##))
        #expect(page.contains(##"<a href="/report/one/#ref-2-1" aria-label="1,500–2,000 defectors by mid-October 2021: note 2">"##))
        #expect(page.contains(##"<th scope="col" class="align-right">Defectors</th><th scope="col">Whose estimate</th>"##))
        #expect(page.contains(##"<tr><td>by mid-October 2021</td><td class="align-right">1,500–2,000</td><td>CDM soldier groups</td><td><a href="/report/one/#ref-2-1">In the text</a> · <a href="/report/notes/#note-2">Note 2</a></td></tr>"##))
        #expect(page.contains(">2021 · coup on 1 February</text>"), "the annotation is data, after the year the month ticks leave unsaid")
        #expect(page.contains("Estimates of the number of defectors. Each point links to the text.</figcaption>"))
        #expect(!page.contains("<script>"), "no inline script")
        let home = try #require(result.text("index.html"))
        #expect(home.contains(##"<a href="/figures/">Defections in numbers</a>"##))
    }

    @Test func noWordOfOneReportIsInTheCode() throws {
        // A chart without the optional words: general defaults only.
        let result = Self.build(chart: "points:\n  - date: \"2019-06-01\"\n    value: 62000\n    note: 1\n  - date: \"2021-06-01\"\n    value: 61000\n    note: 2\n")
        #expect(result.lines == [])
        let page = try #require(result.text("figures/index.html"))
        for word in ["defector", "Defector", "coup", "2021 ·"] { #expect(!page.contains(word), "\(word)") }
        #expect(page.contains(##"<th scope="col" class="align-right">Value</th><th scope="col">Source</th>"##), "no 'who' column without a 'who'")
    }

    /// The grid lines, y labels and x positions of a built chart.
    static func geometry(_ page: String) -> (grid: Int, labels: [String], xs: [Double]) {
        let grid = page.components(separatedBy: "class=\"grid\"").count - 1
        let labels = page.matches(of: /class="axis-label" text-anchor="end">([^<]*)</).map { String($0.1) }
        let xs = page.matches(of: /<circle cx="([0-9.\-]+)"/).compactMap { Double($0.1) }
        return (grid, labels, xs)
    }

    @Test func ticksComeFromTheDataNotFromFixedSteps() throws {
        // Values near 62,000 drew 127 grid lines in steps of 500; a 2019 point fell off the chart.
        let result = Self.build(chart: "points:\n  - date: \"2019-06-01\"\n    value: 62000\n    note: 1\n  - date: \"2021-06-01\"\n    value: 61000\n    note: 2\n")
        let page = try #require(result.text("figures/index.html"))
        let (grid, labels, xs) = Self.geometry(page)
        #expect(grid <= 11)
        #expect(labels == ["0", "20,000", "40,000", "60,000", "80,000"])
        #expect(xs.count == 2 && xs.allSatisfy { (50...508).contains($0) })
    }

    @Test(.timeLimit(.minutes(1)), arguments: [
        ("high: 9223372036854775807", "content/data/estimates.yml:6:11: error[data-invalid]: 'high' is 9223372036854775807; chart values must be finite numbers of at most 10^15 in size"),
        ("high: .inf", "content/data/estimates.yml:6:11: error[data-invalid]: 'high' is .inf; chart values must be finite numbers of at most 10^15 in size"),
        ("high: -5", "content/data/estimates.yml:6:11: error[data-invalid]: 'high' is -5, below zero; this chart's y axis says 'non_negative: true'"),
        ("high: 10", "content/data/estimates.yml:5:10: error[data-invalid]: 'low' (300) is greater than 'high' (10); a range goes from low to high"),
        ("hihg: 10", "content/data/estimates.yml:6:5: error[data-invalid]: unknown field 'points[0].hihg'; did you mean 'high'? (known fields: date, when, value, low, high, who, note, document)"),
        ("high: many", "content/data/estimates.yml:6:11: error[front-matter-wrong-type]: front matter field 'points[0].high' should be a number"),
    ])
    func badValuesGiveOneClearDiagnostic(_ line: String, _ expected: String) {
        let chart = "y:\n  non_negative: true\npoints:\n  - date: \"2021-05-15\"\n    low: 300\n    \(line)\n    note: 1\n"
        let result = Self.build(chart: chart)
        #expect(result.lines == [expected])
        #expect(result.text("figures/index.html") == nil)
    }

    @Test(.timeLimit(.minutes(1)), arguments: ["99999-01-01", "0999-12-31", "2021-02-30", "2021-5-1", "01/02/2021"])
    func datesOutsideTheCalendarAreErrors(_ date: String) {
        let result = Self.build(chart: "points:\n  - date: \"\(date)\"\n    value: 1\n    note: 1\n")
        #expect(result.lines.count == 1)
        #expect(result.lines.first?.hasPrefix("content/data/estimates.yml:2:11: error[data-invalid]: '\(date)'") == true)
    }

    @Test(.timeLimit(.minutes(1)), arguments: [
        ("1", "1000000000"), ("0", "1000000000000000"), ("-1000000000000000", "1000000000000000"), ("-40", "-2"),
        ("0", "0"), ("0.001", "0.004"), ("123456789", "123456790"),
    ])
    func anyMagnitudeGivesASmallChart(_ a: String, _ b: String) throws {
        let result = Self.build(chart: "points:\n  - date: \"2021-05-15\"\n    low: \(a)\n    high: \(b)\n    note: 1\n  - date: \"2021-06-15\"\n    value: \(b)\n    note: 2\n")
        #expect(result.lines == [])
        let page = try #require(result.text("figures/index.html"))
        #expect(page.utf8.count < 40_000)
        let (grid, labels, _) = Self.geometry(page)
        #expect((2...12).contains(grid), "\(labels)")
        #expect(Set(labels).count == labels.count, "distinct labels: \(labels)")
    }

    @Test(.timeLimit(.minutes(1)), arguments: [
        ("2021-05-15", "2021-05-17"), ("2021-05-15", "2021-06-30"), ("2021-02-01", "2021-11-15"), ("2019-06-01", "2021-06-01"),
        ("1900-01-01", "2020-12-31"), ("1000-01-01", "2999-12-31"), ("2021-12-31", "2022-01-01"),
    ])
    func anySpanOfDatesGivesAFewTicks(_ first: String, _ last: String) throws {
        let axis = AxisTicks.dates(try #require(Day(iso: first)), try #require(Day(iso: last)))
        #expect((1...11).contains(axis.ticks.count), "\(axis.ticks.map(\.label))")
        #expect(axis.first <= Day(iso: first)! && Day(iso: last)! <= axis.last)
        #expect(zip(axis.ticks, axis.ticks.dropFirst()).allSatisfy { $0.day < $1.day })
        if axis.yearNote == nil, case let years = Set(axis.ticks.map(\.day.year)), years.count > 1 {
            #expect(years.allSatisfy { year in axis.ticks.contains { $0.label.contains(String(year)) } } || years.count > 11,
                    "each year is named: \(axis.ticks.map(\.label))")
        }
    }

    @Test func theShippedSpanKeepsItsMonthTicks() {
        let axis = AxisTicks.dates(Day(year: 2021, month: 2, day: 1), Day(year: 2021, month: 11, day: 15))
        #expect(axis.ticks.map(\.label) == ["Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"])
        #expect(axis.first == Day(year: 2021, month: 2, day: 1) && axis.last == Day(year: 2021, month: 11, day: 30))
        #expect(axis.yearNote == "2021")
        #expect(AxisTicks.values(low: 300, high: 2000) == .init(low: 0, high: 2500, step: 500))
    }

    @Test(arguments: [(0.3, 0.5), (7.0, 10.0), (400.0, 500.0), (12_400.0, 20_000.0), (2e14, 2e14), (3e14, 5e14)])
    func stepsAreOneTwoOrFiveTimesAPowerOfTen(_ raw: Double, _ step: Double) {
        #expect(AxisTicks.niceStep(raw) == step)
    }

    @Test func unusedAndUnknownDataFilesAreReported() {
        var site = Self.site
        site["data/notes-draft.yml"] = "remarks: [one, two]\n"
        site["data/pie.yml"] = "type: pie\npoints: []\n"
        site["data/bars.yml"] = "kind: bars\npoints:\n  - date: \"2021-01-01\"\n    value: 1\n    note: 1\n"
        let lines = TestSite.build(site).lines
        #expect(lines.contains("content/data/notes-draft.yml:1:1: warning[data-unused]: nothing uses this data file: it names no 'type' (chart or timeline) and has neither 'points' nor 'events'"))
        #expect(lines.contains("content/data/pie.yml:1:7: error[data-invalid]: 'type' must be one of: chart, timeline; found 'pie'"))
        #expect(lines.contains("content/data/bars.yml:1:7: error[data-invalid]: 'kind' must be one of: points, line; found 'bars'"))
    }

    @Test func anyNumberOfCharts() throws {
        var site = Self.site
        site["data/second.yml"] = "title: Second\nkind: line\npoints:\n  - date: \"2021-01-01\"\n    value: 1\n    note: 1\n  - date: \"2021-03-01\"\n    value: 4\n    note: 2\n"
        let result = TestSite.build(site, strict: true)
        #expect(result.lines == [])
        let page = try #require(result.text("figures/index.html"))
        #expect(page.components(separatedBy: "<svg ").count == 3)
        #expect(page.contains(#"aria-labelledby="second-title second-desc""#))
        #expect(page.contains(#"<polyline points=""#))
        let first = try #require(page.range(of: "estimates-title")), second = try #require(page.range(of: "second-title"))
        #expect(first.lowerBound < second.lowerBound, "in file name order")
        #expect(page.contains("<p>The figures cannot be verified.</p>"), "with several charts, each shows its description")
    }

    @Test func timelineMergesDataAndProfilesWithPhrasingFromContent() throws {
        let result = TestSite.build(Self.site, strict: true)
        #expect(result.lines == [])
        let page = try #require(result.text("timeline/index.html"))
        #expect(page.contains("<h1>Dates</h1>"))
        let coup = try #require(page.range(of: "Military coup"))
        let defection = try #require(page.range(of: "Captain Nyi Thuta defects"))
        #expect(coup.lowerBound < defection.lowerBound)
        #expect(page.contains("<h3>Kyaw Oo defects</h3>"), "a missing {rank} leaves no gap")
        #expect(page.contains(##"<time datetime="2021-03-25">late March</time>"##), "a date without a year takes the publication's")
        #expect(page.contains(##"<time datetime="2021-02-28">28 February 2021</time>"##))
        #expect(page.contains(##"<a href="/report/one/#ref-1-1">In the text</a> <a href="/report/notes/#note-1">Note 1</a>"##))
    }

    @Test func withoutARuleProfilesMakeNoEvents() throws {
        var site = Self.site
        site["data/timeline.yml"] = "events:\n  - date: \"2021-02-01\"\n    title: \"Coup\"\n    note: 1\n"
        let result = TestSite.build(site, strict: true)
        let page = try #require(result.text("timeline/index.html"))
        #expect(!page.contains("defects"))
        #expect(page.contains(##"<time datetime="2021-02-01">2021-02-01</time>"##))
    }

    @Test func badTimelineDataIsReportedAtItsLine() {
        var site = Self.site
        site["data/timeline.yml"] = "events:\n  - date: \"2021-13-01\"\n    when: \"never\"\n    title: \"Impossible\"\n    note: 1\n"
        #expect(TestSite.build(site).lines == ["content/data/timeline.yml:2:11: error[data-invalid]: '2021-13-01' is not a date of the form YYYY-MM-DD (a real day, e.g. 2021-02-01)"])
        site["data/timeline.yml"] = "events:\n  - date: \"2021-03-01\"\n    when: \"March\"\n    title: \"Wrong note\"\n    note: 99\n"
        #expect(TestSite.build(site).lines == ["content/data/timeline.yml:4: error[data-invalid]: note 99 does not exist"])
        site["data/timeline.yml"] = "events: [unclosed\n"
        #expect(TestSite.build(site).lines.first?.hasPrefix("content/data/timeline.yml:2:1: error[front-matter-invalid]") == true)
        site["data/timeline.yml"] = "from_profiles:\n  - collection: places\n    date: founded\n    title: \"{name}\"\n"
        #expect(TestSite.build(site).lines == ["content/data/timeline.yml:2:17: error[data-invalid]: 'collection' must be one of: people, organisations; found 'places'"])
    }

    @Test(arguments: [("28 February 2021", 2000, "2021-02-28"), ("mid-March 2021", nil, "2021-03-15"), ("late February", 2021, "2021-02-25"),
                      ("early October 2021", nil, "2021-10-05"), ("May", 1998, "1998-05-15"), ("August 23", 2021, "2021-08-23"),
                      ("31 February 2021", nil, "2021-02-28")])
    func datesAsTheSourcesWriteThem(_ text: String, _ year: Int?, _ iso: String) {
        #expect(Day(text: text, defaultYear: year)?.iso == iso)
    }

    @Test func aDateWithoutAYearNeedsOne() {
        #expect(Day(text: "late February", defaultYear: nil) == nil)
    }

    @Test(arguments: [("2021-02-01", 2021, 2, 1), ("2024-02-29", 2024, 2, 29), ("1000-01-01", 1000, 1, 1), ("2999-12-31", 2999, 12, 31)])
    func dayOrdinalsRoundTrip(_ iso: String, _ year: Int, _ month: Int, _ day: Int) throws {
        let d = try #require(Day(iso: iso))
        #expect(Day(ordinal: d.ordinal) == Day(year: year, month: month, day: day))
        #expect(Day(ordinal: d.ordinal + 1) > d)
    }
}
