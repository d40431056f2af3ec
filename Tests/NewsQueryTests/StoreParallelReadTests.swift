import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

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

    func testUTF8CheckAgreesWithTheStandardLibrary() {
        var rng = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [Array("plain ascii text ".utf8), Array("café 日本 👍🏽".utf8), [0xC0, 0x80], [0xED, 0xA0, 0x80],
                                 [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFF], [0xEF, 0xBB, 0xBF], [0xF0, 0x9F, 0x98, 0x80]]
        for _ in 0..<2000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &rng) { bytes += pieces.randomElement(using: &rng)! }
            if Bool.random(using: &rng) { bytes += (0..<Int.random(in: 0...12, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) } }
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let expected = String(validating: bytes[start...], as: UTF8.self) != nil
            XCTAssertEqual(CorpusLoader.isValidUTF8(Data(bytes)), expected, "\(bytes)")
        }
    }
}
