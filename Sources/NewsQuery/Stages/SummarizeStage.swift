import NewsCore

/// `summarize AGG, ... [by F, ...]`: aggregates per group
/// (operator: `Execution/SummarizeOperator.swift`).
enum SummarizeStage {
    static let spec = StageSpec(
        name: "summarize", syntax: "summarize AGG, ... [by FIELD, ...]",
        usage: "summarize AGG, ... [by FIELD, ...] with count(), sum(F), avg(F), min(F), max(F), distinct(F)",
        summary: "Aggregates per group (groups in key order): count(), sum(F), avg(F), min(F), max(F), distinct(F) (different non-empty values). Name a column with NAME = AGG.",
        example: "articles | summarize articles = count(), words = sum(words), avg(words) by source",
        form: .analysis { $0.parseSummarize() })
}

/// A parsed `summarize`.
public struct SummarizeSyntax: AnalysisSyntax, Equatable {
    public var items: [AggregateItem]
    public var by: [Expr]

    public func bind(_ binder: inout Binder, _ stage: Stage, schema: inout RowSchema) -> (any BoundAnalysis)? {
        binder.bindSummarize(self, schema: &schema)
    }
}

/// A bound `summarize`.
struct BoundSummarize: BoundAnalysis {
    var keys: [BoundProjection]
    var aggregates: [BoundAggregate]
    var label: String { "Summarize " + aggregates.map(\.name).joined(separator: ", ") + (keys.isEmpty ? "" : " by " + keys.map(\.name).joined(separator: ", ")) }
    func makeOperator(input: PhysicalOperator) -> PhysicalOperator { SummarizeOperator(input: input, keys: keys, aggregates: aggregates) }
}

/// One aggregate of `summarize`.
public struct BoundAggregate {
    public enum Kind: String, CaseIterable { case count, sum, avg, min, max, distinct }
    public var kind: Kind
    public var argument: BoundExpr?
    public var name: String
}

extension Parser {
    /// summarize = "summarize" aggregate { "," aggregate } [ "by" expr { "," expr } ] ;
    /// aggregate = [ NAME "=" ] NAME "(" [ expr ] ")" ;
    mutating func parseSummarize() -> AnalysisStage? {
        var items: [AggregateItem] = []
        repeat {
            let start = current.range.lowerBound
            var alias: Name? = nil
            if current.kind == .identifier && peek().kind == .assign {
                let t = advance(); _ = advance()
                alias = Name(text: t.text, range: t.range)
            }
            guard current.kind == .identifier || current.kind == .keyword(.count), peek().kind == .lparen else {
                error(.badExpression, "expected an aggregate such as count(), sum(words), avg(words), found \(found)", help: Parser.syntaxHelp("summarize"))
                return nil
            }
            let f = advance()
            _ = advance()
            var arg: Expr? = nil
            if !check(.rparen) {
                guard let e = parseExpr() else { return nil }
                arg = e
            }
            guard match(.rparen) else { error(.badExpression, "expected ')' after the aggregate's field, found \(found)"); return nil }
            items.append(AggregateItem(alias: alias, function: Name(text: f.text, range: f.range), argument: arg,
                                       range: start..<previous.range.upperBound))
        } while match(.comma)
        var by: [Expr] = []
        if match(.by) {
            repeat {
                guard let e = parseExpr() else { return nil }
                by.append(e)
            } while match(.comma)
        }
        return AnalysisStage(SummarizeSyntax(items: items, by: by))
    }
}

extension Binder {
    mutating func bindSummarize(_ s: SummarizeSyntax, schema: inout RowSchema) -> BoundSummarize? {
        var keys: [BoundProjection] = []
        for e in s.by {
            guard let b = bindExpr(e, schema) else { return nil }
            keys.append(BoundProjection(name: columnName(e), expr: b))
        }
        var aggs: [BoundAggregate] = []
        for item in s.items {
            guard let kind = BoundAggregate.Kind(rawValue: item.function.text) else {
                let all = BoundAggregate.Kind.allCases.map(\.rawValue)
                var help = Suggest.closest(to: item.function.text, among: all).map { ["did you mean '\($0)'?"] } ?? []
                help.append("aggregates: count(), sum(F), avg(F), min(F), max(F), distinct(F)")
                error(.unknownFunction, "unknown aggregate '\(item.function.text)'", item.function.range, help: help)
                return nil
            }
            var arg: BoundExpr? = nil
            if let e = item.argument {
                guard let b = bindExpr(e, schema) else { return nil }
                if (kind == .sum || kind == .avg) && !(b.type.isNumeric || b.type == .any) {
                    error(.typeMismatch, "\(kind.rawValue) needs numbers, but \(text(e.range)) is \(describe(b.type))", e.range,
                          help: ["count() counts rows; distinct(\(text(e.range))) counts different values"])
                    return nil
                }
                arg = b
            } else if kind != .count {
                error(.wrongArguments, "\(kind.rawValue)() needs a field, e.g. \(kind.rawValue)(words)", item.range)
                return nil
            }
            aggs.append(BoundAggregate(kind: kind, argument: arg, name: item.alias?.text ?? text(item.range).replacingOccurrences(of: " ", with: "")))
        }
        var cols = keys.enumerated().map { column($1.name, $1.expr.type, $0) }
        for (i, a) in aggs.enumerated() {
            let t: ValueType
            switch a.kind {
            case .count, .distinct: t = .int
            case .avg: t = .number
            case .sum: t = a.argument?.type == .int ? .int : .number
            case .min, .max: t = a.argument?.type ?? .any
            }
            cols.append(column(a.name, t, keys.count + i))
        }
        schema = RowSchema(source: nil, searched: false, columns: cols, unitRows: false)
        return BoundSummarize(keys: keys, aggregates: aggs)
    }
}
