/// Rule: a filter on metadata after a search runs before it, so it becomes a
/// candidate set that restricts the index lookup (fewer postings to score).

enum PushFilterBelowSearch {
    static let rule = Optimizer.Rule(name: "push filter below search") { plan in
        guard case let .filter(inner, cond) = plan, case let .search(input, q, s) = inner,
              cond.readsOnlyUnitFields else { return nil }
        return .search(.filter(input, cond), q, s)
    }
}
