// Data files of the content (`content/data/*.yml`): charts and timelines. Each file names its
// type (`type: chart` or `type: timeline`; a file with `points` is a chart, one with `events`
// a timeline). Every word a reader sees — titles, axis labels, units, annotations, the
// phrasing of events — comes from these files; each value names its evidence, a note of the
// report or a companion document. `DataFileChecker` validates them.

/// A chart: dated values (a point, or a range from `low` to `high`), drawn as SVG with a table.
public struct ChartData: Decodable, Hashable, Sendable {
    public var type: String?
    /// The chart's title (the SVG's `<title>` and the figure caption); `y.label` or the file
    /// name when absent.
    public var title: String?
    /// Said before the figures in the SVG's description, for screen readers.
    public var description: String?
    /// Said after the title in the figure caption.
    public var caption: String?
    /// `points` (a dot per value, a bar per range; the default) or `line` (the dots joined).
    public var kind: String?
    public var x: ChartAxis?
    public var y: ChartAxis?
    /// Column headings of the table.
    public var table: ChartTableLabels?
    /// Dated remarks drawn as a mark on the axis and named under it ("heatwave from 12 July").
    public var annotations: [ChartAnnotation]?
    public var points: [ChartPoint]

    /// The kinds of chart.
    public static let kinds = ["points", "line"]
}

/// An axis of a chart.
public struct ChartAxis: Decodable, Hashable, Sendable {
    /// A name for the axis (the table's value column, unless `table.value` says otherwise).
    public var label: String?
    /// The unit said after a figure: "300 deaths".
    public var unit: String?
    /// When true, a value below zero is an error.
    public var nonNegative: Bool?

    enum CodingKeys: String, CodingKey {
        case label, unit
        case nonNegative = "non_negative"
    }
}

/// Column headings of a chart's table.
public struct ChartTableLabels: Decodable, Hashable, Sendable {
    public var when: String?
    public var value: String?
    public var who: String?
    public var source: String?
}

/// A dated remark on a chart.
public struct ChartAnnotation: Decodable, Hashable, Sendable {
    public var date: String
    public var label: String
}

/// One dated value of a chart.
public struct ChartPoint: Decodable, Hashable, Sendable {
    public var date: String
    /// The date as the table shows it ("by May 2021"); the date itself when absent.
    public var when: String?
    /// A single value; or `low` and `high` for a range (`low` alone is a single value too).
    public var value: Double?
    public var low: Double?
    public var high: Double?
    /// Whose figure it is.
    public var who: String?
    public var note: NoteLabel?
    public var document: String?
}

/// A timeline: dated events, and rules that make events of dates given in profiles.
public struct TimelineData: Decodable, Hashable, Sendable {
    public var type: String?
    public var events: [TimelineEvent]?
    /// Events made from a date field of each profile of a collection.
    public var fromProfiles: [ProfileEventRule]?

    enum CodingKeys: String, CodingKey {
        case type, events
        case fromProfiles = "from_profiles"
    }
}

/// One dated event of the timeline.
public struct TimelineEvent: Decodable, Hashable, Sendable {
    public var date: String
    public var when: String?
    public var title: String
    public var text: String?
    public var note: NoteLabel?
    public var document: String?
    public var people: [String]?
    public var organisations: [String]?
}

/// Makes a timeline event of every profile in `collection` that gives a date in `date`
/// (a date as sources write it, "28 February 2021"), unless an event already names the
/// profile. `title` and `text` are patterns: `{field}` is replaced by the profile's field
/// (`{name}`, `{rank}`, `{summary}`…); a pattern whose fields are all missing gives nothing.
public struct ProfileEventRule: Decodable, Hashable, Sendable {
    public var collection: String
    public var date: String
    public var title: String
    public var text: String?

    /// The collections a rule can name when the site's profile types are not known (the
    /// loader passes the folders of the site's types).
    public static let collections = ["people"]
}

/// A data file with its decoded value.
public struct DataFile<Value: Hashable & Sendable>: Hashable, Sendable {
    public var source: SourceFile
    public var value: Value
    /// The file name without folder and extension: `data/estimates.yml` → `estimates`.
    public var name: String {
        let file = source.relativePath.split(separator: "/").last.map(String.init) ?? source.relativePath
        return file.split(separator: ".").dropLast().joined(separator: ".")
    }
}
