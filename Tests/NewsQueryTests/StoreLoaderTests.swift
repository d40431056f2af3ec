import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Loading files and folders: formats, warnings, errors, dates.
final class StoreLoaderTests: XCTestCase {
    func testJSONLWithABadLine() throws {
        let dir = try StoreTempDir()
        let p = try dir.write("feed.jsonl", """
        {"id": "a1", "title": "First", "source": "Wire", "date": "2021-08-27", "author": "A. B.", "url": "http://x/1", "body": "Japan and Taiwan met. The talks were by video."}
        {"id": "a2", "title": "Broken",
        {"id": "a3", "source": "Wire", "date": "Aug. 27, 2021", "body": "Second body mentions Taiwan Strait."}
        {"id": "a4", "title": "No body"}
        """)
        let c = try CorpusLoader.load(paths: [p])
        XCTAssertEqual(c.articles.map(\.id), ["a1", "a3", "a4"], "a title with no body loads as its headline")
        XCTAssertEqual(c.articles[0].title, "First")
        XCTAssertEqual(c.articles[0].date, DateValue(year: 2021, month: 8, day: 27))
        XCTAssertEqual(c.articles[1].date, DateValue(year: 2021, month: 8, day: 27))
        XCTAssertEqual(c.articles[0].url, "http://x/1")
        XCTAssertEqual(c.warnings.map(\.path), [p + ":2"])
        XCTAssertEqual(c.notes, ["1 record has a title and no body: it loads as the headline alone"])
        // the title is a sentence of its own (kind title), before the body's two
        XCTAssertEqual(c.sentences.filter { $0.article == 0 }.count, 3)
        XCTAssertEqual(c.paragraphs[c.articles[0].paragraphs.lowerBound].kind, .title)
        XCTAssertEqual(c.articles[2].words, 2)
        XCTAssertEqual(try! c.index.search(.phrase(["taiwan", "strait"], exact: false), unit: .article).map(\.unit), [1])
    }

    func testMissingPathIsAnError() {
        XCTAssertThrowsError(try CorpusLoader.load(paths: ["/no/such/newsq/path"])) { e in
            XCTAssertEqual(e as? CorpusLoadError, .notFound("/no/such/newsq/path"))
        }
    }

    func testInvalidUTF8IsAWarningByName() throws {
        let dir = try StoreTempDir()
        try dir.write("good.txt", "A Headline For Testing Here\n\nBody text about Taiwan.\n")
        let bad = try dir.write("bad.txt", Data([0x41, 0x42, 0xFF, 0xFE, 0x0A]))
        let c = try CorpusLoader.load(paths: [dir.path])
        XCTAssertEqual(c.articles.map(\.id), ["good"])
        XCTAssertEqual(c.articles[0].title, "A Headline For Testing Here")
        XCTAssertEqual(c.warnings.count, 1)
        XCTAssertTrue(c.warnings[0].path.hasSuffix("bad.txt"))
        XCTAssertTrue(c.warnings[0].description.contains("UTF-8"), c.warnings[0].description)
        XCTAssertThrowsError(try CorpusLoader.load(paths: [bad])) { e in
            guard case .empty? = e as? CorpusLoadError else { return XCTFail("\(e)") }
        }
    }

