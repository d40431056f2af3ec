import XCTest
import CSQLite
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// The reference test of DESIGN.md section 4: for documents, word, phrase,
/// prefix, NEAR and AND/OR/NOT queries match the same articles as SQLite FTS5
/// with `tokenize='unicode61 remove_diacritics 2'` over the same texts.
///
/// A document has two columns, as a news table in SQLite would: `title` and
/// `body`. For a record they are its own fields (a record may have a title
/// and no body); for a text file the title is the headline newsq found and
/// the body the rest of the file. FTS5 matches a query's words in any column,
/// and a phrase or NEAR group within one column: newsq's article units hold
/// the headline and the body, with the headline a field of its own. Queries are generated from the corpus (seeded): words of every
/// frequency, phrases and NEAR pairs cut from real text, prefixes, and boolean
/// combinations. Runs on the built-in sample and, when `bench/data/news.jsonl`
/// has been fetched (`make bench`), on its first few thousand documents.
final class FTS5DifferentialTests: XCTestCase {
    /// An in-memory FTS5 table over documents; rowid = document index + 1.
    final class FTS5 {
        var db: OpaquePointer?

        /// Documents of one column (a body, no title).
        convenience init(_ bodies: [String]) throws {
            try self.init(documents: bodies.map { (title: "", body: $0) })
        }

        init(documents docs: [(title: String, body: String)]) throws {
            guard sqlite3_open(":memory:", &db) == SQLITE_OK else { throw XCTSkip("sqlite3 cannot open a database") }
            try exec("CREATE VIRTUAL TABLE d USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')")
            try exec("BEGIN")
            var st: OpaquePointer?
            guard sqlite3_prepare_v2(db, "INSERT INTO d(rowid, title, body) VALUES (?, ?, ?)", -1, &st, nil) == SQLITE_OK else { throw failure() }
            defer { sqlite3_finalize(st) }
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            for (i, d) in docs.enumerated() {
                sqlite3_reset(st)
                sqlite3_bind_int64(st, 1, Int64(i + 1))
                sqlite3_bind_text(st, 2, d.title, -1, transient)
                sqlite3_bind_text(st, 3, d.body, -1, transient)
                guard sqlite3_step(st) == SQLITE_DONE else { throw failure() }
            }
            try exec("COMMIT")
        }

        /// The two columns of newsq's articles: the headline found (its
        /// paragraph of kind title) and the rest of the text.
        convenience init(corpus: Corpus) throws {
            try self.init(documents: corpus.articles.map { a in
                guard let p = a.paragraphs.first(where: { corpus.paragraphs[$0].kind == .title }) else { return ("", a.text) }
                let r = corpus.paragraphs[p].range
                let u = Array(a.text.utf8)
                return (String(decoding: u[r], as: UTF8.self),
                        String(decoding: u[..<r.lowerBound], as: UTF8.self) + "\n" + String(decoding: u[r.upperBound...], as: UTF8.self))
            })
        }

        deinit { sqlite3_close(db) }

        func exec(_ sql: String) throws {
            guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw failure() }
        }

        func failure() -> Error {
            NSError(domain: "fts5", code: 1, userInfo: [NSLocalizedDescriptionKey: String(cString: sqlite3_errmsg(db))])
        }

        /// Document indices matching an FTS5 query.
        func match(_ q: String) throws -> [Int] {
            var st: OpaquePointer?
            guard sqlite3_prepare_v2(db, "SELECT rowid FROM d WHERE d MATCH ? ORDER BY rowid", -1, &st, nil) == SQLITE_OK else { throw failure() }
            defer { sqlite3_finalize(st) }
            sqlite3_bind_text(st, 1, q, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            var out: [Int] = []
            while true {
                let rc = sqlite3_step(st)
                if rc == SQLITE_ROW { out.append(Int(sqlite3_column_int64(st, 0)) - 1); continue }
                guard rc == SQLITE_DONE else { throw failure() }
                return out
            }
        }
    }

    /// One generated query in both syntaxes.
    struct Pair { var newsq: String; var fts5: String }

