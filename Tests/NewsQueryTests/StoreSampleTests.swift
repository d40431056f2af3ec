import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// The built-in sample as loaded: metadata, headlines, paragraph kinds, sentences.
final class StoreSampleTests: XCTestCase {
    static let corpus: Corpus = { do { return try CorpusLoader.loadSample() } catch { fatalError("\(error)") } }()
    var c: Corpus { Self.corpus }

    func paragraphs(_ article: Int) -> [(text: Substring, p: Paragraph)] {
        let a = c.articles[article]
        return c.paragraphs[a.paragraphs].map { (a.slice($0.range), $0) }
    }

    func testFiveArticlesWithManifestMetadata() {
        XCTAssertEqual(c.articles.count, 5)
        XCTAssertTrue(c.warnings.isEmpty, "\(c.warnings)")
        XCTAssertEqual(c.articles.map(\.id), ["000_8ca05967b5b8d158", "001_7f81147296c4df61", "002_a0e825fb24626626",
                                              "003_162644c2fb39c01e", "004_ec82b47e28c364f9"])
        XCTAssertEqual(c.articles.map { $0.source ?? "" }, ["Financial Times", "Newsweek", "The Japan Times", "Newsweek", "Taiwan News"])
        XCTAssertEqual(c.articles.map { $0.date?.description ?? "" }, ["2021-08-24", "2021-08-25", "2021-08-30", "2021-08-30", "2021-08-19"])
        XCTAssertEqual(c.articles[4].author, "Keoni Everington")
        XCTAssertNil(c.articles[0].author)
        XCTAssertTrue(c.articles.allSatisfy { ($0.provenance ?? "").contains("date") })
        XCTAssertEqual(c.sources, ["Financial Times", "Newsweek", "Taiwan News", "The Japan Times"])
    }

    func testHeadlinesAndBodies() {
        XCTAssertEqual(c.articles[0].title, "Japan and Taiwan to hold talks to counter Chinese aggression")
        XCTAssertNil(c.articles[2].title)
        XCTAssertTrue(c.articles[2].body.hasPrefix("A meeting last week between senior lawmakers"))
        XCTAssertEqual(c.articles[4].title, "Japan, Taiwan ruling parties to hold 1st-ever security talks over China threat")
        XCTAssertTrue(c.articles[4].body.hasPrefix("Security talks over military threat posed by China"))
        XCTAssertFalse(c.articles[4].body.contains("Directory of Taiwan"))
        XCTAssertTrue(c.articles[0].body.hasPrefix("The ruling parties of Japan and Taiwan will hold"))
    }

    func testDetectedHeadlinesWithoutManifest() throws {
        let dir = try StoreTempDir()
        for f in ["002_a0e825fb24626626.txt", "004_ec82b47e28c364f9.txt", "000_8ca05967b5b8d158.txt"] {
            let a = c.articles.first { $0.id + ".txt" == f }!
            try dir.write(f, a.text)
        }
        let d = try CorpusLoader.load(paths: [dir.path])
        XCTAssertEqual(d.articles.map(\.title), ["Japan and Taiwan to hold talks to counter Chinese aggression", nil,
                                                 "Japan, Taiwan ruling parties to hold 1st-ever security talks over China threat"])
        XCTAssertNil(d.articles[0].source)
    }

    func testCaptionsAndDuplicates() {
        let reuters = paragraphs(2).filter { $0.text.hasSuffix("| REUTERS") }
        XCTAssertEqual(reuters.count, 4)
        XCTAssertTrue(reuters.allSatisfy { $0.p.kind == .caption })
        XCTAssertEqual(reuters.map(\.p.duplicate), [false, true, false, true])
        let credits = paragraphs(1).filter { $0.text.hasPrefix("File photo:") } + paragraphs(3).filter { $0.text.hasSuffix("Getty Images") || $0.text.hasSuffix("U.S. Navy") }
        XCTAssertEqual(credits.count, 3)
        XCTAssertTrue(credits.allSatisfy { $0.p.kind == .caption })
        let titles = paragraphs(3).filter { $0.text == "Taiwan and Japan Hold Unprecedented Security Dialogue" }
        XCTAssertEqual(titles.count, 5)
        XCTAssertTrue(titles.allSatisfy { $0.p.kind == .caption })
        XCTAssertEqual(titles.filter { !$0.p.duplicate }.count, 1)
        XCTAssertTrue(paragraphs(0).contains { $0.text.hasSuffix("Agencia Makro/Getty") && $0.p.kind == .caption })
        XCTAssertTrue(paragraphs(4).contains { $0.text == "Taiwanese and Japanese\u{A0}flags (Getty Images)" && $0.p.kind == .caption })
    }

