import NewsCore

/// Keeps the rows for which a condition holds.
final class FilterOperator: PhysicalOperator {
    let condition: BoundExpr
    init(input: PhysicalOperator, condition: BoundExpr) {
        self.condition = condition
        super.init(name: "FILTER", detail: condition.description, children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        var out: [Row] = []
        for row in inputs[0] {
            try ctx.poll()
            if ctx.truth(try ctx.eval(condition, row)) { out.append(row) }
        }
        return out
    }
}
