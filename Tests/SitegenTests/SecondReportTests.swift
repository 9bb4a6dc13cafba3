// A second report in another domain (public health, invented for the tests), kept as a
// fixture site in Fixtures/heat-report: built with --strict it gives no diagnostic, its own
// profile types (people by role, a collection of places) work, and none of the Myanmar
// report's words appear in its output.

import Foundation
import Testing
@testable import Sitegen

struct SecondReportTests {
    static let content = Repo.root.appendingPathComponent("Tests/SitegenTests/Fixtures/heat-report/content").path

    static func build() -> BuildResult {
        let options = BuildOptions(contentDirectory: content, templatesDirectory: Repo.templates,
                                   outputDirectory: "/tmp/sitegen-tests-never-written", strict: true, writesOutput: false)
        return SiteBuilder(options: options).build()
    }

    @Test func buildsCleanWithStrict() throws {
        let result = Self.build()
        #expect(result.lines == [])
        let chapter = try #require(result.text("report/introduction/index.html"))
        #expect(chapter.contains(#"class="mention">Professor Elena Ortega</a>"#))
        #expect(chapter.contains(#"class="mention">Dr Ama Mensah</a>"#))
        let deaths = try #require(result.text("report/excess-deaths/index.html"))
        #expect(deaths.contains(#"class="mention">Mr Lars Dahl</a>"#))
        #expect(deaths.contains(#"class="mention">Ms Sofia Reyes</a>"#))
        let people = try #require(result.text("people/index.html"))
        #expect(people.contains(#"<h2 id="researchers">Researchers</h2>"#))
        #expect(people.contains(#"<h2 id="officials">Officials</h2>"#))
        let ortega = try #require(result.text("people/elena-ortega/index.html"))
        #expect(ortega.contains(#"<dt>Discipline</dt><dd>epidemiology</dd>"#))
        #expect(ortega.contains(#"<dt>City</dt><dd><ul class="inline-list"><li><a href="/places/calvera/">Calvera</a></li></ul></dd>"#))
        let calvera = try #require(result.text("places/calvera/index.html"))
        #expect(calvera.contains(#"<dt>Heat-health plan</dt><dd>Yes</dd>"#))
        let transcript = try #require(result.text("documents/counting-the-quiet-deaths/index.html"))
        #expect(transcript.contains(#"<span class="speaker"><a href="/people/elena-ortega/">Elena Ortega</a></span>"#))
        #expect(result.text("figures/index.html") != nil)
        #expect(result.text("timeline/index.html")?.contains("Elena Ortega interviewed") == true)
    }

    /// Words of the Myanmar report: its places, army, publisher, authors, and its vocabulary.
    static let reportWords = ["Myanmar", "Burma", "Burmese", "Tatmadaw", "DIIS", "Danish Institute", "Kyed", "Ah Lynn",
                              "Naypyidaw", "Yangon", "Mandalay", "junta", "coup", "CDM", "NUG", "Min Aung Hlaing",
                              "People's Soldiers", "web/2021/"]
    /// The report's vocabulary, which interface strings and templates must not carry.
    static let interfaceWords = ["defect", "soldier", "printed report", "printed text", "Branch or unit", "<dt>Rank</dt>"]

    static func hits(_ words: [String], in result: BuildResult) -> [String] {
        result.files.flatMap { file -> [String] in
            let text = String(decoding: file.data, as: UTF8.self)
            return words.filter { word in
                text.range(of: word, options: word.count <= 4 ? [] : .caseInsensitive) != nil
            }.map { "\(file.path): \($0)" }
        }
    }

    /// The site of another report, built with the default theme, carries no word of the
    /// Myanmar report: not in its pages, interface strings, styles, scripts or fonts.
    @Test func noWordOfTheMyanmarReport() {
        let result = Self.build()
        #expect(Self.hits(Self.reportWords, in: result) == [])
        #expect(Self.hits(Self.interfaceWords, in: result) == [])
    }

    /// The code and the default theme (templates, styles, scripts, fonts) name nothing of the
    /// shipped report, not even in comments: its domain lives in content/.
    @Test func theCodeAndTheDefaultThemeNameNothingOfTheReport() throws {
        var hits: [String] = []
        for folder in ["Sources", "templates"] {
            let base = Repo.root.appendingPathComponent(folder)
            let enumerator = try #require(FileManager.default.enumerator(atPath: base.path))
            for case let relative as String in enumerator {
                let path = base.appendingPathComponent(relative).path
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                      let data = FileManager.default.contents(atPath: path) else { continue }
                let text = String(decoding: data, as: UTF8.self)
                for word in Self.reportWords + ["defect", "soldier", "Nyi Thuta"]
                where text.range(of: word, options: word.count <= 4 ? [] : .caseInsensitive) != nil {
                    hits.append("\(folder)/\(relative): \(word)")
                }
            }
        }
        #expect(hits == [])
    }
}
