// The chart of the report's estimates of the number of defectors: an SVG drawn at build
// time (no script), with a title and description for screen readers, every point linked to
// the place in the text that gives it, and the same figures as a table.

import Foundation

/// Builds the estimates chart and its data table.
struct ChartBuilder {
    var urls: SiteURLs
    var notes: NoteIndex
    var documents: [Slug: String]
    var chapterTitles: [Slug: String]

    struct Point {
        var day: Day
        var estimate: EstimatePoint
        var textURL: String?
        var noteURL: String?
        var sourceLabel: String
    }

    /// Checks the data file and resolves each point's links.
    func points(_ file: DataFile<EstimatesData>) -> ([Point], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var result: [Point] = []
        for point in file.value.points {
            let line = file.source.frontMatterLine(containing: "date: \"\(point.date)\"").0
                ?? file.source.frontMatterLine(containing: point.date).0
            guard let day = Day(iso: point.date) else {
                diagnostics.append(Diagnostic(file: file.source.path, line: line, severity: .error, code: .dataInvalid,
                                              message: "'\(point.date)' is not a date of the form YYYY-MM-DD"))
                continue
            }
            let (textURL, noteURL, label, problem) = DataLinks.resolve(note: point.note, document: point.document,
                                                                      notes: notes, documents: documents, urls: urls)
            if let problem {
                diagnostics.append(Diagnostic(file: file.source.path, line: line, severity: .error, code: .dataInvalid, message: problem))
                continue
            }
            result.append(Point(day: day, estimate: point, textURL: textURL, noteURL: noteURL, sourceLabel: label))
        }
        return (result.sorted { $0.day < $1.day }, diagnostics)
    }

