import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Tokenization and folding as FTS5 `unicode61 remove_diacritics 2`; sentence splitting.
final class StoreTokenizerTests: XCTestCase {
    func folded(_ s: String) -> [String] { Tokenizer.tokens(s).map(\.folded) }

    func testSplitsOnPunctuation() {
        XCTAssertEqual(folded("Japan's"), ["japan", "s"])
        XCTAssertEqual(folded("Japan’s"), ["japan", "s"])
        XCTAssertEqual(folded("Chih-cheng"), ["chih", "cheng"])
        XCTAssertEqual(folded("U.S."), ["u", "s"])
        XCTAssertEqual(folded("NT$5,000 F-16 2+2"), ["nt", "5", "000", "f", "16", "2", "2"])
        XCTAssertEqual(folded("“quoted”—dash…"), ["quoted", "dash"])
        XCTAssertEqual(folded(""), [])
    }

    func testFoldsCaseAndDiacritics() {
        XCTAssertEqual(folded("Sebastián Vivallo Oñate"), ["sebastian", "vivallo", "onate"])
        XCTAssertEqual(folded("CAFÉ Über naïve ÅNGSTRÖM"), ["cafe", "uber", "naive", "angstrom"])
        XCTAssertEqual(folded("e\u{301}x"), ["ex"]) // combining accent stays in the token, dropped from the fold
        XCTAssertEqual(folded("Straße Øre İstanbul"), ["straße", "øre", "istanbul"]) // as FTS5: ß and ø are kept
        XCTAssertEqual(folded("Ωμέγα 日本語"), ["ωμέγα", "日本語"])
        XCTAssertEqual(Tokenizer.fold("Oñate-Café"), "onate-cafe")
    }

    func testByteRanges() {
        let text = "él said: “Taiwan’s”"
        let toks = Tokenizer.tokens(Substring(text), base: 100)
        XCTAssertEqual(toks.map(\.folded), ["el", "said", "taiwan", "s"])
        let bytes = Array(text.utf8)
        for t in toks {
            let s = String(decoding: bytes[(t.range.lowerBound - 100)..<(t.range.upperBound - 100)], as: UTF8.self)
            XCTAssertEqual(Tokenizer.fold(s), t.folded)
        }
        XCTAssertEqual(toks[0].range, 100..<103)
        let sub = text[text.range(of: "said")!.lowerBound...]
        XCTAssertEqual(Tokenizer.tokens(sub, base: 4).first?.range, 4..<8)
    }

    func testSegmenter() {
        func split(_ s: String) -> [String] {
            let t = TextBytes(s)
            return Segmenter.sentences(t, in: 0..<t.count).map { t.string($0) }
        }
        XCTAssertEqual(split("Mr. Lo met Dr. Tsai in Taipei. They spoke on Aug. 27. Then they left!"),
                       ["Mr. Lo met Dr. Tsai in Taipei.", "They spoke on Aug. 27.", "Then they left!"])
        XCTAssertEqual(split("The U.S. Navy sailed. J. Smith said so."), ["The U.S. Navy sailed.", "J. Smith said so."])
        XCTAssertEqual(split("He backed the U.S. The talks ended."), ["He backed the U.S.", "The talks ended."])
        XCTAssertEqual(split("\"Is it?\" he asked. \"Yes.\" Fine."), ["\"Is it?\" he asked.", "\"Yes.\"", "Fine."])
        XCTAssertEqual(split("Taiwan and Japan Hold Security Dialogue"), ["Taiwan and Japan Hold Security Dialogue"])
        XCTAssertEqual(split("It rose 3.5 percent. Sales fell."), ["It rose 3.5 percent.", "Sales fell."])
    }
}
