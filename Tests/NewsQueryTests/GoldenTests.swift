import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Golden tests: each examples/NAME.q runs as a script on the sample corpus
/// (table mode, results and errors in order) and must print exactly
/// examples/NAME.out. `NEWSQ_RECORD=1 swift test --filter GoldenTests` (or
/// `make record`) rewrites the .out files; review the diff before committing.
final class GoldenTests: XCTestCase {
    func testExamples() throws {
        try runGolden(in: "examples")
    }

    /// The workshop pack: a guided tour, one idea per script.
    func testWorkshop() throws {
        try runGolden(in: "examples/workshop")
    }

    func runGolden(in folder: String) throws {
        let dir = Fixtures.root.appendingPathComponent(folder)
        let record = ProcessInfo.processInfo.environment["NEWSQ_RECORD"] == "1"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".q") }.sorted()
        XCTAssertFalse(files.isEmpty, "no examples")
        for f in files {
            let script = try String(contentsOf: dir.appendingPathComponent(f), encoding: .utf8)
            let (output, status) = Fixtures.run(script, name: folder + "/" + f)
            let actual = output + (status == 0 ? "" : "[exit status \(status)]\n")
            let expectedURL = dir.appendingPathComponent(String(f.dropLast(2)) + ".out")
            if record {
                try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
                continue
            }
            guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
                XCTFail("\(f): no expected output; run `make record`")
                continue
            }
            if actual != expected {
                XCTFail("\(f) differs from \(expectedURL.lastPathComponent):\n--- expected\n\(expected)\n--- actual\n\(actual)")
            }
        }
    }
}
