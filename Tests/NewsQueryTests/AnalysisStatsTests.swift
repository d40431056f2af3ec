import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// The statistics of the analysis stages against values computed
/// independently (a small python3 script, regex tokens `[a-z0-9]+` on the
/// lowercased text; its output is pasted below) on a four-article corpus.
/// Its records have no titles, so the counted text is the bodies the script
/// read (a title is counted text too: CountedTextTests).
final class AnalysisStatsTests: XCTestCase {
    static let corpus: Corpus = {
        let dir = try! StoreTempDir()
        let p = try! dir.write("tiny.jsonl", """
        {"id": "d1", "source": "A", "date": "2021-08-01", "body": "The cat sat on the mat. The dog sat on the log."}
        {"id": "d2", "source": "A", "date": "2021-08-02", "body": "A cat and a dog met. The cat ran to the dog."}
        {"id": "d3", "source": "B", "date": "2021-08-02", "body": "Dogs bark at cats. The mat was red and the log was wet."}
        {"id": "d4", "source": "B", "date": "2021-08-04", "body": "Red dogs and red cats sat. A cat sat."}
        """)
        return try! CorpusLoader.load(paths: [p])
    }()

    func session() -> (Session, StringSink) {
        let sink = StringSink()
        var settings = Settings()
        settings.render.mode = .csv
        return (Session(corpus: AnalysisStatsTests.corpus, out: sink, err: sink, settings: settings, interrupt: Interrupt()), sink)
    }

    /// Runs one statement in csv mode; rows as dictionaries keyed by column.
    func rows(_ statement: String) -> [[String: String]] {
        let (s, sink) = session()
        XCTAssertTrue(s.runStatement(statement), sink.text)
        // Notes ("(46 tokens in 4 articles)") go to the same sink; they are not rows.
        let lines = sink.text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("(") }
        guard let header = lines.first?.split(separator: ",").map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    func row(_ rs: [[String: String]], _ item: String, key: String = "item") -> [String: String] {
        rs.first { $0[key] == item } ?? [:]
    }

    func num(_ s: String?) -> Double { Double(s ?? "") ?? .nan }

    func testTheTinyCorpusHas46Words() {
        XCTAssertEqual(AnalysisStatsTests.corpus.wordCount, 46)
    }

    // python: word the 8 3 173913.04347826086 / cat 4 3 86956.52173913043 / sat 4 2 / dog 3 2 65217.391304347824
    func testWords() {
        let rs = rows("articles | words")
        XCTAssertEqual(rs.first?["item"], "the")
        XCTAssertEqual(row(rs, "the")["n"], "8")
        XCTAssertEqual(row(rs, "the")["articles"], "3")
        XCTAssertEqual(num(row(rs, "the")["per_million"]), 173913.0435, accuracy: 1e-4)
        XCTAssertEqual(row(rs, "cat")["n"], "4")
        XCTAssertEqual(row(rs, "cat")["articles"], "3")
        XCTAssertEqual(row(rs, "sat")["articles"], "2")
        XCTAssertEqual(num(row(rs, "dog")["per_million"]), 65217.3913, accuracy: 1e-4)
        let stop = rows("articles | words stopwords min 3")
        XCTAssertNil(stop.first { $0["item"] == "the" })
        XCTAssertTrue(stop.allSatisfy { Int($0["n"]!)! >= 3 })
        XCTAssertEqual(num(row(stop, "cat")["per_million"]), 86956.5217, accuracy: 1e-4, "per million counts all words")
    }

    // python: bigrams within sentences: the cat 2, cat sat 2, sat on 2, on the 2
    func testBigramsStayInsideSentences() {
        let rs = rows("articles | ngrams 2")
        XCTAssertEqual(row(rs, "the cat")["n"], "2")
        XCTAssertEqual(row(rs, "cat sat")["n"], "2")
        XCTAssertEqual(row(rs, "on the")["n"], "2")
        XCTAssertNil(rs.first { $0["item"] == "mat the" }, "an n-gram crossed a sentence end")
    }

