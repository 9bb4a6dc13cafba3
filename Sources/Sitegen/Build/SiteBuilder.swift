// The build, in one place: each stage takes a value and returns a value, and this type only
// calls them in order, collects their diagnostics and decides whether to write.
//
//   ContentLoader → MarkdownStage → NoteResolver → ProfileResolver → SourceRegister → PageRenderer
//   → SearchIndexer → LinkChecker → SiteWriter

import Foundation

/// Runs the pipeline.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    public var fileSystem: any FileSystem
    /// The clock used for the elapsed time (injected so tests can fix it).
    public var now: @Sendable () -> Double

    /// Creates a builder.
    /// Without a `fileSystem`, the build reads the disk confined to the content and templates
    /// folders: a symbolic link that leads outside them is refused (`symlink-outside`).
    public init(options: BuildOptions, fileSystem: (any FileSystem)? = nil,
                now: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }) {
        self.options = options
        self.fileSystem = fileSystem ?? ConfinedFileSystem(folders: [options.contentDirectory, options.templatesDirectory])
        self.now = now
    }

    /// Builds the site; never throws: every problem is a diagnostic in the result.
    public func build() -> BuildResult {
        var cache = BuildCache.disabled
        return build(cache: &cache)
    }

    /// Builds the site, reusing from `cache` what the previous build made from the same
    /// inputs, and leaves in it what this build made (for the preview server's rebuilds).
    public func build(cache: inout BuildCache) -> BuildResult {
        let start = now()
        cache.beginBuild()
        defer { cache.endBuild() }
        var diagnostics: [Diagnostic] = []
        var timings: [(String, Double)] = []
        var lap = start
        func mark(_ stage: String) {
            let t = now()
            timings.append((stage, t - lap))
            lap = t
        }
        var sourceSummary: (Int, Int)? = nil
        var basePath: String?
        func finish(_ files: [OutputFile] = [], notes: NoteIndex? = nil, cache: BuildCache) -> BuildResult {
            let final = (options.strict ? diagnostics.map { $0.with(severity: .error) } : diagnostics).sortedForOutput
            return BuildResult(diagnostics: final, pageCount: files.filter { $0.path.hasSuffix(".html") }.count,
                               fileCount: files.count, noteCount: notes?.notes.count ?? 0,
                               referenceCount: notes?.referenceCount ?? 0, elapsedSeconds: now() - start, files: files,
                               stageTimings: timings, sourceCount: sourceSummary?.0, unparsedNoteCount: sourceSummary?.1,
                               statistics: cache.statistics, basePath: basePath)
        }

        if let problem = OutputLocation.problem(options) {
            diagnostics.append(problem)
            return finish(cache: cache)
        }
        // Refuse a folder sitegen did not write before doing any work (the writer checks again).
        if options.writesOutput, let problem = OutputLocation.replaceProblem(options.outputDirectory, force: options.force) {
            diagnostics.append(problem)
            return finish(cache: cache)
        }
        // The preview reads only the files that changed and decodes only what they feed (`LoadCache`).
        let contentDirectory = options.contentDirectory
        let (templates, templateProblems): (TemplateSet?, [Diagnostic])
        let (content, contentProblems): (SiteContent?, [Diagnostic])
        let fileSystem: any FileSystem
        if let files = cache.files {
            let caching = CachingFileSystem(base: self.fileSystem, cache: files)
            fileSystem = caching
            (templates, templateProblems) = cache.load.templates(options.templatesDirectory, fileSystem: caching) {
                TemplateSet.load(from: options.templatesDirectory, fileSystem: $0)
            }
            (content, contentProblems) = cache.load.content(contentDirectory, fileSystem: caching) {
                ContentLoader(contentDirectory: contentDirectory, fileSystem: $0).load()
            }
            // What every body depends on besides its own text: every file of the content but the
            // report's Markdown (their front matter is added by the renderer), and the base URL.
            let report = (contentDirectory.hasSuffix("/") ? contentDirectory : contentDirectory + "/") + "report/"
            var inputs = ContentHasher()
            let others = files.fingerprint { !($0.hasPrefix(report) && $0.hasSuffix(".md")) && !$0.hasPrefix(options.templatesDirectory + "/") }
            inputs.combine(others.first)
            inputs.combine(others.second)
            inputs.combine(options.baseURL ?? "")
            cache.pieces.inputs = inputs.finalize()
        } else {
            fileSystem = self.fileSystem
            // The templates are read and parsed on another core while the content is loaded.
            let templatesDirectory = options.templatesDirectory, templateFileSystem = fileSystem
            let templateLoading = Background { TemplateSet.load(from: templatesDirectory, fileSystem: templateFileSystem) }
            (content, contentProblems) = ContentLoader(contentDirectory: contentDirectory, fileSystem: fileSystem).load()
            (templates, templateProblems) = templateLoading.value
        }
        diagnostics += templateProblems
        diagnostics += contentProblems
        mark("load")
        guard let templates, let content else { return finish(cache: cache) }

        let parsed = MarkdownStage().run(content, cache: &cache.markdown)
        diagnostics += parsed.diagnostics
        mark("parse")
        let (notes, noteProblems) = cache.stages.notes(parsed) { NoteResolver().run($0) }
        diagnostics += noteProblems
        mark("notes")
        let (profiles, profileProblems) = ProfileResolver().run(parsed)
        diagnostics += profileProblems
        let sources = notes.notes.isEmpty ? nil
            : cache.stages.sources(notes, outlets: profiles.outletNames) { SourceRegister.build($0, outlets: $1) }
        mark("sources")
        sourceSummary = sources.map { ($0.sources.count, $0.unparsedNotes.count) }

        if let given = options.baseURL, let problem = SiteURLs.problem(with: given) {
            diagnostics.append(Diagnostic(file: "--base-url", severity: .error, code: .baseURLInvalid,
                                          message: "'\(given)' cannot be the base URL: \(problem); give an absolute http(s) URL or a path such as /report/"))
            return finish(cache: cache)
        }
        if options.baseURL == nil, let given = content.publication.meta.baseURL, let problem = SiteURLs.problem(with: given) {
            let source = content.publication.source
            let (line, column) = source.frontMatterLine(containing: "base_url")
            diagnostics.append(Diagnostic(file: source.path, line: line, column: column, severity: .error, code: .baseURLInvalid,
                                          message: "base_url '\(given)' cannot be the base URL: \(problem); give an absolute http(s) URL or a path such as /report/"))
            return finish(cache: cache)
        }
        let urls = SiteURLs(baseURL: options.baseURL ?? content.config.baseURL ?? content.publication.meta.baseURL ?? "/")
        basePath = urls.basePath
        let copied = copiedFiles(content: content, templates: templates, fileSystem: fileSystem, diagnostics: &diagnostics)
        // A plain build writes each page into the staging folder as soon as it is rendered
        // (with offline reading too: the manifest lists the size and fingerprint taken as each
        // page was written). Builds that need the pages' bytes after rendering keep them in
        // memory: strict builds (the link check reads every page), relative links (every page
        // rewritten), the one-file edition (every page inlined), and the preview (its cache).
        let relative = options.relativeLinks ?? content.config.relativeLinks ?? false
        let reworksPages = options.strict || relative || options.singleFile != nil
        let writer = SiteWriter(outputDirectory: options.outputDirectory, force: options.force)
        var staging: SiteStaging? = nil
        if options.writesOutput && !reworksPages && !diagnostics.hasErrors {
            do {
                staging = try writer.open()
            } catch {
                diagnostics.append(error)
                return finish(cache: cache)
            }
        }
        // The search index is built on another core while the pages are rendered and written
        // (its records are ready before the templates run). Relative links rewrite the records'
        // URLs first, so those builds index after rendering; the preview indexes after it has
        // served the pages (`SearchStage`).
        let defersSearch = options.defersSearchIndex && !options.writesOutput && !options.strict && options.singleFile == nil
        let indexer = SearchIndexer()
        let indexing = Locked<Background<[OutputFile]>?>(nil)
        // Its shards and text chunks are written into the staging folder from that core too, as
        // soon as they are made (a large site has thousands of them, and creating files costs
        // the kernel more than writing them); the metadata and records files stay in memory,
        // because the search page gets them as data blocks.
        let indexStaging = staging
        let startIndexing: @Sendable ([SearchRecord]) -> Void = { records in
            indexing.set(Background {
                let files = indexer.indexFiles(records)
                guard let indexStaging else { return files }
                let kept = Set([SearchIndexFiles.metaName, SearchIndexFiles.recordsName].map { indexer.files.folder + $0 })
                return files.map { kept.contains($0.path) ? $0 : indexStaging.written($0) }
            })
        }
        cache.pieces.sourcesGeneration = cache.stages.sourcesGeneration
        cache.pieces.notesGeneration = cache.stages.notesGeneration
        let (rendered, renderProblems) = PageRenderer(urls: urls, templates: templates, copiedFiles: copied)
            .run(parsed, notes: notes, profiles: profiles, sources: sources, cache: &cache.pages, pieces: &cache.pieces,
                 staging: staging, searchRecordsReady: relative || defersSearch ? nil : startIndexing,
                 defersSearchRecords: defersSearch)
        diagnostics += renderProblems
        mark("render")
        let searchStage = SearchStage(relativeLinks: relative, offlineReading: content.config.offlineReading == true,
                                      staticFiles: content.staticFiles, themeAssets: Set(templates.allAssets),
                                      contentDirectory: options.contentDirectory)
        let pages = relative ? RelativeLinks(basePath: urls.basePath).run(rendered) : rendered
        if defersSearch {
            // The preview serves the pages first (see `SearchStage`); collisions among them stop it now.
            diagnostics += searchStage.collisions(pages.files)
            let pending = PendingSearch(stage: searchStage, pages: pages, reported: diagnostics)
            var result = finish(pages.files, notes: notes, cache: cache)
            result.pendingSearch = pending
            return result
        }
        let (site, collisions) = searchStage.run(pages, indexFiles: indexing.value?.value)
        diagnostics += collisions
        mark("search")
        // Links, anchors and resources are checked in strict builds (CI) and by `sitegen check`.
        if options.strict {
            diagnostics += LinkChecker(urls: urls, displayRoot: options.outputDirectory).check(site.files)
            mark("check")
        }

        let hasErrors = diagnostics.hasErrors || (options.strict && !diagnostics.isEmpty)
        if options.writesOutput && !hasErrors {
            do {
                let target: SiteStaging
                if let staging { target = staging } else { target = try writer.open() }
                diagnostics += try writer.commit(site, staging: target)
            } catch {
                diagnostics.append(error)
            }
            mark("write")
        } else if let staging {
            writer.abandon(staging)
        }
        if let path = options.singleFile, options.writesOutput, !diagnostics.hasErrors {
            diagnostics += SingleFileEdition(urls: urls, strings: content.strings).write(rendered, to: path, force: options.force)
            mark("single")
        }
        if options.keepsValuesUntilExit {
            ExitRetained.keep([content, parsed, notes, profiles, sources as Any, rendered, pages, site, templates, copied])
        }
        return finish(site.files, notes: notes, cache: cache)
    }

    /// Theme assets (`templates/assets/…` → `assets/…`) and content files that are not Markdown.
    private func copiedFiles(content: SiteContent, templates: TemplateSet, fileSystem: any FileSystem,
                             diagnostics: inout [Diagnostic]) -> [OutputFile] {
        var files: [OutputFile] = []
        let sources = templates.assets.map { (options.templatesDirectory + "/" + $0, $0) }
            + content.staticFiles.map { (options.contentDirectory + "/" + $0, $0) }
        for (path, relative) in sources {
            do {
                let data = try fileSystem.contents(of: path)
                if CopiedFileScanner.applies(to: relative) {
                    for found in CopiedFileScanner.findings(in: Array(data)) {
                        diagnostics.append(.copiedFileScript(path, line: found.line, column: found.column, what: found.what))
                    }
                }
                files.append(OutputFile(path: relative, data: data))
            } catch FileSystemError.outsideRoots(_, let target) {
                diagnostics.append(.symlinkOutside(path, target: target))
            } catch {
                if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path), !fileSystem.exists(path) {
                    diagnostics.append(Diagnostic(file: path, severity: .error, code: .fileUnreadable,
                                                  message: "this is a dangling symbolic link: it points to \(target), which does not exist; fix or delete the link"))
                    continue
                }
                diagnostics.append(Diagnostic(file: path, severity: .error, code: .fileUnreadable,
                                              message: "cannot read this file to copy it into the site"))
            }
        }
        files += templates.builtinAssets.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, data: $0.value) }
        return files
    }
}
