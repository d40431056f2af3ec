import NewsCore
import NewsQuery

/// Checking a learner's statement by its result, never its text: the rows it
/// gives (all of them, before any `.maxrows` cut) against the rows of the
/// task's answer, or against the task's `expect` condition.
enum TutorialCheck {
    /// Rows as the tutorial compares them: column names and values.
    struct Table {
        var columns: [String]
        var rows: [[Value]]

        init(columns: [String], rows: [[Value]]) { self.columns = columns; self.rows = rows }

        /// The values of every row, as the statement's columns show them.
        init(_ columns: [SchemaColumn], _ rows: [Row], _ ctx: ExecutionContext) {
            self.columns = columns.map(\.name)
            self.rows = rows.map { row in columns.map { ctx.value($0.ref, row) } }
        }
    }

    enum Verdict: Equatable {
        case right(rows: Int)
        /// What is wrong, one point a line, most useful first.
        case wrong([String])
    }

    /// The columns that must be present: the task's `columns:`, else all the answer's.
    static func required(_ task: LessonTask, _ expected: Table) -> [String] {
        task.columns ?? expected.columns
    }

    /// Compares `got` with the answer's rows, on the required columns.
    static func compare(_ got: Table, expected: Table, task: LessonTask) -> Verdict {
        let needed = required(task, expected)
        var points: [String] = []
        let missing = needed.filter { !got.columns.contains($0) }
        if !missing.isEmpty {
            let noun = missing.count == 1 ? "column \(missing[0]) is missing" : "columns \(missing.joined(separator: ", ")) are missing"
            points.append("\(noun) (your columns: \(got.columns.isEmpty ? "none" : got.columns.joined(separator: ", ")))")
        }
        let shared = needed.filter { got.columns.contains($0) }
        let gotIndex = shared.map { name in got.columns.firstIndex(of: name)! }
        let expectedIndex = shared.map { name in expected.columns.firstIndex(of: name)! }
        func key(_ row: [Value], _ index: [Int]) -> [String] { index.map { row[$0].description } }
        let gotKeys = got.rows.map { key($0, gotIndex) }
        let expectedKeys = expected.rows.map { key($0, expectedIndex) }

        // rows as multisets on the shared columns
        var counts: [[String]: Int] = [:]
        for k in expectedKeys { counts[k, default: 0] += 1 }
        var extra: [[String]] = []
        for k in gotKeys {
            if let c = counts[k], c > 0 { counts[k] = c - 1 } else { extra.append(k) }
        }
        var absent: [[String]] = []
        for k in expectedKeys where (counts[k] ?? 0) > 0 {
            counts[k]! -= 1
            absent.append(k)
        }
        if got.rows.count != expected.rows.count || !absent.isEmpty || !extra.isEmpty {
            var line = "your rows: \(got.rows.count), expected \(expected.rows.count)"
            if got.rows.count == expected.rows.count { line = "your rows: \(got.rows.count), as expected, but not the same ones" }
            if got.rows.isEmpty { line = "your statement found no rows; expected \(expected.rows.count)" }
            points.append(line)
            // rows are listed only when they can be compared on every column asked for
            if missing.isEmpty && !shared.isEmpty {
                if !absent.isEmpty { points.append("missing: " + listed(absent, shared)) }
                if !extra.isEmpty { points.append("not expected: " + listed(extra, shared)) }
            }
        } else if task.ordered {
            // with order: by, only the sequence of those columns' values counts (ties in any order)
            let by = (task.orderBy ?? shared).filter { got.columns.contains($0) && expected.columns.contains($0) }
            let gotOrder = got.rows.map { key($0, by.map { got.columns.firstIndex(of: $0)! }) }
            let expectedOrder = expected.rows.map { key($0, by.map { expected.columns.firstIndex(of: $0)! }) }
            if let at = gotOrder.indices.first(where: { gotOrder[$0] != expectedOrder[$0] }) {
                let what = task.orderBy.map { " (by \($0.joined(separator: ", ")))" } ?? ""
                points.append("the rows are right, but the order matters here\(what): row \(at + 1) should be "
                              + label(expectedKeys[at], shared) + ", not " + label(gotKeys[at], shared))
            }
        }
        return points.isEmpty ? .right(rows: got.rows.count) : .wrong(points)
    }