    func testBoilerplate() {
        func kind(_ a: Int, _ prefix: String) -> ParagraphKind? { paragraphs(a).first { $0.text.hasPrefix(prefix) }?.p.kind }
        XCTAssertEqual(kind(0, "Leave a Reply"), .boilerplate)
        XCTAssertEqual(kind(0, "Your email address"), .boilerplate)
        XCTAssertEqual(kind(0, "Additional reporting by"), .boilerplate)
        XCTAssertEqual(kind(2, "By subscribing"), .boilerplate)
        XCTAssertEqual(kind(2, "In a time of both misinformation"), .boilerplate)
        XCTAssertEqual(kind(4, "By Keoni Everington"), .boilerplate)
        XCTAssertEqual(kind(4, "2021/08/19 11:36"), .boilerplate)
        XCTAssertEqual(kind(4, "Taiwan-Japan relations"), .boilerplate)
        XCTAssertEqual(kind(4, "RELATED ARTICLES"), .boilerplate)
        XCTAssertEqual(kind(4, "Updated : 2021-08-19"), .boilerplate)
        XCTAssertEqual(kind(4, "Taiwan claws its way"), .boilerplate)
        // real paragraphs stay body
        XCTAssertEqual(kind(4, "TAIPEI (Taiwan News)"), .body)
        XCTAssertEqual(kind(4, "The Taiwan participants have not yet been finalized"), .body)
        XCTAssertEqual(kind(2, "Maslow said the subdued reaction"), .body)
        XCTAssertEqual(kind(3, "Clarity or Ambiguity?"), .body)
        XCTAssertEqual(c.paragraphs.filter { $0.kind == .body }.count, c.paragraphs.filter { $0.kind == .body && !$0.duplicate }.count)
    }

    func testSentencesAroundAbbreviations() {
        let texts = c.sentences.map { c.articles[$0.article].slice($0.range) }
        XCTAssertTrue(texts.contains("Japan switched recognition from Taipei to Beijing in 1972, while the U.S. did so seven years later."))
        XCTAssertTrue(texts.contains { $0.hasSuffix("Taiwan's most important relationship after the U.S.") })
        XCTAssertTrue(texts.contains { $0.hasPrefix("\"Why didn't these talks happen sooner?") })
        XCTAssertTrue(texts.contains { $0.contains("set for Sept. 29, and the upcoming general elections") })
        XCTAssertTrue(texts.contains("Mass Communication Specialist 3rd Class Matt Hall/U.S. Navy"))
        XCTAssertTrue(texts.contains("The U.S. has long maintained a position of \"strategic ambiguity\" on the question of whether America would defend Taiwan in the event of a Chinese attack."))
        XCTAssertTrue(texts.contains("Taiwan and Japan Hold Unprecedented Security Dialogue"))
        XCTAssertTrue(texts.contains("“That is how important we feel the situation in Taiwan is at the moment,” Sato said."))
        for s in c.sentences { XCTAssertEqual(s.words, Tokenizer.tokens(c.articles[s.article].slice(s.range), base: 0).count) }
    }

    func testWordCountsSkipBoilerplateAndDuplicates() {
        for (i, a) in c.articles.enumerated() {
            let expected = c.paragraphs[a.paragraphs].filter { $0.kind != .boilerplate && !$0.duplicate }.reduce(0) { $0 + $1.words }
            XCTAssertEqual(a.words, expected)
            // the article unit of the index is the whole text (FTS5 parity)
            XCTAssertEqual(c.index.positions(of: .article, i).count, Tokenizer.tokens(a.text).count)
            let paragraphTokens = a.paragraphs.reduce(0) { $0 + c.index.positions(of: .paragraph, $1).count }
            XCTAssertEqual(paragraphTokens, expected)
        }
        XCTAssertEqual(c.index.tokenCount, c.articles.reduce(0) { $0 + Tokenizer.tokens($1.text).count })
    }
}

/// A temporary folder removed at deinit.
final class StoreTempDir {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "newsq-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Data(text.utf8)) }
    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let p = path + "/" + name
        try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: p))
        return p
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
