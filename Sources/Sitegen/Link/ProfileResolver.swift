// Stage 4 of the pipeline: checks the profiles of people and organisations against each
// other (every slug they name must exist, no slug twice, no name shared by two profiles) and
// builds the matcher that finds their mentions in the text.

import SitegenMarkdown

/// The profiles of the site, checked, with what is derived from them.
public struct Profiles: Sendable {
    public var people: [Parsed<PersonMeta>]
    public var organisations: [Parsed<OrganisationMeta>]
    public var matcher: MentionMatcher
    /// People by organisation slug (derived from the people's `organisations`).
    public var members: [Slug: [Slug]]
    /// The abbreviations list, by term.
    public var abbreviations: [String: Abbreviation]

    /// The target of a profile slug.
    public func target(_ kind: MentionTarget.Kind, _ slug: Slug) -> MentionTarget? {
        switch kind {
        case .person: return people.first { $0.page.slug == slug }.map { MentionTarget(kind: .person, slug: slug, name: $0.page.meta.name) }
        case .organisation: return organisations.first { $0.page.slug == slug }.map { MentionTarget(kind: .organisation, slug: slug, name: $0.page.meta.name) }
        }
    }

    /// No profiles at all.
    public static let none = Profiles(people: [], organisations: [], matcher: MentionMatcher(names: []), members: [:], abbreviations: [:])
}

/// Checks profiles and builds `Profiles`.
public struct ProfileResolver: Sendable {
    /// Creates the stage.
    public init() {}

    /// Resolves the profiles of `site`.
    public func run(_ site: ParsedSite) -> (Profiles, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let personSlugs = Set(site.people.map(\.page.slug))
        let organisationSlugs = Set(site.organisations.map(\.page.slug))

        func unknown(_ slug: String, field: String, in page: SourceFile, kind: String) {
            let line = page.frontMatterLine(containing: slug)
            diagnostics.append(Diagnostic(file: page.path, line: line.0, column: line.1, severity: .error,
                                          code: .profileUnknownSlug,
                                          message: "\(field) names '\(slug)', but there is no \(kind) profile with that slug"))
        }

        for slug in personSlugs.intersection(organisationSlugs).sorted() {
            let page = site.organisations.first { $0.page.slug == slug }!.page.source
            diagnostics.append(Diagnostic(file: page.path, severity: .error, code: .profileDuplicateSlug,
                                          message: "the slug '\(slug)' is used by a person and an organisation; rename one file"))
        }

        var members: [Slug: [Slug]] = [:]
        for person in site.people {
            for organisation in person.page.meta.organisations ?? [] {
                if organisationSlugs.contains(Slug(rawValue: organisation)) {
                    members[Slug(rawValue: organisation), default: []].append(person.page.slug)
                } else {
                    unknown(organisation, field: "organisations", in: person.page.source, kind: "organisation")
                }
            }
            for other in person.page.meta.sameAsMaybe ?? [] where !personSlugs.contains(Slug(rawValue: other)) {
                unknown(other, field: "same_as_maybe", in: person.page.source, kind: "person")
            }
        }
        for organisation in site.organisations {
            for related in organisation.page.meta.related ?? [] where !organisationSlugs.contains(Slug(rawValue: related)) {
                unknown(related, field: "related", in: organisation.page.source, kind: "organisation")
            }
        }
        var abbreviations: [String: Abbreviation] = [:]
        if let page = site.content.abbreviations {
            for entry in page.meta.abbreviations {
                abbreviations[entry.term] = entry
                if let slug = entry.organisation, !organisationSlugs.contains(Slug(rawValue: slug)) {
                    unknown(slug, field: "organisation of \(entry.term)", in: page.source, kind: "organisation")
                }
            }
        }

        // Names and aliases → targets; a name shared by two profiles links to neither.
        var names: [(String, MentionTarget, SourceFile)] = []
        for person in site.people {
            let target = MentionTarget(kind: .person, slug: person.page.slug, name: person.page.meta.name)
            for name in [person.page.meta.name] + (person.page.meta.aliases ?? []) {
                names.append((name, target, person.page.source))
            }
        }
        for organisation in site.organisations {
            let meta = organisation.page.meta
            let target = MentionTarget(kind: .organisation, slug: organisation.page.slug, name: meta.name)
            let abbreviation = (meta.abbreviation ?? "").isEmpty ? [] : [meta.abbreviation!]
            for name in [meta.name] + abbreviation + (meta.aliases ?? []) {
                names.append((name, target, organisation.page.source))
            }
        }
        let matcher = MentionMatcher(names: names.map { ($0.0, $0.1) })
        for (name, targets) in matcher.ambiguous.sorted(by: { $0.key < $1.key }) {
            let last = names.last { $0.0 == name }!
            let line = last.2.frontMatterLine(containing: name)
            diagnostics.append(Diagnostic(
                file: last.2.path, line: line.0, column: line.1, severity: .warning, code: .profileAliasAmbiguous,
                message: "'\(name)' is a name of \(targets.map { "\($0.kind.rawValue) '\($0.slug)'" }.joined(separator: " and ")); it links to neither"))
        }
        let profiles = Profiles(people: site.people, organisations: site.organisations, matcher: matcher,
                                members: members, abbreviations: abbreviations)
        return (profiles, diagnostics)
    }
}

extension SourceFile {
    /// The line and column of the first front-matter line that contains `value`.
    func frontMatterLine(containing value: String) -> (Int?, Int?) {
        guard let yaml = frontMatter else { return (nil, nil) }
        for (offset, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: value) {
                return (frontMatterLine + offset, line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return (frontMatterLine, nil)
    }
}
