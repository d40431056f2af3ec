import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// The stage catalogue is the one list of stages: the grammar, the parser,
/// help and completion agree with it.
final class StageCatalogTests: XCTestCase {
    var grammar: String { try! String(contentsOf: Fixtures.root.appendingPathComponent("grammar/newsq.ebnf"), encoding: .utf8) }

    /// The rule of a stage in the grammar: from `name = ` to its `;`.
    func rule(_ name: String) -> String? {
        guard let r = grammar.range(of: "\n" + name.padding(toLength: max(name.count, 15), withPad: " ", startingAt: 0) + "= ") else { return nil }
        return String(grammar[r.upperBound...].prefix { $0 != ";" })
    }

    func testNamesAreUniqueAndEveryEntryIsDocumented() {
        let names = StageCatalog.all.map(\.name)
        XCTAssertEqual(Set(names).count, names.count, "a stage is declared twice")
        XCTAssertEqual(Parser.stageNames, names)
        for s in StageCatalog.all {
            XCTAssertTrue(s.syntax.hasPrefix(s.name), "\(s.name): the syntax starts with the name")
            XCTAssertTrue(s.usage.hasPrefix(s.name), "\(s.name): the usage starts with the name")
            XCTAssertFalse(s.summary.isEmpty, s.name)
            XCTAssertTrue(s.example.contains("| \(s.name)"), "\(s.name): the example uses the stage: \(s.example)")
            XCTAssertEqual(Set(s.options.map(\.word)).count, s.options.count, "\(s.name): an option twice")
        }
    }

    /// Every stage has its rule in grammar/newsq.ebnf, which starts with its
    /// name and names every option word the catalogue declares.
    func testTheGrammarHasARuleForEveryStageWithItsOptions() {
        for s in StageCatalog.all {
            guard let r = rule(s.name) else { XCTFail("grammar/newsq.ebnf has no rule '\(s.name) = ...'"); continue }
            XCTAssertTrue(r.trimmingCharacters(in: .whitespaces).hasPrefix("\"\(s.name)\"") || r.contains("\"\(s.name)\""),
                          "\(s.name): the rule starts with its keyword: \(r)")
            for o in s.options {
                XCTAssertTrue(r.contains("\"\(o.word)\""), "\(s.name): the grammar rule lacks the option \"\(o.word)\": \(r)")
            }
        }
    }

    /// The lexer reads a search query after the stages that declare one, and only those.
    func testStagesThatReadAQueryAreLexedInSearchMode() {
        for s in StageCatalog.all where s.isAnalysis {
            let (tokens, _) = Lexer.tokenize("sentences | \(s.name) Chih-cheng")
            let kinds = tokens.map(\.kind)
            XCTAssertEqual(kinds.contains(.searchWord), s.readsQuery, "\(s.name): search mode is \(s.readsQuery)")
        }
        XCTAssertEqual(StageCatalog.queryOptionWords, ["width", "by", "window", "measure", "min", "stopwords"])
    }

    /// An unknown option lists the options the catalogue declares.
    func testUnknownOptionsListTheCatalogueOptions() {
        var checked = 0
        for s in StageCatalog.all where s.isAnalysis && !s.options.isEmpty && !s.readsQuery {
            var prefix = "articles | \(s.name)"
            if s.name == "ngrams" || s.name == "sample" { prefix += " 2" }
            if s.name == "keywords" { prefix += " vs corpus" }
            let (_, diags) = Parser.parse(prefix + " bogus 3")
            guard let d = diags.items.first, d.message.contains("has no option") else { continue } // distribution: `by` is its only word
            XCTAssertTrue(d.help.contains("options of '\(s.name)': " + s.shownOptions.joined(separator: ", ")), "\(s.name): \(d.help)")
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 4)
    }

    /// Help and completion read the catalogue.
    func testHelpAndCompletionReadTheCatalogue() {
        XCTAssertEqual(Help.stages.map(\.name), StageCatalog.names)
        for s in StageCatalog.all { XCTAssertEqual(Help.topic(s.name)?.syntax, s.syntax) }
        let session = Session(corpus: Fixtures.sample, out: StringSink(), err: StringSink(), interrupt: Interrupt())
        let stages = session.completions(line: "articles | ", cursor: 11).candidates
        XCTAssertEqual(stages, StageCatalog.names)
        for s in StageCatalog.all {
            for (word, values) in s.after {
                let line = "articles | \(s.name) \(s.name == "keywords" && word != "vs" ? "vs corpus " : s.readsQuery ? "china " : "")\(word) "
                let got = session.completions(line: line, cursor: line.utf8.count).candidates
                XCTAssertEqual(got, session.candidates(values), "\(line)")
            }
        }
    }
}
