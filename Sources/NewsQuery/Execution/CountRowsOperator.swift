import NewsCore

/// `count` without groups: the number of rows (n) and, for paragraph and
/// sentence rows, of distinct articles, in one pass without hashing (the same
/// row the grouping count gives for an empty key).
final class CountRowsOperator: PhysicalOperator {
    let articlesOf: SourceKind?
    init(input: PhysicalOperator, articlesOf: SourceKind?) {
        self.articlesOf = articlesOf
        super.init(name: "COUNT", detail: "all rows", children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        let rows = inputs[0]
        ctx.cut = nil
        var values: [Value] = [.int(rows.count)]
        if let s = articlesOf {
            var seen = [Bool](repeating: false, count: ctx.corpus.articles.count)
            var n = 0
            for row in rows {
                try ctx.poll()
                guard row.unit >= 0 else { continue }
                let a = ctx.articleIndex(s, row.unit)
                if !seen[a] { seen[a] = true; n += 1 }
            }
            values.append(.int(n))
        }
        return [Row(unit: -1, values: values)]
    }
}
