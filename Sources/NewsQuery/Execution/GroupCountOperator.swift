import NewsCore

/// `count by F` with one key: the same groups, counts and order as the
/// general grouping count (count desc, then key, then first seen), with one
/// hash lookup per row and no key array; article metadata keys (`source`,
/// `article.source`, ...) are read straight from the article.
final class GroupCountOperator: PhysicalOperator {
    let key: BoundProjection
    let articlesOf: SourceKind?
    init(input: PhysicalOperator, key: BoundProjection, articlesOf: SourceKind?) {
        self.key = key
        self.articlesOf = articlesOf
        super.init(name: "COUNT", detail: "by " + key.name, children: [input])
    }

    /// An article field read without going through the row evaluator, when the key is one.
    func articleField(_ ctx: ExecutionContext, _ row: Row) -> Value? {
        guard row.unit >= 0, case let .column(ref, _, _) = key.expr else { return nil }
        let a: Int, name: String
        switch ref {
        case let .field(.articles, n): a = row.unit; name = n
        case let .parent(s, n): a = ctx.articleIndex(s, row.unit); name = n
        default: return nil
        }
        switch name {
        case "source": return ctx.corpus.articles[a].source.map(Value.string) ?? .null
        case "author": return ctx.corpus.articles[a].author.map(Value.string) ?? .null
        case "date": return ctx.corpus.articles[a].date.map(Value.date) ?? .null
        case "id": return .string(ctx.corpus.articles[a].id)
        default: return nil
        }
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        let rows = inputs[0]
        ctx.cut = nil
        var slot: [Value: Int] = [:]
        var keys: [Value] = [], counts: [Int] = [], firsts: [Int] = []
        var articles: [Set<Int>] = []
        for (i, row) in rows.enumerated() {
            try ctx.poll()
            let v = try articleField(ctx, row) ?? ctx.eval(key.expr, row)
            let g: Int
            if let known = slot[v] {
                g = known
            } else {
                g = keys.count
                slot[v] = g
                keys.append(v); counts.append(0); firsts.append(i); articles.append([])
            }
            counts[g] += 1
            if let s = articlesOf { articles[g].insert(ctx.articleIndex(s, row.unit)) }
        }
        let order = keys.indices.sorted { a, b in
            if counts[a] != counts[b] { return counts[a] > counts[b] }
            if let c = ExecutionContext.order(keys[a], keys[b]), c != 0 { return c < 0 }
            return firsts[a] < firsts[b]
        }
        return order.map { g in
            var values = [keys[g], .int(counts[g])]
            if articlesOf != nil { values.append(.int(articles[g].count)) }
            return Row(unit: -1, values: values)
        }
    }
}
