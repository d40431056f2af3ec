import NewsCore
import NewsQuery

#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The lessons a tutorial draws on: the built-in ones (for the sample corpus)
/// or a teacher's folder of `.lesson` files, taken in file-name order.
struct LessonSet {
    /// `built-in`, or the folder's absolute path (the key of its progress).
    var key: String
    var directory: String
    var paths: [String]
    var isBuiltIn: Bool { key == LessonSet.builtInKey }

    static let builtInKey = "built-in"

    /// The lessons shipped with newsq (a package resource beside the sample).
    static func builtIn() throws -> LessonSet {
        guard let url = Bundle.module.url(forResource: "lessons", withExtension: nil) else {
            throw SessionError.coded(.badLesson, "the built-in lessons are missing from this build of newsq")
        }
        return try folder(url.path, key: builtInKey)
    }

    /// The `.lesson` files of a folder (or one file).
    static func folder(_ given: String, key: String? = nil) throws -> LessonSet {
        let path = expandingTilde(given)
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SessionError.coded(.cannotReadFile, "cannot read lessons from \(given): no such file or folder")
        }
        let absolute = path.hasPrefix("/") ? path : fm.currentDirectoryPath + "/" + path
        let directory = URL(fileURLWithPath: absolute).standardizedFileURL.path
        if !isDirectory.boolValue {
            return LessonSet(key: key ?? directory, directory: (directory as NSString).deletingLastPathComponent, paths: [directory])
        }
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else {
            throw SessionError.coded(.cannotReadFile, "cannot read lessons from \(given): the folder cannot be listed")
        }
        let lessons = names.filter { $0.hasSuffix(".lesson") }.sorted()
        guard !lessons.isEmpty else {
            throw SessionError.coded(.badLesson, "\(given) holds no .lesson files (a lesson is a text file NAME.lesson; examples/workshop/README.md shows the format)")
        }
        return LessonSet(key: key ?? directory, directory: directory, paths: lessons.map { directory + "/" + $0 })
    }

    /// The path shown in messages (built-in lessons by their name only).
    func shown(_ i: Int) -> String {
        isBuiltIn ? "<built-in lessons>/" + (paths[i] as NSString).lastPathComponent : paths[i]
    }

    /// The file name without `.lesson`.
    func file(_ i: Int) -> String {
        let name = (paths[i] as NSString).lastPathComponent
        return name.hasSuffix(".lesson") ? String(name.dropLast(".lesson".count)) : name
    }
}

/// A lesson ready to be taught: parsed, and each task's expected rows computed.
struct PreparedLesson {
    var lesson: Lesson
    /// For answer tasks, the answer's rows; nil for `expect` tasks.
    var expected: [TutorialCheck.Table?]
    /// The `let` of each task whose answer is one (name and binding), for later tasks.
    var lets: [Int: (name: String, binding: Binding)] = [:]
    /// The corpus the expected rows were computed on.
    var corpus: ObjectIdentifier
}

/// The tutorial's state in a session: the lesson set, the progress file and the task in hand.
final class TutorialState {
    var set: LessonSet?
    var progressPath = TutorialProgress.defaultPath
    var progress: TutorialProgress?
    var active: Active?
    /// The rows of the statement that just ran, all of them, kept for the check.
    var lastTable: TutorialCheck.Table?
    /// A failure to write the progress file is said once.
    var saveFailureReported = false

    struct Active {
        var index: Int
        var prepared: PreparedLesson
        var task: Int
        var misses = 0
        var hintsShown = 0
        var lesson: Lesson { prepared.lesson }
    }
}

extension Session {
    /// What the tutorial says goes to the screen even while `.output` sends results to a file.
    private var teach: OutputSink { standardOutput }

    /// Starts the tutorial with the lessons of `folder` (nil: the built-in ones),
    /// where the learner was (`newsq --tutorial DIR`). False after reporting why not.
    @discardableResult
    public func startTutorial(folder: String?) -> Bool {
        do {
            tutorial.set = try folder.map { try LessonSet.folder($0) } ?? LessonSet.builtIn()
            tutorial.active = nil
            try resumeTutorial()
            return true
        } catch let e as SessionError {
            if !e.description.isEmpty { err.write("error[\(e.code.rawValue)]: \(e.description)\n") }
            return false
        } catch {
            err.write("error[\(DiagnosticCode.internalError.rawValue)]: \(error)\n")
            return false
        }
    }

