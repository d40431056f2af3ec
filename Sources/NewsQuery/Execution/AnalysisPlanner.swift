/// Builds the operator of an analysis stage (one operator per stage).

enum AnalysisPlanner {
    static func build(_ input: PhysicalOperator, _ a: BoundAnalysis) -> PhysicalOperator {
        switch a {
        case let .kwic(o): return KwicOperator(input: input, options: o)
        case let .frequency(s, n, stop, min): return FrequencyOperator(input: input, source: s, n: n, stopwords: stop, min: min)
        case let .collocates(s, l, left, right, m, min, stop):
            return CollocatesOperator(input: input, source: s, locator: l, left: left, right: right, measure: m, min: min, stopwords: stop)
        case let .keywords(s, r, m, min): return KeywordsOperator(input: input, source: s, reference: r, measure: m, min: min)
        case let .distribution(s, l, key): return DistributionOperator(input: input, source: s, locator: l, key: key)
        case let .sample(n, seed): return SampleOperator(input: input, count: n, seed: seed)
        case let .setOperation(op, name, b, unit): return SetOperationOperator(input: input, op: op, name: name, binding: b, unitRows: unit)
        case let .summarize(keys, aggs): return SummarizeOperator(input: input, keys: keys, aggregates: aggs)
        case let .distinct(_, unit): return DistinctOperator(input: input, unitRows: unit)
        case let .chart(o): return ChartOperator(input: input, options: o)
        case let .expect(e, text, slot, cols): return ExpectOperator(input: input, condition: e, text: text, slot: slot, columns: cols)
        }
    }
}
