import NewsCore
import NewsStore

/// `words` and `ngrams N`: a frequency list of the rows' text.
final class FrequencyOperator: PhysicalOperator {
    let source: SourceKind, n: Int, stopwords: Set<String>?, minimum: Int
    init(input: PhysicalOperator, source: SourceKind, n: Int, stopwords: Set<String>?, min: Int) {
        self.source = source; self.n = n; self.stopwords = stopwords; self.minimum = min
        super.init(name: n == 1 ? "WORDS" : "NGRAMS", detail: n == 1 ? "" : "\(n)", children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        ctx.cut = nil
        var list = FrequencyList(n: n, stopwords: stopwords)
        var units = 0, uncounted = 0
        for unit in FrequencyList.units(of: inputs[0]) {
            try ctx.poll()
            let text = UnitText(corpus: ctx.corpus, source: source, unit: unit, includeBoilerplate: ctx.includeBoilerplate)
            units += 1
            if text.segments.isEmpty, source == .paragraphs || source == .sentences { uncounted += 1 }
            list.add(text)
        }
        var note = "(\(list.tokens.grouped) tokens in \(units.grouped) \(source.rawValue)"
        if uncounted > 0 {
            note += "; \(uncounted.grouped) of them boilerplate or repeated, not counted: .boilerplate on counts them"
        }
        ctx.notes = [note + ")"]
        return list.entries(min: minimum).map {
            Row(unit: -1, values: [.string($0.item), .int($0.n), .int($0.articles), .double($0.perMillion)])
        }
    }
}
