/// Rule: two filters in a row become one, joined with `and`.

enum MergeFilters {
    static let rule = Optimizer.Rule(name: "merge filters") { plan in
        guard case let .filter(inner, outerCond) = plan, case let .filter(input, innerCond) = inner else { return nil }
        return .filter(input, .and(innerCond, outerCond))
    }
}
