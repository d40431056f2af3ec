import NewsCore
import NewsStore

/// `collocates QUERY [window L,R] [measure M] [min N] [stopwords ["FILE"]]`:
/// words near the matches (operator: `Execution/CollocatesOperator.swift`).
enum CollocatesStage {
    static let spec = StageSpec(
        name: "collocates", syntax: "collocates QUERY [window L,R] [measure mi|t|ll|logdice] [min N] [stopwords]",
        usage: "collocates QUERY [window L,R] [measure mi|t|ll|logdice] [min N] [stopwords], e.g. collocates china window 3,3 measure logdice",
        summary: "Words that keep company with the matches of QUERY: every word within L words left and R words right of a match (default 5,5, inside the row's text; matched words themselves are not counted, a word in two overlapping windows once). Shows observed, expected, freq (the word's frequency in the rows) and the measure (default logdice); the other measures are fields too. min N (default 2) is the least observed count; stopwords (or stopwords \"FILE\") hides function words from the list without changing any count.",
        example: "articles | collocates taiwan window 3,3 measure logdice min 3 | take 10",
        details: """
        O  = observed: the word's tokens inside the windows
        W  = all tokens inside the windows,  N = all tokens of the rows
        f  = the word's frequency in the rows,  fn = matches of QUERY
        E  = expected = W * f / N
        mi      = log2(O / E)
        t       = (O - E) / sqrt(O)
        logdice = 14 + log2(2 * O / (fn + f))
        ll      = 2 * sum Oij * ln(Oij / Eij) over the table
                  [ O, W - O ; f - O, N - W - f + O ],  Eij = row total * column total / N;
                  signed: negative when O < E (the word keeps away from the node)

        """,
        options: [.init("window"), .init("measure"), .init("min"), .init("stopwords")],
        readsQuery: true,
        after: ["measure": .words(CollocationMeasure.allCases.map(\.rawValue))],
        form: .analysis { $0.parseCollocates() })
}

/// A parsed `collocates`.
public struct CollocatesSyntax: AnalysisSyntax, Equatable {
    public var query: SearchExpr
    public var left: Int?
    public var right: Int?
    public var measure: Name?
    public var min: Int?
    public var stopwords: Stoplist?

    public func bind(_ binder: inout Binder, _ stage: Stage, schema: inout RowSchema) -> (any BoundAnalysis)? {
        binder.bindCollocates(self, stage, schema: &schema)
    }
}

/// A bound `collocates`.
struct BoundCollocates: BoundAnalysis {
    var source: SourceKind
    var locator: MatchLocator
    var ownQuery: SearchQuery? { locator.query }
    var left: Int, right: Int
    var measure: CollocationMeasure
    var min: Int
    var stopwords: Set<String>?
    var label: String { "Collocates \(locator.description) window \(left),\(right) measure \(measure.rawValue) min \(min)" }
    func makeOperator(input: PhysicalOperator) -> PhysicalOperator {
        CollocatesOperator(input: input, source: source, locator: locator, left: left, right: right, measure: measure, min: min, stopwords: stopwords)
    }
}

extension Parser {
    /// collocates = "collocates" search_or [ "window" INTEGER "," INTEGER ] [ "measure" NAME ] [ "min" INTEGER ] ;
    mutating func parseCollocates() -> AnalysisStage? {
        if atStageEnd || (current.kind == .searchWord && Parser.queryOptionWords.contains(current.text.lowercased())) {
            error(.incompleteStage, "'collocates' needs a word to look around", help: Parser.syntaxHelp("collocates"))
            return nil
        }
        guard let q = parseBoundedQuery() else { return nil }
        var left: Int? = nil, right: Int? = nil, measure: Name? = nil, minimum: Int? = nil, stop: Stoplist? = nil
        while !atStageEnd {
            if matchWord("window") {
                guard let l = parseWholeNumber(after: "window", stage: "collocates") else { return nil }
                var r = l
                if match(.comma) {
                    guard let rr = parseWholeNumber(after: "window \(l),", stage: "collocates") else { return nil }
                    r = rr
                }
                guard l + r > 0, l <= 50, r <= 50 else { error(.badNumber, "a window is 0 to 50 words on each side, not both 0", at: previous.range); return nil }
                left = l; right = r
            } else if matchWord("measure") {
                guard let m = parseOptionName(after: "measure", stage: "collocates", choices: CollocationMeasure.allCases.map(\.rawValue)) else { return nil }
                measure = m
            } else if matchWord("min") {
                guard let n = parseWholeNumber(after: "min", stage: "collocates") else { return nil }
                minimum = n
            } else if matchWord("stopwords") {
                stop = parseStoplist()
            } else { unknownOption("collocates"); return nil }
        }
        return AnalysisStage(CollocatesSyntax(query: q, left: left, right: right, measure: measure, min: minimum, stopwords: stop))
    }
}

extension Binder {
    mutating func bindCollocates(_ c: CollocatesSyntax, _ stage: Stage, schema: inout RowSchema) -> BoundCollocates? {
        guard let src = unitSource(stage, schema) else { return nil }
        guard let stoplist = loadStoplist(c.stopwords) else { return nil }
        guard let locator = stageLocator(c.query) else { return nil }
        var m = CollocationMeasure.logdice
        if let given = c.measure {
            guard let mm = CollocationMeasure(rawValue: given.text) else {
                let all = CollocationMeasure.allCases.map(\.rawValue)
                var help = Suggest.closest(to: given.text, among: all).map { ["did you mean '\($0)'?"] } ?? []
                help.append("measures: " + all.joined(separator: ", ") + " (help collocates shows the formulas)")
                error(.unknownChoice, "unknown association measure '\(given.text)'", given.range, help: help)
                return nil
            }
            m = mm
        }
        var cols = [column("item", .text, 0), column("observed", .int, 1), column("expected", .number, 2),
                    column("freq", .int, 3)]
        var hidden: [SchemaColumn] = []
        for (i, cm) in CollocationMeasure.allCases.enumerated() {
            let col = column(cm.rawValue, .number, 4 + i)
            if cm == m { cols.append(col) } else { hidden.append(col) }
        }
        schema = RowSchema(source: nil, searched: false, columns: cols, unitRows: false, hidden: hidden)
        return BoundCollocates(source: src, locator: locator, left: c.left ?? 5, right: c.right ?? 5, measure: m, min: c.min ?? 2, stopwords: stoplist)
    }
}
