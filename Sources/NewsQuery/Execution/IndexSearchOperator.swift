/// Looks a text query up in the index; with candidates, only among their units.
/// Rows that were searched before keep their earlier hits and add the scores.
final class IndexSearchOperator: PhysicalOperator {
    let source: SourceKind
    let query: TextQuery
    init(source: SourceKind, query: TextQuery, candidates: PhysicalOperator?) {
        self.source = source
        self.query = query
        super.init(name: "INDEX_SEARCH", detail: "\(source.rawValue): \(query)", children: candidates.map { [$0] } ?? [])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        guard let candidates = inputs.first else {
            return ctx.corpus.index.search(query, unit: source.unit, candidates: nil).map {
                Row(unit: $0.unit, score: $0.score, hits: $0.hits)
            }
        }
        let units = Array(Set(candidates.map(\.unit))).sorted()
        let matches = ctx.corpus.index.search(query, unit: source.unit, candidates: units)
        var byUnit: [Int: TextMatch] = [:]
        for m in matches { byUnit[m.unit] = m }
        var out: [Row] = []
        for var row in candidates {
            try ctx.poll()
            guard let m = byUnit[row.unit] else { continue }
            row.score += m.score
            row.hits = row.hits.isEmpty ? m.hits : Array(Set(row.hits + m.hits)).sorted { $0.lowerBound < $1.lowerBound }
            out.append(row)
        }
        return out
    }
}
