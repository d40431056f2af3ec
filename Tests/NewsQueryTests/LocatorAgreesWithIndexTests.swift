import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// The one span evaluator (`SearchQuery.match`: boilerplate re-check, kwic,
/// snippets, highlights, distribution, why) equals the index on every search
/// form and every unit: the units the index finds are the units in which the
/// evaluator matches, and it finds a span in each unless only NOT or a title
/// scope decided. And where a search finds a unit, kwic locates a match in it.
/// (The converse, that kwic finds nothing a search does not, waits on one
/// counted text for every unit: kwic over sentences still reads boilerplate,
/// and an article search still finds a number in the byline of sample 004
/// that kwic over articles does not read, so `/^[0-9]+$/` is left out here.)
final class LocatorAgreesWithIndexTests: XCTestCase {
    /// The ids of the units a statement's rows are about (column `id` or `article`).
    func ids(_ statement: String) throws -> Set<String> {
        let (ready, diagnostics) = StatementPath.prepare(statement, bindings: [:])
        let p = try XCTUnwrap(ready, "\(statement): \(diagnostics.items.map(\.message))")
        let ctx = ExecutionContext(corpus: Fixtures.sample, interrupt: Interrupt())
        let rows = try StatementPath.run(p, ctx).rows
        let columns = p.schema!.columns
        let col = try XCTUnwrap(columns.first { $0.name == "article" } ?? columns.first { $0.name == "id" })
        return Set(rows.map { "\(ctx.value(col.ref, $0))" })
    }

    func testKwicLocatesWhatSearchFinds() throws {
        let forms = ["china", "=Taiwan", "\"security talks\"", "secur*", "t?iwan", "/^bei/", "/bei/", "/^19[0-9][0-9]$/",
                     "/(strait|sea)$/", "japan AND taiwan", "japan OR korea", "near(japan, talks, 5)",
                     "Chih-cheng", "ldp AND (dpp OR kmt)"]
        for q in forms {
            for unit in ["articles", "paragraphs", "sentences"] {
                let key = unit == "articles" ? "id" : "article"
                let found = try ids("\(unit) | search \(q) | select \(key)")
                XCTAssertFalse(found.isEmpty, "\(unit) | search \(q) finds nothing: pick a form the sample holds")
                let located = try ids("\(unit) | search \(q) | kwic \(q) | select article")
                XCTAssertEqual(located, found, "\(unit) | search \(q) | kwic \(q)")
            }
        }
    }

    func testRegexesArePosixEverywhere() {
        for statement in ["articles | search /\\d+/", "articles | kwic /\\d+/", "sentences | search china | select snippet(text)"] {
            let (p, d) = StatementPath.prepare(statement, bindings: [:])
            if statement.contains("\\d") {
                XCTAssertNil(p, statement)
                XCTAssertTrue(d.items.contains { $0.message.contains("POSIX") }, statement)
            } else {
                XCTAssertNotNil(p, statement)
            }
        }
    }

    // MARK: the span evaluator against the index

    /// Every search form: words, exact case, phrases (across punctuation, lines
    /// and the headline), prefixes, wildcards, POSIX regexes, AND/OR/NOT,
    /// near() with two and three items, title:/headline:, body:, text:.
    static let forms = [
        "japan", "=US", "us", "Chih-cheng", "U.S.", "\"security talks\"", "\"Taiwan said\"", "\"talks security\"",
        "secur*", "Chih-ch*", "t?iwan", "*stan", "wom?n", "/^tai/", "/wan$/", "/^[0-9]+$/", "/(strait|sea)$/",
        "japan AND taiwan", "japan OR storm", "japan NOT taiwan", "taiwan AND NOT =US", "NOT japan",
        "(talks OR storm) AND NOT security", "china OR NOT talks",
        "near(japan, talks, 2)", "near(talks, japan, 0)", "near(security, talks, 0)", "near(\"security talks\", taiwan, 5)",
        "near(secur*, /^tai/, 3)", "near(talks, taiwan, 1)", "near(japan, taiwan, talks, 3)", "near(japan, taiwan, talks, 4)",
        "near(japan, taiwan, talks, 8)", "near(japan, taiwan, talks)",
        "title:(japan)", "title:(japan talks)", "title:(\"taiwan hold\")", "NOT title:(storm)", "title:(security) AND talks",
        "title:(NOT storm)", "headline:(talks) OR pakistan", "title:(=Japan) AND near(taiwan, talks, 3)",
        "body:(japan)", "body:(security)", "body:(\"security talks\")", "body:(NOT japan)", "body:(talks) AND NOT title:(talks)",
        "body:(near(security, talks, 1))", "text:(japan)",
    ]

