// Stage 4 of the pipeline: checks the profiles of every collection against each other
// (every slug a reference field names must exist in the type it points to, no slug twice, no
// name shared by two profiles) and builds the matcher that finds their mentions in the text,
// with the honorifics the profile types declare.

import SitegenMarkdown

/// The profiles of the site, checked, with what is derived from them.
public struct Profiles: Sendable {
    /// The collections in the order of their types.
    public var collections: [ProfileCollection<Parsed<ProfileMeta>>]
    public var matcher: MentionMatcher
    /// The abbreviations list, by term.
    public var abbreviations: [String: Abbreviation] { didSet { abbreviationTerms = AbbreviationTerms(abbreviations.keys) } }
    /// The automaton that finds the abbreviations' terms, built once for every page.
    public private(set) var abbreviationTerms: AbbreviationTerms

    /// Profiles with what is derived from them.
    public init(collections: [ProfileCollection<Parsed<ProfileMeta>>], matcher: MentionMatcher,
                abbreviations: [String: Abbreviation]) {
        self.collections = collections
        self.matcher = matcher
        self.abbreviations = abbreviations
        abbreviationTerms = AbbreviationTerms(abbreviations.keys)
    }

    /// The profiles of the type `name`.
    public func items(_ name: String) -> [Parsed<ProfileMeta>] {
        collections.first { $0.type.name == name }?.items ?? []
    }

    /// The profiles of people (the type `person`).
    public var people: [Parsed<ProfileMeta>] { items("person") }
    /// The profiles of organisations (the type `organisation`).
    public var organisations: [Parsed<ProfileMeta>] { items("organisation") }

    /// The type called `name`.
    public func type(_ name: String) -> ProfileType? { collections.first { $0.type.name == name }?.type }

    /// The names of the profiles that outlets are recognised by: those whose value of a
    /// closed-list field is marked `outlet: true` (e.g. media outlets), with their aliases.
    public var outletNames: [String] {
        collections.flatMap { collection in
            collection.items.filter { profile in
                collection.type.fields.contains { field in
                    profile.page.meta.list(field.name).contains { field.allowed($0)?.outlet == true }
                }
            }.flatMap { [$0.page.meta.name] + $0.page.meta.aliases }
        }
    }

    /// No profiles at all.
    public static let none = Profiles(collections: [], matcher: MentionMatcher(names: []), abbreviations: [:])
}

/// Checks profiles and builds `Profiles`.
public struct ProfileResolver: Sendable {
    /// Creates the stage.
    public init() {}

    /// Resolves the profiles of `site`.
    public func run(_ site: ParsedSite) -> (Profiles, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let slugsByType = Dictionary(site.profiles.map { ($0.type.name, $0.items.map(\.page.slug.rawValue)) },
                                     uniquingKeysWith: { first, _ in first })

        /// `slug`, under `path` in the front matter of `page`, names no profile of `type`.
        func unknown(_ slug: String, field: String, in page: SourceFile, at path: [String], type: String) {
            let line = FrontMatter.location(ofScalar: slug, under: path, in: page) ?? page.frontMatterLine(containing: slug)
            let label = site.profiles.first { $0.type.name == type }?.type.label.lowercased() ?? type
            diagnostics.append(Diagnostic(file: page.path, line: line.0, column: line.1, severity: .error,
                                          code: .profileUnknownSlug,
                                          message: "\(field) names '\(slug)', but there is no \(label) profile with that slug\(Suggestion.didYouMean(slug, in: slugsByType[type] ?? []))"))
        }

        var owner: [Slug: String] = [:]
        for collection in site.profiles {
            for profile in collection.items {
                let slug = profile.page.slug
                if let other = owner[slug] {
                    diagnostics.append(Diagnostic(file: profile.page.source.path, severity: .error, code: .profileDuplicateSlug,
                                                  message: "the slug '\(slug)' is used by a \(other) and a \(collection.type.label.lowercased()); rename one file"))
                } else {
                    owner[slug] = collection.type.label.lowercased()
                }
            }
        }

        for collection in site.profiles {
            for field in collection.type.fields where field.kind == .reference && field.inverse == nil {
                guard let target = field.target, let slugs = slugsByType[target].map(Set.init) else { continue }
                for profile in collection.items {
                    for slug in profile.page.meta.list(field.name) where !slugs.contains(slug) {
                        unknown(slug, field: field.name, in: profile.page.source, at: [field.name], type: target)
                    }
                }
            }
        }
        var abbreviations: [String: Abbreviation] = [:]
        if let page = site.content.abbreviations {
            let organisations = Set(slugsByType["organisation"] ?? [])
            for (index, entry) in page.meta.abbreviations.enumerated() {
                abbreviations[entry.term] = entry
                if let slug = entry.organisation, !organisations.contains(slug) {
                    unknown(slug, field: "organisation of \(entry.term)", in: page.source, at: ["abbreviations", "\(index)"],
                            type: "organisation")
                }
            }
        }

        // Names, abbreviations and aliases → targets; a name shared by two profiles links to neither.
        var names: [(String, MentionTarget, SourceFile)] = []
        for collection in site.profiles {
            let kind = MentionTarget.Kind(collection.type.name, folder: collection.type.folder)
            for profile in collection.items {
                let meta = profile.page.meta
                let target = MentionTarget(kind: kind, slug: profile.page.slug, name: meta.name)
                let abbreviation = (meta.abbreviation ?? "").isEmpty ? [] : [meta.abbreviation!]
                for name in [meta.name] + abbreviation + meta.aliases {
                    names.append((name, target, profile.page.source))
                }
            }
        }
        let matcher = MentionMatcher(names: names.map { ($0.0, $0.1) },
                                     prefixes: site.profiles.flatMap(\.type.honorifics))
        for (name, targets) in matcher.ambiguous.sorted(by: { $0.key < $1.key }) {
            let last = names.last { $0.0 == name }!
            let line = last.2.frontMatterLine(containing: name)
            diagnostics.append(Diagnostic(
                file: last.2.path, line: line.0, column: line.1, severity: .warning, code: .profileAliasAmbiguous,
                message: "'\(name)' is a name of \(targets.map { "\($0.kind.rawValue) '\($0.slug)'" }.joined(separator: " and ")); it links to neither"))
        }
        return (Profiles(collections: site.profiles, matcher: matcher, abbreviations: abbreviations), diagnostics)
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
