import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// CSV/TSV, Markdown front matter, folders with links, bad files reported by name.
final class StoreFormatTests: XCTestCase {
    func testCSVWithQuotedCommasNewlinesAndRaggedRows() throws {
        let dir = try StoreTempDir()
        let p = try dir.write("news.csv", "ID,Headline,Outlet,Published,Text\r\n"
            + "c1,First one,Wire,2021/08/19 11:36,\"Japan, Taiwan and \"\"friends\"\" met.\nA second line.\"\r\n"
            + "c2,Ragged,Wire\r\n"
            + "c3,Third,Paper,27 August 2021,Plain body about Taiwan.\r\n"
            + "c4,No body,Paper,2021-08-01,\r\n")
        let c = try CorpusLoader.load(paths: [p])
        // a record with a headline and no body loads as its headline alone, with a note
        XCTAssertEqual(c.articles.map(\.id), ["c1", "c3", "c4"])
        XCTAssertEqual(c.articles[2].title, "No body")
        XCTAssertEqual(c.articles[2].words, 2)
        XCTAssertEqual(c.notes, ["1 record has a title and no body: it loads as the headline alone"])
        XCTAssertEqual(c.articles[0].title, "First one")
        XCTAssertEqual(c.articles[0].source, "Wire")
        XCTAssertEqual(c.articles[0].date, DateValue(year: 2021, month: 8, day: 19))
        XCTAssertEqual(c.articles[1].date, DateValue(year: 2021, month: 8, day: 27))
        XCTAssertTrue(c.articles[0].text.contains("\"friends\" met.\nA second line."))
        XCTAssertEqual(c.warnings.map(\.path), [p + ":4"])
        XCTAssertTrue(c.warnings.first?.reason.contains("ragged") == true, "\(c.warnings)")
    }

    func testTSVAndMissingBodyColumn() throws {
        let dir = try StoreTempDir()
        try dir.write("a.tsv", "id\ttitle\tbody\nt1\tA title\tBody of the first.\n\nt2\tB\tBody two.\n")
        let bad = try dir.write("b.csv", "id,title\nx,y\n")
        let c = try CorpusLoader.load(paths: [dir.path])
        XCTAssertEqual(c.articles.map(\.id), ["t1", "t2"])
        XCTAssertEqual(c.warnings.count, 1)
        XCTAssertEqual(c.warnings[0].path, bad)
        XCTAssertTrue(c.warnings[0].reason.contains("no body column"))
    }

    func testUnclosedQuoteIsReported() {
        let (recs, open) = DelimitedReader.records(Array("a,b\n1,\"open\n2,3\n".utf8), separator: 0x2C)
        XCTAssertEqual(recs.map(\.fields), [["a", "b"]])
        XCTAssertEqual(open, 2)
    }

    func testMarkdownFrontMatterAndHeading() throws {
        let dir = try StoreTempDir()
        try dir.write("one.md", "---\ntitle: \"Talks in Taipei\"\noutlet: Daily Wire\ndate: Aug. 27, 2021\nauthor: A. Writer\ntags: [a, b]\n---\nTalks in Taipei\n\nThe body starts here. It goes on.\n")
        try dir.write("two.md", "# A Heading For Two\n\nBody of two is here.\n")
        try dir.write("three.md", "---\ndate: someday\n---\nBody.\n")
        let c = try CorpusLoader.load(paths: [dir.path])
        XCTAssertEqual(c.articles.map(\.id), ["one", "three", "two"])
        let one = c.articles[0]
        XCTAssertEqual(one.title, "Talks in Taipei")
        XCTAssertEqual(one.source, "Daily Wire")
        XCTAssertEqual(one.author, "A. Writer")
        XCTAssertEqual(one.date, DateValue(year: 2021, month: 8, day: 27))
        XCTAssertTrue(one.body.hasPrefix("The body starts here."))
        XCTAssertEqual(c.articles[2].title, "A Heading For Two")
        XCTAssertTrue(c.articles[2].body.hasPrefix("Body of two"))
        XCTAssertEqual(c.warnings.count, 1)
        XCTAssertTrue(c.warnings[0].reason.contains("date not understood: someday"))
    }

    func testEmptyFilesAndSymlinkLoops() throws {
        let dir = try StoreTempDir()
        try dir.write("sub/good.txt", "Some real text about Japan.\n")
        try dir.write("empty.txt", "")
        try dir.write("blank.txt", "  \n\n ")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/sub/loop", withDestinationPath: dir.path)
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/dangling.txt", withDestinationPath: dir.path + "/nowhere.txt")
        let c = try CorpusLoader.load(paths: [dir.path])
        XCTAssertEqual(c.articles.map(\.id), ["sub/good"])
        let reasons = Dictionary(uniqueKeysWithValues: c.warnings.map { (($0.path as NSString).lastPathComponent, $0.reason) })
        XCTAssertEqual(reasons["empty.txt"], "empty file")
        XCTAssertEqual(reasons["blank.txt"], "no body text")
        XCTAssertEqual(reasons["dangling.txt"], "broken symbolic link")
        // the file has no source of its own: its folder's name is used
        XCTAssertTrue(c.summaryLine.contains("1 article, 5 words, 1 source, no dates, loaded in"), c.summaryLine)
        XCTAssertTrue(c.summaryLine.hasSuffix("3 warnings"), c.summaryLine)
    }

