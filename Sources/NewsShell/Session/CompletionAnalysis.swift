import NewsQuery

/// Tab completion inside the analysis stages, from the stage catalogue: a
/// stage's options, the values after an option (`measure`), and what follows
/// its name (`vs` after `keywords`, let names after `union`).
extension Session {
    /// Candidates when the stage being typed is an analysis stage; nil to fall back to fields.
    func analysisCompletion(_ previous: [Token], _ prefix: String, _ start: Int) -> Completion? {
        guard let pipe = previous.lastIndex(where: { $0.kind == .pipe }), pipe + 1 < previous.count else { return nil }
        let stage = previous[pipe + 1].text
        guard let spec = StageCatalog.spec(stage), spec.isAnalysis, let last = previous.last else { return nil }
        let stageJustTyped = previous.count == pipe + 2
        if let values = spec.after[last.text.lowercased()] { return filtered(prefix, start, candidates(values)) }
        if stageJustTyped, let first = spec.firstWord { return filtered(prefix, start, candidates(first)) }
        // After the name of a stage that reads a query comes the query, not an option.
        guard !spec.options.isEmpty, !(stageJustTyped && spec.readsQuery) else { return nil }
        let found = filtered(prefix, start, spec.options.map(\.word))
        return found.candidates.isEmpty ? nil : found
    }

    func candidates(_ c: StageSpec.Completions) -> [String] {
        switch c {
        case let .words(w): return w
        case let .letNames(plus): return plus + bindingNames
        }
    }
}