    // python: fn 4, W 13, N 46
    //   sat: O 3, E 1.1304347826086956, mi 1.4080847386370772, t 1.0793939815284308, ll 4.172696672519104, logdice 13.584962500721156
    //   the: O 2, E 2.260869565217391, mi -0.17687776208407915, t -0.18446263857040357, ll 0.051802438900762526, logdice 12.415037499278844
    //   a:   O 3, E 0.8478260869565217, mi 1.8231222379159207, t 1.2425581880385426, ll 8.134817093231323, logdice 13.777607578663552
    func testCollocatesMeasures() {
        let c = AnalysisStatsTests.corpus
        var counter = CollocationCounter(left: 2, right: 2)
        for i in c.articles.indices {
            let ut = UnitText(corpus: c, source: .articles, unit: i)
            counter.add(tokens: ut.allTokens, matches: MatchLocator(try! SearchQuery(.term("cat", exact: false))).spans(in: ut, corpus: c))
        }
        XCTAssertEqual(counter.tokens, 46)
        XCTAssertEqual(counter.windowTokens, 13)
        XCTAssertEqual(counter.nodes, 4)
        let all = Dictionary(uniqueKeysWithValues: counter.collocates(min: 1).map { ($0.item, $0) })
        let expected: [String: (Int, Double, Double, Double, Double, Double)] = [
            "sat": (3, 1.1304347826086956, 1.4080847386370772, 1.0793939815284308, 4.172696672519104, 13.584962500721156),
            "the": (2, 2.260869565217391, -0.17687776208407915, -0.18446263857040357, 0.051802438900762526, 12.415037499278844),
            "a": (3, 0.8478260869565217, 1.8231222379159207, 1.2425581880385426, 8.134817093231323, 13.777607578663552),
        ]
        for (w, e) in expected {
            guard let got = all[w] else { XCTFail("no collocate \(w)"); continue }
            XCTAssertEqual(got.observed, e.0, w)
            XCTAssertEqual(got.expected, e.1, accuracy: 1e-9, w)
            XCTAssertEqual(got.mi, e.2, accuracy: 1e-9, w)
            XCTAssertEqual(got.t, e.3, accuracy: 1e-9, w)
            // G² from python, signed here: negative when observed < expected.
            XCTAssertEqual(got.ll, (Double(e.0) < e.1 ? -1 : 1) * e.4, accuracy: 1e-9, w)
            XCTAssertEqual(got.logdice, e.5, accuracy: 1e-9, w)
        }
        // The stage shows the same numbers (rounded to 4 decimals).
        let rs = rows("articles | collocates cat window 2,2 measure ll min 1")
        XCTAssertEqual(rs.first?["item"], "a", "highest ll first")
        XCTAssertEqual(num(row(rs, "sat")["ll"]), 4.1727, accuracy: 1e-4)
        XCTAssertEqual(num(row(rs, "sat")["expected"]), 1.1304, accuracy: 1e-4)
        XCTAssertEqual(row(rs, "sat")["freq"], "4")
    }

    // python (source A vs the whole corpus; c 24, d 46):
    //   cat 3 4 ll 0.2207657688839899 logratio 0.5235619560570128
    //   dog 3 3 ll 0.6240053768507203 logratio 0.9385994553358568
    //   red 0 3 ll -2.5191230733615835 logratio -1.6463630453852995
    //   dogs 0 2 ll -1.6794153822410562 logratio -1.0614005446641435
    func testKeywordsAgainstTheCorpus() {
        XCTAssertEqual(Keyness.logLikelihood(a: 3, b: 4, c: 24, d: 46), 0.2207657688839899, accuracy: 1e-12)
        XCTAssertEqual(Keyness.logRatio(a: 3, b: 3, c: 24, d: 46), 0.9385994553358568, accuracy: 1e-12)
        XCTAssertEqual(Keyness.logLikelihood(a: 0, b: 3, c: 24, d: 46), -2.5191230733615835, accuracy: 1e-12)
        XCTAssertEqual(Keyness.logRatio(a: 0, b: 2, c: 24, d: 46), -1.0614005446641435, accuracy: 1e-12)
        let rs = rows("articles | where source == \"A\" | keywords vs corpus min 1")
        XCTAssertEqual(row(rs, "dog")["n"], "3")
        XCTAssertEqual(row(rs, "dog")["ref_n"], "3")
        XCTAssertEqual(num(row(rs, "dog")["ll"]), 0.6240, accuracy: 1e-4)
        XCTAssertEqual(num(row(rs, "red")["ll"]), -2.5191, accuracy: 1e-4)
        XCTAssertEqual(num(row(rs, "dogs")["logratio"]), -1.0614, accuracy: 1e-4)
        XCTAssertEqual(rs.last?["item"], "red", "the most negative keyword comes last")
    }