    /// The articles newsq's `articles | search Q` matches (parse, bind, index).
    func newsqMatches(_ q: String, _ corpus: Corpus) throws -> [Int] {
        let text = "articles | search \(q)"
        let (st, diags) = Parser.parse(text)
        guard case let .query(p)? = st, !diags.hasErrors else { throw NSError(domain: "parse", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(text): \(diags.items)"]) }
        var b = Binder(statement: text, bindings: [:])
        guard let bound = b.bind(p), case let .search(tq, _)? = bound.stages.first else {
            throw NSError(domain: "bind", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(text): \(b.diagnostics.items)"])
        }
        return try corpus.index.search(tq, unit: .article, scoring: false).map(\.unit)
    }

    /// Generated queries over the corpus's own words and word runs.
    func generate(_ corpus: Corpus, count: Int, seed: UInt64) -> [Pair] {
        let ix = corpus.index
        var rng = SplitMix64(seed: seed)
        let reserved: Set<String> = ["and", "or", "not", "near"]
        func plain(_ t: String) -> Bool {
            !t.isEmpty && !reserved.contains(t) && t.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }
        }
        // Words by frequency band, so rare and very common words both appear;
        // words with letters beyond ASCII form a band of their own.
        var bands: [[String]] = [[], [], [], [], []]
        for id in 0..<ix.termCount {
            let t = ix.term(id)
            if !t.utf8.allSatisfy({ $0 < 0x80 }), t.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) {
                bands[4].append(t)
                continue
            }
            guard plain(t) else { continue }
            let f = ix.frequency(ofTerm: id)
            bands[f <= 2 ? 0 : f <= 20 ? 1 : f <= 200 ? 2 : 3].append(t)
        }
        bands.removeAll { $0.isEmpty }
        func word() -> String { bands.randomElement(using: &rng)!.randomElement(using: &rng)! }
        /// A run of `n` consecutive plain tokens of a random article (nil when none found).
        func run(_ n: Int, gap: Int = 0) -> [String]? {
            for _ in 0..<20 {
                let a = Int.random(in: 0..<corpus.articles.count, using: &rng)
                let ps = ix.positions(of: .article, a)
                guard ps.count > n + gap else { continue }
                let p = Int.random(in: ps.lowerBound..<(ps.upperBound - n - gap), using: &rng)
                var ws = (0..<n).map { ix.term(ix.termID(at: p + $0)) }
                if gap > 0 { ws[n - 1] = ix.term(ix.termID(at: p + n - 1 + gap)) }
                if ws.allSatisfy(plain) { return ws }
            }
            return nil
        }
        func atom() -> Pair {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0...3:
                let w = word()
                return Pair(newsq: w, fts5: "\"\(w)\"")
            case 4, 5:
                guard let ws = run(Int.random(in: 2...3, using: &rng)) else { fallthrough }
                return Pair(newsq: "\"" + ws.joined(separator: " ") + "\"", fts5: "\"" + ws.joined(separator: " ") + "\"")
            case 6:
                let w = word()
                let stem = String(w.prefix(max(1, min(w.count, Int.random(in: 2...5, using: &rng)))))
                return Pair(newsq: stem + "*", fts5: "\"\(stem)\"*")
            default:
                let gap = Int.random(in: 0...14, using: &rng)
                let n = Int.random(in: 0...12, using: &rng)
                let ws = run(2, gap: gap) ?? [word(), word()]
                let (a, b) = Bool.random(using: &rng) ? (ws[0], ws[1]) : (ws[1], ws[0])
                let useDefault = n == 12
                return Pair(newsq: useDefault ? "near(\(a), \(b))" : "near(\(a), \(b), \(n))",
                            fts5: useDefault ? "NEAR(\"\(a)\" \"\(b)\")" : "NEAR(\"\(a)\" \"\(b)\", \(n))")
            }
        }
        var out: [Pair] = []
        for _ in 0..<count {
            let x = atom()
            switch Int.random(in: 0..<8, using: &rng) {
            case 0...3:
                out.append(x)
            case 4:
                let y = atom()
                out.append(Pair(newsq: "\(x.newsq) AND \(y.newsq)", fts5: "\(x.fts5) AND \(y.fts5)"))
            case 5:
                let y = atom()
                out.append(Pair(newsq: "\(x.newsq) \(y.newsq)", fts5: "\(x.fts5) \(y.fts5)"))
            case 6:
                let y = atom()
                out.append(Pair(newsq: "\(x.newsq) OR \(y.newsq)", fts5: "\(x.fts5) OR \(y.fts5)"))
            default:
                let y = atom(), z = atom()
                out.append(Pair(newsq: "(\(x.newsq) OR \(y.newsq)) AND NOT \(z.newsq)", fts5: "(\(x.fts5) OR \(y.fts5)) NOT \(z.fts5)"))
            }
        }
        return out
    }

