// The profile types a site has without declaring them: people and organisations, with fields
// that fit any report. They are written as type files would be and read by the same code; a
// site's `types/person.yml` or `types/organisation.yml` replaces the built-in one whole.

/// The built-in profile types.
enum BuiltInProfileTypes {
    /// Type name → the YAML of its type file.
    static let files: [(String, String)] = [("person", person), ("organisation", organisation)]

    static let person = """
        folder: people
        label: Person
        title: People
        schema: Person
        description: "Everyone named in the report and its companion documents."
        detail: [role, organisations]
        search_label: [role]
        honorifics: [Professor, Prof., Dr, Dr., Mr, Mr., Mrs, Mrs., Ms, Ms., Mx, Mx., Miss, Sir, Dame, Lord, Lady, Reverend, Rev.]
        fields:
          role: {type: text, label: Role}
          aliases: {type: list, label: Also written}
          organisations: {type: reference, to: organisation, many: true, label: Organisations}
        """

    static let organisation = """
        folder: organisations
        label: Organisation
        title: Organisations
        schema: Organization
        description: "Every organisation named in the report and its companion documents."
        group_by: type
        detail: [abbreviation, members]
        search_label: [type]
        fields:
          type:
            type: text
            label: Type
            default: other
            values:
              - {value: government body, label: Government body, group: Government bodies}
              - {value: international organisation, label: International organisation, group: International organisations}
              - {value: political party, label: Political party, group: Political parties}
              - {value: company, label: Company, group: Companies}
              - {value: non-governmental organisation, label: Non-governmental organisation, group: Non-governmental organisations}
              - {value: research institute, label: Research institute, group: Research institutes}
              - {value: university, label: University, group: Universities}
              - {value: media outlet, label: Media outlet, group: Media outlets, outlet: true}
              - {value: other, label: Other, group: Other organisations}
          abbreviation: {type: text, label: Abbreviation}
          aliases: {type: list, label: Also written}
          members: {type: reference, to: person, inverse: organisations, label: Members and people linked to it}
          related: {type: reference, to: organisation, many: true, symmetric: true, label: Related organisations}
        """
}
