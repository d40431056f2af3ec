import Foundation
import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

final class SessionTests: XCTestCase {
    func testSplitterKnowsWhatIsOpen() {
        XCTAssertEqual(StatementSplitter.scan("articles |").open, .pipe)
        XCTAssertEqual(StatementSplitter.scan("articles | select id,").open, .comma)
        XCTAssertEqual(StatementSplitter.scan("articles | where source in [\"a\"").open, .bracket("["))
        XCTAssertEqual(StatementSplitter.scan("articles | search \"Taiwan").open, .quote("\""))
        XCTAssertEqual(StatementSplitter.scan("articles | search Japan's").open, .none, "an apostrophe in a word opens nothing")
        XCTAssertEqual(StatementSplitter.scan("articles | where").open, .word("where"), "a stage keyword still needs its argument")
        XCTAssertEqual(StatementSplitter.scan("articles | where year(date) ==").open, .word("=="))
        XCTAssertEqual(StatementSplitter.scan("articles | where title == \"where\"").open, .none)
        XCTAssertEqual(StatementSplitter.scan("articles | count").open, .none)
        XCTAssertEqual(StatementSplitter.scan("articles # a comment with \" and (").open, .none)
        // a /regex/ is the pattern's: its brackets, quotes and ; open or end nothing
        XCTAssertEqual(StatementSplitter.scan("articles | kwic /[bad/").open, .none)
        XCTAssertEqual(StatementSplitter.scan("articles | search /(a|\"b/ AND").open, .word("AND"))
        XCTAssertEqual(StatementSplitter.scan("articles | search /a;b/ | count").semicolons, [])
        XCTAssertEqual(StatementSplitter.scan("articles | search /a\\/(b/").open, .none, "an escaped / stays inside")
        XCTAssertEqual(StatementSplitter.scan("articles | where x == (1 / 2").open, .bracket("("), "a lone / is no regex")
        XCTAssertEqual(StatementSplitter.scan("articles | count; sentences | count;").semicolons, [16, 35])
    }

    func testScriptLinesStartingWithPipeContinue() {
        let (out, status) = Fixtures.run("articles\n# comment\n| where source == \"Newsweek\"\n| count\n")
        XCTAssertEqual(status, 0)
        XCTAssertTrue(out.contains("| 2 |"), out)
    }

    func testSemicolonsSplitStatementsOnOneLine() {
        let (out, status) = Fixtures.run("articles | count; paragraphs | where kind == \"caption\" | count;")
        XCTAssertEqual(status, 0)
        XCTAssertEqual(out.components(separatedBy: "| n ").count - 1, 2, out)
    }

    func testErrorsNameScriptLineAndColumn() {
        let (out, status) = Fixtures.run("articles | count\n\narticles | where titel == 1\n", name: "script.q")
        XCTAssertEqual(status, 1)
        XCTAssertTrue(out.contains("script.q:3:18: error[E0302]: unknown field 'titel'"), out)
        XCTAssertTrue(out.contains("  3 | articles | where titel == 1\n    |                  ^~~~~\n"), out)
    }

    func testErrorInContinuedStatementPointsAtItsLine() {
        let (out, _) = Fixtures.run("articles\n| where\n    titel == 1\n", name: "s.q")
        XCTAssertTrue(out.contains("s.q:3:5: error[E0302]: unknown field 'titel'"), out)
    }

    func testBailStopsAtFirstError() {
        let (out, status) = Fixtures.run(".bail on\nartciles | count\narticles | count\n")
        XCTAssertEqual(status, 1)
        XCTAssertFalse(out.contains("| n "), out)
    }

    func testSessionGoesOnAfterErrorsAndKeepsLets() {
        let sink = StringSink()
        let s = Session(corpus: Fixtures.sample, out: sink, err: sink, interrupt: Interrupt())
        s.settings.render.mode = .csv
        _ = s.run(TextLineSource(text: "let nw = articles | where source == \"Newsweek\"\nnw | whre x\n.load /nonexistent/path\nnw | count\n", name: "t"))
        XCTAssertTrue(sink.text.hasSuffix("n\n2\n"), sink.text)
        XCTAssertEqual(s.corpus.articles.count, 5, "a failed .load keeps the corpus")
    }

