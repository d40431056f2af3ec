import NewsCore
import NewsStore

/// The one way a statement goes from text to rows, for every caller: the
/// shell, scripts and piped input, `let`, `explain` and `explain analyze`, the
/// benchmark and the tests.
///
///     prepare(text, bindings)  lex → parse → bind → plan → optimize
///     run(prepared, context)   physical plan → execute (on a statement worker)
///
/// Rendering stays with the caller (the session renders tables; tests read rows).
/// Settings reach the operators only through `ExecutionOptions`.
public enum StatementPath {
    /// A statement made ready: parsed and, when it has a pipeline, bound, planned
    /// and optimized. Nil with diagnostics when it cannot run.
    /// `readFile` reads the files a statement names (stopword lists); nil: none can be.
    public static func prepare(_ text: String, bindings: [String: Binding],
                               readFile: Binder.ReadFile? = nil) -> (PreparedStatement?, DiagnosticBag) {
        // `why QUERY in ID`: the id is read as written (it may hold # or /), the rest parsed
        let why = WhyStatement.split(text)
        let (parsed, parseDiagnostics) = Parser.parse(why?.blanked ?? text)
        guard let statement = parsed, !parseDiagnostics.hasErrors else { return (nil, parseDiagnostics) }
        func compiled(_ kind: PreparedStatement.Kind, _ pipeline: Pipeline) -> (PreparedStatement?, DiagnosticBag) {
            var binder = Binder(statement: text, bindings: bindings, readFile: readFile)
            guard let bound = binder.bind(pipeline), !binder.diagnostics.hasErrors else { return (nil, binder.diagnostics) }
            let initial = Planner.plan(bound)
            let (optimized, rewrites) = Optimizer.optimize(initial)
            return (PreparedStatement(text: text, kind: kind, pipeline: pipeline, bound: bound, initialPlan: initial,
                                      plan: optimized, rewrites: rewrites), binder.diagnostics)
        }
        switch statement {
        case let .query(pipeline):
            return compiled(.query, pipeline)
        case let .let(name, pipeline):
            if SourceKind(rawValue: name.text) != nil {
                var bag = DiagnosticBag()
                bag.add(Diagnostic(.builtinName, "'\(name.text)' is a built-in source and cannot be rebound",
                                   range: name.range, help: ["choose another name, e.g. let my_\(name.text) = ..."]))
                return (nil, bag)
            }
            return compiled(.let(name: name), pipeline)
        case let .explain(mode, pipeline):
            return compiled(.explain(mode), pipeline)
        case let .help(topic):
            return (PreparedStatement(text: text, kind: .help(topic: topic)), parseDiagnostics)
        case let .show(article, query, _):
            guard let q = query else { return (PreparedStatement(text: text, kind: .show(article: article, query: nil)), parseDiagnostics) }
            var binder = Binder(statement: text, bindings: bindings, readFile: readFile)
            guard let bound = binder.bindQuery(q), !binder.diagnostics.hasErrors else { return (nil, binder.diagnostics) }
            return (PreparedStatement(text: text, kind: .show(article: article, query: bound)), parseDiagnostics)
        case let .why(query, id, idRange):
            var bag = parseDiagnostics
            let (written, range) = why.map { ($0.id, $0.idRange) } ?? (id, idRange)
            guard !written.isEmpty else {
                bag.add(Diagnostic(.badStatement, "expected an id after 'in'", range: range,
                                   help: ["why china in 002_a0e825fb24626626", "why china in \"002_a0e825fb24626626#s7\""]))
                return (nil, bag)
            }
            // the search must bind as a search does
            var binder = Binder(statement: text, bindings: bindings, readFile: readFile)
            guard let bound = binder.bindQuery(query), !binder.diagnostics.hasErrors else { return (nil, binder.diagnostics) }
            let queryText = String(text.utf8Slice(query.range))
            return (PreparedStatement(text: text, kind: .why(query: bound, text: queryText, id: written, idRange: range)), bag)
        }
    }

    /// Runs a prepared pipeline: its physical plan on a statement worker, so
    /// Ctrl-C stops it. Returns the rows and the operator tree (with its
    /// counts and times, for `explain analyze`).
    public static func run(_ prepared: PreparedStatement, _ ctx: ExecutionContext) throws -> (rows: [Row], root: PhysicalOperator) {
        guard let plan = prepared.plan else { throw ExecutionError.failed(.nothingToRun, "'\(prepared.text)' has no pipeline to run") }
        let root = PhysicalPlanner.build(plan, spans: prepared.bound.map(StageSpans.init) ?? StageSpans())
        let rows = try StatementRunner.run(ctx) { try root.run(ctx) }
        return (rows, root)
    }
}

