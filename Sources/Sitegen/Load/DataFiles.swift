// Data files of the content (`content/data/*.yml`): figures and dated events that the build
// turns into a chart and a timeline. Each value names its evidence: a note of the report or
// a companion document.

/// One dated estimate of the number of defectors.
public struct EstimatePoint: Decodable, Hashable, Sendable {
    public var date: String
    public var when: String
    public var low: Int
    public var high: Int?
    public var who: String?
    public var note: NoteLabel?
    public var document: String?
}

/// `content/data/defector-estimates.yml`.
public struct EstimatesData: Decodable, Hashable, Sendable {
    public var title: String
    public var description: String?
    public var points: [EstimatePoint]
}

/// One dated event of the timeline.
public struct TimelineEvent: Decodable, Hashable, Sendable {
    public var date: String
    public var when: String
    public var title: String
    public var text: String?
    public var note: NoteLabel?
    public var document: String?
    public var people: [String]?
    public var organisations: [String]?
}

/// `content/data/timeline.yml`.
public struct TimelineData: Decodable, Hashable, Sendable {
    public var events: [TimelineEvent]
}

/// A data file with its decoded value.
public struct DataFile<Value: Hashable & Sendable>: Hashable, Sendable {
    public var source: SourceFile
    public var value: Value
}

/// A calendar day parsed from `YYYY-MM-DD`.
public struct Day: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Parses `YYYY-MM-DD`; nil when it is not a valid date.
    public init?(iso: String) {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]), parts[0] > 1900 else { return nil }
        (year, month, day) = (parts[0], parts[1], parts[2])
    }

    /// Creates a day.
    public init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Days since 1 January of `year` (approximate months of 30.44 days are enough for a chart).
    public func offset(from origin: Day) -> Double {
        Double((year - origin.year) * 12 + (month - origin.month)) * 30.44 + Double(day - origin.day)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day) }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// A day from the way the sources write dates: "28 February 2021", "mid-March 2021",
    /// "late February", "May 2021"; early/mid/late give the 5th, 15th and 25th; the year
    /// defaults to 2021, the year of the report.
    public init?(text: String) {
        let words = text.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: ",", with: " ")
            .split(separator: " ").map(String.init)
        guard let monthIndex = words.firstIndex(where: { Self.monthNames.contains($0.capitalized) }) else { return nil }
        let month = Self.monthNames.firstIndex(of: words[monthIndex].capitalized)! + 1
        var day = 15
        if monthIndex > 0, let d = Int(words[monthIndex - 1]), (1...31).contains(d) { day = d }
        else if monthIndex + 1 < words.count, let d = Int(words[monthIndex + 1]), (1...31).contains(d) { day = d }
        else if words.contains(where: { $0.lowercased() == "early" }) { day = 5 }
        else if words.contains(where: { $0.lowercased() == "late" }) { day = 25 }
        let year = words.compactMap { Int($0) }.first { $0 > 1900 } ?? 2021
        self.init(year: year, month: month, day: day)
    }
}

import Foundation
