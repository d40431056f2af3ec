import XCTest
import Foundation
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Ctrl-C (the session's `Interrupt`, raised from another thread as the
/// signal handler would) and the regex watchdog: a long statement gives the
/// session back promptly with a note, and the corpus, `let` names and
/// settings are as they were. Bounds here are hang guards, not timings.
final class CancellationTests: XCTestCase {
    /// A pattern the static check lets through but that backtracks for minutes.
    static let slowRegex = "/" + String(repeating: "a?", count: 30) + String(repeating: "a", count: 30) + "/"

    /// Raises `interrupt` after `delay` seconds on another thread.
    private func pressCtrlC(_ interrupt: Interrupt, after delay: Double) {
        Thread.detachNewThread {
            usleep(UInt32(delay * 1_000_000))
            interrupt.raise()
        }
    }

    func testCtrlCStopsAPathologicalRegex() {
        let interrupt = Interrupt()
        let (s, sink) = Hardening.session(interrupt: interrupt)
        XCTAssertTrue(s.runStatement("let nw = articles | where source == \"Newsweek\""))
        pressCtrlC(interrupt, after: 0.3)
        let started = Date()
        // The regex budget (2 s, or NEWSQ_REGEX_BUDGET) may also stop it; either way it ends with a message.
        let ok = s.runStatement("sentences | where text matches \(Self.slowRegex) | count")
        XCTAssertFalse(ok)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "a hang guard, not a timing")
        XCTAssertTrue(sink.text.contains("cancelled") || sink.text.contains("was stopped"), sink.text)
        if sink.text.contains("cancelled") {
            XCTAssertTrue(sink.text.contains("(Ctrl-C) after ") && sink.text.contains(" in FILTER"), "says where it was: \(sink.text)")
            // the time to a tenth of a second ("after 0.3 s"), not "after 0.3217 s"
            XCTAssertNotNil(sink.text.range(of: #"after [0-9]+(\.[0-9])? s in"#, options: .regularExpression), sink.text)
        }
        Hardening.assertIntact(s, sink, binding: "nw")
    }

    func testTheRegexBudgetStopsOneLongMatch() {
        let (s, sink) = Hardening.session()
        let started = Date()
        XCTAssertFalse(s.runStatement("articles | where \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" matches \(Self.slowRegex) | count"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 30, "a hang guard")
        XCTAssertTrue(sink.text.contains("was stopped: one match ran over"), sink.text)
        XCTAssertTrue(sink.text.contains("nothing was changed"), sink.text)
        Hardening.assertIntact(s, sink)
    }

    func testALetCancelledBindsNothing() {
        let interrupt = Interrupt()
        let (s, sink) = Hardening.session(interrupt: interrupt)
        pressCtrlC(interrupt, after: 0.3)
        XCTAssertFalse(s.runStatement("let slow = sentences | where text matches \(Self.slowRegex)"))
        XCTAssertFalse(s.bindingNames.contains("slow"))
        Hardening.assertIntact(s, sink)
    }

    func testAnInterruptRaisedBeforeAStatementDoesNotCancelIt() {
        let interrupt = Interrupt()
        let (s, sink) = Hardening.session(interrupt: interrupt)
        interrupt.raise()
        XCTAssertTrue(s.runStatement("articles | count"), sink.text)
    }

    func testOperatorsPollTheFlag() throws {
        // Every operator loop stops on the flag: run each kind with the flag already up.
        let interrupt = Interrupt()
        let ctx = ExecutionContext(corpus: Fixtures.sample, interrupt: interrupt)
        interrupt.raise()
        let statements = [
            "sentences", "sentences | where words > 0", "sentences | select text", "sentences | sort by words",
            "sentences | top 3 by words", "sentences | count by article", "sentences | search japan",
            "sentences | take 3",
            // the analysis stages and derived sources
            "sentences | search china | kwic width 30", "articles | words", "articles | ngrams 2",
            "articles | collocates china window 3,3", "articles | keywords vs corpus",
            "sentences | search taiwan | distribution by article.source", "sentences | sample 5 seed 7",
            "paragraphs | select kind | distinct", "articles | count by date | chart n", "articles | count | expect n == 5",
            "articles | summarize n = count() by source", "quotes", "entities", "mentions", "shared",
        ]
        for text in statements {
            guard let prepared = StatementPath.prepare(text, bindings: [:]).0, let plan = prepared.plan else { return XCTFail(text) }
            XCTAssertThrowsError(try PhysicalPlanner.build(plan).run(ctx), text) { error in
                XCTAssertEqual(error as? ExecutionError, .cancelled, text)
            }
        }
    }

    /// A long `.load` (one big file: no between-files check helps) is cut by Ctrl-C; the old corpus stays.
    func testCtrlCStopsALongLoad() throws {
        let dir = try Hardening.scratch("bigload")
        defer { try? FileManager.default.removeItem(at: dir) }
        let words = ["japan", "taiwan", "security", "talks", "the", "of", "party", "strait."]
        var text = ""
        text.reserveCapacity(16 << 20)
        var i = 0
        while text.utf8.count < 12 << 20 { text += words[i % words.count] + (i % 17 == 0 ? "\n\n" : " "); i += 1 }
        let file = dir.appendingPathComponent("big.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let interrupt = Interrupt()
        let (s, sink) = Hardening.session(interrupt: interrupt)
        XCTAssertTrue(s.runStatement("let nw = articles | where source == \"Newsweek\""))
        pressCtrlC(interrupt, after: 0.2)
        let started = Date()
        XCTAssertEqual(s.run(TextLineSource(text: ".load \(file.path)\n", name: "t")), 1)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "a hang guard")
        // a cancellation is no error: it reads as a statement's does, and says what was kept
        XCTAssertTrue(sink.text.contains("cancelled: loading was stopped (Ctrl-C)"), sink.text)
        XCTAssertTrue(sink.text.contains("the corpus loaded before is kept"), sink.text)
        XCTAssertFalse(sink.text.contains("error["), sink.text)
        Hardening.assertIntact(s, sink, binding: "nw")
    }

    func testLoadStopsBetweenFilesWhenAsked() throws {
        let dir = try Hardening.scratch("many")
        defer { try? FileManager.default.removeItem(at: dir) }
        for i in 0..<5 {
            try "Article \(i)\n\nSome text about Japan.\n".write(to: dir.appendingPathComponent("a\(i).txt"), atomically: true, encoding: .utf8)
        }
        var asked = 0
        XCTAssertThrowsError(try CorpusLoader.load(paths: [dir.path], shouldStop: { asked += 1; return asked > 2 })) { error in
            XCTAssertEqual(error as? CorpusLoadError, .cancelled(done: 2, total: 5))
            XCTAssertEqual("\(error)", "loading was cancelled (Ctrl-C) after 2 of 5 files")
        }
    }
}

extension CancellationTests {
    /// Ctrl-C during a `.read` stops the whole script, not just one statement.
    func testCtrlCStopsAWholeScript() throws {
        let dir = try Hardening.scratch("script")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("slow.q").path
        let slow = "/" + String(repeating: "a?", count: 30) + String(repeating: "a", count: 30) + "/"
        try "sentences | where text matches \(slow) | count\nlet after = articles\narticles | count\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let interrupt = Interrupt()
        let (s, sink) = Hardening.session(interrupt: interrupt)
        Thread.detachNewThread { usleep(300_000); interrupt.raise() }
        XCTAssertEqual(s.run(TextLineSource(text: ".read \(path)\n", name: "t")), 1)
        if sink.text.contains("cancelled") {
            XCTAssertTrue(sink.text.contains("stopped by Ctrl-C at line 1"), sink.text)
            XCTAssertFalse(s.bindingNames.contains("after"), "the rest of the script did not run")
        }
        interrupt.clear()
        Hardening.assertIntact(s, sink)
    }
}

extension CancellationTests {
    /// One big JSON Lines file: the load reports its bytes as it reads, and a
    /// stop asked for inside the file ends the load there.
    func testLoadStopsInsideOneFileAndReportsBytes() throws {
        let dir = try Hardening.scratch("onefile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("big.jsonl").path
        var text = ""
        for i in 0..<3000 {
            text += "{\"id\": \"a\(i)\", \"title\": \"Report \(i)\", \"body\": \"Officials in Tokyo met their counterparts on \(i) issues.\"}\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let size = text.utf8.count

        // a whole load: reading reaches the file's size, indexing the text's, never going back
        var reports: [LoadProgress] = []
        let corpus = try CorpusLoader.load(paths: [path], progress: { reports.append($0) })
        XCTAssertEqual(corpus.articles.count, 3000)
        let reading = reports.filter { $0.step == .reading }, indexing = reports.filter { $0.step == .indexing }
        XCTAssertEqual(reading.last?.done, size)
        XCTAssertEqual(reading.last?.total, size)
        XCTAssertGreaterThan(reading.count, 3, "progress inside the file, not only at its end")
        XCTAssertEqual(indexing.last?.done, indexing.last?.total)
        XCTAssertEqual(zip(reading, reading.dropFirst()).filter { $0.done > $1.done }.count, 0)
        XCTAssertEqual(zip(indexing, indexing.dropFirst()).filter { $0.done > $1.done }.count, 0)

        // a stop asked while the file is read
        var asked = 0
        XCTAssertThrowsError(try CorpusLoader.load(paths: [path], shouldStop: { asked += 1; return asked > 3 })) { error in
            XCTAssertEqual(error as? CorpusLoadError, .cancelled(done: 0, total: 1))
            XCTAssertEqual("\(error)", "loading was cancelled (Ctrl-C) while reading the file")
        }
        // a stop asked while the articles are indexed
        var readingDone = false
        XCTAssertThrowsError(try CorpusLoader.load(paths: [path], progress: { if $0.step == .indexing { readingDone = true } },
                                                   shouldStop: { readingDone })) { error in
            XCTAssertEqual(error as? CorpusLoadError, .cancelled(done: 1, total: 1))
            XCTAssertEqual("\(error)", "loading was cancelled (Ctrl-C) while indexing the articles read")
        }
    }

    /// The corpus a session has when its first load was cancelled: every
    /// source answers with no rows, and `.load` brings a corpus.
    func testAnEmptyCorpusAnswersAndLoads() {
        let sink = StringSink()
        var settings = Settings()
        settings.render.mode = .csv
        let s = Session(corpus: CorpusLoader.empty(), out: sink, err: sink, settings: settings)
        for statement in ["articles | count", "sentences | words | top 3 by n", "quotes | count", "entities | count",
                          "mentions | count", "articles | search china | kwic china", "articles | count by source"] {
            XCTAssertTrue(s.runStatement(statement), "\(statement): \(sink.text)")
        }
        XCTAssertEqual(s.run(TextLineSource(text: ".corpus\n.load sample\narticles | count\n", name: "t")), 0, sink.text)
        XCTAssertTrue(sink.text.hasSuffix("n\n5\n"), sink.text)
    }
}

extension CancellationTests {
    /// Ctrl-C while quotations are computed on first use stops them and says so, naming the
    /// table being computed; the computation stops too and keeps nothing; the session answers
    /// again, and a later `quotes` computes them whole.
    func testCtrlCWhileQuotationsAreComputedNamesThem() throws {
        let dir = try StoreTempDir()
        let sentence = "\u{201C}The terms of round %d are unfair,\u{201D} said Ingrid Berg, a trade minister in Geneva. "
        try dir.write("long.txt", "Talks\n\n" + (1...12_000).map { String(format: sentence, $0) }.joined() + "\n")
        let c = try CorpusLoader.load(paths: [dir.path])
        let interrupt = Interrupt()
        let sink = StringSink()
        let s = Session(corpus: c, out: sink, err: sink, interrupt: interrupt)
        pressCtrlC(interrupt, after: 0.2)
        let started = Date()
        XCTAssertFalse(s.runStatement("quotes | count"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "a hang guard, not a timing")
        XCTAssertNotNil(sink.text.range(of: #"cancelled: the statement was stopped \(Ctrl-C\) after [0-9.]+ s in SCAN quotes"#,
                                        options: .regularExpression), sink.text)
        // the computation stopped with the statement, and what it had made was not kept
        // (the table's lock is held until the stopped computation returns)
        XCTAssertFalse(c.hasQuotes)
        interrupt.clear()
        XCTAssertTrue(s.runStatement("articles | count"), sink.text)
        // never a half table: the next `quotes` has every quotation
        let before = sink.text.count
        XCTAssertTrue(s.runStatement("quotes | count"), sink.text)
        let after = String(sink.text.dropFirst(before))
        XCTAssertTrue(after.contains("12000") || after.contains("12,000"), after)
    }
}

extension CancellationTests {
    /// A derivation asked for by a statement that was given up stops and is not kept: the
    /// corpus still has no table, and the next use outside that statement makes it whole.
    func testAStoppedDerivationIsNotKept() throws {
        let c = try CorpusLoader.loadSample()
        let stopped = DerivationStop.with({ true }) { (c.entityTable.entities.count, c.quotes.count) }
        XCTAssertEqual(stopped.0, 0, "stopped before the first article: nothing found")
        XCTAssertEqual(stopped.1, 0)
        XCTAssertFalse(c.hasEntities)
        XCTAssertFalse(c.hasQuotes)
        XCTAssertGreaterThan(c.entityTable.entities.count, 0)
        XCTAssertGreaterThan(c.quotes.count, 0)
        XCTAssertTrue(c.hasEntities && c.hasQuotes)
    }
}
