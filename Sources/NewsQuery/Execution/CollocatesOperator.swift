import NewsCore
import NewsStore

/// `collocates Q`: words in windows around the matches, with association measures.
final class CollocatesOperator: PhysicalOperator {
    let source: SourceKind, locator: MatchLocator, left: Int, right: Int, measure: CollocationMeasure, minimum: Int
    /// Collocates on this list are not shown (they still count in the totals).
    let stopwords: Set<String>?
    init(input: PhysicalOperator, source: SourceKind, locator: MatchLocator, left: Int, right: Int, measure: CollocationMeasure, min: Int,
         stopwords: Set<String>?) {
        self.source = source; self.locator = locator; self.left = left; self.right = right; self.measure = measure; self.minimum = min
        self.stopwords = stopwords
        super.init(name: "COLLOCATES", detail: "\(locator.description) window \(left),\(right) \(measure.rawValue)", children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        ctx.cut = nil
        var counter = CollocationCounter(left: left, right: right)
        var seen = Set<Int>()
        for row in inputs[0] where row.unit >= 0 && seen.insert(row.unit).inserted {
            try ctx.poll()
            let ut = UnitText(corpus: ctx.corpus, source: source, unit: row.unit, includeBoilerplate: ctx.includeBoilerplate)
            // the node found as search finds it, the window counted in analysis words
            let view = ut.analysisView
            let nodes = locator.spans(in: ut, corpus: ctx.corpus).compactMap { s -> ClosedRange<Int>? in
                guard s.tokens.lowerBound >= 0, s.tokens.upperBound < view.index.count else { return nil }
                return view.index[s.tokens.lowerBound]...view.index[s.tokens.upperBound]
            }
            counter.add(tokens: view.words, nodes: nodes)
        }
        let m = measure
        ctx.notes = ["(node \(locator.description): \(counter.nodes.grouped) matches; window \(left),\(right): \(counter.windowTokens.grouped) tokens; rows: \(counter.tokens.grouped) tokens)"]
        return counter.collocates(min: minimum).filter { !(stopwords?.contains($0.item) ?? false) }.sorted { a, b in
            let (x, y) = (a.value(m), b.value(m))
            if x != y { return x > y }
            if a.observed != b.observed { return a.observed > b.observed }
            return a.item < b.item
        }.map { c in
            Row(unit: -1, values: [.string(c.item), .int(c.observed), .double(c.expected), .int(c.frequency),
                                   .double(c.mi), .double(c.t), .double(c.ll), .double(c.logdice)])
        }
    }
}
