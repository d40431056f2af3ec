import NewsCore

/// Orders rows by keys; stable, nulls last.
final class SortOperator: PhysicalOperator {
    override var keepsNotes: Bool { true }
    let keys: [BoundSortKey]
    init(input: PhysicalOperator, keys: [BoundSortKey]) {
        self.keys = keys
        super.init(name: "SORT", detail: keys.map(\.description).joined(separator: ", "), children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        let keyed = try SortKeys.evaluate(keys, inputs[0], ctx)
        return keyed.sorted { SortKeys.precedes($0, $1, keys) }.map(\.row)
    }
}

/// Sort keys evaluated once per row, and the ordering they define.
enum SortKeys {
    struct Keyed {
        var row: Row
        var key: [Value]
        var position: Int
    }

    static func evaluate(_ keys: [BoundSortKey], _ rows: [Row], _ ctx: ExecutionContext) throws -> [Keyed] {
        var out: [Keyed] = []
        out.reserveCapacity(rows.count)
        for (i, row) in rows.enumerated() {
            try ctx.poll()
            out.append(Keyed(row: row, key: try keys.map { try ctx.eval($0.expr, row) }, position: i))
        }
        return out
    }

    /// True when `a` comes before `b`; ties keep input order. Nulls last either way.
    static func precedes(_ a: Keyed, _ b: Keyed, _ keys: [BoundSortKey]) -> Bool {
        for (i, k) in keys.enumerated() {
            let x = a.key[i], y = b.key[i]
            if x == .null && y == .null { continue }
            if x == .null { return false }
            if y == .null { return true }
            guard let c = ExecutionContext.order(x, y), c != 0 else { continue }
            return k.descending ? c > 0 : c < 0
        }
        return a.position < b.position
    }
}
