import NewsCore

/// Horizontal bars drawn with block characters, eighths for the last cell.

public enum Chart {
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `value` scaled so that `max` fills `width` cells.
    public static func bar(_ value: Double, max: Double, width: Int = 40) -> String {
        guard max > 0, value > 0 else { return "" }
        let cells = value / max * Double(width)
        let whole = Int(cells)
        let part = Int(((cells - Double(whole)) * 8).rounded(.down))
        var s = String(repeating: "█", count: whole) + eighths[part]
        if s.isEmpty { s = "▏" }
        return s
    }
}

/// The bucket of a timeline: a day, an ISO week (Monday to Sunday), a month or
/// a year. Chosen by the span of the dates unless asked for (`chart by week`):
/// the finest bucket that gives at most `maxBuckets` bars.
public enum TimeBucket: String, CaseIterable, Sendable {
    case day, week, month, year

    /// The most bars a chosen bucket gives (a screen's height, about).
    public static let maxBuckets = 62

    /// The first day of the bucket holding `d`.
    public func start(_ d: DateValue) -> DateValue {
        switch self {
        case .day: return d
        case .week: return DateValue(days: d.days - ((d.days % 7 + 7 + 3) % 7)) // back to Monday (1970-01-01 was a Thursday)
        case .month: return DateValue(year: d.year, month: d.month, day: 1)!
        case .year: return DateValue(year: d.year, month: 1, day: 1)!
        }
    }

    /// The first day of the bucket after the one starting at `s`.
    public func next(_ s: DateValue) -> DateValue {
        switch self {
        case .day: return DateValue(days: s.days + 1)
        case .week: return DateValue(days: s.days + 7)
        case .month: return s.month == 12 ? DateValue(year: s.year + 1, month: 1, day: 1)! : DateValue(year: s.year, month: s.month + 1, day: 1)!
        case .year: return DateValue(year: s.year + 1, month: 1, day: 1)!
        }
    }

    /// How a bucket is written: 2021-08-24, 2021-W34, 2021-08, 2021 (as `month(date)`, `week(date)`, `year(date)` write it).
    public func label(_ s: DateValue) -> String {
        switch self {
        case .day: return s.description
        case .week:
            let w = s.isoWeek
            return "\(w.year)-W" + (w.week < 10 ? "0" : "") + "\(w.week)"
        case .month: return String(s.description.prefix(7))
        case .year: return String(s.description.prefix(4))
        }
    }

    /// Buckets from the one holding `lo` to the one holding `hi`.
    public func count(_ lo: DateValue, _ hi: DateValue) -> Int {
        let a = start(lo), b = start(hi)
        switch self {
        case .day: return b.days - a.days + 1
        case .week: return (b.days - a.days) / 7 + 1
        case .month: return (b.year - a.year) * 12 + b.month - a.month + 1
        case .year: return b.year - a.year + 1
        }
    }

    /// The finest bucket giving at most `maxBuckets` bars from `lo` to `hi`.
    public static func chosen(_ lo: DateValue, _ hi: DateValue) -> TimeBucket {
        allCases.first { $0.count(lo, hi) <= maxBuckets } ?? .year
    }
}
