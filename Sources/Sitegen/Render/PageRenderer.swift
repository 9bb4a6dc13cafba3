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
    }

    /// A rendered chapter body and what was met in it.
    struct ChapterBody {
        var html: HTML
        var fullHTML: HTML
        var headings: [HeadingItem]
        var editorialNotes: [EditorialNoteItem]
        var mentions: [MentionRecord]
    }

    /// Renders all pages.
    public func run(_ site: ParsedSite, notes: NoteIndex, profiles: Profiles = .none,
                    sources: SourceRegister? = nil) -> (RenderedSite, [Diagnostic]) {
        var cache = PageCache(isEnabled: false)
        return run(site, notes: notes, profiles: profiles, sources: sources, cache: &cache)
    }

    /// Renders all pages, reusing those `cache` rendered before from the same model.
    func run(_ site: ParsedSite, notes: NoteIndex, profiles: Profiles = .none, sources: SourceRegister? = nil,
             cache: inout PageCache) -> (RenderedSite, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let publication = site.content.publication.meta
        let pageURLs = contentPageURLs(site)
        let chapterTitles = Dictionary(uniqueKeysWithValues: site.chapters.map { ($0.page.slug, $0.page.meta.title) })
        let noteNumbers = notes.numbers

        // Chapter bodies: ids are unique across the whole report, so that the full-report page
        // can hold every chapter with the same ids as the chapter pages.
        let missingImage = MissingImageNotice(label: "Image not reproduced:",
                                              linkText: "this edition gives the caption only; the picture is in the original",
                                              url: urls.editorialNotes)
        var slugger = Slugger(reserved: ["main", "notes-label", "contents", "top", "site-search", "chapter-toc-title", "note-preview"]
                                + site.chapters.map(\.page.slug.rawValue))
        var bodies: [Slug: ChapterBody] = [:]
        for chapter in site.chapters {
            let snapshot = slugger
            func renderer(_ slugs: Slugger) -> BodyRenderer {
                var r = BodyRenderer(basePath: urls.basePath, source: chapter.page.source, pageURLs: pageURLs,
                                     slugger: slugs, sectionID: chapter.page.slug.rawValue)
                r.noteReferenceIDs = notes.referenceIDs(in: chapter.page.slug)
                r.noteNumbers = noteNumbers
                r.missingImageNotice = missingImage
                r.mentionMatcher = profiles.matcher
                r.abbreviations = profiles.abbreviations
                return r
            }
            var body = renderer(snapshot)
            body.permalinks = true
            let html = body.render(chapter.document.blocks)
            var full = renderer(snapshot)
            full.headingShift = 1
            let fullHTML = full.render(chapter.document.blocks)
            slugger = body.slugger
            diagnostics += body.diagnostics
            bodies[chapter.page.slug] = ChapterBody(html: html, fullHTML: fullHTML, headings: body.headings,
                                                    editorialNotes: body.editorialNotes, mentions: body.mentions)
        }

        // Note texts, rendered once.
        var noteBodies: [NoteLabel: HTML] = [:]
        var noteEditorials: [(NoteLabel, String)] = []
        var noteMentions: [(NoteLabel, MentionRecord)] = []
        for note in notes.notes {
            guard let definition = note.definition else { continue }
            let source = site.notesIntroduction?.page.source.path == definition.file
                ? site.notesIntroduction!.page.source
                : site.chapters.first { $0.page.source.path == definition.file }?.page.source
            guard let source else { continue }
            var r = BodyRenderer(basePath: urls.basePath, source: source, pageURLs: pageURLs,
                                 slugger: Slugger(), sectionID: note.id)
            r.anchorsParagraphs = false
            r.collectsEditorialNotes = false
            r.mentionMatcher = profiles.matcher
            r.archivesLinks = true
            // The archived copy nearest the date the note consulted its address, or the publication's year.
            r.archiveTimestamp = sources?.parsedNotes[note.label]?.citations.lazy
                .compactMap { SourcesPageBuilder.archiveTimestamp($0, fallbackYear: nil) }.first
                ?? String(publication.year)
            noteBodies[note.label] = r.render(definition.blocks)
            noteMentions += r.mentions.map { (note.label, $0) }
            diagnostics += r.diagnostics
            noteEditorials += r.editorialNotes.map { (note.label, $0.text) }
        }
        var noteList = NoteListRenderer(noteBodies: noteBodies, urls: urls, chapterTitles: chapterTitles)
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

        let figuresTitle = site.content.figuresPage?.meta.title ?? "Figures"
        let timelineTitle = site.content.timelinePage?.meta.title ?? "Timeline"
        var siteView = SiteView(
            title: publication.title, subtitle: publication.subtitle,
            authors: publication.authors.map(\.name).joined(separator: " and "),
            publisher: publication.publisher, year: publication.year, language: publication.language ?? "en",
            basePath: urls.basePath, stylesheetURL: urls.asset("site.css"), scriptURL: urls.asset("search.js"),
            navigation: [
                LinkView(title: "Contents", url: urls.home),
                LinkView(title: "Full report", url: urls.fullReport),
                LinkView(title: "Notes", url: urls.notes),
                sources == nil ? nil : LinkView(title: "Sources", url: urls.url("sources/")),
                site.content.charts.isEmpty ? nil : LinkView(title: figuresTitle, url: urls.url("figures/")),
                site.content.timelines.isEmpty ? nil : LinkView(title: timelineTitle, url: urls.url("timeline/")),
                LinkView(title: "Documents", url: urls.documents),
            ].compactMap { $0 } + profiles.collections.filter { !$0.items.isEmpty }.map {
                LinkView(title: $0.type.title, url: urls.url("\($0.type.folder)/"))
            })

        for script in ["notes.js", "reading.js"] where templates.assets.contains("assets/" + script) {
            siteView.scripts.append(urls.asset(script))
        }

        func model(title: String, kind: String, path: String, description: String? = nil) -> PageModel {
            let documentTitle = path.isEmpty ? publication.title : "\(title) · \(publication.title)"
            var site = siteView
            site.navigation = site.navigation.map { link in
                var l = link
                l.current = link.url == urls.url(path)
                return l
            }
            return PageModel(site: site, title: title, documentTitle: documentTitle,
                             description: description ?? publication.subtitle ?? publication.title,
                             canonicalURL: urls.absolute(path), kind: kind)
        }

        // Pages are collected as (template, model, path) and rendered on all cores at the end.
        var jobs: [PageJob] = []
        func emit(_ template: String, _ model: PageModel, at path: String) {
            jobs.append(PageJob(template: template, model: model, path: SiteURLs.file(for: path)))
        }

        // Chapters.
        let contents: [TocEntry] = site.chapters.enumerated().map { index, chapter in
            let url = urls.chapter(chapter.page.slug)
            let sections = (bodies[chapter.page.slug]?.headings ?? []).filter { $0.level == 2 }
                .map { LinkView(title: $0.text, url: url + "#" + $0.id) }
            return TocEntry(number: String(index + 1), title: chapter.page.meta.title, url: url, sections: sections)
        }
        let notesByLabel = Dictionary(notes.notes.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
        let margin = MarginNotes { label in
            notesByLabel[label].map { (number: $0.number, contents: noteList.contents($0, withSources: true)) }
        }
        for (index, chapter) in site.chapters.enumerated() {
            let slug = chapter.page.slug
            let body = bodies[slug]!
            var m = model(title: chapter.page.meta.title, kind: "chapter", path: "report/\(slug)/",
                          description: chapter.page.meta.description)
            m.eyebrow = "Chapter \(index + 1) of \(site.chapters.count)"
            m.contentHTML = margin.place(in: body.html).rendered
            let listed = notes.notes(listedIn: slug)
            if !listed.isEmpty { m.notesHTML = noteList.section(listed, localChapters: [slug], withSources: true).rendered }
            m.sections = contents[index].sections
            m.previous = index > 0 ? LinkView(title: site.chapters[index - 1].page.meta.title,
                                              url: urls.chapter(site.chapters[index - 1].page.slug)) : nil
            m.next = index + 1 < site.chapters.count
                ? LinkView(title: site.chapters[index + 1].page.meta.title, url: urls.chapter(site.chapters[index + 1].page.slug))
                : LinkView(title: "Notes", url: urls.notes)
            emit("chapter", m, at: "report/\(slug)/")
        }

        // Home: the publication, its abstract and the contents.
        var abstractRenderer = BodyRenderer(basePath: urls.basePath, source: site.abstract.page.source,
                                            pageURLs: pageURLs, slugger: Slugger(reserved: ["main"]), sectionID: "abstract")
        abstractRenderer.mentionMatcher = profiles.matcher
        abstractRenderer.missingImageNotice = missingImage
        abstractRenderer.abbreviations = profiles.abbreviations
        let abstractHTML = abstractRenderer.render(site.abstract.document.blocks)
        diagnostics += abstractRenderer.diagnostics
        var home = model(title: publication.title, kind: "home", path: "")
        home.contentHTML = abstractHTML.rendered
        home.contents = contents
        home.colophon = publication.colophon
        home.facts = [
            FactView(label: "Authors", value: publication.authors.map { a in a.affiliation.map { "\(a.name) (\($0))" } ?? a.name }
                .joined(separator: " and ")),
            FactView(label: "Publisher", value: [publication.publisher, publication.place, String(publication.year)]
                .compactMap { $0 }.joined(separator: ", ")),
            FactView(label: "ISBN", value: publication.isbn + (publication.isbnPrint.map { " (pdf); \($0) (print)" } ?? "")),
        ]
        home.links = [
            LinkView(title: "Full report on one page", url: urls.fullReport),
            LinkView(title: "Notes", url: urls.notes),
            sources == nil ? nil : LinkView(title: "Sources", url: urls.url("sources/")),
            site.content.charts.isEmpty ? nil : LinkView(title: figuresTitle, url: urls.url("figures/")),
            site.content.timelines.isEmpty ? nil : LinkView(title: timelineTitle, url: urls.url("timeline/")),
            site.content.abbreviations.map { LinkView(title: $0.meta.title, url: urls.abbreviations) },
            LinkView(title: "Editorial notes", url: urls.editorialNotes),
            site.documents.isEmpty ? nil : LinkView(title: "Companion documents", url: urls.documents),
        ].compactMap { $0 }
        home.next = site.chapters.first.map { LinkView(title: $0.page.meta.title, url: urls.chapter($0.page.slug)) }
        emit("home", home, at: "")

        // Notes page: all notes in order, grouped by the chapter that cites them.
        var notesModel = model(title: site.notesIntroduction?.page.meta.title ?? "Notes", kind: "notes", path: "report/notes/")
        var groups: [HTML] = []
        var current: (Slug?, [ResolvedNote]) = (nil, [])
        func flush() {
            guard !current.1.isEmpty else { return }
            let title = current.0.flatMap { chapterTitles[$0] } ?? "Notes"
            let number = current.0.flatMap { slug in site.chapters.firstIndex { $0.page.slug == slug } }.map { "Chapter \($0 + 1): " } ?? ""
            let id = "notes-" + (current.0?.rawValue ?? "other")
            groups.append(.el("section", [("aria-labelledby", id)], [
                .el("h2", [("id", id)], [.el("a", [("href", current.0.map { urls.chapter($0) } ?? urls.home)], [.text(number + title)])]),
                .el("ol", [("class", "notes")], current.1.flatMap { [.text("\n"), noteList.item($0, localChapters: [], withSources: true)] } + [.text("\n")]),
            ]))
        }
        for note in notes.notes {
            if note.homeChapter != current.0 { flush(); current = (note.homeChapter, []) }
            current.1.append(note)
        }
        flush()
        notesModel.notesHTML = HTML.fragment(groups).rendered
        notesModel.previous = site.chapters.last.map { LinkView(title: $0.page.meta.title, url: urls.chapter($0.page.slug)) }
        emit("notes", notesModel, at: "report/notes/")

        // Full report on one page.
        var full = model(title: publication.title, kind: "full", path: "report/full/")
        full.eyebrow = publication.authors.map(\.name).joined(separator: " and ")
        full.chaptersHTML = site.chapters.enumerated().map { index, chapter in
            HTML.el("section", [("class", "chapter"), ("aria-labelledby", chapter.page.slug.rawValue)], [
                .el("h2", [("id", chapter.page.slug.rawValue)], [
                    .el("span", [("class", "chapter-number")], [.text("Chapter \(index + 1)")]),
                    .text(" " + chapter.page.meta.title),
                ]),
                bodies[chapter.page.slug]!.fullHTML,
            ]).rendered
        }
        full.contentHTML = abstractHTML.rendered
        full.contents = contents.map { entry in
            var e = entry
            let slug = entry.url.split(separator: "/").last.map(String.init) ?? ""
            e.url = "#" + slug
            e.sections = entry.sections.map { LinkView(title: $0.title, url: "#" + ($0.url.split(separator: "#").last.map(String.init) ?? "")) }
            return e
        }
        full.notesHTML = noteList.section(notes.notes, localChapters: Set(site.chapters.map(\.page.slug)),
                                          withSources: true).rendered
        emit("full", full, at: "report/full/")

        // Abbreviations.
        if let abbreviations = site.content.abbreviations {
            var m = model(title: abbreviations.meta.title, kind: "abbreviations", path: "report/abbreviations/")
            m.glossary = abbreviations.meta.abbreviations.map { entry in
                GlossaryEntryView(id: "abbr-" + Slugger.slug(entry.term), term: entry.term, expansion: entry.expansion,
                                  url: entry.organisation.map { urls.url("organisations/\($0)/") }, editorial: entry.editorial)
            }
            emit("abbreviations", m, at: "report/abbreviations/")
        }

        // Companion documents.
        var documentEditorials: [(Parsed<DocumentMeta>, [EditorialNoteItem])] = []
        var documentMentions: [(Parsed<DocumentMeta>, [MentionRecord])] = []
        var documentBodies: [Slug: HTML] = [:]
        for document in site.documents {
            let meta = document.page.meta
            var r = BodyRenderer(basePath: urls.basePath, source: document.page.source, pageURLs: pageURLs,
                                 slugger: Slugger(reserved: ["main"]), sectionID: document.page.slug.rawValue)
            r.mentionMatcher = profiles.matcher
            r.abbreviations = profiles.abbreviations
            r.permalinks = true
            r.missingImageNotice = missingImage
            let html = r.render(document.document.blocks)
            documentMentions.append((document, r.mentions))
            documentBodies[document.page.slug] = html
            diagnostics += r.diagnostics
            documentEditorials.append((document, r.editorialNotes))
            var m = model(title: meta.title, kind: "document", path: "documents/\(document.page.slug)/",
                          description: meta.description)
            m.eyebrow = [meta.kind.label, meta.outlet].compactMap { $0 }.joined(separator: " · ")
            // Every document page states where the text comes from; what the copy the edition
            // is made from does not state is said to be unknown rather than left out.
            let unknown = "not stated in the copy this edition reproduces"
            m.subtitle = meta.subtitle
            m.facts = [
                FactView(label: "Source", value: meta.outlet ?? unknown),
                FactView(label: "Author", value: meta.author ?? unknown),
                FactView(label: "Date", value: meta.date ?? unknown),
                meta.url.map { FactView(label: "Original", value: $0, url: $0, archiveURL: "https://web.archive.org/web/2021/" + $0) }
                    ?? FactView(label: "Original", value: unknown),
            ]
            m.contentHTML = html.rendered
            emit("document", m, at: "documents/\(document.page.slug)/")
        }
        var documentsModel = model(title: "Companion documents", kind: "documents", path: "documents/")
        documentsModel.documents = site.documents.map {
            DocumentEntryView(title: $0.page.meta.title, url: urls.document($0.page.slug),
                              label: [$0.page.meta.kind.label, $0.page.meta.outlet].compactMap { $0 }.joined(separator: " · "),
                              description: $0.page.meta.description)
        }
        emit("documents", documentsModel, at: "documents/")

        // Other pages.
        for page in site.pages {
            var r = BodyRenderer(basePath: urls.basePath, source: page.page.source, pageURLs: pageURLs,
                                 slugger: Slugger(reserved: ["main"]), sectionID: Slugger.slug(page.page.slug.rawValue))
            var m = model(title: page.page.meta.title, kind: "page", path: "\(page.page.slug)/",
                          description: page.page.meta.description)
            m.contentHTML = r.render(page.document.blocks).rendered
            diagnostics += r.diagnostics
            emit("page", m, at: "\(page.page.slug)/")
        }

        // Editorial notes: every correction, with a link to where it stands.
        var editorial = model(title: site.editorialIntroduction?.page.meta.title ?? "Editorial notes",
                              kind: "editorial", path: "editorial-notes/")
        if let intro = site.editorialIntroduction {
            var r = BodyRenderer(basePath: urls.basePath, source: intro.page.source, pageURLs: pageURLs,
                                 slugger: Slugger(reserved: ["main"]), sectionID: "editorial")
            r.collectsEditorialNotes = false
            editorial.contentHTML = r.render(intro.document.blocks).rendered
            diagnostics += r.diagnostics
        }
        var editorialGroups: [EditorialGroupView] = []
        if !abstractRenderer.editorialNotes.isEmpty {
            editorialGroups.append(EditorialGroupView(title: "Abstract", url: urls.home, items:
                abstractRenderer.editorialNotes.map { EditorialItemView(text: $0.text, url: urls.home + "#" + $0.id, place: "Abstract") }))
        }
        for (index, chapter) in site.chapters.enumerated() {
            let body = bodies[chapter.page.slug]!
            guard !body.editorialNotes.isEmpty else { continue }
            let url = urls.chapter(chapter.page.slug)
            editorialGroups.append(EditorialGroupView(
                title: "Chapter \(index + 1): \(chapter.page.meta.title)", url: url,
                items: body.editorialNotes.map {
                    EditorialItemView(text: $0.text, url: url + "#" + $0.id, place: $0.section ?? chapter.page.meta.title)
                }))
        }
        var noteItems: [EditorialItemView] = []
        for note in notes.notes {
            for explanation in note.editorialExplanations {
                noteItems.append(EditorialItemView(text: explanation, url: urls.notes + "#" + note.id, place: "Note \(note.number)"))
            }
            for (label, text) in noteEditorials where label == note.label {
                noteItems.append(EditorialItemView(text: text, url: urls.notes + "#" + note.id, place: "Note \(note.number)"))
            }
        }
        if !noteItems.isEmpty {
            editorialGroups.append(EditorialGroupView(title: "Notes", url: urls.notes, items: noteItems))
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
                items: items.map { EditorialItemView(text: $0.text, url: url + "#" + $0.id, place: $0.section ?? "Text") }))
        }
        editorial.editorialGroups = editorialGroups
        emit("editorial", editorial, at: "editorial-notes/")

        // Profiles of people and organisations, and their indexes.
        let profilePages = ProfilePageBuilder(
            urls: urls, profiles: profiles, pageURLs: pageURLs,
            chapterMentions: site.chapters.enumerated().map { index, chapter in
                (LinkView(title: "Chapter \(index + 1): \(chapter.page.meta.title)", url: urls.chapter(chapter.page.slug)),
                 chapter.page.meta.title, bodies[chapter.page.slug]!.mentions)
            },
            noteMentions: noteMentions,
            documentMentions: documentMentions.map {
                (LinkView(title: $0.0.page.meta.title, url: urls.document($0.0.page.slug)), $0.1)
            })
        let (profileJobs, profileProblems) = profilePages.pages { title, kind, path, description in
            model(title: title, kind: kind, path: path, description: description)
        }
        diagnostics += profileProblems
        for job in profileJobs { emit(job.template, job.model, at: job.path) }

        // Figures and timeline, from the data files.
        let documentTitles = Dictionary(uniqueKeysWithValues: site.documents.map { ($0.page.slug, $0.page.meta.title) })
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
                    lede: site.content.charts.count > 1 ? data.description : nil,
                    svgHTML: builder.svg(chart, points, description: description).rendered,
                    whenHeading: data.table?.when ?? data.x?.label ?? "When", valueHeading: data.table?.value ?? data.y?.label ?? "Value",
                    whoHeading: points.contains { $0.checked.data.who != nil } ? data.table?.who ?? "Whose figure" : nil,
                    sourceHeading: data.table?.source ?? "Source",
                    rows: points.map {
                        ChartRowView(when: $0.when, figure: $0.figure, who: $0.checked.data.who,
                                     textURL: $0.textURL, noteURL: $0.noteURL, sourceLabel: $0.sourceLabel.capitalizedFirst)
                    }))
            }
            let page = site.content.figuresPage?.meta
            var m = model(title: figuresTitle, kind: "figures", path: "figures/",
                          description: page?.description ?? (charts.count == 1 ? site.content.charts[0].file.value.description : nil))
            m.contentHTML = introduction(site.figuresIntroduction, id: "figures")
            m.charts = charts
            emit("figures", m, at: "figures/")
        }
        if !site.content.timelines.isEmpty {
            let (months, problems) = TimelineBuilder(urls: urls, notes: notes, documents: documentTitles, profiles: profiles,
                                                     defaultYear: publication.year)
                .months(site.content.timelines)
            diagnostics += problems
            if !months.isEmpty {
                var m = model(title: timelineTitle, kind: "timeline", path: "timeline/",
                              description: site.content.timelinePage?.meta.description)
                m.contentHTML = introduction(site.timelineIntroduction, id: "timeline")
                m.timeline = months
                emit("timeline", m, at: "timeline/")
            }
        }

        // Sources register.
        var exportFiles: [OutputFile] = []
        if let sources {
            var m = model(title: "Sources", kind: "sources", path: "sources/",
                          description: "Every source the notes cite, grouped by kind and by outlet, with the notes that cite it. \(sources.unparsedNotes.count) notes cite no source that could be recognised with confidence; they are commentary, or their text is missing.")
            m.sourceGroups = SourcesPageBuilder(urls: urls, register: sources, profiles: profiles,
                                                publicationYear: publication.year).groups()
            do {
                exportFiles = try SourceExports(register: sources, urls: urls).files()
            } catch {
                diagnostics.append(Diagnostic(file: "sources/sources.json", severity: .error, code: "sources-export",
                                              message: "the CSL-JSON export could not be written: \(error)"))
            }
            m.links = sources.unparsedNotes.map { LinkView(title: notes[$0]?.number ?? $0.rawValue, url: urls.notes + "#note-\($0)") }
            emit("sources", m, at: "sources/")
        }
        // Search: the page the search box submits to; the script fills it in.
        var search = model(title: "Search", kind: "search", path: "search/")
        search.links = searchFallbackLinks(site)
        // Its first results wait for the page, the script and a term shard in turn: the page
        // carries the index metadata, announces the script and the records table (whose bytes
        // then arrive while the shards are on their way), and loads no other script (note
        // previews have nothing to do here).
        let index = SearchIndexFiles()
        search.searchMetaJSON = SearchIndexFiles.metaPlaceholder
        search.preloads = (siteView.scriptURL.map { [PreloadView(url: $0, destination: "script")] } ?? [])
            + [PreloadView(url: urls.url(index.folder + SearchIndexFiles.recordsName), destination: "fetch", crossOrigin: true)]
        search.site.scripts = []
        emit("search", search, at: "search/")

        // Not found.
        var notFound = model(title: "Page not found", kind: "not-found", path: "404.html")
        notFound.canonicalURL = nil
        notFound.contents = contents
        emit("404", notFound, at: "404.html")

        var files = cache.render(jobs, with: templates)
        files += SiteFiles.sitemapAndRobots(urls: urls, pages: files.map(\.path))
        files += copiedFiles
        files += exportFiles
        let searchRecords = searchRecords(site, notes: notes, profiles: profiles, sources: SearchSources(
            abstract: abstractHTML, chapters: bodies.mapValues(\.html), noteBodies: noteBodies, documents: documentBodies))
        return (RenderedSite(files: files.sorted { $0.path < $1.path }, searchRecords: searchRecords), diagnostics)
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
