import XCTest
import Foundation

/// A tmux server of its own with one pane running a command, driven as a
/// person at a terminal would: typing, special keys, reading the screen.
final class TmuxDriver {
    let socket = "newsq-test-\(UUID().uuidString.prefix(8))"
    static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs a tmux client command through `/bin/sh`, returning what it printed.
    /// (Not `Process`: the tmux server forked by `new-session` keeps
    /// Foundation's descriptors open and `waitUntilExit` never returns.)
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let words = [Self.tmuxPath!, "-L", socket, "-f", "/dev/null"] + arguments
        let command = words.map(Self.shellQuoted).joined(separator: " ") + " </dev/null 2>/dev/null"
        guard let pipe = popen(command, "r") else { throw POSIXError(.EIO) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            if n <= 0 { break }
            output.append(contentsOf: buffer[..<n])
        }
        pclose(pipe)
        return String(decoding: output, as: UTF8.self)
    }

    static func shellQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    func start(_ shellCommand: String) throws {
        // The server must not hold popen's pipe, or reading it would never end.
        let words = [Self.tmuxPath!, "-L", socket, "-f", "/dev/null",
                     "new-session", "-d", "-s", "t", "-x", "120", "-y", "40", shellCommand]
        let status = system(words.map(Self.shellQuoted).joined(separator: " ") + " </dev/null >/dev/null 2>&1")
        guard status == 0 else { throw POSIXError(.ECHILD) }
    }

    /// Types text exactly as given (`;` and spaces included).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "t", "-l", text]) }

    /// Presses keys by tmux name: `Enter`, `Up`, `Tab`, `C-c`, `C-d`.
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "t"] + keys) }

    /// The visible screen, wrapped lines joined, trailing blank lines dropped.
    func screen() -> String {
        let text = (try? tmux(["capture-pane", "-p", "-J", "-t", "t"])) ?? ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop(while: { $0 == " " }).reversed())
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Polls the screen until `condition` holds; fails the test with the screen after `timeout`.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line,
                 _ condition: (String) -> Bool) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var text = screen()
        while !condition(text) {
            if Date() > deadline {
                XCTFail("timed out waiting for \(what); screen:\n\(text)", file: file, line: line)
                return text
            }
            usleep(50_000)
            text = screen()
        }
        return text
    }

    /// Stops the server and removes its socket file (tmux leaves it behind).
    func kill() {
        _ = try? tmux(["kill-server"])
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(directory)/tmux-\(getuid())/\(socket)")
    }
}

/// The interactive shell through a real terminal (tmux): editing, history,
/// Ctrl-C, Tab completion, Ctrl-D.
final class ShellTests: XCTestCase {
    private var driver: TmuxDriver!
    private var home: URL!
    private var historyFile: URL { home.appendingPathComponent("history") }
    private static let exitMarker = "[newsq exited "

    override func setUpWithError() throws {
        guard TmuxDriver.tmuxPath != nil else { throw XCTSkip("tmux is not installed") }
        _ = try NewsqBinary.require()
        home = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        driver = TmuxDriver()
    }

    override func tearDownWithError() throws {
        driver?.kill()
        if let home { try? FileManager.default.removeItem(at: home) }
    }

    /// Starts the shell with a fresh HOME and history file; waits for the first prompt.
    private func launch(_ arguments: String = "") throws {
        let binary = try NewsqBinary.require().path
        let command = "env HOME='\(home.path)' NEWSQ_HISTORY='\(historyFile.path)' TERM=xterm-256color "
            + "'\(binary)' \(arguments); echo '\(Self.exitMarker)'$?']'; sleep 600"
        try driver.start(command)
        driver.waitFor("the first prompt") { $0.hasSuffix("newsq>") }
    }

    /// Lines on the screen after the last line that starts with `prefix`.
    private func promptCount(_ screen: String) -> Int {
        screen.split(separator: "\n").filter { $0.hasPrefix("newsq>") }.count
    }

    /// Types a statement, presses Enter, waits for the next prompt; returns the screen.
    @discardableResult
    private func run(_ statement: String) throws -> String {
        let before = promptCount(driver.screen())
        try driver.type(statement)
        try driver.press("Enter")
        return driver.waitFor("the prompt after \(statement)") {
            self.promptCount($0) > before && $0.hasSuffix("newsq>")
        }
    }

    private func quit() throws {
        try driver.press("C-d")
        driver.waitFor("newsq to exit") { $0.contains(Self.exitMarker) }
    }

    /// `~/.newsqrc` runs at interactive start (settings, lets); `--no-rc` skips it.
    func testStartupFileRunsUnlessSkipped() throws {
        try ".mode csv\nlet nw = articles | where source == \"Newsweek\"\n"
            .write(to: home.appendingPathComponent(".newsqrc"), atomically: true, encoding: .utf8)
        try launch()
        let screen = try run("nw | count")
        XCTAssertTrue(screen.contains("nw: 2 rows"), screen)
        XCTAssertTrue(screen.contains("n\n2"), screen)
        try quit()
        driver.kill()
        driver = TmuxDriver()
        try launch("--no-rc")
        let skipped = try run("nw | count")
        XCTAssertTrue(skipped.contains("unknown source 'nw'") || skipped.contains("'nw'"), skipped)
    }

