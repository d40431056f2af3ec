import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Where a search finds a unit, the locator (kwic, snippets, highlights,
/// distribution) finds a match in it: the two read every positive search form
/// the same way (one regex dialect, one wildcard rule, the same words).
/// (The converse, that kwic finds nothing a search does not, waits on one
/// counted text for every unit: kwic over sentences still reads boilerplate,
/// and an article search still finds a number in the byline of sample 004
/// that kwic over articles does not read, so `/^[0-9]+$/` is left out here.)
final class LocatorAgreesWithIndexTests: XCTestCase {
    /// The ids of the units a statement's rows are about (column `id` or `article`).
    func ids(_ statement: String) throws -> Set<String> {
        let (ready, diagnostics) = StatementPath.prepare(statement, bindings: [:])
        let p = try XCTUnwrap(ready, "\(statement): \(diagnostics.items.map(\.message))")
        let ctx = ExecutionContext(corpus: Fixtures.sample, interrupt: Interrupt())
        let rows = try StatementPath.run(p, ctx).rows
        let columns = p.schema!.columns
        let col = try XCTUnwrap(columns.first { $0.name == "article" } ?? columns.first { $0.name == "id" })
        return Set(rows.map { "\(ctx.value(col.ref, $0))" })
    }

    func testKwicLocatesWhatSearchFinds() throws {
        let forms = ["china", "=Taiwan", "\"security talks\"", "secur*", "t?iwan", "/^bei/", "/bei/", "/^19[0-9][0-9]$/",
                     "/(strait|sea)$/", "japan AND taiwan", "japan OR korea", "near(japan, talks, 5)",
                     "Chih-cheng", "ldp AND (dpp OR kmt)"]
        for q in forms {
            for unit in ["articles", "paragraphs", "sentences"] {
                let key = unit == "articles" ? "id" : "article"
                let found = try ids("\(unit) | search \(q) | select \(key)")
                XCTAssertFalse(found.isEmpty, "\(unit) | search \(q) finds nothing: pick a form the sample holds")
                let located = try ids("\(unit) | search \(q) | kwic \(q) | select article")
                XCTAssertEqual(located, found, "\(unit) | search \(q) | kwic \(q)")
            }
        }
    }

    func testRegexesArePosixEverywhere() {
        for statement in ["articles | search /\\d+/", "articles | kwic /\\d+/", "sentences | search china | select snippet(text)"] {
            let (p, d) = StatementPath.prepare(statement, bindings: [:])
            if statement.contains("\\d") {
                XCTAssertNil(p, statement)
                XCTAssertTrue(d.items.contains { $0.message.contains("POSIX") }, statement)
            } else {
                XCTAssertNotNil(p, statement)
            }
        }
    }
}
