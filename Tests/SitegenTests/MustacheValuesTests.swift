// The explicit conversion of the view models (`MustacheConvertible`) gives exactly the
// dictionaries the reflective one gave (kept here as the reference): every view model type is
// filled with sentinel values, every optional once given and once left out, and both
// conversions must agree. The filled models must leave no field empty, so a field added to a
// view model without its line in `ViewModels+Mustache.swift` fails here.

import Foundation
import Testing
@testable import Sitegen

/// The conversion sitegen used before: one `Mirror` per object.
enum ReflectiveMustacheValues {
    static func convert(_ value: Any) -> Any? {
        switch value {
        case let string as String: return string
        case let bool as Bool: return bool
        case let int as Int: return int
        case let double as Double: return double
        case let strings as [String: String]: return strings
        case let param as ParamValue: return param.templateValue
        case let params as [String: ParamValue]: return params.mapValues(\.templateValue)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { convert($0.value) }
        case .collection, .set:
            return mirror.children.compactMap { convert($0.value) }
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let converted = convert(child.value) else { continue }
                dictionary[label] = converted
            }
            return dictionary
        case .enum:
            if let raw = (value as? any RawRepresentable)?.rawValue { return convert(raw) }
            return String(describing: value)
        default:
            return value
        }
    }

    /// Whether two converted values are the same tree (same types, same keys, same leaves).
    static func same(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case let (x as String, y as String): return x == y
        case let (x as Bool, y as Bool): return x == y
        case let (x as Int, y as Int): return x == y
        case let (x as [String: String], y as [String: String]): return x == y
        case let (x as [Any], y as [Any]): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case let (x as [String: Any], y as [String: Any]):
            return Set(x.keys) == Set(y.keys) && x.allSatisfy { key, value in same(value, y[key]!) }
        default: return false
        }
    }

    /// Paths of fields that hold nothing (a nil optional or an empty list) in `value`.
    static func emptyFields(_ value: Any, path: String = "") -> [String] {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return [path] }
            return emptyFields(wrapped, path: path)
        case .collection:
            if mirror.children.isEmpty { return [path] }
            return mirror.children.flatMap { emptyFields($0.value, path: path + "[]") }
        case .struct where !(value is String):
            return mirror.children.flatMap { emptyFields($0.value, path: path + "." + ($0.label ?? "?")) }
        default:
            return []
        }
    }
}

/// Every view model, filled with sentinel values (`full`) or with its optionals left out.
struct SentinelViews {
    var full: Bool
    private var counter = 0

    init(full: Bool) { self.full = full }

    /// A distinct sentinel text.
    mutating func text(_ name: String) -> String {
        counter += 1
        return "\(name)-<\(counter)>&\"'"
    }
    mutating func optional(_ name: String) -> String? { full ? text(name) : nil }
    mutating func list<T>(_ make: (inout SentinelViews) -> T) -> [T] { [make(&self), make(&self)] }
    mutating func optionalList<T>(_ make: (inout SentinelViews) -> T) -> [T]? { full ? list(make) : nil }

