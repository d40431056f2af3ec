import NewsCore

/// Every unit of a source, in corpus order.
final class ScanOperator: PhysicalOperator {
    let source: SourceKind
    init(source: SourceKind) {
        self.source = source
        super.init(name: "SCAN", detail: source.rawValue, children: [])
    }

    /// With its source: a scan of quotes or entities is where they are computed on first use
    /// ("after 3.3 s in SCAN quotes").
    override var progressLabel: String { "\(name) \(detail)" }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        let n = ctx.rowCount(source)
        var rows: [Row] = []
        rows.reserveCapacity(n)
        for i in 0..<n {
            try ctx.poll()
            rows.append(Row(unit: i))
        }
        return rows
    }
}

/// The stored rows of a `let` name.
final class BindingScanOperator: PhysicalOperator {
    let binding: Binding
    init(name: String, binding: Binding) {
        self.binding = binding
        super.init(name: "BINDING", detail: name, children: [])
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        binding.rows
    }
}
