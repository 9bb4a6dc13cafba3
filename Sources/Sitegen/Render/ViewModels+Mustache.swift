// How each view model converts into what its template reads (see `MustacheValues.swift`):
// one line per stored property, in declaration order. A property added to a view model must be
// added here too, and its name to the keys at the end; `MustacheValuesTests` fails until it is
// (it compares with reflection).

extension LinkView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 3)
        f.add(.title, title)
        f.add(.url, url)
        f.add(.current, current)
        return f.value
    }
}

extension TocEntry: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 4)
        f.add(.number, number)
        f.add(.title, title)
        f.add(.url, url)
        f.add(.sections, sections)
        return f.value
    }
}

extension SiteView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 19)
        f.add(.title, title)
        f.add(.subtitle, subtitle)
        f.add(.authors, authors)
        f.add(.publisher, publisher)
        f.add(.year, year)
        f.add(.imprint, imprint)
        f.add(.imprintLine, imprintLine)
        f.add(.language, language)
        f.add(.basePath, basePath)
        f.add(.stylesheetURL, stylesheetURL)
        f.add(.stylesheets, stylesheets)
        f.add(.scriptURL, scriptURL)
        f.add(.scriptAtEnd, scriptAtEnd)
        f.add(.scripts, scripts)
        f.add(.navigation, navigation)
        f.add(.editorialNotesURL, editorialNotesURL)
        f.add(.params, params)
        f.add(.offlineReading, offlineReading)
        f.add(.searchKinds, searchKinds)
        return f.value
    }
}

extension SearchKindView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 2)
        f.add(.name, name)
        f.add(.label, label)
        return f.value
    }
}

extension FactView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 4)
        f.add(.label, label)
        f.add(.value, value)
        f.add(.url, url)
        f.add(.archiveURL, archiveURL)
        return f.value
    }
}

extension EditorialGroupView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 3)
        f.add(.title, title)
        f.add(.url, url)
        f.add(.items, items)
        return f.value
    }
}

extension EditorialItemView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 3)
        f.add(.text, text)
        f.add(.url, url)
        f.add(.place, place)
        return f.value
    }
}

extension GlossaryEntryView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 5)
        f.add(.id, id)
        f.add(.term, term)
        f.add(.expansion, expansion)
        f.add(.url, url)
        f.add(.editorial, editorial)
        return f.value
    }
}

extension DocumentEntryView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 4)
        f.add(.title, title)
        f.add(.url, url)
        f.add(.label, label)
        f.add(.description, description)
        return f.value
    }
}

extension PageModel: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 34)
        f.add(.site, site)
        f.add(.title, title)
        f.add(.documentTitle, documentTitle)
        f.add(.description, description)
        f.add(.canonicalURL, canonicalURL)
        f.add(.kind, kind)
        f.add(.t, t)
        f.add(.lede, lede)
        f.add(.searchExample, searchExample)
        f.add(.eyebrow, eyebrow)
        f.add(.subtitle, subtitle)
        f.add(.contentHTML, contentHTML)
        f.add(.notesHTML, notesHTML)
        f.add(.previous, previous)
        f.add(.next, next)
        f.add(.contents, contents)
        f.add(.sections, sections)
        f.add(.facts, facts)
        f.add(.colophon, colophon)
        f.add(.links, links)
        f.add(.editorialGroups, editorialGroups)
        f.add(.glossary, glossary)
        f.add(.documents, documents)
        f.add(.profile, profile)
        f.add(.profileGroups, profileGroups)
        f.add(.sourceGroups, sourceGroups)
        f.add(.charts, charts)
        f.add(.timeline, timeline)
        f.add(.chaptersHTML, chaptersHTML)
        f.add(.searchMetaJSON, searchMetaJSON)
        f.add(.searchRecordsJSON, searchRecordsJSON)
        f.add(.preloads, preloads)
        f.add(.meta, meta)
        f.add(.citation, citation)
        return f.value
    }
}

extension CitationView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 3)
        f.add(.citationHTML, citationHTML)
        f.add(.style, style)
        f.add(.downloads, downloads)
        return f.value
    }
}

extension DownloadView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 3)
        f.add(.title, title)
        f.add(.url, url)
        f.add(.filename, filename)
        return f.value
    }
}

extension PreloadView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 3)
        f.add(.url, url)
        f.add(.destination, destination)
        f.add(.crossOrigin, crossOrigin)
        return f.value
    }
}

extension MentionItemView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 3)
        f.add(.snippet, snippet)
        f.add(.url, url)
        f.add(.place, place)
        return f.value
    }
}

extension MentionGroupView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 3)
        f.add(.title, title)
        f.add(.url, url)
        f.add(.items, items)
        return f.value
    }
}

