import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// A small, deterministic fuzzer inside `make test`: statements stitched from
/// the language's own words (sources, stages, fields, operators, literals,
/// brackets) in random order, run through one session. None may crash or
/// hang, and the session must keep answering. (`make fuzz` goes further.)
final class RandomStatementTests: XCTestCase {
    static let words = [
        "articles", "sentences", "paragraphs", "quotes", "entities", "mentions", "shared", "nw",
        "|", "|", "|", "where", "search", "select", "sort", "by", "take", "top", "count", "kwic", "words", "ngrams",
        "collocates", "keywords", "vs", "corpus", "distribution", "sample", "seed", "union", "except", "intersect",
        "summarize", "distinct", "chart", "expect", "let", "=", "explain", "analyze", "verbose", "help", "show", "article",
        "id", "title", "source", "date", "words", "body", "text", "kind", "n", "article.source", "score", "speaker",
        "==", "!=", "<", ">=", "and", "or", "not", "in", "between", "matches", "AND", "OR", "NOT", "near", "title:",
        "(", ")", "[", "]", ",", "+", "-", "*", "\"Taiwan Strait\"", "\"", "'", "japan", "secur*", "wom?n", "=US",
        "/^Jap/", "/(a+)+/", "@2021-08-27", "@2021-13-01", "0", "1", "5", "-1", "99999999999999999999", "2.5",
        "year(date)", "lower(title)", "len(", "contains(title, \"a\")", "round(words, 2)", "snippet(text)",
        "width", "window", "3,3", "measure", "mi", "min", "desc", "asc", ";", "#", "\u{0}", "\u{1B}", "é", "😀",
    ]

    /// A fixed-seed generator, so a failure names a statement that reproduces.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    func testRandomStatementsNeverCrashTheSession() {
        var rng = SplitMix(state: 20_211_127)
        let (s, sink) = Hardening.session()
        XCTAssertTrue(s.runStatement("let nw = articles | where source == \"Newsweek\""))
        for i in 0..<1500 {
            let n = Int.random(in: 1...14, using: &rng)
            var parts: [String] = []
            if Bool.random(using: &rng) { parts.append(["articles", "sentences", "paragraphs", "nw"].randomElement(using: &rng)!) }
            for _ in 0..<n { parts.append(Self.words.randomElement(using: &rng)!) }
            let statement = parts.joined(separator: Bool.random(using: &rng) ? " " : "  ")
            // `let` may bind names; keep `nw` and the corpus as they were.
            if statement.contains("let") { continue }
            _ = s.runStatement(statement)
            if i % 100 == 0 { Hardening.assertIntact(s, sink, binding: "nw") }
        }
        Hardening.assertIntact(s, sink, binding: "nw")
    }

    /// Closer to valid: a source, then stages each followed by a few random words.
    func testRandomPipelinesNeverCrashTheSession() {
        var rng = SplitMix(state: 7)
        let stages = ["where", "search", "select", "sort by", "take", "top 3 by", "count", "count by", "kwic", "words",
                      "ngrams", "collocates", "keywords vs", "distribution by", "sample", "union", "except", "summarize",
                      "distinct", "chart", "expect"]
        let (s, sink) = Hardening.session()
        XCTAssertTrue(s.runStatement("let nw = articles | where source == \"Newsweek\""))
        var ran = 0
        for i in 0..<3000 {
            var statement = ["articles", "sentences", "paragraphs", "quotes", "entities", "mentions", "shared", "nw"]
                .randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                statement += " | " + stages.randomElement(using: &rng)!
                for _ in 0..<Int.random(in: 0...3, using: &rng) { statement += " " + Self.words.randomElement(using: &rng)! }
            }
            if statement.contains("let") || statement.contains("|  |") { continue }
            if s.runStatement(statement) { ran += 1 }
            if i % 200 == 0 { Hardening.assertIntact(s, sink, binding: "nw") }
        }
        XCTAssertGreaterThan(ran, 50, "some of them are valid statements that ran")
        Hardening.assertIntact(s, sink, binding: "nw")
    }
}
