// Front matter of the profiles of people and organisations (`content/people/*.md`,
// `content/organisations/*.md`).

/// What a person is, as far as the sources say.
public enum PersonStatus: String, Decodable, Hashable, Sendable, CaseIterable {
    case defector
    case deserter
    case inServiceSoldier = "in-service soldier"
    case civilian
    case official
    case analyst
    case author

    /// Heading of the group on the people index, in this order.
    public var groupTitle: String {
        switch self {
        case .defector: return "Defectors"
        case .deserter: return "Deserters"
        case .inServiceSoldier: return "In-service soldiers"
        case .civilian: return "Civilians"
        case .official: return "Officials"
        case .analyst: return "Analysts"
        case .author: return "Authors of the report"
        }
    }
}

/// Front matter of a person's profile.
public struct PersonMeta: Decodable, Hashable, Sendable {
    public var name: String
    public var aliases: [String]?
    public var rank: String?
    public var unit: String?
    public var status: PersonStatus
    public var defected: String?
    public var organisations: [String]?
    public var nameIs: String?
    public var nameSource: String?
    public var summary: String?
    public var sameAsMaybe: [String]?

    enum CodingKeys: String, CodingKey {
        case name, aliases, rank, unit, status, defected, organisations, summary
        case nameIs = "name_is"
        case nameSource = "name_source"
        case sameAsMaybe = "same_as_maybe"
    }
}

/// What kind of organisation a profile describes.
public enum OrganisationType: String, Decodable, Hashable, Sendable, CaseIterable {
    case defectorGroup = "defector group"
    case armedGroup = "armed group"
    case parallelGovernment = "parallel government"
    case politicalParty = "political party"
    case mediaOutlet = "media outlet"
    case researchInstitute = "research institute"
    case militaryConglomerate = "military conglomerate"
    case militaryUnit = "military unit"
    case governmentBody = "government body"
    case civilSociety = "civil society"
    case other

    /// Heading of the group on the organisations index.
    public var groupTitle: String {
        switch self {
        case .defectorGroup: return "Defector groups"
        case .armedGroup: return "Armed groups"
        case .parallelGovernment: return "Parallel government"
        case .politicalParty: return "Political parties"
        case .mediaOutlet: return "Media outlets"
        case .researchInstitute: return "Research institutes"
        case .militaryConglomerate: return "Military conglomerates"
        case .militaryUnit: return "Military units and institutions"
        case .governmentBody: return "Government bodies"
        case .civilSociety: return "Movements and civil society"
        case .other: return "Other organisations"
        }
    }
}

/// Front matter of an organisation's profile.
public struct OrganisationMeta: Decodable, Hashable, Sendable {
    public var name: String
    public var abbreviation: String?
    public var aliases: [String]?
    public var type: OrganisationType
    public var summary: String?
    public var related: [String]?
}