    // python: dist A 3 hits / 24 words = 125000.0; B 1 / 22 = 45454.545454545456
    func testDistribution() {
        let rs = rows("articles | search cat | distribution by source")
        XCTAssertEqual(row(rs, "A", key: "source")["hits"], "3")
        XCTAssertEqual(row(rs, "A", key: "source")["group_words"], "24")
        XCTAssertEqual(num(row(rs, "A", key: "source")["per_million"]), 125000, accuracy: 1e-6)
        XCTAssertEqual(row(rs, "B", key: "source")["hits"], "1")
        XCTAssertEqual(row(rs, "B", key: "source")["articles"], "1")
        XCTAssertEqual(row(rs, "B", key: "source")["group_articles"], "2")
        XCTAssertEqual(num(row(rs, "B", key: "source")["per_million"]), 45454.5455, accuracy: 1e-4)
    }

    func testSummarize() {
        let rs = rows("articles | summarize n = count(), total = sum(words), mean = avg(words), first = min(date), sources = distinct(source)")
        XCTAssertEqual(rs.first?["n"], "4")
        XCTAssertEqual(rs.first?["total"], "46")
        XCTAssertEqual(num(rs.first?["mean"]), 11.5, accuracy: 1e-9)
        XCTAssertEqual(rs.first?["first"], "2021-08-01")
        XCTAssertEqual(rs.first?["sources"], "2")
    }

    func testSampleIsReproducibleAndKeepsOrder() {
        var a = Sampler(seed: 7), b = Sampler(seed: 7)
        let x = a.choose(5, of: 100), y = b.choose(5, of: 100)
        XCTAssertEqual(x, y)
        XCTAssertEqual(x, x.sorted())
        XCTAssertEqual(Set(x).count, 5)
        var c = Sampler(seed: 8)
        XCTAssertNotEqual(c.choose(5, of: 100), x)
        XCTAssertEqual(rows("sentences | sample 3 seed 3 | select id"), rows("sentences | sample 3 seed 3 | select id"))
    }

    func testChartTimelineFillsMissingDays() {
        let rs = rows("articles | count by date | chart")
        XCTAssertEqual(rs.map { $0["date"]! }, ["2021-08-01", "2021-08-02", "2021-08-03", "2021-08-04"])
        XCTAssertEqual(rs.map { $0["n"]! }, ["1", "2", "0", "1"])
        XCTAssertEqual(rs[1]["bar"], String(repeating: "█", count: 40))
        XCTAssertEqual(rs[0]["bar"], String(repeating: "█", count: 20))
    }

    func testRowOrderDoesNotChangeTheCounts() {
        XCTAssertEqual(rows("articles | sort by id desc | words"), rows("articles | words"))
        XCTAssertEqual(rows("sentences | sort by text | ngrams 2"), rows("sentences | ngrams 2"))
    }

    func testStopwordFile() throws {
        let dir = try StoreTempDir()
        let path = try dir.write("stop.txt", "# my list\nthe\nCat dog\n")
        let rs = rows("articles | words stopwords \"\(path)\"")
        XCTAssertNil(rs.first { ["the", "cat", "dog"].contains($0["item"]!) })
        XCTAssertEqual(row(rs, "sat")["n"], "4")
        XCTAssertEqual(num(row(rs, "sat")["per_million"]), 86956.5217, accuracy: 1e-4)
    }

    func testChartBars() {
        XCTAssertEqual(Chart.bar(1, max: 4, width: 8), "██")
        XCTAssertEqual(Chart.bar(1, max: 3, width: 8), "██▋")   // 2.667 cells: 2 whole, 5/8
        XCTAssertEqual(Chart.bar(0, max: 3), "")
        XCTAssertEqual(Chart.bar(0.001, max: 3), "▏", "a value above zero always shows")
    }

