import NewsCore

/// `distinct`: drops repeated rows (operator: `Execution/DistinctOperator.swift`).
enum DistinctStage {
    static let spec = StageSpec(
        name: "distinct", syntax: "distinct",
        usage: "distinct (drops repeated rows)",
        summary: "Drops rows equal to an earlier row: the same article, paragraph or sentence, or the same values after select or count.",
        example: "paragraphs | select kind | distinct",
        form: .analysis { _ in AnalysisStage(DistinctSyntax()) })
}

/// A parsed `distinct` (it has no options).
public struct DistinctSyntax: AnalysisSyntax, Equatable {
    public func bind(_ binder: inout Binder, _ stage: Stage, schema: inout RowSchema) -> (any BoundAnalysis)? {
        BoundDistinct(unitRows: schema.unitRows)
    }
}

/// A bound `distinct`.
struct BoundDistinct: BoundAnalysis {
    var unitRows: Bool
    var label: String { "Distinct" }
    func makeOperator(input: PhysicalOperator) -> PhysicalOperator { DistinctOperator(input: input, unitRows: unitRows) }
}
