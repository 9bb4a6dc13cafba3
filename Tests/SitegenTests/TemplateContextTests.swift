// No value from an outer context: Mustache looks a missing name up in the enclosing
// contexts, so an item whose optional value is missing can show its parent's value (a source
// without an address linking to its outlet's profile). Every page model of the shipped site is
// rendered again with every template it uses: the contexts down to a depth get sentinel
// strings, every optional value deeper down is left out, and the lists one level deeper hold
// one item, then two. A sentinel of an outer context whose name is also an optional field of
// the items must not appear more often with two items than with one.

import Foundation
import Testing
@testable import Sitegen

/// A page model as Mustache sees it, with sentinels down to `filledDepth` and optionals left
/// out below, and `copies` items in the lists whose items stand at `filledDepth + 1`.
struct SentinelModel {
    var filledDepth: Int
    var copies: Int
    /// Sentinel text → its field name.
    private(set) var sentinels: [String: String] = [:]
    /// Names of optional fields of the contexts below `filledDepth`.
    private(set) var innerOptionalNames: Set<String> = []

    static func sentinel(_ depth: Int, _ name: String) -> String { "SENTINEL-\(depth)-\(name)-" }

    mutating func convert(_ value: Any, depth: Int, name: String) -> Any? {
        switch value {
        case let string as String:
            guard depth <= filledDepth else { return "inner" }
            let text = Self.sentinel(depth, name)
            sentinels[text] = name
            return text
        case let bool as Bool: return bool
        case let int as Int: return int
        case let double as Double: return double
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if depth > filledDepth {
                innerOptionalNames.insert(name)
                return nil
            }
            if let wrapped = mirror.children.first?.value { return convert(wrapped, depth: depth, name: name) }
            return value is String? ? convert("", depth: depth, name: name) : nil
        case .collection, .set:
            guard let first = mirror.children.first?.value else { return [Any]() }
            let count = depth + 1 == filledDepth + 1 ? copies : 1
            return (0..<count).compactMap { _ in convert(first, depth: depth + 1, name: name) }
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                // A struct inside a struct is a context of its own ({{#profile}}); lists add theirs.
                let childDepth = Self.isStruct(child.value) ? depth + 1 : depth
                if let converted = convert(child.value, depth: childDepth, name: label) { dictionary[label] = converted }
            }
            return dictionary
        case .enum:
            if let raw = (value as? any RawRepresentable)?.rawValue { return convert(raw, depth: depth, name: name) }
            return String(describing: value)
        default:
            return value
        }
    }

    /// Whether the value (or the value an optional holds) is a struct: a context of its own.
    private static func isStruct(_ value: Any) -> Bool {
        var mirror = Mirror(reflecting: value)
        while mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return false }
            if wrapped is String { return false }
            mirror = Mirror(reflecting: wrapped)
        }
        return mirror.displayStyle == .struct || mirror.displayStyle == .class
    }
}

@Suite struct TemplateContextTests {
    /// The page models of the shipped site, one per template and shape of model.
    static let jobs: [PageRenderer.PageJob] = {
        let options = BuildOptions(contentDirectory: Repo.content, templatesDirectory: Repo.templates,
                                   outputDirectory: "/tmp/sitegen-tests-never-written", writesOutput: false)
        var cache = BuildCache.disabled
        cache.pages.recordedJobs = []
        _ = SiteBuilder(options: options, fileSystem: LocalFileSystem()).build(cache: &cache)
        return cache.pages.recordedJobs ?? []
    }()

    static let templates: TemplateSet = {
        TemplateSet.load(from: Repo.templates, fileSystem: LocalFileSystem()).0!
    }()

    /// Every page template is checked; the shipped content has no plain page (`page`).
    @Test func everyTemplateIsRendered() {
        let unused = Set(TemplateSet.required).subtracting(Self.jobs.map(\.template))
        #expect(unused == ["layout", "page"], "templates without a page: \(unused.sorted())")
    }

    /// Depth 0 is the page, 1 the site and the page's lists, 2 their lists (sources of a
    /// subgroup stand at 3, under the page's groups and their subgroups).
    @Test(arguments: 0...2)
    func noValueFromAnOuterContext(depth: Int) {
        var leaks: [String] = []
        var checked = 0
        for job in Self.jobs {
            var one = SentinelModel(filledDepth: depth, copies: 1)
            var two = SentinelModel(filledDepth: depth, copies: 2)
            guard let model1 = one.convert(job.model, depth: 0, name: "page"),
                  let model2 = two.convert(job.model, depth: 0, name: "page") else { continue }
            var bytes1: [UInt8] = []
            var bytes2: [UInt8] = []
            Self.templates.render(job.template, TemplateValue(any: model1), into: &bytes1)
            Self.templates.render(job.template, TemplateValue(any: model2), into: &bytes2)
            let out1 = String(decoding: bytes1, as: UTF8.self)
            let out2 = String(decoding: bytes2, as: UTF8.self)
            for (sentinel, name) in one.sentinels where one.innerOptionalNames.contains(name) {
                checked += 1
                let n1 = out1.components(separatedBy: sentinel).count - 1
                let n2 = out2.components(separatedBy: sentinel).count - 1
                if n2 != n1 {
                    leaks.append("\(job.template).mustache (\(job.path)): '\(name)' of an outer context shows in the items "
                                 + "below depth \(depth) (\(n1) times with one item, \(n2) with two)")
                }
            }
        }
        if depth == 1 { #expect(checked > 0, "no outer value shares its name with an optional field of the items") }
        #expect(Set(leaks).isEmpty, "\(Set(leaks).sorted().prefix(12).joined(separator: "\n"))")
    }
}