    /// Runs the pairs on both engines; returns the mismatches (query, newsq only, FTS5 only).
    func compare(_ corpus: Corpus, _ pairs: [Pair], documents: [(title: String, body: String)]? = nil) throws -> [String] {
        let fts = try documents.map { try FTS5(documents: $0) } ?? FTS5(corpus: corpus)
        var bad: [String] = []
        var nonEmpty = 0
        for p in pairs {
            let mine = try newsqMatches(p.newsq, corpus)
            let ref = try fts.match(p.fts5)
            if !ref.isEmpty { nonEmpty += 1 }
            if ProcessInfo.processInfo.environment["NEWSQ_DIFF_SHOW"] != nil { print("diff: \(p.newsq) | \(p.fts5) -> \(mine.count) / \(ref.count)") }
            if mine != ref {
                let a = Set(mine), b = Set(ref)
                bad.append("\(p.newsq)  [fts5: \(p.fts5)]: newsq \(mine.count), fts5 \(ref.count); only newsq \(Array(a.subtracting(b).sorted().prefix(5))), only fts5 \(Array(b.subtracting(a).sorted().prefix(5)))")
            }
        }
        // The generator must produce queries that match something, or the test proves little.
        XCTAssertGreaterThan(nonEmpty, pairs.count / 2, "too few generated queries match anything")
        return bad
    }

    func testSampleMatchesFTS5() throws {
        let bad = try compare(Fixtures.sample, generate(Fixtures.sample, count: 400, seed: 5))
        XCTAssertEqual(bad, [], "\(bad.count) queries differ from FTS5")
    }

