import Foundation
import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// `.tutorial`: lesson files, checking a statement by its rows, hints, progress.
final class TutorialTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-tutorial-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    private var progressPath: String { folder.appendingPathComponent("progress").path }

    /// A folder of lessons and a session whose progress file lives beside them.
    private func session(_ lessons: [String: String]) throws -> (Session, StringSink) {
        let dir = folder.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in lessons { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let sink = StringSink()
        let s = Session(corpus: Fixtures.sample, out: sink, err: sink, interrupt: Interrupt())
        s.tutorial.progressPath = progressPath
        return (s, sink)
    }

    private var lessonsDir: String { folder.appendingPathComponent("lessons").path }

    /// Types lines into the session; returns what was written meanwhile.
    @discardableResult
    private func type(_ s: Session, _ sink: StringSink, _ lines: String) -> String {
        let before = sink.text.count
        s.run(TextLineSource(text: lines, name: "<typed>"))
        return String(sink.text.dropFirst(before))
    }

    static let newsweek = """
    # a small lesson
    lesson: Newsweek
    intro: Two articles.

    task: Find the Newsweek articles.
    hint: where source == "..."
    hint: articles | where source == "Newsweek"
    answer: articles | where source == "Newsweek"
    columns: id

    task: List the articles, the longest first.
    answer: articles | sort by words desc | select id, words
    order: matters

    task: Count the articles.
    expect: n == 5
    answer: articles | count
    """

    // MARK: - Parsing

    func testLessonParses() throws {
        guard case let .success(l) = LessonParser.parse(Self.newsweek, path: "/x/01-newsweek.lesson") else { return XCTFail("does not parse") }
        XCTAssertEqual(l.title, "Newsweek")
        XCTAssertEqual(l.name, "newsweek")
        XCTAssertEqual(l.tasks.count, 3)
        XCTAssertEqual(l.tasks[0].hints.count, 2)
        XCTAssertEqual(l.tasks[0].columns, ["id"])
        XCTAssertEqual(l.tasks[0].answerLine, 8)
        XCTAssertTrue(l.tasks[1].ordered)
        XCTAssertEqual(l.tasks[2].expect, "n == 5")
    }

    func testContinuationLinesJoin() throws {
        let text = "lesson: L\ntask: Find\n  the articles.\nanswer: articles\n  | where words > 500\n"
        guard case let .success(l) = LessonParser.parse(text, path: "l.lesson") else { return XCTFail("does not parse") }
        XCTAssertEqual(l.tasks[0].text, "Find the articles.")
        XCTAssertEqual(l.tasks[0].answer, "articles\n  | where words > 500")
    }

    func testLessonFileErrorsNameFileLineAndCaret() {
        let text = "lesson: L\n\ntask: Find them\ntsk: oops\nanswer: articles\nhint: before\norder: sometimes\n"
        guard case let .failure(f) = LessonParser.parse(text, path: "les/02-x.lesson") else { return XCTFail("should not parse") }
        let shown = f.render()
        XCTAssertTrue(shown.contains("les/02-x.lesson:4:1: error[E0602]: unknown key 'tsk'"), shown)
        XCTAssertTrue(shown.contains("  4 | tsk: oops\n    | ^~~\n"), shown)
        XCTAssertTrue(shown.contains("did you mean 'task:'?"), shown)
        XCTAssertTrue(shown.contains("les/02-x.lesson:7:1: error[E0602]: order: is 'matters', 'any' or 'by COLUMN, ...', not 'sometimes'"), shown)
    }

    func testTaskWithoutAnswerAndHintWithoutTask() {
        guard case let .failure(f) = LessonParser.parse("lesson: L\nhint: early\ntask: T\n", path: "a.lesson") else { return XCTFail("should not parse") }
        let shown = f.render()
        XCTAssertTrue(shown.contains("a.lesson:2:1: error[E0602]: 'hint:' belongs to a task"), shown)
        XCTAssertTrue(shown.contains("a.lesson:3:1: error[E0602]: this task has no answer: line"), shown)
    }

    func testAnswerThatDoesNotBindIsReportedInTheLessonFile() throws {
        let (s, sink) = try session(["01-bad.lesson": "lesson: Bad\ntask: T\nanswer: articles | where titel == \"x\"\n"])
        XCTAssertFalse(s.startTutorial(folder: lessonsDir))
        XCTAssertTrue(sink.text.contains("01-bad.lesson:3:26: error[E0302]: unknown field 'titel'"), sink.text)
        XCTAssertTrue(sink.text.contains("  3 | answer: articles | where titel == \"x\"\n    | " + String(repeating: " ", count: 25) + "^~~~~"), sink.text)
        XCTAssertTrue(sink.text.contains("did you mean 'title'?"), sink.text)
        XCTAssertNil(s.tutorial.active)
    }

    // MARK: - Checking

    func testWrongAnswerSaysWhatIsMissing() throws {
        let (s, sink) = try session(["01-newsweek.lesson": Self.newsweek])
        XCTAssertTrue(s.startTutorial(folder: lessonsDir))
        XCTAssertTrue(sink.text.contains("Task 1 of 3: Find the Newsweek articles."), sink.text)
        let said = type(s, sink, "articles | where source == \"Newsweek\" and words > 1000\n")
        XCTAssertTrue(said.contains("✗ Not yet (task 1)"), said)
        XCTAssertTrue(said.contains("your rows: 1, expected 2"), said)
        XCTAssertTrue(said.contains("missing: 001_7f81147296c4df61"), said)
        XCTAssertEqual(s.tutorial.active?.task, 0, "a wrong answer does not move on")
        let extra = type(s, sink, "articles | where words > 2000 or source == \"Taiwan News\"\n")
        XCTAssertTrue(extra.contains("your rows: 2, as expected, but not the same ones"), extra)
        XCTAssertTrue(extra.contains("missing: 001_7f81147296c4df61"), extra)
        XCTAssertTrue(extra.contains("not expected: 004_ec82b47e28c364f9"), extra)
    }

    /// A lesson's answer may read a stopword file, as a typed statement may: the check
    /// prepares both with the session's file reader.
    func testAnAnswerWithAStopwordFileIsChecked() throws {
        let stop = folder.appendingPathComponent("stop.txt")
        try "the\nand\nof\nto\na\nin\n".write(to: stop, atomically: true, encoding: .utf8)
        let lesson = """
        lesson: Words
        intro: Without the commonest words.

        task: List the ten most frequent words, without those in stop.txt.
        answer: articles | words stopwords "\(stop.path)" | take 10
        columns: item
        """
        let (s, sink) = try session(["01-words.lesson": lesson])
        XCTAssertTrue(s.startTutorial(folder: lessonsDir), sink.text)
        let wrong = type(s, sink, "articles | words | take 10\n")
        XCTAssertTrue(wrong.contains("✗ Not yet (task 1)"), wrong)
        let right = type(s, sink, "articles | words stopwords \"\(stop.path)\" | take 10\n")
        XCTAssertTrue(right.contains("✓ Right: 10 rows"), right)
        XCTAssertFalse(sink.text.contains("error["), sink.text)
    }

    func testRightAnswerInAnotherOrderAndWithMoreColumns() throws {
        let (s, sink) = try session(["01-newsweek.lesson": Self.newsweek])
        XCTAssertTrue(s.startTutorial(folder: lessonsDir))
        let said = type(s, sink, "articles | where source == \"Newsweek\" | sort by words desc | select id, title, words\n")
        XCTAssertTrue(said.contains("✓ Right: 2 rows"), said)
        XCTAssertTrue(said.contains("Task 2 of 3: List the articles, the longest first."), said)
        XCTAssertEqual(s.tutorial.active?.task, 1)
    }

    /// The rows are compared before the `.maxrows` cut: all of them count.
    func testRowsAreComparedBeforeTheMaxrowsCut() throws {
        let (s, sink) = try session(["01-newsweek.lesson": Self.newsweek])
        XCTAssertTrue(s.startTutorial(folder: lessonsDir))
        let said = type(s, sink, ".maxrows 1\narticles | where source == \"Newsweek\"\n")
        XCTAssertTrue(said.contains("(showing 1 of 2 rows"), said)
        XCTAssertTrue(said.contains("✓ Right: 2 rows"), said)
    }

    func testOrderMattersWhenTheTaskSaysSo() throws {
        let (s, sink) = try session(["01-newsweek.lesson": Self.newsweek])
        XCTAssertTrue(s.startTutorial(folder: lessonsDir))
        type(s, sink, ".tutorial skip\n")
        let said = type(s, sink, "articles | sort by words | select id, words\n")
        XCTAssertTrue(said.contains("the rows are right, but the order matters here: row 1 should be 003_162644c2fb39c01e"), said)
        XCTAssertTrue(type(s, sink, "articles | select id, words | sort by words desc\n").contains("✓ Right"))
    }

    /// `order: by n`: rows that tie on n may come in any order, but n must fall as the answer's does.
    func testOrderByAColumnAllowsTies() throws {
        let lesson = "lesson: L\ntask: Sources by articles, most first.\nhint: h\nanswer: articles | count by source | sort by n desc\norder: by n\n"
        let (s, sink) = try session(["01-l.lesson": lesson])
        XCTAssertTrue(s.startTutorial(folder: lessonsDir))
        let wrong = type(s, sink, "articles | count by source | sort by n\n")
        XCTAssertTrue(wrong.contains("the order matters here (by n): row 1 should be"), wrong)
        // the sources with one article each, in another order than the answer's
        let right = type(s, sink, "articles | count by source | sort by n desc, source desc\n")
        XCTAssertTrue(right.contains("✓ Right: 4 rows"), right)
    }

    func testOrderByAColumnTheAnswerLacksIsALessonError() throws {
        let lesson = "lesson: L\ntask: T\nanswer: articles | count by source\norder: by words\n"
        let (s, sink) = try session(["01-l.lesson": lesson])
        XCTAssertFalse(s.startTutorial(folder: lessonsDir))
        XCTAssertTrue(sink.text.contains("01-l.lesson:4:11: error[E0602]: column 'words' is not in the answer's rows"), sink.text)
    }

    func testMissingColumnIsNamed() throws {
        let (s, sink) = try session(["01-newsweek.lesson": Self.newsweek])
        XCTAssertTrue(s.startTutorial(folder: lessonsDir))
        type(s, sink, ".tutorial skip\n")
        let said = type(s, sink, "articles | sort by words desc | select id, title\n")
        XCTAssertTrue(said.contains("column words is missing (your columns: id, title)"), said)
    }

    func testExpectConditionTask() throws {
        let (s, sink) = try session(["01-newsweek.lesson": Self.newsweek])
        XCTAssertTrue(s.startTutorial(folder: lessonsDir))
        type(s, sink, ".tutorial skip\n.tutorial skip\n")
        XCTAssertTrue(sink.text.contains("Task 3 of 3: Count the articles."), sink.text)
        let wrong = type(s, sink, "articles | where source == \"Newsweek\" | count\n")
        XCTAssertTrue(wrong.contains("n == 5 is false"), wrong)
        let noColumn = type(s, sink, "articles\n")
        XCTAssertTrue(noColumn.contains("cannot be checked with 'expect n == 5'"), noColumn)
        // any statement meeting the condition is right, not only the lesson's answer
        let right = type(s, sink, "articles | summarize n = count(), words = sum(words)\n")
        XCTAssertTrue(right.contains("✓ Right"), right)
        XCTAssertTrue(sink.text.contains("Lesson 1 done: Newsweek."), sink.text)
        XCTAssertNil(s.tutorial.active)
    }

    func testHintOnRequestAndAfterTwoMisses() throws {
        let (s, sink) = try session(["01-newsweek.lesson": Self.newsweek])
        XCTAssertTrue(s.startTutorial(folder: lessonsDir))
        let first = type(s, sink, "articles | count\n")
        XCTAssertTrue(first.contains("(.hint gives a hint)"), first)
        XCTAssertFalse(first.contains("hint 1 of 2"), first)
        let second = type(s, sink, "sentences | count\n")
        XCTAssertTrue(second.contains("hint 1 of 2: where source == \"...\""), second)
        let asked = type(s, sink, ".hint\n")
        XCTAssertTrue(asked.contains("hint 2 of 2: articles | where source == \"Newsweek\""), asked)
        XCTAssertTrue(type(s, sink, ".hint\n").contains("That was the last hint."))
        XCTAssertTrue(type(s, sink, ".tutorial answer\n").contains("articles | where source == \"Newsweek\""))
    }

    func testStatementsThatAreNotAnswersAreLeftAlone() throws {
        let (s, sink) = try session(["01-newsweek.lesson": Self.newsweek])
        XCTAssertTrue(s.startTutorial(folder: lessonsDir))
        let said = type(s, sink, "help search\n.schema quotes\nexplain articles | count\narticles | where titel == 1\n")
        XCTAssertFalse(said.contains("Not yet"), said)
        XCTAssertEqual(s.tutorial.active?.misses, 0)
    }

    // MARK: - Progress

    func testProgressIsSavedAndResumed() throws {
        let (s, sink) = try session(["01-newsweek.lesson": Self.newsweek, "02-more.lesson": "lesson: More\ntask: Count the quotes.\nanswer: quotes | count\n"])
        XCTAssertTrue(s.startTutorial(folder: lessonsDir))
        type(s, sink, "articles | where source == \"Newsweek\"\n")
        let saved = try String(contentsOfFile: progressPath, encoding: .utf8)
        XCTAssertTrue(saved.contains("at\t\(URL(fileURLWithPath: lessonsDir).standardizedFileURL.path)\t01-newsweek\t2\n"), saved)
        XCTAssertTrue(saved.contains("done\t"), saved)

        // a new session, as after quitting: .tutorial goes on at task 2
        let (again, sink2) = try session([:])
        XCTAssertTrue(again.startTutorial(folder: lessonsDir))
        XCTAssertTrue(sink2.text.contains("Task 2 of 3: List the articles, the longest first."), sink2.text)
        let list = type(again, sink2, ".tutorial list\n")
        XCTAssertTrue(list.contains(" → ") && list.contains("1 of 3 tasks done"), list)
        XCTAssertTrue(list.contains("not started (1 tasks)") || list.contains("not started"), list)
        type(again, sink2, ".tutorial stop\n")
        XCTAssertNil(again.tutorial.active)
        XCTAssertTrue(type(again, sink2, ".tutorial more\n").contains("Task 1 of 1: Count the quotes."))
        type(again, sink2, ".tutorial reset\n")
        XCTAssertFalse(try String(contentsOfFile: progressPath, encoding: .utf8).contains("01-newsweek"))
    }

    func testCorruptProgressFileGivesANoteAndAFreshStart() throws {
        try "this is not\tprogress\n".write(toFile: progressPath, atomically: true, encoding: .utf8)
        let (s, sink) = try session(["01-newsweek.lesson": Self.newsweek])
        XCTAssertTrue(s.startTutorial(folder: lessonsDir))
        XCTAssertTrue(sink.text.contains("is not a tutorial progress file newsq can read (line 1"), sink.text)
        XCTAssertTrue(sink.text.contains("kept as \(progressPath).bad"), sink.text)
        XCTAssertTrue(sink.text.contains("Task 1 of 3"), sink.text)
        XCTAssertEqual(try String(contentsOfFile: progressPath + ".bad", encoding: .utf8), "this is not\tprogress\n")
    }

    func testUnreadableProgressFileIsNotACrash() throws {
        try FileManager.default.createDirectory(atPath: progressPath, withIntermediateDirectories: true)
        let (s, sink) = try session(["01-newsweek.lesson": Self.newsweek])
        XCTAssertTrue(s.startTutorial(folder: lessonsDir))
        XCTAssertTrue(sink.text.contains("it is a folder"), sink.text)
        XCTAssertTrue(sink.text.contains("Task 1 of 3"), sink.text)
    }

    func testProgressFileRoundTrips() {
        var p = TutorialProgress()
        p.at["built-in"] = ("02-kwic", 1)
        p.done["built-in"] = ["01-searching": 3, "02-kwic": 1]
        guard case let .success(back) = TutorialProgress.parse(p.render()) else { return XCTFail("does not parse") }
        XCTAssertEqual(back, p)
        guard case .failure = TutorialProgress.parse("at\tbuilt-in\t02-kwic\tzero\n") else { return XCTFail("a bad number parses") }
    }

    func testUnknownLessonSuggestsOne() throws {
        let (s, sink) = try session(["01-newsweek.lesson": Self.newsweek])
        s.tutorial.set = try LessonSet.folder(lessonsDir)
        let said = type(s, sink, ".tutorial newsweak\n")
        XCTAssertTrue(said.contains("no lesson 'newsweak'; lessons: newsweek (did you mean 'newsweek'?)"), said)
    }

    /// Resuming at a task that uses the `let` names of earlier tasks makes them.
    func testResumingMidLessonMakesTheEarlierLets() throws {
        try "at\tbuilt-in\t09-keywords\t3\n".write(toFile: progressPath, atomically: true, encoding: .utf8)
        let sink = StringSink()
        let s = Session(corpus: Fixtures.sample, out: sink, err: sink, interrupt: Interrupt())
        s.tutorial.progressPath = progressPath
        XCTAssertTrue(s.startTutorial(folder: nil))
        XCTAssertTrue(sink.text.contains("Task 3 of 3: What does Newsweek say more"), sink.text)
        XCTAssertTrue(sink.text.contains("(made for the next tasks, from the answers before: let newsweek, let others)"), sink.text)
        XCTAssertTrue(type(s, sink, "newsweek | keywords vs others min 6\n").contains("✓ Right"))
    }

    func testTutorialWordsAndLessonNamesComplete() {
        let s = Session(corpus: Fixtures.sample, out: StringSink(), err: StringSink(), interrupt: Interrupt())
        XCTAssertEqual(s.completions(line: ".tutorial se", cursor: 12).candidates, ["searching"])
        XCTAssertTrue(s.completions(line: ".tutorial ", cursor: 10).candidates.contains("list"))
        XCTAssertEqual(s.completions(line: ".pager o", cursor: 8).candidates, ["on", "off"])
    }

    // MARK: - The shipped lessons

    /// Every shipped lesson parses, every answer runs on the sample and gives rows
    /// (and meets its task's expect), so a later change cannot break a lesson unnoticed.
    func testEveryShippedTaskGivesRowsOnTheSample() throws {
        let set = try LessonSet.builtIn()
        XCTAssertEqual(set.paths.count, 12, "one lesson per workshop topic")
        let workshop = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("examples/workshop").path)
            .filter { $0.hasSuffix(".q") }.map { String($0.dropLast(2)) }.sorted()
        XCTAssertEqual((0..<set.paths.count).map(set.file), workshop, "lesson files are named as the workshop scripts")
        for i in 0..<set.paths.count {
            let sink = StringSink()
            let s = Session(corpus: Fixtures.sample, out: sink, err: sink, interrupt: Interrupt())
            let prepared: PreparedLesson
            do { prepared = try s.prepareLesson(set.paths[i], shown: set.shown(i)) } catch {
                XCTFail("\(set.file(i)): \(error)\n\(sink.text)"); continue
            }
            XCTAssertGreaterThanOrEqual(prepared.lesson.tasks.count, 2, set.file(i))
            for (t, task) in prepared.lesson.tasks.enumerated() {
                XCTAssertFalse(task.hints.isEmpty, "\(set.file(i)) task \(t + 1) has no hint")
                if let expected = prepared.expected[t] {
                    XCTAssertFalse(expected.rows.isEmpty, "\(set.file(i)) task \(t + 1): the answer gives no rows")
                } else {
                    XCTAssertNotNil(task.expect, "\(set.file(i)) task \(t + 1)")
                }
            }
        }
    }

    /// The whole built-in tutorial can be walked by typing each answer.
    func testBuiltInTutorialWalksThrough() throws {
        let sink = StringSink()
        let s = Session(corpus: Fixtures.sample, out: sink, err: sink, interrupt: Interrupt())
        s.tutorial.progressPath = progressPath
        XCTAssertTrue(s.startTutorial(folder: nil))
        let set = try LessonSet.builtIn()
        for i in 0..<set.paths.count {
            guard case let .success(lesson) = LessonParser.parse(try String(contentsOfFile: set.paths[i], encoding: .utf8), path: set.paths[i]) else {
                return XCTFail("\(set.file(i)) does not parse")
            }
            if i > 0 { type(s, sink, ".tutorial\n") }
            for task in lesson.tasks {
                let said = type(s, sink, task.answer + "\n")
                XCTAssertTrue(said.contains("✓ Right"), "\(set.file(i)): \(task.answer)\n\(said)")
            }
        }
        XCTAssertTrue(sink.text.contains("That was the last lesson of the tutorial."), String(sink.text.suffix(500)))
    }

    // MARK: - Pager

    func testPagerCountsScreenLines() {
        XCTAssertEqual(Pager.height(of: "a\nb\nc\n", width: 80), 3)
        XCTAssertEqual(Pager.height(of: String(repeating: "x", count: 170) + "\n", width: 80), 3, "a long line wraps")
        XCTAssertEqual(Pager.height(of: "\u{1B}[1m" + String(repeating: "x", count: 80) + "\u{1B}[0m\n", width: 80), 1, "colour takes no room")
    }

    func testPagerSettingShowsAndSets() {
        let (shown, _) = Fixtures.run(".pager\n.pager off\n.pager\n.pager maybe\n")
        XCTAssertTrue(shown.contains("pager: on ("), shown)
        XCTAssertTrue(shown.contains("pager: off ("), shown)
        XCTAssertTrue(shown.contains(".pager takes on or off"), shown)
    }

    func testMissingPagerFallsBackWithANote() {
        XCTAssertEqual(Pager.show("text\n", command: "newsq-no-such-pager -x"), .failed("the pager 'newsq-no-such-pager -x' was not found"))
    }
}
