/// Builds the logical plan of a bound pipeline: one node per stage, in order.

public enum Planner {
    public static func plan(_ p: BoundPipeline) -> LogicalPlan {
        var plan: LogicalPlan
        switch p.source {
        case let .source(kind): plan = .scan(kind)
        case let .binding(name, b): plan = .binding(name, b)
        }
        for stage in p.stages {
            switch stage {
            case let .filter(e): plan = .filter(plan, e)
            case let .search(q, s): plan = .search(plan, q, s)
            case let .project(items, _): plan = .project(plan, items)
            case let .sort(keys): plan = .sort(plan, keys)
            case let .limit(n): plan = .limit(plan, n)
            case let .topK(n, keys): plan = .topK(plan, n, keys)
            case let .aggregate(keys, articlesOf, _): plan = .aggregate(plan, keys: keys, articlesOf: articlesOf)
            case let .analysis(a): plan = .analysis(plan, a)
            }
        }
        return plan
    }
}
