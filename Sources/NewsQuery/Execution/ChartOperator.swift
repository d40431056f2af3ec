import NewsCore

/// `chart [F] [by day|week|month|year]`: one bar per row, scaled to the
/// largest value; a timeline when the label is a date: one bar per bucket from
/// the first date's to the last's, empty buckets as 0. The bucket is the
/// finest that gives at most `TimeBucket.maxBuckets` bars, unless asked for.
/// Counts (whole numbers) add up in a bucket; other numbers (per-million
/// figures) are averaged over the dates that have them.
final class ChartOperator: PhysicalOperator {
    let options: ChartOptions
    init(input: PhysicalOperator, options: ChartOptions) {
        self.options = options
        super.init(name: "CHART", detail: options.valueName, children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        var points: [(label: Value, value: Double, raw: Value)] = []
        for row in inputs[0] {
            try ctx.poll()
            let v = try ctx.eval(options.value, row)
            let x: Double
            switch v {
            case let .int(i): x = Double(i)
            case let .double(d): x = d
            default: x = 0
            }
            let label: Value
            if options.timeline {
                label = ctx.value(options.labels[0].ref, row)
            } else {
                let parts = options.labels.map { ctx.value($0.ref, row).description }
                label = .string(parts.isEmpty ? "" : parts.joined(separator: " / "))
            }
            points.append((label, x, v))
        }
        if options.timeline {
            points = timeline(points, ctx)
        }
        let top = points.map(\.value).max() ?? 0
        return points.map { p in Row(unit: -1, values: [p.label, p.raw, .string(Chart.bar(p.value, max: top))]) }
    }

    /// The points of a timeline: one per bucket, in time order; rows without a date last.
    func timeline(_ points: [(label: Value, value: Double, raw: Value)], _ ctx: ExecutionContext) -> [(label: Value, value: Double, raw: Value)] {
        var dated: [(DateValue, Double)] = []
        var undated: [(label: Value, value: Double, raw: Value)] = []
        for p in points {
            if case let .date(d) = p.label { dated.append((d, p.value)) } else { undated.append((.string(p.label.description), p.value, p.raw)) }
        }
        guard let lo = dated.map(\.0).min(), let hi = dated.map(\.0).max() else { return undated }
        let chosen = options.bucket ?? TimeBucket.chosen(lo, hi)
        let counts = options.value.type == .int
        var sums: [Int: (total: Double, n: Int)] = [:]
        for (d, x) in dated {
            let k = chosen.start(d).days
            let s = sums[k] ?? (0, 0)
            sums[k] = (s.total + x, s.n + 1)
        }
        func point(_ start: Int) -> (label: Value, value: Double, raw: Value) {
            let s = sums[start] ?? (0, 0)
            let v = counts || s.n == 0 ? s.total : s.total / Double(s.n)
            return (.string(chosen.label(DateValue(days: start))), v, counts ? .int(Int(v)) : .double(v))
        }
        var out: [(label: Value, value: Double, raw: Value)] = []
        let n = chosen.count(lo, hi)
        if n <= 5_000 {
            var b = chosen.start(lo)
            while b <= hi { out.append(point(b.days)); b = chosen.next(b) }
        } else {
            out = sums.keys.sorted().map(point)
        }
        let unit = "\(chosen.rawValue)\(out.count == 1 ? "" : "s")"
        let how = options.bucket == nil ? "chosen by the span; chart by day|week|month|year picks another" : "as asked"
        let what = counts ? "" : "; each bar the mean of its dates"
        ctx.notes.append("(timeline: \(out.count) \(unit) from \(chosen.label(chosen.start(lo))) to \(chosen.label(chosen.start(hi))), \(how)\(what))")
        return out + undated
    }
}
