// A chart of a data file (`type: chart`): an SVG drawn at build time (no script), with a
// title and description for screen readers, every point linked to the place in the text that
// gives it, and the same figures as a table. Axes, ticks, labels, units and annotations come
// from the data file; ranges and ticks are derived from its values (`AxisTicks`), so that
// the number of elements drawn depends on the number of points, never on their size. The
// drawing is parameterised by its width and height.

import Foundation

/// Builds a chart and its data table.
struct ChartBuilder {
    var urls: SiteURLs
    var notes: NoteIndex
    var documents: [Slug: String]

    /// A point with the links to its evidence.
    struct Point {
        var checked: CheckedChart.Point
        var textURL: String?
        var noteURL: String?
        var sourceLabel: String
        var figure: String
        var when: String
    }

    /// Resolves each point's links; a point whose note or document does not exist is an error.
    func points(_ chart: CheckedChart) -> ([Point], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var result: [Point] = []
        for point in chart.points {
            let (textURL, noteURL, label, problem) = DataLinks.resolve(note: point.data.note, document: point.data.document,
                                                                      notes: notes, documents: documents, urls: urls)
            if let problem {
                diagnostics.append(Diagnostic(file: chart.file.source.path, line: point.line, severity: .error,
                                              code: .dataInvalid, message: problem))
                continue
            }
            result.append(Point(checked: point, textURL: textURL, noteURL: noteURL, sourceLabel: label,
                                figure: Self.figure(low: point.low, high: point.high), when: point.data.when ?? point.day.iso))
        }
        return (result, diagnostics)
    }

    /// The chart as inline SVG, `width` × `height` user units.
    func svg(_ chart: CheckedChart, _ points: [Point], description: String, width: Double = 520, height: Double = 300) -> HTML {
        let data = chart.file.value
        let id = Slugger.slug(chart.file.name)
        let left = 50.0, right = 12.0, top = 16.0, bottom = 42.0
        let days = points.map(\.checked.day) + chart.annotations.map(\.day)
        let xAxis = AxisTicks.dates(days.min() ?? Day(year: 2000, month: 1, day: 1), days.max() ?? Day(year: 2000, month: 1, day: 1))
        let yAxis = AxisTicks.values(low: points.map(\.checked.low).min() ?? 0, high: points.map(\.checked.high).max() ?? 1)
        let span = max(1, xAxis.last.offset(from: xAxis.first))
        func x(_ day: Day) -> Double { left + (width - left - right) * day.offset(from: xAxis.first) / span }
        func y(_ value: Double) -> Double { top + (height - top - bottom) * (1 - (value - yAxis.low) / (yAxis.high - yAxis.low)) }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }

        var children: [HTML] = [
            .el("title", [("id", "\(id)-title")], [.text(Self.title(chart))]),
            .el("desc", [("id", "\(id)-desc")], [.text(description)]),
        ]
        // Grid and y labels.
        for value in yAxis.ticks {
            children.append(.el("line", [("x1", f(left)), ("x2", f(width - right)), ("y1", f(y(value))), ("y2", f(y(value))), ("class", "grid")]))
            children.append(.el("text", [("x", f(left - 8)), ("y", f(y(value) + 4)), ("class", "axis-label"), ("text-anchor", "end")],
                                [.text(Self.number(value, fractionDigits: yAxis.fractionDigits))]))
        }
        // Date ticks.
        for tick in xAxis.ticks {
            children.append(.el("text", [("x", f(x(tick.day))), ("y", f(height - bottom + 18)), ("class", "axis-label"), ("text-anchor", "middle")],
                                [.text(tick.label)]))
            children.append(.el("line", [("x1", f(x(tick.day))), ("x2", f(x(tick.day))), ("y1", f(height - bottom)), ("y2", f(height - bottom + 5)), ("class", "tick")]))
        }
        // Annotations: a dashed line at the date; their words under the axis, after the year.
        for annotation in chart.annotations {
            children.append(.el("line", [("x1", f(x(annotation.day))), ("x2", f(x(annotation.day))), ("y1", f(top)),
                                         ("y2", f(height - bottom)), ("class", "annotation")]))
        }
        let note = ([xAxis.yearNote].compactMap { $0 } + chart.annotations.map(\.label)).joined(separator: " · ")
        if !note.isEmpty {
            children.append(.el("text", [("x", f(left)), ("y", f(height - 4)), ("class", "axis-note")], [.text(note)]))
        }
        children.append(.el("line", [("x1", f(left)), ("x2", f(left)), ("y1", f(top)), ("y2", f(height - bottom)), ("class", "axis")]))
        children.append(.el("line", [("x1", f(left)), ("x2", f(width - right)), ("y1", f(height - bottom)), ("y2", f(height - bottom)), ("class", "axis")]))
        if data.kind == "line", points.count > 1 {
            children.append(.el("polyline", [("points", points.map { "\(f(x($0.checked.day))),\(f(y($0.checked.high)))" }.joined(separator: " ")),
                                             ("class", "series")]))
        }

        // Points: a dot, or a bar for a range; each linked to the text that gives it. A value
        // label goes right of its mark, else left; where both would cover another mark or
        // label it is left out (the table gives every figure).
        struct Box { var x0, x1, y0, y1: Double
            func hits(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }
        }
        let marksBoxes: [Box] = points.map { point in
            let cx = x(point.checked.day)
            return Box(x0: cx - 6, x1: cx + 6, y0: y(point.checked.high) - 6, y1: y(point.checked.low) + 6)
        }
        var labelBoxes: [Box] = []
        let unit = data.y?.unit.map { " " + $0 } ?? ""
        for (index, point) in points.enumerated() {
            let low = point.checked.low, high = point.checked.high
            let cx = x(point.checked.day)
            var marks: [HTML] = []
            if high > low {
                marks.append(.el("line", [("x1", f(cx)), ("x2", f(cx)), ("y1", f(y(low))), ("y2", f(y(high))), ("class", "range")]))
                marks.append(.el("circle", [("cx", f(cx)), ("cy", f(y(low))), ("r", "4.5"), ("class", "point")]))
            }
            marks.append(.el("circle", [("cx", f(cx)), ("cy", f(y(high))), ("r", "4.5"), ("class", "point")]))
            let label = point.figure
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
            let description = "\(label)\(unit) \(point.when): \(point.sourceLabel)"
            if let href = point.textURL ?? point.noteURL {
                children.append(.el("a", [("href", href), ("aria-label", description)], [.el("title", [], [.text(description)])] + marks))
            } else {
                children.append(.el("g", [], marks))
            }
        }
        return .el("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"),
                           ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"), ("class", "chart")], children)
    }

    /// The chart's title: `title`, else the y axis label, else the file name.
    static func title(_ chart: CheckedChart) -> String {
        chart.file.value.title ?? chart.file.value.y?.label ?? chart.file.name
    }

    /// "300" or "1,500–2,000".
    static func figure(low: Double, high: Double) -> String {
        let digits = [low, high].contains { $0 != $0.rounded() } ? 2 : 0
        if high != low { return "\(number(low, fractionDigits: digits))–\(number(high, fractionDigits: digits))" }
        return number(low, fractionDigits: digits)
    }

    /// A figure with thousands separators: "1,500", "0.25". Values are at most 10^15 in size.
    static func number(_ value: Double, fractionDigits: Int) -> String {
        let style = FloatingPointFormatStyle<Double>.number.grouping(.automatic).locale(Locale(identifier: "en_GB"))
            .precision(.fractionLength(0...max(0, fractionDigits)))
        return value.formatted(style)
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
            return (text, urls.notes + "#note-\(note)", "note \(resolved.number)", nil)
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
