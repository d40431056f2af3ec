import Foundation
import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText

/// The data layer under entities and quotes (issue 9, item 4): each compact or
/// shared form gives what the plain one it replaced gave.
final class UnderstandingDataTests: XCTestCase {
    private func assertSameTokens(_ a: [EntityToken], _ b: [EntityToken], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, "token count of \(what)", file: file, line: line)
        for (x, y) in zip(a, b) {
            XCTAssertTrue(x.text == y.text && x.range == y.range && x.isWord == y.isWord && x.possessive == y.possessive
                          && x.suffix == y.suffix && x.lower == y.lower && x.isCapitalized == y.isCapitalized && x.isAcronym == y.isAcronym,
                          "\(what): \(x.text)@\(x.range) vs \(y.text)@\(y.range)", file: file, line: line)
        }
    }

    /// Between any two quotation-mark boundaries of a sample paragraph, the slice
    /// of the paragraph's tokens is the scan of that stretch.
    func testParagraphTokensAtQuotationMarks() {
        let c = Fixtures.sample
        var checked = 0
        for a in c.articles {
            let b = Array(a.text.utf8)
            for pi in a.paragraphs {
                let r = c.paragraphs[pi].range
                let spans = QuotesExtractor.spans(b, r)
                guard !spans.isEmpty else { continue }
                let pt = ParagraphTokens(b, r)
                var cuts = Set([r.lowerBound, r.upperBound])
                for s in spans { cuts.insert(s.open); cuts.insert(s.end) }
                let sorted = cuts.sorted()
                for (i, lo) in sorted.enumerated() {
                    for hi in sorted[i...] {
                        assertSameTokens(pt.tokens(lo..<hi), EntityWords.tokens(b, lo..<hi), "\(a.id) \(lo)..<\(hi)")
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 100, "the sample has paragraphs with quotations")
    }

    /// Any stretch at all (possessives, abbreviations, hyphens, curly marks and
    /// accents cut anywhere): the slice or its own scan, never something else.
    func testParagraphTokensAnywhere() {
        let text = "\u{201C}It\u{2019}s over,\u{201D} said Jones\u{2019} aide, the U.S. envoy\u{2019}s deputy. \"Smith's firm\" \u{2014} "
            + "Jos\u{00E9} Mart\u{00ED}nez-Ruiz's \u{00AB}plan\u{00BB} (NATO) and Co. it's 3rd, said \"well-known\" St. Peter's."
        let b = Array(text.utf8)
        let r = 0..<b.count
        let pt = ParagraphTokens(b, r)
        for lo in 0...b.count {
            for hi in lo...b.count {
                assertSameTokens(pt.tokens(lo..<hi), EntityWords.tokens(b, lo..<hi), "\(lo)..<\(hi)")
            }
        }
    }

    /// The candidate runs read as the one array they stand for, and the runs after one let go of still read.
    func testCandidateRunsReadAsOneArray() {
        func cand(_ a: Int, _ w: String) -> EntitiesExtractor.Candidate {
            EntitiesExtractor.Candidate(article: a, sentence: a, range: a..<(a + 1), words: [w], surface: w, kind: .person, evidence: true)
        }
        let runs = [[cand(0, "a"), cand(1, "b")], [], [cand(2, "c")], [cand(3, "d"), cand(4, "e"), cand(5, "f")]]
        let flat = Array(runs.joined())
        var cr = CandidateRuns(runs)
        XCTAssertEqual(cr.count, flat.count)
        XCTAssertEqual(cr.map(\.surface), flat.map(\.surface))
        XCTAssertEqual(cr.indices.map { cr[$0].surface }, flat.map(\.surface))
        XCTAssertEqual(cr.enumerated().map { "\($0.offset)\($0.element.surface)" }, ["0a", "1b", "2c", "3d", "4e", "5f"])
        XCTAssertEqual((0..<6).map { cr.run(of: $0) }, [0, 0, 1, 2, 2, 2])
        cr.release(runsBefore: 1)
        XCTAssertEqual(cr[2].surface, "c")
        XCTAssertEqual(cr[5].surface, "f")
    }

    /// Word counts by hash answer as counts by String did.
    func testVocabularyByHash() {
        var v = EntitiesExtractor.Vocab()
        var caps: [String: Int] = [:], lower: [String: Int] = [:]
        let capsWords = ["smith", "smith", "paris", "the", "obama"]
        let lowerWords = ["the", "the", "the", "the", "smith", "paris", "paris", "paris", "paris", "said"]
        for w in capsWords { v.countCapitalised(FeatureHash.word(w)); caps[w, default: 0] += 1 }
        // lowercase words from bytes, as the vocabulary pass reads sentences without capitals
        let sentence = Array(lowerWords.joined(separator: " ").utf8)
        EntityWords.lowercaseWordHashes(sentence, 0..<sentence.count) { v.countLowercase($0) }
        for w in lowerWords { lower[w, default: 0] += 1 }
        var split = EntitiesExtractor.Vocab()
        split.add(v)
        for w in Set(capsWords + lowerWords + ["nobody"]) {
            XCTAssertEqual(v.contains(w), caps[w] != nil, w)
            XCTAssertEqual(v.mostlyLower(w), (lower[w] ?? 0) > max(2, caps[w] ?? 0), w)
            XCTAssertEqual(split.mostlyLower(w), v.mostlyLower(w), "added counts: \(w)")
        }
        XCTAssertTrue(v.mostlyLower("the") && v.mostlyLower("paris") && !v.mostlyLower("smith"))
    }

    /// The tagger's features computed for the islands only give the same keys on
    /// the islands as features computed for every token.
    func testIslandFeaturesAreTheFullOnes() {
        let c = Fixtures.sample
        let gaz = NameTagger.sharedGazetteer
        var positions = 0
        for ai in c.articles.indices {
            EntitiesExtractor.units(c, ai, Array(c.articles[ai].text.utf8), capitalsOnly: true) { _, toks in
                let islands = TaggerFeatures.islands(toks)
                guard !islands.isEmpty else { return }
                let full = TaggerFeatures(toks, gaz)
                let part = TaggerFeatures(toks, gaz, islands: islands)
                for r in islands {
                    for i in r {
                        var k1: [UInt64] = [], k2: [UInt64] = []
                        full.staticKeys(i, into: &k1); part.staticKeys(i, into: &k2)
                        for (p1, p2) in [(-1, -1), (0, 0), (1, 4), (12, 3)] {
                            full.tagKeys(i, p1, p2, into: &k1); part.tagKeys(i, p1, p2, into: &k2)
                        }
                        XCTAssertEqual(k1, k2, "article \(ai), token \(i) \(toks[i].text)")
                        positions += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(positions, 1000)
    }

    func testOrdinals() {
        func tok(_ s: String) -> EntityToken { EntityToken(text: s, range: 0..<s.utf8.count, isWord: true) }
        for s in ["1st", "2nd", "3rd", "4th", "21st", "112th", "999th"] { XCTAssertTrue(EntitiesExtractor.isOrdinal(tok(s)), s) }
        for s in ["st", "1", "1s", "1ST", "x1st", "1000th", "1a2th", "12", "4thh", "th4"] { XCTAssertFalse(EntitiesExtractor.isOrdinal(tok(s)), s) }
        XCTAssertFalse(EntitiesExtractor.isOrdinal(EntityToken(text: "3rd", range: 0..<3, isWord: false)))
    }
}
