import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

final class ParserTests: XCTestCase {
    func parse(_ s: String) -> (Statement?, [Diagnostic]) {
        let (st, d) = Parser.parse(s)
        return (st, d.items)
    }

    func testPipelineStages() {
        let (st, diags) = parse("articles | where source == \"Newsweek\" | sort by date desc, id | take 3")
        XCTAssertTrue(diags.isEmpty)
        guard case let .query(p) = st else { return XCTFail("not a query") }
        XCTAssertEqual(p.source.text, "articles")
        XCTAssertEqual(p.stages.count, 3)
        guard case let .sort(keys) = p.stages[1].kind else { return XCTFail() }
        XCTAssertEqual(keys.map(\.descending), [true, false])
        XCTAssertEqual(p.stages[2].kind, .take(3))
    }

    func testSearchPrecedenceNotAndOr() {
        let (st, diags) = parse("articles | search a b OR NOT c d")
        XCTAssertTrue(diags.isEmpty)
        guard case let .query(p) = st, case let .search(q) = p.stages[0].kind else { return XCTFail() }
        // (a AND b) OR ((NOT c) AND d)
        guard case let .or(items, _) = q, items.count == 2,
              case let .and(left, _) = items[0], left.count == 2,
              case let .and(right, _) = items[1], case .not = right[0] else { return XCTFail("\(q)") }
    }

    func testSearchAtoms() {
        let (st, _) = parse("articles | search \"Taiwan Strait\" secur* =LDP")
        guard case let .query(p) = st, case let .search(.and(items, _)) = p.stages[0].kind else { return XCTFail() }
        guard case .phrase("Taiwan Strait", false, _) = items[0],
              case .prefix("secur", _) = items[1],
              case .word("LDP", true, _) = items[2] else { return XCTFail("\(items)") }
    }

    func testForeignKeywordsNameTheStageMeant() {
        for (word, meant) in [("filter", "where"), ("limit", "take"), ("order", "sort by"), ("group", "count by"), ("project", "select")] {
            let (_, diags) = parse("articles | \(word) x")
            XCTAssertEqual(diags.count, 1, word)
            XCTAssertTrue(diags[0].message.contains("use '\(meant)'"), diags[0].message)
            XCTAssertEqual(diags[0].range, 11..<(11 + word.utf8.count))
        }
    }

    func testUnknownStageSuggestsClosest() {
        let (_, diags) = parse("articles | selct id")
        XCTAssertEqual(diags.first?.help.first, "did you mean 'select'?")
    }

    func testMisspeltForeignStageSuggestsNewsqs() {
        // "limt" is no newsq stage and too far from any; it is SQL's "limit" misspelt.
        let (_, diags) = parse("articles | limt 3")
        XCTAssertEqual(diags.first?.help.first, "did you mean 'take'? (newsq's name for 'limit')")
        // A newsq stage wins over a foreign name when both are close.
        XCTAssertEqual(parse("articles | tke 3").1.first?.help.first, "did you mean 'take'?")
    }

    func testRecoveryReportsSeveralStages() {
        let (_, diags) = parse("articles | take x | where | sort date")
        XCTAssertEqual(diags.count, 3, diags.map(\.message).joined(separator: "\n"))
    }

    func testEmptyStageAndMissingSource() {
        XCTAssertTrue(parse("articles | ").1[0].message.contains("expected a stage"))
        XCTAssertTrue(parse("| count").1[0].message.contains("expected a source"))
        XCTAssertTrue(parse("where x == 1").1[0].message.contains("starts with a source"))
    }

    func testLetExplainHelp() {
        guard case let .let(name, _) = parse("let nw = articles | where source == \"Newsweek\"").0 else { return XCTFail() }
        XCTAssertEqual(name.text, "nw")
        guard case .explain(.analyze, _) = parse("explain analyze articles | take 1").0 else { return XCTFail() }
        guard case .help(let t) = parse("help search").0 else { return XCTFail() }
        XCTAssertEqual(t?.text, "search")
    }

    func testBetweenInAndPrecedence() {
        let (st, diags) = parse("articles | where date between @2021-08-20 and @2021-08-26 and source in [\"a\", \"b\"] or not words > 5")
        XCTAssertTrue(diags.isEmpty, "\(diags)")
        guard case let .query(p) = st, case let .where(e) = p.stages[0].kind,
              case .binary(.or, .binary(.and, .between, .binary(.in, _, _, _, _), _, _), .unary(.not, _, _), _, _) = e else {
            return XCTFail("\(st!)")
        }
    }

    func testDeepNestingDoesNotCrash() {
        let deep = String(repeating: "(", count: 2000) + "1" + String(repeating: ")", count: 2000)
        let (_, diags) = parse("articles | where \(deep) == 1")
        _ = diags // either parses or reports; must not crash
    }

    func testHugeNumberIsAnError() {
        let (_, diags) = parse("articles | take 99999999999999999999999")
        XCTAssertTrue(diags[0].message.contains("too large"))
    }

    func testSQLIsAnsweredWithThePipelineForm() {
        for text in ["SELECT * FROM articles", "SELECT title FROM articles"] {
            let (_, d) = Parser.parse(text)
            XCTAssertEqual(d.items.first?.message, "newsq is not SQL: a statement starts with a source", text)
        }
        let (_, d) = Parser.parse("count by source")
        XCTAssertTrue(d.items.first?.help.joined().contains("entities") ?? false, "the help lists every source")
    }
}
