import NewsCore

/// `chart [F]`: one bar per row, scaled to the largest value; a timeline
/// (every day from first to last, empty days as 0) when the label is a date.
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
            let dated = points.compactMap { p -> (Int, Double, Value)? in
                if case let .date(d) = p.label { return (d.days, p.value, p.raw) }
                return nil
            }
            if let lo = dated.map(\.0).min(), let hi = dated.map(\.0).max(), hi - lo <= 400 {
                var byDay: [Int: (Double, Value)] = [:]
                for (d, x, raw) in dated { byDay[d] = ((byDay[d]?.0 ?? 0) + x, raw) }
                let zero: Value = options.value.type == .int ? .int(0) : .double(0)
                points = (lo...hi).map { d in (.date(DateValue(days: d)), byDay[d]?.0 ?? 0, byDay[d]?.1 ?? zero) }
                    + points.filter { if case .date = $0.label { return false }; return true }
            } else {
                points.sort { (ExecutionContext.order($0.label, $1.label) ?? 0) < 0 }
            }
        }
        let top = points.map(\.value).max() ?? 0
        return points.map { p in Row(unit: -1, values: [p.label, p.raw, .string(Chart.bar(p.value, max: top))]) }
    }
}
