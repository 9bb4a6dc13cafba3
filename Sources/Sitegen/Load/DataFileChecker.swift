// Validates a data file as front matter is validated, and more: the YAML must parse, every
// key must be one the type knows (a typo gets a "did you mean"), values must have their
// types, closed values list the allowed ones, dates are real days of the years 1000–2999,
// figures are finite and at most 10^15 in size, `low ≤ high`, and nothing is below zero where
// the file says the quantity cannot be. Every problem is a diagnostic at `file:line:col`.
// A checked file is safe to draw: no loop of the chart depends on the size of a value.

import Yams

/// A data file after checking.
enum CheckedDataFile: Sendable {
    case chart(CheckedChart)
    case timeline(DataFile<TimelineData>)
}

/// A chart whose dates and values are valid.
public struct CheckedChart: Sendable {
    public var file: DataFile<ChartData>
    public var points: [Point]
    public var annotations: [(day: Day, label: String)]

    /// A value of the chart: a point (`low == high`) or a range.
    public struct Point: Sendable {
        public var day: Day
        public var low: Double
        public var high: Double
        public var data: ChartPoint
        /// The line of the point in the data file.
        public var line: Int?
    }
}

extension DiagnosticCode {
    /// A data file that no page uses.
    public static let dataUnused: Self = "data-unused"
}

/// Checks data files.
enum DataFileChecker {
    /// The largest magnitude a chart value may have (beyond it, doubles lose whole numbers).
    static let largestValue = 1e15
    static let types = ["chart", "timeline"]

    /// Keys each kind of mapping allows.
    static let chartKeys = ["type", "title", "description", "caption", "kind", "x", "y", "table", "annotations", "points"]
    static let axisKeys = ["label", "unit", "non_negative"]
    static let tableKeys = ["when", "value", "who", "source"]
    static let annotationKeys = ["date", "label"]
    static let pointKeys = ["date", "when", "value", "low", "high", "who", "note", "document"]
    static let timelineKeys = ["type", "events", "from_profiles"]
    static let eventKeys = ["date", "when", "title", "text", "note", "document", "people", "organisations"]
    static let ruleKeys = ["collection", "date", "title", "text"]

