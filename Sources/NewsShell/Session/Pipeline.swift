import NewsCore
import NewsQuery

/// The statement pipeline, visible in one place:
/// lex → parse → bind → plan → optimize → physical plan → execute → render,
/// each step stopping the statement when it reports an error.
extension Session {
    /// How statements read the files they name (stopword lists): the shell's
    /// policy, given to the binder; `~/` is the home folder.
    static let statementFiles: Binder.ReadFile = { path in
        try? readTextFile(expandingTilde(path))   // not a folder, a device or a FIFO that never ends
    }

    /// Runs one statement; reports errors to `err`; true when it ran.
    func execute(_ text: String, origin: SourceOrigin) -> Bool {
        let (ready, diagnostics) = StatementPath.prepare(text, bindings: bindings, readFile: Session.statementFiles)
        guard let prepared = ready else {
            report(diagnostics.items, text, origin)
            return false
        }
        switch prepared.kind {
        case let .help(topic):
            return showHelp(topic?.text, origin: origin, statement: text, range: topic?.range)
        case let .show(article, query):
            return showArticle(article, query: query, text, origin)
        case let .why(query, queryText, id, idRange):
            return why(query, written: queryText, id: id, idRange: idRange, text, origin)
        case .query:
            if let q = prepared.bound?.lastSearch ?? prepared.schema?.query { lastQuery = q }
            return runAndRender(prepared, text, origin)
        case let .let(name):
            let ctx = executionContext()
            do {
                let rows = try StatementPath.run(prepared, ctx).rows
                bindings[name.text] = Binding(schema: prepared.schema!, rows: rows, statement: text.trimmingSpaces)
                if let q = prepared.bound?.lastSearch { lastQuery = q }
                lastExpectation = "rows == \(rows.count)"
                err.write("\(name.text): \(rows.count) \(rows.count == 1 ? "row" : "rows")\n")
                return true
            } catch {
                return reportExecution(error, text, origin)
            }
        case let .explain(mode):
            var output = ""
            switch mode {
            case .plain:
                output = prepared.plan!.render()
            case .verbose:
                output = "── initial plan ──\n" + prepared.initialPlan!.render()
                for (rule, plan) in prepared.rewrites { output += "── after \(rule) ──\n" + plan.render() }
            case .analyze:
                let ctx = executionContext()
                let started = monotonicSeconds()
                do {
                    let root = try StatementPath.run(prepared, ctx).root
                    output = ExplainAnalyze.render(root, total: monotonicSeconds() - started)
                } catch {
                    return reportExecution(error, text, origin)
                }
            }
            out.write(output)
            return true
        }
    }

    /// What operators see of this session: the corpus, Ctrl-C, and the settings they follow.
    /// (`boilerplate` overrides the setting, for a hint that asks what it would find.)
    func executionContext(boilerplate: Bool? = nil) -> ExecutionContext {
        ExecutionContext(corpus: corpus, interrupt: interrupt, options: ExecutionOptions(includeBoilerplate: boilerplate ?? settings.boilerplate))
    }

    /// physical plan → execute → render.
    func runAndRender(_ prepared: PreparedStatement, _ text: String, _ origin: SourceOrigin) -> Bool {
        let ctx = executionContext()
        let schema = prepared.schema!
        let rows: [Row]
        do {
            rows = try StatementPath.run(prepared, ctx).rows
        } catch {
            return reportExecution(error, text, origin)
        }
        // During a lesson, every row (before the .maxrows cut) is what the task checks (Tutorial.swift).
        if tutorial.active != nil { tutorial.lastTable = TutorialCheck.Table(schema.columns, rows, ctx) }
        // What .save pins of this result (see SaveScript.expectation).
        lastExpectation = SaveScript.expectation(schema.columns.map { ($0.name, $0.ref) }, rows) { ctx.value($0, $1) }
        var notes: [String] = ctx.notes
        // an empty search explains itself when something true can be said
        if rows.isEmpty {
            let hints = emptyResultHints(prepared)
            if !hints.isEmpty { notes.append("hint: " + hints.joined(separator: "; ")) }
        }
        // `.maxrows`: only the rows shown are read from the corpus and rendered.
        var shown = rows[...]
        let maxRows = settings.render.maxRows
        if maxRows > 0 && rows.count > maxRows {
            shown = rows.prefix(maxRows)
            notes.append("(showing \(maxRows) of \(rows.count.grouped) rows; .maxrows 0 shows all)")
        }
        if let cut = ctx.cut { notes.append("(\(cut.kept) of \(cut.total) rows; cut by \(cut.by))") }
        let columns = schema.columns.map { Column($0.name, $0.type) }
        func values(_ part: ArraySlice<Row>) -> [[Value]] { part.map { row in schema.columns.map { ctx.value($0.ref, row) } } }
        if shown.count > ResultStream.batch, let streamed = ResultStream(mode: settings.render.mode) {
            return streamed.write(columns, shown, values, session: self, notes: notes)
        }
        // A big table is read and laid out on the worker too, so Ctrl-C can stop it.
        do {
            var result = shown.count > ResultStream.batch
                ? try StatementRunner.run(ctx) { ResultSet(columns: columns, rows: values(shown)) }
                : ResultSet(columns: columns, rows: values(shown))
            result.totalBeforeCut = ctx.cut?.total
            result.notes = notes
            try show(result, precut: true, ctx: shown.count > ResultStream.batch ? ctx : nil)
        } catch {
            return reportExecution(error, text, origin)
        }
        return true
    }

