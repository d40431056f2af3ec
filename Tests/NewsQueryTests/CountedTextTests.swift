import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// One counted text for every unit: the title, body and caption paragraphs of
/// an article, each once; boilerplate and repeated paragraphs only with
/// `.boilerplate on`. Stated as invariants, checked on the sample and on a
/// generated noisy corpus (navigation above headlines, boilerplate tails,
/// repeated captions, title-only records, bodies that repeat their title, odd
/// punctuation), with the setting off and on:
/// - `articles`, `paragraphs` and `sentences` give the same word totals, and
///   they equal the articles' `words` field;
/// - for every unit X and query Q, `X | kwic Q | count` equals
///   `X | search Q | kwic Q | count` and the hits of `distribution`;
/// - `keywords vs corpus` counts, for every word, every occurrence in the
///   corpus: its reference count is the word's count in `articles | words`.
final class CountedTextTests: XCTestCase {
    static let noisy: Corpus = {
        let dir = try! StoreTempDir()
        var rng = SplitMix(seed: 11)
        let words = ["Japan", "Taiwan", "China", "talks", "security", "U.S.", "Japan's", "ministers", "said", "the",
                     "a", "of", "Beijing", "strait", "defence", "08/11", "1st-ever", "Moscow", "Russia", "Russian",
                     "e-mail", "co-operation", "naïve", "café", "“quoted”", "(LDP)", "—", "…", "2021", "U.K."]
        func sentence(_ n: Int) -> String {
            var s = (0..<n).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
            s = s.prefix(1).uppercased() + s.dropFirst()
            return s + [".", "!", "?", "."][Int(rng.next() % 4)]
        }
        let tails = ["Read more", "Share this article", "Sign up for our newsletter", "Most popular", "Advertisement",
                     "By John Smith", "Reporting by Ann Lee; Editing by Bo Chan"]
        var lines: [String] = []
        for i in 0..<60 {
            let title = "Japan and Taiwan " + ["talks", "security", "Russia warns", "U.S. envoy"][i % 4] + " \(i)"
            var paragraphs: [String] = []
            for _ in 0..<(1 + Int(rng.next() % 5)) {
                paragraphs.append((0..<(1 + Int(rng.next() % 3))).map { _ in sentence(4 + Int(rng.next() % 10)) }.joined(separator: " "))
            }
            if i % 3 == 0 { paragraphs.insert("Photo: Reuters / Japan's talks", at: min(1, paragraphs.count)); paragraphs.append("Photo: Reuters / Japan's talks") }
            if i % 4 == 1 { paragraphs.append(contentsOf: tails.shuffled(using: &rng).prefix(3)) }
            if i % 5 == 2 { paragraphs.insert(title, at: 0) } // a body that repeats its title
            if i % 7 == 3 { paragraphs.append(paragraphs[0]) } // a repeated paragraph
            var record: [String: String] = ["id": "n\(i)", "source": ["A", "B", "C"][i % 3], "date": "2021-08-\(10 + i % 20)"]
            if i % 9 != 4 { record["title"] = title }
            record["body"] = i % 11 == 6 ? "" : paragraphs.joined(separator: "\n\n")
            if i % 11 == 6 { record["title"] = "Headline only \(i)" } // a title and no body
            lines.append(String(data: try! JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), encoding: .utf8)!)
        }
        try! dir.write("feed.jsonl", lines.joined(separator: "\n"))
        // web copies: navigation above the headline, a tail below
        for i in 0..<8 {
            let body = (0..<4).map { _ in sentence(6 + Int(rng.next() % 8)) }.joined(separator: "\n\n")
            try! dir.write("web/w\(i).txt", "  • Home\n  1. News\n  2. Asia\n\nTaiwan and Japan hold talks number \(i)\n\n\(body)\n\nRelated articles\nMore talks in Tokyo\nMost popular\n")
        }
        return try! CorpusLoader.load(paths: [dir.path])
    }()

    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Rows of a csv statement (notes and hints left out), each as column → value.
    func rows(_ corpus: Corpus, _ statement: String, boilerplate: Bool = false) -> [[String: String]] {
        let sink = StringSink()
        var settings = Settings()
        settings.render.mode = .csv
        settings.boilerplate = boilerplate
        let s = Session(corpus: corpus, out: sink, err: sink, settings: settings, interrupt: Interrupt())
        XCTAssertTrue(s.runStatement(statement), "\(statement): \(sink.text)")
        let lines = sink.text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("(") && !$0.hasPrefix("hint:") }
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else { return [] }
        return lines.dropFirst().map { Dictionary(zip(header, $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)), uniquingKeysWith: { a, _ in a }) }
    }

    func number(_ corpus: Corpus, _ statement: String, _ column: String, boilerplate: Bool = false) -> Int {
        Int(rows(corpus, statement, boilerplate: boilerplate).first?[column] ?? "") ?? -1
    }

    let units = ["articles", "paragraphs", "sentences"]

    func checkWordTotals(_ c: Corpus, _ name: String) {
        for b in [false, true] {
            let totals = units.map { number(c, "\($0) | words | summarize t = sum(n)", "t", boilerplate: b) }
            XCTAssertEqual(Set(totals).count, 1, "\(name), boilerplate \(b): word totals differ by unit \(totals)")
            XCTAssertGreaterThan(totals[0], 0)
            // bigrams are counted within sentences in every unit, so their totals agree too
            let bigrams = units.map { number(c, "\($0) | ngrams 2 | summarize t = sum(n)", "t", boilerplate: b) }
            XCTAssertEqual(Set(bigrams).count, 1, "\(name), boilerplate \(b): bigram totals differ by unit \(bigrams)")
            if !b {
                XCTAssertEqual(c.wordCount, c.articles.map(\.words).reduce(0, +))
                // the words field counts search's tokens; the word list reads the analysis view (U.S. one word, no 's)
                XCTAssertGreaterThanOrEqual(c.wordCount, totals[0])
                let field = number(c, "articles | summarize t = sum(words)", "t")
                XCTAssertEqual(field, c.wordCount)
                let perUnit = units.dropFirst().map { number(c, "\($0) | summarize t = sum(words)", "t") }
                // paragraph and sentence rows hold all of the text; their counted part sums to the articles'
                for t in perUnit { XCTAssertGreaterThanOrEqual(t, field) }
            }
        }
    }

    func checkHits(_ c: Corpus, _ name: String, _ queries: [String]) {
        for b in [false, true] {
            for q in queries {
                for x in units {
                    let all = number(c, "\(x) | kwic \(q) | count", "n", boilerplate: b)
                    let searched = number(c, "\(x) | search \(q) | kwic \(q) | count", "n", boilerplate: b)
                    let hits = rows(c, "\(x) | search \(q) | distribution", boilerplate: b).reduce(0) { $0 + (Int($1["hits"] ?? "") ?? 0) }
                    XCTAssertEqual(all, searched, "\(name), boilerplate \(b): \(x) | kwic \(q) vs search first")
                    XCTAssertEqual(hits, searched, "\(name), boilerplate \(b): \(x) | search \(q) | distribution hits")
                }
                // the same matches whichever unit holds them (a word, not a phrase that may cross a sentence end)
                if !q.contains("\"") {
                    let perUnit = units.map { number(c, "\($0) | kwic \(q) | count", "n", boilerplate: b) }
                    XCTAssertEqual(Set(perUnit).count, 1, "\(name), boilerplate \(b): kwic \(q) by unit \(perUnit)")
                }
            }
        }
    }

    func checkKeywordReference(_ c: Corpus, _ name: String, studied: [String]) {
        for b in [false, true] {
            var corpusCounts: [String: String] = [:]
            for r in rows(c, "articles | words", boilerplate: b) { corpusCounts[r["item"] ?? ""] = r["n"] }
            for x in studied {
                let kw = rows(c, "\(x) | keywords vs corpus min 1", boilerplate: b)
                XCTAssertFalse(kw.isEmpty, x)
                for r in kw {
                    let item = r["item"] ?? ""
                    XCTAssertEqual(r["ref_n"], corpusCounts[item], "\(name), boilerplate \(b): \(x): reference count of '\(item)'")
                    XCTAssertGreaterThanOrEqual(Int(r["ref_n"] ?? "") ?? -1, Int(r["n"] ?? "") ?? 0, "\(name): \(x): '\(item)'")
                }
            }
        }
    }

    func testTheSampleCountsOneText() {
        let c = Fixtures.sample
        checkWordTotals(c, "sample")
        checkHits(c, "sample", ["china", "taiwan", "\"security talks\"", "secur*", "popcat", "U.S.", "talks"])
        checkKeywordReference(c, "sample", studied: ["sentences", "paragraphs | where kind == \"caption\"", "sentences | search china"])
    }

    func testANoisyCorpusCountsOneText() {
        let c = CountedTextTests.noisy
        XCTAssertEqual(c.articles.count, 68, "every record loads, the title-only ones too: \(c.warnings)")
        checkWordTotals(c, "noisy")
        checkHits(c, "noisy", ["japan", "russia", "reuters", "popular", "\"japan and taiwan\"", "secur*", "U.S.", "talks", "home"])
        checkKeywordReference(c, "noisy", studied: ["sentences", "paragraphs | where kind == \"caption\"", "sentences | search talks"])
    }

    /// The headline is a unit like the others: a paragraph and a sentence of kind `title`.
    func testTheTitleIsAParagraphAndASentence() {
        for c in [Fixtures.sample, CountedTextTests.noisy] {
            for (i, a) in c.articles.enumerated() {
                let titles = a.paragraphs.filter { c.paragraphs[$0].kind == .title }
                guard let t = a.title, Tokenizer.tokens(t).count > 0 else { continue }
                XCTAssertEqual(titles.count, 1, "\(a.id) has a title, so one title paragraph")
                guard let p = titles.first else { continue }
                XCTAssertEqual(Tokenizer.tokens(String(a.slice(c.paragraphs[p].range))).map(\.folded),
                               Tokenizer.tokens(t).map(\.folded), a.id)
                XCTAssertEqual(c.paragraphs[p].sentences.count, 1, a.id)
                // the paragraphs cover the text: every word of the article is in one
                let inParagraphs = a.paragraphs.reduce(0) { $0 + c.paragraphs[$1].words }
                XCTAssertEqual(inParagraphs, Tokenizer.tokens(a.text).count, "\(a.id) (article \(i))")
            }
        }
        // titles are searched at every unit
        let c = CountedTextTests.noisy
        let titleOnly = c.articles.firstIndex { $0.title?.hasPrefix("Headline only") == true }!
        XCTAssertEqual(c.articles[titleOnly].words, 3)
        for x in units {
            XCTAssertFalse(rows(c, "\(x) | search headline | select id").isEmpty, x)
        }
        XCTAssertEqual(rows(c, "sentences | where kind == \"title\" | count").first?["n"], String(c.paragraphs.filter { $0.kind == .title }.count))
    }
}
