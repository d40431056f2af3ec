import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// `search ... | take N` scores only the first N matches; rows, scores and the
/// cut note must be those of the full search cut afterwards.
final class TakeAfterSearchTests: XCTestCase {
    func testTakeRightAfterSearchMatchesTheFullSearchCut() {
        for source in ["articles", "paragraphs", "sentences"] {
            for q in ["taiwan", "\"Taiwan Strait\"", "secur* NOT talks", "china OR beijing", "near(japan, security, 4)", "popcat"] {
                for n in [1, 3, 50] {
                    let (full, _) = Fixtures.run("\(source) | search \(q) | select id, score\n", mode: .csv)
                    let (cut, _) = Fixtures.run("\(source) | search \(q) | take \(n) | select id, score\n", mode: .csv)
                    // notes and hints (an empty result tells how many rows .boilerplate on gives) are not rows
                    let fullRows = full.split(separator: "\n").filter { !$0.hasPrefix("(") && !$0.hasPrefix("hint:") }
                    let cutRows = cut.split(separator: "\n").filter { !$0.hasPrefix("(") && !$0.hasPrefix("hint:") }
                    XCTAssertEqual(Array(cutRows), Array(fullRows.prefix(n + 1)), "\(source) \(q) take \(n)")
                    let total = fullRows.count - 1
                    if total > n {
                        XCTAssertTrue(cut.contains("(\(n) of \(total) rows; cut by take \(n))"), cut)
                    }
                }
            }
        }
    }
}
