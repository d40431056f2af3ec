/// `keywords vs REF`: words unusually frequent (or rare) in the rows against a reference.
final class KeywordsOperator: PhysicalOperator {
    let source: SourceKind, reference: KeywordReference, measure: KeynessMeasure, minimum: Int
    init(input: PhysicalOperator, source: SourceKind, reference: KeywordReference, measure: KeynessMeasure, min: Int) {
        self.source = source; self.reference = reference; self.measure = measure; self.minimum = min
        super.init(name: "KEYWORDS", detail: "vs \(reference.name) \(measure.rawValue)", children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        ctx.cut = nil
        var target = FrequencyList()
        var seen = Set<Int>()
        for row in inputs[0] where row.unit >= 0 && seen.insert(row.unit).inserted {
            try ctx.poll()
            target.add(UnitText(corpus: ctx.corpus, source: source, unit: row.unit))
        }
        var ref = FrequencyList()
        switch reference {
        case .corpus:
            for i in ctx.corpus.articles.indices {
                try ctx.poll()
                ref.add(UnitText(corpus: ctx.corpus, source: .articles, unit: i))
            }
        case let .binding(_, s, rows):
            var refSeen = Set<Int>()
            for row in rows where row.unit >= 0 && refSeen.insert(row.unit).inserted {
                try ctx.poll()
                ref.add(UnitText(corpus: ctx.corpus, source: s, unit: row.unit))
            }
        }
        return Keyness.compare(target.itemCounts, targetTokens: target.tokens, ref.itemCounts, referenceTokens: ref.tokens,
                               measure: measure, min: minimum).map { k in
            Row(unit: -1, values: [.string(k.item), .int(k.n), .int(k.refN), .double(k.perMillion), .double(k.refPerMillion),
                                   .double(k.ll), .double(k.logratio)])
        }
    }
}
