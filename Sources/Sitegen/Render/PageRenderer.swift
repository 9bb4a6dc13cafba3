// Stage 4: renders every page of the site through the Mustache templates. Bodies are
// rendered to HTML trees by `BodyRenderer`; this stage fills the view models (navigation,
// contents, previous/next, notes lists, editorial notes) and hands them to the templates.

import Foundation
import SitegenMarkdown

/// Renders the parsed site into output files.
public struct PageRenderer: Sendable {
    public var urls: SiteURLs
    public var templates: TemplateSet
    /// Files to copy as they are: (output path, bytes).
    public var copiedFiles: [OutputFile]

    /// Creates the stage.
    public init(urls: SiteURLs, templates: TemplateSet, copiedFiles: [OutputFile]) {
        self.urls = urls
        self.templates = templates
        self.copiedFiles = copiedFiles
    }

    /// A page waiting to be rendered.
    struct PageJob: Sendable {
        var template: String
        var model: PageModel
        var path: String
        /// Kept in memory even when pages are written as they are rendered (the search page,
        /// which gets the index metadata afterwards).
        var keepsBytes = false
        /// The large parts of the page, made and written in pieces when the page is written
        /// (the model holds their markers; see `PageFragment`).
        var fragments: [PageFragment] = []
        /// What the whole model is made of, when the renderer can tell without reading it (the
        /// preview's cache; `RenderCache`): the same key, the same model, so the page cache
        /// fingerprints the model only for a key it has not seen.
        var modelKey: ContentHash? = nil
    }

    /// A rendered chapter body and what was met in it.
    struct ChapterBody: Sendable {
        var html: HTML
        var headings: [HeadingItem]
        var editorialNotes: [EditorialNoteItem]
        var mentions: [MentionRecord]
        var diagnostics: [Diagnostic]
    }

    /// A rendered note text and what was met in it.
    struct RenderedNote: Sendable {
        var label: NoteLabel
        var html: HTML
        var mentions: [MentionRecord]
        var editorials: [String]
        var diagnostics: [Diagnostic]
    }

    /// Every note's rendered text, list item and margin copy, and what was met in them.
    struct NotesLayer: Sendable {
        var renderedNotes: [RenderedNote?]
        var noteTokens: [NoteLabel: UInt64]
        var noteBodies: [NoteLabel: HTML]
        var noteEditorials: [NoteLabel: [String]]
        var noteMentions: [(NoteLabel, MentionRecord)]
        var diagnostics: [Diagnostic]
        var noteList: NoteListRenderer
        var itemTokens: [NoteLabel: UInt64]
        var preparedNotes: [NoteLabel: NoteListRenderer.PreparedNote]
    }

    /// A rendered companion document and what was met in it.
    struct DocumentBody: Sendable {
        var html: HTML
        /// The body serialised (the document's page shows it).
        var text: String
        var mentions: [MentionRecord]
        var editorialNotes: [EditorialNoteItem]
        var diagnostics: [Diagnostic]
    }

    /// Renders all pages.
    public func run(_ site: ParsedSite, notes: NoteIndex, profiles: Profiles = .none,
                    sources: SourceRegister? = nil) -> (RenderedSite, [Diagnostic]) {
        var cache = PageCache(isEnabled: false)
        var pieces = RenderCache(isEnabled: false)
        return run(site, notes: notes, profiles: profiles, sources: sources, cache: &cache, pieces: &pieces)
    }

