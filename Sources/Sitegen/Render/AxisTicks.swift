// "Nice" axes derived from the data: a value axis in steps of 1, 2 or 5 times a power of ten,
// a date axis in days, weeks, months or years, each with at most about ten ticks. The step is
// computed from the range, never found by stepping through it, so a value of 10^15 or a span
// of a thousand years costs no more than a week.

import Foundation

/// The ticks of a chart axis.
enum AxisTicks {
    /// A value axis: from a multiple of `step` at or below `low` to one above `high` (one step
    /// of headroom when `high` falls on a tick, so that a label above the highest mark fits).
    struct Values: Equatable {
        var low: Double
        var high: Double
        var step: Double

        /// The tick values, low to high.
        var ticks: [Double] {
            let count = Int(((high - low) / step).rounded()) + 1
            return (0..<min(count, 20)).map { low + Double($0) * step }
        }

        /// Digits after the decimal point that labels need (0 for whole steps).
        var fractionDigits: Int { step >= 1 ? 0 : min(15, Int((-log10(step)).rounded(.up))) }
    }

    /// Ticks for values from `low` to `high`, zero included, about `target` intervals.
    static func values(low: Double, high: Double, target: Double = 5) -> Values {
        let low = min(0, low), high = max(0, high)
        let span = high - low > 0 ? high - low : max(1, abs(high))
        let step = niceStep(span / target)
        var top = (high / step).rounded(.up) * step
        if top == high, high != 0 || low == 0 { top += step }
        let bottom = (low / step).rounded(.down) * step
        return Values(low: bottom, high: top, step: step)
    }

    /// The smallest of 1, 2, 5 × 10^k at or above `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2, 5, 10] where factor * power >= raw * (1 - 1e-12) { return factor * power }
        return 10 * power
    }

    /// A date axis: the first and last day drawn, and the ticks with their labels.
    struct Dates {
        var first: Day
        var last: Day
        var ticks: [(day: Day, label: String)]
        /// The years the ticks leave unsaid ("2021", "2021–2022"), or nil when they say them.
        var yearNote: String?
    }

    /// Tick units, from the finest.
    enum Unit: Equatable {
        case days(Int)
        case months(Int)
        case years(Int)
    }

    /// Ticks for the days `start`…`end`, at most `maximum`; the axis runs from the start of
    /// the first tick's period to the end of the last one's.
    static func dates(_ start: Day, _ end: Day, maximum: Int = 10) -> Dates {
        let days = end.ordinal - start.ordinal + 1
        let months = (end.year - start.year) * 12 + end.month - start.month + 1
        let years = end.year - start.year + 1
        let unit: Unit
        if let step = [1, 2, 7, 14].first(where: { days <= maximum * $0 }), months <= 2 || step < 7 {
            unit = .days(step)
        } else if let step = [1, 2, 3, 6].first(where: { (months + $0 - 1) / $0 <= maximum }) {
            unit = .months(step)
        } else {
            var step = Int(niceStep(Double(years) / Double(maximum)))
            while (years + step - 1) / step > maximum { step = Int(niceStep(Double(step) * 1.5)) }
            unit = .years(max(1, step))
        }

        var ticks: [(Day, String)] = []
        var first = start, last = end
        let sameYear = start.year == end.year
        switch unit {
        case .days(let step):
            // Ticks on days counted from the start (weekly ticks fall on the start's weekday).
            var day = start.ordinal
            while day <= end.ordinal && ticks.count <= maximum {
                let d = Day(ordinal: day)
                ticks.append((d, "\(d.day) \(Day.monthNames[d.month - 1].prefix(3))"))
                day += step
            }
        case .months(let step):
            var index = start.year * 12 + (start.month - 1)
            index -= index % step
            first = Day(year: index / 12, month: index % 12 + 1, day: 1)
            let lastIndex = end.year * 12 + (end.month - 1)
            while index <= lastIndex && ticks.count <= maximum {
                let d = Day(year: index / 12, month: index % 12 + 1, day: 1)
                let name = String(Day.monthNames[d.month - 1].prefix(3))
                // Across years, January says its year (as d3's time scales do), and so does the first tick.
                ticks.append((d, sameYear ? name : d.month == 1 ? String(d.year) : ticks.isEmpty ? "\(name) \(d.year)" : name))
                index += step
            }
            let endIndex = (lastIndex / step) * step + step - 1
            last = Day(year: endIndex / 12, month: endIndex % 12 + 1, day: Day.length(ofMonth: endIndex % 12 + 1, year: endIndex / 12))
        case .years(let step):
            var year = start.year - ((start.year % step) + step) % step
            first = Day(year: year, month: 1, day: 1)
            while year <= end.year && ticks.count <= maximum {
                ticks.append((Day(year: year, month: 1, day: 1), String(year)))
                year += step
            }
            let lastYear = year - 1
            last = Day(year: lastYear, month: 12, day: 31)
        }
        let yearNote: String?
        switch unit {
        case .years: yearNote = nil
        case .months where !sameYear: yearNote = nil
        default: yearNote = sameYear ? String(start.year) : "\(start.year)–\(end.year)"
        }
        return Dates(first: first, last: last, ticks: ticks, yearNote: yearNote)
    }
}
