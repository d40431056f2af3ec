import NewsCore

/// The first N rows; notes the cut so the output can say how many there were.
final class LimitOperator: PhysicalOperator {
    override var keepsNotes: Bool { true }
    let count: Int
    init(input: PhysicalOperator, count: Int) {
        self.count = count
        super.init(name: "LIMIT", detail: String(count), children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        let rows = inputs[0]
        if rows.count > count { ctx.cut = (count, rows.count, "take \(count)") }
        return Array(rows.prefix(count))
    }
}
