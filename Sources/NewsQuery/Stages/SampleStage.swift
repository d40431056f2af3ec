import NewsCore

/// `sample N [seed S]`: a reproducible random sample (operator: `Execution/SampleOperator.swift`).
enum SampleStage {
    static let spec = StageSpec(
        name: "sample", syntax: "sample N [seed S]",
        usage: "sample N [seed S], e.g. sample 3 seed 7",
        summary: "N rows chosen at random, in their original order; the same seed (default 1) always gives the same rows.",
        example: "sentences | search taiwan | sample 3 seed 42 | select article, n, text",
        options: [.init("seed")],
        form: .analysis { $0.parseSample() })
}

/// A parsed `sample`.
public struct SampleSyntax: AnalysisSyntax, Equatable {
    public var count: Int
    public var seed: Int?

    public func bind(_ binder: inout Binder, _ stage: Stage, schema: inout RowSchema) -> (any BoundAnalysis)? {
        BoundSample(count: count, seed: seed ?? 1)
    }
}

/// A bound `sample`.
struct BoundSample: BoundAnalysis {
    var count: Int
    var seed: Int
    var label: String { "Sample \(count) seed \(seed)" }
    func makeOperator(input: PhysicalOperator) -> PhysicalOperator { SampleOperator(input: input, count: count, seed: seed) }
}

extension Parser {
    /// sample = "sample" INTEGER [ "seed" INTEGER ] ;
    mutating func parseSample() -> AnalysisStage? {
        guard let n = parseWholeNumber(after: "sample", stage: "sample") else { return nil }
        var seed: Int? = nil
        if matchWord("seed") {
            guard let s = parseWholeNumber(after: "seed", stage: "sample") else { return nil }
            seed = s
        } else if !atStageEnd {
            unknownOption("sample"); return nil
        }
        return AnalysisStage(SampleSyntax(count: n, seed: seed))
    }
}