/// A statement ready to run (see `StatementPath.prepare`).
public struct PreparedStatement {
    public enum Kind {
        case query
        case `let`(name: Name)
        case explain(ExplainMode)
        case help(topic: Name?)
        case show(article: Token, query: SearchQuery?)
        /// `why QUERY in ID`: the query bound, and as written (the verdict runs it).
        case why(query: SearchQuery, text: String, id: String, idRange: Range<Int>)
    }

    public let text: String
    public let kind: Kind
    /// The pipeline as parsed (nil for `help` and `show`).
    public let pipeline: Pipeline?
    /// The pipeline bound: names resolved, the schema after every stage.
    public let bound: BoundPipeline?
    /// The plan as the planner made it, before any rewrite (`explain verbose`).
    public let initialPlan: LogicalPlan?
    /// The plan that runs: after the optimizer's rewrites.
    public let plan: LogicalPlan?
    /// Each rewrite rule that changed the plan, with the plan after it.
    public let rewrites: [(String, LogicalPlan)]

    init(text: String, kind: Kind, pipeline: Pipeline? = nil, bound: BoundPipeline? = nil, initialPlan: LogicalPlan? = nil,
         plan: LogicalPlan? = nil, rewrites: [(String, LogicalPlan)] = []) {
        self.text = text; self.kind = kind; self.pipeline = pipeline; self.bound = bound
        self.initialPlan = initialPlan; self.plan = plan; self.rewrites = rewrites
    }

    /// The schema of the rows the pipeline produces.
    public var schema: RowSchema? { bound?.schema }
}

/// The text of `why QUERY in ID`: where the id is, and the statement with the
/// id blanked out (same length, so every range still points into the text).
enum WhyStatement {
    static func split(_ text: String) -> (id: String, idRange: Range<Int>, blanked: String)? {
        let b = Array(text.utf8)
        var i = 0
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        guard i + 4 <= b.count, b[i..<(i + 3)].elementsEqual("why".utf8), b[i + 3] == 0x20 || b[i + 3] == 0x09 else { return nil }
        // comments (`#` or `-- ` after a space or at a line's start) are no part of it; a `#`
        // inside a word is (an id such as 002_a0e8…#s7)
        var comment = [Bool](repeating: false, count: b.count)
        var quote: UInt8? = nil
        var k = 0
        while k < b.count {
            let c = b[k]
            let afterSpace = k == 0 || [0x20, 0x09, 0x0A, 0x0D].contains(b[k - 1])
            if let q = quote { if c == q || c == 0x0A { quote = nil } }
            else if c == 0x22 { quote = c }
            else if afterSpace, c == 0x23 || (c == 0x2D && k + 2 < b.count && b[k + 1] == 0x2D && b[k + 2] == 0x20) {
                while k < b.count, b[k] != 0x0A { comment[k] = true; k += 1 }
                continue
            }
            k += 1
        }
        // the last ` in ` outside quotes, brackets and comments
        quote = nil
        var depth = 0, last: Int? = nil
        k = i + 3
        while k < b.count {
            let c = b[k]
            if comment[k] { k += 1; continue }
            if let q = quote { if c == q { quote = nil } }
            else if c == 0x22 { quote = c }
            else if c == 0x28 { depth += 1 } else if c == 0x29 { depth -= 1 }
            else if depth == 0, k + 3 < b.count, b[k] == 0x20 || b[k] == 0x09, (b[k + 1] | 0x20) == 0x69, (b[k + 2] | 0x20) == 0x6E,
                    b[k + 3] == 0x20 || b[k + 3] == 0x09, !comment[k + 3] { last = k + 1 }
            k += 1
        }
        guard let at = last else { return nil }
        var lo = at + 2
        while lo < b.count, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
        // the id runs to the end of its line (or a comment)
        var hi = lo
        while hi < b.count, b[hi] != 0x0A, !comment[hi] { hi += 1 }
        while hi > lo, [0x20, 0x09, 0x0A, 0x0D, 0x3B].contains(b[hi - 1]) { hi -= 1 }
        var id = String(decoding: b[lo..<hi], as: UTF8.self)
        if id.count >= 2, let f = id.first, f == "\"" || f == "'", id.last == f { id = String(id.dropFirst().dropLast()) }
        var blanked = b
        for x in lo..<hi { blanked[x] = 0x20 }
        return (id, lo..<hi, String(decoding: blanked, as: UTF8.self))
    }
}
