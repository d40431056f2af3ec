import XCTest
import Foundation
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Big results: `.maxrows` cuts what is shown and says the full count; the
/// machine formats stream in batches (whole, valid output) and Ctrl-C stops
/// the stream with a note of how much was written.
final class ResultLimitTests: XCTestCase {
    /// A corpus of one article with 3,000 sentences.
    static let big: Corpus = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-big-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "A long report\n\n"
        for i in 0..<3000 { text += "Sentence number \(i) says \"a, b\" about Japan.\(i % 10 == 9 ? "\n\n" : " ")" }
        try? text.write(to: dir.appendingPathComponent("big.txt"), atomically: true, encoding: .utf8)
        do { return try CorpusLoader.load(paths: [dir.path]) } catch { fatalError("\(error)") }
    }()

    private func session(_ mode: OutputMode, out: OutputSink? = nil, interrupt: Interrupt = Interrupt()) -> (Session, StringSink) {
        let err = StringSink()
        var settings = Settings()
        settings.render.mode = mode
        return (Session(corpus: Self.big, out: out ?? StringSink(), err: err, settings: settings, interrupt: interrupt), err)
    }

    func testMachineFormatsStreamWholeResults() throws {
        XCTAssertGreaterThan(Self.big.sentences.count, 2 * ResultStream.batch)
        let n = Self.big.sentences.count
        for mode in [OutputMode.csv, .tsv, .json, .jsonl] {
            let (s, err) = session(mode)
            XCTAssertTrue(s.runStatement("sentences | select id, text"), err.text)
            let text = (s.out as! StringSink).text
            switch mode {
            case .json:
                let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
                XCTAssertEqual(parsed?.count, n)
            case .jsonl:
                XCTAssertEqual(text.split(separator: "\n").count, n)
            default:
                XCTAssertEqual(text.split(separator: "\n").count, n + 1, "one header line, then every row")
                XCTAssertEqual(text.components(separatedBy: "id").count - 1 >= 1, true)
            }
        }
    }

    func testABigTableIsLaidOutWhole() {
        let (s, err) = session(.table)
        XCTAssertTrue(s.runStatement("sentences | select n"), err.text)
        let out = (s.out as! StringSink).text
        XCTAssertEqual(out.split(separator: "\n").count, Self.big.sentences.count + 4, "header, rules and every row")
    }

    func testMaxRowsShowsTheFullCount() {
        let (s, err) = session(.table)
        s.settings.render.maxRows = 10
        XCTAssertTrue(s.runStatement("sentences | select n"))
        let out = (s.out as! StringSink).text
        XCTAssertTrue(out.contains("(showing 10 of \(Self.big.sentences.count.grouped) rows; .maxrows 0 shows all)"), out + err.text)
        XCTAssertLessThan(out.split(separator: "\n").count, 20)
        // in a machine format the note goes to stderr, so the data stays clean
        let (c, cerr) = session(.csv)
        c.settings.render.maxRows = 10
        XCTAssertTrue(c.runStatement("sentences | select n"))
        XCTAssertEqual((c.out as! StringSink).text.split(separator: "\n").count, 11)
        XCTAssertTrue(cerr.text.contains("(showing 10 of"), cerr.text)
    }

    func testCtrlCStopsAStreamedResult() {
        let interrupt = Interrupt()
        let out = RaisingSink(interrupt)
        let (s, err) = session(.csv, out: out, interrupt: interrupt)
        XCTAssertFalse(s.runStatement("sentences | select id, text"))
        XCTAssertTrue(err.text.contains("cancelled: output stopped after 1,000 of 3,"), err.text)
        interrupt.clear()
        XCTAssertTrue(s.runStatement("sentences | count"), err.text)
    }
}

/// A sink that presses Ctrl-C after the first write.
final class RaisingSink: OutputSink {
    let interrupt: Interrupt
    var text = ""
    init(_ interrupt: Interrupt) { self.interrupt = interrupt }
    func write(_ s: String) { text += s; interrupt.raise() }
    var isTerminal: Bool { false }
    var terminalWidth: Int? { nil }
}
