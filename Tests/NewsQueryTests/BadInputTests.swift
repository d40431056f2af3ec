import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Malformed statements of every kind, through the session and through the
/// binary in pipe mode: each gets a clear message naming the problem, the
/// session goes on, and nothing already loaded (corpus, `let` names) is lost.
final class BadInputTests: XCTestCase {
    /// (statement, a fragment the error must contain).
    static let cases: [(String, String)] = [
        // unterminated strings, phrases, regexes
        ("articles | where title == \"Japan", "unterminated string"),
        ("articles | search \"Taiwan Strait", "unterminated string"),
        ("articles | where title == 'Japan", "unterminated string"),
        ("articles | where title == \"\\", "unterminated string"),
        ("articles | where title matches /abc", "unterminated /regex/"),
        // unbalanced brackets
        ("articles | where (title == \"a\"", "expected ')'"),
        ("articles | where title == \"a\")", "unexpected ')'"),
        ("articles | where source in [\"a\", \"b\"", "expected ']'"),
        ("articles | search (japan OR china", "expected ')'"),
        ("articles | search japan)) | count", "unexpected ')'"),
        ("articles | where lower(title == \"a\"", "expected"),
        // empty stages and statements that are only punctuation
        ("articles | | count", "expected a stage"),
        ("articles |", "expected a stage"),
        ("| count", "expected a source"),
        ("articles | where", "'where' needs a condition"),
        ("articles | select", "'select' needs at least one field"),
        ("articles | search", "'search' needs something"),
        ("articles | sort", "expected 'by'"),
        ("articles | take", "expected a whole number"),
        ("explain analyze", "expected a source"),
        ("let = articles", "expected a name"),
        // unknown names
        ("artikles | count", "unknown source 'artikles'"),
        ("articles | frobnicate", "unknown stage 'frobnicate'"),
        ("articles | select nope", "unknown field 'nope'"),
        ("articles | where nope(title)", "unknown function 'nope'"),
        ("sentences | select article.nope", "no field 'nope'"),
        ("help nope", "no help for 'nope'"),
        ("let articles = articles", "cannot be rebound"),
        // wrong types
        ("articles | where date > \"yesterday\"", "cannot compare"),
        ("articles | where year(title) == 2021", "year needs a date"),
        ("articles | take \"ten\"", "expected a whole number"),
        ("articles | where title matches /[/", "this regex does not compile"),
        // huge numbers
        ("articles | take 99999999999999999999999999999", "is too large"),
        ("articles | select r = round(words, 99999999999999999999)", "is too large"),
        ("articles | take -1", "positive whole number"),
        ("articles | where date == @99999-01-01", "is not a date"),
        ("articles | where date == @2021-13-45", "is not a date"),
        // control characters
        ("articles \u{01}\u{02} | count", "control character U+0001"),
        ("\u{0}\u{0}", "control character NUL"),
        ("articles \u{1B}[31m | count", "control character ESC"),
        // the analysis stages
        ("articles | kwic width 99999999999", "between 1 and 1000"),
        ("articles | ngrams 0", "ngrams takes a length"),
        ("articles | collocates", "needs a word"),
        ("articles | collocates china window 99999999,9999999", "a window is"),
        ("articles | keywords vs nope", "unknown reference 'nope'"),
        ("articles | sample 99999999999999999999", "is too large"),
        ("articles | words min 99999999999999999999", "is too large"),
        ("articles | union nope", "unknown let name 'nope'"),
        ("articles | chart", "count first"),
        ("articles | expect", "needs a condition"),
        ("show article \"nope\"", "no article 'nope'"),
        ("articles | summarize", "expected an aggregate"),
        ("articles | search /[/ | count", "does not compile"),
        ("articles | search /a{999999}/ | count", "does not compile"),
        // catastrophic regexes refused before they run
        ("articles | where title matches /(a+)+$/", "exponential time"),
        ("articles | where body matches /(\\w+\\s?)*$/", "exponential time"),
        ("articles | where body matches /(x)\\1/", "back-references"),
    ]

    func testEachMalformedStatementGetsAMessageAndTheSessionGoesOn() {
        let (s, sink) = Hardening.session()
        XCTAssertTrue(s.runStatement("let nw = articles | where source == \"Newsweek\""))
        for (statement, fragment) in Self.cases {
            let before = sink.text.utf8.count
            let ok = s.runStatement(statement)
            let said = String(decoding: Array(sink.text.utf8).dropFirst(before), as: UTF8.self)
            XCTAssertFalse(ok, "\(statement.debugDescription) should fail")
            XCTAssertTrue(said.contains("error["), "\(statement.debugDescription): \(said)")
            XCTAssertTrue(said.contains(fragment), "\(statement.debugDescription) should say \(fragment.debugDescription): \(said)")
            Hardening.assertIntact(s, sink, binding: "nw")
        }
    }