    /// Hand-picked cases: hyphens, apostrophes, dotted names, diacritics, digits, NEAR edges.
    func testEdgeCasesMatchFTS5() throws {
        let docs = [
            "Lo Chih-cheng said Japan's role grew. The U.S. agreed.",
            "Café au lait, naïve résumé; Ångström and Øresund. ß straße.",
            "one two three four five six seven eight nine ten eleven twelve",
            "twelve eleven ten nine eight seven six five four three two one",
            "2021-08-27 talks: 1st-ever security dialogue (DPP/LDP) — “quoted” words…",
            "alpha beta alpha beta gamma",
        ]
        let tmp = try StoreTempDir()
        for (i, d) in docs.enumerated() { try tmp.write("d\(i).txt", d) }
        let corpus = try CorpusLoader.load(paths: [tmp.path])
        let pairs: [Pair] = [
            Pair(newsq: "Chih-cheng", fts5: "\"chih cheng\""), Pair(newsq: "japan", fts5: "japan"),
            Pair(newsq: "\"japan s\"", fts5: "\"japan s\""), Pair(newsq: "U.S.", fts5: "\"u s\""),
            Pair(newsq: "cafe", fts5: "cafe"), Pair(newsq: "naive", fts5: "naive"), Pair(newsq: "resume", fts5: "resume"),
            Pair(newsq: "angstrom", fts5: "angstrom"), Pair(newsq: "oresund", fts5: "oresund"), Pair(newsq: "øresund", fts5: "øresund"),
            Pair(newsq: "straße", fts5: "straße"), Pair(newsq: "strasse", fts5: "strasse"),
            Pair(newsq: "near(one, twelve, 10)", fts5: "NEAR(one twelve, 10)"),
            Pair(newsq: "near(one, twelve, 9)", fts5: "NEAR(one twelve, 9)"),
            Pair(newsq: "near(two, eleven, 8)", fts5: "NEAR(two eleven, 8)"),
            Pair(newsq: "near(two, eleven, 7)", fts5: "NEAR(two eleven, 7)"),
            Pair(newsq: "near(\"one two\", twelve, 9)", fts5: "NEAR(\"one two\" twelve, 9)"),
            Pair(newsq: "near(\"one two\", twelve, 8)", fts5: "NEAR(\"one two\" twelve, 8)"),
            Pair(newsq: "near(alpha, alpha, 0)", fts5: "NEAR(alpha alpha, 0)"),
            Pair(newsq: "near(beta, gamma, 0)", fts5: "NEAR(beta gamma, 0)"),
            Pair(newsq: "near(one, two, three, 1)", fts5: "NEAR(one two three, 1)"),
            Pair(newsq: "near(one, three, five, 1)", fts5: "NEAR(one three five, 1)"),
            Pair(newsq: "near(one, three, five, 2)", fts5: "NEAR(one three five, 2)"),
            Pair(newsq: "near(secur*, dialogue, 0)", fts5: "NEAR(secur* dialogue, 0)"),
            Pair(newsq: "1st", fts5: "\"1st\""), Pair(newsq: "\"1st ever\"", fts5: "\"1st ever\""),
            Pair(newsq: "2021", fts5: "\"2021\""), Pair(newsq: "dpp ldp", fts5: "dpp ldp"),
            Pair(newsq: "quoted", fts5: "quoted"), Pair(newsq: "t*", fts5: "t*"),
            Pair(newsq: "Chih-ch*", fts5: "\"chih ch\"*"), Pair(newsq: "japan's*", fts5: "\"japan s\"*"),
            Pair(newsq: "1st-ev*", fts5: "\"1st ev\"*"),
        ]
        let fts = try FTS5(corpus: corpus)
        for p in pairs {
            XCTAssertEqual(try newsqMatches(p.newsq, corpus), try fts.match(p.fts5), p.newsq)
        }
        // every position's byte range is found again in the text (checkpoints + re-scan)
        for (i, a) in corpus.articles.enumerated() {
            let toks = Tokenizer.tokens(a.text)
            XCTAssertEqual(corpus.index.positions(of: .article, i).map { corpus.index.byteRange(at: $0) }, toks.map(\.range))
        }
    }

    /// Regression: the benchmark's "said" count was one document short of FTS5's
    /// because text judged boilerplate (a byline, a "Read more" tail, a repeated
    /// line) was kept out of the article's index. An article is its whole text.
    func testBoilerplateStillCountsForTheDocument() throws {
        let tmp = try StoreTempDir()
        try tmp.write("b.jsonl", """
        {"id": "1", "body": "Markets were calm.\\n\\nRead more\\nThe minister said nothing."}
        {"id": "2", "body": "By John Said"}
        {"id": "3", "body": "Prices rose.\\nPrices rose.\\nPrices rose."}
        """)
        let corpus = try CorpusLoader.load(paths: [tmp.path + "/b.jsonl"])
        let fts = try FTS5(corpus: corpus)
        for q in ["said", "minister", "john", "\"prices rose prices\"", "near(markets, said, 6)"] {
            let ref = try fts.match(q.hasPrefix("near") ? "NEAR(markets said, 6)" : q)
            XCTAssertEqual(try newsqMatches(q, corpus), ref, q)
            XCTAssertFalse(ref.isEmpty, q)
        }
    }