    func testBannerThenStatementShowsResult() throws {
        try launch()
        XCTAssertTrue(driver.screen().contains("5 articles"), driver.screen())
        let screen = try run("articles | count")
        let afterStatement = screen.components(separatedBy: "newsq> articles | count").last ?? ""
        XCTAssertTrue(afterStatement.contains("5"), screen)
    }

    func testMultiLineStatementContinuesAndIsRecalledWholeAfterRestart() throws {
        try launch()
        try driver.type("articles |")
        try driver.press("Enter")
        driver.waitFor("the continuation prompt") { $0.hasSuffix("...|>") }
        let screen = try run("take 2 | count")
        XCTAssertTrue((screen.components(separatedBy: "take 2 | count").last ?? "").contains("2"), screen)
        try quit()

        driver.kill()
        driver = TmuxDriver()
        try launch()
        try driver.press("Up")
        driver.waitFor("the whole statement recalled") {
            $0.hasSuffix("newsq> articles |\ntake 2 | count")
        }
        try driver.press("Enter")
        let rerun = driver.waitFor("the recalled statement's result") { $0.hasSuffix("newsq>") && self.promptCount($0) == 2 }
        XCTAssertTrue((rerun.components(separatedBy: "take 2 | count").last ?? "").contains("2"), rerun)
    }

    func testHistoryFileIsPrivateAndDropsAdjacentDuplicates() throws {
        try launch()
        try run("articles | count")
        try run("articles | count")
        try run("articles | take 1 | count")
        try quit()
        let attributes = try FileManager.default.attributesOfItem(atPath: historyFile.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let text = try String(contentsOf: historyFile, encoding: .utf8)
        let entries = text.split(separator: "\n").dropFirst()  // the _HiStOrY_V2_ header
        XCTAssertEqual(Array(entries), ["articles\\040|\\040count", "articles\\040|\\040take\\0401\\040|\\040count"])
    }

    func testCtrlCClearsTheLineAndTheShellStaysAlive() throws {
        try launch()
        try driver.type("articles | wher")
        driver.waitFor("the typed text") { $0.hasSuffix("newsq> articles | wher") }
        try driver.press("C-c")
        driver.waitFor("a fresh prompt") { $0.hasSuffix("newsq>") && self.promptCount($0) == 2 }
        let screen = try run("articles | count")
        XCTAssertFalse(screen.contains("wherarticles"), screen)
        XCTAssertTrue((screen.components(separatedBy: "newsq> articles | count").last ?? "").contains("5"), screen)
    }

    func testTabCompletesStageName() throws {
        try launch()
        try driver.type("articles | cou")
        try driver.press("Tab")
        driver.waitFor("count completed") { $0.hasSuffix("newsq> articles | count") }
        try driver.press("Enter")
        let screen = driver.waitFor("the result") { $0.hasSuffix("newsq>") && self.promptCount($0) == 2 }
        XCTAssertTrue((screen.components(separatedBy: "articles | count").last ?? "").contains("5"), screen)
    }

    func testTabCompletesDotCommand() throws {
        try launch()
        try driver.type(".hel")
        try driver.press("Tab")
        driver.waitFor(".help completed") { $0.hasSuffix("newsq> .help") }
    }

    func testCtrlDOnEmptyLineExits() throws {
        try launch()
        try quit()
        XCTAssertTrue(driver.screen().contains(Self.exitMarker + "0]"), driver.screen())
    }

    func testCtrlRFindsAnEarlierStatement() throws {
        try launch()
        try run("articles | where source == \"Newsweek\" | count")
        try run("sentences | count")
        try driver.press("C-r")
        try driver.type("Newsw")
        driver.waitFor("the match from history") { $0.contains("where source == \"Newsweek\" | count") && !$0.hasSuffix("newsq>") }
        try driver.press("Enter")
        let screen = driver.waitFor("the recalled statement's result") { $0.hasSuffix("newsq>") && self.promptCount($0) >= 3 }
        XCTAssertTrue(screen.hasSuffix("2 │\n└───┘\nnewsq>") || screen.contains("│ 2 │"), screen)
    }

    func testTabCompletesCorpusValueInsideQuote() throws {
        try launch()
        try driver.type("articles | where source == \"Taiw")
        try driver.press("Tab")
        driver.waitFor("the outlet completed") { $0.contains("source == \"Taiwan News\"") }
        try driver.type("| count")
        try driver.press("Enter")
        let screen = driver.waitFor("the result") { $0.hasSuffix("newsq>") && self.promptCount($0) == 2 }
        XCTAssertTrue(screen.contains("│ 1 │"), screen)
    }

    func testTrailingWhereContinuesWithItsPrompt() throws {
        try launch()
        try driver.type("articles | where")
        try driver.press("Enter")
        driver.waitFor("the continuation prompt") { $0.hasSuffix("...>") }
        try driver.type("words > 1000 | count")
        try driver.press("Enter")
        let screen = driver.waitFor("the result") { $0.hasSuffix("newsq>") && self.promptCount($0) == 2 }
        XCTAssertTrue(screen.contains("│ 2 │"), screen)
    }
}
