// Stage 1 of the pipeline: reads the content folder, checks that every file is readable,
// non-empty UTF-8, splits front matter from body and decodes the front matter by the file's
// role. Problems become diagnostics; a file that cannot be loaded is left out and the
// build goes on to find more problems, but the build then fails.

import Foundation

/// Reads `content/` into a `SiteContent`.
public struct ContentLoader: Sendable {
    /// The content folder, as the user named it (used as the prefix of diagnostic paths).
    public var contentDirectory: String
    public var fileSystem: any FileSystem

    /// Creates a loader for `contentDirectory`.
    public init(contentDirectory: String, fileSystem: any FileSystem = LocalFileSystem()) {
        self.contentDirectory = contentDirectory
        self.fileSystem = fileSystem
    }

    /// Loads the content. Returns nil content when a file the site cannot do without (such
    /// as `index.md`) is missing or broken; the diagnostics say why.
    public func load() -> (SiteContent?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let relativePaths: [String]
        if !fileSystem.exists(contentDirectory) {
            return (nil, [Diagnostic(file: contentDirectory, severity: .error, code: .contentMissing,
                message: "the content folder '\(contentDirectory)' does not exist: run `sitegen init` to create a new report, or pass --content DIR")])
        }
        do {
            relativePaths = try fileSystem.files(under: contentDirectory)
        } catch FileSystemError.symlinkLoop(let path) {
            return (nil, [Diagnostic(file: path, severity: .error, code: .symlinkLoop,
                                     message: "symbolic link loop: this link leads back into a folder that contains it")])
        } catch FileSystemError.notADirectory {
            let cwd = FileManager.default.currentDirectoryPath
            let what = fileSystem.exists(contentDirectory) ? "is a file, not a folder" : "does not exist"
            return (nil, [Diagnostic(file: contentDirectory, severity: .error, code: .contentMissing,
                                     message: "the content folder \(what) (looked in \(cwd)); run sitegen in the folder that holds content/, or name the folder with --content DIR")])
        } catch {
            return (nil, [Diagnostic(file: contentDirectory, severity: .error, code: .contentMissing,
                                     message: "cannot read the content folder: \(describe(error))")])
        }

        var sources: [String: SourceFile] = [:]
        var staticFiles: [String] = []
        var dataFiles: [String: SourceFile] = [:]
        var typeFiles: [String: SourceFile] = [:]
        var stringFiles: [String: SourceFile] = [:]
        var configSource: SourceFile?
        // The files are read and split on every core (each on its own), then filed in the
        // listing's order, so that the diagnostics come in the same order as before.
        let roles = relativePaths.map(Self.role)
        let readable = relativePaths.indices.filter { roles[$0] != .hostFile && roles[$0] != .other }
        let reads = readable.parallelMap { index in
            read(relativePaths[index], frontMatterOnly: roles[index] != .page)
        }
        var readByIndex: [Int: (SourceFile?, [Diagnostic])] = [:]
        readByIndex.reserveCapacity(readable.count)
        for (index, result) in zip(readable, reads) { readByIndex[index] = result }
        for (index, relative) in relativePaths.enumerated() {
            let role = roles[index]
            if role == .hostFile || role == .other {
                staticFiles.append(relative)
                continue
            }
            let (source, problems) = readByIndex[index]!
            diagnostics += problems
            switch role {
            case .config: configSource = source
            case .strings: if let source { stringFiles[relative] = source }
            case .type: if let source { typeFiles[relative] = source }
            case .data: if let source { dataFiles[relative] = source }
            case .page: if let source { sources[relative] = source }
            case .hostFile, .other: break
            }
        }

        func page<Meta: Decodable & Hashable & Sendable>(_ relative: String, as type: Meta.Type, slug: String) -> ContentPage<Meta>? {
            guard let source = sources[relative] else { return nil }
            switch Self.decode(source, as: type, slug: slug) {
            case .success(let page): return page
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                return nil
            }
        }

        let indexPath = "index.md"
        if sources[indexPath] == nil && !relativePaths.contains(indexPath) {
            diagnostics.append(Diagnostic(file: display(indexPath), severity: .error, code: .contentMissing,
                                          message: "the content has no index.md with the publication's front matter (at least its title)"))
        }
        let publication = page(indexPath, as: PublicationMeta.self, slug: "")

        var chapters: [ContentPage<PageMeta>] = []
        var unloadedChapters: [SourceFile] = []
        var documents: [ContentPage<DocumentMeta>] = []
        var pages: [ContentPage<PageMeta>] = []
        let (types, typeProblems) = Self.profileTypes(typeFiles)
        diagnostics += typeProblems
        let typeByFolder = Dictionary(types.map { ($0.folder, $0) }, uniquingKeysWith: { first, _ in first })
        // The site configuration is decoded, and the built-in interface strings parsed, on
        // another core meanwhile too.
        let configLoading = configSource.map { source in Background { SiteConfig.load(from: source) } }
        let englishParsing = Background { InterfaceStrings.english.language }
        // The data files (a timeline is the largest YAML of a site) are checked on another
        // core while the pages are decoded; their diagnostics are taken at the same place as before.
        let folders = types.map(\.folder)
        let dataNames = dataFiles.keys.sorted()
        let loadedData = dataFiles
        let dataChecking = Background { dataNames.parallelMap { DataFileChecker.check(loadedData[$0]!, collections: folders) } }
        var profiles: [String: [ContentPage<ProfileMeta>]] = [:]
        var seenChapterSlugs: [String: String] = [:]
        // What to do with each page is decided from its path, in order; the front matter of
        // the pages is then decoded on every core, and the results are taken in that order.
        var plans: [(String, PagePlan)] = []
        for relative in sources.keys.sorted() {
            let name = (relative as NSString).lastPathComponent
            let folder = (relative as NSString).deletingLastPathComponent
            let stem = String(name.dropLast(3))
            // A page's address is made from its file name (and folder): refused unless URL-safe.
            if let problem = Self.slugProblem(folder: folder, stem: stem) {
                plans.append((relative, .problem(Diagnostic(file: display(relative), severity: .error, code: .contentSlugInvalid, message: problem))))
                continue
            }
            switch (folder, stem) {
            case ("", "index"), ("report", "notes"), ("report", "abbreviations"), ("", "editorial-notes"), ("", "figures"), ("", "timeline"):
                continue
            case ("report", _):
                guard let slug = Self.chapterSlug(stem) else {
                    plans.append((relative, .problem(Diagnostic(file: display(relative), severity: .error, code: .contentMissing,
                        message: "chapter files are named with their number first, e.g. 'report/01-introduction.md'"))))
                    continue
                }
                if let other = seenChapterSlugs[slug] {
                    plans.append((relative, .problem(Diagnostic(file: display(relative), severity: .error, code: .contentDuplicateSlug,
                        message: "chapter slug '\(slug)' is also used by \(display(other))"))))
                    continue
                }
                seenChapterSlugs[slug] = relative
                plans.append((relative, .chapter(slug)))
            case ("documents", _):
                plans.append((relative, .document(stem)))
            case (_, _) where typeByFolder[folder] != nil:
                plans.append((relative, .profile(typeByFolder[folder]!, stem)))
            default:
                plans.append((relative, .page(folder.isEmpty ? stem : folder + "/" + stem)))
            }
        }
        let loadedSources = sources
        let loads = plans.parallelMap { relative, plan -> PageLoad in
            let source = loadedSources[relative]!
            switch plan {
            case .problem: return .none
            case .chapter(let slug): return .chapter(Self.decode(source, as: PageMeta.self, slug: slug))
            case .document(let stem): return .document(Self.decode(source, as: DocumentMeta.self, slug: stem))
            case .page(let path): return .page(Self.decode(source, as: PageMeta.self, slug: path))
            case .profile(let type, let stem):
                let (meta, problems) = ProfileMeta.read(source, as: type)
                return .profile(type.name, meta.map { ContentPage(source: source, meta: $0, slug: Slug(rawValue: stem)) }, problems)
            }
        }
        for ((relative, plan), load) in zip(plans, loads) {
            if case .problem(let diagnostic) = plan { diagnostics.append(diagnostic) }
            switch load {
            case .none: break
            case .chapter(.success(let chapter)): chapters.append(chapter)
            case .chapter(.failure(let diagnostic)):
                diagnostics.append(diagnostic)
                unloadedChapters.append(sources[relative]!)
            case .document(.success(let document)): documents.append(document)
            case .page(.success(let page)): pages.append(page)
            case .document(.failure(let diagnostic)), .page(.failure(let diagnostic)): diagnostics.append(diagnostic)
            case .profile(let type, let page, let problems):
                diagnostics += problems
                if let page { profiles[type, default: []].append(page) }
            }
        }

        // Only when there is no chapter file at all: one that failed to load has its own diagnostic.
        let chapterFiles = relativePaths.filter {
            $0.hasPrefix("report/") && $0.hasSuffix(".md") && $0 != "report/notes.md" && $0 != "report/abbreviations.md"
        }
        if publication != nil, chapterFiles.isEmpty {
            diagnostics.append(Diagnostic(file: display(indexPath), severity: .warning, code: .contentNoChapters,
                message: "the report has no chapters: add Markdown files to report/, named with their number first (e.g. 'report/01-introduction.md')"))
        }

        let notes = page("report/notes.md", as: NotesMeta.self, slug: "notes")
        let abbreviations = page("report/abbreviations.md", as: AbbreviationsMeta.self, slug: "abbreviations")
        let editorial = page("editorial-notes.md", as: PageMeta.self, slug: "editorial-notes")

        // Every data file is checked and used by its type; one nothing uses is a warning.
        var charts: [CheckedChart] = []
        var timelines: [DataFile<TimelineData>] = []
        for (checked, problems) in dataChecking.value {
            diagnostics += problems
            switch checked {
            case .chart(let chart)?: charts.append(chart)
            case .timeline(let timeline)?: timelines.append(timeline)
            case nil: break
            }
        }
        let figuresPage = page("figures.md", as: PageMeta.self, slug: "figures")
        let timelinePage = page("timeline.md", as: PageMeta.self, slug: "timeline")

        // The site configuration, the interface strings and the kinds of document it allows.
        var config = SiteConfig()
        if let configSource, let configLoading {
            let (loaded, problems) = configLoading.value
            diagnostics += problems
            if let loaded {
                config = loaded
                diagnostics += loaded.pageNameProblems(contentPages: pages.map(\.slug.rawValue), in: configSource)
                diagnostics += loaded.metadataFileProblems(staticFiles: staticFiles, in: configSource)
                diagnostics += loaded.stylesheetProblems(staticFiles: Set(staticFiles), in: configSource)
            }
        }
        _ = englishParsing.value
        let language = config.lang ?? publication?.meta.language ?? "en"
        let (strings, stringProblems) = InterfaceStrings.load(language: language, files: stringFiles,
                                                              contentDirectory: contentDirectory)
        diagnostics += stringProblems
        let builtInKinds = DocumentKind.builtIn.map(\.rawValue)
        let kinds = builtInKinds + (config.documentKinds ?? [:]).keys.sorted().filter { !builtInKinds.contains($0) }
        documents = documents.filter { document in
            guard !kinds.contains(document.meta.kind.rawValue) else { return true }
            let (line, column) = FrontMatter.location(of: ["kind"], in: document.source)
            diagnostics.append(Diagnostic(file: document.source.path, line: line, column: column, severity: .error,
                code: .frontMatterWrongType,
                message: "front matter field 'kind': '\(document.meta.kind)' is not a kind of document"
                    + Suggestion.hint(for: document.meta.kind.rawValue, in: kinds)
                    + "; expected one of: \(kinds.joined(separator: ", ")) (declare more under 'document_kinds' in site.yml)"))
            return false
        }

        guard let publication else { return (nil, diagnostics) }
        var content = SiteContent(
            publication: publication, chapters: chapters, notes: notes, abbreviations: abbreviations,
            documents: documents, editorialNotes: editorial,
            profiles: types.map { ProfileCollection(type: $0, items: profiles[$0.name] ?? []) },
            charts: charts, timelines: timelines, figuresPage: figuresPage, timelinePage: timelinePage,
            pages: pages, staticFiles: staticFiles)
        content.unloadedChapters = unloadedChapters
        content.config = config
        content.strings = strings
        return (content, diagnostics)
    }

