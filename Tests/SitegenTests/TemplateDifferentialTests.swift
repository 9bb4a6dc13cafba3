// sitegen renders its templates with an engine of its own (`Render/Template/`), compiled once
// and writing bytes. swift-mustache, which sitegen used before, is the reference: every
// template of the built-in theme, with every page model the shipped content and the fixture
// sites produce, must render to the same bytes through both (the reference gets the page model
// converted by reflection, so the explicit conversion is checked on the way). The spec corners
// both must agree on are in `TemplateEngineTests`.

import Foundation
import Mustache
import Testing
@testable import Sitegen

/// swift-mustache, set up as sitegen set it up: each template parsed with a pragma line that
/// selects the byte-level escaping.
struct MustacheReference {
    let library: MustacheLibrary

    struct Escaping: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
    }

    static let pragma = "{{% CONTENT_TYPE: SITEGEN_HTML }}\n"
    static let register: Void = MustacheContentTypes.register(Escaping(), named: "SITEGEN_HTML")

    /// The reference library of `templates` (name → text).
    init(_ templates: [String: String]) throws {
        _ = Self.register
        var library = MustacheLibrary()
        for (name, text) in templates {
            library.register(try MustacheTemplate(string: Self.pragma + text), named: name)
        }
        self.library = library
    }

    func render(_ value: Any, _ template: String) -> String {
        library.render(value, withTemplate: template) ?? ""
    }
}

extension TemplateValue {
    /// A value made from swift-mustache's kind of values (`String`, `Bool`, `Int`, lists and
    /// string-keyed dictionaries).
    init(any value: Any) {
        switch value {
        case let text as String: self = .text(text)
        case let bool as Bool: self = .bool(bool)
        case let int as Int: self = .int(int)
        case let strings as [String]: self = .strings(strings)
        case let list as [Any]: self = .list(list.map { TemplateValue(any: $0) }, strings: false)
        case let dictionary as [String: Any]:
            self = .object(TemplateObject(dictionary.mapValues { TemplateValue(any: $0) }))
        default: self = .text(String(describing: value))
        }
    }
}

@Suite struct TemplateDifferentialTests {
    /// The page jobs of a site, as the build hands them to the templates.
    static func jobs(content: String, templates: String = Repo.templates) -> [PageRenderer.PageJob] {
        let options = BuildOptions(contentDirectory: content, templatesDirectory: templates,
                                   outputDirectory: "/tmp/sitegen-tests-never-written", writesOutput: false)
        var cache = BuildCache.disabled
        cache.pages.recordedJobs = []
        _ = SiteBuilder(options: options, fileSystem: LocalFileSystem()).build(cache: &cache)
        return cache.pages.recordedJobs ?? []
    }

    static let fixtureSites = ["small-site", "heat-report"]

    /// Renders every job through both engines; returns the paths that differ (with the first
    /// differing line) and the number of pages compared.
    static func differences(_ jobs: [PageRenderer.PageJob], templates: TemplateSet) throws -> ([String], Int) {
        let reference = try MustacheReference(templates.sources)
        var differences: [String] = []
        for job in jobs {
            for model in job.fragments.isEmpty ? [job.model] : [job.model, job.materialised().model] {
                let ours = templates.render(job.template, model)
                let theirs = reference.render(try #require(ReflectiveMustacheValues.convert(model)), job.template)
                if ours != theirs {
                    let line = zip(ours.split(separator: "\n", omittingEmptySubsequences: false),
                                   theirs.split(separator: "\n", omittingEmptySubsequences: false))
                        .first { $0 != $1 }.map { "ours: \($0.0)\ntheirs: \($0.1)" } ?? "lengths \(ours.utf8.count) / \(theirs.utf8.count)"
                    differences.append("\(job.template) \(job.path)\n\(line)")
                }
            }
        }
        return (differences, jobs.count)
    }

    @Test func shippedSiteRendersAsSwiftMustache() throws {
        let (differences, count) = try Self.differences(TemplateContextTests.jobs, templates: TemplateContextTests.templates)
        #expect(count > 100)
        #expect(differences.isEmpty, "\(differences.prefix(5).joined(separator: "\n\n"))")
    }

    @Test(arguments: fixtureSites)
    func fixtureSiteRendersAsSwiftMustache(_ site: String) throws {
        let content = Repo.root.appendingPathComponent("Tests/SitegenTests/Fixtures/\(site)/content").path
        let jobs = Self.jobs(content: content)
        let (differences, count) = try Self.differences(jobs, templates: TemplateContextTests.templates)
        #expect(count > 5)
        #expect(differences.isEmpty, "\(differences.prefix(5).joined(separator: "\n\n"))")
    }

    /// The page models again, through templates a site could write: every tag kind on the
    /// models' real fields, indented partials, a parent with blocks, set delimiters, transforms.
    @Test func aThemeUsingEveryTagRendersAsSwiftMustache() throws {
        var fs = InMemoryFileSystem()
        fs.files["templates/chapter.mustache"] = Data("""
            {{<layout}}
            {{$main}}
              {{! a comment }}
              {{#site}}<p>{{title}} {{& subtitle}} {{{authors}}}</p>{{/site}}
              {{#site.navigation}}
                {{>item}}
              {{/site.navigation}}
              {{^site.navigation}}none{{/site.navigation}}
              <i>{{count(sections)}} {{empty(sections)}} {{#first(sections)}}{{title}}{{/first(sections)}}</i>
              {{#sections}}{{#first()}}[{{/first()}}{{index()}}:{{title}}{{^last()}}, {{/last()}}{{#last()}}]{{/last()}}{{/sections}}
              {{=<% %>=}}
              <b><% title %></b>
              <%={{ }}=%>
              {{#previous}}{{title}} · {{kind}}{{/previous}}
                {{{contentHTML}}}
              {{.missing}} {{previous.url}} {{site.language}}
            {{/main}}
            {{/layout}}
            """.utf8)
        fs.files["templates/item.mustache"] = Data("""
            <li>
              {{#current}}<b>{{title}}</b>{{/current}}{{^current}}<a href="{{url}}">{{title}}</a>{{/current}}
            </li>
            """.utf8)
        let templates = try #require(TemplateSet.load(from: "templates", fileSystem: fs).0)
        let jobs = TemplateContextTests.jobs.filter { $0.template == "chapter" }
        #expect(!jobs.isEmpty)
        let (differences, _) = try Self.differences(jobs, templates: templates)
        #expect(differences.isEmpty, "\(differences.prefix(5).joined(separator: "\n\n"))")
    }
}
