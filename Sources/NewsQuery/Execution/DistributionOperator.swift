import NewsCore
import NewsStore

/// `distribution [by F]`: hits of the search per group, beside the group's size
/// in the whole corpus (articles and words).
final class DistributionOperator: PhysicalOperator {
    let source: SourceKind, locator: MatchLocator, key: BoundProjection
    init(input: PhysicalOperator, source: SourceKind, locator: MatchLocator, key: BoundProjection) {
        self.source = source; self.locator = locator; self.key = key
        super.init(name: "DISTRIBUTION", detail: "by \(key.name)", children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        ctx.cut = nil
        struct Group { var hits = 0; var hitArticles = Set<Int>(); var articles = Set<Int>(); var words = 0 }
        var groups: [Value: Group] = [:]
        // Group sizes over every unit of the source in the corpus.
        let units = source == .articles ? ctx.corpus.articles.count
            : source == .paragraphs ? ctx.corpus.paragraphs.count
            : source == .sentences ? ctx.corpus.sentences.count : 0
        for u in 0..<units {
            try ctx.poll()
            let k = try ctx.eval(key.expr, Row(unit: u))
            var g = groups[k] ?? Group()
            g.articles.insert(ctx.articleIndex(source, u))
            // The stored word counts are the tokens UnitText reads: the counted
            // text (all of it with .boilerplate on), the same for every unit.
            let all = ctx.includeBoilerplate
            if source == .articles {
                let a = ctx.corpus.articles[u]
                g.words += all ? a.allWords : a.words
            } else if source == .paragraphs {
                let p = ctx.corpus.paragraphs[u]
                if p.isCounted(includeBoilerplate: all) { g.words += p.words }
            } else {
                let s = ctx.corpus.sentences[u]
                if ctx.corpus.paragraphs[s.paragraph].isCounted(includeBoilerplate: all) { g.words += s.words }
            }
            groups[k] = g
        }
        var seen = Set<Int>()
        for row in inputs[0] where row.unit >= 0 && seen.insert(row.unit).inserted {
            try ctx.poll()
            let ut = UnitText(corpus: ctx.corpus, source: source, unit: row.unit, includeBoilerplate: ctx.includeBoilerplate)
            let hits = locator.spans(in: ut, corpus: ctx.corpus, includeTitle: true).count
            guard hits > 0 else { continue }
            let k = try ctx.eval(key.expr, row)
            var g = groups[k] ?? Group()
            g.hits += hits
            g.hitArticles.insert(ut.article)
            groups[k] = g
        }
        // Dates come in time order (a timeline); other groups by hits, most first.
        let byDate = key.expr.type == .date
        return groups.sorted { a, b in
            if byDate { return (ExecutionContext.order(a.key, b.key) ?? 0) < 0 }
            if a.value.hits != b.value.hits { return a.value.hits > b.value.hits }
            return (ExecutionContext.order(a.key, b.key) ?? 0) < 0
        }.map { k, g in
            Row(unit: -1, values: [k, .int(g.hits), .double(g.words == 0 ? 0 : Double(g.hits) * 1_000_000 / Double(g.words)),
                                   .int(g.hitArticles.count), .int(g.articles.count), .int(g.words)])
        }
    }
}
