import NewsCore

/// `expect EXPR`: passes the rows through when the condition holds for every
/// row (`rows` is the number of rows); otherwise fails the statement.
final class ExpectOperator: PhysicalOperator {
    override var keepsNotes: Bool { true }
    let condition: BoundExpr, text: String, slot: Int, columns: [SchemaColumn]
    init(input: PhysicalOperator, condition: BoundExpr, text: String, slot: Int, columns: [SchemaColumn]) {
        self.condition = condition; self.text = text; self.slot = slot; self.columns = columns
        super.init(name: "EXPECT", detail: text, children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        let rows = inputs[0]
        func withCount(_ r: Row) -> Row {
            var r = r
            if r.values.count < slot { r.values += Array(repeating: .null, count: slot - r.values.count) }
            if r.values.count == slot { r.values.append(.int(rows.count)) } else { r.values[slot] = .int(rows.count) }
            return r
        }
        let plural = rows.count == 1 ? "row" : "rows"
        if rows.isEmpty {
            if ctx.truth(try ctx.eval(condition, withCount(Row(unit: -1)))) { return rows }
            throw ExecutionError.failed(.expectFailed, "expect failed: \(text) is false (there are no rows)")
        }
        // a condition false whatever the row (`rows == 3` with 5 rows) says so, with the count
        if !ctx.truth(try ctx.eval(condition, withCount(rows[0]))),
           (try? ctx.eval(condition, withCount(Row(unit: -1)))).map({ !ctx.truth($0) }) == true,
           !columns.contains(where: { text.contains($0.name) && $0.name != "rows" }) {
            throw ExecutionError.failed(.expectFailed, "expect failed: \(text) is false: there \(rows.count == 1 ? "is" : "are") \(rows.count) \(plural)")
        }
        for (i, r) in rows.enumerated() where !ctx.truth(try ctx.eval(condition, withCount(r))) {
            let shown = " (" + columns.prefix(6).map { "\($0.name) = \(ctx.value($0.ref, r))" }.joined(separator: ", ") + ")"
            throw ExecutionError.failed(.expectFailed, "expect failed: \(text) is false for row \(i + 1) of \(rows.count) \(plural)\(shown)")
        }
        return rows
    }
}