    /// `.tutorial [NAME|list|stop|reset|skip|answer|FOLDER]`.
    func tutorialCommand(_ words: [String]) throws {
        guard let word = words.first else {
            if let a = tutorial.active { showTask(a, intro: false) } else { try resumeTutorial() }
            return
        }
        switch word.lowercased() {
        case "list": try listLessons()
        case "stop":
            guard let a = tutorial.active else { teach.write("(no lesson is running; .tutorial starts one)\n"); return }
            tutorial.active = nil
            teach.write("Left lesson \(a.index + 1), \(a.lesson.title), at task \(a.task + 1). .tutorial goes on from there.\n")
        case "reset":
            tutorial.active = nil
            let set = try lessonSet()
            var p = progress()
            p.done[set.key] = nil
            p.at[set.key] = nil
            saveProgress(p)
            teach.write("Tutorial progress cleared\(set.isBuiltIn ? "" : " for the lessons in \(set.directory)"). .tutorial starts at lesson 1.\n")
        case "skip":
            guard let a = tutorial.active else { throw SessionError.message("no lesson is running; .tutorial starts one") }
            teach.write("Skipped task \(a.task + 1).\n")
            makeLets(a.prepared, before: a.task + 1)
            advance(a, passed: false)
        case "answer":
            guard let a = tutorial.active else { throw SessionError.message("no lesson is running; .tutorial starts one") }
            let t = a.lesson.tasks[a.task]
            teach.write("An answer (try it, or change it; any statement with the right rows will do):\n  \(t.answer.split(separator: "\n").map { $0.trimmingSpaces }.joined(separator: "\n    "))\n")
        default:
            if word.contains("/") || word.hasSuffix(".lesson") {
                tutorial.set = try LessonSet.folder(word)
                tutorial.active = nil
                try resumeTutorial()
                return
            }
            let set = try lessonSet()
            guard let i = lessonIndex(word, in: set) else {
                let names = (0..<set.paths.count).map { lessonName(set, $0) }
                var msg = "no lesson '\(word)'; lessons: " + names.joined(separator: ", ")
                if let g = Suggest.closest(to: word, among: names) { msg += " (did you mean '\(g)'?)" }
                throw SessionError.message(msg + "; .tutorial list shows them with your progress")
            }
            let done = progress().done[set.key]?[set.file(i)] ?? 0
            try startLesson(i, at: done)
        }
    }

    /// `.hint`: the next hint of the task in hand.
    func tutorialHint() throws {
        guard tutorial.active != nil else {
            throw SessionError.message("hints belong to a lesson's tasks, and no lesson is running; .tutorial starts one")
        }
        showHint()
    }

    /// After each statement that ran: during a lesson, checks it against the task.
    func tutorialCheck(_ text: String) {
        guard var a = tutorial.active else { return }
        if a.prepared.corpus != ObjectIdentifier(corpus), let set = tutorial.set {
            // a corpus loaded during the lesson: the answers' rows are those of the new one
            guard let again = try? prepareLesson(set.paths[a.index], shown: set.shown(a.index)) else {
                tutorial.active = nil
                teach.write("(the lesson stopped: its answers do not run on the corpus now loaded; .tutorial starts it again)\n")
                return
            }
            a.prepared = again
            tutorial.active = a
        }
        let task = a.lesson.tasks[a.task]
        let verdict: TutorialCheck.Verdict?
        if let condition = task.expect {
            verdict = tutorialExpect(text, condition: condition)
        } else if let got = tutorialTable(of: text), let expected = a.prepared.expected[a.task] {
            verdict = TutorialCheck.compare(got, expected: expected, task: task)
        } else {
            verdict = nil
        }
        guard verdict != nil else { return }
        // the result first (through the pager when tall), so what is said about it comes after, on the screen
        (standardOutput as? PagerSink)?.flush(notes: err, interrupt: interrupt)
        switch verdict {
        case nil: return
        case let .right(rows)?:
            var line = "✓ Right: " + (rows == 1 ? "1 row" : "\(rows.grouped) rows") + ", as the task asks."
            if let note = task.note { line += "\n  " + wrapped(note, indent: "  ") }
            teach.write("\n" + line + "\n")
            advance(a, passed: true)
        case let .wrong(points)?:
            tutorial.active!.misses += 1
            teach.write("\n✗ Not yet (task \(a.task + 1)):\n" + points.map { "  · " + $0 + "\n" }.joined())
            let misses = tutorial.active!.misses
            if misses % 2 == 0 && tutorial.active!.hintsShown < task.hints.count {
                showHint()
            } else if tutorial.active!.hintsShown < task.hints.count {
                teach.write("  (.hint gives a hint)\n")
            } else {
                teach.write("  (.tutorial answer shows an answer; .tutorial skip moves on)\n")
            }
        }
    }