    /// The page of `source`, its front matter decoded as `Meta`, or the diagnostic saying why not.
    static func decode<Meta: Decodable & Hashable & Sendable>(_ source: SourceFile, as type: Meta.Type, slug: String) -> Result<ContentPage<Meta>, Diagnostic> {
        FrontMatter.decode(type, from: source).map { ContentPage(source: source, meta: $0, slug: Slug(rawValue: slug)) }
    }

    /// What the loader does with a page, decided from its path.
    enum PagePlan: Sendable {
        case problem(Diagnostic)
        case chapter(String)
        case document(String)
        case profile(ProfileType, String)
        case page(String)
    }

    /// A page's front matter, decoded.
    enum PageLoad: Sendable {
        case none
        case chapter(Result<ContentPage<PageMeta>, Diagnostic>)
        case document(Result<ContentPage<DocumentMeta>, Diagnostic>)
        case page(Result<ContentPage<PageMeta>, Diagnostic>)
        case profile(String, ContentPage<ProfileMeta>?, [Diagnostic])
    }

    /// What a file of the content is, by its path.
    enum Role: Sendable {
        /// A dot-file or a file in a dot-folder (`.nojekyll`, `.well-known/…`): a host's file, copied as it is.
        case hostFile
        /// `site.yml`.
        case config
        /// Interface strings (`i18n/*.yml`).
        case strings
        /// A profile type (`types/*.yml`).
        case type
        /// A data file (`data/*.yml`).
        case data
        /// A Markdown page.
        case page
        /// Any other file: copied as it is.
        case other
    }

