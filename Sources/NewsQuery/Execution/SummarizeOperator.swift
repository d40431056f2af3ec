import NewsCore

/// `summarize AGG, ... [by F]`: aggregates per group, groups in key order.
final class SummarizeOperator: PhysicalOperator {
    let keys: [BoundProjection], aggregates: [BoundAggregate]
    init(input: PhysicalOperator, keys: [BoundProjection], aggregates: [BoundAggregate]) {
        self.keys = keys; self.aggregates = aggregates
        super.init(name: "SUMMARIZE", detail: aggregates.map(\.name).joined(separator: ", "), children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        ctx.cut = nil
        var groups: [[Value]: [[Value]]] = [:]
        var order: [[Value]] = []
        if keys.isEmpty { groups[[]] = []; order = [[]] }
        for row in inputs[0] {
            try ctx.poll()
            let k = try keys.map { try ctx.eval($0.expr, row) }
            if groups[k] == nil { groups[k] = []; order.append(k) }
            groups[k]!.append(try aggregates.map { a in try a.argument.map { try ctx.eval($0, row) } ?? .null })
        }
        order.sort { a, b in
            for (x, y) in zip(a, b) { if let c = ExecutionContext.order(x, y), c != 0 { return c < 0 } }
            return false
        }
        return order.map { k in
            let vals = groups[k]!
            var out = k
            for (i, a) in aggregates.enumerated() {
                out.append(SummarizeOperator.aggregate(a.kind, vals.map { $0[i] }))
            }
            return Row(unit: -1, values: out)
        }
    }

    static func aggregate(_ kind: BoundAggregate.Kind, _ vs: [Value]) -> Value {
        let present = vs.filter { $0 != .null }
        switch kind {
        case .count: return .int(vs.count)
        case .distinct: return .int(Set(present).count)
        case .min: return present.min { (ExecutionContext.order($0, $1) ?? 0) < 0 } ?? .null
        case .max: return present.max { (ExecutionContext.order($0, $1) ?? 0) < 0 } ?? .null
        case .sum, .avg:
            var isInt = true, i = 0, d = 0.0, n = 0
            for v in present {
                switch v {
                case let .int(x): i = i &+ x; d += Double(x); n += 1
                case let .double(x): isInt = false; d += x; n += 1
                default: break
                }
            }
            if kind == .avg { return n == 0 ? .null : .double(d / Double(n)) }
            return isInt ? .int(i) : .double(d)
        }
    }
}