    /// Made-up articles for the forms above: a phrase broken by punctuation,
    /// a line or a paragraph; a phrase and a near() group running from the
    /// headline into the body; three-item near() groups whose FTS5 count
    /// differs from the count of words left over in the window; words only in
    /// a title; no title at all.
    static let madeUp: Corpus = {
        let records: [(String?, String)] = [
            ("Japan and Taiwan hold security talks",
             "Officials from Japan met in Taipei. The security\ntalks, held in private, ended on Friday.\n\nTaiwan said the U.S. was told. Talks resume in 2027."),
            ("Talks", "Taiwan officials said nothing. Japan's ruling LDP met; Lo Chih-cheng spoke.\n\nSecurity. Talks about security went on for three days."),
            ("Storm hits Pakistan", "A storm hit the coast of Pakistan and Afghanistan. The US and us: both wrote. Women and a woman waited by the sea."),
            (nil, "Untitled copy: security talks between Japan and Taiwan, 1999 and 2001, in the strait."),
            ("Security", "talks began at noon. Japan was far away; Taiwan too, the reports said, was not there at all this time."),
            (nil, "Japan one two three four five Taiwan one two talks. Nothing about the strait."),
            (nil, "Japan a b c d e f g h Taiwan i talks ended. China said nothing."),
            ("Japan Taiwan talks", "Japan Taiwan talks were held by video link."),
        ]
        let tmp = try! StoreTempDir()
        func json(_ s: String) -> String {
            String(decoding: try! JSONSerialization.data(withJSONObject: [s]), as: UTF8.self).dropFirst().dropLast().description
        }
        let lines = records.enumerated().map { i, r in
            "{\"id\": \"m\(i)\"" + (r.0.map { ", \"title\": \(json($0))" } ?? "") + ", \"body\": \(json(r.1))}"
        }
        let path = try! tmp.write("made-up.jsonl", lines.joined(separator: "\n"))
        return try! CorpusLoader.load(paths: [path])
    }()

    /// Whether a match of the query must show a span: some positive part
    /// outside a title scope decides it.
    static func needsSpan(_ p: SearchPart) -> Bool {
        switch p {
        case .leaf, .near: return true
        case let .and(items): return items.contains(where: needsSpan)
        case let .or(items): return items.allSatisfy(needsSpan)
        case .not: return false
        case let .scoped(field, inner): return field != "title" && needsSpan(inner)
        }
    }

    /// The text of unit `u` as the index holds it: an article whole, a paragraph
    /// or sentence its own tokens (none for boilerplate and repeated ones).
    static func indexedText(_ c: Corpus, _ unit: TextUnit, _ u: Int) -> SpanText {
        switch unit {
        case .article:
            return c.spanText(article: u, ranges: [0..<c.articles[u].text.utf8.count])
        case .paragraph:
            let p = c.paragraphs[u]
            return c.spanText(article: p.article, ranges: c.index.positions(of: .paragraph, u).isEmpty ? [] : [p.range])
        case .sentence:
            let s = c.sentences[u]
            return c.spanText(article: s.article, ranges: c.index.positions(of: .sentence, u).isEmpty ? [] : [s.range])
        }
    }

