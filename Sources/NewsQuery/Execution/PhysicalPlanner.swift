import NewsCore

/// Turns the optimized logical plan into operators, one per node. Each
/// operator made from a stage learns the stage's span (`StageSpans`), so a
/// failure while it runs points at the stage.
public struct PhysicalPlanner {
    let spans: StageSpans

    public static func build(_ plan: LogicalPlan, spans: StageSpans = StageSpans()) -> PhysicalOperator {
        PhysicalPlanner(spans: spans).build(plan, scores: true)
    }

    /// `scores`: whether anything above reads the score or the match positions;
    /// when not (rows only counted), the index lookup skips BM25 and hits.
    func build(_ plan: LogicalPlan, scores: Bool = true) -> PhysicalOperator {
        let op = operatorOf(plan, scores: scores)
        if op.stageRange == nil { op.stageRange = spans[plan] }
        return op
    }

    func operatorOf(_ plan: LogicalPlan, scores: Bool) -> PhysicalOperator {
        switch plan {
        case let .scan(s): return ScanOperator(source: s)
        case let .binding(name, b): return BindingScanOperator(name: name, binding: b)
        case let .filter(c, e): return FilterOperator(input: build(c, scores: scores || e.readsScore), condition: e)
        case let .search(c, q, s): return IndexSearchOperator(source: s, query: q, candidates: build(c), scoring: scores)
        case let .indexSearch(s, q, c): return IndexSearchOperator(source: s, query: q, candidates: c.map { build($0) }, scoring: scores)
        case let .project(c, items): return ProjectOperator(input: build(c), items: items)
        case let .sort(c, keys): return SortOperator(input: build(c), keys: keys)
        case let .limit(c, n):
            if case let .indexSearch(s, q, cand) = c {
                let search = IndexSearchOperator(source: s, query: q, candidates: cand.map { build($0) }, hits: false)
                if cand == nil { search.scoredPrefix = n }
                let limit = LimitOperator(input: search, count: n)
                return searchHits(SearchHitsOperator(input: limit, source: s, query: q), search, limit: limit, plan, c)
            }
            return LimitOperator(input: build(c), count: n)
        case let .topK(c, n, keys, by):
            // The top rows are found on scores alone; their hits are added after.
            if case let .indexSearch(s, q, cand) = c {
                let search = IndexSearchOperator(source: s, query: q, candidates: cand.map { build($0) }, hits: false)
                let top = TopKOperator(input: search, count: n, keys: keys, cutBy: by)
                return searchHits(SearchHitsOperator(input: top, source: s, query: q), search, limit: top, plan, c)
            }
            return TopKOperator(input: build(c), count: n, keys: keys, cutBy: by)
        case let .analysis(c, a): return AnalysisPlanner.build(build(c, scores: true), a)
        case let .aggregate(c, keys, a):
            if keys.isEmpty { return CountRowsOperator(input: build(c, scores: false), articlesOf: a) }
            if keys.count == 1 {
                return GroupCountOperator(input: build(c, scores: keys[0].expr.readsScore), key: keys[0], articlesOf: a)
            }
            return AggregateOperator(input: build(c, scores: keys.contains { $0.expr.readsScore }), keys: keys, articlesOf: a)
        }
    }

    /// A cut (take or top) over an index search, as one lookup: the search and
    /// its hits carry the search's span, the cut its own.
    func searchHits(_ hits: PhysicalOperator, _ search: PhysicalOperator, limit: PhysicalOperator,
                    _ plan: LogicalPlan, _ searchPlan: LogicalPlan) -> PhysicalOperator {
        search.stageRange = spans[searchPlan]
        hits.stageRange = spans[searchPlan]
        limit.stageRange = spans[plan]
        return hits
    }
}

extension BoundExpr {
    /// True when the expression reads the search score.
    var readsScore: Bool {
        switch self {
        case let .column(ref, _, _):
            if case .score = ref { return true }
            return false
        case .literal: return false
        case let .list(items): return items.contains { $0.readsScore }
        case let .not(e), let .negate(e), let .matches(e, _): return e.readsScore
        case let .compare(_, l, r), let .and(l, r), let .or(l, r), let .arithmetic(_, l, r), let .inList(l, r):
            return l.readsScore || r.readsScore
        case let .between(a, b, c): return a.readsScore || b.readsScore || c.readsScore
        case let .call(_, args): return args.contains { $0.readsScore }
        case .matchText: return true  // snippet/highlight read the matches
        }
    }
}
