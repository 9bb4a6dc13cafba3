// A calendar day of the proleptic Gregorian calendar, as data files and profiles give dates.
// Years are bounded (1000–2999): a chart's axis and a timeline are drawn from these days, and
// a year like 99999 would only ever be a typo.

/// A calendar day parsed from `YYYY-MM-DD` or from the way sources write dates.
public struct Day: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    /// The years a data file may use.
    public static let years = 1000...2999

    /// Parses `YYYY-MM-DD`; nil when it is not a real day of a year in `Day.years`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(checkedYear: year, month: month, day: day)
    }

    /// A day when `year`, `month` and `day` name a real day of a year in `Day.years`.
    public init?(checkedYear year: Int, month: Int, day: Int) {
        guard Self.years.contains(year), (1...12).contains(month), (1...Self.length(ofMonth: month, year: year)).contains(day) else {
            return nil
        }
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// Creates a day (unchecked).
    public init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// Why `iso` is not accepted, in words.
    public static func problem(iso: String) -> String {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, let year = Int(parts[0]), !years.contains(year) {
            return "'\(iso)' has the year \(year); dates must fall in the years \(years.lowerBound)–\(years.upperBound)"
        }
        return "'\(iso)' is not a date of the form YYYY-MM-DD (a real day, e.g. 2021-02-01)"
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Days since 1 March of year 0 (H. Hinnant's `days_from_civil`): exact day arithmetic.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe
    }

    /// The day with `ordinal` (the inverse of `ordinal`).
    public init(ordinal: Int) {
        let era = (ordinal >= 0 ? ordinal : ordinal - 146096) / 146097
        let doe = ordinal - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Days from `origin` to this day.
    public func offset(from origin: Day) -> Double {
        Double(ordinal - origin.ordinal)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day) }

    /// Days in `month` of `year`.
    public static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// A day from the way the sources write dates: "28 February 2021", "mid-March 2021",
    /// "late February", "May 2021"; early/mid/late give the 5th, 15th and 25th, a month alone
    /// the 15th. A date without a year takes `defaultYear` (the publication's year); nil when
    /// there is none, or when the text names no month.
    public init?(text: String, defaultYear: Int?) {
        let words = text.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: ",", with: " ")
            .split(separator: " ").map(String.init)
        guard let monthIndex = words.firstIndex(where: { Self.monthNames.contains($0.capitalized) }) else { return nil }
        let month = Self.monthNames.firstIndex(of: words[monthIndex].capitalized)! + 1
        var day = 15
        if monthIndex > 0, let d = Int(words[monthIndex - 1]), (1...31).contains(d) { day = d }
        else if monthIndex + 1 < words.count, let d = Int(words[monthIndex + 1]), (1...31).contains(d) { day = d }
        else if words.contains(where: { $0.lowercased() == "early" }) { day = 5 }
        else if words.contains(where: { $0.lowercased() == "late" }) { day = 25 }
        guard let year = words.compactMap({ Int($0) }).first(where: { Self.years.contains($0) }) ?? defaultYear else { return nil }
        self.init(checkedYear: year, month: month, day: min(day, Self.length(ofMonth: month, year: year)))
    }
}