    /// Titles are searched with bodies, each its own column: a word in either
    /// matches, a phrase or NEAR group does not run from the title into the
    /// body; a record with a title and no body is found by its title.
    func testTitlesAreSearchedAsColumns() throws {
        let records: [(title: String, body: String)] = [
            ("Russia warns Japan", "Russian officials said the talks would go on."),
            ("Talks end in Moscow", "Moscow talks resumed on Friday after a pause."),
            ("Storm hits the coast", ""),
            ("", "Untitled wire copy about Russia and the coast."),
            ("Japan Taiwan talks", "Japan Taiwan talks were held by video link."),
        ]
        let tmp = try StoreTempDir()
        func json(_ s: String) -> String {
            String(data: try! JSONSerialization.data(withJSONObject: [s], options: []), encoding: .utf8)!.dropFirst().dropLast().description
        }
        let lines = records.enumerated().map { i, r in
            "{\"id\": \"r\(i)\"" + (r.title.isEmpty ? "" : ", \"title\": \(json(r.title))") + ", \"body\": \(json(r.body))}"
        }
        try tmp.write("t.jsonl", lines.joined(separator: "\n"))
        let corpus = try CorpusLoader.load(paths: [tmp.path + "/t.jsonl"])
        XCTAssertEqual(corpus.articles.count, records.count, "a title-only record loads")
        XCTAssertTrue(corpus.notes.contains { $0.contains("1 record has a title and no body") }, "\(corpus.notes)")
        let fts = try FTS5(documents: records)
        let pairs: [Pair] = [
            Pair(newsq: "russia", fts5: "russia"), Pair(newsq: "russian", fts5: "russian"),
            Pair(newsq: "storm", fts5: "storm"), Pair(newsq: "coast", fts5: "coast"),
            Pair(newsq: "\"moscow moscow\"", fts5: "\"moscow moscow\""),
            Pair(newsq: "\"japan taiwan talks\"", fts5: "\"japan taiwan talks\""),
            Pair(newsq: "\"talks japan\"", fts5: "\"talks japan\""),
            Pair(newsq: "near(japan, russian, 3)", fts5: "NEAR(japan russian, 3)"),
            Pair(newsq: "near(moscow, moscow, 0)", fts5: "NEAR(moscow moscow, 0)"),
            Pair(newsq: "near(end, moscow, 1)", fts5: "NEAR(end moscow, 1)"),
            Pair(newsq: "russia AND officials", fts5: "russia AND officials"),
            Pair(newsq: "coast NOT storm", fts5: "coast NOT storm"),
        ]
        for p in pairs {
            XCTAssertEqual(try newsqMatches(p.newsq, corpus), try fts.match(p.fts5), p.newsq)
        }
        // and the statement a user types: the headline says Russia, the body Russian
        let sink = StringSink()
        var settings = Settings()
        settings.render.mode = .csv
        let session = Session(corpus: corpus, out: sink, err: sink, settings: settings, interrupt: Interrupt())
        XCTAssertTrue(session.runStatement("articles | search russia | select id"))
        XCTAssertTrue(sink.text.contains("r0"), sink.text)
    }

    /// The benchmark corpus (first documents), when it has been fetched.
    func testBenchCorpusMatchesFTS5() throws {
        let path = Fixtures.root.appendingPathComponent("bench/data/news.jsonl").path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw XCTSkip("bench/data/news.jsonl is absent (make bench fetches it)")
        }
        let limit = Int(ProcessInfo.processInfo.environment["NEWSQ_DIFF_DOCS"] ?? "") ?? 4000
        let lines = data.split(separator: UInt8(ascii: "\n"), maxSplits: limit, omittingEmptySubsequences: true).prefix(limit)
        let tmp = try StoreTempDir()
        try tmp.write("news.jsonl", Data(lines.joined(separator: [UInt8(ascii: "\n")])))
        let corpus = try CorpusLoader.load(paths: [tmp.path + "/news.jsonl"])
        XCTAssertEqual(corpus.articles.count, lines.count)
        // the two columns straight from the records, not from newsq's reading of them
        let docs: [(title: String, body: String)] = try lines.map { line in
            let o = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] ?? [:]
            return ((o["title"] as? String) ?? "", (o["body"] as? String) ?? "")
        }
        let bad = try compare(corpus, generate(corpus, count: 300, seed: 7), documents: docs)
        XCTAssertEqual(bad, [], "\(bad.count) queries differ from FTS5")
    }
}
