import NewsCore

/// `sample N [seed S]`: N rows chosen at random, reproducibly, in their order.
final class SampleOperator: PhysicalOperator {
    override var keepsNotes: Bool { true }
    let count: Int, seed: Int
    init(input: PhysicalOperator, count: Int, seed: Int) {
        self.count = count; self.seed = seed
        super.init(name: "SAMPLE", detail: "\(count) seed \(seed)", children: [input])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        var sampler = Sampler(seed: seed)
        let rows = inputs[0]
        if rows.count > count { ctx.cut = (count, rows.count, "sample \(count) seed \(seed)") }
        return sampler.choose(count, of: rows.count).map { rows[$0] }
    }
}
