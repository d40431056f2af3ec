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

    /// Inside `EntityWords.reusing(b)`, any stretch of `b` tokenises as its own scan does
    /// (the article's tokens cut at both ends, or the stretch scanned when a token runs
    /// across an end), and another text is left to its own scan.
    func testArticleTokensAnywhere() {
        let text = "\u{201C}It\u{2019}s over,\u{201D} said Jones\u{2019} aide, the U.S. envoy\u{2019}s deputy. \"Smith's firm\" \u{2014} "
            + "Jos\u{00E9} Mart\u{00ED}nez-Ruiz's \u{00AB}plan\u{00BB} (NATO) and Co. it's 3rd, Mr Noonan-said \"well-known\" St. Peter's.\n\n"
            + "MADRID'S mayor\u{00A0}said: \u{300C}yes\u{300D} self-described JONES'S"
        let b = Array(text.utf8)
        let other = Array("Another text: Mr Smith said so.".utf8)
        EntityWords.reusing(b) {
            for lo in 0...b.count {
                for hi in lo...b.count {
                    assertSameTokens(EntityWords.tokens(b, lo..<hi), EntityWords.scanTokens(b, lo..<hi), "\(lo)..<\(hi)")
                }
            }
            assertSameTokens(EntityWords.tokens(other, 0..<other.count), EntityWords.scanTokens(other, 0..<other.count), "another text")
            // the same bytes in other storage: scanned, with the same tokens
            let copy = Array(text.utf8)
            assertSameTokens(EntityWords.tokens(copy, 5..<60), EntityWords.scanTokens(b, 5..<60), "a copy")
        }
    }

    /// Over the sample articles, stretches of every length from every token edge and from
    /// arbitrary bytes (as the quotation rules ask: sentence openings, the words around a
    /// mention) tokenise inside `reusing` as their own scans do.
    func testArticleTokensOnTheSample() {
        var checked = 0
        var seed: UInt64 = 0x5EED
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) % max(1, n) }
        for a in Fixtures.sample.articles {
            let b = Array(a.text.utf8)
            let edges = EntityWords.scanTokens(b, 0..<b.count).flatMap { [$0.range.lowerBound, $0.range.upperBound] }
            EntityWords.reusing(b) {
                for _ in 0..<400 {
                    let lo = next(2) == 0 ? edges[next(edges.count)] : next(b.count)
                    let hi = min(b.count, lo + [6, 40, 160, 200, 2000][next(5)] + next(3))
                    assertSameTokens(EntityWords.tokens(b, lo..<hi), EntityWords.scanTokens(b, lo..<hi), "\(a.id) \(lo)..<\(hi)")
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, 400 * Fixtures.sample.articles.count)
    }

    /// Entities and quotations come out the same, in the same order, whether the corpus
    /// is read in the runs of one thread or of two (`NEWSQ_THREADS`: 8 or 16 runs of
    /// articles, each run on whichever worker takes it).
    func testSameTablesWithOneAndTwoThreads() throws {
        let dir = try StoreTempDir()
        let given = ["Maria", "Ahmed", "Grace", "Tomas", "Ingrid", "Kwame", "Lucia", "Pavel", "Naomi"]
        let family = ["Lopez", "Khan", "Okafor", "Novak", "Berg", "Mensah", "Ferreira", "Ivanov"]
        let places = ["Geneva", "Nairobi", "Lisbon", "Oslo", "Manila", "Lima", "Accra", "Prague"]
        for i in 0..<72 {
            let p1 = "\(given[i % given.count]) \(family[(i / 2) % family.count])"
            let p2 = "\(given[(i + 4) % given.count]) \(family[(i + 3) % family.count])"
            let place = places[i % places.count]
            try dir.write(String(format: "a%02d.txt", i), """
            Talks in \(place) stall over farm subsidies

            Officials of the World Trade Organization (WTO) met on Monday in \(place) to discuss subsidies.

            \u{201C}We will not accept this. The terms are unfair to our farmers,\u{201D} said \(p1), a trade minister.

            The WTO said the talks would resume. \u{201C}There is still time,\u{201D} \(p2) told Reuters on Tuesday.

            \(family[(i / 2) % family.count]) said later that she expected a deal. \u{201C}We need money,\u{201D} she added.

            The talks resume on Friday in \(places[(i + 1) % places.count]), according to Dr. \(p2), who chairs them.
            """)
        }
        func tables(_ threads: String) throws -> (runs: Int, entities: [String], quotes: [String]) {
            setenv("NEWSQ_THREADS", threads, 1)
            defer { unsetenv("NEWSQ_THREADS") }
            let c = try CorpusLoader.load(paths: [dir.path])
            let t = c.entityTable
            let entities = t.entities.map { e in
                "\(e.name)|\(e.kind)|\(e.aliases)|\(e.articles)|" + e.mentions.map { "\(t.mentions[$0].article):\(t.mentions[$0].range)" }.joined(separator: ",")
            }
            let quotes = c.quotes.map { "\($0.article)|\($0.n)|\($0.range)|\($0.speaker ?? "-")|\($0.speakerEntity ?? -1)|\($0.cue ?? "-")|\($0.text)" }
            return (EntitiesExtractor.chunks(c).count, entities, quotes)
        }
        let one = try tables("1"), two = try tables("2")
        XCTAssertGreaterThan(one.runs, 1, "several runs of articles")
        XCTAssertGreaterThan(two.runs, one.runs)
        XCTAssertGreaterThan(one.entities.count, 20, "the corpus names people, places and an organisation")
        XCTAssertGreaterThan(one.quotes.count, 100, "the corpus quotes two people an article")
        XCTAssertEqual(one.entities, two.entities)
        XCTAssertEqual(one.quotes, two.quotes)
    }
}

extension UnderstandingDataTests {
    /// A huge article is read by the document-level step in windows of sentences (so its
    /// tokens are not all held at once); where each window names its people and places in
    /// full, the windows find what the article read whole finds.
    func testAHugeArticleReadInWindowsFindsTheSameNames() throws {
        let dir = try StoreTempDir()
        // (each sentence its own: a repeated paragraph or sentence is read once)
        func part(_ i: Int) -> String {
            "Officials of the World Trade Organization met for the \(i)th time in Geneva to discuss subsidies. "
                + "\u{201C}The terms of round \(i) are unfair to our farmers,\u{201D} said Ingrid Berg, a trade minister. "
                + "Berg then flew to Nairobi for \(i) days, where Kwame Mensah of the African Union met her. "
                + "Mensah said talks number \(i) would resume in Lisbon."
        }
        try dir.write("long.txt", "Subsidy talks, day by day\n\n" + (1...60).map(part).joined(separator: "\n\n") + "\n")
        let c = try CorpusLoader.load(paths: [dir.path])
        func names(_ t: EntityTable) -> [String] {
            t.entities.map { "\($0.name)|\($0.kind)|\($0.mentions.count)" }.sorted()
        }
        let whole = EntitiesExtractor.extract(c, tagger: NameTagger.shared)
        let windows = EntitiesExtractor.extract(c, tagger: NameTagger.shared, documentWindow: 120)
        XCTAssertTrue(names(whole).contains("Ingrid Berg|person|120"), "\(names(whole))")
        XCTAssertTrue(names(whole).contains("Geneva|place|60"), "\(names(whole))")
        XCTAssertEqual(names(windows), names(whole))
    }
}
