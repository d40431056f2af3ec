/// Builds the logical plan of a bound pipeline: one node per stage, in order.

public enum Planner {
    public static func plan(_ p: BoundPipeline) -> LogicalPlan {
        var plan: LogicalPlan
        switch p.source {
        case let .source(kind): plan = .scan(kind)
        case let .binding(name, b): plan = .binding(name, b)
        }
        for stage in p.stages { plan = node(stage, over: plan) }
        return plan
    }

    /// The plan node of one stage over its input.
    static func node(_ stage: BoundStage, over plan: LogicalPlan) -> LogicalPlan {
        switch stage {
        case let .filter(e): return .filter(plan, e)
        case let .search(q, s): return .search(plan, q, s)
        case let .project(items, _): return .project(plan, items)
        case let .sort(keys): return .sort(plan, keys)
        case let .limit(n): return .limit(plan, n)
        case let .topK(n, keys): return .topK(plan, n, keys, cutBy: "top \(n)")
        case let .aggregate(keys, articlesOf, _): return .aggregate(plan, keys: keys, articlesOf: articlesOf)
        case let .analysis(a): return .analysis(plan, a)
        }
    }
}

/// Where each stage of a bound pipeline is in the statement, found again from
/// the optimized plan's nodes: a node made from a stage (and kept by the
/// rules, as a search turned index lookup is) gives the stage's span; a node
/// the rules made from several stages (merged filters, sort and take as
/// top-k) gives the stretch from the first of those stages to the last.
public struct StageSpans {
    var byKey: [String: Range<Int>] = [:]
    /// The stretch covering every stage of one kind ("filter", "sort", "limit").
    var coverByKind: [String: Range<Int>] = [:]

    public init() {}

    public init(_ bound: BoundPipeline) {
        for (stage, range) in zip(bound.stages, bound.stageRanges) {
            let node = Planner.node(stage, over: .scan(.articles))
            if byKey[node.stageKey] == nil { byKey[node.stageKey] = range }
            for kind in node.stageKinds {
                coverByKind[kind] = coverByKind[kind].map { Self.cover($0, range) } ?? range
            }
        }
    }

    /// The span of the stage (or stages) a plan node was made from.
    public subscript(_ plan: LogicalPlan) -> Range<Int>? {
        if let r = byKey[plan.stageKey] { return r }
        let made = plan.stageKinds.compactMap { coverByKind[$0] }
        return made.dropFirst().reduce(made.first) { acc, r in acc.map { Self.cover($0, r) } }
    }

    static func cover(_ a: Range<Int>, _ b: Range<Int>) -> Range<Int> {
        min(a.lowerBound, b.lowerBound)..<max(a.upperBound, b.upperBound)
    }
}

extension LogicalPlan {
    /// What identifies the stage a node was made from: its explain label, the
    /// same for a search and the index lookup it became.
    /// The kinds of stage a node can be made from: a filter from `where`s (merged), a
    /// top-k from a sort and a take (or a `top`), the rest from their own stage only.
    var stageKinds: [String] {
        switch self {
        case .filter: return ["filter"]
        case .sort: return ["sort"]
        case .limit: return ["limit"]
        case .topK: return ["sort", "limit", "topK"]
        default: return []
        }
    }

    var stageKey: String {
        switch self {
        case let .search(_, q, s), let .indexSearch(s, q, _): return "search \(s.rawValue): \(q)"
        default: return label
        }
    }
}
