import NewsStore

/// The logical plan: what a pipeline computes, as a tree the optimizer rewrites.
public indirect enum LogicalPlan {
    /// Every unit of a source, in corpus order.
    case scan(SourceKind)
    /// The stored rows of a `let` name.
    case binding(String, Binding)
    /// Rows for which the condition holds.
    case filter(LogicalPlan, BoundExpr)
    /// Rows of the input whose text matches the query, with score and match positions.
    case search(LogicalPlan, SearchQuery, SourceKind)
    /// A posting-list lookup in the text index: the matching units of the source,
    /// restricted to the units of `candidates` when given (a filter pushed below).
    case indexSearch(SourceKind, SearchQuery, candidates: LogicalPlan?)
    /// Computed columns.
    case project(LogicalPlan, [BoundProjection])
    /// Rows ordered by keys (stable).
    case sort(LogicalPlan, [BoundSortKey])
    /// The first N rows.
    case limit(LogicalPlan, Int)
    /// The first N rows by keys, with a bounded heap instead of a full sort;
    /// `cutBy` is the stage as the user wrote it ("top 3", or "take 3" after a
    /// sort), which the note on a cut result names.
    case topK(LogicalPlan, Int, [BoundSortKey], cutBy: String)
    /// Row counts, per group when keys are given; distinct articles too for child rows.
    case aggregate(LogicalPlan, keys: [BoundProjection], articlesOf: SourceKind?)
    /// An analysis stage over the rows (kwic, words, collocates, ...; Semantic/BindAnalysis.swift).
    case analysis(LogicalPlan, any BoundAnalysis)

    public var children: [LogicalPlan] {
        switch self {
        case .scan, .binding: return []
        case let .indexSearch(_, _, c): return c.map { [$0] } ?? []
        case let .filter(c, _), let .search(c, _, _), let .project(c, _), let .sort(c, _),
             let .limit(c, _), let .topK(c, _, _, _), let .aggregate(c, _, _), let .analysis(c, _):
            return [c]
        }
    }

    /// The operator's name and its arguments, one line, as `explain` shows it.
    public var label: String {
        switch self {
        case let .scan(s): return "Scan \(s.rawValue)"
        case let .binding(name, b): return "Binding \(name) (\(b.rows.count) rows)"
        case let .filter(_, e): return "Filter \(e)"
        case let .search(_, q, s): return "Search \(s.rawValue): \(q)"
        case let .indexSearch(s, q, c): return "IndexSearch \(s.rawValue): \(q)" + (c == nil ? "" : " (candidates below)")
        case let .project(_, items): return "Project " + items.map { p in
                if case let .column(_, _, name) = p.expr, name == p.name { return name }
                return "\(p.name) = \(p.expr)"
            }.joined(separator: ", ")
        case let .sort(_, keys): return "Sort " + keys.map(\.description).joined(separator: ", ")
        case let .limit(_, n): return "Limit \(n)"
        case let .topK(_, n, keys, _): return "TopK \(n) by " + keys.map(\.description).joined(separator: ", ")
        case let .aggregate(_, keys, articles):
            let k = keys.isEmpty ? "" : " by " + keys.map(\.name).joined(separator: ", ")
            return "Count\(k)" + (articles != nil ? " (+ distinct articles)" : "")
        case let .analysis(_, a): return a.label
        }
    }

    /// The tree, root first, children indented.
    public func render(indent: Int = 0) -> String {
        var s = String(repeating: "  ", count: indent) + (indent > 0 ? "└─ " : "") + label + "\n"
        for c in children { s += c.render(indent: indent + 1) }
        return s
    }
}
