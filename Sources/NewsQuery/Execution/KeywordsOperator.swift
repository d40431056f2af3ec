import NewsCore
import NewsStore

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
        for unit in FrequencyList.units(of: inputs[0]) {
            try ctx.poll()
            target.add(UnitText(corpus: ctx.corpus, source: source, unit: unit, includeBoilerplate: ctx.includeBoilerplate))
        }
        let refCounts: [String: Int], refTokens: Int
        switch reference {
        case .corpus:
            (refCounts, refTokens) = try CorpusFrequencies.shared.of(ctx.corpus, includeBoilerplate: ctx.includeBoilerplate, poll: { try ctx.poll() })
        case let .binding(_, s, rows):
            var ref = FrequencyList()
            for unit in FrequencyList.units(of: rows) {
                try ctx.poll()
                ref.add(UnitText(corpus: ctx.corpus, source: s, unit: unit, includeBoilerplate: ctx.includeBoilerplate))
            }
            (refCounts, refTokens) = (ref.itemCounts, ref.tokens)
        }
        ctx.notes = ["(these rows: \(target.tokens.grouped) tokens; reference \(reference.name): \(refTokens.grouped) tokens)"]
        return Keyness.compare(target.itemCounts, targetTokens: target.tokens, refCounts, referenceTokens: refTokens,
                               measure: measure, min: minimum).map { k in
            Row(unit: -1, values: [.string(k.item), .int(k.n), .int(k.refN), .double(k.perMillion), .double(k.refPerMillion),
                                   .double(k.ll), .double(k.logratio)])
        }
    }
}
