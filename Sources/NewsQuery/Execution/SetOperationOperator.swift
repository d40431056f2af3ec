import NewsCore

/// `union`, `intersect`, `except` with the rows of a `let` name (same source).
final class SetOperationOperator: PhysicalOperator {
    let op: SetOperation, binding: Binding, unitRows: Bool
    init(input: PhysicalOperator, op: SetOperation, name: String, binding: Binding, unitRows: Bool) {
        self.op = op; self.binding = binding; self.unitRows = unitRows
        super.init(name: op.rawValue.uppercased(), detail: name, children: [input])
    }

    /// Rows of a source are the same when their unit is; computed rows when their values are.
    static func key(_ r: Row, unitRows: Bool) -> [Value] { unitRows ? [.int(r.unit)] : r.values }
    func key(_ r: Row) -> [Value] { SetOperationOperator.key(r, unitRows: unitRows) }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        ctx.cut = nil
        let other = Set(binding.rows.map { key($0) })
        let rows = inputs[0]
        switch op {
        case .intersect: return try rows.filter { try ctx.poll(); return other.contains(key($0)) }
        case .except: return try rows.filter { try ctx.poll(); return !other.contains(key($0)) }
        case .union:
            var seen = Set<[Value]>()
            var out: [Row] = []
            for r in rows + binding.rows {
                try ctx.poll()
                if seen.insert(key(r)).inserted { out.append(r) }
            }
            return out
        }
    }
}
