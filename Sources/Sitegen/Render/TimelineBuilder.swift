// The timeline: dated events from `content/data/timeline.yml`, and the defection of every
// person whose profile gives a date the timeline does not already cover, in date order,
// each linked to the paragraph and note that state it.

/// Builds the timeline's view model.
struct TimelineBuilder {
    var urls: SiteURLs
    var notes: NoteIndex
    var documents: [Slug: String]
    var profiles: Profiles

    func months(_ file: DataFile<TimelineData>?) -> ([TimelineMonthView], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var events: [(Day, TimelineEventView)] = []
        var covered: Set<String> = []
        let people = Dictionary(uniqueKeysWithValues: profiles.people.map { ($0.page.slug.rawValue, $0.page.meta.name) })
        let organisations = Dictionary(uniqueKeysWithValues: profiles.organisations.map { ($0.page.slug.rawValue, $0.page.meta.name) })

        for event in file?.value.events ?? [] {
            guard let file else { break }
            let line = file.source.frontMatterLine(containing: event.title).0
            guard let day = Day(iso: event.date) else {
                diagnostics.append(Diagnostic(file: file.source.path, line: line, severity: .error, code: .dataInvalid,
                                              message: "'\(event.date)' is not a date of the form YYYY-MM-DD"))
                continue
            }
            let (text, note, _, problem) = DataLinks.resolve(note: event.note, document: event.document, notes: notes,
                                                            documents: documents, urls: urls)
            if let problem, event.note != nil || event.document != nil {
                diagnostics.append(Diagnostic(file: file.source.path, line: line, severity: .error, code: .dataInvalid, message: problem))
            }
            var links: [LinkView] = []
            for slug in event.people ?? [] {
                guard let name = people[slug] else {
                    diagnostics.append(Diagnostic(file: file.source.path, line: line, severity: .error, code: .profileUnknownSlug,
                                                  message: "people names '\(slug)', but there is no person profile with that slug"))
                    continue
                }
                covered.insert(slug)
                links.append(LinkView(title: name, url: urls.url("people/\(slug)/")))
            }
            for slug in event.organisations ?? [] {
                guard let name = organisations[slug] else {
                    diagnostics.append(Diagnostic(file: file.source.path, line: line, severity: .error, code: .profileUnknownSlug,
                                                  message: "organisations names '\(slug)', but there is no organisation profile with that slug"))
                    continue
                }
                links.append(LinkView(title: name, url: urls.url("organisations/\(slug)/")))
            }
            events.append((day, TimelineEventView(iso: day.iso, when: event.when, title: event.title, text: event.text,
                                                  textURL: problem == nil ? text : nil, noteURL: problem == nil ? note : nil,
                                                  noteLabel: event.note.map { "Note \($0)" }, links: links)))
        }

        // Defections given in the profiles and not yet on the timeline.
        for person in profiles.people where !covered.contains(person.page.slug.rawValue) {
            guard let defected = person.page.meta.defected, let day = Day(text: defected) else { continue }
            let name = person.page.meta.name
            let rank = person.page.meta.rank.map { $0 + " " } ?? ""
            events.append((day, TimelineEventView(
                iso: day.iso, when: defected, title: "\(rank)\(name) defects", text: person.page.meta.summary,
                textURL: nil, noteURL: nil, noteLabel: nil,
                links: [LinkView(title: "Profile of \(name), with every passage on \(name)", url: urls.url("people/\(person.page.slug)/"))])))
        }

        let sorted = events.sorted { ($0.0, $0.1.title) < ($1.0, $1.1.title) }
        var months: [TimelineMonthView] = []
        for (day, event) in sorted {
            let title = "\(Day.monthNames[day.month - 1]) \(day.year)"
            if months.last?.title != title {
                months.append(TimelineMonthView(title: title, id: Slugger.slug(title), events: []))
            }
            months[months.count - 1].events.append(event)
        }
        return (months, diagnostics)
    }
}
