import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Scripts as people save them: LF, CRLF or CR line ends and a UTF-8 byte
/// order mark read the same; errors name the line of the script.
final class LineEndTests: XCTestCase {
    func lines(_ text: String) -> [String] {
        let source = TextLineSource(text: text, name: "t")
        var out: [String] = []
        while case let .line(l) = source.readLine(prompt: "") { out.append(l) }
        return out
    }

    func testEveryLineEndSplitsTheSame() {
        let expected = ["articles | count", "", "sentences |\tcount"]
        for end in ["\n", "\r\n", "\r"] {
            let text = expected.joined(separator: end) + end
            XCTAssertEqual(lines(text), expected, "line end \(Array(end.unicodeScalars))")
            XCTAssertEqual(lines("\u{FEFF}" + text), expected, "with a byte order mark")
            XCTAssertEqual(lines(expected.joined(separator: end)), expected, "no end on the last line")
        }
        XCTAssertEqual(lines("a\r\n\r\nb"), ["a", "", "b"])
        XCTAssertEqual(lines(""), [])
    }

    /// Piped input arrives in chunks that can end anywhere: inside a BOM,
    /// between a CR and its LF. Fed one byte at a time or all at once, the
    /// splitter gives the lines a script gives.
    func testChunkedInputSplitsAsAScriptDoes() {
        for text in ["\u{FEFF}a\r\nb\rc\n\nd", "a\r\n\r\nb\r", "\u{FEFF}", "\u{FEFF}x", "\r\n", "é\r\nü"] {
            var splitter = LineSplitter()
            var got: [String] = []
            for b in text.utf8 {
                splitter.append([b])
                while let l = splitter.next(atEnd: false) { got.append(l) }
            }
            while let l = splitter.next(atEnd: true) { got.append(l) }
            XCTAssertEqual(got, lines(text), "fed byte by byte: \(Array(text.unicodeScalars))")
        }
        XCTAssertEqual(lines("a\r\n\r\nb\r"), ["a", "", "b"])
        XCTAssertEqual(lines("\u{FEFF}"), [])
        XCTAssertEqual(lines("\r\n"), [""])
    }

    func testACRLFScriptRunsAndItsErrorsNameTheLine() {
        let sink = StringSink()
        var settings = Settings()
        settings.render.mode = .csv
        let s = Session(corpus: Fixtures.sample, out: sink, err: sink, settings: settings)
        XCTAssertEqual(s.run(TextLineSource(text: "\u{FEFF}articles | count\r\narticles | where date >= 2021-08-25 | count\r\n", name: "w.q")), 0, sink.text)
        XCTAssertEqual(sink.text, "n\n5\nn\n3\n")
        let before = sink.text.count
        XCTAssertNotEqual(s.run(TextLineSource(text: "articles | count\r\narticles | cont\r\n", name: "w.q")), 0)
        XCTAssertTrue(String(sink.text.dropFirst(before)).contains("w.q:2:12: error[E0202]: unknown stage 'cont'"), sink.text)
    }
}
