import NewsCore

/// Counts rows, per group when keys are given, with distinct articles for
/// paragraph and sentence rows. Groups come out by count, largest first, then by key.
final class AggregateOperator: PhysicalOperator {
    let keys: [BoundProjection]
    /// The source of the rows, when distinct articles are counted too.
    let articlesOf: SourceKind?
    init(input: PhysicalOperator, keys: [BoundProjection], articlesOf: SourceKind?) {
        self.keys = keys
        self.articlesOf = articlesOf
        super.init(name: "COUNT", detail: keys.isEmpty ? "all rows" : "by " + keys.map(\.name).joined(separator: ", "),
                   children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        let rows = inputs[0]
        ctx.cut = nil
        let source = articlesOf
        var groups: [[Value]: (n: Int, articles: Set<Int>, first: Int)] = [:]
        if keys.isEmpty { groups[[]] = (0, [], 0) }
        for (i, row) in rows.enumerated() {
            try ctx.poll()
            let key = try keys.map { try ctx.eval($0.expr, row) }
            var g = groups[key] ?? (0, [], i)
            g.n += 1
            if let s = source { g.articles.insert(ctx.articleIndex(s, row.unit)) }
            groups[key] = g
        }
        let ordered = groups.sorted { a, b in
            if a.value.n != b.value.n { return a.value.n > b.value.n }
            for (x, y) in zip(a.key, b.key) {
                if let c = ExecutionContext.order(x, y), c != 0 { return c < 0 }
            }
            return a.value.first < b.value.first
        }
        return ordered.map { key, g in
            var values = key
            values.append(.int(g.n))
            if source != nil { values.append(.int(g.articles.count)) }
            return Row(unit: -1, values: values)
        }
    }

}
