/// Builds the operator of an analysis stage: each bound stage makes its own
/// (`BoundAnalysis.makeOperator`, in its file under `Stages/`).
enum AnalysisPlanner {
    static func build(_ input: PhysicalOperator, _ a: any BoundAnalysis) -> PhysicalOperator {
        a.makeOperator(input: input)
    }
}