extension LinkGroupView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 2)
        f.add(.title, title)
        f.add(.links, links)
        return f.value
    }
}

extension ProfileView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 9)
        f.add(.kindLabel, kindLabel)
        f.add(.summary, summary)
        f.add(.facts, facts)
        f.add(.linkGroups, linkGroups)
        f.add(.bodyHTML, bodyHTML)
        f.add(.reportGroups, reportGroups)
        f.add(.noteGroups, noteGroups)
        f.add(.documentGroups, documentGroups)
        f.add(.mentionCount, mentionCount)
        return f.value
    }
}

extension ProfileEntryView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 4)
        f.add(.name, name)
        f.add(.url, url)
        f.add(.detail, detail)
        f.add(.summary, summary)
        return f.value
    }
}

extension ProfileGroupView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 3)
        f.add(.title, title)
        f.add(.id, id)
        f.add(.entries, entries)
        return f.value
    }
}

extension SourceView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 8)
        f.add(.id, id)
        f.add(.label, label)
        f.add(.sourceTitle, sourceTitle)
        f.add(.sourceURL, sourceURL)
        f.add(.archiveURL, archiveURL)
        f.add(.notes, notes)
        f.add(.notesLabel, notesLabel)
        f.add(.shortForms, shortForms)
        return f.value
    }
}

extension SourceSubgroupView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 3)
        f.add(.outletTitle, outletTitle)
        f.add(.outletURL, outletURL)
        f.add(.sources, sources)
        return f.value
    }
}

extension SourceGroupView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 4)
        f.add(.title, title)
        f.add(.id, id)
        f.add(.count, count)
        f.add(.subgroups, subgroups)
        return f.value
    }
}

extension ChartView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 10)
        f.add(.id, id)
        f.add(.title, title)
        f.add(.caption, caption)
        f.add(.chartLede, chartLede)
        f.add(.svgHTML, svgHTML)
        f.add(.whenHeading, whenHeading)
        f.add(.valueHeading, valueHeading)
        f.add(.whoHeading, whoHeading)
        f.add(.sourceHeading, sourceHeading)
        f.add(.rows, rows)
        return f.value
    }
}

extension ChartRowView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 6)
        f.add(.when, when)
        f.add(.figure, figure)
        f.add(.who, who)
        f.add(.textURL, textURL)
        f.add(.noteURL, noteURL)
        f.add(.sourceLabel, sourceLabel)
        return f.value
    }
}

extension TimelineEventView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 8)
        f.add(.iso, iso)
        f.add(.when, when)
        f.add(.title, title)
        f.add(.text, text)
        f.add(.textURL, textURL)
        f.add(.noteURL, noteURL)
        f.add(.noteLabel, noteLabel)
        f.add(.links, links)
        return f.value
    }
}

extension TimelineMonthView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 3)
        f.add(.title, title)
        f.add(.id, id)
        f.add(.events, events)
        return f.value
    }
}

extension MetaTagView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 2)
        f.add(.key, key)
        f.add(.content, content)
        return f.value
    }
}

extension PageMetaView: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 3)
        f.add(.openGraph, openGraph)
        f.add(.named, named)
        f.add(.jsonLD, jsonLD)
        return f.value
    }
}

extension SearchExample: MustacheConvertible {
    var templateValue: TemplateValue {
        var f = MustacheFields(capacity: 3)
        f.add(.phrase, phrase)
        f.add(.word, word)
        f.add(.matches, matches)
        return f.value
    }
}