    /// Renders all pages, reusing those `cache` rendered before from the same model.
    func run(_ site: ParsedSite, notes: NoteIndex, profiles: Profiles = .none, sources: SourceRegister? = nil,
             cache: inout PageCache, pieces: inout RenderCache, staging: SiteStaging? = nil,
             searchRecordsReady: (@Sendable ([SearchRecord]) -> Void)? = nil,
             defersSearchRecords: Bool = false) -> (RenderedSite, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let publication = site.content.publication.meta
        let pageURLs = contentPageURLs(site)
        let chapterTitles = Dictionary(uniqueKeysWithValues: site.chapters.map { ($0.page.slug, $0.page.meta.title) })
        let noteNumbers = notes.numbers
        let t = site.content.strings
        let config = site.content.config
        func chapterLabel(_ index: Int) -> String { t.format("chapter_number", ["number": String(index + 1)]) }
        func chapterLabel(_ index: Int, _ title: String) -> String {
            t.format("chapter_number_title", ["number": String(index + 1), "title": title])
        }

        // Chapter bodies: ids are unique across the whole report, so that the full-report page
        // can hold every chapter with the same ids as the chapter pages.
        let missingImage = MissingImageNotice(label: t["image_not_reproduced"],
                                              linkText: t["image_not_reproduced_link"],
                                              url: urls.editorialNotes)
        // Heading ids are handed out in a first pass over the trees (cheap: only headings are
        // read), so that the chapters can then be rendered on all cores.
        var slugger = Slugger(reserved: ["main", "notes-label", "contents", "top", "site-search", "chapter-toc-title", "note-preview",
                                          "cite", "cite-heading", "cite-text", "cite-status"]
                                + site.chapters.map(\.page.slug.rawValue))
        let headingIDs: [[String]] = site.chapters.map { chapter in
            HeadingIDs.texts(chapter.document.blocks).map { slugger.unique($0) }
        }
        let abbreviationTerms = profiles.abbreviationTerms
        // The preview reuses the bodies its previous build rendered from the same inputs (`RenderCache`).
        let caches = pieces.isEnabled
        let environment = caches ? Self.environment(site, inputs: pieces.inputs, urls: urls) : ContentHash(first: 0, second: 0)
        let renderChapter: @Sendable (Int) -> ChapterBody = { index -> ChapterBody in
            let chapter = site.chapters[index]
            var body = BodyRenderer(basePath: urls.basePath, source: chapter.page.source, pageURLs: pageURLs,
                                    slugger: Slugger(), sectionID: chapter.page.slug.rawValue)
            body.headingIDs = headingIDs[index]
            body.noteReferenceIDs = notes.referenceIDs(in: chapter.page.slug)
            body.noteNumbers = noteNumbers
            body.missingImageNotice = missingImage
            body.mentionMatcher = profiles.matcher
            body.abbreviations = profiles.abbreviations
            body.abbreviationTerms = abbreviationTerms
            body.strings = t
            body.permalinks = true
            let html = body.render(chapter.document.blocks)
            // Rendered once: the full report's rendition is the same tree, rewritten (when the
            // full report is written, so that both trees are never held for every chapter).
            return ChapterBody(html: html, headings: body.headings,
                               editorialNotes: body.editorialNotes, mentions: body.mentions, diagnostics: body.diagnostics)
        }
        var renderedBodies: [ChapterBody]
        var chapterTokens: [Slug: UInt64] = [:]
        if caches {
            let inputs = site.chapters.indices.map { index -> RenderCache.BodyInput in
                let chapter = site.chapters[index]
                let ids = notes.referenceIDs(in: chapter.page.slug)
                var numbers: [NoteLabel: String] = [:]
                for label in ids.keys { numbers[label] = noteNumbers[label] }
                return RenderCache.BodyInput(environment: environment, tree: SameTree(blocks: chapter.document.blocks),
                                             path: chapter.page.source.path, relativePath: chapter.page.source.relativePath,
                                             lineOffset: chapter.page.source.bodyLineOffset, headingIDs: headingIDs[index],
                                             referenceIDs: ids, numbers: numbers)
            }
            let made = pieces.pieces(\.chapters, ids: site.chapters.map(\.page.slug), inputs: inputs, make: renderChapter)
            renderedBodies = made.map(\.value)
            for (chapter, piece) in zip(site.chapters, made) { chapterTokens[chapter.page.slug] = piece.token }
        } else {
            renderedBodies = Array(site.chapters.indices).parallelMap(renderChapter)
        }
        var bodies: [Slug: ChapterBody] = [:]
        for (chapter, body) in zip(site.chapters, renderedBodies) {
            diagnostics += body.diagnostics
            bodies[chapter.page.slug] = body
        }
        renderedBodies = []

        // Note texts, rendered once.
        let sourcesByPath = Dictionary(site.chapters.map { ($0.page.source.path, $0.page.source) }, uniquingKeysWith: { first, _ in first })
        @Sendable func noteSource(_ note: ResolvedNote) -> SourceFile? {
            guard let definition = note.definition else { return nil }
            return site.notesIntroduction?.page.source.path == definition.file
                ? site.notesIntroduction!.page.source
                : sourcesByPath[definition.file]
        }
        // The archived copy nearest the date the note consulted its address, or the publication's year.
        @Sendable func archiveTimestamp(_ note: ResolvedNote) -> String? {
            sources?.parsedNotes[note.label]?.citations.lazy
                .compactMap { SourcesPageBuilder.archiveTimestamp($0, fallbackYear: nil) }.first
                ?? publication.year.map(String.init)
        }
        let renderNote: @Sendable (ResolvedNote, SourceFile, String?) -> RenderedNote = { note, source, timestamp in
            var r = BodyRenderer(basePath: urls.basePath, source: source, pageURLs: pageURLs,
                                 slugger: Slugger(), sectionID: note.id)
            r.anchorsParagraphs = false
            r.collectsEditorialNotes = false
            r.mentionMatcher = profiles.matcher
            r.archivesLinks = true
            r.archiveTimestamp = timestamp
            r.strings = t
            let html = r.render(note.definition!.blocks)
            return RenderedNote(label: note.label, html: html, mentions: r.mentions,
                                editorials: r.editorialNotes.map(\.text), diagnostics: r.diagnostics)
        }
        // Every note's text, list item and margin copy: the preview reuses them all when the
        // notes, the sources register and the environment are those of its previous build.
        var layerKey = Key("notes-layer")
        layerKey.add(environment)
        layerKey.add(pieces.notesGeneration)
        layerKey.add(pieces.sourcesGeneration)
        func makeNotesLayer() -> NotesLayer {
            var renderedNotes: [RenderedNote?]
            var noteTokens: [NoteLabel: UInt64] = [:]
            if caches {
                let defined = notes.notes.compactMap { note in noteSource(note).map { (note, $0, archiveTimestamp(note)) } }
                let inputs = defined.map { note, source, timestamp in
                    RenderCache.BodyInput(environment: environment, tree: SameTree(blocks: note.definition!.blocks),
                                          path: source.path, relativePath: source.relativePath, lineOffset: 0,
                                          id: note.id, archiveTimestamp: timestamp)
                }
                let made = pieces.pieces(\.notes, ids: defined.map(\.0.label), inputs: inputs) { renderNote(defined[$0].0, defined[$0].1, defined[$0].2) }
                renderedNotes = made.map(\.value)
                for piece in made { noteTokens[piece.value.label] = piece.token }
            } else {
                renderedNotes = notes.notes.parallelMap { note -> RenderedNote? in
                    guard let source = noteSource(note) else { return nil }
                    return renderNote(note, source, archiveTimestamp(note))
                }
            }
            var noteBodies: [NoteLabel: HTML] = [:]
            var noteDiagnostics: [Diagnostic] = []
            var noteEditorials: [NoteLabel: [String]] = [:]
            var noteMentions: [(NoteLabel, MentionRecord)] = []
            for case let note? in renderedNotes {
                noteBodies[note.label] = note.html
                noteMentions += note.mentions.map { (note.label, $0) }
                noteDiagnostics += note.diagnostics
                if !note.editorials.isEmpty { noteEditorials[note.label, default: []] += note.editorials }
            }
            var noteList = NoteListRenderer(noteBodies: noteBodies, urls: urls, chapterTitles: chapterTitles)
            noteList.strings = t
            if let sources {
                noteList.parsedNotes = sources.parsedNotes
                let byID = Dictionary(uniqueKeysWithValues: sources.sources.map { ($0.id, $0) })
                noteList.sourceLinks = sources.sourcesByNote.mapValues { ids in
                    ids.compactMap { byID[$0] }.map { source in
                        let c = source.citation
                        let name = [c.shortAuthor ?? c.outlet, c.year.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
                        return LinkView(title: name.isEmpty ? c.kind.groupTitle : name, url: urls.url("sources/") + "#" + source.id)
                    }
                }
            }

            // Each note list item's token: the same token, the same `<li>` and margin copy on every page.
            var itemEnvironment = Key("items")
            itemEnvironment.add(environment)
            let itemTokens = caches
                ? pieces.itemTokens(notes.notes, environment: itemEnvironment.hash, bodies: noteTokens,
                                    linkGone: { noteList.parsedNotes[$0]?.linkGone ?? false }, sourceLinks: { noteList.sourceLinks[$0] })
                : [:]
            // Each note's list item and margin copy, serialised once for every page that shows it
            // (the preview's by item token).
            let lister = noteList
            let preparedNotes = caches
                ? pieces.preparedNotes(notes.notes, tokens: itemTokens) { lister.prepare($0, withSources: true) }
                : Dictionary(uniqueKeysWithValues: zip(notes.notes.map(\.label),
                                                       notes.notes.parallelMap { lister.prepare($0, withSources: true) }))
            return NotesLayer(renderedNotes: renderedNotes, noteTokens: noteTokens, noteBodies: noteBodies,
                              noteEditorials: noteEditorials, noteMentions: noteMentions, diagnostics: noteDiagnostics,
                              noteList: noteList, itemTokens: itemTokens, preparedNotes: preparedNotes)
        }
        let layer: NotesLayer
        if caches, let stored: NotesLayer = pieces.stored("notes-layer", key: layerKey.hash) {
            layer = stored
            pieces.countReused(stored.noteTokens.count)
        } else {
            layer = makeNotesLayer()
            if caches { pieces.store("notes-layer", key: layerKey.hash, layer) }
        }
        let renderedNotes = layer.renderedNotes, noteTokens = layer.noteTokens, noteEditorials = layer.noteEditorials
        let noteMentions = layer.noteMentions, noteList = layer.noteList, itemTokens = layer.itemTokens
        let preparedNotes = layer.preparedNotes
        var noteBodies = layer.noteBodies
        diagnostics += layer.diagnostics
        /// The key of a fragment made of `tokens` (nil when the preview's cache is off).
        func fragmentKey(_ name: String, _ build: (inout Key) -> Void) -> ContentHash? {
            guard caches else { return nil }
            var key = Key(name)
            key.add(environment)
            build(&key)
            return key.hash
        }

        // Bodies that decide which pages exist: the abstract's and the documents' editorial
        // notes (for the Editorial notes page), the timeline's events.
        var abstractRenderer = BodyRenderer(basePath: urls.basePath, source: site.abstract.page.source,
                                            pageURLs: pageURLs, slugger: Slugger(reserved: ["main", "cite", "cite-heading", "cite-text", "cite-status"]), sectionID: "abstract")
        abstractRenderer.mentionMatcher = profiles.matcher
        abstractRenderer.abbreviations = profiles.abbreviations
        abstractRenderer.abbreviationTerms = abbreviationTerms
        abstractRenderer.strings = t
        abstractRenderer.missingImageNotice = missingImage
        let abstractHTML = abstractRenderer.render(site.abstract.document.blocks)
        diagnostics += abstractRenderer.diagnostics
        let abstractText = abstractHTML.rendered
        var documentEditorials: [(Parsed<DocumentMeta>, [EditorialNoteItem])] = []
        var documentMentions: [(Parsed<DocumentMeta>, [MentionRecord])] = []
        var documentBodies: [Slug: HTML] = [:]
        var documentTexts: [Slug: String] = [:]
        let renderDocument: @Sendable (Int) -> DocumentBody = { index in
            let document = site.documents[index]
            var r = BodyRenderer(basePath: urls.basePath, source: document.page.source, pageURLs: pageURLs,
                                 slugger: Slugger(reserved: ["main"]), sectionID: document.page.slug.rawValue)
            r.mentionMatcher = profiles.matcher
            r.abbreviations = profiles.abbreviations
            r.abbreviationTerms = abbreviationTerms
            r.permalinks = true
            r.strings = t
            r.missingImageNotice = missingImage
            let html = r.render(document.document.blocks)
            return DocumentBody(html: html, text: html.rendered, mentions: r.mentions, editorialNotes: r.editorialNotes,
                                diagnostics: r.diagnostics)
        }
        var documentTokens: [UInt64] = []
        let renderedDocuments: [DocumentBody]
        if caches {
            let inputs = site.documents.map { document in
                RenderCache.BodyInput(environment: environment, tree: SameTree(blocks: document.document.blocks),
                                      path: document.page.source.path, relativePath: document.page.source.relativePath,
                                      lineOffset: document.page.source.bodyLineOffset, id: document.page.slug.rawValue)
            }
            let made = pieces.pieces(\.documents, ids: site.documents.map(\.page.slug), inputs: inputs, make: renderDocument)
            renderedDocuments = made.map(\.value)
            documentTokens = made.map(\.token)
        } else {
            renderedDocuments = Array(site.documents.indices).parallelMap(renderDocument)
        }
        for (document, body) in zip(site.documents, renderedDocuments) {
            documentBodies[document.page.slug] = body.html
            documentTexts[document.page.slug] = body.text
            documentMentions.append((document, body.mentions))
            diagnostics += body.diagnostics
            documentEditorials.append((document, body.editorialNotes))
        }
        let documentTitles = Dictionary(uniqueKeysWithValues: site.documents.map { ($0.page.slug, $0.page.meta.title) })
        var timelineMonths: [TimelineMonthView] = []
        if !site.content.timelines.isEmpty {
            var timeline = TimelineBuilder(urls: urls, notes: notes, documents: documentTitles, profiles: profiles,
                                           defaultYear: publication.year)
            timeline.strings = t
            let timelineKey = fragmentKey("timeline") { $0.add(pieces.notesGeneration) }
            let (months, problems) = timelineKey.map { key in pieces.derived("timeline", key: key) { timeline.months(site.content.timelines) } }
                ?? timeline.months(site.content.timelines)
            diagnostics += problems
            timelineMonths = months
        }
        let hasEditorialNotes = site.editorialIntroduction != nil || !abstractRenderer.editorialNotes.isEmpty
            || bodies.values.contains { !$0.editorialNotes.isEmpty } || !noteEditorials.isEmpty
            || notes.notes.contains { !$0.editorialExplanations.isEmpty }
            || (site.content.abbreviations?.meta.abbreviations.contains { $0.editorial != nil } ?? false)
            || documentEditorials.contains { !$0.1.isEmpty }

        // The pages this site has, under the names site.yml uses for them.
        var pages = SitePages(strings: t, config: config)
        pages.add(SitePage.home.rawValue, url: urls.home, title: publication.title)
        pages.add(SitePage.full.rawValue, url: urls.fullReport, title: t["nav_full"])
        let notesTitle = site.notesIntroduction?.page.meta.title ?? pages.title(.notes, default: t["title_notes"])
        if !notes.notes.isEmpty || site.notesIntroduction != nil {
            pages.add(SitePage.notes.rawValue, url: urls.notes, title: notesTitle)
        }
        if sources != nil { pages.add(SitePage.sources.rawValue, url: urls.url("sources/"), title: pages.title(.sources, default: t["title_sources"])) }
        // figures.md and timeline.md give these pages' titles; site.yml's `pages` and the strings otherwise.
        let figuresTitle = site.content.figuresPage?.meta.title ?? pages.title(.figures, default: t["title_figures"])
        let timelineTitle = site.content.timelinePage?.meta.title ?? pages.title(.timeline, default: t["title_timeline"])
        if !site.content.charts.isEmpty { pages.add(SitePage.figures.rawValue, url: urls.url("figures/"), title: figuresTitle) }
        if !timelineMonths.isEmpty { pages.add(SitePage.timeline.rawValue, url: urls.url("timeline/"), title: timelineTitle) }
        if let abbreviations = site.content.abbreviations {
            pages.add(SitePage.abbreviations.rawValue, url: urls.abbreviations, title: abbreviations.meta.title)
        }
        if hasEditorialNotes {
            pages.add(SitePage.editorial.rawValue, url: urls.editorialNotes,
                      title: site.editorialIntroduction?.page.meta.title ?? pages.title(.editorial, default: t["title_editorial"]))
        }
        if !site.documents.isEmpty {
            pages.add(SitePage.documents.rawValue, url: urls.documents, title: pages.title(.documents, default: t["title_documents"]))
        }
        for collection in profiles.collections where !collection.items.isEmpty {
            let folder = collection.type.folder
            pages.add(folder, url: urls.url("\(folder)/"),
                      title: SitePage(rawValue: folder).map { pages.title($0, default: collection.type.title) } ?? collection.type.title)
            pages.collections.append(folder)
        }
        pages.add(SitePage.search.rawValue, url: urls.url("search/"), title: pages.title(.search, default: t["title_search"]))
        for page in site.pages { pages.add(page.page.slug.rawValue, url: urls.page(page.page.slug), title: page.page.meta.title) }

        let imprint = [publication.publisher, publication.year.map(String.init)].compactMap { $0 }
        var siteView = SiteView(
            title: publication.title, subtitle: publication.subtitle,
            authors: publication.authors.isEmpty ? nil : t.list(publication.authors.map(\.name)),
            publisher: publication.publisher, year: publication.year.map(String.init),
            imprint: imprint.isEmpty ? nil : imprint.joined(separator: ", "),
            imprintLine: imprint.isEmpty ? nil : imprint.joined(separator: " · "),
            language: site.content.strings.language,
            basePath: urls.basePath, stylesheetURL: urls.asset("site.css"), scriptURL: urls.asset("search.js"),
            navigation: pages.menu())
        siteView.editorialNotesURL = hasEditorialNotes ? urls.editorialNotes : nil
        siteView.params = config.params
        siteView.searchKinds = [SearchRecord.Kind.chapter, .note, .document, .glossary].map {
            SearchKindView(name: $0.rawValue, label: t["search_kind_\($0.rawValue)"])
        } + profiles.collections.filter { $0.type.name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D || $0 == 0x5F } }
            .map { SearchKindView(name: $0.type.name, label: $0.type.label) }
        siteView.stylesheets = (config.stylesheets ?? []).map { urls.url($0.hasPrefix("/") ? String($0.dropFirst()) : $0) }

        for script in ["notes.js", "reading.js"] where templates.allAssets.contains("assets/" + script) {
            siteView.scripts.append(urls.asset(script))
        }
        if config.offlineReading == true, templates.allAssets.contains("assets/offline.js") {
            siteView.offlineReading = true
            siteView.scripts.append(urls.asset("offline.js"))
        }

        // What each page says about itself to link previews, reference managers and search
        // engines (PageMetadata), and the publication's citation.
        let metadata = PageMetadata(
            publication: publication, language: site.content.strings.language, urls: urls, metadata: config.metadata,
            chapters: site.chapters.map { (title: $0.page.meta.title, path: "report/\($0.page.slug)/") },
            entities: Dictionary(profiles.collections.flatMap { collection in
                collection.items.map { ("\(collection.type.folder)/\($0.page.slug)/",
                                        PageMetadata.Entity(schema: collection.type.schema, meta: $0.page.meta)) }
            }, uniquingKeysWith: { first, _ in first }))
        var citation = PublicationCitation(publication: publication, language: site.content.strings.language, urls: urls,
                                           pdfURL: config.metadata?.pdf.map(metadata.address))
        citation.and = t["list_and"]
        let citationView = citation.view(strings: t)
        let citeScript = templates.allAssets.contains("assets/cite.js") ? urls.asset("cite.js") : nil

        func model(title: String, kind: String, path: String, description: String? = nil) -> PageModel {
            let documentTitle = path.isEmpty ? publication.title : "\(title) · \(publication.title)"
            var site = siteView
            site.navigation = site.navigation.map { link in
                var l = link
                l.current = link.url == urls.url(path)
                return l
            }
            var page = PageModel(site: site, title: title, documentTitle: documentTitle,
                                 description: description ?? publication.subtitle ?? publication.title,
                                 canonicalURL: urls.absolute(path), kind: kind)
            page.t = t.values
            page.meta = metadata.page(kind: kind, title: title, path: path, description: page.description)
            return page
        }

        // Pages are collected as (template, model, path) and rendered on all cores at the end.
        // Their large parts are fragments, made from the HTML trees only when the page is
        // written; the trees are released with the last page that needs them.
        var jobs: [PageJob] = []
        func emit(_ template: String, _ model: PageModel, at path: String, fragments: PageFragment.List = .init()) {
            jobs.append(PageJob(template: template, model: model, path: SiteURLs.file(for: path), fragments: fragments.fragments))
        }

        // Chapters.
        let contents: [TocEntry] = site.chapters.enumerated().map { index, chapter in
            let url = urls.chapter(chapter.page.slug)
            let sections = (bodies[chapter.page.slug]?.headings ?? []).filter { $0.level == 2 }
                .map { LinkView(title: $0.text, url: url + "#" + $0.id) }
            return TocEntry(number: String(index + 1), title: chapter.page.meta.title, url: url, sections: sections)
        }
        let margin = MarginNotes { preparedNotes[$0]?.margin }
        for (index, chapter) in site.chapters.enumerated() {
            let slug = chapter.page.slug
            let body = bodies[slug]!
            var m = model(title: chapter.page.meta.title, kind: "chapter", path: "report/\(slug)/",
                          description: chapter.page.meta.description)
            m.eyebrow = t.format("chapter_of", ["number": String(index + 1), "count": String(site.chapters.count)])
            var fragments = PageFragment.List()
            let html = body.html
            let listed = notes.notes(listedIn: slug)
            m.contentHTML = fragments.add(key: fragmentKey("chapter") { key in
                key.add(chapterTokens[slug]!)
                for note in listed { key.add(itemTokens[note.label]!) }
            }) { margin.write(html, into: &$0) }
            if !listed.isEmpty {
                m.notesHTML = fragments.add(key: fragmentKey("chapter-notes") { key in
                    key.add(slug.rawValue)
                    for note in listed { key.add(itemTokens[note.label]!) }
                }) { [noteList] in noteList.writeSection(listed, prepared: preparedNotes, localChapters: [slug], into: &$0) }
            }
            m.sections = contents[index].sections
            m.citation = citationView
            if let citeScript { m.site.scripts.append(citeScript) }
            m.previous = index > 0 ? LinkView(title: site.chapters[index - 1].page.meta.title,
                                              url: urls.chapter(site.chapters[index - 1].page.slug)) : nil
            m.next = index + 1 < site.chapters.count
                ? LinkView(title: site.chapters[index + 1].page.meta.title, url: urls.chapter(site.chapters[index + 1].page.slug))
                : LinkView(title: notesTitle, url: urls.notes)
            emit("chapter", m, at: "report/\(slug)/", fragments: fragments)
        }

        // Home: the publication, its abstract and the contents.
        var home = model(title: publication.title, kind: "home", path: "")
        home.contentHTML = abstractText
        home.contents = contents
        home.colophon = publication.colophon
        let publisherLine = [publication.publisher, publication.place, publication.year.map(String.init)].compactMap { $0 }
        home.facts = [
            publication.authors.isEmpty ? nil : FactView(label: t["fact_authors"], value: t.list(publication.authors.map { a in
                a.affiliation.map { "\(a.name) (\($0))" } ?? a.name })),
            publisherLine.isEmpty ? nil : FactView(label: t["fact_publisher"], value: publisherLine.joined(separator: ", ")),
            publication.isbn.map { isbn in
                FactView(label: t["fact_isbn"], value: publication.isbnPrint.map { t.format("isbn_pdf_print", ["isbn": isbn, "print": $0]) } ?? isbn)
            },
        ].compactMap { $0 }
        home.links = pages.homeLinks()
        home.citation = citationView
        if let citeScript { home.site.scripts.append(citeScript) }
        home.next = site.chapters.first.map { LinkView(title: $0.page.meta.title, url: urls.chapter($0.page.slug)) }
        emit("home", home, at: "")

        // Notes page: all notes in order, grouped by the chapter that cites them.
        var notesModel = model(title: notesTitle, kind: "notes", path: "report/notes/")
        notesModel.lede = pages.lede(.notes, default: t["lede_notes"])
        let chapterIndex = Dictionary(site.chapters.enumerated().map { ($1.page.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var notesFragments = PageFragment.List()
        notesModel.notesHTML = notesFragments.add(key: fragmentKey("notes") { key in
            for note in notes.notes {
                key.add(itemTokens[note.label]!)
                key.add(note.homeChapter?.rawValue ?? "")
            }
        }) { [noteList, notes, urls, t] groups in
            var current: (Slug?, [ResolvedNote]) = (nil, [])
            func flush() {
                guard !current.1.isEmpty else { return }
                let title = current.0.flatMap { chapterTitles[$0] } ?? t["notes_heading"]
                let index = current.0.flatMap { chapterIndex[$0] }
                let id = "notes-" + (current.0?.rawValue ?? "other")
                groups.open("section", [HTML.Attribute("aria-labelledby", id)])
                groups.write(.el("h2", [("id", id)], [.el("a", [("href", current.0.map { urls.chapter($0) } ?? urls.home)], [.text(index.map { chapterLabel($0, title) } ?? title)])]))
                noteList.writeList(current.1, prepared: preparedNotes, localChapters: [], into: &groups)
                groups.close("section")
            }
            for note in notes.notes {
                if note.homeChapter != current.0 { flush(); current = (note.homeChapter, []) }
                current.1.append(note)
            }
            flush()
        }
        notesModel.previous = site.chapters.last.map { LinkView(title: $0.page.meta.title, url: urls.chapter($0.page.slug)) }
        emit("notes", notesModel, at: "report/notes/", fragments: notesFragments)

        // Full report on one page.
        var full = model(title: publication.title, kind: "full", path: "report/full/")
        full.eyebrow = publication.authors.isEmpty ? nil : t.list(publication.authors.map(\.name))
        var fullFragments = PageFragment.List()
        full.chaptersHTML = site.chapters.enumerated().map { index, chapter in
            let body = bodies[chapter.page.slug]!
            let (html, headings, label) = (body.html, body.headings, chapterLabel(index))
            return fullFragments.add(key: fragmentKey("full-chapter") { key in
                key.add(chapterTokens[chapter.page.slug]!)
                key.add(index)
                key.add(chapter.page.slug.rawValue)
            }, html: {
                HTML.el("section", [("class", "chapter"), ("aria-labelledby", chapter.page.slug.rawValue)], [
                    .el("h2", [("id", chapter.page.slug.rawValue)], [
                        .el("span", [("class", "chapter-number")], [.text(label)]),
                        .text(" " + chapter.page.meta.title),
                    ]),
                    FullReportBody.variant(of: html, headings: headings),
                ])
            })
        }
        full.contentHTML = abstractText
        full.contents = contents.map { entry in
            var e = entry
            let slug = entry.url.split(separator: "/").last.map(String.init) ?? ""
            e.url = "#" + slug
            e.sections = entry.sections.map { LinkView(title: $0.title, url: "#" + ($0.url.split(separator: "#").last.map(String.init) ?? "")) }
            return e
        }
        let chapterSlugs = Set(site.chapters.map(\.page.slug))
        full.notesHTML = fullFragments.add(key: fragmentKey("full-notes") { key in
            for note in notes.notes { key.add(itemTokens[note.label]!) }
        }) { [noteList, notes] writer in
            noteList.writeSection(notes.notes, prepared: preparedNotes, localChapters: chapterSlugs, into: &writer)
        }
        emit("full", full, at: "report/full/", fragments: fullFragments)

        // Abbreviations.
        if let abbreviations = site.content.abbreviations {
            var m = model(title: abbreviations.meta.title, kind: "abbreviations", path: "report/abbreviations/")
            m.lede = pages.lede(.abbreviations, default: t["lede_abbreviations"])
            m.glossary = abbreviations.meta.abbreviations.map { entry in
                GlossaryEntryView(id: "abbr-" + Slugger.slug(entry.term), term: entry.term, expansion: entry.expansion,
                                  url: entry.organisation.map { urls.url("organisations/\($0)/") }, editorial: entry.editorial)
            }
            emit("abbreviations", m, at: "report/abbreviations/")
        }

        // Companion documents.
        func kindLabel(_ meta: DocumentMeta) -> String { meta.kind.label(t, declared: config.documentKinds) }
        for document in site.documents {
            let meta = document.page.meta
            var m = model(title: meta.title, kind: "document", path: "documents/\(document.page.slug)/",
                          description: meta.description)
            m.eyebrow = [kindLabel(meta), meta.outlet].compactMap { $0 }.joined(separator: " · ")
            // Every document page states where the text comes from; what the copy the edition
            // is made from does not state is said to be unknown rather than left out.
            let unknown = t["document_fact_unknown"]
            m.subtitle = meta.subtitle
            m.facts = [
                FactView(label: t["document_fact_source"], value: meta.outlet ?? unknown),
                FactView(label: t["document_fact_author"], value: meta.author ?? unknown),
                FactView(label: t["document_fact_date"], value: meta.date ?? unknown),
                meta.url.map { FactView(label: t["document_fact_original"], value: $0, url: $0,
                                        archiveURL: "https://web.archive.org/web/\(publication.year.map(String.init) ?? "2")/" + $0) }
                    ?? FactView(label: t["document_fact_original"], value: unknown),
            ]
            m.contentHTML = documentTexts[document.page.slug]
            emit("document", m, at: "documents/\(document.page.slug)/")
        }
        if !site.documents.isEmpty {
            var documentsModel = model(title: pages.titles[SitePage.documents.rawValue] ?? t["title_documents"], kind: "documents", path: "documents/")
            documentsModel.lede = pages.lede(.documents, default: nil)
            documentsModel.documents = site.documents.map {
                DocumentEntryView(title: $0.page.meta.title, url: urls.document($0.page.slug),
                                  label: [kindLabel($0.page.meta), $0.page.meta.outlet].compactMap { $0 }.joined(separator: " · "),
                                  description: $0.page.meta.description)
            }
            emit("documents", documentsModel, at: "documents/")
        }

        // Other pages.
        for page in site.pages {
            var r = BodyRenderer(basePath: urls.basePath, source: page.page.source, pageURLs: pageURLs,
                                 slugger: Slugger(reserved: ["main"]), sectionID: Slugger.slug(page.page.slug.rawValue))
            r.strings = t
            var m = model(title: page.page.meta.title, kind: "page", path: "\(page.page.slug)/",
                          description: page.page.meta.description)
            m.contentHTML = r.render(page.document.blocks).rendered
            diagnostics += r.diagnostics
            emit("page", m, at: "\(page.page.slug)/")
        }

        // Editorial notes: every correction, with a link to where it stands.
        var editorial = model(title: pages.titles[SitePage.editorial.rawValue] ?? t["title_editorial"],
                              kind: "editorial", path: "editorial-notes/")
        if let intro = site.editorialIntroduction {
            var r = BodyRenderer(basePath: urls.basePath, source: intro.page.source, pageURLs: pageURLs,
                                 slugger: Slugger(reserved: ["main"]), sectionID: "editorial")
            r.collectsEditorialNotes = false
            r.strings = t
            editorial.contentHTML = r.render(intro.document.blocks).rendered
            diagnostics += r.diagnostics
        }
        var editorialGroups: [EditorialGroupView] = []
        if !abstractRenderer.editorialNotes.isEmpty {
            let place = t["editorial_place_abstract"]
            editorialGroups.append(EditorialGroupView(title: place, url: urls.home, items:
                abstractRenderer.editorialNotes.map { EditorialItemView(text: $0.text, url: urls.home + "#" + $0.id, place: place) }))
        }
        for (index, chapter) in site.chapters.enumerated() {
            let body = bodies[chapter.page.slug]!
            guard !body.editorialNotes.isEmpty else { continue }
            let url = urls.chapter(chapter.page.slug)
            editorialGroups.append(EditorialGroupView(
                title: chapterLabel(index, chapter.page.meta.title), url: url,
                items: body.editorialNotes.map {
                    EditorialItemView(text: $0.text, url: url + "#" + $0.id, place: $0.section ?? chapter.page.meta.title)
                }))
        }
        var noteItems: [EditorialItemView] = []
        for note in notes.notes {
            for explanation in note.editorialExplanations {
                noteItems.append(EditorialItemView(text: explanation, url: urls.notes + "#" + note.id, place: t.format("note_number", ["label": note.number])))
            }
            for text in noteEditorials[note.label] ?? [] {
                noteItems.append(EditorialItemView(text: text, url: urls.notes + "#" + note.id, place: t.format("note_number", ["label": note.number])))
            }
        }
        if !noteItems.isEmpty {
            editorialGroups.append(EditorialGroupView(title: notesTitle, url: urls.notes, items: noteItems))
        }
        if let abbreviations = site.content.abbreviations {
            let items = abbreviations.meta.abbreviations.compactMap { entry in
                entry.editorial.map { EditorialItemView(text: $0, url: urls.abbreviations + "#abbr-" + Slugger.slug(entry.term), place: entry.term) }
            }
            if !items.isEmpty {
                editorialGroups.append(EditorialGroupView(title: abbreviations.meta.title, url: urls.abbreviations, items: items))
            }
        }
        for (document, items) in documentEditorials where !items.isEmpty {
            let url = urls.document(document.page.slug)
            editorialGroups.append(EditorialGroupView(title: document.page.meta.title, url: url,
                items: items.map { EditorialItemView(text: $0.text, url: url + "#" + $0.id, place: $0.section ?? t["editorial_place_text"]) }))
        }
        // The preview keys the page by the bodies its groups come from, not by the groups.
        let editorialKey = fragmentKey("editorial") { key in
            var light = editorial
            light.editorialGroups = nil
            key.add(ContentHash.of(light))
            for item in abstractRenderer.editorialNotes { key.add(item.id); key.add(item.text) }
            let tokens = pieces.aspects(\.editorials, site.chapters.map { ($0.page.slug, bodies[$0.page.slug]!.editorialNotes) })
            for chapter in site.chapters { key.add(tokens[chapter.page.slug]!) }
            key.add(pieces.notesGeneration)
            for note in notes.notes { key.add(noteTokens[note.label] ?? 0) }
            for token in documentTokens { key.add(token) }
        }
        editorial.editorialGroups = editorialGroups
        if hasEditorialNotes {
            emit("editorial", editorial, at: "editorial-notes/")
            jobs[jobs.count - 1].modelKey = editorialKey
        }

        // Profiles of people and organisations, and their indexes.
        let profilePages = ProfilePageBuilder(
            urls: urls, profiles: profiles, pageURLs: pageURLs,
            chapterMentions: site.chapters.enumerated().map { index, chapter in
                (LinkView(title: chapterLabel(index, chapter.page.meta.title), url: urls.chapter(chapter.page.slug)),
                 chapter.page.meta.title, bodies[chapter.page.slug]!.mentions)
            },
            noteMentions: noteMentions,
            documentMentions: documentMentions.map {
                (LinkView(title: $0.0.page.meta.title, url: urls.document($0.0.page.slug)), $0.1)
            },
            strings: t)
        func makeProfilePages() -> ([ProfilePageBuilder.Job], [Diagnostic]) {
            profilePages.pages { title, kind, path, description in
                // The indexes take their title and lead from site.yml when it gives them.
                let index: SitePage? = path == "people/" ? .people : path == "organisations/" ? .organisations : nil
                guard let index else { return model(title: title, kind: kind, path: path, description: description) }
                return model(title: pages.title(index, default: title), kind: kind, path: path,
                             description: pages.lede(index, default: description))
            }
        }
        // The preview makes them again when a body they read mentions from, or the site's frame, changed.
        let mentionTokens = caches ? pieces.aspects(\.mentions, site.chapters.map { ($0.page.slug, bodies[$0.page.slug]!.mentions) }) : [:]
        let profileKey = fragmentKey("profiles") { key in
            key.add(ContentHash.of(siteView))
            for chapter in site.chapters { key.add(mentionTokens[chapter.page.slug]!) }
            for note in notes.notes { key.add(noteTokens[note.label] ?? 0) }
            for token in documentTokens { key.add(token) }
        }
        let made = profileKey.map { pieces.derivedReused("profiles", key: $0, make: makeProfilePages) }
        let (profileJobs, profileProblems) = made?.value ?? makeProfilePages()
        diagnostics += profileProblems
        for (index, job) in profileJobs.enumerated() {
            emit(job.template, job.model, at: job.path)
            // Each profile page's model is made from what the key covers.
            if var key = profileKey.map({ Key($0) }) {
                key.add(index)
                jobs[jobs.count - 1].modelKey = key.hash
            }
        }

        // Figures and timeline, from the data files.
        func introduction(_ page: Parsed<PageMeta>?, id: String) -> String? {
            guard let page, !page.document.blocks.isEmpty else { return nil }
            var r = BodyRenderer(basePath: urls.basePath, source: page.page.source, pageURLs: pageURLs,
                                 slugger: Slugger(reserved: ["main"]), sectionID: id)
            r.mentionMatcher = profiles.matcher
            defer { diagnostics += r.diagnostics }
            return r.render(page.document.blocks).rendered
        }
        if !site.content.charts.isEmpty {
            let builder = ChartBuilder(urls: urls, notes: notes, documents: documentTitles)
            var charts: [ChartView] = []
            for chart in site.content.charts {
                let (points, problems) = builder.points(chart)
                diagnostics += problems
                let data = chart.file.value
                let description = ([data.description].compactMap { $0 } + points.map { "\($0.when): \($0.figure)." }).joined(separator: " ")
                charts.append(ChartView(
                    id: Slugger.slug(chart.file.name), title: ChartBuilder.title(chart), caption: data.caption,
                    chartLede: site.content.charts.count > 1 ? data.description : nil,
                    svgHTML: builder.svg(chart, points, description: description).rendered,
                    whenHeading: data.table?.when ?? data.x?.label ?? t["chart_table_when"], valueHeading: data.table?.value ?? data.y?.label ?? t["chart_table_value"],
                    whoHeading: points.contains { $0.checked.data.who != nil } ? data.table?.who ?? t["chart_table_who"] : nil,
                    sourceHeading: data.table?.source ?? t["chart_table_source"],
                    rows: points.map {
                        ChartRowView(when: $0.when, figure: $0.figure, who: $0.checked.data.who,
                                     textURL: $0.textURL, noteURL: $0.noteURL, sourceLabel: $0.sourceLabel.capitalizedFirst)
                    }))
            }
            let page = site.content.figuresPage?.meta
            var m = model(title: figuresTitle, kind: "figures", path: "figures/",
                          description: page?.description ?? pages.lede(.figures, default: charts.count == 1 ? site.content.charts[0].file.value.description : nil))
            m.contentHTML = introduction(site.figuresIntroduction, id: "figures")
            m.charts = charts
            emit("figures", m, at: "figures/")
        }
        if !timelineMonths.isEmpty {
            var m = model(title: timelineTitle, kind: "timeline", path: "timeline/",
                          description: site.content.timelinePage?.meta.description ?? pages.lede(.timeline, default: nil))
            m.contentHTML = introduction(site.timelineIntroduction, id: "timeline")
            m.timeline = timelineMonths
            emit("timeline", m, at: "timeline/")
        }

        // Sources register.
        var exportFiles: [OutputFile] = []
        if let sources {
            var m = model(title: pages.titles[SitePage.sources.rawValue] ?? t["title_sources"], kind: "sources", path: "sources/",
                          description: t.format(t.pluralKey("description_sources", count: sources.unparsedNotes.count), ["count": String(sources.unparsedNotes.count)]))
            func makeSourcesPage() -> (groups: [SourceGroupView], files: [OutputFile], problems: [Diagnostic]) {
                let groups = SourcesPageBuilder(urls: urls, register: sources, profiles: profiles,
                                                publicationYear: publication.year, strings: t).groups()
                do {
                    return (groups, try SourceExports(register: sources, urls: urls).files(), [])
                } catch {
                    return (groups, [], [Diagnostic(file: "sources/sources.json", severity: .error, code: "sources-export",
                                                    message: "the CSL-JSON export could not be written: \(error)")])
                }
            }
            let sourcesKey = fragmentKey("sources") { $0.add(pieces.sourcesGeneration) }
            let reused = sourcesKey.map { pieces.derivedReused("sources", key: $0, make: makeSourcesPage) }
            let made = reused?.value ?? makeSourcesPage()
            m.sourceGroups = made.groups
            exportFiles = made.files
            diagnostics += made.problems
            m.links = sources.unparsedNotes.map { LinkView(title: notes[$0]?.number ?? $0.rawValue, url: urls.notes + "#note-\($0)") }
            emit("sources", m, at: "sources/")
            if let sourcesKey {
                var light = m
                light.sourceGroups = nil
                var key = Key(sourcesKey)
                key.add(ContentHash.of(light))
                jobs[jobs.count - 1].modelKey = key.hash
            }
        }
        // Search: the page the search box submits to; the script fills it in.
        var search = model(title: pages.titles[SitePage.search.rawValue] ?? t["title_search"], kind: "search", path: "search/")
        search.lede = pages.lede(.search, default: nil)
        search.searchExample = config.search
        search.links = searchFallbackLinks(site)
        // Its first results wait for the page, the head start and a term shard in turn, and for
        // search.js, the style sheets and their first layout to be done by then. The page carries
        // the index metadata and the records table (whose bytes arrive while the scripts' requests
        // wait out their round trip); it announces the head start first, right after its charset,
        // in its first packet (it asks for the shards); it loads search.js `async` at the end of
        // the body, not preloaded: requested after the style sheets, it leaves them the link
        // first, so that their first layout is over when the shards come in, and it runs as soon
        // as it is in (a `defer` script waits for the style sheets and their layout); it loads no
        // other script (note previews have nothing to do here).
        search.searchMetaJSON = SearchIndexFiles.metaPlaceholder
        search.searchRecordsJSON = SearchIndexFiles.recordsPlaceholder
        search.preloads = siteView.scriptURL.map { _ in [PreloadView(url: urls.asset("search-prefetch.js"), destination: "script")] }
        search.site.scripts = []
        search.site.scriptAtEnd = true
        emit("search", search, at: "search/")
        jobs[jobs.count - 1].keepsBytes = true

        // Not found.
        var notFound = model(title: pages.title(.notFound, default: t["title_not_found"]), kind: "not-found", path: "404.html")
        notFound.lede = pages.lede(.notFound, default: t["lede_not_found"])
        notFound.canonicalURL = nil
        notFound.contents = contents
        emit("404", notFound, at: "404.html")

        let searchSources = SearchSources(abstract: abstractHTML, chapters: bodies.mapValues(\.html), noteBodies: noteBodies,
                                          documents: documentBodies)
        // The preview's deferred search stage reads the records after the reload (`RenderedSite.makeSearchRecords`).
        let searchRecords = defersSearchRecords ? [] : searchRecords(site, notes: notes, profiles: profiles, sources: searchSources)
        // The records are complete before the templates run: the search index can be built meanwhile.
        searchRecordsReady?(searchRecords)
        // From here the pages' fragments hold the trees they need, and each is released when
        // its page has been written.
        bodies = [:]
        noteBodies = [:]
        var files = cache.render(jobs, with: templates, staging: staging, store: caches ? pieces.fragments : nil)
        files += SiteFiles.sitemapAndRobots(urls: urls, pages: files.map(\.path))
        files += copiedFiles
        if !copiedFiles.contains(where: { $0.path == "_headers" }) { files.append(SiteFiles.headers(urls: urls)) }
        files += exportFiles
        do {
            files += try citation.files()
        } catch {
            diagnostics.append(Diagnostic(file: PublicationCitation.paths.csl, severity: .error, code: "citation-export",
                                          message: "the publication's CSL-JSON could not be written: \(error)"))
        }
        var rendered = RenderedSite(files: files.sorted { $0.path < $1.path }, searchRecords: searchRecords)
        if defersSearchRecords {
            let renderer = self
            rendered.makeSearchRecords = { renderer.searchRecords(site, notes: notes, profiles: profiles, sources: searchSources) }
        }
        return (rendered, diagnostics)
    }

    /// What every body of `site` depends on besides its own text: `inputs` (every content file
    /// but the report's Markdown), the base path, and each report file's path and front matter.
    static func environment(_ site: ParsedSite, inputs: ContentHash, urls: SiteURLs) -> ContentHash {
        var key = Key("environment")
        key.add(inputs)
        key.add(urls.basePath)
        key.add(urls.absoluteBase ?? "")
        let sources = site.content.chapters.map(\.source) + site.content.unloadedChapters + [site.content.notes?.source].compactMap { $0 }
        key.add(sources.count)
        for source in sources {
            key.add(source.path)
            key.add(source.frontMatter ?? "")
            key.add(source.bodyLineOffset)
        }
        return key.hash
    }

    /// Content paths → page URLs, for links between Markdown files.
    private func contentPageURLs(_ site: ParsedSite) -> [String: String] {
        var map: [String: String] = ["index.md": urls.home]
        for chapter in site.chapters { map[chapter.page.source.relativePath] = urls.chapter(chapter.page.slug) }
        if let notes = site.notesIntroduction { map[notes.page.source.relativePath] = urls.notes }
        if let abbreviations = site.content.abbreviations { map[abbreviations.source.relativePath] = urls.abbreviations }
        if let editorial = site.editorialIntroduction { map[editorial.page.source.relativePath] = urls.editorialNotes }
        for document in site.documents { map[document.page.source.relativePath] = urls.document(document.page.slug) }
        for page in site.pages { map[page.page.source.relativePath] = urls.page(page.page.slug) }
        return map
    }
}