    /// Checks `source`; nil with diagnostics when it cannot be used.
    static func check(_ source: SourceFile, collections: [String] = ProfileEventRule.collections) -> (CheckedDataFile?, [Diagnostic]) {
        let node: Node
        do {
            guard let composed = try YAMLCompose.compose(yaml: source.frontMatter ?? ""), case .mapping = composed else {
                return (nil, [failure(source, as: TimelineData.self)].compactMap { $0 })
            }
            node = composed
        } catch {
            return (nil, [failure(source, as: TimelineData.self)].compactMap { $0 })
        }
        var problems = Problems(source: source)
        let type: String
        if let declared = node["type"] {
            guard let value = declared.string, types.contains(value) else {
                problems.error(at: declared, "'type' must be one of: \(types.joined(separator: ", ")); found '\(declared.string ?? "a list or mapping")'")
                return (nil, problems.list)
            }
            type = value
        } else if node["points"] != nil {
            type = "chart"
        } else if node["events"] != nil || node["from_profiles"] != nil {
            type = "timeline"
        } else {
            return (nil, [Diagnostic(file: source.path, line: 1, column: 1, severity: .warning, code: .dataUnused,
                                     message: "nothing uses this data file: it names no 'type' (\(types.joined(separator: " or "))) and has neither 'points' nor 'events'")])
        }

        if type == "chart" {
            problems.keys(node, chartKeys, "")
            for axis in ["x", "y"] { if let n = node[axis] { problems.keys(n, axisKeys, axis + ".") } }
            if let n = node["table"] { problems.keys(n, tableKeys, "table.") }
            problems.keys(in: node["annotations"], annotationKeys, "annotations")
            problems.keys(in: node["points"], pointKeys, "points")
            guard problems.list.isEmpty else { return (nil, problems.list) }
            switch FrontMatter.decode(ChartData.self, from: source, node: node) {
            case .failure(let diagnostic): return (nil, [diagnostic])
            case .success(let chart): return checkChart(DataFile(source: source, value: chart), node: node, problems: problems)
            }
        }
        problems.keys(node, timelineKeys, "")
        problems.keys(in: node["events"], eventKeys, "events")
        problems.keys(in: node["from_profiles"], ruleKeys, "from_profiles")
        guard problems.list.isEmpty else { return (nil, problems.list) }
        switch FrontMatter.decode(TimelineData.self, from: source, node: node) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let timeline):
            for (index, event) in (timeline.events ?? []).enumerated() where Day(iso: event.date) == nil {
                problems.error(at: node["events"]?[index]?["date"], Day.problem(iso: event.date))
            }
            for (index, rule) in (timeline.fromProfiles ?? []).enumerated() where !collections.contains(rule.collection) {
                problems.error(at: node["from_profiles"]?[index]?["collection"],
                               "'collection' must be one of: \(collections.joined(separator: ", ")); found '\(rule.collection)'\(Suggestion.didYouMean(rule.collection, in: collections))")
            }
            return problems.list.isEmpty ? (.timeline(DataFile(source: source, value: timeline)), []) : (nil, problems.list)
        }
    }

    private static func checkChart(_ file: DataFile<ChartData>, node: Node, problems: Problems) -> (CheckedDataFile?, [Diagnostic]) {
        var problems = problems
        let chart = file.value
        if let kind = chart.kind, !ChartData.kinds.contains(kind) {
            problems.error(at: node["kind"], "'kind' must be one of: \(ChartData.kinds.joined(separator: ", ")); found '\(kind)'")
        }
        if chart.points.isEmpty {
            problems.error(at: node["points"], "a chart needs at least one point")
        }
        var annotations: [(Day, String)] = []
        for (index, annotation) in (chart.annotations ?? []).enumerated() {
            guard let day = Day(iso: annotation.date) else {
                problems.error(at: node["annotations"]?[index]?["date"], Day.problem(iso: annotation.date))
                continue
            }
            annotations.append((day, annotation.label))
        }
        let nonNegative = chart.y?.nonNegative ?? false
        var points: [CheckedChart.Point] = []
        for (index, point) in chart.points.enumerated() {
            let here = node["points"]?[index]
            guard let day = Day(iso: point.date) else {
                problems.error(at: here?["date"], Day.problem(iso: point.date))
                continue
            }
            var valid = true
            for key in ["value", "low", "high"] {
                guard let value = key == "value" ? point.value : key == "low" ? point.low : point.high else { continue }
                if !value.isFinite || abs(value) > largestValue {
                    problems.error(at: here?[key], "'\(key)' is \(here?[key]?.string ?? "\(value)"); chart values must be finite numbers of at most 10^15 in size")
                    valid = false
                } else if nonNegative && value < 0 {
                    problems.error(at: here?[key], "'\(key)' is \(here?[key]?.string ?? "\(value)"), below zero; this chart's y axis says 'non_negative: true'")
                    valid = false
                }
            }
            if point.value != nil && (point.low != nil || point.high != nil) {
                problems.error(at: here?["value"], "give either 'value' or 'low' and 'high', not both")
                valid = false
            }
            guard let low = point.value ?? point.low ?? point.high else {
                problems.error(at: here, "this point has no figure: give 'value', or 'low' and 'high'")
                continue
            }
            let high = point.value ?? point.high ?? low
            if valid, low > high {
                problems.error(at: here?["low"], "'low' (\(here?["low"]?.string ?? "\(low)")) is greater than 'high' (\(here?["high"]?.string ?? "\(high)")); a range goes from low to high")
                valid = false
            }
            if valid { points.append(CheckedChart.Point(day: day, low: low, high: high, data: point, line: here.map(problems.line))) }
        }
        guard problems.list.isEmpty else { return (nil, problems.list) }
        return (.chart(CheckedChart(file: file, points: points.sorted { $0.day < $1.day },
                                    annotations: annotations.sorted { $0.0 < $1.0 }.map { (day: $0.0, label: $0.1) })), [])
    }

    /// The diagnostic `FrontMatter` gives for a file that does not decode.
    private static func failure<T: Decodable>(_ source: SourceFile, as type: T.Type) -> Diagnostic? {
        if case .failure(let diagnostic) = FrontMatter.decode(type, from: source) { return diagnostic }
        return Diagnostic(file: source.path, line: 1, column: 1, severity: .error, code: .dataInvalid,
                          message: "a data file must be a YAML mapping of 'key: value' lines")
    }

    /// Diagnostics of one file, placed at the YAML node they concern.
    struct Problems {
        var source: SourceFile
        var list: [Diagnostic] = []

        func line(_ node: Node) -> Int { (node.mark?.line ?? 1) + source.frontMatterLine - 1 }

        mutating func error(at node: Node?, _ message: String) {
            list.append(Diagnostic(file: source.path, line: node.map(line) ?? source.frontMatterLine,
                                   column: node?.mark?.column, severity: .error, code: .dataInvalid, message: message))
        }

        /// Unknown keys of a mapping, with the closest known key.
        mutating func keys(_ node: Node, _ allowed: [String], _ prefix: String) {
            guard case .mapping(let mapping) = node else { return }
            for (key, _) in mapping {
                guard let name = key.string, !allowed.contains(name) else { continue }
                let guess = allowed.min { distance(name, $0) < distance(name, $1) }.flatMap { distance(name, $0) <= 2 ? $0 : nil }
                list.append(Diagnostic(file: source.path, line: line(key), column: key.mark?.column, severity: .error,
                                       code: .dataInvalid,
                                       message: "unknown field '\(prefix)\(name)'" + (guess.map { "; did you mean '\($0)'?" } ?? "")
                                           + " (known fields: \(allowed.joined(separator: ", ")))"))
            }
        }

        /// Unknown keys of each mapping in a list.
        mutating func keys(in node: Node?, _ allowed: [String], _ name: String) {
            guard case .sequence(let items)? = node else { return }
            for (index, item) in items.enumerated() { keys(item, allowed, "\(name)[\(index)].") }
        }

        /// Levenshtein distance of two short keys.
        func distance(_ a: String, _ b: String) -> Int {
            let a = Array(a), b = Array(b)
            var row = Array(0...b.count)
            for i in 1...max(1, a.count) where !a.isEmpty {
                var previous = row[0]
                row[0] = i
                for j in stride(from: 1, through: b.count, by: 1) {
                    let saved = row[j]
                    row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = saved
                }
            }
            return a.isEmpty ? b.count : row[b.count]
        }
    }
}
