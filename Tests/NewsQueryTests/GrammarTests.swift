import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Holds the parser to grammar/newsq.ebnf: same keywords, every example parses,
/// and every statement of examples/*.q parses.
final class GrammarTests: XCTestCase {
    var grammar: String { try! String(contentsOf: Fixtures.root.appendingPathComponent("grammar/newsq.ebnf"), encoding: .utf8) }

    func testKeywordsMatchTheLexer() {
        guard let line = grammar.range(of: "(* keywords:") else { return XCTFail("grammar lists no keywords") }
        let rest = grammar[line.upperBound...]
        let end = rest.range(of: "*)")!.lowerBound
        let words = Set(rest[..<end].split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        XCTAssertEqual(words, Set(Keyword.allCases.map(\.rawValue)))
    }

    func testEveryGrammarExampleParses() {
        var count = 0
        for line in grammar.split(separator: "\n") where line.hasPrefix("(* example:") {
            let statement = line.dropFirst("(* example:".count).dropLast(2).trimmingCharacters(in: .whitespaces)
            let (st, diags) = Parser.parse(statement)
            XCTAssertNotNil(st, statement)
            XCTAssertFalse(diags.hasErrors, "\(statement): \(diags.items.map(\.message))")
            count += 1
        }
        XCTAssertGreaterThan(count, 5)
    }

    func testEveryStageOfTheGrammarIsAParserStage() {
        guard let r = grammar.range(of: "stage          = ") else { return XCTFail() }
        let line = grammar[r.upperBound...].prefix { $0 != ";" }
        let names = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(names, Parser.stageNames)
    }

    func testEveryExampleScriptParses() throws {
        try checkScriptsParse(in: "examples")
        try checkScriptsParse(in: "examples/workshop")
    }

    func checkScriptsParse(in folder: String) throws {
        let dir = Fixtures.root.appendingPathComponent(folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".q") }
        XCTAssertFalse(files.isEmpty)
        for f in files where !f.hasPrefix("errors") {
            let text = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            for statement in ScriptStatements.split(text) where !statement.hasPrefix(".") {
                let (_, diags) = Parser.parse(statement)
                XCTAssertFalse(diags.hasErrors, "\(f): \(statement): \(diags.items.map(\.message))")
            }
        }
    }
}

/// Statements of a script as the session's loop would see them (for parse-only checks).
enum ScriptStatements {
    static func split(_ text: String) -> [String] {
        var statements: [String] = []
        var buffer = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("#") { if !buffer.isEmpty { buffer += "\n" + line }; continue }
            if buffer.isEmpty && t.isEmpty { continue }
            if buffer.isEmpty && t.hasPrefix(".") { statements.append(t); continue }
            if !buffer.isEmpty {
                // The session's rules: `|` continues; so does anything left open but a
                // quote; a trailing keyword continues onto an indented line only.
                var continues = t.hasPrefix("|")
                switch StatementSplitter.scan(buffer).open {
                case .none, .quote: break
                case .word: continues = continues || (!t.isEmpty && (line.hasPrefix(" ") || line.hasPrefix("\t")))
                default: continues = true
                }
                if continues {
                    buffer += "\n" + line
                    continue
                }
            }
            if !buffer.isEmpty { statements.append(buffer); buffer = "" }
            buffer = line
        }
        if !buffer.isEmpty { statements.append(buffer) }
        return statements.flatMap { $0.split(separator: ";").map { String($0) } }
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }
}
