import NewsCore

/// Computes the selected columns of each row.
final class ProjectOperator: PhysicalOperator {
    override var keepsNotes: Bool { true }
    let items: [BoundProjection]
    init(input: PhysicalOperator, items: [BoundProjection]) {
        self.items = items
        super.init(name: "PROJECT", detail: items.map(\.name).joined(separator: ", "), children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        var out: [Row] = []
        out.reserveCapacity(inputs[0].count)
        for var row in inputs[0] {
            try ctx.poll()
            row.values = try items.map { try ctx.eval($0.expr, row) }
            out.append(row)
        }
        return out
    }
}
