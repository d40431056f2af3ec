import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

final class LexerTests: XCTestCase {
    func kinds(_ s: String) -> [TokenKind] { Lexer.tokenize(s).tokens.map(\.kind) }

    func testTokensHaveByteRanges() {
        let (tokens, diags) = Lexer.tokenize("articles | where date >= @2021-08-27")
        XCTAssertFalse(diags.hasErrors)
        XCTAssertEqual(tokens.map(\.kind), [.identifier, .pipe, .keyword(.where), .identifier, .greaterEqual, .date, .end])
        XCTAssertEqual(tokens[3].range, 17..<21)
        XCTAssertEqual(tokens[5].text, "2021-08-27")
        XCTAssertEqual(tokens[5].range, 25..<36)
    }

    func testSearchModeKeepsHyphenatedAndDottedWords() {
        let (tokens, _) = Lexer.tokenize("sentences | search Chih-cheng AND U.S. OR secur* | take 1")
        let words = tokens.filter { $0.kind == .searchWord }.map(\.text)
        XCTAssertEqual(words, ["Chih-cheng", "U.S.", "secur*"])
        XCTAssertTrue(tokens.contains { $0.kind == .keyword(.take) }, "search mode ends at '|'")
    }

    func testPipeInsideParenthesesDoesNotEndSearch() {
        let k = kinds("articles | search (a OR b) | count")
        XCTAssertEqual(k, [.identifier, .pipe, .keyword(.search), .lparen, .searchWord, .keyword(.or), .searchWord, .rparen, .pipe, .keyword(.count), .end])
    }

    func testUnterminatedStringIsReportedAtItsStart() {
        let (_, diags) = Lexer.tokenize("articles | where source == \"Newsweek")
        XCTAssertEqual(diags.items.count, 1)
        XCTAssertEqual(diags.items[0].range, 27..<28)
        XCTAssertTrue(diags.items[0].message.contains("unterminated string"))
    }

    func testControlCharactersAndNULAreReported() {
        let (tokens, diags) = Lexer.tokenize("articles \u{0} | take 1")
        XCTAssertTrue(tokens.contains { $0.kind == .invalid })
        XCTAssertTrue(diags.items[0].message.contains("NUL"))
    }

    /// A bare ISO date (no spaces) is a date; with spaces it is subtraction.
    func testDateWithoutAtIsADate() {
        let (tokens, diags) = Lexer.tokenize("articles | where date > 2021-08-27")
        XCTAssertFalse(diags.hasErrors)
        XCTAssertEqual(tokens.first { $0.kind == .date }?.text, "2021-08-27")
        let (spaced, _) = Lexer.tokenize("articles | select 2021 - 08 - 27")
        XCTAssertFalse(spaced.contains { $0.kind == .date })
        let (months, d2) = Lexer.tokenize("articles | where date == @2021-08 or date < @2020")
        XCTAssertFalse(d2.hasErrors)
        XCTAssertEqual(months.filter { $0.kind == .date }.map(\.text), ["2021-08", "2020"])
    }

    func testBadDateLiteral() {
        let (_, diags) = Lexer.tokenize("articles | where date > @2021-02-30")
        XCTAssertTrue(diags.items[0].message.contains("is not a date"))
    }

    func testCommentsAreSkipped() {
        XCTAssertEqual(kinds("articles # all of them\n| count"), [.identifier, .pipe, .keyword(.count), .end])
    }
}