/// The names of the view models' fields (each interned once).
extension TemplateKey {
    static let archiveURL = TemplateKey("archiveURL")
    static let authors = TemplateKey("authors")
    static let basePath = TemplateKey("basePath")
    static let bodyHTML = TemplateKey("bodyHTML")
    static let canonicalURL = TemplateKey("canonicalURL")
    static let caption = TemplateKey("caption")
    static let chaptersHTML = TemplateKey("chaptersHTML")
    static let chartLede = TemplateKey("chartLede")
    static let charts = TemplateKey("charts")
    static let citation = TemplateKey("citation")
    static let citationHTML = TemplateKey("citationHTML")
    static let colophon = TemplateKey("colophon")
    static let content = TemplateKey("content")
    static let contentHTML = TemplateKey("contentHTML")
    static let contents = TemplateKey("contents")
    static let count = TemplateKey("count")
    static let crossOrigin = TemplateKey("crossOrigin")
    static let current = TemplateKey("current")
    static let description = TemplateKey("description")
    static let destination = TemplateKey("destination")
    static let detail = TemplateKey("detail")
    static let documentGroups = TemplateKey("documentGroups")
    static let documentTitle = TemplateKey("documentTitle")
    static let documents = TemplateKey("documents")
    static let downloads = TemplateKey("downloads")
    static let editorial = TemplateKey("editorial")
    static let editorialGroups = TemplateKey("editorialGroups")
    static let editorialNotesURL = TemplateKey("editorialNotesURL")
    static let entries = TemplateKey("entries")
    static let events = TemplateKey("events")
    static let expansion = TemplateKey("expansion")
    static let eyebrow = TemplateKey("eyebrow")
    static let facts = TemplateKey("facts")
    static let figure = TemplateKey("figure")
    static let filename = TemplateKey("filename")
    static let glossary = TemplateKey("glossary")
    static let id = TemplateKey("id")
    static let imprint = TemplateKey("imprint")
    static let imprintLine = TemplateKey("imprintLine")
    static let iso = TemplateKey("iso")
    static let items = TemplateKey("items")
    static let jsonLD = TemplateKey("jsonLD")
    static let key = TemplateKey("key")
    static let kind = TemplateKey("kind")
    static let kindLabel = TemplateKey("kindLabel")
    static let label = TemplateKey("label")
    static let language = TemplateKey("language")
    static let lede = TemplateKey("lede")
    static let linkGroups = TemplateKey("linkGroups")
    static let links = TemplateKey("links")
    static let matches = TemplateKey("matches")
    static let mentionCount = TemplateKey("mentionCount")
    static let meta = TemplateKey("meta")
    static let name = TemplateKey("name")
    static let named = TemplateKey("named")
    static let navigation = TemplateKey("navigation")
    static let next = TemplateKey("next")
    static let noteGroups = TemplateKey("noteGroups")
    static let noteLabel = TemplateKey("noteLabel")
    static let noteURL = TemplateKey("noteURL")
    static let notes = TemplateKey("notes")
    static let notesHTML = TemplateKey("notesHTML")
    static let notesLabel = TemplateKey("notesLabel")
    static let number = TemplateKey("number")
    static let offlineReading = TemplateKey("offlineReading")
    static let openGraph = TemplateKey("openGraph")
    static let outletTitle = TemplateKey("outletTitle")
    static let outletURL = TemplateKey("outletURL")
    static let params = TemplateKey("params")
    static let phrase = TemplateKey("phrase")
    static let place = TemplateKey("place")
    static let preloads = TemplateKey("preloads")
    static let previous = TemplateKey("previous")
    static let profile = TemplateKey("profile")
    static let profileGroups = TemplateKey("profileGroups")
    static let publisher = TemplateKey("publisher")
    static let reportGroups = TemplateKey("reportGroups")
    static let rows = TemplateKey("rows")
    static let scriptAtEnd = TemplateKey("scriptAtEnd")
    static let scriptURL = TemplateKey("scriptURL")
    static let scripts = TemplateKey("scripts")
    static let searchExample = TemplateKey("searchExample")
    static let searchKinds = TemplateKey("searchKinds")
    static let searchMetaJSON = TemplateKey("searchMetaJSON")
    static let searchRecordsJSON = TemplateKey("searchRecordsJSON")
    static let sections = TemplateKey("sections")
    static let shortForms = TemplateKey("shortForms")
    static let site = TemplateKey("site")
    static let snippet = TemplateKey("snippet")
    static let sourceGroups = TemplateKey("sourceGroups")
    static let sourceHeading = TemplateKey("sourceHeading")
    static let sourceLabel = TemplateKey("sourceLabel")
    static let sourceTitle = TemplateKey("sourceTitle")
    static let sourceURL = TemplateKey("sourceURL")
    static let sources = TemplateKey("sources")
    static let style = TemplateKey("style")
    static let stylesheetURL = TemplateKey("stylesheetURL")
    static let stylesheets = TemplateKey("stylesheets")
    static let subgroups = TemplateKey("subgroups")
    static let subtitle = TemplateKey("subtitle")
    static let summary = TemplateKey("summary")
    static let svgHTML = TemplateKey("svgHTML")
    static let t = TemplateKey("t")
    static let term = TemplateKey("term")
    static let text = TemplateKey("text")
    static let textURL = TemplateKey("textURL")
    static let timeline = TemplateKey("timeline")
    static let title = TemplateKey("title")
    static let url = TemplateKey("url")
    static let value = TemplateKey("value")
    static let valueHeading = TemplateKey("valueHeading")
    static let when = TemplateKey("when")
    static let whenHeading = TemplateKey("whenHeading")
    static let who = TemplateKey("who")
    static let whoHeading = TemplateKey("whoHeading")
    static let word = TemplateKey("word")
    static let year = TemplateKey("year")
}