    /// Every statement above, then a good one, piped into the binary. A line
    /// left with an open bracket or a trailing `|` continues onto the next (by
    /// design), so those go one per run; the rest go as one script.
    func testTheBinaryInPipeModeReportsAllAndGoesOn() throws {
        func opens(_ statement: String) -> Bool {
            switch StatementSplitter.scan(statement).open {
            case .none, .quote, .word: return false
            default: return true
            }
        }
        var runs: [[(String, String)]] = [Self.cases.filter { !opens($0.0) }]
        runs += Self.cases.filter { opens($0.0) }.map { [$0] }
        for (k, cases) in runs.enumerated() {
            // The open ones swallow what follows, so they end the input.
            let script = cases.map { $0.0 + "\n" }.joined() + (k == 0 ? "articles | count\n" : "")
            let r = try Hardening.run(["--format", "csv"], bytes: Array(script.utf8))
            XCTAssertEqual(r.status, 1, r.stderr)
            if k == 0 { XCTAssertTrue(r.stdout.hasSuffix("n\n5\n"), "\(cases.map(\.0)): \(r.stdout)") }
            for (statement, fragment) in cases {
                XCTAssertTrue(r.stderr.contains(fragment), "\(statement.debugDescription): no \(fragment.debugDescription) in \(r.stderr)")
            }
            XCTAssertFalse(r.stderr.contains("crashed"), r.stderr)
        }
    }

