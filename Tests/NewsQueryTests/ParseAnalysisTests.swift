import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Parsing of the analysis stages: where a query ends and options begin.
final class ParseAnalysisTests: XCTestCase {
    /// The last stage of a statement as the syntax type of its stage (Stages/*.swift).
    func stage<S: AnalysisSyntax>(_ text: String, as: S.Type) -> S? {
        let (st, diags) = Parser.parse(text)
        XCTAssertFalse(diags.hasErrors, "\(text): \(diags.items.map(\.message))")
        guard case let .query(p)? = st, case let .analysis(a)? = p.stages.last?.kind else { return nil }
        return a.syntax as? S
    }

    func testKwicQueryEndsAtItsOptions() {
        guard let k = stage("sentences | kwic \"Taiwan Strait\" OR china width 5 words by sentence", as: KwicSyntax.self),
              let q = k.query else {
            return XCTFail()
        }
        let (width, words, sentence) = (k.width, k.widthInWords, k.bySentence)
        guard case let .or(items, _) = q else { return XCTFail("\(q)") }
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(width, 5)
        XCTAssertTrue(words)
        XCTAssertTrue(sentence)
        XCTAssertEqual(stage("sentences | search china | kwic width 30", as: KwicSyntax.self),
                       KwicSyntax(query: nil, width: 30, widthInWords: false, bySentence: false))
    }

    func testCollocatesOptions() {
        guard let c = stage("articles | collocates secur* window 2,4 measure MI min 3 stopwords", as: CollocatesSyntax.self) else {
            return XCTFail()
        }
        let (q, l, r, m, min, stop) = (c.query, c.left, c.right, c.measure, c.min, c.stopwords)
        guard case .prefix("secur", _) = q else { return XCTFail("\(q)") }
        XCTAssertEqual(l, 2); XCTAssertEqual(r, 4)
        XCTAssertEqual(m?.text, "mi")
        XCTAssertEqual(min, 3)
        XCTAssertEqual(stop, .english)
    }

    func testStageNamesAreNotReserved() {
        // `words` is a field and a stage; `sample` and `chart` can be let names.
        XCTAssertNotNil(Parser.parse("articles | select words | sort by words").statement)
        XCTAssertFalse(Parser.parse("let sample = articles | take 2").diagnostics.hasErrors)
        XCTAssertFalse(Parser.parse("sample | count").diagnostics.hasErrors)
    }

    func testSummarizeAndShow() {
        guard let s = stage("articles | summarize n = count(), avg(words) by source", as: SummarizeSyntax.self) else { return XCTFail() }
        let (items, by) = (s.items, s.by)
        XCTAssertEqual(items.map(\.function.text), ["count", "avg"])
        XCTAssertEqual(items[0].alias?.text, "n")
        XCTAssertEqual(by.count, 1)
        guard case let .show(id, q?, _)? = Parser.parse("show article \"002\" search sato").statement else { return XCTFail() }
        XCTAssertEqual(id.text, "002")
        guard case .word("sato", false, _) = q else { return XCTFail() }
    }

    /// The optimized plan of an analysis pipeline, as explain prints it.
    func testExplainShowsAnalysisStages() {
        let (out, status) = Fixtures.run("explain sentences | search china | where article.source == \"Newsweek\" | collocates china window 3,3 measure mi | take 5")
        XCTAssertEqual(status, 0)
        XCTAssertEqual(out, """
        Limit 5
          └─ Collocates china window 3,3 measure mi min 2
            └─ IndexSearch sentences: china (candidates below)
              └─ Filter article.source == "Newsweek"
                └─ Scan sentences

        """)
    }
}
