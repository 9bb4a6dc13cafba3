// How each view model converts into what its template reads (see `MustacheValues.swift`):
// one line per stored property, in declaration order. A property added to a view model must be
// added here too; `MustacheValuesTests` fails until it is (it compares with reflection).

extension LinkView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 3)
        f.add("title", title)
        f.add("url", url)
        f.add("current", current)
        return f.values
    }
}

extension TocEntry: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 4)
        f.add("number", number)
        f.add("title", title)
        f.add("url", url)
        f.add("sections", sections)
        return f.values
    }
}

extension SiteView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 19)
        f.add("title", title)
        f.add("subtitle", subtitle)
        f.add("authors", authors)
        f.add("publisher", publisher)
        f.add("year", year)
        f.add("imprint", imprint)
        f.add("imprintLine", imprintLine)
        f.add("language", language)
        f.add("basePath", basePath)
        f.add("stylesheetURL", stylesheetURL)
        f.add("stylesheets", stylesheets)
        f.add("scriptURL", scriptURL)
        f.add("scriptAtEnd", scriptAtEnd)
        f.add("scripts", scripts)
        f.add("navigation", navigation)
        f.add("editorialNotesURL", editorialNotesURL)
        f.add("params", params)
        f.add("offlineReading", offlineReading)
        f.add("searchKinds", searchKinds)
        return f.values
    }
}

extension SearchKindView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 2)
        f.add("name", name)
        f.add("label", label)
        return f.values
    }
}

extension FactView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 4)
        f.add("label", label)
        f.add("value", value)
        f.add("url", url)
        f.add("archiveURL", archiveURL)
        return f.values
    }
}

extension EditorialGroupView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 3)
        f.add("title", title)
        f.add("url", url)
        f.add("items", items)
        return f.values
    }
}

extension EditorialItemView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 3)
        f.add("text", text)
        f.add("url", url)
        f.add("place", place)
        return f.values
    }
}

extension GlossaryEntryView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 5)
        f.add("id", id)
        f.add("term", term)
        f.add("expansion", expansion)
        f.add("url", url)
        f.add("editorial", editorial)
        return f.values
    }
}

extension DocumentEntryView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 4)
        f.add("title", title)
        f.add("url", url)
        f.add("label", label)
        f.add("description", description)
        return f.values
    }
}

extension PageModel: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 34)
        f.add("site", site)
        f.add("title", title)
        f.add("documentTitle", documentTitle)
        f.add("description", description)
        f.add("canonicalURL", canonicalURL)
        f.add("kind", kind)
        f.add("t", t)
        f.add("lede", lede)
        f.add("searchExample", searchExample)
        f.add("eyebrow", eyebrow)
        f.add("subtitle", subtitle)
        f.add("contentHTML", contentHTML)
        f.add("notesHTML", notesHTML)
        f.add("previous", previous)
        f.add("next", next)
        f.add("contents", contents)
        f.add("sections", sections)
        f.add("facts", facts)
        f.add("colophon", colophon)
        f.add("links", links)
        f.add("editorialGroups", editorialGroups)
        f.add("glossary", glossary)
        f.add("documents", documents)
        f.add("profile", profile)
        f.add("profileGroups", profileGroups)
        f.add("sourceGroups", sourceGroups)
        f.add("charts", charts)
        f.add("timeline", timeline)
        f.add("chaptersHTML", chaptersHTML)
        f.add("searchMetaJSON", searchMetaJSON)
        f.add("searchRecordsJSON", searchRecordsJSON)
        f.add("preloads", preloads)
        f.add("meta", meta)
        f.add("citation", citation)
        return f.values
    }
}

extension CitationView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 3)
        f.add("citationHTML", citationHTML)
        f.add("style", style)
        f.add("downloads", downloads)
        return f.values
    }
}

extension DownloadView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 3)
        f.add("title", title)
        f.add("url", url)
        f.add("filename", filename)
        return f.values
    }
}

extension PreloadView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 3)
        f.add("url", url)
        f.add("destination", destination)
        f.add("crossOrigin", crossOrigin)
        return f.values
    }
}

extension MentionItemView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 3)
        f.add("snippet", snippet)
        f.add("url", url)
        f.add("place", place)
        return f.values
    }
}

extension MentionGroupView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 3)
        f.add("title", title)
        f.add("url", url)
        f.add("items", items)
        return f.values
    }
}

extension LinkGroupView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 2)
        f.add("title", title)
        f.add("links", links)
        return f.values
    }
}

extension ProfileView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 9)
        f.add("kindLabel", kindLabel)
        f.add("summary", summary)
        f.add("facts", facts)
        f.add("linkGroups", linkGroups)
        f.add("bodyHTML", bodyHTML)
        f.add("reportGroups", reportGroups)
        f.add("noteGroups", noteGroups)
        f.add("documentGroups", documentGroups)
        f.add("mentionCount", mentionCount)
        return f.values
    }
}

extension ProfileEntryView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 4)
        f.add("name", name)
        f.add("url", url)
        f.add("detail", detail)
        f.add("summary", summary)
        return f.values
    }
}

extension ProfileGroupView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 3)
        f.add("title", title)
        f.add("id", id)
        f.add("entries", entries)
        return f.values
    }
}

extension SourceView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 8)
        f.add("id", id)
        f.add("label", label)
        f.add("sourceTitle", sourceTitle)
        f.add("sourceURL", sourceURL)
        f.add("archiveURL", archiveURL)
        f.add("notes", notes)
        f.add("notesLabel", notesLabel)
        f.add("shortForms", shortForms)
        return f.values
    }
}

extension SourceSubgroupView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 3)
        f.add("outletTitle", outletTitle)
        f.add("outletURL", outletURL)
        f.add("sources", sources)
        return f.values
    }
}

extension SourceGroupView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 4)
        f.add("title", title)
        f.add("id", id)
        f.add("count", count)
        f.add("subgroups", subgroups)
        return f.values
    }
}

extension ChartView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 10)
        f.add("id", id)
        f.add("title", title)
        f.add("caption", caption)
        f.add("chartLede", chartLede)
        f.add("svgHTML", svgHTML)
        f.add("whenHeading", whenHeading)
        f.add("valueHeading", valueHeading)
        f.add("whoHeading", whoHeading)
        f.add("sourceHeading", sourceHeading)
        f.add("rows", rows)
        return f.values
    }
}

extension ChartRowView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 6)
        f.add("when", when)
        f.add("figure", figure)
        f.add("who", who)
        f.add("textURL", textURL)
        f.add("noteURL", noteURL)
        f.add("sourceLabel", sourceLabel)
        return f.values
    }
}

extension TimelineEventView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 8)
        f.add("iso", iso)
        f.add("when", when)
        f.add("title", title)
        f.add("text", text)
        f.add("textURL", textURL)
        f.add("noteURL", noteURL)
        f.add("noteLabel", noteLabel)
        f.add("links", links)
        return f.values
    }
}

extension TimelineMonthView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 3)
        f.add("title", title)
        f.add("id", id)
        f.add("events", events)
        return f.values
    }
}

extension MetaTagView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 2)
        f.add("key", key)
        f.add("content", content)
        return f.values
    }
}

extension PageMetaView: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 3)
        f.add("openGraph", openGraph)
        f.add("named", named)
        f.add("jsonLD", jsonLD)
        return f.values
    }
}

extension SearchExample: MustacheConvertible {
    var mustacheValue: [String: Any] {
        var f = MustacheFields(capacity: 3)
        f.add("phrase", phrase)
        f.add("word", word)
        f.add("matches", matches)
        return f.values
    }
}
