import NewsCore

/// `words [stopwords ["FILE"]] [min N]` and `ngrams N [stopwords ["FILE"]] [min N]`:
/// frequency lists (operator: `Execution/FrequencyOperator.swift`).
enum FrequencyStages {
    static let words = StageSpec(
        name: "words", syntax: "words [stopwords [\"FILE\"]] [min N]",
        usage: "words [stopwords] [min N], e.g. words stopwords min 3",
        summary: "A word list of the rows' text: item (lowercase, without accents), n, articles (how many articles it occurs in: its range) and per_million (n per million words of these rows). stopwords leaves out common English function words, stopwords \"FILE\" the words of a file (one a line); min N keeps items seen N times or more. Articles count their body and captions, not boilerplate, like search.",
        example: "articles | where source == \"Newsweek\" | words stopwords min 5 | take 10",
        options: [.init("stopwords"), .init("min")],
        form: .analysis { $0.parseWords() })

    static let ngrams = StageSpec(
        name: "ngrams", syntax: "ngrams N [stopwords] [min N]",
        usage: "ngrams N [stopwords] [min N], e.g. ngrams 2 min 3",
        summary: "Sequences of N words (1 to 8) that never cross a sentence end, with n, articles and per_million as for words; min defaults to 2. stopwords drops n-grams that begin or end with a stopword.",
        example: "articles | ngrams 3 stopwords min 3",
        options: [.init("stopwords"), .init("min")],
        form: .analysis { $0.parseNgrams() })
}

/// A parsed `words` (n = 1) or `ngrams N`.
public struct FrequencySyntax: AnalysisSyntax, Equatable {
    /// 1 for `words`.
    public var n: Int
    /// Written as `ngrams N` (its `min` defaults to 2, that of `words` to 1).
    public var isNgrams: Bool
    public var stopwords: Stoplist?
    public var min: Int?

    public func bind(_ binder: inout Binder, _ stage: Stage, schema: inout RowSchema) -> (any BoundAnalysis)? {
        guard let src = binder.unitSource(stage, schema) else { return nil }
        guard let list = binder.loadStoplist(stopwords) else { return nil }
        schema = binder.frequencySchema()
        return BoundFrequency(source: src, n: n, stopwords: list, min: min ?? (isNgrams ? 2 : 1))
    }
}

/// A bound word (n = 1) or n-gram frequency list.
struct BoundFrequency: BoundAnalysis {
    var source: SourceKind
    var n: Int
    var stopwords: Set<String>?
    var min: Int
    var label: String { (n == 1 ? "Words" : "Ngrams \(n)") + (stopwords != nil ? " stopwords" : "") + " min \(min)" }
    func makeOperator(input: PhysicalOperator) -> PhysicalOperator {
        FrequencyOperator(input: input, source: source, n: n, stopwords: stopwords, min: min)
    }
}

extension Parser {
    /// words = "words" [ "stopwords" [ STRING ] ] [ "min" INTEGER ] ;
    mutating func parseWords() -> AnalysisStage? {
        var stop: Stoplist? = nil, minimum: Int? = nil
        while !atStageEnd {
            if matchWord("stopwords") { stop = parseStoplist() } else if matchWord("min") {
                guard let n = parseWholeNumber(after: "min", stage: "words") else { return nil }
                minimum = n
            } else { unknownOption("words"); return nil }
        }
        return AnalysisStage(FrequencySyntax(n: 1, isNgrams: false, stopwords: stop, min: minimum))
    }

    /// ngrams = "ngrams" INTEGER [ "stopwords" ] [ "min" INTEGER ] ;
    mutating func parseNgrams() -> AnalysisStage? {
        guard let n = parseWholeNumber(after: "ngrams", stage: "ngrams") else { return nil }
        guard (1...8).contains(n) else { error(.badNumber, "ngrams takes a length from 1 to 8", at: previous.range, help: Parser.syntaxHelp("ngrams")); return nil }
        var stop: Stoplist? = nil, minimum: Int? = nil
        while !atStageEnd {
            if matchWord("stopwords") { stop = parseStoplist() } else if matchWord("min") {
                guard let m = parseWholeNumber(after: "min", stage: "ngrams") else { return nil }
                minimum = m
            } else { unknownOption("ngrams"); return nil }
        }
        return AnalysisStage(FrequencySyntax(n: n, isNgrams: true, stopwords: stop, min: minimum))
    }
}