    /// Up to three rows named by their values, and how many more.
    static func listed(_ keys: [[String]], _ columns: [String]) -> String {
        let shown = keys.prefix(3).map { label($0, columns) }.joined(separator: "; ")
        return keys.count > 3 ? shown + " and \(keys.count - 3) more" : shown
    }

    /// A row as a learner recognises it: the values of its required columns, short.
    static func label(_ key: [String], _ columns: [String]) -> String {
        func short(_ s: String) -> String { s.count > 40 ? String(s.prefix(39)) + "…" : s }
        if key.count == 1 {
            return ["id", "article", "sentence", "paragraph", "item", "speaker", "source", "title", "text"].contains(columns[0])
                ? short(key[0]) : "\(columns[0]) = \(short(key[0]))"
        }
        // the identifying column first when there is one
        if let i = columns.firstIndex(where: { ["id", "article", "sentence", "paragraph"].contains($0) }) {
            let rest = key.indices.filter { $0 != i }.prefix(2).map { "\(columns[$0]) \(short(key[$0]))" }
            return short(key[i]) + (rest.isEmpty ? "" : " (" + rest.joined(separator: ", ") + ")")
        }
        return "(" + key.indices.prefix(3).map { "\(columns[$0]) \(short(key[$0]))" }.joined(separator: ", ") + ")"
    }
}

extension Session {
    /// What a statement typed during a lesson gives, for checking: nil when it is
    /// not an answer (help, show, why, explain) or does not run (its error is
    /// already reported).
    func tutorialTable(of text: String) -> TutorialCheck.Table? {
        let (ready, _) = StatementPath.prepare(text, bindings: bindings, readFile: Session.statementFiles)
        guard let prepared = ready, let schema = prepared.schema else { return nil }
        let ctx = executionContext()
        let rows: [Row]
        switch prepared.kind {
        case .query:
            // the rows the session just showed, else run again
            if let shown = tutorial.lastTable { return shown }
            guard let r = try? StatementPath.run(prepared, ctx).rows else { return nil }
            rows = r
        case let .let(name):
            // the rows just bound (running it again could read the new binding)
            guard let b = bindings[name.text] else { return nil }
            return TutorialCheck.Table(columns: b.schema.columns.map(\.name),
                                       rows: b.rows.map { row in b.schema.columns.map { ctx.value($0.ref, row) } })
        default:
            return nil
        }
        return TutorialCheck.Table(columns: schema.columns.map(\.name),
                                   rows: rows.map { row in schema.columns.map { ctx.value($0.ref, row) } })
    }

    /// Whether the rows of `text` meet `condition`, checked by the `expect` stage
    /// of scripts; nil when `text` is not an answer.
    func tutorialExpect(_ text: String, condition: String) -> TutorialCheck.Verdict? {
        let (ready, _) = StatementPath.prepare(text, bindings: bindings, readFile: Session.statementFiles)
        guard let prepared = ready else { return nil }
        let base: String
        switch prepared.kind {
        case .query: base = text.trimmingSpaces
        case let .let(name): base = name.text
        default: return nil
        }
        let checked = base + "\n  | expect " + condition
        let (withExpect, diagnostics) = StatementPath.prepare(checked, bindings: bindings, readFile: Session.statementFiles)
        guard let p = withExpect else {
            let d = diagnostics.items.first
            var line = "your rows cannot be checked with 'expect \(condition)': \(d?.message ?? "it does not bind")"
            if let columns = prepared.schema?.columns.map(\.name) { line += " (your columns: \(columns.joined(separator: ", ")))" }
            return .wrong([line])
        }
        do {
            let rows = try StatementPath.run(p, executionContext()).rows
            return .right(rows: rows.count)
        } catch let ExecutionError.failed(message, _, _) {
            let reason = message.hasPrefix("expect failed: ") ? String(message.dropFirst("expect failed: ".count)) : message
            return .wrong([reason])
        } catch {
            return .wrong(["\(error)"])
        }
    }
}