    func testDotCommandErrors() {
        let (out, status) = Fixtures.run(".mode fancy\n.maxrows x\n.nope\n.output /nonexistent-dir/x.txt\n")
        XCTAssertEqual(status, 1)
        XCTAssertTrue(out.contains("unknown mode 'fancy'"), out)
        XCTAssertTrue(out.contains(".maxrows takes a whole number"), out)
        XCTAssertTrue(out.contains("unknown command '.nope'"), out)
        XCTAssertTrue(out.contains("cannot write /nonexistent-dir/x.txt"), out)
    }

    func testOutputAndOnceWriteFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let once = dir.appendingPathComponent("once.csv").path
        let (out, _) = Fixtures.run(".mode csv\n.once \(once)\narticles | count\narticles | where source == \"Newsweek\" | count\n")
        XCTAssertEqual(try String(contentsOfFile: once, encoding: .utf8), "n\n5\n")
        XCTAssertEqual(out, "n\n2\n")
    }

    func testSaveWritesARunnableScript() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("save-\(UUID().uuidString).q").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = Fixtures.run("let nw = articles | where source == \"Newsweek\"\nnw | count\nbad | count\n.save \(path)\n")
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(saved.contains("let nw = articles | where source == \"Newsweek\"\n  | expect rows == 2;\nnw | count\n  | expect n == 2;\n"), saved)
        XCTAssertFalse(saved.contains("bad"))
        let (out, status) = Fixtures.run(saved)
        XCTAssertEqual(status, 0, out)
    }

    /// Habits people bring: a setting shown when its command has no argument,
    /// `.show`, `.tables`, `~` in paths, other shells' commands answered.
    func testHabitsPeopleBring() {
        let (out, status) = Fixtures.run(".maxrows 7\n.maxrows\n.headers\n.show\n.tables\n")
        XCTAssertEqual(status, 0, out)
        XCTAssertTrue(out.contains("maxrows: 7"), out)
        XCTAssertTrue(out.contains("headers: on"), out)
        XCTAssertTrue(out.contains("mode: ") && out.contains("boilerplate: off"), out)
        XCTAssertTrue(out.contains("quotes") && out.contains("One row per direct quotation"), out)
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        XCTAssertEqual(expandingTilde("~/news/a.jsonl"), home + "/news/a.jsonl")
        XCTAssertEqual(expandingTilde("~"), home)
        XCTAssertEqual(expandingTilde("a/~b"), "a/~b")
        let (width, ws) = Fixtures.run(".width 10\n")
        XCTAssertEqual(ws, 1)
        XCTAssertTrue(width.contains(".maxwidth"), width)
        let (dash, ds) = Fixtures.run("articles | count -- a comment as SQL writes it\n-- a whole line\n")
        XCTAssertEqual(ds, 0, dash)
    }

    func testReadRunsAScriptAndRefusesToRecurseForever() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("self-\(UUID().uuidString).q").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ".read \(path)\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (out, status) = Fixtures.run(".read \(path)\n")
        XCTAssertEqual(status, 1)
        XCTAssertTrue(out.contains("nested too deep"), out)
    }

    func testCompletion() {
        let s = Session(corpus: Fixtures.sample, out: StringSink(), err: StringSink(), interrupt: Interrupt())
        XCTAssertEqual(s.completions(line: "articles | cou", cursor: 14).candidates, ["count"])
        XCTAssertEqual(s.completions(line: "articles | s", cursor: 12).candidates, ["search", "select", "sort", "sample", "summarize"])
        XCTAssertEqual(s.completions(line: ".he", cursor: 3), Completion(start: 0, candidates: [".headers", ".help"]))
        XCTAssertEqual(s.completions(line: "articles | where ti", cursor: 19).candidates, ["title"])
        XCTAssertEqual(s.completions(line: "sentences | select article.so", cursor: 29).candidates, ["article.source"])
        XCTAssertEqual(s.completions(line: "articles | select id, n = words | sort by ", cursor: 42).candidates.prefix(2), ["id", "n"])
        XCTAssertTrue(s.completions(line: "articles | where source == ", cursor: 27).candidates.contains("\"Newsweek\""))
        XCTAssertEqual(s.completions(line: "art", cursor: 3).candidates, ["articles"])
        // search words from the corpus vocabulary, most used first
        let words = s.completions(line: "articles | search Taiw", cursor: 22).candidates
        XCTAssertEqual(words.first, "taiwan", "\(words)")
        XCTAssertTrue(words.contains("taiwanese"), "\(words)")
        XCTAssertTrue(s.completions(line: "articles | search china AND secu", cursor: 31).candidates.contains("security"))
        XCTAssertEqual(s.completions(line: "articles | search china | whe", cursor: 29).candidates, ["where"])
        // the values of the derived sources and the closed sets
        XCTAssertEqual(s.completions(line: "quotes | where speaker == \"Lo", cursor: 30).candidates, ["\"Lo Chih-cheng\""])
        XCTAssertTrue(s.completions(line: "mentions | where entity == ", cursor: 27).candidates.contains("\"Masahisa Sato\""))
        XCTAssertEqual(s.completions(line: "entities | where kind == ", cursor: 25).candidates, ["\"person\"", "\"org\"", "\"place\""])
        XCTAssertEqual(s.completions(line: "sentences | where kind == \"b", cursor: 28).candidates, ["\"body\"", "\"boilerplate\""])
        XCTAssertEqual(s.completions(line: "articles | where source == \"N", cursor: 29), Completion(start: 27, candidates: ["\"Newsweek\""]))
        XCTAssertEqual(s.completions(line: "articles | where source in [\"The", cursor: 32).candidates, ["\"The Japan Times\""])
        XCTAssertEqual(s.completions(line: "articles | where title == \"Ja", cursor: 29).candidates.count, 3, "three titles start with Ja")
    }

    func testInterruptCancelsAndSessionGoesOn() {
        let sink = StringSink()
        let flag = Interrupt()
        let s = Session(corpus: Fixtures.sample, out: sink, err: sink, interrupt: flag)
        let ctx = ExecutionContext(corpus: s.corpus, interrupt: flag)
        flag.raise()
        XCTAssertThrowsError(try PhysicalPlanner.build(.scan(.sentences)).run(ctx)) { e in
            XCTAssertEqual(e as? ExecutionError, .cancelled)
        }
        flag.clear()
        XCTAssertTrue(s.runStatement("articles | count"))
    }

    func testHelpExamplesRun() {
        for t in Help.stages + Help.sources {
            let (out, status) = Fixtures.run(t.example)
            XCTAssertEqual(status, 0, "\(t.name): \(t.example)\n\(out)")
        }
        let (out, _) = Fixtures.run("help serch")
        XCTAssertTrue(out.contains("did you mean 'search'?"), out)
    }
}