    // On the sample corpus, Tests/reference/stats_reference.py over the counted
    // sentence texts (`sentences | where kind != "boilerplate" and not duplicate`,
    // headlines included; tokenized with [^\W_]+, accents removed, then the
    // analysis view: no possessive s, also after a dot as in Co.'s; U.S. one
    // word): N 4576, fn 108, W 571;
    // item O f E mi t ll logdice:
    //   japan 32 96 11.979 1.4176 3.5392 28.8734 12.3276
    //   strait 8 9 1.123 2.8326 2.4314 27.3818 11.1296
    //   relations 7 13 1.6222 2.1094 2.0326 12.8494 10.8885
    //   the 29 268 33.4414 -0.2056 -0.8248 -0.7433 11.3034
    func testCollocatesOnTheSampleCorpus() {
        let (out, status) = Fixtures.run("sentences | collocates taiwan window 3,3 min 1", mode: .csv)
        XCTAssertEqual(status, 0)
        XCTAssertTrue(out.contains("(node taiwan: 108 matches; window 3,3: 571 tokens; rows: 4,576 tokens)"), out)
        let lines = out.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        var byItem: [String: [String: String]] = [:]
        for l in lines.dropFirst() where !l.hasPrefix("(") {
            let cells = l.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            byItem[cells[0]] = Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
        let expected: [String: [Double]] = [
            "japan": [32, 96, 11.979, 1.4176, 3.5392, 28.8734, 12.3276],
            "strait": [8, 9, 1.123, 2.8326, 2.4314, 27.3818, 11.1296],
            "relations": [7, 13, 1.6222, 2.1094, 2.0326, 12.8494, 10.8885],
            "the": [29, 268, 33.4414, -0.2056, -0.8248, -0.7433, 11.3034],  // ll signed: 29 < 33.4
        ]
        // The table shows logdice (the default); the other measures come from the hidden fields.
        let (all, _) = Fixtures.run("sentences | collocates taiwan window 3,3 min 1 | select item, observed, freq, expected, mi, t, ll, logdice", mode: .csv)
        for l in all.split(separator: "\n").dropFirst() where !l.hasPrefix("(") {
            let c = l.split(separator: ",").map(String.init)
            guard let e = expected[c[0]] else { continue }
            for (k, v) in e.enumerated() { XCTAssertEqual(Double(c[k + 1])!, v, accuracy: 1e-4, "\(c[0]) column \(k + 1)") }
            byItem[c[0]] = nil
        }
        XCTAssertTrue(expected.keys.allSatisfy { byItem[$0] == nil }, "not every expected collocate was checked")
    }

    // On the sample corpus, Tests/reference/stats_reference.py over the indexed paragraphs
    // (`paragraphs | where kind != "boilerplate" and not duplicate | select src = article.source, text`):
    // Newsweek c 2574 vs the other outlets d 2002 (headlines included);  item a b ll logratio:
    //   tsai 11 1 7.4273 3.0969 / no 8 0 9.2058 3.6374 / two 2 9 -6.7506 -2.5325
    //   sato 6 15 -6.5774 -1.6845 / talks 16 26 -5.5785 -1.063
    func testKeywordsOnTheSampleCorpus() {
        let script = """
        let nw = articles | where source == "Newsweek"
        let others = articles | where source != "Newsweek"
        nw | keywords vs others min 1 | select item, n, ref_n, ll, logratio
        """
        let (out, status) = Fixtures.run(script, mode: .csv)
        XCTAssertEqual(status, 0, out)
        XCTAssertTrue(out.contains("(these rows: 2,574 tokens; reference others: 2,002 tokens)"), out)
        let rows = out.split(separator: "\n").filter { $0.contains(",") && !$0.hasPrefix("item") && !$0.hasPrefix("(") }
            .map { $0.split(separator: ",").map(String.init) }
            .filter { ["tsai", "no", "two", "sato", "talks"].contains($0[0]) }
        XCTAssertEqual(rows.map { $0[0] }, ["no", "tsai", "talks", "sato", "two"], "positive keywords first, the most negative last")
        let expected: [String: [Double]] = [
            "tsai": [11, 1, 7.4273, 3.0969], "no": [8, 0, 9.2058, 3.6374], "two": [2, 9, -6.7506, -2.5325],
            "sato": [6, 15, -6.5774, -1.6845], "talks": [16, 26, -5.5785, -1.063],
        ]
        for r in rows {
            for (k, v) in expected[r[0]]!.enumerated() { XCTAssertEqual(Double(r[k + 1])!, v, accuracy: 1e-4, "\(r[0]) column \(k + 1)") }
        }
    }
}