    mutating func link() -> LinkView { LinkView(title: text("title"), url: text("url"), current: counter % 2 == 0) }
    mutating func toc() -> TocEntry {
        TocEntry(number: optional("number"), title: text("title"), url: text("url"), sections: list { $0.link() })
    }
    mutating func site() -> SiteView {
        var s = SiteView(title: text("title"), subtitle: optional("subtitle"), authors: optional("authors"),
                         publisher: optional("publisher"), year: optional("year"), imprint: optional("imprint"),
                         imprintLine: optional("imprintLine"), language: text("language"), basePath: text("basePath"),
                         stylesheetURL: text("stylesheetURL"), scriptURL: optional("scriptURL"), navigation: list { $0.link() })
        s.stylesheets = list { $0.text("stylesheet") }
        s.scripts = list { $0.text("script") }
        s.editorialNotesURL = optional("editorialNotesURL")
        s.params = full ? ["a": .text(text("param")), "b": .list([.text(text("item")), .mapping(["c": .text(text("deep"))])]),
                           "d": .mapping(["e": .list([.text(text("x"))])])] : nil
        s.offlineReading = full
        s.searchKinds = list { SearchKindView(name: $0.text("name"), label: $0.text("label")) }
        return s
    }
    mutating func fact() -> FactView {
        FactView(label: text("label"), value: text("value"), url: optional("url"), archiveURL: optional("archiveURL"))
    }
    mutating func mentionGroup() -> MentionGroupView {
        MentionGroupView(title: text("title"), url: text("url"), items: list {
            MentionItemView(snippet: $0.text("snippet"), url: $0.text("url"), place: $0.text("place"))
        })
    }
    mutating func profile() -> ProfileView {
        ProfileView(kindLabel: text("kindLabel"), summary: optional("summary"), facts: list { $0.fact() },
                    linkGroups: list { LinkGroupView(title: $0.text("title"), links: $0.list { $0.link() }) },
                    bodyHTML: optional("bodyHTML"), reportGroups: list { $0.mentionGroup() },
                    noteGroups: list { $0.mentionGroup() }, documentGroups: list { $0.mentionGroup() }, mentionCount: counter)
    }
    mutating func source() -> SourceView {
        SourceView(id: text("id"), label: text("label"), sourceTitle: optional("sourceTitle"), sourceURL: optional("sourceURL"),
                   archiveURL: optional("archiveURL"), notes: list { $0.link() }, notesLabel: text("notesLabel"),
                   shortForms: optional("shortForms"))
    }
    mutating func chart() -> ChartView {
        ChartView(id: text("id"), title: text("title"), caption: optional("caption"), chartLede: optional("chartLede"),
                  svgHTML: text("svg"), whenHeading: text("when"), valueHeading: text("value"), whoHeading: optional("who"),
                  sourceHeading: text("source"), rows: list {
                      ChartRowView(when: $0.text("when"), figure: $0.text("figure"), who: $0.optional("who"),
                                   textURL: $0.optional("textURL"), noteURL: $0.optional("noteURL"), sourceLabel: $0.text("sourceLabel"))
                  })
    }
    mutating func month() -> TimelineMonthView {
        TimelineMonthView(title: text("title"), id: text("id"), events: list {
            TimelineEventView(iso: $0.text("iso"), when: $0.text("when"), title: $0.text("title"), text: $0.optional("text"),
                              textURL: $0.optional("textURL"), noteURL: $0.optional("noteURL"),
                              noteLabel: $0.optional("noteLabel"), links: $0.list { $0.link() })
        })
    }
    mutating func page() -> PageModel {
        var m = PageModel(site: site(), title: text("title"), documentTitle: text("documentTitle"),
                          description: text("description"), canonicalURL: optional("canonicalURL"), kind: text("kind"))
        m.t = ["contents": text("t"), "notes": text("t")]
        m.lede = optional("lede")
        m.searchExample = full ? SearchExample(phrase: text("phrase"), word: text("word"), matches: text("matches")) : nil
        m.eyebrow = optional("eyebrow")
        m.subtitle = optional("subtitle")
        m.contentHTML = optional("contentHTML")
        m.notesHTML = optional("notesHTML")
        m.previous = full ? link() : nil
        m.next = full ? link() : nil
        m.contents = optionalList { $0.toc() }
        m.sections = optionalList { $0.link() }
        m.facts = optionalList { $0.fact() }
        m.colophon = optionalList { $0.text("colophon") }
        m.links = optionalList { $0.link() }
        m.editorialGroups = optionalList {
            EditorialGroupView(title: $0.text("title"), url: $0.text("url"), items: $0.list {
                EditorialItemView(text: $0.text("text"), url: $0.text("url"), place: $0.text("place"))
            })
        }
        m.glossary = optionalList {
            GlossaryEntryView(id: $0.text("id"), term: $0.text("term"), expansion: $0.text("expansion"),
                              url: $0.optional("url"), editorial: $0.optional("editorial"))
        }
        m.documents = optionalList {
            DocumentEntryView(title: $0.text("title"), url: $0.text("url"), label: $0.text("label"), description: $0.optional("description"))
        }
        m.profile = full ? profile() : nil
        m.profileGroups = optionalList {
            ProfileGroupView(title: $0.text("title"), id: $0.text("id"), entries: $0.list {
                ProfileEntryView(name: $0.text("name"), url: $0.text("url"), detail: $0.optional("detail"), summary: $0.optional("summary"))
            })
        }
        m.sourceGroups = optionalList {
            SourceGroupView(title: $0.text("title"), id: $0.text("id"), count: 7, subgroups: $0.list {
                SourceSubgroupView(outletTitle: $0.optional("outletTitle"), outletURL: $0.optional("outletURL"), sources: $0.list { $0.source() })
            })
        }
        m.charts = optionalList { $0.chart() }
        m.timeline = optionalList { $0.month() }
        m.chaptersHTML = optionalList { $0.text("chapter") }
        m.searchMetaJSON = optional("searchMetaJSON")
        m.searchRecordsJSON = optional("searchRecordsJSON")
        m.preloads = optionalList { PreloadView(url: $0.text("url"), destination: $0.text("destination"), crossOrigin: $0.full) }
        m.meta = full ? PageMetaView(openGraph: list { MetaTagView(key: $0.text("key"), content: $0.text("content")) },
                                     named: list { MetaTagView(key: $0.text("key"), content: $0.text("content")) },
                                     jsonLD: text("jsonLD")) : nil
        m.citation = full ? CitationView(citationHTML: text("citationHTML"), style: text("style"), downloads: list {
            DownloadView(title: $0.text("title"), url: $0.text("url"), filename: $0.text("filename"))
        }) : nil
        return m
    }
}

struct MustacheValuesTests {
    @Test(arguments: [true, false])
    func explicitConversionEqualsReflection(full: Bool) throws {
        var views = SentinelViews(full: full)
        let model = views.page()
        if full {
            // Every field of every view model holds something: none escapes the comparison.
            #expect(ReflectiveMustacheValues.emptyFields(model) == [])
        }
        let reflected = try #require(ReflectiveMustacheValues.convert(model))
        #expect(ReflectiveMustacheValues.same(model.templateValue.anyValue, reflected))
        // And the comparison itself tells a difference.
        var other = model
        other.title += "x"
        #expect(!ReflectiveMustacheValues.same(other.templateValue.anyValue, reflected))
    }

    /// The page models of the shipped site convert alike both ways too.
    @Test func shippedPagesConvertAlike() {
        #expect(TemplateContextTests.jobs.count > 10)
        for job in TemplateContextTests.jobs {
            let reflected = ReflectiveMustacheValues.convert(job.model)
            #expect(reflected.map { ReflectiveMustacheValues.same(job.model.templateValue.anyValue, $0) } == true, "\(job.path)")
        }
    }
}
