import NewsCore

/// `distinct`: drops rows equal to an earlier one (same unit, or same values).
final class DistinctOperator: PhysicalOperator {
    let unitRows: Bool
    init(input: PhysicalOperator, unitRows: Bool) {
        self.unitRows = unitRows
        super.init(name: "DISTINCT", detail: "", children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        var seen = Set<[Value]>()
        return try inputs[0].filter { try ctx.poll(); return seen.insert(SetOperationOperator.key($0, unitRows: unitRows)).inserted }
    }
}
