import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// The words word statistics count: no possessive `s`, dotted abbreviations
/// whole, every search token mapped to the word that holds it.
final class AnalysisWordsTests: XCTestCase {
    func view(_ text: String) -> (words: [String], index: [Int]) {
        let v = AnalysisWords.view(Tokenizer.tokens(text), text: text)
        return (v.words.map(\.folded), v.index)
    }

    func testPossessivesAndAbbreviations() {
        XCTAssertEqual(view("Japan's ruling party").words, ["japan", "ruling", "party"])
        XCTAssertEqual(view("Taiwan’s ruling party").words, ["taiwan", "ruling", "party"])
        XCTAssertEqual(view("the U.S. and the U.K. agreed").words, ["the", "u.s.", "and", "the", "u.k.", "agreed"])
        // a possessive after an abbreviation's dot (sample 002 and 003 had
        // "Co.’s" and "U.S.'s" counted as a word "s")
        XCTAssertEqual(view("Manufacturing Co.’s plant").words, ["manufacturing", "co", "plant"])
        XCTAssertEqual(view("the U.S.'s purpose").words, ["the", "u.s.", "purpose"])
        // a dot that ends a sentence, then a quoted 's: still not a possessive
        XCTAssertEqual(view("it ended. 's").words, ["it", "ended", "s"])
        // not an abbreviation: no final dot, or a spaced letter
        XCTAssertEqual(view("Plan B s").words, ["plan", "b", "s"])
        XCTAssertEqual(view("U.S-made").words, ["u", "s", "made"])
        // each search token maps into the words, in order
        let v = view("Japan's U.S. envoy")
        XCTAssertEqual(v.index, [0, 0, 1, 1, 2])
    }

    /// The same text is counted the same way by words and by the corpus
    /// totals keywords compare with; the analysis view never has more words
    /// than search tokens.
    func testWordStatisticsShareOneView() throws {
        let c = Fixtures.sample
        var list = FrequencyList()
        var tokens = 0
        for i in c.articles.indices {
            let u = UnitText(corpus: c, source: .articles, unit: i)
            list.add(u)
            tokens += u.allTokens.count
        }
        XCTAssertLessThanOrEqual(list.tokens, tokens)
        XCTAssertEqual(CorpusFrequencies.shared.of(c, poll: {}).tokens, list.tokens)
        XCTAssertGreaterThan(list.count("u.s."), 0)
        XCTAssertEqual(list.count("u"), 0, "no stray letters from U.S.")
        XCTAssertEqual(list.count("s"), 0, "no possessive s, even after a dot")
    }
}
