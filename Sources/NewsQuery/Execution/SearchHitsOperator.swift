import NewsStore
import NewsCore

/// Adds the match positions (hits) of a search to the few rows a top-k or
/// take kept, when the index lookup below skipped them (they cost a random
/// memory read per matched token, so finding them for every match is waste).
final class SearchHitsOperator: PhysicalOperator {
    let source: SourceKind
    let query: SearchQuery
    init(input: PhysicalOperator, source: SourceKind, query: SearchQuery) {
        self.source = source
        self.query = query
        super.init(name: "SEARCH_HITS", detail: "\(source.rawValue): \(query)", children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        var rows = inputs[0]
        guard !rows.isEmpty else { return rows }
        let units = Array(Set(rows.map(\.unit))).sorted()
        let matches: [TextMatch]
        do {
            matches = try ctx.corpus.index.search(query, unit: source.unit, candidates: units)
        } catch let e as TextSearchError {
            throw ExecutionError(e)
        }
        var byUnit: [Int: [Range<Int>]] = [:]
        for m in matches { byUnit[m.unit] = m.hits }
        for i in rows.indices {
            guard let h = byUnit[rows[i].unit], !h.isEmpty else { continue }
            rows[i].hits = rows[i].hits.isEmpty ? h : Array(Set(rows[i].hits + h)).sorted { $0.lowerBound < $1.lowerBound }
        }
        return rows
    }
}
