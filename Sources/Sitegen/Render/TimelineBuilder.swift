import Foundation
// The timeline: dated events of the timeline data files (`type: timeline`), and an event for
// every profile that gives a date a `from_profiles` rule names and no event already covers,
// in date order, each linked to the paragraph and note that state it. The words of the events
// come from the data files; the only words of the code are the general links to profiles.

/// Builds the timeline's view model.
struct TimelineBuilder {
    var urls: SiteURLs
    var notes: NoteIndex
    var documents: [Slug: String]
    var profiles: Profiles
    /// The year of a profile date that gives none (the publication's year), if any.
    var defaultYear: Int?
    /// The interface strings (month headings).
    var strings = InterfaceStrings.english

    func months(_ files: [DataFile<TimelineData>]) -> ([TimelineMonthView], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var events: [(Day, TimelineEventView)] = []
        var covered: Set<String> = []
        let people = Dictionary(uniqueKeysWithValues: profiles.people.map { ($0.page.slug.rawValue, $0.page.meta.name) })
        let organisations = Dictionary(uniqueKeysWithValues: profiles.organisations.map { ($0.page.slug.rawValue, $0.page.meta.name) })

        for file in files {
            for (index, event) in (file.value.events ?? []).enumerated() {
                // The event's line is looked up only for a diagnostic (a search of the file's text).
                var line: Int? { file.source.frontMatterLine(containing: event.title).0 }
                guard let day = Day(iso: event.date) else { continue } // reported by DataFileChecker
                let (text, note, _, problem) = DataLinks.resolve(note: event.note, document: event.document, notes: notes,
                                                                documents: documents, urls: urls)
                if let problem, event.note != nil || event.document != nil {
                    diagnostics.append(Diagnostic(file: file.source.path, line: line, severity: .error, code: .dataInvalid, message: problem))
                }
                var links: [LinkView] = []
                /// Where `slug` is written under the event's `field` (the event's line if not found).
                func position(_ slug: String, _ field: String) -> (Int?, Int?) {
                    FrontMatter.location(ofScalar: slug, under: ["events", "\(index)", field], in: file.source) ?? (line, nil)
                }
                for slug in event.people ?? [] {
                    guard let name = people[slug] else {
                        let (line, column) = position(slug, "people")
                        diagnostics.append(Diagnostic(file: file.source.path, line: line, column: column, severity: .error, code: .profileUnknownSlug,
                                                      message: "people names '\(slug)', but there is no person profile with that slug"))
                        continue
                    }
                    covered.insert(slug)
                    links.append(LinkView(title: name, url: urls.url("people/\(slug)/")))
                }
                for slug in event.organisations ?? [] {
                    guard let name = organisations[slug] else {
                        let (line, column) = position(slug, "organisations")
                        diagnostics.append(Diagnostic(file: file.source.path, line: line, column: column, severity: .error, code: .profileUnknownSlug,
                                                      message: "organisations names '\(slug)', but there is no organisation profile with that slug"))
                        continue
                    }
                    links.append(LinkView(title: name, url: urls.url("organisations/\(slug)/")))
                }
                events.append((day, TimelineEventView(iso: day.iso, when: event.when ?? day.iso, title: event.title, text: event.text,
                                                      textURL: problem == nil ? text : nil, noteURL: problem == nil ? note : nil,
                                                      noteLabel: event.note.map { "Note \(notes[$0]?.number ?? $0.rawValue)" }, links: links)))
            }
        }

        // Events made from the profiles' dates, by the files' rules.
        for file in files {
            for rule in file.value.fromProfiles ?? [] {
                var line: Int? { file.source.frontMatterLine(containing: rule.title).0 }
                guard let collection = profiles.collections.first(where: { $0.type.folder == rule.collection }) else { continue }
                for person in collection.items where !covered.contains(person.page.slug.rawValue) {
                    let meta = person.page.meta.timelineField(in: collection.type, strings: strings)
                    guard let written = meta(rule.date) else { continue }
                    guard let day = Day(iso: written) ?? Day(text: written, defaultYear: defaultYear) else {
                        diagnostics.append(Diagnostic(file: person.path, line: person.page.source.frontMatterLine(containing: written).0,
                                                      severity: .warning, code: .dataInvalid,
                                                      message: "'\(rule.date): \(written)' is not a date the timeline can place (a day and month with a year, e.g. '28 February 2021'); it is left off the timeline"))
                        continue
                    }
                    guard let title = Self.fill(rule.title, meta) else {
                        diagnostics.append(Diagnostic(file: file.source.path, line: line, severity: .error, code: .dataInvalid,
                                                      message: "the title pattern '\(rule.title)' gives nothing for \(person.path)"))
                        continue
                    }
                    covered.insert(person.page.slug.rawValue)
                    events.append((day, TimelineEventView(
                        iso: day.iso, when: written, title: title, text: rule.text.map { Self.fill($0, meta) } ?? person.page.meta.summary,
                        textURL: nil, noteURL: nil, noteLabel: nil,
                        links: [LinkView(title: "Profile of \(person.page.meta.name), with every passage on \(person.page.meta.name)",
                                         url: urls.url("\(collection.type.folder)/\(person.page.slug)/"))])))
                }
            }
        }

        let sorted = events.sorted { ($0.0, $0.1.title) < ($1.0, $1.1.title) }
        var months: [TimelineMonthView] = []
        for (day, event) in sorted {
            let title = strings.monthYear(year: day.year, month: day.month)
            if months.last?.title != title {
                months.append(TimelineMonthView(title: title, id: Slugger.slug(title), events: []))
            }
            months[months.count - 1].events.append(event)
        }
        return (months, diagnostics)
    }

    /// `pattern` with each `{field}` replaced by the field's value; a missing field and the
    /// space after it are left out ("{title} {name} retires" → "Ana Ruiz retires" without a
    /// rank). Nil when nothing but spaces would remain.
    static func fill(_ pattern: String, _ field: (String) -> String?) -> String? {
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
            if let value = field(name), !value.isEmpty {
                result += value
            } else if rest.first == " " {
                rest = rest.dropFirst()
            }
        }
        result += rest
        let trimmed = result.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension ProfileMeta {
    /// The profile's fields by front-matter name as timeline patterns name them: the name,
    /// the summary, and each field's value as readers see it.
    func timelineField(in type: ProfileType, strings: InterfaceStrings = .english) -> (String) -> String? {
        { name in
            switch name {
            case "name": return self.name
            case "summary": return self.summary
            default: return type.field(name).flatMap { ProfilePageBuilder.display($0, self, strings: strings) }
            }
        }
    }
}