/// Empty searches explain themselves, and only with what is true here.
final class EmptyResultHintTests: XCTestCase {
    func testHintsAreTrueOrAbsent() {
        let (other, _) = Fixtures.run("sentences | search dialogues\n")
        XCTAssertTrue(other.contains("but 'dialogue' is: search dialogue gives"), other)
        // the hint's count is what the suggested search gives
        let (count, _) = Fixtures.run("sentences | search dialogue | count\n", mode: .csv)
        let n = count.split(separator: "\n").dropFirst().first?.split(separator: ",").first.map(String.init) ?? "?"
        XCTAssertTrue(other.contains("search dialogue gives \(n) rows"), other + "\n" + count)
        let (boiler, _) = Fixtures.run("articles | search popcat\n")
        XCTAssertTrue(boiler.contains("only in boilerplate"), boiler)
        let (exact, _) = Fixtures.run("articles | search =TAIWAN\n")
        XCTAssertTrue(exact.contains("in any case gives 5 rows"), exact)
        let (none, _) = Fixtures.run("articles | search zzzqqq\n")
        XCTAssertFalse(none.contains("hint:"), none)
        // a result with rows has no hint
        let (some, _) = Fixtures.run("articles | search china | count\n")
        XCTAssertFalse(some.contains("hint:"), some)
    }
}