    static func role(_ relative: String) -> Role {
        // Dot-files and dot-folders (`.nojekyll`, `.well-known/…`) are a host's files: copied as they are.
        if relative.hasPrefix(".") || relative.contains("/.") { return .hostFile }
        if relative == "site.yml" || relative == "site.yaml" { return .config }
        let yaml = relative.hasSuffix(".yml") || relative.hasSuffix(".yaml")
        if relative.hasPrefix("i18n/"), yaml { return .strings }
        if relative.hasPrefix("types/"), yaml { return .type }
        if relative.hasPrefix("data/"), yaml { return .data }
        return relative.hasSuffix(".md") ? .page : .other
    }

    /// Why a page at `folder/stem.md` cannot have an address made from its name, or nil when
    /// it can: every part of it must be lowercase ASCII letters, digits, `-` or `_` (safe in
    /// any URL, the same on case-insensitive disks and hosts, never two files for one address).
    static func slugProblem(folder: String, stem: String) -> String? {
        let parts = (folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)) + [stem]
        guard let index = parts.firstIndex(where: { part in part.isEmpty || !part.utf8.allSatisfy(Self.isSlugByte) }) else { return nil }
        let bad = parts[index], isFolder = index < parts.count - 1
        let suggestion = Slugger.slug(bad)
        return "the \(isFolder ? "folder" : "file") name '\(bad)' cannot be part of a web address: name it with lowercase letters a–z, "
            + "digits, '-' and '_' only, e.g. '\(suggestion)\(isFolder ? "" : ".md")'"
    }

    private static func isSlugByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
    }

    /// `02-heat-and-mortality` → `heat-and-mortality`; nil without a number prefix.
    static func chapterSlug(_ stem: String) -> String? {
        guard let dash = stem.firstIndex(of: "-"), stem[..<dash].allSatisfy(\.isNumber), dash > stem.startIndex else {
            return nil
        }
        let slug = stem[stem.index(after: dash)...]
        return slug.isEmpty ? nil : String(slug)
    }

    private func display(_ relative: String) -> String {
        contentDirectory.hasSuffix("/") ? contentDirectory + relative : contentDirectory + "/" + relative
    }

    private func read(_ relative: String, frontMatterOnly: Bool = false) -> (SourceFile?, [Diagnostic]) {
        let path = display(relative)
        let data: Data
        do {
            data = try fileSystem.contents(of: path)
        } catch FileSystemError.outsideRoots(_, let target) {
            return (nil, [Diagnostic.symlinkOutside(path, target: target)])
        } catch {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path), !fileSystem.exists(path) {
                return (nil, [Diagnostic(file: path, severity: .error, code: .fileUnreadable,
                                         message: "this is a dangling symbolic link: it points to \(target), which does not exist; fix or delete the link")])
            }
            return (nil, [Diagnostic(file: path, severity: .error, code: .fileUnreadable,
                                     message: "cannot read this file: \(describe(error))")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column) = Self.firstInvalidUTF8(in: data)
            return (nil, [Diagnostic(file: path, line: line, column: column, severity: .error, code: .fileNotUTF8,
                                     message: "this file is not valid UTF-8; save it as UTF-8 text")])
        }
        if text.utf8.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
            return (nil, [Diagnostic(file: path, severity: .error, code: .fileEmpty,
                                     message: "this file is empty; give it front matter with a title and some text, or delete it")])
        }
        // Carriage returns are looked for with memchr (a generic search of the text costs more than reading it).
        let hasCarriageReturn = data.withUnsafeBytes { raw in raw.count > 0 && memchr(raw.baseAddress!, 13, raw.count) != nil }
        let normalized = hasCarriageReturn ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        if frontMatterOnly {
            // A YAML data file: all of it is "front matter" for decoding and diagnostics.
            return (SourceFile(path: path, relativePath: relative, text: normalized, frontMatter: normalized,
                               frontMatterLine: 1, body: "", bodyLineOffset: 0), [])
        }
        let (source, problem) = FrontMatter.split(text: normalized, path: path, relativePath: relative)
        return (problem == nil ? source : nil, problem.map { [$0] } ?? [])
    }

    /// The line and column of the first byte sequence that is not UTF-8.
    static func firstInvalidUTF8(in data: Data) -> (Int, Int) {
        var line = 1
        var column = 1
        var decoder = UTF8()
        var iterator = data.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput: break loop
            case .error: return (line, column)
            }
        }
        return (line, column)
    }

    private func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError,
           let message = String(validatingCString: strerror(Int32(underlying.code))) {
            return message.lowercased()
        }
        return ns.localizedDescription
    }
}
