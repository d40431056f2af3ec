import Foundation
import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Behaviour of the analysis stages on the sample corpus: kwic layout and
/// sorting, show article, expect and .save, and the errors that teach.
final class AnalysisStagesTests: XCTestCase {
    func csv(_ statement: String) -> [[String]] {
        let (out, status) = Fixtures.run(statement, mode: .csv)
        XCTAssertEqual(status, 0, out)
        return out.split(separator: "\n").dropFirst().filter { !$0.hasPrefix("(") }.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    func testKwicLinesAlignTheMatches() {
        let (out, status) = Fixtures.run("sentences | search \"Taiwan Strait\" | kwic width 20")
        XCTAssertEqual(status, 0, out)
        let lines = out.split(separator: "\n").filter { $0.hasPrefix("|") && $0.contains("Taiwan Strait") }
        XCTAssertEqual(lines.count, 8)
        let columns = Set(lines.map { String($0).range(of: "Taiwan Strait")!.lowerBound.utf16Offset(in: String($0)) })
        XCTAssertEqual(columns.count, 1, "every match starts in the same column:\n\(out)")
    }

    func testKwicSortsByTheNearestWords() {
        let rows = csv("articles | kwic talks width 3 words | sort by right1, right2 | select right1, right2, match")
        let keys = rows.map { $0[0] }
        XCTAssertEqual(keys, keys.sorted { ($0.isEmpty ? "~" : $0) < ($1.isEmpty ? "~" : $1) })
        XCTAssertEqual(rows.count, 42, "38 in the bodies and one in each of the four headlines")
        XCTAssertTrue(rows.allSatisfy { $0[2].lowercased() == "talks" })
    }

    func testKwicWidthInWords() {
        for row in csv("sentences | search sato | kwic width 2 words | select left, right") {
            XCTAssertLessThanOrEqual(Tokenizer.tokens(row[0]).count, 2, row[0])
            XCTAssertLessThanOrEqual(Tokenizer.tokens(row[1]).count, 2, row[1])
        }
    }

    func testKwicOfAQueryFiltersTheRows() {
        // Only Taiwan News has Otsuka within 8 words of "defense" (the FT writes "defence").
        XCTAssertEqual(csv("articles | kwic near(Otsuka, defense, 8) | select article, match"),
                       [["004_ec82b47e28c364f9", "Defense"], ["004_ec82b47e28c364f9", "Otsuka"]])
        XCTAssertEqual(csv("sentences | kwic /hua|zhao|wang/ by sentence | select match").map { $0[0] }.sorted(),
                       ["Hua", "Wang", "Wang", "Wang", "Wang", "Wang", "Wang", "Zhao"])
    }

    func testShowArticleMarksTheMatches() {
        let (out, status) = Fixtures.run("show article \"001\" search \"how important\"")
        XCTAssertEqual(status, 0)
        XCTAssertTrue(out.contains("[how important]"), out)
        XCTAssertTrue(out.hasPrefix("001_7f81147296c4df61 · Newsweek · 2021-08-25"), out)
        // Without a query, the last search that ran.
        let (again, _) = Fixtures.run("sentences | search otsuka | count\nshow article 1")
        XCTAssertTrue(again.contains("[Otsuka]"), again)
    }

    func testExpectFailsTheScript() {
        let (out, status) = Fixtures.run("articles | count | expect n == 4\narticles | count\n", name: "check.q")
        XCTAssertEqual(status, 1)
        XCTAssertTrue(out.contains("check.q:1:20: error[E0501]: expect failed: n == 4 is false for row 1 of 1 row (n = 5)"), out)
        let (ok, okStatus) = Fixtures.run("articles | expect rows == 5 | count\nsentences | where words > 1000 | expect rows == 0\n")
        XCTAssertEqual(okStatus, 0, ok)
    }

    func testSavePinsTheCountsSeen() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pin-\(UUID().uuidString).q").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = Fixtures.run("sentences | search china | count\narticles | words | take 3\n.save \(path)\n")
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(saved.contains("sentences | search china | count\n  | expect n == 45;\n"), saved) // 42 in bodies, 3 headlines
        // top rows are pinned by what they held, not only by how many there were
        XCTAssertTrue(saved.contains("articles | words | take 3\n  | expect rows == 3 and (item == \"the\" and n == "), saved)
        let (out, status) = Fixtures.run(saved)
        XCTAssertEqual(status, 0, out)
    }

