/// Looks a text query up in the index; with candidates, only among their units.
/// Rows that were searched before keep their earlier hits and add the scores.
/// Without `scoring` (the rows are only counted), no scores or hits are made.
final class IndexSearchOperator: PhysicalOperator {
    let source: SourceKind
    let query: TextQuery
    let scoring: Bool
    let hits: Bool
    init(source: SourceKind, query: TextQuery, candidates: PhysicalOperator?, scoring: Bool = true, hits: Bool = true) {
        self.source = source
        self.query = query
        self.scoring = scoring
        self.hits = hits && scoring
        super.init(name: "INDEX_SEARCH", detail: "\(source.rawValue): \(query)" + (scoring ? (hits ? "" : " (hits later)") : " (no scores)"),
                   children: candidates.map { [$0] } ?? [])
    }

    func lookup(_ ctx: ExecutionContext, _ units: [Int]?) throws -> [TextMatch] {
        do {
            return try ctx.corpus.index.search(query, unit: source.unit, candidates: units, scoring: scoring, hits: hits)
        } catch let e as TextSearchError {
            throw ExecutionError.failed(e.description)
        }
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        guard let candidates = inputs.first else {
            return try lookup(ctx, nil).map { Row(unit: $0.unit, score: $0.score, hits: $0.hits) }
        }
        var units = candidates.map(\.unit)
        if !zip(units, units.dropFirst()).allSatisfy({ $0 < $1 }) { units = Array(Set(units)).sorted() }
        let matches = try lookup(ctx, units)
        var byUnit: [Int: Int] = [:]
        byUnit.reserveCapacity(matches.count)
        for (i, m) in matches.enumerated() { byUnit[m.unit] = i }
        var out: [Row] = []
        for var row in candidates {
            try ctx.poll()
            guard let i = byUnit[row.unit] else { continue }
            let m = matches[i]
            row.score += m.score
            row.hits = row.hits.isEmpty ? m.hits : Array(Set(row.hits + m.hits)).sorted { $0.lowerBound < $1.lowerBound }
            out.append(row)
        }
        return out
    }
}
