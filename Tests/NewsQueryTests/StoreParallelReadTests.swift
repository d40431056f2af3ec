import XCTest
@testable import NewsQuery

/// Big JSON Lines files are parsed in runs side by side: order, ids and the
/// line numbers in warnings must be as if read in one pass.
final class StoreParallelReadTests: XCTestCase {
    func testBigJSONLinesKeepOrderAndLineNumbers() throws {
        let filler = String(repeating: "word ", count: 400)
        var lines: [String] = []
        for i in 1...3000 {
            if i == 2999 { lines.append("{not json"); continue }
            if i == 1500 { lines.append(""); continue }
            lines.append(#"{"id":"n\#(i)","body":"article \#(i) \#(filler)"}"#)
        }
        let text = lines.joined(separator: "\n") + "\n"
        XCTAssertGreaterThan(text.utf8.count, 4 << 20, "big enough to be cut into runs")
        let (articles, warnings) = RecordReader.jsonl(Data(text.utf8), path: "big.jsonl", stem: "big")
        XCTAssertEqual(articles.count, 2998)
        XCTAssertEqual(articles.map(\.id), (1...3000).filter { $0 != 2999 && $0 != 1500 }.map { "n\($0)" })
        XCTAssertEqual(warnings.map(\.path), ["big.jsonl:2999"])
    }
}
