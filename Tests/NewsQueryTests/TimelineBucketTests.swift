import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Timeline buckets: chosen by the span of the dates (the finest bucket with at
/// most `TimeBucket.maxBuckets` bars), or asked for with `chart by …`.
final class TimelineBucketTests: XCTestCase {
    func d(_ s: String) -> DateValue { DateValue(iso: s)! }

    func testBucketsCoverEveryDayOnce() {
        // every day of a leap-year span falls in exactly one bucket, buckets follow each other
        let lo = d("2019-12-25"), hi = d("2021-01-10")
        for b in TimeBucket.allCases {
            var s = b.start(lo)
            var starts: [Int] = []
            while s <= hi { starts.append(s.days); s = b.next(s) }
            XCTAssertEqual(starts.count, b.count(lo, hi), "\(b)")
            for day in lo.days...hi.days {
                let st = b.start(DateValue(days: day))
                XCTAssertLessThanOrEqual(st.days, day)
                XCTAssertGreaterThan(b.next(st).days, day, "\(b): \(DateValue(days: day))")
                XCTAssertTrue(starts.contains(st.days))
            }
        }
        // ISO weeks start on Monday and carry the ISO year at year ends
        XCTAssertEqual(TimeBucket.week.start(d("2021-01-01")), d("2020-12-28"))
        XCTAssertEqual(TimeBucket.week.label(TimeBucket.week.start(d("2021-01-01"))), "2020-W53")
        XCTAssertEqual(TimeBucket.month.label(d("2021-08-01")), "2021-08")
        XCTAssertEqual(TimeBucket.year.label(d("2021-01-01")), "2021")
    }

    func testTheChosenBucketIsTheFinestThatFits() {
        let lo = d("2016-04-01")
        for span in [0, 10, 61, 62, 100, 400, 500, 2000, 6000, 40000] {
            let hi = DateValue(days: lo.days + span)
            let b = TimeBucket.chosen(lo, hi)
            if b != .year { XCTAssertLessThanOrEqual(b.count(lo, hi), TimeBucket.maxBuckets, "span \(span)") }
            if let i = TimeBucket.allCases.firstIndex(of: b), i > 0 {
                XCTAssertGreaterThan(TimeBucket.allCases[i - 1].count(lo, hi), TimeBucket.maxBuckets, "span \(span): a finer bucket fits")
            }
        }
    }

    func testChartTotalsDoNotDependOnTheBucket() {
        // the bars of a count add up to the same total in every bucket, and to the rows' count
        var totals: [Int] = []
        for by in ["", " by day", " by week", " by month", " by year"] {
            let (out, status) = Fixtures.run("sentences | search talks | count by article.date | chart\(by)", mode: .csv)
            XCTAssertEqual(status, 0, out)
            let lines = out.split(separator: "\n").dropFirst().filter { !$0.hasPrefix("(") }
            totals.append(lines.reduce(0) { $0 + (Int($1.split(separator: ",")[1]) ?? 0) })
            XCTAssertTrue(out.contains("(timeline: "), out)
        }
        let (count, _) = Fixtures.run("sentences | search talks | count", mode: .csv)
        XCTAssertEqual(Set(totals), [Int(count.split(separator: "\n")[1].split(separator: ",")[0])!])
    }

    func testBadBucketsAreExplained() {
        let (a, sa) = Fixtures.run("articles | count by date | chart by wek")
        XCTAssertEqual(sa, 1)
        XCTAssertTrue(a.contains("did you mean 'week'?"), a)
        let (b, sb) = Fixtures.run("articles | count by source | chart by month")
        XCTAssertEqual(sb, 1)
        XCTAssertTrue(b.contains("not labelled by one date"), b)
    }
}
