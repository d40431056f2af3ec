import Foundation
import NewsCore

/// Reads the date forms found in news metadata: `2021-08-27` (with or without a
/// time after it), `2021/08/19 11:36`, `Aug. 27, 2021`, `August 27 2021` and
/// `27 August 2021`, with or without a weekday first (`Fri, 27 Aug 2021 …`).
/// Anything else is nil (the caller warns).
enum DateParser {
    static let months: [String: Int] = {
        var m: [String: Int] = [:]
        let names = ["january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"]
        for (i, n) in names.enumerated() { m[n] = i + 1; m[String(n.prefix(3))] = i + 1 }
        m["sept"] = 9
        return m
    }()

    static func parse(_ raw: String) -> DateValue? {
        let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let u = Array(s.utf8)
        // 2021-08-27…, 2021/08/27…
        if u.count >= 10, isDigits(u[0..<4]), u[4] == u[7], u[4] == 0x2D || u[4] == 0x2F,
           isDigits(u[5..<7]), isDigits(u[8..<10]), u.count == 10 || !isDigit(u[10]) {
            return DateValue(year: num(u[0..<4]), month: num(u[5..<7]), day: num(u[8..<10]))
        }
        var words = s.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }).map { $0.lowercased() }
        // a weekday first: "Friday, August 27, 2021", "Fri, 27 Aug 2021 10:00:00 +0000"
        if let w = words.first, weekdays.contains(w) { words.removeFirst() }
        guard words.count >= 3 else { return nil }
        if let m = months[words[0]], let d = Int(words[1]), let y = Int(words[2]) {
            return DateValue(year: y, month: m, day: d)
        }
        if let d = Int(words[0]), let m = months[words[1]], let y = Int(words[2]) {
            return DateValue(year: y, month: m, day: d)
        }
        return nil
    }

    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isDigits(_ s: ArraySlice<UInt8>) -> Bool { s.allSatisfy(isDigit) }
    static func num(_ s: ArraySlice<UInt8>) -> Int { s.reduce(0) { $0 * 10 + Int($1 - 0x30) } }
}
