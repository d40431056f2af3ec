import NewsCore

/// `distribution [by F]`: hits of the search per group
/// (operator: `Execution/DistributionOperator.swift`).
enum DistributionStage {
    static let spec = StageSpec(
        name: "distribution", syntax: "distribution [by FIELD]",
        usage: "distribution [by FIELD], e.g. distribution by source",
        summary: "Where the hits of the search fall: per group (default source) the hits, hits per million words of the group, articles with a hit, and the group's size in the whole corpus (group_articles, group_words), side by side. Groups without hits are listed too; groups by date come in time order, others by hits.",
        example: "sentences | search china | distribution by article.source",
        options: [.init("by")],
        form: .analysis { $0.parseDistribution() })
}

/// A parsed `distribution`.
public struct DistributionSyntax: AnalysisSyntax, Equatable {
    public var by: Expr?

    public func bind(_ binder: inout Binder, _ stage: Stage, schema: inout RowSchema) -> (any BoundAnalysis)? {
        binder.bindDistribution(self, stage, schema: &schema)
    }
}

/// A bound `distribution`.
struct BoundDistribution: BoundAnalysis {
    var source: SourceKind
    var locator: MatchLocator
    var key: BoundProjection
    var label: String { "Distribution \(locator.description) by \(key.name)" }
    func makeOperator(input: PhysicalOperator) -> PhysicalOperator {
        DistributionOperator(input: input, source: source, locator: locator, key: key)
    }
}

extension Parser {
    /// distribution = "distribution" [ "by" expr ] ;
    mutating func parseDistribution() -> AnalysisStage? {
        guard match(.by) else { return AnalysisStage(DistributionSyntax(by: nil)) }
        if atStageEnd { error(.incompleteStage, "expected a field after 'distribution by'", help: Parser.syntaxHelp("distribution")); return nil }
        guard let e = parseExpr() else { return nil }
        return AnalysisStage(DistributionSyntax(by: e))
    }
}

extension Binder {
    mutating func bindDistribution(_ d: DistributionSyntax, _ stage: Stage, schema: inout RowSchema) -> BoundDistribution? {
        guard let src = unitSource(stage, schema) else { return nil }
        guard let query = schema.query else {
            error(.needsSearch, "distribution counts the hits of a search; search first", stage.keywordRange,
                  help: ["articles | search china | distribution by source"])
            return nil
        }
        let key: BoundProjection
        if let e = d.by {
            guard let b = bindExpr(e, schema) else { return nil }
            key = BoundProjection(name: columnName(e), expr: b)
        } else if src == .articles {
            key = BoundProjection(name: "source", expr: .column(.field(.articles, "source"), .text, name: "source"))
        } else {
            key = BoundProjection(name: "article.source", expr: .column(.parent(src, "source"), .text, name: "article.source"))
        }
        let cols = [column(key.name, key.expr.type, 0), column("hits", .int, 1), column("per_million", .number, 2),
                    column("articles", .int, 3), column("group_articles", .int, 4), column("group_words", .int, 5)]
        schema = RowSchema(source: nil, searched: false, columns: cols, unitRows: false)
        return BoundDistribution(source: src, locator: searchedLocator(query), key: key)
    }
}
