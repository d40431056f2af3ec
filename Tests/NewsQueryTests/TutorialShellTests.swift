import XCTest
import Foundation

/// `.tutorial` and the pager through a real terminal (tmux), with a temporary
/// HOME (so `~/.newsq_tutorial` is the test's own) and history file.
final class TutorialShellTests: XCTestCase {
    private var driver: TmuxDriver!
    private var home: URL!
    private static let exitMarker = "[newsq exited "

    override func setUpWithError() throws {
        guard TmuxDriver.tmuxPath != nil else { throw XCTSkip("tmux is not installed") }
        _ = try NewsqBinary.require()
        home = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-tutorial-shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        driver = TmuxDriver()
    }

    override func tearDownWithError() throws {
        driver?.kill()
        if let home { try? FileManager.default.removeItem(at: home) }
    }

    private func launch(_ arguments: String = "", environment: String = "") throws {
        let binary = try NewsqBinary.require().path
        let command = "env HOME='\(home.path)' NEWSQ_HISTORY='\(home.path)/history' TERM=xterm-256color \(environment) "
            + "'\(binary)' \(arguments); echo '\(Self.exitMarker)'$?']'; sleep 600"
        try driver.start(command)
        driver.waitFor("the first prompt") { $0.hasSuffix("newsq>") }
    }

    private func prompts(_ screen: String) -> Int { screen.split(separator: "\n").filter { $0.hasPrefix("newsq>") }.count }

    /// Types a line, presses Enter, waits for the next prompt; returns the screen.
    @discardableResult
    private func enter(_ line: String) throws -> String {
        try driver.press("C-l")
        driver.waitFor("a clear screen") { self.prompts($0) == 1 && $0.hasSuffix("newsq>") }
        try driver.type(line)
        try driver.press("Enter")
        return driver.waitFor("the prompt after \(line)") { self.prompts($0) >= 2 && $0.hasSuffix("newsq>") }
    }

    private func quit() throws {
        try driver.press("C-d")
        driver.waitFor("newsq to exit") { $0.contains(Self.exitMarker) }
    }

    /// A lesson started, answered wrongly twice (the hint comes by itself), answered
    /// rightly; after quitting and starting again, .tutorial resumes at the next task.
    func testLessonWrongHintRightThenResume() throws {
        try launch()
        let started = try enter(".tutorial")
        XCTAssertTrue(started.contains("Lesson 1 of 12: Searching"), started)
        XCTAssertTrue(started.contains("Task 1 of 3: Find the articles that mention Beijing."), started)

        let wrong = try enter("articles | search taipei")
        XCTAssertTrue(wrong.contains("✗ Not yet (task 1):"), wrong)
        XCTAssertTrue(wrong.contains("your rows: 5, expected 4"), wrong)
        XCTAssertTrue(wrong.contains("not expected: 004_ec82b47e28c364f9"), wrong)
        XCTAssertTrue(wrong.contains("(.hint gives a hint)"), wrong)

        let again = try enter("articles | search china")
        XCTAssertTrue(again.contains("hint 1 of 2: A search comes after a source"), again)

        let asked = try enter(".hint")
        XCTAssertTrue(asked.contains("hint 2 of 2: articles | search beijing"), asked)

        let right = try enter("articles | search beijing | select id, title")
        XCTAssertTrue(right.contains("✓ Right: 4 rows"), right)
        XCTAssertTrue(right.contains("Task 2 of 3: Count the sentences"), right)
        try quit()

        let saved = try String(contentsOf: home.appendingPathComponent(".newsq_tutorial"), encoding: .utf8)
        XCTAssertTrue(saved.contains("at\tbuilt-in\t01-searching\t2"), saved)

        driver.kill()
        driver = TmuxDriver()
        try launch()
        let resumed = try enter(".tutorial")
        XCTAssertTrue(resumed.contains("Task 2 of 3: Count the sentences"), resumed)
        let list = try enter(".tutorial list")
        XCTAssertTrue(list.contains(" →  1. searching") && list.contains("1 of 3 tasks done"), list)
        try quit()
    }

    /// `newsq --tutorial DIR` starts with a teacher's lessons on their corpus.
    func testTutorialOptionStartsTheTeachersLessons() throws {
        let lessons = home.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try "lesson: Our corpus\ntask: Count the articles.\nhint: count\nanswer: articles | count\n"
            .write(to: lessons.appendingPathComponent("01-count.lesson"), atomically: true, encoding: .utf8)
        let corpus = home.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try "One\n\nThe first text.\n".write(to: corpus.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "Two\n\nThe second text.\n".write(to: corpus.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try launch("--tutorial '\(lessons.path)' '\(corpus.path)'")
        XCTAssertTrue(driver.screen().contains("Lesson 1 of 1: Our corpus"), driver.screen())
        let right = try enter("articles | count")
        XCTAssertTrue(right.contains("✓ Right: 1 row"), right)
        XCTAssertTrue(right.contains("Lesson 1 done: Our corpus."), right)
        try quit()
    }

    /// Tall output at a terminal goes through $PAGER; short output and piped output do not.
    func testPagerRunsForTallOutputAtATerminalOnly() throws {
        let ran = home.appendingPathComponent("pager-ran").path
        let paged = home.appendingPathComponent("paged.txt").path
        let script = home.appendingPathComponent("pager.sh")
        try "#!/bin/sh\necho ran >> '\(ran)'\ncat > '\(paged)'\n".write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        try launch(environment: "PAGER='\(script.path)'")
        try enter("articles | count")
        XCTAssertFalse(FileManager.default.fileExists(atPath: ran), "a short result is not paged")
        try enter("sentences | search taiwan")
        XCTAssertEqual(try String(contentsOfFile: ran, encoding: .utf8), "ran\n")
        let text = try String(contentsOfFile: paged, encoding: .utf8)
        XCTAssertTrue(text.contains("001_7f81147296c4df61"), text)
        try enter(".pager off")
        try driver.type("sentences | search taiwan")
        try driver.press("Enter")
        driver.waitFor("the whole output on the screen") { $0.contains("004_ec82b47e28c364f9") && $0.hasSuffix("newsq>") }
        XCTAssertEqual(try String(contentsOfFile: ran, encoding: .utf8), "ran\n", ".pager off")
        try quit()

        // piped: never paged
        let binary = try NewsqBinary.require().path
        let status = system("echo 'sentences | search taiwan' | env PAGER='\(script.path)' HOME='\(home.path)' '\(binary)' > /dev/null")
        XCTAssertEqual(status, 0)
        XCTAssertEqual(try String(contentsOfFile: ran, encoding: .utf8), "ran\n", "piped output is not paged")
    }

    /// A pager that does not exist: the output is shown anyway, with a note.
    func testMissingPagerFallsBackToPlainOutput() throws {
        try launch(environment: "PAGER=newsq-no-such-pager")
        try driver.type("sentences | search taiwan")
        try driver.press("Enter")
        let screen = driver.waitFor("the note under the output") { $0.contains("shown without a pager") && $0.hasSuffix("newsq>") }
        XCTAssertTrue(screen.contains("the pager 'newsq-no-such-pager' was not found; shown without a pager"), screen)
        XCTAssertTrue(screen.contains("004_ec82b47e28c364f9"), screen)
        try quit()
    }
}