    /// The chart as inline SVG.
    func svg(_ points: [Point], title: String, description: String) -> HTML {
        let width = 520.0, height = 300.0
        let left = 50.0, right = 12.0, top = 16.0, bottom = 42.0
        let origin = Day(year: 2021, month: 2, day: 1)
        let lastDay = max(points.map(\.day).max() ?? Day(year: 2021, month: 11, day: 30), Day(year: 2021, month: 11, day: 30))
        let span = max(1, lastDay.offset(from: origin))
        let maxValue = Double(points.map { $0.estimate.high ?? $0.estimate.low }.max() ?? 1000)
        let yMax = (ceil(maxValue / 500) * 500) + (maxValue.truncatingRemainder(dividingBy: 500) == 0 ? 500 : 0)
        func x(_ day: Day) -> Double { left + (width - left - right) * day.offset(from: origin) / span }
        func y(_ value: Double) -> Double { top + (height - top - bottom) * (1 - value / yMax) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }

        var children: [HTML] = [
            .el("title", [("id", "estimates-title")], [.text(title)]),
            .el("desc", [("id", "estimates-desc")], [.text(description)]),
        ]
        // Grid and y labels.
        var value = 0.0
        while value <= yMax {
            children.append(.el("line", [("x1", f(left)), ("x2", f(width - right)), ("y1", f(y(value))), ("y2", f(y(value))), ("class", "grid")]))
            children.append(.el("text", [("x", f(left - 8)), ("y", f(y(value) + 4)), ("class", "axis-label"), ("text-anchor", "end")],
                                [.text(Int(value).formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB"))))]))
            value += 500
        }
        // Month ticks.
        var month = origin
        while month <= lastDay {
            let label = String(Day.monthNames[month.month - 1].prefix(3))
            children.append(.el("text", [("x", f(x(month))), ("y", f(height - bottom + 18)), ("class", "axis-label"), ("text-anchor", "middle")],
                                [.text(label)]))
            children.append(.el("line", [("x1", f(x(month))), ("x2", f(x(month))), ("y1", f(height - bottom)), ("y2", f(height - bottom + 5)), ("class", "tick")]))
            month = month.month == 12 ? Day(year: month.year + 1, month: 1, day: 1) : Day(year: month.year, month: month.month + 1, day: 1)
        }
        children.append(.el("text", [("x", f(x(origin))), ("y", f(height - 4)), ("class", "axis-note")], [.text("2021 · coup on 1 February")]))
        children.append(.el("line", [("x1", f(left)), ("x2", f(left)), ("y1", f(top)), ("y2", f(height - bottom)), ("class", "axis")]))
        children.append(.el("line", [("x1", f(left)), ("x2", f(width - right)), ("y1", f(height - bottom)), ("y2", f(height - bottom)), ("class", "axis")]))

        // Points: a dot, or a bar for a range; each linked to the text that gives it. A value
        // label goes right of its mark, else left; where both would cover another mark or
        // label it is left out (the table below gives every figure).
        struct Box { var x0, x1, y0, y1: Double
            func hits(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }
        }
        let marksBoxes: [Box] = points.map { point in
            let cx = x(point.day)
            return Box(x0: cx - 6, x1: cx + 6, y0: y(Double(point.estimate.high ?? point.estimate.low)) - 6,
                       y1: y(Double(point.estimate.low)) + 6)
        }
        var labelBoxes: [Box] = []
        for (index, point) in points.enumerated() {
            let low = Double(point.estimate.low), high = Double(point.estimate.high ?? point.estimate.low)
            let cx = x(point.day)
            var marks: [HTML] = []
            if high > low {
                marks.append(.el("line", [("x1", f(cx)), ("x2", f(cx)), ("y1", f(y(low))), ("y2", f(y(high))), ("class", "range")]))
                marks.append(.el("circle", [("cx", f(cx)), ("cy", f(y(low))), ("r", "4.5"), ("class", "point")]))
            }
            marks.append(.el("circle", [("cx", f(cx)), ("cy", f(y(high))), ("r", "4.5"), ("class", "point")]))
            let label = Self.figure(point.estimate)
            let labelWidth = Double(label.count) * 8.5
            let ly = y(high) + 5
            let others = marksBoxes.enumerated().filter { $0.offset != index }.map(\.element) + labelBoxes
            let candidates: [(x0: Double, y: Double, anchor: String, tx: Double)] = [
                (cx + 8, ly, "start", cx + 8), (cx - 8 - labelWidth, ly, "end", cx - 8),
                (cx - labelWidth / 2, y(high) - 12, "middle", cx), (cx - labelWidth / 2, y(low) + 22, "middle", cx),
            ]
            for candidate in candidates {
                let box = Box(x0: candidate.x0, x1: candidate.x0 + labelWidth, y0: candidate.y - 13, y1: candidate.y + 3)
                guard box.x0 >= left, box.x1 <= width, box.y0 >= 0, !others.contains(where: { $0.hits(box) }) else { continue }
                labelBoxes.append(box)
                marks.append(.el("text", [("x", f(candidate.tx)), ("y", f(candidate.y)), ("class", "value-label"),
                                          ("text-anchor", candidate.anchor == "start" ? nil : candidate.anchor)], [.text(label)]))
                break
            }
            let description = "\(label) defectors \(point.estimate.when): \(point.sourceLabel)"
            if let href = point.textURL ?? point.noteURL {
                children.append(.el("a", [("href", href), ("aria-label", description)], [.el("title", [], [.text(description)])] + marks))
            } else {
                children.append(.el("g", [], marks))
            }
        }
        return .el("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"),
                           ("role", "img"), ("aria-labelledby", "estimates-title estimates-desc"), ("class", "chart")], children)
    }

    /// "300" or "1,500–2,000".
    static func figure(_ point: EstimatePoint) -> String {
        func n(_ v: Int) -> String { v.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_GB"))) }
        if let high = point.high, high != point.low { return "\(n(point.low))–\(n(high))" }
        return n(point.low)
    }
}

/// Links of a data value to its evidence: the place in the text that cites a note, the note,
/// or a companion document.
enum DataLinks {
    static func resolve(note: NoteLabel?, document: String?, notes: NoteIndex, documents: [Slug: String],
                        urls: SiteURLs) -> (text: String?, note: String?, label: String, problem: String?) {
        if let note {
            guard let resolved = notes[note], resolved.definition != nil else {
                return (nil, nil, "", "note \(note) does not exist")
            }
            let text = resolved.references.first.map { urls.chapter($0.chapter) + "#" + $0.id }
            return (text, urls.notes + "#note-\(note)", "note \(note)", nil)
        }
        if let document {
            guard let title = documents[Slug(rawValue: document)] else {
                return (nil, nil, "", "there is no companion document '\(document)'")
            }
            return (urls.document(Slug(rawValue: document)), nil, title, nil)
        }
        return (nil, nil, "", "give the note or the document that states this")
    }
}
