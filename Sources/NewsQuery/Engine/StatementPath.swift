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
    public static func prepare(_ text: String, bindings: [String: Binding]) -> (PreparedStatement?, DiagnosticBag) {
        let (parsed, parseDiagnostics) = Parser.parse(text)
        guard let statement = parsed, !parseDiagnostics.hasErrors else { return (nil, parseDiagnostics) }
        func compiled(_ kind: PreparedStatement.Kind, _ pipeline: Pipeline) -> (PreparedStatement?, DiagnosticBag) {
            var binder = Binder(statement: text, bindings: bindings)
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
                bag.add(Diagnostic(phase: .bind, message: "'\(name.text)' is a built-in source and cannot be rebound",
                                   range: name.range, help: ["choose another name, e.g. let my_\(name.text) = ..."]))
                return (nil, bag)
            }
            return compiled(.let(name: name), pipeline)
        case let .explain(mode, pipeline):
            return compiled(.explain(mode), pipeline)
        case let .help(topic):
            return (PreparedStatement(text: text, kind: .help(topic: topic)), parseDiagnostics)
        case let .show(article, query, _):
            return (PreparedStatement(text: text, kind: .show(article: article, query: query)), parseDiagnostics)
        }
    }

    /// Runs a prepared pipeline: its physical plan on a statement worker, so
    /// Ctrl-C stops it. Returns the rows and the operator tree (with its
    /// counts and times, for `explain analyze`).
    public static func run(_ prepared: PreparedStatement, _ ctx: ExecutionContext) throws -> (rows: [Row], root: PhysicalOperator) {
        guard let plan = prepared.plan else { throw ExecutionError.failed("'\(prepared.text)' has no pipeline to run") }
        let root = PhysicalPlanner.build(plan)
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
        case show(article: Token, query: SearchExpr?)
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

/// The session's settings that operators follow, passed in explicitly.
public struct ExecutionOptions: Sendable {
    /// Article search also matches in boilerplate paragraphs (`.boilerplate on`).
    public var includeBoilerplate = false
    /// Snippets and highlights mark matches with ANSI colour instead of [brackets].
    public var colorMatches = false

    public init(includeBoilerplate: Bool = false, colorMatches: Bool = false) {
        self.includeBoilerplate = includeBoilerplate
        self.colorMatches = colorMatches
    }
}
