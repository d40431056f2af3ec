import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

final class BinderTests: XCTestCase {
    func bind(_ s: String, bindings: [String: Binding] = [:]) -> (BoundPipeline?, [Diagnostic]) {
        let (st, pd) = Parser.parse(s)
        XCTAssertFalse(pd.hasErrors, "parse: \(pd.items.map(\.message))")
        guard case let .query(p) = st else { return (nil, []) }
        var b = Binder(statement: s, bindings: bindings)
        let bound = b.bind(p)
        return (bound, b.diagnostics.items)
    }

    func testUnknownFieldSuggestsAndListsFields() {
        let (bound, diags) = bind("articles | where titel == \"x\"")
        XCTAssertNil(bound)
        XCTAssertEqual(diags[0].message, "unknown field 'titel'")
        XCTAssertEqual(diags[0].range, 17..<22)
        XCTAssertEqual(diags[0].help[0], "did you mean 'title'?")
        XCTAssertTrue(diags[0].help[1].hasPrefix("fields here: id, title, source, date"))
    }

    /// The binder reads no file itself: the caller gives it the reader (the
    /// shell's reads the disk); without one a stopword file is refused at its spot.
    func testFilesAreReadOnlyThroughTheCallersReader() {
        let s = "articles | words stopwords \"list.txt\""
        let (none, diags) = bind(s)
        XCTAssertNil(none)
        XCTAssertEqual(diags.first?.code, .unreadableFile)
        XCTAssertEqual(diags.first?.range, 27..<37)
        var asked: [String] = []
        let (st, _) = Parser.parse(s)
        guard case let .query(p) = st else { return XCTFail() }
        var b = Binder(statement: s, bindings: [:], readFile: { asked.append($0); return "the\nof\n" })
        XCTAssertNotNil(b.bind(p), "\(b.diagnostics.items.map(\.message))")
        XCTAssertEqual(asked, ["list.txt"])
    }

    func testFieldsFlowThroughStages() {
        let (_, diags) = bind("articles | select id, n = words | where n > 10 | sort by id")
        XCTAssertTrue(diags.isEmpty, "\(diags)")
        let (_, d2) = bind("articles | select id | where source == \"x\"")
        XCTAssertEqual(d2.first?.message, "unknown field 'source'")
        XCTAssertEqual(d2.first?.help.last, "fields here: id")
    }

    func testScoreOnlyAfterSearch() {
        let (_, diags) = bind("articles | sort by score desc")
        XCTAssertTrue(diags[0].help[0].contains("after a search"))
        let (bound, d2) = bind("articles | search china | sort by score desc")
        XCTAssertNotNil(bound)
        XCTAssertTrue(d2.isEmpty)
    }

    func testParentFieldsFromChildRows() {
        let (bound, diags) = bind("sentences | where article.source == \"Newsweek\" and date > @2021-08-20")
        XCTAssertTrue(diags.isEmpty, "\(diags)")
        guard case let .filter(.and(.compare(_, .column(ref, _, _), _), .compare(_, .column(ref2, _, _), _))) = bound?.stages[0] else { return XCTFail() }
        XCTAssertEqual(ref, .parent(.sentences, "source"))
        XCTAssertEqual(ref2, .parent(.sentences, "date"))
        let (_, d2) = bind("sentences | select article.sorce")
        XCTAssertEqual(d2[0].help.first, "did you mean 'article.source'?")
    }

    func testTypeErrorsTeach() {
        let (_, d1) = bind("articles | where date > \"2021-08-27\"")
        XCTAssertEqual(d1[0].message, "cannot compare a date with text")
        XCTAssertEqual(d1[0].help, ["write the date as @2021-08-27"])
        let (_, d2) = bind("articles | where words")
        XCTAssertTrue(d2[0].message.contains("true or false"))
        let (_, d3) = bind("articles | where year(title) == 2021")
        XCTAssertTrue(d3[0].message.contains("year needs a date"))
    }

    func testUnknownSourceAndLetNames() {
        let (_, d1) = bind("artciles | count")
        XCTAssertEqual(d1[0].help.first, "did you mean 'articles'?")
        let b = Binding(schema: .of(.articles), rows: [], statement: "")
        let (bound, d2) = bind("nw | count", bindings: ["nw": b])
        XCTAssertNotNil(bound)
        XCTAssertTrue(d2.isEmpty)
    }

    func testSearchAfterCountIsRefused() {
        let (_, d) = bind("articles | count | search x")
        XCTAssertTrue(d[0].message.contains("'search' works on articles"))
    }

    func testCountByChildRowsAddsArticles() {
        let (bound, _) = bind("paragraphs | count by kind")
        XCTAssertEqual(bound?.schema.columns.map(\.name), ["kind", "n", "articles"])
        let (b2, _) = bind("articles | count by source")
        XCTAssertEqual(b2?.schema.columns.map(\.name), ["source", "n"])
    }

    func testSearchWordsAreFoldedLikeTheIndex() {
        let (bound, _) = bind("articles | search Chih-cheng AND Japan's")
        guard case let .search(q, _) = bound?.stages[0] else { return XCTFail() }
        XCTAssertEqual(q.query, .and([.phrase(["chih", "cheng"], exact: false), .phrase(["japan", "s"], exact: false)]))
    }

    /// A /regex/ is compiled once, where the binder checks it: the search, a
    /// kwic of the same pattern and the query snippet() reads share it.
    func testSearchRegexIsCompiledOnceAtBindTime() throws {
        let (bound, d) = bind("sentences | search /^secur/ AND near(/^secur/, talks, 3) | kwic /^secur/ OR japan")
        XCTAssertTrue(d.isEmpty, "\(d.map(\.message))")
        let b = try XCTUnwrap(bound)
        guard case let .search(q, _) = b.stages[0], case let .analysis(a) = b.stages[1], let o = (a as? BoundKwic)?.options else { return XCTFail() }
        let fromSearch = try XCTUnwrap(q.program.regexes["^secur"])
        XCTAssertEqual(q.program.regexes.count, 1)
        XCTAssertTrue(o.locator.query.program.regexes["^secur"] === fromSearch)
        for leaf in q.program.leaves + o.locator.query.program.leaves {
            for case let .regex(re) in leaf.tests { XCTAssertTrue(re === fromSearch) }
        }
        // a bad one is reported under it, in the search and in kwic alike
        for s in ["articles | search japan /[unclosed/", "articles | kwic japan /[unclosed/"] {
            let (none, errors) = bind(s)
            XCTAssertNil(none, s)
            let at = s.utf8.count - "/[unclosed/".utf8.count
            XCTAssertEqual(errors.first?.range, at..<s.utf8.count, s)
        }
    }
}