    // MARK: - Steps

    /// The names later tasks use, made from the answers of the tasks before `task`
    /// that the learner did not make (resuming another day, a skipped task).
    private func makeLets(_ prepared: PreparedLesson, before task: Int) {
        var made: [String] = []
        for t in 0..<task {
            guard let (name, binding) = prepared.lets[t], bindings[name] == nil else { continue }
            bindings[name] = binding
            made.append(name)
        }
        if !made.isEmpty {
            teach.write("(made for the next tasks, from the answers before: \(made.map { "let " + $0 }.joined(separator: ", ")))\n")
        }
    }

    /// What `.tutorial ` completes: its words and the lesson names.
    var tutorialCompletions: [String] {
        let names = (try? lessonSet()).map { set in (0..<set.paths.count).map { lessonName(set, $0) } } ?? []
        return ["list", "stop", "skip", "answer", "reset"] + names
    }

    private func showHint() {
        guard let a = tutorial.active else { return }
        let hints = a.lesson.tasks[a.task].hints
        guard a.hintsShown < hints.count else {
            teach.write(hints.isEmpty ? "This task has no hints. " : "That was the last hint. ")
            teach.write(".tutorial answer shows an answer; .tutorial skip moves on.\n")
            return
        }
        let n = a.hintsShown
        tutorial.active!.hintsShown += 1
        let counter = hints.count > 1 ? " \(n + 1) of \(hints.count)" : ""
        teach.write("  hint\(counter): \(hints[n])\n")
    }

    /// Moves past the task in hand: the next task, or the end of the lesson.
    private func advance(_ a: TutorialState.Active, passed: Bool) {
        guard let set = tutorial.set else { return }
        var p = progress()
        let file = set.file(a.index)
        let next = a.task + 1
        p.done[set.key, default: [:]][file] = max(p.done[set.key]?[file] ?? 0, next)
        if next < a.lesson.tasks.count {
            p.at[set.key] = (file, next)
            saveProgress(p)
            var moved = a
            moved.task = next
            moved.misses = 0
            moved.hintsShown = 0
            tutorial.active = moved
            showTask(moved, intro: false)
            return
        }
        tutorial.active = nil
        var text = "\nLesson \(a.index + 1) done: \(a.lesson.title).\n"
        if a.index + 1 < set.paths.count {
            p.at[set.key] = (set.file(a.index + 1), 0)
            text += "Next: lesson \(a.index + 2), \(lessonTitle(set, a.index + 1)). Type .tutorial to begin it, or look around first.\n"
        } else {
            p.at[set.key] = nil
            text += "That was the last lesson\(set.isBuiltIn ? " of the tutorial" : ""). .tutorial list shows them all; .tutorial NAME goes over one again.\n"
        }
        saveProgress(p)
        teach.write(text)
    }

    /// Goes on where the learner was: the lesson and task of the progress file,
    /// else the first lesson not finished.
    private func resumeTutorial() throws {
        let set = try lessonSet()
        let p = progress()
        if let at = p.at[set.key], let i = (0..<set.paths.count).first(where: { set.file($0) == at.lesson }) {
            try startLesson(i, at: at.task)
            return
        }
        for i in 0..<set.paths.count {
            let done = p.done[set.key]?[set.file(i)] ?? 0
            if case let .success(l) = LessonParser.parse((try? readTextFile(set.paths[i])) ?? "", path: set.paths[i]), done >= l.tasks.count {
                continue
            }
            try startLesson(i, at: done)
            return
        }
        teach.write("You have done every lesson. .tutorial list shows them; .tutorial NAME goes over one again; .tutorial reset starts over.\n")
    }

    /// Reads, checks and starts lesson `i` at task `task` (0-based).
    private func startLesson(_ i: Int, at task: Int) throws {
        let set = try lessonSet()
        let prepared = try prepareLesson(set.paths[i], shown: set.shown(i))
        let start = task < prepared.lesson.tasks.count ? task : 0
        let a = TutorialState.Active(index: i, prepared: prepared, task: start)
        tutorial.active = a
        makeLets(prepared, before: start)
        var p = progress()
        p.at[set.key] = (set.file(i), start)
        saveProgress(p)
        if set.isBuiltIn && !corpus.name.contains("sample") {
            teach.write("(the built-in lessons are written for the sample corpus, and answers are checked on the corpus loaded; .load sample brings it back)\n")
        }
        showTask(a, intro: true)
    }

