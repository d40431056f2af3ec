import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Article search leaves boilerplate out by default; `.boilerplate on` searches
/// articles whole. The re-check uses the span evaluator (`SearchQuery.match`),
/// which must agree with the index when it sees the same (whole) text.
final class BoilerplateSearchTests: XCTestCase {
    let c = Fixtures.sample

    func bind(_ q: String) throws -> SearchQuery { try Fixtures.boundSearch(q) }

    func testMatcherAgreesWithTheIndexOnWholeArticles() throws {
        let queries = ["japan", "\"Taiwan Strait\"", "secur*", "t?iwan", "/^secur(e|ity)$/", "near(japan, security, 3)",
                       "near(china, \"security talks\")", "title:(japan taiwan)", "=US", "sato NOT otsuka",
                       "(china OR beijing) AND NOT strait", "Chih-cheng", "afghanistan OR popcat", "near(us, taiwan, 2)"]
        for q in queries {
            let tq = try bind(q)
            let indexed = Set(try c.index.search(tq, unit: .article).map(\.unit))
            for a in c.articles.indices {
                let art = c.articles[a]
                XCTAssertEqual(tq.matches(c.spanText(article: a, ranges: [0..<art.text.utf8.count])), indexed.contains(a), "\(q) on article \(art.id)")
            }
        }
    }

    func testBoilerplateOnlyMatchesAreLeftOutUnlessAskedFor() {
        // "Afghanistan" and "Popcat" are only in 004's most-popular list.
        let (off, _) = Fixtures.run("articles | search afghanistan OR popcat | count\n", mode: .csv)
        XCTAssertEqual(off, "n\n0\n")
        let (on, _) = Fixtures.run(".boilerplate on\narticles | search afghanistan OR popcat | count\n", mode: .csv)
        XCTAssertEqual(on, "n\n1\n")
        // A word in both body and boilerplate still finds the article.
        let (taiwan, _) = Fixtures.run("articles | search taiwan | count\n", mode: .csv)
        XCTAssertEqual(taiwan, "n\n5\n")
        // NOT sees the boilerplate-free text too: 004 has "US" only in its list.
        let (notUS, _) = Fixtures.run("articles | search taiwan NOT =US | select id\n", mode: .csv)
        XCTAssertTrue(notUS.contains("004_"), notUS)
    }
}

/// Regressions from the benchmark corpus: one-paragraph posts about subscribing
/// (20 Newsgroups, Reuters) are articles, not subscription blurbs.
final class BoilerplateClassifierTests: XCTestCase {
    func testAOneBlockPostAboutSubscribingIsBody() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-bp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = [
            #"{"id":"a","body":"tempo enterprises inc said it signed a letter of intent to sell seven cable systems; subscribers were not disclosed"}"#,
            #"{"id":"b","body":"please subscribe me to this mailing list thanks joel"}"#,
            #"{"id":"c","body":"The council met on Tuesday and said the plan would go ahead.\n\nSubscribe to our newsletter for more."}"#,
        ]
        try lines.joined(separator: "\n").write(to: dir.appendingPathComponent("x.jsonl"), atomically: true, encoding: .utf8)
        let corpus = try CorpusLoader.load(paths: [dir.path])
        let kinds: [(Int, ParagraphKind)] = corpus.paragraphs.map { ($0.article, $0.kind) }
        XCTAssertEqual(kinds.filter { $0.0 == 0 }.map { $0.1 }, [ParagraphKind.body])
        XCTAssertEqual(kinds.filter { $0.0 == 1 }.map { $0.1 }, [ParagraphKind.body])
        XCTAssertEqual(kinds.filter { $0.0 == 2 }.map { $0.1 }, [ParagraphKind.body, .boilerplate], "a pitch below the article's text is still boilerplate")
    }
}
