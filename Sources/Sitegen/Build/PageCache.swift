// Rendered pages from the previous build, keyed by template name and a fingerprint of the
// complete view model, and valid only for the template set they were rendered with. See
// `BuildCache`.

import Foundation

/// Pages rendered through Mustache, reused when the same model meets the same template.
struct PageCache: Sendable {
    struct Key: Hashable, Sendable {
        var template: String
        var model: ContentHash
    }

    let isEnabled: Bool
    /// The template texts the entries were rendered with.
    private var templateSources: [String: String]?
    private var entries: [Key: Data] = [:]
    private(set) var hits = 0
    private(set) var misses = 0
    /// When not nil, every job handed to `render` is kept here (tests render the page models
    /// again, e.g. with sentinel values, to check the templates).
    var recordedJobs: [PageRenderer.PageJob]? = nil

    init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// Renders `jobs` with `templates` on all cores, except those rendered before with the
    /// same template set, template and model; results keep the order of `jobs`.
    mutating func render(_ jobs: [PageRenderer.PageJob], with templates: TemplateSet) -> [OutputFile] {
        recordedJobs?.append(contentsOf: jobs)
        guard isEnabled else {
            misses += jobs.count
            return jobs.parallelMap { OutputFile(path: $0.path, text: templates.render($0.template, $0.model)) }
        }
        if templateSources != templates.sources {
            entries = [:]
            templateSources = templates.sources
        }
        let keys = jobs.parallelMap { Key(template: $0.template, model: .of($0.model)) }
        let reused = keys.map { entries[$0] }
        let missing = jobs.indices.filter { reused[$0] == nil }
        let rendered = missing.map { jobs[$0] }.parallelMap { Data(templates.render($0.template, $0.model).utf8) }
        var fresh = Dictionary(zip(missing, rendered), uniquingKeysWith: { first, _ in first })
        hits = jobs.count - missing.count
        misses = missing.count

        var kept: [Key: Data] = [:]
        var files: [OutputFile] = []
        files.reserveCapacity(jobs.count)
        for (index, job) in jobs.enumerated() {
            let data = reused[index] ?? fresh.removeValue(forKey: index)!
            kept[keys[index]] = data
            files.append(OutputFile(path: job.path, data: data))
        }
        entries = kept
        return files
    }

    mutating func beginBuild() {
        hits = 0
        misses = 0
    }

    /// Entries are replaced by each `render`; nothing more to forget.
    mutating func endBuild() {}
}