/// `why QUERY in ID` names the near miss, the boilerplate, the case, and agrees with search.
final class WhyTests: XCTestCase {
    func testWhyNamesTheReasons() {
        let (phrase, _) = Fixtures.run("why \"security talk\" in 004_ec82b47e28c364f9\n")
        XCTAssertTrue(phrase.contains("it does not match"), phrase)
        XCTAssertTrue(phrase.contains("another form is here: 'talks'"), phrase)
        let (boiler, _) = Fixtures.run("why popcat in 004_ec82b47e28c364f9\n")
        XCTAssertTrue(boiler.contains("in boilerplate"), boiler)
        let (exact, _) = Fixtures.run("why =TAIWAN in 002_a0e825fb24626626\n")
        XCTAssertTrue(exact.contains("written here as 'Taiwan'"), exact)
        let (notSato, _) = Fixtures.run("why china AND NOT sato in 003_162644c2fb39c01e\n")
        XCTAssertTrue(notSato.contains("so NOT rules this out"), notSato)
        let (near, _) = Fixtures.run("why near(japan, talks, 2) in 002_a0e825fb24626626\n")
        XCTAssertTrue(near.contains("at most 2 asked"), near)
        let (quotedId, status) = Fixtures.run("why china in \"002_a0e825fb24626626#s7\"\n")
        XCTAssertEqual(status, 0, quotedId)
        XCTAssertTrue(quotedId.contains("(sentence): it matches"), quotedId)
        let (missing, ms) = Fixtures.run("why china in 002_a0e825fb24626627\n")
        XCTAssertEqual(ms, 1)
        XCTAssertTrue(missing.contains("did you mean 002_a0e825fb24626626?"), missing)
    }

    /// `why` reads an id as `show article` does: a unique start of one names
    /// it (and the answer gives the id whole); a start shared by several asks
    /// for more. (`why ... in 004` once said there was no such id, while
    /// `show article 004` showed the article.)
    func testWhyTakesAnIdAsShowArticleDoes() {
        let (prefix, ps) = Fixtures.run("why china in 004\n")
        XCTAssertEqual(ps, 0, prefix)
        XCTAssertTrue(prefix.hasPrefix("why china in 004_ec82b47e28c364f9 (article): it matches"), prefix)
        let (sentence, ss) = Fixtures.run("why china in \"002#s7\"\n")
        XCTAssertEqual(ss, 0, sentence)
        XCTAssertTrue(sentence.contains("in 002_a0e825fb24626626#s7 (sentence): it matches"), sentence)
        let (shared, sh) = Fixtures.run("why china in \"00\"\n")
        XCTAssertEqual(sh, 1)
        XCTAssertTrue(shared.contains("'00' starts 5 article ids"), shared)
        XCTAssertTrue(shared.contains("write more of it: 000_8ca05967b5b8d158"), shared)
    }

    /// The verdict is the search's: for every article, `why` says it matches
    /// exactly when `search` finds it.
    func testVerdictAgreesWithSearch() {
        for q in ["china", "\"security talks\"", "talk", "=US", "japan AND NOT sato", "near(japan, talks, 5)"] {
            let (found, _) = Fixtures.run("articles | search \(q) | select id\n", mode: .csv)
            let ids = Set(found.split(separator: "\n").dropFirst().map(String.init))
            for a in Fixtures.sample.articles {
                let (out, _) = Fixtures.run("why \(q) in \(a.id)\n")
                XCTAssertEqual(out.contains(": it matches"), ids.contains(a.id), "why \(q) in \(a.id): \(out)")
            }
        }
    }
}