    /// The task in hand, and with `intro` the lesson's heading.
    private func showTask(_ a: TutorialState.Active, intro: Bool) {
        let total = tutorial.set?.paths.count ?? 1
        var text = ""
        if intro {
            let heading = "Lesson \(a.index + 1) of \(total): \(a.lesson.title)"
            text += "\n" + heading + "\n" + String(repeating: "─", count: DisplayWidth.of(heading)) + "\n"
            if !a.lesson.intro.isEmpty { text += wrapped(a.lesson.intro, indent: "") + "\n" }
        }
        text += "\n" + wrapped("Task \(a.task + 1) of \(a.lesson.tasks.count): " + a.lesson.tasks[a.task].text, indent: "  ") + "\n"
        if intro && a.task == 0 {
            text += "  (type a statement at the prompt; it is checked by the rows it gives. .hint gives a hint,\n"
            text += "   .tutorial skip moves on, .tutorial stop leaves; other commands work as usual.)\n"
        }
        teach.write(text)
    }

    /// Lesson text wrapped to the terminal (or 78 columns).
    private func wrapped(_ text: String, indent: String) -> String {
        let width = max(40, min(settings.render.terminalWidth ?? 78, 100) - 2)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && DisplayWidth.of(line) + 1 + DisplayWidth.of(word) > width {
                lines.append(line)
                line = indent
            }
            line += (line.isEmpty || line == indent ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// `.tutorial list`.
    private func listLessons() throws {
        let set = try lessonSet()
        let p = progress()
        var text = set.isBuiltIn ? "Lessons (built-in, for the sample corpus):\n" : "Lessons in \(set.directory):\n"
        let names = (0..<set.paths.count).map { lessonName(set, $0) }
        let nameWidth = names.map(\.count).max() ?? 0
        for i in 0..<set.paths.count {
            let current = tutorial.active?.index == i || (tutorial.active == nil && p.at[set.key]?.lesson == set.file(i))
            let done = p.done[set.key]?[set.file(i)] ?? 0
            var status: String
            var title = ""
            switch LessonParser.parse((try? readTextFile(set.paths[i])) ?? "", path: set.paths[i]) {
            case let .success(l):
                title = l.title
                let n = l.tasks.count
                status = done >= n ? "done" : done == 0 ? "not started (\(n) tasks)" : "\(done) of \(n) tasks done"
            case .failure:
                status = "has errors (.tutorial \(names[i]) shows them)"
            }
            text += (current ? " → " : "   ") + String(i + 1).leftPadded(2) + ". " + names[i].padded(nameWidth) + "  "
                + title.padded(28) + "  " + status + "\n"
        }
        text += ".tutorial NAME starts a lesson; .tutorial alone goes on where you were.\n"
        teach.write(text)
    }

    // MARK: - Lessons and progress

    private func lessonSet() throws -> LessonSet {
        if let s = tutorial.set { return s }
        let s = try LessonSet.builtIn()
        tutorial.set = s
        return s
    }

    private func lessonName(_ set: LessonSet, _ i: Int) -> String {
        Lesson(file: set.file(i), path: set.paths[i], title: "", intro: "", tasks: []).name
    }

    private func lessonTitle(_ set: LessonSet, _ i: Int) -> String {
        if case let .success(l) = LessonParser.parse((try? readTextFile(set.paths[i])) ?? "", path: set.paths[i]) { return l.title }
        return lessonName(set, i)
    }

    /// A lesson named by its name (`kwic`), file name (`02-kwic`) or number (`2`).
    private func lessonIndex(_ word: String, in set: LessonSet) -> Int? {
        if let n = Int(word), n >= 1, n <= set.paths.count { return n - 1 }
        let w = word.lowercased()
        return (0..<set.paths.count).first { set.file($0).lowercased() == w || lessonName(set, $0).lowercased() == w }
    }

    /// Parses a lesson file and runs each task's answer (with its expect): any
    /// error is reported with the file, line and a caret, and the lesson does not start.
    func prepareLesson(_ file: String, shown path: String) throws -> PreparedLesson {
        let text = try readTextFile(file)
        let lesson: Lesson
        switch LessonParser.parse(text, path: path) {
        case let .success(l): lesson = l
        case let .failure(f):
            err.write(f.render(color: err.isTerminal))
            throw SessionError.coded(.badLesson, "the lesson \(path) has errors (above); fix them and type .tutorial again")
        }
        let fileLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var answerBindings: [String: Binding] = [:]
        var lets: [Int: (name: String, binding: Binding)] = [:]
        var expected: [TutorialCheck.Table?] = []
        var problems = ""
        for task in lesson.tasks {
            // carets count columns from the start of the file's line
            let firstLine = task.answer.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let raw = task.answerLine - 1 < fileLines.count ? fileLines[task.answerLine - 1] : ""
            let prefix = raw.hasSuffix(firstLine) ? String(raw.dropLast(firstLine.count)) : "answer: "
            let origin = SourceOrigin(name: path, line: task.answerLine, interactive: false, linePrefix: prefix)
            let (ready, diagnostics) = StatementPath.prepare(task.answer, bindings: answerBindings, readFile: Session.statementFiles)
            guard let prepared = ready, let schema = prepared.schema else {
                if diagnostics.items.isEmpty {
                    problems += "\(path):\(task.answerLine): error[\(DiagnosticCode.badLesson.rawValue)]: the answer is not a statement that gives rows\n"
                }
                for d in diagnostics.items.prefix(3) {
                    problems += DiagnosticRenderer.render(d, statement: task.answer, origin: origin, color: err.isTerminal)
                }
                expected.append(nil)
                continue
            }
            let ctx = executionContext()
            let rows: [Row]
            do {
                rows = try StatementPath.run(prepared, ctx).rows
            } catch {
                problems += "\(path):\(task.answerLine): error[\(DiagnosticCode.badLesson.rawValue)]: the answer does not run: \(error)\n"
                expected.append(nil)
                continue
            }
            if case let .let(name) = prepared.kind {
                let binding = Binding(schema: schema, rows: rows, statement: task.answer.trimmingSpaces)
                answerBindings[name.text] = binding
                lets[expected.count] = (name.text, binding)
            }
            let table = TutorialCheck.Table(columns: schema.columns.map(\.name),
                                            rows: rows.map { row in schema.columns.map { ctx.value($0.ref, row) } })
            let named = (task.columns ?? []).map { ($0, task.columnsLine, "columns") } + (task.orderBy ?? []).map { ($0, task.orderLine, "order") }
            for (c, lineNumber, key) in named where !table.columns.contains(c) {
                var help = ["the answer's columns: " + table.columns.joined(separator: ", ")]
                if let g = Suggest.closest(to: c, among: table.columns) { help.insert("did you mean '\(g)'?", at: 0) }
                let line = lineNumber - 1 < fileLines.count ? fileLines[lineNumber - 1] : ""
                let after = line.range(of: key + ":").map { $0.upperBound } ?? line.startIndex
                let start = line.range(of: c, range: after..<line.endIndex).map { line.utf8.distance(from: line.startIndex, to: $0.lowerBound) } ?? 0
                problems += DiagnosticRenderer.render(
                    Diagnostic(.badLesson, "column '\(c)' is not in the answer's rows", range: start..<(start + c.utf8.count), help: help),
                    statement: line, origin: SourceOrigin(name: path, line: lineNumber, interactive: false), color: err.isTerminal)
            }
            if let condition = task.expect {
                // the example answer must meet the task's own condition
                let saved = bindings
                bindings = answerBindings
                let verdict = tutorialExpect(task.answer, condition: condition)
                bindings = saved
                if case let .wrong(points)? = verdict {
                    problems += "\(path):\(task.expectLine): error[\(DiagnosticCode.badLesson.rawValue)]: the answer does not meet 'expect \(condition)': \(points.joined(separator: "; "))\n"
                }
                expected.append(nil)
            } else {
                expected.append(table)
            }
        }
        guard problems.isEmpty else {
            err.write(problems)
            throw SessionError.coded(.badLesson, "the lesson \(path) has errors (above); fix them and type .tutorial again")
        }
        return PreparedLesson(lesson: lesson, expected: expected, lets: lets, corpus: ObjectIdentifier(corpus))
    }

    private func progress() -> TutorialProgress {
        if let p = tutorial.progress { return p }
        let (p, note) = TutorialProgress.load(tutorial.progressPath)
        if let note { err.write(note + "\n") }
        tutorial.progress = p
        return p
    }

    private func saveProgress(_ p: TutorialProgress) {
        tutorial.progress = p
        if let why = p.save(tutorial.progressPath), !tutorial.saveFailureReported {
            tutorial.saveFailureReported = true
            err.write("note: progress cannot be kept between sessions: \(why)\n")
        }
    }
}