    /// Prints a result in the current mode; notes go under human tables, or to stderr for machine formats.
    /// `precut`: the rows were already cut to `.maxrows` (and the note added).
    /// `ctx`: lay the result out on a statement worker (big results: Ctrl-C can stop it).
    func show(_ result: ResultSet, precut: Bool = false, ctx: ExecutionContext? = nil) throws {
        var options = settings.render
        if precut { options.maxRows = 0 }
        if !out.isTerminal { options.color = false; options.terminalWidth = nil } else { options.terminalWidth = out.terminalWidth }
        let fixed = options
        let rendered = try ctx.map { try StatementRunner.run($0) { Renderer.render(result, options: fixed) } }
            ?? Renderer.render(result, options: options)
        out.write(rendered.body)
        guard !rendered.notes.isEmpty else { return }
        switch options.mode {
        case .box, .table, .markdown, .line:
            out.write(rendered.notes.joined(separator: "\n") + "\n")
        case .csv, .tsv, .json, .jsonl:
            err.write(rendered.notes.joined(separator: "\n") + "\n")
        }
    }

    func report(_ diagnostics: [Diagnostic], _ text: String, _ origin: SourceOrigin) {
        let color = err.isTerminal
        for d in diagnostics.prefix(5) {
            err.write(DiagnosticRenderer.render(d, statement: text, origin: origin, color: color))
        }
        if diagnostics.count > 5 { err.write("(\(diagnostics.count - 5) more errors not shown)\n") }
    }

    func reportExecution(_ error: Error, _ text: String, _ origin: SourceOrigin) -> Bool {
        switch error {
        case ExecutionError.cancelled:
            err.write("cancelled: the statement was stopped (Ctrl-C); nothing was changed\n")
        case let ExecutionError.cancelledAt(place):
            err.write("cancelled: the statement was stopped (Ctrl-C) \(place); nothing was changed\n")
        case let ExecutionError.failed(message, code, range):
            // a stage's failure points at the stage, like a compile error
            report([Diagnostic(code, message, range: range)], text, origin)
        default:
            report([Diagnostic(.internalError, "\(error)", range: nil)], text, origin)
        }
        return false
    }
}

/// `explain analyze`: the operator tree with rows out and time per operator.
enum ExplainAnalyze {
    static func render(_ root: PhysicalOperator, total: Double) -> String {
        var lines: [(String, String, String)] = []
        func walk(_ op: PhysicalOperator, _ depth: Int) {
            let name = String(repeating: "  ", count: depth) + (depth > 0 ? "└─ " : "") + op.name + " " + op.detail
            lines.append((name, String(op.stats.rows), milliseconds(op.stats.seconds)))
            for c in op.children { walk(c, depth + 1) }
        }
        walk(root, 0)
        let w0 = max("operator".count, lines.map { DisplayWidth.of($0.0) }.max() ?? 0)
        let w1 = max("rows".count, lines.map { $0.1.count }.max() ?? 0)
        let w2 = max("time".count, lines.map { $0.2.count }.max() ?? 0)
        func pad(_ s: String, _ w: Int, right: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, w - DisplayWidth.of(s)))
            return right ? fill + s : s + fill
        }
        var out = pad("operator", w0) + "  " + pad("rows", w1, right: true) + "  " + pad("time", w2, right: true) + "\n"
        out += String(repeating: "─", count: w0 + w1 + w2 + 4) + "\n"
        for l in lines { out += pad(l.0, w0) + "  " + pad(l.1, w1, right: true) + "  " + pad(l.2, w2, right: true) + "\n" }
        out += "total \(milliseconds(total))\n"
        return out
    }

    static func milliseconds(_ s: Double) -> String {
        let ms = s * 1000
        if ms < 10 { return String(String(format4: ms).prefix(5)) + " ms" }
        return String(Int(ms.rounded())) + " ms"
    }
}
