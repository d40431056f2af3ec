import NewsCore
import NewsQuery

/// One lesson of a `.tutorial`: a title, an introduction and tasks, read from a
/// plain `.lesson` file a teacher can write for their own corpus.
///
/// The format, close to the `.q` scripts (`#` starts a comment line; a line
/// that starts with a space or tab continues the line above it):
///
///     lesson: Searching
///     intro: search finds words in the text.
///
///     task: Find the articles that mention Taiwan.
///     hint: search comes after a source: articles | search WORD
///     answer: articles | search taiwan
///     columns: id
///
///     task: Count the sentences that mention the Taiwan Strait.
///     expect: n >= 5
///     answer: sentences | search "Taiwan Strait" | count
///
/// `answer:` is the expected statement: a learner's statement is right when it
/// gives the same rows (in any order, unless `order: matters`, or `order: by
/// COLUMN` for the order of that column's values) with at least
/// the answer's columns (or only those named by `columns:`). With `expect:` the
/// learner's rows must meet the condition instead (as the `expect` stage of
/// scripts checks), and `answer:` is an example that does. `note:` is shown
/// after a right answer.
public struct Lesson: Sendable {
    /// The file's name without the extension (`01-searching`).
    public var file: String
    /// Where it was read from, for error locations.
    public var path: String
    public var title: String
    public var intro: String
    public var tasks: [LessonTask]

    /// The name a learner types: the file name without a leading number (`searching`).
    public var name: String {
        let digits = file.prefix { $0.isNumber }
        let rest = file.dropFirst(digits.count).drop { $0 == "-" || $0 == "_" }
        return digits.isEmpty || rest.isEmpty ? file : String(rest)
    }
}

/// One task of a lesson.
public struct LessonTask: Sendable {
    public var text: String
    public var hints: [String]
    /// The expected statement (or, with `expect`, an example answer).
    public var answer: String
    /// The line of `answer:` in the lesson file.
    public var answerLine: Int
    /// The condition the learner's rows must meet, instead of the answer's rows.
    public var expect: String?
    public var expectLine: Int
    /// The columns that must be present and equal (nil: all of the answer's).
    public var columns: [String]?
    public var columnsLine: Int
    /// `order: matters`: the rows must come in the answer's order.
    public var ordered: Bool
    /// `order: by COLUMN, ...`: the rows must come in the answer's order of these
    /// columns' values (rows that tie on them may come in any order).
    public var orderBy: [String]?
    public var orderLine: Int
    /// Shown after a right answer.
    public var note: String?
    /// The line of `task:` in the lesson file.
    public var line: Int
}

/// Reads `.lesson` files (see `Lesson` for the format).
public enum LessonParser {
    static let keys = ["lesson", "intro", "task", "hint", "answer", "expect", "columns", "order", "note"]

    /// A file that cannot be read as a lesson, with its diagnostics (one line each).
    public struct Failure: Error {
        public var path: String
        public var text: String
        public var diagnostics: [(line: Int, diagnostic: Diagnostic)]

        /// The errors as the shell shows them: file:line:col, the line, a caret and help.
        public func render(color: Bool = false) -> String {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            return diagnostics.map { line, d in
                let source = line - 1 < lines.count ? String(lines[line - 1]) : ""
                return DiagnosticRenderer.render(d, statement: source,
                                                 origin: SourceOrigin(name: path, line: line, interactive: false), color: color)
            }.joined()
        }
    }

