import NewsStore
import NewsCore

/// Looks a text query up in the index; with candidates, only among their units.
/// Rows that were searched before keep their earlier hits and add the scores.
/// Without `scoring` (the rows are only counted), no scores or hits are made.
final class IndexSearchOperator: PhysicalOperator {
    let source: SourceKind
    let query: SearchQuery
    let scoring: Bool
    let hits: Bool
    /// Set when only the first N rows (in unit order) are kept above (`take N`
    /// right after the search): all matches are found without scores, then
    /// only those N are scored; the others come with score 0 and are cut.
    var scoredPrefix: Int?
    init(source: SourceKind, query: SearchQuery, candidates: PhysicalOperator?, scoring: Bool = true, hits: Bool = true) {
        self.source = source
        self.query = query
        self.scoring = scoring
        self.hits = hits && scoring
        super.init(name: "INDEX_SEARCH", detail: "\(source.rawValue): \(query.query)" + (scoring ? (hits ? "" : " (hits later)") : " (no scores)"),
                   children: candidates.map { [$0] } ?? [])
    }

    func lookup(_ ctx: ExecutionContext, _ units: [Int]?, scored: Bool? = nil) throws -> [TextMatch] {
        do {
            let scoring = scored ?? self.scoring
            let found = try ctx.corpus.index.search(query, unit: source.unit, candidates: units, scoring: scoring, hits: scoring && hits)
            if source.unit != .article, ctx.includeBoilerplate { return try withUncounted(found, units, ctx) }
            return try withoutBoilerplate(found, units, ctx)
        } catch let e as TextSearchError {
            throw ExecutionError(e)
        }
    }

    /// Articles are indexed whole (as SQLite FTS5 sees them); unless
    /// `.boilerplate on`, the few articles with boilerplate paragraphs are
    /// decided on their text without it: one matched only in its boilerplate
    /// is dropped, and (with NOT) one excluded only by its boilerplate is added.
    func withoutBoilerplate(_ found: [TextMatch], _ units: [Int]?, _ ctx: ExecutionContext) throws -> [TextMatch] {
        guard source == .articles, !ctx.includeBoilerplate else { return found }
        let flagged = ctx.corpus.hasBoilerplate
        var kept = try found.filter { m in
            try ctx.poll()
            return !flagged[m.unit] || ctx.corpus.matchesWithoutBoilerplate(query, article: m.unit)
        }
        guard query.query.hasNot else { return kept }
        let matched = Set(found.map(\.unit))
        var added: [Int] = []
        for a in units ?? Array(flagged.indices) where flagged[a] && !matched.contains(a) {
            try ctx.poll()
            if ctx.corpus.matchesWithoutBoilerplate(query, article: a) { added.append(a) }
        }
        guard !added.isEmpty else { return kept }
        // Scores and hits of the added articles come from the query's positive part.
        let scored = try query.positivePart.map { try ctx.corpus.index.search($0, unit: .article, candidates: added, scoring: scoring) } ?? []
        let byUnit = Dictionary(scored.map { ($0.unit, $0) }, uniquingKeysWith: { a, _ in a })
        kept += added.map { byUnit[$0] ?? TextMatch(unit: $0, hits: [], score: 0) }
        return kept.sorted { $0.unit < $1.unit }
    }

    /// Paragraphs and sentences of boilerplate or repeated paragraphs are empty
    /// units in the index (they are not counted text); with `.boilerplate on`
    /// they are searched too, each on its own tokens (score 0: they come last).
    func withUncounted(_ found: [TextMatch], _ units: [Int]?, _ ctx: ExecutionContext) throws -> [TextMatch] {
        let c = ctx.corpus
        let sentences = source.unit == .sentence
        func paragraph(_ u: Int) -> Int { sentences ? c.sentences[u].paragraph : u }
        let all = units ?? Array(0..<(sentences ? c.sentences.count : c.paragraphs.count))
        var added: [TextMatch] = []
        for u in all where !c.paragraphs[paragraph(u)].isCounted() {
            try ctx.poll()
            let a = sentences ? c.sentences[u].article : c.paragraphs[u].article
            let range = sentences ? c.sentences[u].range : c.paragraphs[u].range
            if query.matches(c.spanText(article: a, ranges: [range])) { added.append(TextMatch(unit: u, hits: [], score: 0)) }
        }
        guard !added.isEmpty else { return found }
        return (found + added).sorted { $0.unit < $1.unit }
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        guard let candidates = inputs.first else {
            if let n = scoredPrefix, scoring {
                let all = try lookup(ctx, nil, scored: false)
                let head = try lookup(ctx, all.prefix(n).map(\.unit))
                var rows = head.map { Row(unit: $0.unit, score: $0.score, hits: $0.hits) }
                rows += all.dropFirst(head.count).map { Row(unit: $0.unit) }
                return rows
            }
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