    func testInvalidUTF8AndNULBytesInPipedInput() throws {
        var bytes: [UInt8] = []
        bytes += Array("articles | where title == \"".utf8) + [0xFF, 0xFE, 0xC3] + Array("\" | count\n".utf8)
        bytes += [0xFF, 0xFE] + Array(" | count\n".utf8)
        bytes += Array("articles | where title == \"a".utf8) + [0] + Array("b\" | count\n".utf8)
        bytes += [0, 0, 0, 0x0A]
        bytes += [0xEF, 0xBB, 0xBF] + Array("articles | count\n".utf8) // a BOM is space
        let r = try Hardening.run(["--format", "csv"], bytes: bytes)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("unknown source"), r.stderr)
        XCTAssertTrue(r.stderr.contains("control character NUL"), r.stderr)
        XCTAssertTrue(r.stdout.hasSuffix("n\n5\n"), r.stdout)
    }

    func testTenThousandDeepNestingIsAnErrorNotACrash() {
        let deep: [String] = [
            "articles | where " + String(repeating: "(", count: 10_000) + "true" + String(repeating: ")", count: 10_000),
            "articles | search " + String(repeating: "(", count: 10_000) + "japan" + String(repeating: ")", count: 10_000),
            "articles | where " + String(repeating: "not ", count: 10_000) + "true",
            "articles | select x = " + String(repeating: "-", count: 10_000) + "1",
            "articles | where source in " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
            "articles | where " + String(repeating: "lower(", count: 10_000) + "title" + String(repeating: ")", count: 10_000) + " == \"a\"",
            "articles | search " + String(repeating: "NOT ", count: 10_000) + "japan",
            "articles | search " + String(repeating: "title:", count: 10_000) + "japan",
            // long chains make trees as deep as brackets do
            "articles | where " + Array(repeating: "1", count: 10_000).joined(separator: " + ") + " == 1",
            "articles | where " + Array(repeating: "true", count: 10_000).joined(separator: " and ") + " | count",
            "articles | where " + Array(repeating: "false", count: 10_000).joined(separator: " or ") + " | count",
            "articles" + String(repeating: " | take 5", count: 10_000),
        ]
        let (s, sink) = Hardening.session()
        for statement in deep {
            let before = sink.text.utf8.count
            XCTAssertFalse(s.runStatement(statement))
            let said = String(decoding: Array(sink.text.utf8).dropFirst(before), as: UTF8.self)
            XCTAssertTrue(said.contains("too deeply") || said.contains("too many stages"), String(said.prefix(300)))
            XCTAssertLessThan(said.utf8.count, 2_000, "a long statement is shown as a window around the error")
            Hardening.assertIntact(s, sink)
        }
    }

    func testLongSearchesAreRefusedNotSlow() {
        let (s, sink) = Hardening.session()
        XCTAssertFalse(s.runStatement("articles | search " + Array(repeating: "a", count: 100_000).joined(separator: " OR ")))
        XCTAssertTrue(sink.text.contains("this search is too long"), String(sink.text.prefix(300)))
        XCTAssertTrue(s.runStatement("articles | search " + Array(repeating: "japan", count: 200).joined(separator: " OR ") + " | count"))
        Hardening.assertIntact(s, sink)
    }

    func testOneMegabyteStatements() {
        let mb = 1 << 20
        let statements = [
            "articles | where title == \"" + String(repeating: "a", count: mb) + "\" | count",
            "articles | search " + String(repeating: "a", count: mb) + " | count",
            "articles | select " + String(repeating: "a", count: mb),
            "articles | where source in [" + Array(repeating: "\"x\"", count: mb / 5).joined(separator: ", ") + "] | count",
            "articles | select " + Array(repeating: "id", count: mb / 4).joined(separator: ", ") + " | take 1",
            String(repeating: "# a comment\n", count: mb / 12) + "articles | count",
            "help " + String(repeating: "x", count: mb),
        ]
        let (s, sink) = Hardening.session()
        for statement in statements {
            let before = sink.text.utf8.count
            _ = s.runStatement(statement)
            let said = String(decoding: Array(sink.text.utf8).dropFirst(before), as: UTF8.self)
            XCTAssertLessThan(said.utf8.count, 8 * mb, "output stays proportionate")
            if said.contains("error[") {
                let errorLine = said.split(separator: "\n").first { $0.contains("error[") } ?? ""
                XCTAssertLessThan(errorLine.utf8.count, 1_000, "an error quotes a long name shortened: \(errorLine.prefix(200))")
            }
            Hardening.assertIntact(s, sink)
        }
    }

    func testErrorLinesShowControlCharactersHarmlessly() {
        let (s, sink) = Hardening.session()
        XCTAssertFalse(s.runStatement("articles \u{1B}]0;pwned\u{07} | count"))
        XCTAssertFalse(sink.text.contains("\u{1B}"), "an escape sequence typed in a statement is not echoed raw")
        XCTAssertTrue(sink.text.contains("control character ESC"), sink.text)
    }

    func testHugeArithmeticAndNumbersPrint() {
        let (out, status) = Fixtures.run("""
            articles | select x = 9223372036854775807 + 1, y = -9223372036854775807 - 2, z = 9223372036854775807 * 9223372036854775807 | take 1
            articles | where words > 1\(String(repeating: "0", count: 400)).5 | count
            articles | select r = round(1.5, 12), q = 123456789012345.678 | take 1
            """, mode: .csv)
        XCTAssertEqual(status, 0, out)
        XCTAssertTrue(out.contains("9.223372036854776e+18"), out)
    }

    func testUnicodeSpacesSeparateWords() {
        let (out, status) = Fixtures.run("\u{FEFF}articles\u{3000}|\u{00A0}count\narticles | search japan\u{2003}china | count\n", mode: .csv)
        XCTAssertEqual(status, 0, out)
        XCTAssertEqual(out, "n\n5\nn\n5\n")
    }

    func testBadDotCommands() {
        let (s, sink) = Hardening.session()
        XCTAssertTrue(s.runStatement("let nw = articles | where source == \"Newsweek\""))
        let lines = [
            ".", ".mode\u{0}box", ".maxrows 99999999999999999999", ".maxwidth -1", ".load", ".load \"\"",
            ".load /nonexistent/newsq", ".read /nonexistent/newsq.q", ".read /", ".read /bin/sh",
            ".output /", ".once /", ".save /", ".schema nope", ".headers maybe", ".timer maybe", ".mode nope",
            ".read /dev/zero", ".load /dev/zero",
        ]
        for line in lines {
            let before = sink.text.utf8.count
            let status = s.run(TextLineSource(text: line, name: "t"))
            let said = String(decoding: Array(sink.text.utf8).dropFirst(before), as: UTF8.self)
            XCTAssertEqual(status, 1, "\(line.debugDescription) should fail: \(said)")
            XCTAssertTrue(said.contains("error["), "\(line.debugDescription): \(said)")
            Hardening.assertIntact(s, sink, binding: "nw")
        }
    }

    func testAScriptReadingItselfStops() throws {
        let dir = try Hardening.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("self.q").path
        try ".read \(path)\narticles | count\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (s, sink) = Hardening.session()
        XCTAssertEqual(s.run(TextLineSource(text: ".read \(path)\n", name: "t")), 1)
        XCTAssertTrue(sink.text.contains("nested too deep"), String(sink.text.prefix(500)))
        Hardening.assertIntact(s, sink)
    }
}
