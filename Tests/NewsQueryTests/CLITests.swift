import XCTest
import Foundation

/// The built `newsq` executable, found next to the test bundle (the products
/// directory of whatever scratch path built it), or at `$NEWSQ_BINARY`.
enum NewsqBinary {
    static var url: URL? {
        if let override = ProcessInfo.processInfo.environment["NEWSQ_BINARY"] {
            return URL(fileURLWithPath: override)
        }
        var candidates: [URL] = [Bundle.main.bundleURL]
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        for directory in candidates {
            let binary = directory.appendingPathComponent("newsq")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return nil
    }

    static func require() throws -> URL {
        guard let url else {
            XCTFail("newsq binary not found next to the test bundle (\(Bundle.main.bundleURL.path)); build the package first")
            throw XCTSkip("no newsq binary")
        }
        return url
    }
}

/// What one run of the binary gave.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the binary with arguments and standard input, capturing both outputs.
func runNewsq(_ arguments: [String], stdin: String = "", environment: [String: String] = [:],
              timeout: TimeInterval = 60) throws -> CLIResult {
    try Hardening.run(arguments, bytes: Array(stdin.utf8), environment: environment, timeout: timeout)
}

/// The executable as a user runs it: arguments, exit statuses, where output goes.
final class CLITests: XCTestCase {
    private var tempDirectory: URL!

    override func setUpWithError() throws {
        tempDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("newsq-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tempDirectory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: tempDirectory)
    }

    private func writeScript(_ name: String, _ text: String) throws -> String {
        let url = tempDirectory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    func testVersion() throws {
        let r = try runNewsq(["--version"])
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.stdout, "newsq 0.1.0\n")
        XCTAssertEqual(r.stderr, "")
    }

    func testHelpListsOptionsAndExitStatuses() throws {
        let r = try runNewsq(["--help"])
        XCTAssertEqual(r.status, 0)
        for word in ["USAGE: newsq", "--command", "--file", "--format", "markdown", "jsonl",
                     "--bail", "--echo", "--no-history", "--history", "--version", "64 usage error"] {
            XCTAssertTrue(r.stdout.contains(word), "help lacks \(word):\n\(r.stdout)")
        }
    }

    func testUnknownOptionIsUsageError() throws {
        let r = try runNewsq(["--frobnicate"])
        XCTAssertEqual(r.status, 64)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("--frobnicate"), r.stderr)
        XCTAssertTrue(r.stderr.contains("Usage: newsq"), r.stderr)
    }

    func testUnknownFormatIsUsageError() throws {
        let r = try runNewsq(["--format", "xml", "-c", "articles | count"])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.stderr.contains("xml"), r.stderr)
        XCTAssertEqual(r.stdout, "")
    }

    func testMissingCorpusPathExits66WithLoaderMessage() throws {
        let missing = tempDirectory.appendingPathComponent("no-such-folder").path
        let r = try runNewsq(["-c", "articles | count", missing])
        XCTAssertEqual(r.status, 66)
        XCTAssertTrue(r.stderr.hasPrefix("newsq: error[E0601]: cannot read corpus: "), r.stderr)
        XCTAssertTrue(r.stderr.contains("no-such-folder"), r.stderr)
        XCTAssertEqual(r.stdout, "")
    }

    func testMissingScriptExits66() throws {
        let missing = tempDirectory.appendingPathComponent("nothing.q").path
        let r = try runNewsq(["-f", missing])
        XCTAssertEqual(r.status, 66)
        XCTAssertTrue(r.stderr.contains("cannot read script \(missing)"), r.stderr)
    }

    func testCommandPrintsCount() throws {
        let r = try runNewsq(["--format", "csv", "-c", "articles | count"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(lines(r.stdout), ["n", "5"])
    }

    /// A statement that begins with a dash is a statement, not an option:
    /// `-c '-- note'` once failed as an unknown option.
    func testCommandMayBeginWithADash() throws {
        let r = try runNewsq(["--format", "csv", "-c", "-- the sample, counted", "-c", "articles | count"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(lines(r.stdout), ["n", "5"])
    }

    func testNonTerminalDefaultIsPlainTable() throws {
        let r = try runNewsq(["-c", "articles | count"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("5"), r.stdout)
        XCTAssertFalse(r.stdout.contains("│"), "box drawing on a pipe:\n\(r.stdout)")
        XCTAssertFalse(r.stdout.contains("\u{1B}["), "colour on a pipe")
    }

    func testEchoPrintsStatementFirst() throws {
        let r = try runNewsq(["--echo", "--format", "csv", "-c", "articles | count"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(lines(r.stdout), ["articles | count", "n", "5"])
    }

    func testPipedStatementsRunWithoutPromptOrBanner() throws {
        let r = try runNewsq(["--format", "csv"], stdin: "articles | count\narticles | take 2 | count\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(lines(r.stdout), ["n", "5", "n", "2"])
        XCTAssertFalse(r.stdout.contains("newsq>"))
        XCTAssertEqual(r.stderr, "")
    }

    func testScriptStagePerLine() throws {
        let path = try writeScript("stages.q", "# two articles\narticles\n| take 2\n| count\n")
        let r = try runNewsq(["--format", "csv", "-f", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(lines(r.stdout), ["n", "2"])
    }

    func testScriptErrorNamesFileLineAndColumn() throws {
        let path = try writeScript("broken.q", "articles | count\n\narticles | nosuchstage 3\n")
        let r = try runNewsq(["--format", "csv", "-f", path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(lines(r.stdout), ["n", "5"], "the good statement still ran")
        XCTAssertTrue(r.stderr.contains("\(path):3:12: error"), r.stderr)
    }

    func testFailedCommandExitsOne() throws {
        let r = try runNewsq(["-c", "articles | nosuchstage"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("<command>:1:12: error"), r.stderr)
    }

    func testWithoutBailLaterStatementsRun() throws {
        let path = try writeScript("keepgoing.q", "articles | nosuchstage\narticles | count\n")
        let r = try runNewsq(["--format", "csv", "-f", path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(lines(r.stdout), ["n", "5"])
    }

    func testBailStopsAtFirstError() throws {
        let path = try writeScript("bail.q", "articles | nosuchstage\narticles | count\n")
        let r = try runNewsq(["--bail", "--format", "csv", "-f", path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("\(path):1:12: error"), r.stderr)
    }

    func testBailAlsoSkipsLaterCommands() throws {
        let r = try runNewsq(["--bail", "--format", "csv", "-c", "articles | nosuchstage", "-c", "articles | count"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
    }
}
