import NewsCore

/// `chart [F] [by day|week|month|year]`: a bar chart of a count column, or a
/// timeline (operator: `Execution/ChartOperator.swift`).
enum ChartStage {
    static let spec = StageSpec(
        name: "chart", syntax: "chart [FIELD] [by day|week|month|year]",
        usage: "chart [FIELD] [by day|week|month|year], e.g. count by source | chart n, count by date | chart by week",
        summary: "A horizontal bar chart of a number column (default n), one bar per row, labelled by the other columns. When the label is a date it is a timeline: one bar per day, ISO week (2021-W34), month (2021-08) or year from the first date to the last, empty ones as 0; the finest bucket that gives at most 62 bars unless `by` names one. Counts add up in a bucket; other numbers are averaged.",
        example: "sentences | search taiwan | count by article.date | chart",
        form: .analysis { $0.parseChart() })
}

/// A parsed `chart`.
public struct ChartSyntax: AnalysisSyntax, Equatable {
    public var value: Expr?
    /// The bucket of a timeline (`by week`).
    public var by: Name?

    public func bind(_ binder: inout Binder, _ stage: Stage, schema: inout RowSchema) -> (any BoundAnalysis)? {
        binder.bindChart(self, stage, schema: &schema)
    }
}

/// A bound `chart`.
struct BoundChart: BoundAnalysis {
    var options: ChartOptions
    var label: String { "Chart \(options.valueName)" + (options.bucket.map { " by \($0.rawValue)" } ?? "") }
    func makeOperator(input: PhysicalOperator) -> PhysicalOperator { ChartOperator(input: input, options: options) }
}

/// What chart draws: a numeric column, labelled by the other columns.
public struct ChartOptions {
    public var value: BoundExpr
    public var valueName: String
    public var labels: [SchemaColumn]
    /// Fill in the days between (a timeline) when the label is one date column.
    public var timeline: Bool
    /// The timeline's bucket as asked (`chart by week`); nil: chosen by the span.
    public var bucket: TimeBucket? = nil
}

extension Parser {
    /// chart = "chart" [ expr ] [ "by" IDENT ] ;
    mutating func parseChart() -> AnalysisStage? {
        if atStageEnd { return AnalysisStage(ChartSyntax(value: nil, by: nil)) }
        var e: Expr? = nil
        if current.kind != .keyword(.by) {
            guard let x = parseExpr() else { return nil }
            e = x
        }
        guard match(.by) else { return AnalysisStage(ChartSyntax(value: e, by: nil)) }
        guard let b = parseOptionName(after: "chart by", stage: "chart", choices: TimeBucket.allCases.map(\.rawValue)) else { return nil }
        return AnalysisStage(ChartSyntax(value: e, by: b))
    }
}

extension Binder {
    mutating func bindChart(_ c: ChartSyntax, _ stage: Stage, schema: inout RowSchema) -> BoundChart? {
        guard !schema.unitRows else {
            error(.wrongRows, "chart draws a count column; count first", stage.keywordRange,
                  help: ["articles | count by source | chart", "sentences | search china | count by article.date | chart"])
            return nil
        }
        let value: BoundExpr
        let valueName: String
        if let e = c.value {
            guard let b = bindExpr(e, schema) else { return nil }
            guard b.type.isNumeric || b.type == .any else {
                error(.typeMismatch, "chart needs a number column, but \(text(e.range)) is \(describe(b.type))", e.range,
                      help: ["number columns here: " + schema.columns.filter { $0.type.isNumeric }.map(\.name).joined(separator: ", ")])
                return nil
            }
            value = b; valueName = columnName(e)
        } else if let col = schema.columns.first(where: { $0.name == "n" }) ?? schema.columns.last(where: { $0.type.isNumeric }) {
            value = .column(col.ref, col.type, name: col.name); valueName = col.name
        } else {
            error(.wrongRows, "chart needs a number column, and these rows have none", stage.keywordRange, help: ["count by source | chart n"])
            return nil
        }
        var labels = schema.columns.filter { $0.name != valueName && !($0.type.isNumeric) }
        if labels.isEmpty {
            // Number keys (count by month(date)): the columns before the value are the groups.
            let i = schema.columns.firstIndex { $0.name == valueName } ?? schema.columns.count
            labels = Array(schema.columns[..<i])
            if labels.isEmpty { labels = schema.columns.filter { $0.name != valueName } }
        }
        let timeline = labels.count == 1 && labels[0].type == .date
        var bucket: TimeBucket? = nil
        if let b = c.by {
            guard let t = TimeBucket(rawValue: b.text) else {
                let all = TimeBucket.allCases.map(\.rawValue)
                var help = Suggest.closest(to: b.text, among: all).map { ["did you mean '\($0)'?"] } ?? []
                help.append("chart by " + all.joined(separator: " | "))
                error(.unknownChoice, "'\(b.text)' is not a timeline bucket: use day, week, month or year", b.range, help: help)
                return nil
            }
            guard timeline else {
                error(.wrongRows, "chart by \(t.rawValue) draws a timeline, and these rows are not labelled by one date", b.range,
                      help: ["articles | count by date | chart by \(t.rawValue)"])
                return nil
            }
            bucket = t
        }
        // a timeline's labels are its buckets: a day (2021-08-24), a week (2021-W34), a month (2021-08) or a year
        var cols = [column(labels.map(\.name).joined(separator: " / ").isEmpty ? "row" : labels.map(\.name).joined(separator: " / "), .text, 0),
                    column(valueName, .number, 1), column("bar", .text, 2)]
        if value.type == .int { cols[1].type = .int }
        schema = RowSchema(source: nil, searched: false, columns: cols, unitRows: false)
        return BoundChart(options: ChartOptions(value: value, valueName: valueName, labels: labels, timeline: timeline, bucket: bucket))
    }
}
