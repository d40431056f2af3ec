/// Rewrites a logical plan with the rules, in order, each applied bottom-up
/// until it changes nothing. `explain verbose` shows the plan after each rule.

public enum Optimizer {
    /// A rewrite rule: returns the new node, or nil when it does not apply here.
    public struct Rule {
        public var name: String
        public var apply: (LogicalPlan) -> LogicalPlan?
    }

    public static let rules: [Rule] = [
        MergeFilters.rule,
        PushFilterBelowSearch.rule,
        SearchToIndexLookup.rule,
        SortLimitToTopK.rule,
    ]

    /// The optimized plan, and the plan after each rule (for `explain verbose`).
    public static func optimize(_ plan: LogicalPlan) -> (plan: LogicalPlan, steps: [(String, LogicalPlan)]) {
        var current = plan
        var steps: [(String, LogicalPlan)] = []
        for rule in rules {
            current = rewrite(current, rule)
            steps.append((rule.name, current))
        }
        return (current, steps)
    }

    static func rewrite(_ plan: LogicalPlan, _ rule: Rule) -> LogicalPlan {
        var node = plan.withChildren(plan.children.map { rewrite($0, rule) })
        var guardCount = 0
        while let next = rule.apply(node), guardCount < 100 {
            node = next.withChildren(next.children.map { rewrite($0, rule) })
            guardCount += 1
        }
        return node
    }
}

extension LogicalPlan {
    /// The same node over new children (in `children` order).
    func withChildren(_ cs: [LogicalPlan]) -> LogicalPlan {
        switch self {
        case .scan, .binding: return self
        case let .indexSearch(s, q, c): return .indexSearch(s, q, candidates: c == nil ? nil : cs[0])
        case let .filter(_, e): return .filter(cs[0], e)
        case let .search(_, q, s): return .search(cs[0], q, s)
        case let .project(_, items): return .project(cs[0], items)
        case let .sort(_, keys): return .sort(cs[0], keys)
        case let .limit(_, n): return .limit(cs[0], n)
        case let .topK(_, n, keys, by): return .topK(cs[0], n, keys, cutBy: by)
        case let .aggregate(_, keys, a): return .aggregate(cs[0], keys: keys, articlesOf: a)
        case let .analysis(_, a): return .analysis(cs[0], a)
        }
    }
}
