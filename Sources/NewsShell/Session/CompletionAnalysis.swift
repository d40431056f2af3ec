import NewsQuery

/// Tab completion inside the analysis stages: their options, the measures
/// after `measure`, `corpus` and let names after `vs` and the set operations.
extension Session {
    /// Candidates when the stage being typed is an analysis stage; nil to fall back to fields.
    func analysisCompletion(_ previous: [Token], _ prefix: String, _ start: Int) -> Completion? {
        guard let pipe = previous.lastIndex(where: { $0.kind == .pipe }), pipe + 1 < previous.count else { return nil }
        let stage = previous[pipe + 1].text
        guard Parser.analysisStageNames.contains(stage), let last = previous.last else { return nil }
        let lastWord = last.text.lowercased()
        let stageJustTyped = previous.count == pipe + 2
        switch lastWord {
        case "measure" where stage == "collocates": return filtered(prefix, start, CollocationMeasure.allCases.map(\.rawValue))
        case "measure" where stage == "keywords": return filtered(prefix, start, KeynessMeasure.allCases.map(\.rawValue))
        case "vs" where stage == "keywords": return filtered(prefix, start, ["corpus"] + bindingNames)
        case "by" where stage == "kwic": return filtered(prefix, start, ["sentence"])
        default: break
        }
        if stageJustTyped && ["union", "intersect", "except"].contains(stage) { return filtered(prefix, start, bindingNames) }
        if stageJustTyped && stage == "keywords" { return filtered(prefix, start, ["vs"]) }
        let options: [String: [String]] = [
            "kwic": ["width", "by"], "words": ["stopwords", "min"], "ngrams": ["stopwords", "min"],
            "collocates": ["window", "measure", "min", "stopwords"], "keywords": ["measure", "min"],
            "sample": ["seed"], "distribution": ["by"],
        ]
        guard let opts = options[stage], !(stageJustTyped && (stage == "kwic" || stage == "collocates")) else { return nil }
        let found = filtered(prefix, start, opts)
        return found.candidates.isEmpty ? nil : found
    }
}