    func testFolderIsRecursiveAndSorted() throws {
        let dir = try StoreTempDir()
        try dir.write("b/two.txt", "Second story body sentence one. Sentence two.\n")
        try dir.write("a.md", "Third thing here.\n")
        try dir.write("c/records.json", #"[{"id": "r1", "body": "From JSON."}, {"id": "r2", "body": "Also JSON."}]"#)
        try dir.write("notes.csvx", "ignored")
        let c = try CorpusLoader.load(paths: [dir.path])
        XCTAssertEqual(c.articles.map(\.id), ["a", "b/two", "r1", "r2"])
        XCTAssertNil(c.articles[1].title)
        XCTAssertEqual(c.sentences.filter { $0.article == 1 }.count, 2)
    }

    /// The usual layout `guardian/001.txt`, `nyt/001.txt`: two ids, two sources;
    /// a repeated record id made unique, with a warning naming both places.
    func testIdsAreUniqueAndStable() throws {
        let dir = try StoreTempDir()
        try dir.write("guardian/001.txt", "China and Japan held talks.\n\nThe talks went on.\n")
        try dir.write("nyt/001.txt", "Russia and China held talks.\n\nMore talks.\n")
        try dir.write("nyt/002.md", "---\nsource: The New York Times\n---\nA third story.\n")
        try dir.write("feed.jsonl", #"{"id": "x", "body": "One body."}"# + "\n" + #"{"id": "x", "body": "Another body."}"# + "\n")
        let c = try CorpusLoader.load(paths: [dir.path])
        let ids = c.articles.map(\.id)
        XCTAssertEqual(Set(ids).count, ids.count, "ids collide: \(ids)")
        XCTAssertTrue(ids.contains("guardian/001") && ids.contains("nyt/001") && ids.contains("nyt/002"), "\(ids)")
        XCTAssertTrue(ids.contains("x") && ids.contains("x~2"), "\(ids)")
        let dup = try XCTUnwrap(c.warnings.first { $0.reason.contains("'x'") })
        XCTAssertTrue(dup.path.hasSuffix("feed.jsonl:2") && dup.reason.contains("feed.jsonl:1"), dup.description)
        // a file without a source of its own takes its folder's name; one with a source keeps it
        func source(_ id: String) -> String? { c.articles.first { $0.id == id }?.source }
        XCTAssertEqual(source("guardian/001"), "guardian")
        XCTAssertEqual(source("nyt/002"), "The New York Times")
        XCTAssertNil(source("x"), "a file at the top of the folder has no folder to name it")
        XCTAssertTrue(c.notes.contains { $0.contains("folder") }, "\(c.notes)")
        // loading the same folder again gives the same ids
        XCTAssertEqual(try CorpusLoader.load(paths: [dir.path]).articles.map(\.id), ids)
    }

    func testHardWrappedTextStaysOneParagraph() throws {
        let dir = try StoreTempDir()
        let p = try dir.write("wrapped.txt", "The first line of a wrapped paragraph goes on\nand on across lines until it\nends here.\n\nA second paragraph.\n")
        let c = try CorpusLoader.load(paths: [p])
        XCTAssertEqual(c.paragraphs.count, 2)
        XCTAssertEqual(c.sentences.count, 2)
    }

    func testDates() {
        XCTAssertEqual(DateParser.parse("2021-08-27"), DateValue(year: 2021, month: 8, day: 27))
        XCTAssertEqual(DateParser.parse("2021-08-27T10:00:00Z"), DateValue(year: 2021, month: 8, day: 27))
        XCTAssertEqual(DateParser.parse("2021/08/19 11:36"), DateValue(year: 2021, month: 8, day: 19))
        XCTAssertEqual(DateParser.parse("Aug. 27, 2021"), DateValue(year: 2021, month: 8, day: 27))
        XCTAssertEqual(DateParser.parse("27 August 2021"), DateValue(year: 2021, month: 8, day: 27))
        XCTAssertEqual(DateParser.parse("Sept. 29, 2021"), DateValue(year: 2021, month: 9, day: 29))
        XCTAssertNil(DateParser.parse("last week"))
        XCTAssertNil(DateParser.parse("2021-02-30"))
    }

    /// ISO weeks at the turn of the year, and months and years as periods.
    func testWeeksAndPeriods() throws {
        func week(_ y: Int, _ m: Int, _ d: Int) -> String {
            let w = DateValue(year: y, month: m, day: d)!.isoWeek
            return "\(w.year)-W\(w.week)"
        }
        XCTAssertEqual(week(2021, 1, 1), "2020-W53")   // a Friday: the week of the last Thursday of 2020
        XCTAssertEqual(week(2021, 1, 4), "2021-W1")    // the first Monday
        XCTAssertEqual(week(2024, 12, 30), "2025-W1")  // a Monday whose Thursday is in 2025
        XCTAssertEqual(week(2021, 8, 19), "2021-W33")
        XCTAssertEqual(week(1970, 1, 1), "1970-W1")
        let feb = try XCTUnwrap(DateValue.period("2024-02"))
        XCTAssertEqual(feb.first, DateValue(year: 2024, month: 2, day: 1))
        XCTAssertEqual(feb.last, DateValue(year: 2024, month: 2, day: 29))
        let year = try XCTUnwrap(DateValue.period("2021"))
        XCTAssertEqual(year.last.days - year.first.days, 364)
        XCTAssertNil(DateValue.period("2021-13"))
        XCTAssertNil(DateValue.period("21-08"))
    }
}
