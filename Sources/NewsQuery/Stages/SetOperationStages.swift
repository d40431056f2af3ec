import NewsCore

/// `union NAME`, `intersect NAME`, `except NAME`: set operations with the rows
/// of a `let` name (operator: `Execution/SetOperationOperator.swift`).
enum SetOperationStages {
    static let all = [union, intersect, except]

    static let union = StageSpec(
        name: "union", syntax: "union NAME",
        usage: "union NAME (rows of the same source), e.g. union nw",
        summary: "The rows, then the rows of the let name NAME that are not among them. Both must be rows of the same source (or the same columns).",
        example: "let ft = articles | where source == \"Financial Times\"; articles | where source == \"Taiwan News\" | union ft | select id, source",
        firstWord: .letNames(plus: []),
        form: .analysis { $0.parseSetOperation(.union) })
    static let intersect = StageSpec(
        name: "intersect", syntax: "intersect NAME",
        usage: "intersect NAME (rows of the same source), e.g. intersect nw",
        summary: "The rows that are also rows of the let name NAME (same source).",
        example: "let china = articles | search china; articles | search sato | intersect china | select id",
        firstWord: .letNames(plus: []),
        form: .analysis { $0.parseSetOperation(.intersect) })
    static let except = StageSpec(
        name: "except", syntax: "except NAME",
        usage: "except NAME (rows of the same source), e.g. except nw",
        summary: "The rows that are not rows of the let name NAME (same source).",
        example: "let nw = articles | where source == \"Newsweek\"; articles | except nw | select id, source",
        firstWord: .letNames(plus: []),
        form: .analysis { $0.parseSetOperation(.except) })
}

/// A parsed set operation.
public struct SetOperationSyntax: AnalysisSyntax, Equatable {
    public var op: SetOperation
    public var name: Name

    public func bind(_ binder: inout Binder, _ stage: Stage, schema: inout RowSchema) -> (any BoundAnalysis)? {
        binder.bindSetOperation(self, schema: schema)
    }
}

/// A bound set operation.
struct BoundSetOperation: BoundAnalysis {
    var op: SetOperation
    var name: String
    var binding: Binding
    var unitRows: Bool
    var label: String { "\(op.rawValue.capitalized) \(name)" }
    func makeOperator(input: PhysicalOperator) -> PhysicalOperator {
        SetOperationOperator(input: input, op: op, name: name, binding: binding, unitRows: unitRows)
    }
}

extension Parser {
    /// set_operation = ( "union" | "intersect" | "except" ) NAME ;
    mutating func parseSetOperation(_ op: SetOperation) -> AnalysisStage? {
        guard current.kind == .identifier else {
            error(.incompleteStage, "expected a let name after '\(op.rawValue)', found \(found)", help: Parser.syntaxHelp(op.rawValue))
            return nil
        }
        let t = advance()
        return AnalysisStage(SetOperationSyntax(op: op, name: Name(text: t.text, range: t.range)))
    }
}

extension Binder {
    mutating func bindSetOperation(_ s: SetOperationSyntax, schema: RowSchema) -> BoundSetOperation? {
        let (op, ref) = (s.op, s.name)
        guard let b = bindings[ref.text] else {
            var help: [String] = []
            if let g = Suggest.closest(to: ref.text, among: bindings.keys.sorted()) { help.append("did you mean '\(g)'?") }
            help.append(bindings.isEmpty ? "no let names yet: let nw = articles | where source == \"Newsweek\"" : "let names: " + bindings.keys.sorted().joined(separator: ", "))
            error(.unknownName, "unknown let name '\(ref.text)'", ref.range, help: help)
            return nil
        }
        let same = b.schema.unitRows == schema.unitRows && b.schema.source == schema.source
            && (schema.unitRows || b.schema.columns.map(\.name) == schema.columns.map(\.name))
        guard same else {
            error(.wrongRows, "'\(op.rawValue)' needs rows of the same kind: these are \(rowKind(schema)), '\(ref.text)' holds \(rowKind(b.schema))", ref.range,
                  help: ["let nw = articles | where source == \"Newsweek\", then articles | search china | \(op.rawValue) nw"])
            return nil
        }
        return BoundSetOperation(op: op, name: ref.text, binding: b, unitRows: schema.unitRows)
    }
}