    /// `.save` reproduces the session (the corpus, the settings) and every pin can fail.
    func testSaveReplaysSettingsAndEveryPinCanFail() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pin2-\(UUID().uuidString).q").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = Fixtures.run(".mode csv\n.boilerplate on\narticles | count by source | top 3 by n\n.save \(path)\n")
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(saved.contains(".load sample\n.mode csv\n.boilerplate on\n"), saved)
        XCTAssertTrue(saved.contains("source == \"Newsweek\" and n == 2"), saved)
        XCTAssertEqual(Fixtures.run(saved).status, 0)
        // each pinned number changed makes the script fail
        let numbers = try NSRegularExpression(pattern: "n == ([0-9]+)")
        let matches = numbers.matches(in: saved, range: NSRange(saved.startIndex..., in: saved))
        XCTAssertFalse(matches.isEmpty)
        for m in matches {
            let r = Range(m.range(at: 1), in: saved)!
            let changed = saved.replacingCharacters(in: r, with: String(Int(saved[r])! + 1))
            let (out, status) = Fixtures.run(changed)
            XCTAssertEqual(status, 1, "a changed pin passed:\n\(changed)")
            XCTAssertTrue(out.contains("expect failed"), out)
        }
        // a failed row count says the count
        let (out, _) = Fixtures.run("articles | expect rows == 3")
        XCTAssertTrue(out.contains("there are 5 rows"), out)
    }

    func testErrorsTeach() {
        let cases: [(String, String)] = [
            ("articles | sumarize count()", "did you mean 'summarize'?"),
            ("articles | kwic china widht 30", "did you mean 'width'?"),
            ("articles | collocates china measure dice", "measures: mi, t, ll, logdice"),
            ("articles | collocates china windo 3", "did you mean 'window'?"),
            ("articles | keywords vs corpsu", "did you mean 'corpus'?"),
            ("articles | count | words", "put 'words' before the select or count stage"),
            ("let s = sentences | search china; articles | union s", "needs rows of the same kind"),
            ("articles | kwic", "or search first"),
            ("articles | summarize avg(title)", "avg needs numbers"),
            ("articles | words stopword", "did you mean 'stopwords'?"),
        ]
        for (statement, expected) in cases {
            let (out, status) = Fixtures.run(statement)
            XCTAssertEqual(status, 1, statement)
            XCTAssertTrue(out.contains(expected), "\(statement):\n\(out)")
        }
    }

    func testWordsIsStillAField() {
        XCTAssertEqual(csv("articles | select id, words | top 1 by words"), [["003_162644c2fb39c01e", "2093"]], "2,081 words of body and the 12 of its headline")
    }

    func testCompletionKnowsTheOptions() {
        let s = Session(corpus: Fixtures.sample, out: StringSink(), err: StringSink(), interrupt: Interrupt())
        func c(_ line: String) -> [String] { s.completions(line: line, cursor: line.utf8.count).candidates }
        XCTAssertEqual(c("articles | collocates china me"), ["measure"])
        XCTAssertEqual(c("articles | collocates china measure l"), ["ll", "logdice"])
        XCTAssertEqual(c("articles | keywords "), ["vs"])
        XCTAssertEqual(c("articles | keywords vs co"), ["corpus"])
        XCTAssertEqual(c("sentences | kwic china w"), ["width"])
        XCTAssertEqual(c("sentences | kwic china by s"), ["sentence"])
        XCTAssertEqual(c("articles | words st"), ["stopwords"])
        XCTAssertEqual(c("articles | kwic china | sort by left"), ["left", "left1", "left2", "left3", "left4", "left5"])
    }
}
