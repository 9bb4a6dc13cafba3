// What a profile's type makes of its front matter on the pages: the facts (declared fields
// with a label, in the type's order), the link groups (references, their inverses and
// symmetric relations), the eyebrow, and the groups and entries of the collection's index.

import Foundation

extension ProfilePageBuilder {
    /// The profiles of the type `name`, by slug.
    func bySlug(_ name: String) -> [Slug: Parsed<ProfileMeta>] {
        Dictionary(profiles.items(name).map { ($0.page.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The label of the profile's value of the grouping field ("Researcher"), if the type groups by one.
    func groupLabel(_ type: ProfileType, _ meta: ProfileMeta) -> String? {
        guard let groupBy = type.groupBy, let field = type.field(groupBy), let value = meta.text(groupBy) else { return nil }
        return field.display(value)
    }

    /// The value of `field` as readers see it, or nil when the profile has none.
    static func display(_ field: ProfileField, _ meta: ProfileMeta, strings: InterfaceStrings = .english) -> String? {
        let shown: String
        switch meta.values[field.name] {
        case .flag(let value)?: shown = strings[value ? "value_yes" : "value_no"]
        case .one(let value)? where !value.isEmpty: shown = field.display(value)
        case .many(let values)? where !values.isEmpty: shown = values.map(field.display).joined(separator: "; ")
        default: return nil
        }
        return shown + (field.comment.flatMap(meta.text).map { " (\($0))" } ?? "")
    }

    /// The facts of a profile: its labelled fields in the type's order, without name, summary and references.
    func facts(_ type: ProfileType, _ meta: ProfileMeta) -> [FactView] {
        type.fields.compactMap { field in
            guard let label = field.label, field.kind != .reference, !["name", "summary"].contains(field.name),
                  let value = Self.display(field, meta, strings: strings) else { return nil }
            return FactView(label: label, value: value)
        }
    }

    /// The profiles a reference field of `profile` leads to: those it names, those naming it
    /// (an inverse field), or both (a symmetric field).
    func referenced(_ type: ProfileType, _ field: ProfileField, _ profile: Parsed<ProfileMeta>) -> [Parsed<ProfileMeta>] {
        guard let target = field.target else { return [] }
        let slug = profile.page.slug.rawValue
        if let inverse = field.inverse {
            return profiles.items(target).filter { $0.page.meta.list(inverse).contains(slug) }
        }
        var slugs = profile.page.meta.list(field.name)
        if field.symmetric {
            for other in profiles.items(type.name) where other.page.meta.list(field.name).contains(slug) && !slugs.contains(other.page.slug.rawValue) {
                slugs.append(other.page.slug.rawValue)
            }
        }
        let targets = bySlug(target)
        return slugs.compactMap { targets[Slug(rawValue: $0)] }
    }

    /// One labelled group of links per reference field that leads somewhere.
    func linkGroups(_ type: ProfileType, _ profile: Parsed<ProfileMeta>) -> [LinkGroupView] {
        type.fields.compactMap { field in
            guard field.kind == .reference, let target = field.target.flatMap(profiles.type) else { return nil }
            let links = referenced(type, field, profile).map {
                LinkView(title: $0.page.meta.name, url: urls.url("\(target.folder)/\($0.page.slug)/"))
            }
            return links.isEmpty ? nil : LinkGroupView(title: field.label ?? target.title, links: links)
        }
    }

    /// The index of a collection: grouped by the type's grouping field in the order of its
    /// values, or by initial letter when the type names none.
    func indexGroups(_ collection: ProfileCollection<Parsed<ProfileMeta>>) -> [ProfileGroupView] {
        let type = collection.type
        let entry = { (profile: Parsed<ProfileMeta>) in
            ProfileEntryView(name: profile.page.meta.name, url: urls.url("\(type.folder)/\(profile.page.slug)/"),
                             detail: Self.detail(type.detail.map { indexDetail(type, $0, profile) }),
                             summary: profile.page.meta.summary)
        }
        if let groupBy = type.groupBy, let values = type.field(groupBy)?.values {
            return Self.groups(values, collection.items, of: { $0.text(groupBy) ?? "" }, value: \.value, title: \.group, entry: entry)
        }
        let initials = Set(collection.items.map { Self.initial($0.page.meta.name) }).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        return Self.groups(initials, collection.items, of: { Self.initial($0.name) }, value: { $0 }, title: { $0 }, entry: entry)
    }

    /// The first letter of a name, in upper case.
    static func initial(_ name: String) -> String { name.prefix(1).uppercased() }

    /// What the field `name` adds to a profile's line on the index: its value, the short names
    /// of the profiles it names, or for an inverse field their number ("3 people").
    func indexDetail(_ type: ProfileType, _ name: String, _ profile: Parsed<ProfileMeta>) -> String? {
        guard let field = type.field(name) else { return nil }
        guard field.kind == .reference, let target = field.target.flatMap(profiles.type) else {
            return Self.display(field, profile.page.meta, strings: strings)
        }
        let linked = referenced(type, field, profile)
        if field.inverse != nil {
            let count = linked.count
            return count == 0 ? nil : "\(count) \(count == 1 ? target.label.lowercased() : target.title.lowercased())"
        }
        let names = linked.map(\.page.meta.shortName)
        return names.isEmpty ? nil : names.joined(separator: " · ")
    }
}
