import NewsCore

/// `expect EXPR`: a check for scripts (operator: `Execution/ExpectOperator.swift`).
enum ExpectStage {
    static let spec = StageSpec(
        name: "expect", syntax: "expect CONDITION",
        usage: "expect CONDITION, e.g. count | expect n == 5",
        summary: "A check for scripts: the rows pass through unchanged when the condition holds for every row; otherwise the statement fails with the row that broke it, and a script exits with status 1. rows is the number of rows. .save writes an expect line under each statement.",
        example: "articles | count | expect n == 5",
        form: .analysis { $0.parseExpect() })
}

/// A parsed `expect`.
public struct ExpectSyntax: AnalysisSyntax, Equatable {
    public var condition: Expr

    public func bind(_ binder: inout Binder, _ stage: Stage, schema: inout RowSchema) -> (any BoundAnalysis)? {
        binder.bindExpect(self, stage, schema: schema)
    }
}

/// A bound `expect`.
struct BoundExpect: BoundAnalysis {
    var condition: BoundExpr
    /// The condition as written.
    var text: String
    /// Where the row count `rows` is read.
    var rowsSlot: Int
    var columns: [SchemaColumn]
    var label: String { "Expect \(text)" }
    func makeOperator(input: PhysicalOperator) -> PhysicalOperator {
        ExpectOperator(input: input, condition: condition, text: text, slot: rowsSlot, columns: columns)
    }
}

extension Parser {
    /// expect = "expect" expr ;
    mutating func parseExpect() -> AnalysisStage? {
        if atStageEnd { error(.incompleteStage, "'expect' needs a condition", help: Parser.syntaxHelp("expect") + ["rows is the number of rows: expect rows > 0"]); return nil }
        guard let e = parseExpr() else { return nil }
        return AnalysisStage(ExpectSyntax(condition: e))
    }
}

extension Binder {
    mutating func bindExpect(_ x: ExpectSyntax, _ stage: Stage, schema: RowSchema) -> BoundExpect? {
        let e = x.condition
        let slot = schema.unitRows ? 0 : (schema.columns + schema.hidden).map { c -> Int in
            if case let .computed(i) = c.ref { return i + 1 }
            return 0
        }.max() ?? 0
        var extended = schema
        if !(schema.columns + schema.hidden).contains(where: { $0.name == "rows" }) {
            extended.hidden.append(SchemaColumn(name: "rows", type: .int, ref: .computed(slot)))
        }
        guard let b = bindExpr(e, extended) else { return nil }
        guard b.type == .bool || b.type == .any else {
            error(.typeMismatch, "'expect' needs a condition that is true or false, but this is \(describe(b.type))", e.range,
                  help: ["expect rows == 3", "count | expect n > 10"])
            return nil
        }
        // the condition as written, parentheses and all (the stage after its keyword)
        let written = text(stage.keywordRange.upperBound..<max(stage.keywordRange.upperBound, stage.range.upperBound)).trimmingSpaces
        return BoundExpect(condition: b, text: written.isEmpty ? text(e.range) : written, rowsSlot: slot, columns: schema.columns)
    }
}
