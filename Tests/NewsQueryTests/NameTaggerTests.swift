import Foundation
import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// The learned name tagger: it learns a small synthetic set, its model file
/// round-trips, a missing or damaged model gives no tagger, and decoding only
/// ever yields legal BILOU sequences.
final class NameTaggerTests: XCTestCase {
    static let fixtures = Fixtures.root.appendingPathComponent("Tests/ner-fixtures")

    /// A synthetic silver set: template sentences with names drawn from small lists.
    static func synthetic(articles: Int, seed: UInt64) -> String {
        var rng = TaggerTrainer.SplitMix64(state: seed)
        let first = ["Marge", "Homer", "Lisa", "Ned", "Edna", "Waylon", "Montgomery", "Carl", "Lenny", "Selma", "Patty", "Kent"]
        let last = ["Simpson", "Flanders", "Krabappel", "Szyslak", "Smithers", "Burns", "Carlson", "Leonard", "Bouvier", "Brockman"]
        let orgs = ["Springfield Nuclear Plant", "Globex Corporation", "Kwik Company", "Shelbyville Water Board", "Ministry of Doughnuts",
                    "Freedonia Daily News", "Sylvania Defense Agency", "Bowlarama Group"]
        let places = ["Springfield", "Shelbyville", "North Haverbrook", "Freedonia", "Sylvania", "Capital City", "Ogdenville", "Brockway"]
        let templates = [
            "{P} said on Monday that the {O} would open an office in {L}.",
            "The {O} hired {P}, a former adviser, last year.",
            "Officials in {L} met {P} and {P} to discuss the plan.",
            "\u{201C}We will not stop,\u{201D} said {P}, who leads the {O}.",
            "Residents of {L} and {L} protested outside the {O} on Friday.",
            "According to {P}, the deal with the {O} was signed in {L}.",
            "Spokesman {P} told reporters that {L} would respond.",
            "the weather was mild and nothing else happened.",
        ]
        var lines: [String] = []
        for a in 0..<articles {
            var body = ""
            var ents: [[Any]] = []
            for _ in 0..<6 {
                let t = templates[Int(rng.next() % UInt64(templates.count))]
                var rest = Substring(t)
                while let open = rest.firstIndex(of: "{") {
                    body += rest[..<open]
                    let code = rest[rest.index(after: open)]
                    rest = rest[rest.index(open, offsetBy: 3)...]
                    let name: String, kind: String
                    switch code {
                    case "P": name = first[Int(rng.next() % UInt64(first.count))] + " " + last[Int(rng.next() % UInt64(last.count))]; kind = "person"
                    case "O": name = orgs[Int(rng.next() % UInt64(orgs.count))]; kind = "org"
                    default: name = places[Int(rng.next() % UInt64(places.count))]; kind = "place"
                    }
                    let start = body.utf8.count
                    body += name
                    ents.append([start, body.utf8.count, kind])
                }
                body += rest
                body += " "
            }
            body += "\n"
            let obj: [String: Any] = ["id": "syn-\(a)", "source": "test", "body": body, "ents": ents]
            let d = try! JSONSerialization.data(withJSONObject: obj)
            lines.append(String(decoding: d, as: UTF8.self))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A folder with the synthetic silver file, the fixture gazetteers, and a trained model.
    static let trained: (dir: URL, report: TaggerTrainer.Report) = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-tagger-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for f in ["places.txt", "first-names.txt", "last-names.txt"] {
            try! FileManager.default.copyItem(at: fixtures.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
        let silver = dir.appendingPathComponent("silver.jsonl")
        try! synthetic(articles: 200, seed: 7).write(to: silver, atomically: true, encoding: .utf8)
        var o = TaggerTrainer.Options()
        o.epochs = 4
        o.nerDirectory = dir.path
        let r = try! TaggerTrainer.run(silver: silver.path, outDir: dir.path, options: o, log: { _ in })
        return (dir, r)
    }()

    func tokens(_ s: String) -> [EntityToken] {
        let b = Array(s.utf8)
        return EntityWords.tokens(b, 0..<b.count)
    }

    func names(_ tagger: NameTagger, _ s: String) -> [String] {
        let toks = tokens(s)
        return tagger.tag(toks).map { sp in
            let text = toks[sp.tokens].map(\.text).joined(separator: " ")
            return "\(text)/\(sp.kind.rawValue)"
        }
    }

    func testGazetteerReadsTheFileFormat() {
        let g = Gazetteer(directory: Self.fixtures)
        XCTAssertEqual(g.fileCounts.places, 5)
        XCTAssertEqual(g.fileCounts.first, 5)
        XCTAssertEqual(g.fileCounts.last, 4)
        XCTAssertTrue(g.isPlace("freedonia"))
        XCTAssertTrue(g.isPlacePhrase(["north", "haverbrook"]))
        XCTAssertTrue(g.isPlacePhrase(["new", "york"]), "the lexicon's places are in too")
        XCTAssertFalse(g.isPlace("homer"))
        XCTAssertNotEqual(g.bits(FeatureHash.word("freedonia")) & Gazetteer.Bit.country, 0)
        XCTAssertNotEqual(g.bits(FeatureHash.word("homer")) & Gazetteer.Bit.firstName, 0)
        XCTAssertNotEqual(g.bits(FeatureHash.word("simpson")) & Gazetteer.Bit.lastName, 0)
    }

    func testLearnsTheSyntheticSet() throws {
        let r = Self.trained.report
        XCTAssertEqual(r.counts.misaligned, 0)
        XCTAssertGreaterThan(r.counts.aligned, 1000)
        XCTAssertGreaterThan(r.final.span.f, 0.95, "held-out spans: \(r.final)")
        let tagger = try XCTUnwrap(NameTagger(directory: Self.trained.dir))
        // names in combinations the training text never had
        XCTAssertEqual(names(tagger, "Lenny Bouvier said on Monday that the Globex Corporation would open an office in Ogdenville."),
                       ["Lenny Bouvier/person", "Globex Corporation/org", "Ogdenville/place"])
        XCTAssertEqual(names(tagger, "the weather was mild and nothing else happened."), [])
        let spans = tagger.tag(tokens("Spokesman Kent Brockman told reporters that Brockway would respond."))
        XCTAssertEqual(spans.map(\.kind), [.person, .place])
        XCTAssertEqual(spans.first?.tokens, 1..<3)
        XCTAssertTrue(spans.allSatisfy { $0.confidence > 0 })
    }

    func testModelFileRoundTrip() throws {
        let dir = Self.trained.dir
        let data = try Data(contentsOf: dir.appendingPathComponent("model.bin"))
        let m = try XCTUnwrap(TaggerModel.load(data))
        XCTAssertEqual(m.data(), data, "saving what was loaded gives the same bytes")
        let a = try XCTUnwrap(NameTagger(directory: dir))
        let b = NameTagger(model: m, gazetteer: Gazetteer(directory: dir))
        let text = Self.synthetic(articles: 20, seed: 99)
        for line in text.split(separator: "\n") {
            let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let toks = tokens(obj["body"] as! String)
            XCTAssertEqual(a.tag(toks), b.tag(toks))
        }
        XCTAssertLessThan(data.count, 15_000_000)
    }

    func testMissingOrDamagedModelGivesNoTagger() throws {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("newsq-tagger-bad-\(getpid())")
        try? fm.removeItem(at: dir)
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        XCTAssertNil(NameTagger(directory: dir), "no model.bin")
        let good = try Data(contentsOf: Self.trained.dir.appendingPathComponent("model.bin"))
        var flipped = good
        flipped[good.count / 2] ^= 0x40
        for bad in [Data(), Data("not a model".utf8), good.prefix(good.count - 1), good.prefix(40), flipped, good + Data([0])] {
            try bad.write(to: dir.appendingPathComponent("model.bin"))
            XCTAssertNil(NameTagger(directory: dir))
            XCTAssertNil(TaggerModel.load(bad))
        }
        try good.write(to: dir.appendingPathComponent("model.bin"))
        XCTAssertNotNil(NameTagger(directory: dir))
    }

    /// Scores every class at random: decoding must still give legal sequences.
    struct RandomScorer: TagScoring {
        final class State { var rng = TaggerTrainer.SplitMix64(state: 42) }
        let state = State()
        func score(_ keys: UnsafeBufferPointer<UInt64>) -> SIMD16<Float> {
            var s = SIMD16<Float>()
            for c in 0..<16 { s[c] = Float(state.rng.next() % 1000) / 100 }
            return s
        }
    }

    func testDecodingIsAlwaysLegal() throws {
        func check(_ tags: [Int], _ islands: [Range<Int>], file: StaticString = #filePath, line: UInt = #line) {
            var prev = -1
            for (i, c) in tags.enumerated() {
                let inIsland = islands.contains { $0.contains(i) }
                if !inIsland { XCTAssertEqual(c, 0, file: file, line: line) }
                XCTAssertTrue(BILOU.legal(prev, c), "\(BILOU.name(prev)) -> \(BILOU.name(c))", file: file, line: line)
                if inIsland, islands.contains(where: { $0.upperBound - 1 == i }) {
                    XCTAssertTrue(BILOU.legal(c, BILOU.classes), "a span left open at \(i)", file: file, line: line)
                }
                prev = c
            }
            XCTAssertTrue(BILOU.legal(prev, BILOU.classes), file: file, line: line)
        }
        let scorer = RandomScorer()
        let words = ["Alpha", "beta", "Gamma", "of", "the", "DELTA", ",", "U.S.", "said", "Epsilon", ".", "zeta", "\u{201C}"]
        var rng = TaggerTrainer.SplitMix64(state: 3)
        let gaz = Gazetteer()
        for _ in 0..<500 {
            let n = 1 + Int(rng.next() % 25)
            let text = (0..<n).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
            let toks = tokens(text)
            let islands = TaggerFeatures.islands(toks)
            var tags = [Int](repeating: 0, count: toks.count), margins = [Float](repeating: 0, count: toks.count)
            NameTagger.decode(TaggerFeatures(toks, gaz), islands, scorer, &tags, &margins)
            check(tags, islands)
        }
        // every pair of tags: the table and the spans agree
        for p in -1..<BILOU.classes {
            for c in 0..<BILOU.classes {
                let inside = p >= 1 && BILOU.part(p) <= 1
                let continues = c != 0 && BILOU.part(c) >= 1 && BILOU.part(c) <= 2 && BILOU.kind(c) == BILOU.kind(p)
                XCTAssertEqual(BILOU.legal(p, c), inside ? continues : (c == 0 || BILOU.part(c) == 0 || BILOU.part(c) == 3))
            }
        }
    }

    func testIslandsCoverCapitalisedRuns() {
        let toks = tokens("the talks in the Bank of England ended and nobody said anything at all to Smith today")
        let isl = TaggerFeatures.islands(toks)
        XCTAssertEqual(isl, [3..<8, 14..<17])
        XCTAssertEqual(TaggerFeatures.islands(tokens("all lowercase words here.")), [])
    }
}
