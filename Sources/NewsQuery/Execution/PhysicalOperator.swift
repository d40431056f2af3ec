import NewsCore

/// Rows and time an operator produced, for `explain analyze`.
public struct OperatorStats {
    public var rows = 0
    /// Seconds in this operator alone (children excluded).
    public var seconds = 0.0
}

/// A physical operator: runs its children, then its own work, counting rows and time.
public class PhysicalOperator {
    public let name: String
    public var detail: String
    public let children: [PhysicalOperator]
    public internal(set) var stats = OperatorStats()
    /// The span of the stage this operator runs, in the statement's text; a
    /// failure inside it carries this span (set by `PhysicalPlanner`).
    public internal(set) var stageRange: Range<Int>?

    init(name: String, detail: String, children: [PhysicalOperator]) {
        self.name = name; self.detail = detail; self.children = children
    }

    /// How a note on Ctrl-C names this operator ("after 1.2 s in SORT").
    var progressLabel: String { name }

    /// Runs the operator tree below and including this node.
    public final func run(_ ctx: ExecutionContext) throws -> [Row] {
        let inputs = try children.map { try $0.run(ctx) }
        try ctx.checkCancelled()
        // An analysis stage's notes describe its rows; only select, reordering and cutting keep them.
        if !keepsNotes { ctx.notes = [] }
        ctx.entering(progressLabel, stage: stageRange)
        let start = monotonicSeconds()
        let rows: [Row]
        do { rows = try execute(ctx, inputs) } catch let e as ExecutionError { throw e.at(stageRange) }
        stats.seconds = monotonicSeconds() - start
        stats.rows = rows.count
        return rows
    }

    /// Whether the notes of an analysis stage below still describe this
    /// operator's rows (true for those that only select, reorder or cut rows).
    var keepsNotes: Bool { false }

    /// The operator's own work over its children's rows. Subclasses override.
    func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        fatalError("\(name) does not implement execute")
    }
}
