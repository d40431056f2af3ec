import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// The static regex check: the shapes that explode are refused, everyday patterns pass.
final class RegexSafetyTests: XCTestCase {
    func testEverydayPatternsPass() {
        for p in ["^Japan", "Taiwan$", "secur(ity|e)", "\\bU\\.S\\.\\b", "[A-Z][a-z]+ [A-Z][a-z]+", "(?i)china",
                  "\\d{4}-\\d{2}-\\d{2}", "(ab)?c", "(?:a|b){2}", "x{1}", "(a)+", "[(+*]+", "\\(a+\\)+", "a{2,3}?",
                  "(?<year>\\d{4})", "colou?r", "(\\w)\\w*", "{", "a{x}", "((a)b)*"] {
            XCTAssertNil(RegexSafety.problem(in: p), p)
        }
    }

    func testExplodingShapesAreRefused() {
        for p in ["(a+)+", "(a*)*b", "(\\w+\\s?)*$", "(.*a){12}", "((a+)b)+", "(?:x+y?)+", "(a?){30}",
                  "([a-z]+)*", "(a|b+)+", "(x)\\1", "(?<n>a)\\k<n>"] {
            XCTAssertNotNil(RegexSafety.problem(in: p), p)
        }
    }
}
