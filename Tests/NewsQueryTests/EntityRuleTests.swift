import Foundation
import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// The entity rules for unseen news (issue 9), each on a made-up article (no text here is
/// from a corpus): places told by the words around them, party-state tags, names with
/// particles, organisations told by their nouns, translations in parentheses, storms and
/// quoted titles left out, credits in title-case lines.
final class EntityRuleTests: XCTestCase {
    func corpus(_ bodies: [String]) throws -> Corpus {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-entities-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var lines: [String] = []
        for (i, b) in bodies.enumerated() {
            let obj: [String: Any] = ["id": "e\(i)", "title": "Report \(i)", "source": "Test Wire", "body": b]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: obj), as: UTF8.self))
        }
        let path = dir.appendingPathComponent("entities.jsonl").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return try CorpusLoader.load(paths: [path])
    }

    /// The kinds of the entities with a mention written `text`.
    func kinds(_ c: Corpus, _ text: String) -> Set<EntityKind> {
        let t = c.entityTable
        return Set(t.mentions.filter { $0.text == text }.map { t.entities[$0.entity].kind })
    }

    func testPlacesToldByTheWordsAroundThem() throws {
        let c = try corpus(["""
        Rebels were pushed out of the provinces of Varnetta and Quellbrook, the army said on Tuesday.

        Aid workers said thousands had gathered in Ostrava Minor to wait for food.

        "It is very hard," said Tomas Reller, a doctor in the Dunmore area.
        """])
        XCTAssertEqual(kinds(c, "Varnetta"), [.place])
        XCTAssertEqual(kinds(c, "Quellbrook"), [.place])
        XCTAssertEqual(kinds(c, "Dunmore"), [.place])
        XCTAssertEqual(kinds(c, "Tomas Reller"), [.person])
    }

    func testPartyStateTagsAndParticles() throws {
        let c = try corpus(["""
        Senator Mitch Harlan, R-Ky., said the vote would go ahead.

        The talks were led by the envoy Staffan de Marvello, who met Charles de Vaux in Geneva.
        """])
        XCTAssertEqual(kinds(c, "Ky"), [.place])
        XCTAssertTrue(c.entityTable.entities.contains { $0.name == "Kentucky" })
        XCTAssertEqual(kinds(c, "Charles de Vaux"), [.person])
        XCTAssertTrue(kinds(c, "Vaux").isEmpty, "a particle keeps the name whole")
    }

    func testOrganisationsToldByTheirNouns() throws {
        let c = try corpus(["""
        Ruth Adler, a spokeswoman for the rights NGO Bet Amal, said the law was unjust.

        The Korvex daily reported that the plane had lost altitude. The self-employed body IPSX welcomed the change.
        """])
        XCTAssertEqual(kinds(c, "Bet Amal"), [.org])
        XCTAssertEqual(kinds(c, "Korvex"), [.org])
        XCTAssertEqual(kinds(c, "IPSX"), [.org])
        XCTAssertEqual(kinds(c, "Ruth Adler"), [.person])
    }

    func testTranslationsStormsAndTitles() throws {
        let c = try corpus(["""
        Fighters of Jaysh al-Harran (Army of Harran) took the town, a monitor said.

        Cyclone Marla reached the coast overnight. Marla is the strongest storm in years, said Ben Otis.

        The musical "Blue Harbour Nights" won the top prize, said Ana Pell.
        """])
        let t = c.entityTable
        let jaysh = t.mentions.first { $0.text == "Jaysh al-Harran" }
        let army = t.mentions.first { $0.text == "Army of Harran" }
        XCTAssertNotNil(jaysh)
        XCTAssertEqual(jaysh?.entity, army?.entity, "a translation in parentheses is the same organisation")
        XCTAssertEqual(jaysh.map { t.entities[$0.entity].kind }, .org)
        XCTAssertTrue(kinds(c, "Marla").isEmpty, "a storm's name is no entity")
        XCTAssertTrue(kinds(c, "Blue Harbour Nights").isEmpty, "a quoted title of a work is no entity")
        XCTAssertEqual(kinds(c, "Ben Otis"), [.person])
    }

    func testCreditsInTitleCaseLines() throws {
        let c = try corpus(["""
        Officials inspected the harbour wall on Monday after the storm.

        Photo: workers at the harbour wall on Monday. Karl Benning/Getty Images

        The mayor said repairs would take a month.
        """])
        XCTAssertEqual(kinds(c, "Karl Benning"), [.person])
        XCTAssertEqual(kinds(c, "Getty Images"), [.org])
    }
}
