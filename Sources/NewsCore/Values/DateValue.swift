import Foundation

/// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
public struct DateValue: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var days: Int

    public init(days: Int) { self.days = days }

    /// Builds a date from year, month and day; nil when they are not a real date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= DateValue.daysIn(month: month, year: year) else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.days = era * 146097 + doe - 719468
    }

    /// The first and last day of `YYYY-MM` (a month) or `YYYY` (a year); nil otherwise.
    public static func period(_ text: String) -> (first: DateValue, last: DateValue)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        if parts.count == 1 {
            guard let a = DateValue(year: y, month: 1, day: 1), let b = DateValue(year: y, month: 12, day: 31) else { return nil }
            return (a, b)
        }
        guard parts.count == 2, parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m),
              let a = DateValue(year: y, month: m, day: 1),
              let b = DateValue(year: y, month: m, day: DateValue.daysIn(month: m, year: y)) else { return nil }
        return (a, b)
    }

    /// The ISO 8601 week: weeks start on Monday, and week 1 holds the year's first Thursday.
    public var isoWeek: (year: Int, week: Int) {
        let weekday = ((days % 7) + 7 + 3) % 7 + 1 // 1970-01-01 was a Thursday: Monday = 1
        let thursday = DateValue(days: days - (weekday - 1) + 3)
        let year = thursday.components.year
        let jan1 = DateValue(year: year, month: 1, day: 1)!
        return (year, (thursday.days - jan1.days) / 7 + 1)
    }

    /// Parses `YYYY-MM-DD` (the ISO form used by date literals and manifests).
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    public var description: String {
        let c = components
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    public static func < (a: DateValue, b: DateValue) -> Bool { a.days < b.days }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

