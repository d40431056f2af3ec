import XCTest
import Foundation

/// The interactive shell (through tmux) under bad conditions: Ctrl-C during a
/// long statement, a history file that is corrupt, a directory or unwritable,
/// `.output` to a path that cannot be written.
final class HardeningShellTests: XCTestCase {
    private var driver: TmuxDriver!
    private var home: URL!
    private static let exitMarker = "[newsq exited "

    override func setUpWithError() throws {
        guard TmuxDriver.tmuxPath != nil else { throw XCTSkip("tmux is not installed") }
        _ = try NewsqBinary.require()
        home = try Hardening.scratch("shell")
        driver = TmuxDriver()
    }

    override func tearDownWithError() throws {
        driver?.kill()
        if let home { try? FileManager.default.removeItem(at: home) }
    }

    private func launch(history: String, environment: String = "") throws {
        let binary = try NewsqBinary.require().path
        let command = "env HOME='\(home.path)' NEWSQ_HISTORY='\(history)' TERM=xterm-256color \(environment) "
            + "'\(binary)'; echo '\(Self.exitMarker)'$?']'; sleep 600"
        try driver.start(command)
        driver.waitFor("the first prompt") { $0.hasSuffix("newsq>") }
    }

    private func prompts(_ screen: String) -> Int { screen.split(separator: "\n").filter { $0.hasPrefix("newsq>") }.count }

    @discardableResult
    private func run(_ statement: String) throws -> String {
        let before = prompts(driver.screen())
        try driver.type(statement)
        try driver.press("Enter")
        return driver.waitFor("the prompt after \(statement)") { self.prompts($0) > before && $0.hasSuffix("newsq>") }
    }

    private func assertCountWorks(file: StaticString = #filePath, line: UInt = #line) throws {
        try run(".mode csv")
        let screen = try run("articles | count")
        XCTAssertTrue(screen.hasSuffix("newsq> articles | count\nn\n5\nnewsq>"), screen, file: file, line: line)
    }

    private func quitAndCheckStatus() throws {
        try driver.press("C-d")
        let screen = driver.waitFor("newsq to exit") { $0.contains(Self.exitMarker) }
        XCTAssertTrue(screen.contains(Self.exitMarker + "0]"), screen)
    }

    func testCtrlCStopsAPathologicalRegexAndTheSessionGoesOn() throws {
        // Only Ctrl-C can stop it here: the per-match budget is set far away.
        try launch(history: home.appendingPathComponent("h").path, environment: "NEWSQ_REGEX_BUDGET=600")
        try run("let nw = articles | where source == \"Newsweek\"")
        let slow = "/" + String(repeating: "a?", count: 30) + String(repeating: "a", count: 30) + "/"
        let before = prompts(driver.screen())
        try driver.type("sentences | where text matches \(slow) | count")
        try driver.press("Enter")
        usleep(500_000)
        try driver.press("C-c")
        let screen = driver.waitFor("the prompt after Ctrl-C", timeout: 5) { self.prompts($0) > before && $0.hasSuffix("newsq>") }
        XCTAssertTrue(screen.contains("cancelled"), screen)
        try assertCountWorks()
        let nw = try run("nw | count")
        XCTAssertTrue(nw.hasSuffix("n\n2\nnewsq>"), nw)
        try quitAndCheckStatus()
    }

    func testCtrlCEndsAReadThatWaitsOnAPipe() throws {
        let fifo = home.appendingPathComponent("script.q").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        try launch(history: home.appendingPathComponent("h").path)
        let before = prompts(driver.screen())
        try driver.type(".read \(fifo)")
        try driver.press("Enter")
        usleep(300_000)
        try driver.press("C-c")
        let screen = driver.waitFor("the prompt after Ctrl-C", timeout: 5) { self.prompts($0) > before && $0.hasSuffix("newsq>") }
        XCTAssertTrue(screen.contains("cancelled") || screen.contains("Interrupted"), screen)
        try assertCountWorks()
        try quitAndCheckStatus()
    }

    func testACorruptHistoryFileIsIgnored() throws {
        let history = home.appendingPathComponent("h")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }).write(to: history)
        try launch(history: history.path)
        try assertCountWorks()
        try quitAndCheckStatus()
    }

    func testAHistoryFileThatIsADirectory() throws {
        let history = home.appendingPathComponent("hdir")
        try FileManager.default.createDirectory(at: history, withIntermediateDirectories: true)
        try launch(history: history.path)
        XCTAssertTrue(driver.screen().contains("is a directory"), driver.screen())
        try assertCountWorks()
        try quitAndCheckStatus()
    }

    func testAnUnwritableHistoryFileWarnsOnce() throws {
        try launch(history: "/nonexistent-newsq-dir/history")
        try assertCountWorks()
        let screen = try run("articles | take 1 | count")
        XCTAssertEqual(screen.components(separatedBy: "cannot save history").count - 1, 1, screen)
        try quitAndCheckStatus()
    }

    func testOutputToAnUnwritablePathKeepsTheScreen() throws {
        try launch(history: home.appendingPathComponent("h").path)
        let screen = try run(".output /nonexistent-newsq-dir/out.txt")
        XCTAssertTrue(screen.contains("cannot write /nonexistent-newsq-dir/out.txt"), screen)
        try assertCountWorks()
        let full = try run(".output /dev/full")
        XCTAssertFalse((full.components(separatedBy: ".output /dev/full").last ?? "").contains("error"), full)
        let after = try run("articles | count")
        XCTAssertTrue(after.contains("cannot write /dev/full"), after)
        try assertCountWorks()
        try quitAndCheckStatus()
    }
}
