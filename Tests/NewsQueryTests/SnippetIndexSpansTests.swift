import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// snippet()/highlight() take the matches from the index's hits when the row
/// carries them; the result must be what the MatchLocator gives on the text.
final class SnippetIndexSpansTests: XCTestCase {
    func testIndexHitsGiveTheSameSnippetsAsTheLocator() throws {
        let c = Fixtures.sample
        let ctx = ExecutionContext(corpus: c, interrupt: Interrupt())
        let queries = ["taiwan", "\"Taiwan Strait\"", "secur*", "sato otsuka", "Chih-cheng", "china OR beijing", "=US"]
        let cases: [(SourceKind, String, TextUnit)] = [(.articles, "body", .article), (.paragraphs, "text", .paragraph), (.sentences, "text", .sentence)]
        var fromIndex = 0
        for q in queries {
            let tq = try Fixtures.boundSearch(q)
            let locator = MatchLocator(tq)
            for (source, field, unit) in cases {
                let e = BoundExpr.column(.field(source, field), .text, name: field)
                for m in try c.index.search(tq, unit: unit) {
                    let row = Row(unit: m.unit, score: m.score, hits: m.hits)
                    guard case let .string(s) = ctx.value(.field(source, field), row) else { continue }
                    for f in MatchFunction.allCases {
                        let viaLocator = f.apply(s, locator, color: false)
                        let usable = locator.indexHitsAreSpans
                        let viaIndex = (usable ? ctx.indexSpans(e, s, row) : nil).map { f.apply(s, spans: $0, color: false) } ?? viaLocator
                        XCTAssertEqual(viaIndex, viaLocator, "\(q) \(source) \(m.unit) \(f)")
                        if usable && ctx.indexSpans(e, s, row) != nil { fromIndex += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(fromIndex, 100, "the index's hits were used")
    }
}