    func checkEvaluatorEqualsIndex(_ c: Corpus, _ forms: [String], name: String) throws -> Int {
        var matched = 0
        for q in forms {
            let sq = try Fixtures.boundSearch(q)
            for unit in [TextUnit.article, .paragraph, .sentence] {
                let count = c.index.unitCount(unit)
                let indexed = Set(try c.index.search(sq, unit: unit, scoring: false).map(\.unit))
                var evaluated = Set<Int>()
                for u in 0..<count {
                    guard let spans = sq.match(Self.indexedText(c, unit, u)) else { continue }
                    evaluated.insert(u)
                    if Self.needsSpan(sq.parts) { XCTAssertFalse(spans.isEmpty, "\(name): \(q) matches \(unit) \(u) with no span") }
                }
                XCTAssertEqual(evaluated.sorted(), indexed.sorted(), "\(name): \(unit) | search \(q)")
                matched += indexed.count
            }
        }
        return matched
    }

    func testEvaluatorEqualsTheIndexOnTheSample() throws {
        let forms = Self.forms + ["china", "=Taiwan", "/^bei/", "/bei/", "/^19[0-9][0-9]$/", "japan OR korea",
                                  "ldp AND (dpp OR kmt)", "sato NOT otsuka", "(china OR beijing) AND NOT strait",
                                  "afghanistan OR popcat", "near(us, taiwan, 2)", "near(china, \"security talks\")",
                                  "title:(japan taiwan) AND NOT title:(security)", "title:(security) AND sato"]
        XCTAssertGreaterThan(try checkEvaluatorEqualsIndex(Fixtures.sample, forms, name: "sample"), 1000)
    }

    func testEvaluatorEqualsTheIndexOnMadeUpTexts() throws {
        XCTAssertGreaterThan(try checkEvaluatorEqualsIndex(Self.madeUp, Self.forms, name: "made-up"), 100)
    }

    /// The cases the made-up texts are for, one by one (so a change that makes
    /// both sides wrong the same way still fails here).
    func testMadeUpCasesByHand() throws {
        let c = Self.madeUp
        func articles(_ q: String) throws -> [String] {
            try c.index.search(Fixtures.boundSearch(q), unit: .article, scoring: false).map { c.articles[$0.unit].id }
        }
        // a phrase runs across punctuation and lines, not from the headline into the body
        XCTAssertEqual(try articles("\"security talks\""), ["m0", "m1", "m3"])
        // FTS5 counts, for each item, the words from its end to the last item's start:
        // m5: japan(0) … taiwan(6) … talks(9): 9 - 0 - 1 = 8; m6: japan … taiwan(9) i talks(11): 10
        // (m0 and m7 hold the three in their headline; m3 within 3, m4 within 7)
        XCTAssertEqual(try articles("near(japan, taiwan, talks, 8)"), ["m0", "m3", "m4", "m5", "m7"])
        XCTAssertEqual(try articles("near(japan, taiwan, talks, 7)"), ["m0", "m3", "m4", "m7"])
        // (the words left over in m6's window are 8, which near() does not count)
        XCTAssertFalse(try articles("near(japan, taiwan, talks, 9)").contains("m6"))
        XCTAssertTrue(try articles("near(japan, taiwan, talks, 10)").contains("m6"))
        // body: leaves the headline out: m4's "Security" is its headline only
        XCTAssertFalse(try articles("body:(security)").contains("m4"))
        XCTAssertTrue(try articles("security").contains("m4"))
        XCTAssertEqual(try articles("body:(japan)"), try articles("japan"))
        XCTAssertEqual(try articles("title:(talks)"), ["m0", "m1", "m7"])
        XCTAssertEqual(try articles("body:(talks) AND NOT title:(talks)"), ["m3", "m4", "m5", "m6"])
        // and the evaluator marks the same: kwic over body:(security) shows no headline
        let spans = MatchLocator(try Fixtures.boundSearch("body:(security)")).spans(in: UnitText(corpus: c, source: .articles, unit: 0), corpus: c)
        XCTAssertFalse(spans.isEmpty)
        XCTAssertTrue(spans.allSatisfy { !(c.headline(ofArticle: 0)!.contains($0.bytes.lowerBound)) })
    }
}
