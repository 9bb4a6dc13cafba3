// Rendered pages from the previous build, keyed by template name and a fingerprint of the
// complete view model, and valid only for the template set they were rendered with. See
// `BuildCache`.

import Foundation

/// Pages rendered through the templates, reused when the same model meets the same template.
struct PageCache: Sendable {
    struct Key: Hashable, Sendable {
        var template: String
        var model: ContentHash
    }

    let isEnabled: Bool
    /// The template texts the entries were rendered with.
    private var templateSources: [String: String]?
    private var entries: [Key: Data] = [:]
    /// The fingerprints of the models that had a `modelKey`, by that key.
    private var modelHashes: [ContentHash: ContentHash] = [:]
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
    /// With a `staging` folder (and the cache off), each page is written there as soon as it
    /// is rendered (a large one in pieces, `PageSink`) and only its path and digest are kept
    /// (except pages marked `keepsBytes`); each job's model and fragments are released once its
    /// page is rendered.
    mutating func render(_ jobs: consuming [PageRenderer.PageJob], with templates: TemplateSet,
                         staging: SiteStaging? = nil, store: FragmentStore? = nil) -> [OutputFile] {
        recordedJobs?.append(contentsOf: copy jobs)
        guard isEnabled else {
            misses += jobs.count
            let boxes = JobBoxes(jobs)
            jobs = []
            return Array(0..<boxes.count).parallelMap { index in
                let job = boxes.take(index)
                let sink = PageSink(path: job.path, staging: job.keepsBytes ? nil : staging)
                job.render(with: templates, into: sink)
                return sink.finish()
            }
        }
        // A page whose fragments all have keys (`RenderCache`) is keyed by its model with the
        // markers and the fragments' keys, and rendered with the fragments' kept bytes; any
        // other page is keyed by its whole model, fragments in place.
        let jobs = jobs.parallelMap { job -> PageRenderer.PageJob in
            job.fragments.isEmpty || job.fragments.contains { $0.key == nil } ? job.materialised() : job
        }
        if templateSources != templates.sources {
            entries = [:]
            templateSources = templates.sources
        }
        // A model with a `modelKey` seen before is not fingerprinted again.
        let known = modelHashes
        let models = jobs.parallelMap { job -> ContentHash in
            job.modelKey.flatMap { known[$0] } ?? ContentHash.of(job.model)
        }
        var seen: [ContentHash: ContentHash] = [:]
        for (job, model) in zip(jobs, models) { if let key = job.modelKey { seen[key] = model } }
        modelHashes = seen
        let keys = zip(jobs, models).map { job, model -> Key in
            guard !job.fragments.isEmpty else { return Key(template: job.template, model: model) }
            var key = ContentHasher()
            key.combine(model.first)
            key.combine(model.second)
            for fragment in job.fragments {
                key.combine(fragment.key!.first)
                key.combine(fragment.key!.second)
            }
            return Key(template: job.template, model: key.finalize())
        }
        let reused = keys.map { entries[$0] }
        let missing = jobs.indices.filter { reused[$0] == nil }
        let rendered = missing.map { jobs[$0] }.parallelMap { job -> Data in
            guard !job.fragments.isEmpty else {
                var bytes: [UInt8] = []
                templates.render(job.template, job.model, into: &bytes)
                return Data(bytes)
            }
            let sink = PageSink(path: job.path, staging: nil)
            job.render(with: templates, into: sink, store: store)
            return sink.finish().data
        }
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

    /// Jobs handed to the cores one each, and released by the one that takes them.
    private final class JobBoxes: @unchecked Sendable {
        private var jobs: [PageRenderer.PageJob?]
        init(_ jobs: [PageRenderer.PageJob]) { self.jobs = jobs }
        var count: Int { jobs.count }
        /// The job at `index`, taken out (each index is taken by exactly one iteration).
        func take(_ index: Int) -> PageRenderer.PageJob {
            jobs.withUnsafeMutableBufferPointer { buffer in
                let job = buffer[index]!
                buffer[index] = nil
                return job
            }
        }
    }

    mutating func beginBuild() {
        hits = 0
        misses = 0
    }

    /// Entries are replaced by each `render`; nothing more to forget.
    mutating func endBuild() {}
}
