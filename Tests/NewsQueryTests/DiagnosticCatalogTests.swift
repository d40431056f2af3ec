import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// The diagnostics catalogue: every code unique, documented and used; each
/// runnable example reports its own code; errors of every family print their
/// code; a runtime error points at the stage that failed.
final class DiagnosticCatalogTests: XCTestCase {
    func testCodesAreUniqueWellFormedAndDocumented() {
        let codes = DiagnosticCode.allCases.map(\.rawValue)
        XCTAssertEqual(Set(codes).count, codes.count, "a code is declared twice")
        let groups: [Character: Diagnostic.Phase] = ["1": .lex, "2": .parse, "3": .bind, "4": .plan, "5": .execute, "6": .load, "7": .command]
        for c in DiagnosticCode.allCases {
            let r = c.rawValue
            XCTAssertTrue(r.count == 5 && (r.hasPrefix("E0") || r.hasPrefix("W06")) && r.dropFirst().allSatisfy(\.isNumber),
                          "\(r) is not E0NNN (an error) or W06NN (a load warning)")
            XCTAssertEqual(groups[r[r.index(r.startIndex, offsetBy: 2)]], c.phase, "\(r): its group is not its phase")
            let e = c.entry
            XCTAssertFalse(e.title.isEmpty, r)
            XCTAssertGreaterThan(e.explanation.count, 60, "\(r): explain the rule")
            XCTAssertTrue(e.explanation.hasSuffix("."), "\(r): the explanation ends with a full stop")
            XCTAssertGreaterThan(e.fix.count, 15, "\(r): say how to fix it")
            if e.runnable { XCTAssertFalse(e.example.isEmpty, "\(r): a runnable code needs its example") }
            XCTAssertEqual(DiagnosticCode(code: r.lowercased()), c)
        }
    }

    /// Each example of the catalogue, run in a session on the sample corpus,
    /// reports its own code (so the example teaches the right error).
    func testEveryRunnableExampleReportsItsCode() {
        for c in DiagnosticCode.allCases where c.entry.runnable {
            let (out, _) = Fixtures.run(c.entry.example + "\n")
            XCTAssertTrue(out.contains("error[\(c.rawValue)]"), "\(c.rawValue) example \(c.entry.example.debugDescription) said:\n\(out)")
        }
    }

