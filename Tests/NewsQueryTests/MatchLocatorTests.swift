import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// MatchLocator: every search form located in text, by byte range.
final class MatchLocatorTests: XCTestCase {
    let text = "Japan's ruling LDP met Taiwan's DPP. Lo Chih-cheng said the Taiwan Strait security talks mattered; the U.S. agreed, us too."

    /// The matched text of each span.
    func found(_ query: String, in s: String? = nil) -> [String] {
        let t = s ?? text
        do {
            return MatchLocator(try Fixtures.boundSearch(query)).spans(in: t).map { String(t.utf8Slice($0.bytes)) }
        } catch {
            XCTFail("\(error)")
            return []
        }
    }

    func testWordsAreFoldedAndPossessivesMatch() {
        XCTAssertEqual(found("japan"), ["Japan"])
        XCTAssertEqual(found("TAIWAN"), ["Taiwan", "Taiwan"])
        XCTAssertEqual(found("café", in: "Le Cafe du coin, un café"), ["Cafe", "café"])
    }

    func testExactCase() {
        XCTAssertEqual(found("=US", in: "the US and us"), ["US"])
        XCTAssertEqual(found("us", in: "the US and us"), ["US", "us"])
    }

    func testPhrasesAndHyphenatedNamesAreOneSpan() {
        XCTAssertEqual(found("\"Taiwan Strait\""), ["Taiwan Strait"])
        XCTAssertEqual(found("Chih-cheng"), ["Chih-cheng"])
        XCTAssertEqual(found("U.S."), ["U.S."])   // the abbreviation whole, its final dot too
    }

    func testPrefixWildcardAndRegex() {
        XCTAssertEqual(found("secur*"), ["security"])
        XCTAssertEqual(found("T?iwan"), ["Taiwan", "Taiwan"])
        XCTAssertEqual(found("m*ed"), ["mattered"])
        XCTAssertEqual(found("/d.p/"), ["DPP"])
        XCTAssertEqual(found("/(ldp|dpp)/"), ["LDP", "DPP"])
    }

    func testBooleansAndNotContributesNoSpans() {
        XCTAssertEqual(found("japan AND dpp"), ["Japan", "DPP"])
        XCTAssertEqual(found("japan AND nowhere"), [])
        XCTAssertEqual(found("japan OR nowhere"), ["Japan"])
        XCTAssertEqual(found("japan NOT china"), ["Japan"])
        XCTAssertEqual(found("japan NOT dpp"), [], "the NOT part matched, so the text does not")
    }

    func testNear() {
        XCTAssertEqual(found("near(japan, ldp, 2)"), ["Japan", "LDP"])
        XCTAssertEqual(found("near(ldp, japan, 2)"), ["Japan", "LDP"], "either order")
        XCTAssertEqual(found("near(ldp, japan, 1)"), [], "'s' and 'ruling' are two words between")
        XCTAssertEqual(found("near(japan, agreed, 5)"), [])
        XCTAssertEqual(found("near(\"Taiwan Strait\", talks, 1)"), ["Taiwan Strait", "talks"])
        // three items, as FTS5 counts: from each item's end to the last item's start
        // (japan → talks is 10 words here; the words left over in the window are only 9)
        let three = "Japan a b c d e f g h Taiwan i talks ended."
        XCTAssertEqual(found("near(japan, taiwan, talks, 9)", in: three), [])
        XCTAssertEqual(found("near(japan, taiwan, talks, 10)", in: three), ["Japan", "Taiwan", "talks"])
        XCTAssertEqual(found("near(talks, japan, taiwan, 10)", in: three), ["Japan", "Taiwan", "talks"])
    }

    func testFieldScopes() {
        let c = Fixtures.sample
        // 002 has no headline; 000's headline has "Chinese".
        let loc = MatchLocator(try! Fixtures.boundSearch("title:(chinese)"))
        let i0 = c.articles.firstIndex { $0.id.hasPrefix("000") }!
        let unit = UnitText(corpus: c, source: .articles, unit: i0)
        let spans = loc.spans(in: unit, corpus: c, includeTitle: true)
        XCTAssertEqual(spans.map { String(c.articles[i0].text.utf8Slice($0.bytes)) }, ["Chinese"])
        XCTAssertTrue(spans.allSatisfy { $0.bytes.upperBound <= c.articles[i0].bodyRange.lowerBound })
        // "Chinese" is in the body too, but the scope keeps only the headline, which is
        // the article's first counted paragraph (so it is found without includeTitle too).
        XCTAssertEqual(loc.spans(in: unit, corpus: c).map { String(c.articles[i0].text.utf8Slice($0.bytes)) }, ["Chinese"])
        let body = MatchLocator(try! Fixtures.boundSearch("body:(chinese)"))
        XCTAssertFalse(body.spans(in: unit, corpus: c).isEmpty)
    }

    func testSnippetAndHighlight() {
        let loc = MatchLocator(try! Fixtures.boundSearch("taiwan"))
        XCTAssertEqual(MatchFunction.highlight.apply("Japan and Taiwan met.", loc, color: false), "Japan and [Taiwan] met.")
        let long = "First sentence here. Then Taiwan came up in the second one. A third follows."
        XCTAssertEqual(MatchFunction.snippet.apply(long, loc, color: false), "Then [Taiwan] came up in the second one.")
    }
}
