import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Sentence splitting on tricky news text: abbreviations, quotations, numbers.
final class SegmenterTests: XCTestCase {
    func split(_ s: String) -> [String] {
        let t = TextBytes(s)
        return Segmenter.sentences(t, in: 0..<t.count).map { t.string($0) }
    }

    func testAbbreviations() {
        XCTAssertEqual(split("The U.S. Navy said on Monday it would send ships. Officials declined to comment."),
                       ["The U.S. Navy said on Monday it would send ships.", "Officials declined to comment."])
        XCTAssertEqual(split("He moved to the U.S. The move was sudden."), ["He moved to the U.S.", "The move was sudden."])
        XCTAssertEqual(split("Gen. Mark Milley met Dr. Jill Biden and Mr. Smith in Washington."),
                       ["Gen. Mark Milley met Dr. Jill Biden and Mr. Smith in Washington."])
        XCTAssertEqual(split("The vote is set for Sept. 29. It will be close."), ["The vote is set for Sept. 29.", "It will be close."])
        XCTAssertEqual(split("Toyota Motor Co. said profits rose. Shares fell."), ["Toyota Motor Co. said profits rose.", "Shares fell."])
        XCTAssertEqual(split("He joined Acme Co. In 2010 he left."), ["He joined Acme Co.", "In 2010 he left."])
        XCTAssertEqual(split("No. 10 Downing Street said nothing. It rarely does."), ["No. 10 Downing Street said nothing.", "It rarely does."])
        XCTAssertEqual(split("J. K. Rowling wrote it. Fans cheered."), ["J. K. Rowling wrote it.", "Fans cheered."])
        XCTAssertEqual(split("Growth was 3.5 percent. Prices rose."), ["Growth was 3.5 percent.", "Prices rose."])
    }

    func testQuotations() {
        XCTAssertEqual(split("\"Stop!\" he shouted. Nobody moved."), ["\"Stop!\" he shouted.", "Nobody moved."])
        XCTAssertEqual(split("“Why now?” she asked. “Because it is time.”"), ["“Why now?” she asked.", "“Because it is time.”"])
        XCTAssertEqual(split("He said: \"It is over.\" Then he left."), ["He said: \"It is over.\"", "Then he left."])
        XCTAssertEqual(split("“I am here,” said Sen. Elizabeth Warren. “Now let us start.”"),
                       ["“I am here,” said Sen. Elizabeth Warren.", "“Now let us start.”"])
        // a quotation of two sentences is two sentences, the attribution stays with the second
        XCTAssertEqual(split("“Times are changing. Whether Japan is changing fast enough is another question,” he said."),
                       ["“Times are changing.", "Whether Japan is changing fast enough is another question,” he said."])
        XCTAssertEqual(split("The Americans wanted Japan to 'do more.' These talks are 'doing more,' he said."),
                       ["The Americans wanted Japan to 'do more.'", "These talks are 'doing more,' he said."])
    }

    func testLinesWithoutFinalPunctuation() {
        XCTAssertEqual(split("Taiwan and Japan Hold Unprecedented Security Dialogue"), ["Taiwan and Japan Hold Unprecedented Security Dialogue"])
        XCTAssertEqual(split("Mass Communication Specialist 3rd Class Matt Hall/U.S. Navy"), ["Mass Communication Specialist 3rd Class Matt Hall/U.S. Navy"])
        XCTAssertEqual(split("Clarity or Ambiguity?"), ["Clarity or Ambiguity?"])
    }
}
