import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Searching the sample through `TextIndex`: phrases, exact case, NOT, unit-level AND, hits, scores.
final class StoreIndexTests: XCTestCase {
    var c: Corpus { StoreSampleTests.corpus }
    func t(_ w: String, exact: Bool = false) -> TextQuery { .term(w, exact: exact) }
    func units(_ q: TextQuery, _ u: TextUnit = .article, _ cand: [Int]? = nil) -> [Int] { try! c.index.search(q, unit: u, candidates: cand).map(\.unit) }

    /// Folded tokens of each indexed unit, for brute-force checks.
    func unitTokens(_ u: TextUnit) -> [[String]] {
        let n = u == .article ? c.articles.count : u == .paragraph ? c.paragraphs.count : c.sentences.count
        return (0..<n).map { i in c.index.positions(of: u, i).map { c.index.term(c.index.termID(at: $0)) } }
    }

    func testTaiwanStraitPhrase() {
        // grep: 001, 002 and 003 say "Taiwan Strait"; 000 and 004 do not
        XCTAssertEqual(units(.phrase(["Taiwan", "Strait"], exact: false)), [1, 2, 3])
        let m = try! c.index.search(.phrase(["taiwan", "strait"], exact: false), unit: .article)
        for match in m {
            let words = match.hits.map { String(c.articles[match.unit].slice($0)) }
            XCTAssertEqual(Set(words), ["Taiwan", "Strait"])
            XCTAssertEqual(match.hits, match.hits.sorted { $0.lowerBound < $1.lowerBound })
        }
        XCTAssertEqual(m.map { $0.hits.count }, [4, 6, 6])
        XCTAssertEqual(units(.phrase(["strait", "taiwan"], exact: false)), [])
    }

    func testWordThatTokenizesToSeveralIsAPhrase() {
        let byTerm = units(t("Chih-cheng"), .paragraph)
        XCTAssertEqual(byTerm, units(.phrase(["chih", "cheng"], exact: false), .paragraph))
        XCTAssertEqual(units(t("Chih-cheng")), [0, 1, 2, 3])
        XCTAssertEqual(units(t("japan's")), units(.phrase(["japan", "s"], exact: false)))
    }

    func testExactCase() {
        // "US" as written appears in 000's body; 004's are all in boilerplate lists,
        // which articles hold (FTS5 parity) but paragraphs do not
        XCTAssertEqual(units(t("US", exact: true)), [0, 4])
        XCTAssertEqual(Set(units(t("US", exact: true), .paragraph).map { c.paragraphs[$0].article }), [0])
        XCTAssertEqual(units(t("us", exact: true), .paragraph), [])
        XCTAssertEqual(units(t("DPP", exact: true)), units(t("dpp")))
        let m = try! c.index.search(t("US", exact: true), unit: .sentence)
        for match in m { for h in match.hits { XCTAssertEqual(c.articles[c.sentences[match.unit].article].slice(h), "US") } }
    }

    func testNot() {
        XCTAssertEqual(units(.not(t("otsuka"))), [2])
        XCTAssertEqual(units(.and([t("china"), .not(t("otsuka"))])), [2])
        XCTAssertEqual(units(.not(t("otsuka")), .article, [0, 2, 4]), [2])
        // paragraphs without "japan": every non-empty indexed paragraph lacking the word
        let expected = unitTokens(.paragraph).enumerated().filter { !$0.element.isEmpty && !$0.element.contains("japan") }.map(\.offset)
        XCTAssertEqual(units(.not(t("Japan")), .paragraph), expected)
        XCTAssertTrue(try! c.index.search(.not(t("otsuka")), unit: .article).allSatisfy { $0.hits.isEmpty })
    }

    func testSentenceLevelAnd() {
        let q = TextQuery.and([t("sato"), t("otsuka")])
        let expected = unitTokens(.sentence).enumerated().filter { $0.element.contains("sato") && $0.element.contains("otsuka") }.map(\.offset)
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(units(q, .sentence), expected)
        XCTAssertGreaterThan(units(q, .article).count, Set(expected.map { c.sentences[$0].article }).count - 1)
        // in article 2, Sato is named but never in a sentence with Otsuka
        XCTAssertFalse(units(q, .sentence).contains { c.sentences[$0].article == 2 })
    }

    func testOrPrefixAndCandidates() {
        let or = units(.or([t("Hua"), t("Zhao")]))
        XCTAssertEqual(or, [0, 2])
        let secur = units(.prefix("secur"), .paragraph)
        let expected = unitTokens(.paragraph).enumerated().filter { $0.element.contains { $0.hasPrefix("secur") } }.map(\.offset)
        XCTAssertEqual(secur, expected)
        XCTAssertEqual(units(t("taiwan"), .article, [1, 3]), [1, 3])
        XCTAssertEqual(units(t("nosuchword")), [])
        XCTAssertEqual(units(.prefix("zzz")), [])
    }

    func testBoilerplateAndDuplicatesAreNotIndexedBelowArticles() {
        XCTAssertEqual(units(t("subscribing"), .paragraph), [])
        XCTAssertEqual(units(t("Popcat"), .sentence), [])
        // an article is its whole text, as FTS5 indexes it
        XCTAssertEqual(units(t("subscribing")), [2])
        XCTAssertEqual(units(t("Popcat")), [4])
        let aso = try! c.index.search(t("aso"), unit: .paragraph)
        XCTAssertTrue(aso.allSatisfy { !c.paragraphs[$0.unit].duplicate })
    }

    func testScoresFollowBM25() {
        let m = try! c.index.search(t("sato"), unit: .article)
        XCTAssertEqual(m.map(\.unit), [0, 1, 2, 3, 4].filter { unitTokens(.article)[$0].contains("sato") })
        XCTAssertTrue(m.allSatisfy { $0.score > 0 })
        // the rarer word weighs more: a unit with both scores above either alone
        let both = try! c.index.search(.and([t("sato"), t("hua")]), unit: .article)
        let one = try! c.index.search(t("hua"), unit: .article)
        XCTAssertEqual(both.map(\.unit), [0])
        XCTAssertGreaterThan(both[0].score, one[0].score)
    }

    /// Byte ranges are found again by re-cutting the article: they must point at
    /// exactly the token each position holds.
    func testByteRangesPointAtTheirTokens() {
        for (i, a) in c.articles.enumerated() {
            let ps = c.index.positions(of: .article, i)
            let toks = Tokenizer.tokens(a.text)
            XCTAssertEqual(ps.count, toks.count)
            for (k, p) in ps.enumerated() {
                XCTAssertEqual(c.index.byteRange(at: p), toks[k].range)
                XCTAssertEqual(c.index.term(c.index.termID(at: p)), toks[k].folded)
            }
        }
    }

    func testTokensOfARange() {
        let a = c.articles[0]
        let r = a.paragraphs.first { c.paragraphs[$0].kind == .body }!
        let toks = c.index.tokens(article: 0, range: c.paragraphs[r].range)
        XCTAssertEqual(toks.prefix(4).map(\.folded), ["the", "ruling", "parties", "of"])
        XCTAssertEqual(String(a.slice(toks[1].range)), "ruling")
        XCTAssertGreaterThan(c.index.termCount, 1000)
    }
}