    public static func parse(_ text: String, path: String) -> Result<Lesson, Failure> {
        var file = path.split(separator: "/").last.map(String.init) ?? path
        if file.hasSuffix(".lesson") { file = String(file.dropLast(".lesson".count)) }
        var lesson = Lesson(file: file, path: path, title: "", intro: "", tasks: [])
        var errors: [(Int, Diagnostic)] = []
        func error(_ line: Int, _ message: String, _ range: Range<Int>?, help: [String] = []) {
            errors.append((line, Diagnostic(.badLesson, message, range: range, help: help)))
        }
        // Lines joined with their continuations: (line number, key, key range, value, value as written).
        var entries: [(line: Int, key: String, keyRange: Range<Int>, value: String)] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        for (i, raw) in lines.enumerated() {
            let number = i + 1
            let trimmed = raw.trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if raw.first == " " || raw.first == "\t" {
                guard !entries.isEmpty else {
                    error(number, "an indented line continues the line above it, but nothing comes before it", 0..<raw.utf8.count,
                          help: ["start the file with 'lesson: TITLE'"])
                    continue
                }
                let key = entries[entries.count - 1].key
                entries[entries.count - 1].value += (key == "answer" || key == "expect" ? "\n" + raw : " " + trimmed)
                continue
            }
            guard let colon = raw.firstIndex(of: ":") else {
                let word = String(raw.prefix { !$0.isWhitespace })
                var help = ["a lesson line starts with one of: " + keys.map { $0 + ":" }.joined(separator: " ")]
                if let g = Suggest.closest(to: word.lowercased(), among: keys) { help.insert("did you mean '\(g):'?", at: 0) }
                help.append("a line that starts with a space continues the line above; # starts a comment")
                error(number, "expected 'KEY: text' here", 0..<max(1, word.utf8.count), help: help)
                continue
            }
            let key = raw[..<colon].trimmingSpaces.lowercased()
            let keyRange = 0..<raw[..<colon].utf8.count
            guard keys.contains(key) else {
                var help: [String] = []
                if let g = Suggest.closest(to: key, among: keys) { help.append("did you mean '\(g):'?") }
                help.append("keys: " + keys.map { $0 + ":" }.joined(separator: " "))
                error(number, "unknown key '\(key)'", keyRange, help: help)
                continue
            }
            let after = raw[raw.index(after: colon)...]
            // keep the answer's own spacing after one space, so carets line up with the file
            let value = key == "answer" || key == "expect" ? String(after.drop { $0 == " " || $0 == "\t" }) : after.trimmingSpaces
            entries.append((number, key, keyRange, value))
        }

        var task: LessonTask?
        func finish(_ t: LessonTask?) {
            guard let t else { return }
            if t.answer.trimmingSpaces.isEmpty {
                error(t.line, "this task has no answer: line", 0..<"task".utf8.count,
                      help: ["add 'answer: STATEMENT' (the statement whose rows are right, or with expect: an example)"])
            }
            lesson.tasks.append(t)
        }
        for e in entries {
            let value = e.value
            if value.trimmingSpaces.isEmpty && e.key != "intro" {
                error(e.line, "'\(e.key):' needs a value", e.keyRange)
                continue
            }
            switch e.key {
            case "lesson":
                if !lesson.title.isEmpty { error(e.line, "a second 'lesson:' line (one lesson per file)", e.keyRange) }
                if task != nil { error(e.line, "'lesson:' comes before the first task", e.keyRange) }
                lesson.title = value
            case "intro":
                if task != nil { error(e.line, "'intro:' comes before the first task", e.keyRange, help: ["use 'note:' for text shown after a task"]) }
                lesson.intro += (lesson.intro.isEmpty ? "" : " ") + value
            case "task":
                finish(task)
                task = LessonTask(text: value, hints: [], answer: "", answerLine: e.line, expect: nil, expectLine: e.line,
                                  columns: nil, columnsLine: e.line, ordered: false, orderBy: nil, orderLine: e.line, note: nil, line: e.line)
            default:
                guard task != nil else {
                    error(e.line, "'\(e.key):' belongs to a task, but no 'task:' line comes before it", e.keyRange,
                          help: ["start a task with 'task: what the learner should find'"])
                    continue
                }
                switch e.key {
                case "hint": task!.hints.append(value)
                case "answer":
                    if !task!.answer.isEmpty { error(e.line, "a second 'answer:' in one task", e.keyRange) }
                    task!.answer = value; task!.answerLine = e.line
                case "expect":
                    if task!.expect != nil { error(e.line, "a second 'expect:' in one task", e.keyRange) }
                    task!.expect = value; task!.expectLine = e.line
                case "columns":
                    let names = value.split(separator: ",").map { $0.trimmingSpaces }
                    if names.contains(where: { $0.isEmpty || $0.contains(" ") }) {
                        error(e.line, "columns: takes names separated by commas", e.keyRange, help: ["columns: id, title"])
                    }
                    task!.columns = names; task!.columnsLine = e.line
                case "order":
                    let words = value.split(separator: " ", maxSplits: 1).map(String.init)
                    switch words[0].lowercased() {
                    case "matters": task!.ordered = true
                    case "any": task!.ordered = false
                    case "by" where words.count == 2:
                        task!.ordered = true
                        task!.orderBy = words[1].split(separator: ",").map { $0.trimmingSpaces }
                        task!.orderLine = e.line
                    default:
                        error(e.line, "order: is 'matters', 'any' or 'by COLUMN, ...', not '\(value)'", e.keyRange,
                              help: ["order: by n (ties on n may come in any order)"])
                    }
                case "note": task!.note = (task!.note.map { $0 + " " } ?? "") + value
                default: break
                }
            }
        }
        finish(task)
        if lesson.title.isEmpty && errors.isEmpty {
            error(1, "the lesson has no title", nil, help: ["start the file with 'lesson: TITLE'"])
        }
        if lesson.tasks.isEmpty && errors.isEmpty {
            error(max(1, lines.count), "the lesson has no tasks", nil, help: ["add 'task: …' with an 'answer: …' below it"])
        }
        guard errors.isEmpty else { return .failure(Failure(path: path, text: text, diagnostics: errors)) }
        return .success(lesson)
    }
}