    func testNotUTF8NamesTheByte() throws {
        let dir = try StoreTempDir()
        try dir.write("ok.txt", "Fine text.\n")
        try dir.write("latin1.txt", Data("Caf".utf8 + [0xE9] + Array(" au lait.\n".utf8)))
        let c = try CorpusLoader.load(paths: [dir.path])
        XCTAssertEqual(c.warnings.count, 1)
        XCTAssertTrue(c.warnings[0].reason.contains("not valid UTF-8 (bad byte 0xE9 on line 1"), c.warnings[0].reason)
    }

    func testMoreDateForms() {
        XCTAssertEqual(DateParser.parse("Friday, August 27, 2021"), DateValue(year: 2021, month: 8, day: 27))
        XCTAssertEqual(DateParser.parse("Fri, 27 Aug 2021 10:00:00 +0000"), DateValue(year: 2021, month: 8, day: 27))
        XCTAssertEqual(DateParser.parse("2021-08-19 13:43 GMT+08:00"), DateValue(year: 2021, month: 8, day: 19))
    }
}

/// Files that are not what their names say.
final class StoreBadFileTests: XCTestCase {
    func testPipesUTF16AndBadJSONAreReportedAndTheRestLoads() throws {
        let dir = try StoreTempDir()
        try dir.write("ok.txt", "Fine text about Japan.\n")
        try dir.write("utf16.txt", Data([0xFF, 0xFE, 0x41, 0x00, 0x42, 0x00]))
        try dir.write("broken.json", "{\"id\": \"x\", \"body\": ")
        try dir.write("array.json", "[1, {\"id\": \"j1\", \"body\": \"From an array.\"}]")
        XCTAssertEqual(mkfifo(dir.path + "/pipe.txt", 0o644), 0)
        let c = try CorpusLoader.load(paths: [dir.path])
        XCTAssertEqual(c.articles.map(\.id), ["j1", "ok"])
        let byFile = Dictionary(grouping: c.warnings) { ($0.path as NSString).lastPathComponent }
        XCTAssertTrue(byFile["utf16.txt"]?.first?.reason.contains("UTF-16") ?? false, "\(c.warnings)")
        XCTAssertEqual(byFile["broken.json"]?.first?.reason, "not valid JSON")
        XCTAssertEqual(byFile["array.json[0]"]?.first?.reason, "not a JSON object")
        XCTAssertTrue(byFile["pipe.txt"]?.first?.reason.contains("not a regular file") ?? false, "\(c.warnings)")
    }
}

/// The fast record reader agrees with JSONSerialization, or declines.
final class RecordJSONTests: XCTestCase {
    func parse(_ s: String) -> [String: String]? {
        Array(s.utf8).withUnsafeBufferPointer { RecordJSON.object($0) }
    }

    func testValuesAndEscapes() {
        XCTAssertEqual(parse(#"{"ID": "a1", "n": 42, "ok": true, "x": null, "Body": "line\nnext \"q\" \u00e9 \ud83d\ude00 caf\u00E9", "tags": ["a", "b"]}"#),
                       ["id": "a1", "n": "42", "ok": "true", "body": "line\nnext \"q\" é 😀 café", "tags": "a, b"])
        XCTAssertEqual(parse("  {}  "), [:])
    }

    func testDeclines() {
        XCTAssertNil(parse(#"{"a": {"nested": 1}}"#))
        XCTAssertNil(parse(#"{"a": "unclosed}"#))
        XCTAssertNil(parse(#"{"a": 1,}"#))
        XCTAssertNil(parse(#"[1, 2]"#))
        XCTAssertNil(parse(#"{"a": "\ud83d"}"#))
        XCTAssertNil(parse(#"{"a": 1} trailing"#))
    }

    func testNestedRecordsStillLoadThroughTheFallback() throws {
        let dir = try StoreTempDir()
        let p = try dir.write("n.jsonl", #"{"id": "n1", "meta": {"x": 1}, "body": "Nested meta is fine."}"# + "\n" + #"{"id": "n2", "body": "Plain \"quoted\" body."}"#)
        let c = try CorpusLoader.load(paths: [p])
        XCTAssertEqual(c.articles.map(\.id), ["n1", "n2"])
        XCTAssertEqual(c.articles[1].text, "Plain \"quoted\" body.")
    }
}

/// Site furniture in a web copy is boilerplate; the article text is body.
final class StoreBoilerplateTests: XCTestCase {
    func testSiteFurniture() throws {
        let dir = try StoreTempDir()
        try dir.write("web.txt", """
        Skip to main content
        Home
        World

        Ministers Agree New Fisheries Deal After Long Night of Talks

        Share this
        Tweet
        Email

        Ministers agreed a new fisheries deal early on Tuesday. The talks ran through the night.

        Advertisement

        Fishermen welcomed the agreement, which sets catch limits for three years.

        Tags: fisheries, EU, quotas

        © 2021 Example News. All rights reserved.
        """)
        let c = try CorpusLoader.load(paths: [dir.path])
        let a = c.articles[0]
        XCTAssertEqual(a.title, "Ministers Agree New Fisheries Deal After Long Night of Talks")
        let kinds = c.paragraphs[a.paragraphs].map { (String(a.slice($0.range)), $0.kind) }
        let body = kinds.filter { $0.1 == .body }.map(\.0)
        XCTAssertEqual(body, ["Ministers agreed a new fisheries deal early on Tuesday. The talks ran through the night.",
                              "Fishermen welcomed the agreement, which sets catch limits for three years."], "\(kinds)")
        XCTAssertTrue(try c.index.search(.term("quotas", exact: false), unit: .paragraph).isEmpty)
    }
}
