import NewsCore

/// Keyword-in-context lines for the matches in each row's text.
final class KwicOperator: PhysicalOperator {
    let options: KwicOptions
    init(input: PhysicalOperator, options: KwicOptions) {
        self.options = options
        super.init(name: "KWIC", detail: options.locator.description, children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        ctx.cut = nil
        var out: [Row] = []
        var bytes: (Int, [UInt8]) = (-1, [])
        for row in inputs[0] where row.unit >= 0 {
            try ctx.poll()
            for values in Kwic.lines(corpus: ctx.corpus, source: options.source, unit: row.unit, options: options, bytes: &bytes,
                                           includeBoilerplate: ctx.includeBoilerplate) {
                out.append(Row(unit: row.unit, values: values))
            }
        }
        let articles = Set(out.map { $0.values[0] }).count
        ctx.notes = ["(\(out.count.grouped) \(out.count == 1 ? "match" : "matches") of \(options.locator.description) in \(articles) \(articles == 1 ? "article" : "articles"))"]
        return out
    }
}
