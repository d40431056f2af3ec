/// Turns the optimized logical plan into operators, one per node.
public enum PhysicalPlanner {
    public static func build(_ plan: LogicalPlan) -> PhysicalOperator {
        switch plan {
        case let .scan(s): return ScanOperator(source: s)
        case let .binding(name, b): return BindingScanOperator(name: name, binding: b)
        case let .filter(c, e): return FilterOperator(input: build(c), condition: e)
        case let .search(c, q, s): return IndexSearchOperator(source: s, query: q, candidates: build(c))
        case let .indexSearch(s, q, c): return IndexSearchOperator(source: s, query: q, candidates: c.map(build))
        case let .project(c, items): return ProjectOperator(input: build(c), items: items)
        case let .sort(c, keys): return SortOperator(input: build(c), keys: keys)
        case let .limit(c, n): return LimitOperator(input: build(c), count: n)
        case let .topK(c, n, keys): return TopKOperator(input: build(c), count: n, keys: keys)
        case let .aggregate(c, keys, a): return AggregateOperator(input: build(c), keys: keys, articlesOf: a)
        }
    }
}

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

    init(name: String, detail: String, children: [PhysicalOperator]) {
        self.name = name; self.detail = detail; self.children = children
    }

    /// Runs the operator tree below and including this node.
    public final func run(_ ctx: ExecutionContext) throws -> [Row] {
        let inputs = try children.map { try $0.run(ctx) }
        try ctx.checkCancelled()
        ctx.entering(name)
        let start = monotonicSeconds()
        let rows = try execute(ctx, inputs)
        stats.seconds = monotonicSeconds() - start
        stats.rows = rows.count
        return rows
    }

    /// The operator's own work over its children's rows. Subclasses override.
    func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        fatalError("\(name) does not implement execute")
    }
}