    /// No code is declared and never reported: each case is named in a source file.
    func testEveryCodeIsUsedInTheSources() throws {
        var text = ""
        let sources = Fixtures.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" && url.lastPathComponent != "DiagnosticCode.swift" {
            text += try String(contentsOf: url, encoding: .utf8)
        }
        for c in DiagnosticCode.allCases {
            XCTAssertTrue(text.contains(".\(c)"), "\(c.rawValue) (\(c)) is never reported")
        }
    }

    /// A load warning prints its code, and `help` explains it as it explains an error.
    func testLoadWarningsPrintTheirCodes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-warn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "Fine text about Japan.\n".write(to: dir.appendingPathComponent("ok.txt"), atomically: true, encoding: .utf8)
        try Data("Caf".utf8 + [0xE9] + Array(" au lait.\n".utf8)).write(to: dir.appendingPathComponent("latin1.txt"))
        try "{\"body\": \"one\"}\n[1, 2]\n".write(to: dir.appendingPathComponent("mixed.jsonl"), atomically: true, encoding: .utf8)
        let (out, _) = Fixtures.run(".load \(dir.path)\n.corpus\nhelp W0603\n")
        XCTAssertTrue(out.contains("warning[W0603]: \(dir.path)/latin1.txt: not valid UTF-8"), out)
        XCTAssertTrue(out.contains("warning[W0602]: \(dir.path)/mixed.jsonl:2: not a JSON object"), out)
        XCTAssertTrue(out.contains("  warning[W0603]: "), ".corpus lists them with their codes:\n\(out)")
        XCTAssertTrue(out.contains("W0603: a file that is not UTF-8 text\n"), out)
        let session = Session(corpus: Fixtures.sample, out: StringSink(), err: StringSink(), interrupt: Interrupt())
        XCTAssertEqual(session.completions(line: "help W060", cursor: 9).candidates,
                       DiagnosticCode.allCases.map(\.rawValue).filter { $0.hasPrefix("W") })
        let c = try CorpusLoader.load(paths: [dir.path])
        XCTAssertEqual(Set(c.warnings.map(\.code)), [.notUTF8, .malformedRecord], "\(c.warnings)")
    }

    /// One error of each family, as a script shows it.
    func testAnErrorOfEachFamilyPrintsItsCode() {
        let cases: [(String, String)] = [
            ("articles | where title == \"open", "test.q:1:27: error[E0102]: unterminated string"),   // lex
            ("articles | selct title", "test.q:1:12: error[E0202]: unknown stage 'selct'"),           // parse
            ("articles | select titel", "test.q:1:19: error[E0302]: unknown field 'titel'"),          // bind
            ("articles | count | expect n == 4", "test.q:1:20: error[E0501]: expect failed"),          // run
            (".read /no/such/file.q", "test.q:1: error[E0603]: cannot read /no/such/file.q"),         // load
            (".hepl", "test.q:1:1: error[E0701]: unknown command '.hepl'"),                           // shell
        ]
        for (line, expected) in cases {
            let (out, status) = Fixtures.run(line + "\n")
            XCTAssertEqual(status, 1, line)
            XCTAssertTrue(out.contains(expected), "\(line): expected \(expected.debugDescription) in\n\(out)")
        }
    }

    /// The plan family: the engine asked to run a statement without a pipeline.
    func testRunningAStatementWithoutAPipelineIsAPlanError() {
        let (prepared, diags) = StatementPath.prepare("help kwic", bindings: [:])
        XCTAssertFalse(diags.hasErrors)
        guard let p = prepared else { return XCTFail() }
        XCTAssertThrowsError(try StatementPath.run(p, ExecutionContext(corpus: Fixtures.sample, interrupt: Interrupt()))) { e in
            guard case let ExecutionError.failed(_, code, _)? = e as? ExecutionError else { return XCTFail("\(e)") }
            XCTAssertEqual(code, .nothingToRun)
            XCTAssertEqual(code.phase, .plan)
        }
    }

    /// A runtime error shows the line, column and a caret under the stage that failed.
    func testARuntimeErrorShowsItsStageSpan() {
        let (out, _) = Fixtures.run("articles\n  | where source != \"Newsweek\"\n  | count\n  | expect n > 10\n")
        let lines = out.split(separator: "\n").map(String.init)
        guard let i = lines.firstIndex(where: { $0.contains("error[E0501]") }) else { return XCTFail(out) }
        XCTAssertTrue(lines[i].hasPrefix("test.q:4:5: error[E0501]: expect failed: n > 10 is false"), lines[i])
        XCTAssertEqual(lines[i + 1], "  4 |   | expect n > 10")
        XCTAssertEqual(lines[i + 2], "    |     ^~~~~~~~~~~~~")
    }

    /// A regex stopped over its time budget (raised by the statement worker,
    /// not inside the operator) points at the stage whose operator was running.
    func testARegexStoppedOverBudgetPointsAtItsStage() {
        let line = "articles | where \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" matches \(CancellationTests.slowRegex) | count"
        let (out, status) = Fixtures.run(line + "\n")
        XCTAssertEqual(status, 1)
        let lines = out.split(separator: "\n").map(String.init)
        guard let i = lines.firstIndex(where: { $0.contains("error[E0502]") }) else { return XCTFail(out) }
        XCTAssertTrue(lines[i].hasPrefix("test.q:1:12: error[E0502]: the regex /"), lines[i])
        let whereStage = line.components(separatedBy: " | ")[1]
        XCTAssertEqual(lines[i + 2], "    |            ^" + String(repeating: "~", count: min(whereStage.count, 80) - 1))
    }

    /// The text each operator of a statement's optimized plan points at, by operator name.
    private func operatorSpans(_ text: String) throws -> [String: String] {
        let (prepared, diags) = StatementPath.prepare(text, bindings: [:])
        XCTAssertFalse(diags.hasErrors)
        let p = try XCTUnwrap(prepared)
        let plan = try XCTUnwrap(p.plan), bound = try XCTUnwrap(p.bound)
        let root = PhysicalPlanner.build(plan, spans: StageSpans(bound))
        var spans: [String: String] = [:]
        func walk(_ op: PhysicalOperator) {
            if let r = op.stageRange { spans[op.name] = String(decoding: Array(text.utf8)[r], as: UTF8.self) }
            op.children.forEach(walk)
        }
        walk(root)
        return spans
    }

    /// The span reaches operators the optimizer rewrote: a failure's stage is
    /// found from the optimized plan (a search turned index lookup keeps its span).
    func testOperatorsKnowTheirStageSpans() throws {
        let text = "articles | where source == \"Newsweek\" | search china | take 2 | expect rows > 0"
        let spans = try operatorSpans(text)
        XCTAssertEqual(spans["EXPECT"], "expect rows > 0")
        XCTAssertEqual(spans["INDEX_SEARCH"], "search china")
        XCTAssertEqual(spans["LIMIT"], "take 2")
    }

    /// A node the optimizer made from several stages points at the stretch that holds
    /// them: two `where`s merged into one filter, a sort and a take turned top-k.
    func testMergedNodesSpanTheStagesTheyWereMadeFrom() throws {
        let text = "articles | where words > 10 | where source != \"x\" | sort by words desc | take 3"
        let spans = try operatorSpans(text)
        XCTAssertEqual(spans["FILTER"], "where words > 10 | where source != \"x\"", "\(spans)")
        XCTAssertEqual(spans["TOP_K"], "sort by words desc | take 3", "\(spans)")
    }

    func testHelpExplainsACode() {
        let (out, status) = Fixtures.run("help E0302\n.help e0501\n")
        XCTAssertEqual(status, 0, out)
        XCTAssertTrue(out.hasPrefix("E0302: not a field of these rows\n"), out)
        XCTAssertTrue(out.contains("Example:\n  articles | select titel\n"), out)
        XCTAssertTrue(out.contains("Fix:\n  "), out)
        XCTAssertTrue(out.contains("E0501: an expect check failed"), out)
        let session = Session(corpus: Fixtures.sample, out: StringSink(), err: StringSink(), interrupt: Interrupt())
        let bind = DiagnosticCode.allCases.map(\.rawValue).filter { $0.hasPrefix("E03") }
        XCTAssertEqual(session.completions(line: "help E03", cursor: 8).candidates, bind)
        XCTAssertEqual(session.completions(line: ".help E03", cursor: 9).candidates, bind)
        XCTAssertFalse(session.completions(line: "help ", cursor: 5).candidates.contains("E0302"), "codes only once an E is typed")
        let (unknown, _) = Fixtures.run("help E9999\n")
        XCTAssertTrue(unknown.contains("error[E0703]: no help for 'E9999'"), unknown)
    }
}
