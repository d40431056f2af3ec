import NewsCore

/// `keywords vs NAME|corpus [measure ll|logratio] [min N]`: keyness against a
/// reference (operator: `Execution/KeywordsOperator.swift`).
enum KeywordsStage {
    static let spec = StageSpec(
        name: "keywords", syntax: "keywords vs NAME|corpus [measure ll|logratio] [min N]",
        usage: "keywords vs NAME|corpus [measure ll|logratio] [min N], e.g. keywords vs corpus",
        summary: "Words unusually frequent in the rows compared with a reference: a let name, or corpus (every article, these rows included). Shows n and ref_n, both per million, the log-likelihood ll (signed: negative when the word is rarer here, so sort by ll shows negative keywords) and Log Ratio, the effect size (log2 of the ratio of relative frequencies: 1 = twice as frequent). Sorted by the measure (default ll); min N (default 3) is the least n + ref_n.",
        example: "articles | where source == \"Newsweek\" | keywords vs corpus measure logratio min 5 | take 8",
        details: """
        a, b = the word's count here and in the reference;  c, d = all tokens here and there
        E1 = c * (a + b) / (c + d),  E2 = d * (a + b) / (c + d)
        ll       = 2 * (a * ln(a / E1) + b * ln(b / E2)), negative when a/c < b/d
        logratio = log2((a / c) / (b / d)), a count of 0 taken as 0.5

        """,
        options: [.init("measure"), .init("min")],
        firstWord: .words(["vs"]),
        after: ["measure": .words(KeynessMeasure.allCases.map(\.rawValue)), "vs": .letNames(plus: ["corpus"])],
        form: .analysis { $0.parseKeywords() })
}

/// A parsed `keywords`.
public struct KeywordsSyntax: AnalysisSyntax, Equatable {
    public var reference: Name
    public var measure: Name?
    public var min: Int?

    public func bind(_ binder: inout Binder, _ stage: Stage, schema: inout RowSchema) -> (any BoundAnalysis)? {
        binder.bindKeywords(self, stage, schema: &schema)
    }
}

/// A bound `keywords`.
struct BoundKeywords: BoundAnalysis {
    var source: SourceKind
    var reference: KeywordReference
    var measure: KeynessMeasure
    var min: Int
    var label: String { "Keywords vs \(reference.name) measure \(measure.rawValue) min \(min)" }
    func makeOperator(input: PhysicalOperator) -> PhysicalOperator {
        KeywordsOperator(input: input, source: source, reference: reference, measure: measure, min: min)
    }
}

/// The reference corpus of `keywords`.
public enum KeywordReference {
    case corpus
    case binding(String, SourceKind, [Row])
    var name: String {
        switch self {
        case .corpus: return "corpus"
        case let .binding(n, _, _): return n
        }
    }
}

extension Parser {
    /// keywords = "keywords" "vs" NAME [ "measure" NAME ] [ "min" INTEGER ] ;
    mutating func parseKeywords() -> AnalysisStage? {
        guard matchWord("vs") else {
            error(.incompleteStage, "expected 'vs' and a reference after 'keywords', found \(found)",
                  help: ["compare against the whole corpus: keywords vs corpus", "or against a let name: keywords vs nw"])
            return nil
        }
        guard current.kind == .identifier else {
            error(.incompleteStage, "expected a let name or 'corpus' after 'vs', found \(found)", help: Parser.syntaxHelp("keywords"))
            return nil
        }
        let t = advance()
        var measure: Name? = nil, minimum: Int? = nil
        while !atStageEnd {
            if matchWord("measure") {
                guard let m = parseOptionName(after: "measure", stage: "keywords", choices: KeynessMeasure.allCases.map(\.rawValue)) else { return nil }
                measure = m
            } else if matchWord("min") {
                guard let n = parseWholeNumber(after: "min", stage: "keywords") else { return nil }
                minimum = n
            } else { unknownOption("keywords"); return nil }
        }
        return AnalysisStage(KeywordsSyntax(reference: Name(text: t.text, range: t.range), measure: measure, min: minimum))
    }
}

extension Binder {
    mutating func bindKeywords(_ k: KeywordsSyntax, _ stage: Stage, schema: inout RowSchema) -> BoundKeywords? {
        guard let src = unitSource(stage, schema) else { return nil }
        let ref = k.reference
        let reference: KeywordReference
        if ref.text == "corpus" {
            reference = .corpus
        } else if let b = bindings[ref.text] {
            guard b.schema.unitRows, let rs = b.schema.source else {
                error(.wrongRows, "'\(ref.text)' holds computed rows, not text; a reference must be articles, paragraphs or sentences", ref.range,
                      help: ["let ref = articles | where source != \"Newsweek\""])
                return nil
            }
            reference = .binding(ref.text, rs, b.rows)
        } else {
            var help: [String] = []
            if let g = Suggest.closest(to: ref.text, among: ["corpus"] + bindings.keys.sorted()) { help.append("did you mean '\(g)'?") }
            help.append("references: corpus" + (bindings.isEmpty ? "" : ", " + bindings.keys.sorted().joined(separator: ", ")))
            error(.unknownName, "unknown reference '\(ref.text)'", ref.range, help: help)
            return nil
        }
        var m = KeynessMeasure.ll
        if let given = k.measure {
            guard let mm = KeynessMeasure(rawValue: given.text) else {
                error(.unknownChoice, "unknown keyness measure '\(given.text)'", given.range, help: ["measures: ll (log-likelihood), logratio (effect size)"])
                return nil
            }
            m = mm
        }
        let cols = [column("item", .text, 0), column("n", .int, 1), column("ref_n", .int, 2), column("per_million", .number, 3),
                    column("ref_per_million", .number, 4), column("ll", .number, 5), column("logratio", .number, 6)]
        schema = RowSchema(source: nil, searched: false, columns: cols, unitRows: false)
        return BoundKeywords(source: src, reference: reference, measure: m, min: k.min ?? 3)
    }
}
