/// Rule: a search becomes a posting-list lookup in the text index; rows of
/// anything but a plain scan become its candidate set.

enum SearchToIndexLookup {
    static let rule = Optimizer.Rule(name: "search to index lookup") { plan in
        guard case let .search(input, q, s) = plan else { return nil }
        if case .scan = input { return .indexSearch(s, q, candidates: nil) }
        return .indexSearch(s, q, candidates: input)
    }
}
