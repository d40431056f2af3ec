/// Rule: a sort followed by a take keeps only N rows in a bounded heap.

enum SortLimitToTopK {
    static let rule = Optimizer.Rule(name: "sort + limit to top-k") { plan in
        guard case let .limit(inner, n) = plan, case let .sort(input, keys) = inner else { return nil }
        return .topK(input, n, keys, cutBy: "take \(n)")
    }
}
