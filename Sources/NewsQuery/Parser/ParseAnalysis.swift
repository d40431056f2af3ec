import NewsCore

/// Parsing of the analysis stages. Their names are not reserved words (so
/// `words` stays a field name): after `|` a name of an analysis stage in
/// `StageCatalog` starts one, and its catalogue entry parses the rest (each
/// stage's parse function is in its file under `Stages/`). Stages that read
/// a search query (`readsQuery`: kwic, collocates) have it read by the lexer
/// in search mode; their option words end the query. This file keeps what
/// the stages share: option words, numbers, the bounded query.
extension Parser {
    /// The analysis stages, in the order `help` lists them.
    public static var analysisStageNames: [String] { StageCatalog.analysisNames }

    /// Words that end the query of `kwic` and `collocates` and start an option.
    static var queryOptionWords: Set<String> { StageCatalog.queryOptionWords }

    /// Syntax help of any stage (its catalogue usage line).
    static func syntaxHelp(_ stage: String) -> [String] {
        StageCatalog.spec(stage).map { [$0.usage] } ?? []
    }

    /// The usage line of a stage, for messages.
    static func usage(_ stage: String) -> String { StageCatalog.spec(stage)?.usage ?? stage }

    /// stage = kwic | words | ngrams | ... (the name is the current token)
    mutating func parseAnalysisStage() -> Stage? {
        let keyword = advance()
        let name = keyword.text
        guard case let .analysis(parse)? = StageCatalog.spec(name)?.form, let k = parse(&self) else { return nil }
        if current.kind != .pipe && current.kind != .end && current.kind != .semicolon {
            error(.unexpectedToken, "unexpected \(found) in '\(name)'", help: Parser.syntaxHelp(name).map { "\(name): \($0)" })
            return nil
        }
        return Stage(kind: .analysis(k), range: keyword.range.lowerBound..<previous.range.upperBound, keywordRange: keyword.range)
    }

    // MARK: - option helpers

    /// True when the current token is the (contextual) word `w`.
    func isWord(_ w: String) -> Bool {
        switch current.kind {
        case .identifier, .searchWord: return current.text.lowercased() == w
        case let .keyword(k): return k.rawValue == w
        default: return false
        }
    }

    mutating func matchWord(_ w: String) -> Bool {
        if isWord(w) { _ = advance(); return true }
        return false
    }

    /// A whole number, written as a number or (in search mode) a word of digits.
    mutating func parseWholeNumber(after what: String, stage: String) -> Int? {
        if (current.kind == .integer || current.kind == .searchWord), let n = Int(current.text), n >= 0 {
            _ = advance()
            return n
        }
        if current.kind == .integer || (current.kind == .searchWord && current.text.allSatisfy(\.isNumber)) {
            error(.badNumber, "\(current.text) is too large after '\(what)'", help: Parser.syntaxHelp(stage))
            return nil
        }
        error(.badNumber, "expected a whole number after '\(what)', found \(found)", help: Parser.syntaxHelp(stage))
        return nil
    }

    /// A name-like option value (`measure ll`).
    mutating func parseOptionName(after what: String, stage: String, choices: [String]) -> Name? {
        switch current.kind {
        case .identifier, .searchWord, .keyword:
            let t = advance()
            return Name(text: t.text.lowercased(), range: t.range)
        default:
            error(.unknownOption, "expected one of \(choices.joined(separator: ", ")) after '\(what)', found \(found)", help: Parser.syntaxHelp(stage))
            return nil
        }
    }

    /// Reports an option the stage does not have, with the ones it has.
    mutating func unknownOption(_ stage: String) {
        let options = StageCatalog.spec(stage)?.shownOptions ?? []
        var help: [String] = []
        if let g = Suggest.closest(to: current.text, among: options) { help.append("did you mean '\(g)'?") }
        help.append("options of '\(stage)': " + options.joined(separator: ", "))
        help += Parser.syntaxHelp(stage)
        error(.unknownOption, "'\(stage)' has no option \(found)", help: help)
    }

    /// stoplist = "stopwords" [ STRING ] ;   (a file of words, one a line)
    mutating func parseStoplist() -> Stoplist {
        if current.kind == .string {
            let t = advance()
            return .file(t.text, range: t.range)
        }
        return .english
    }

    var atStageEnd: Bool { current.kind == .pipe || current.kind == .end || current.kind == .semicolon }

    /// A search query that ends at the stage's end or at an option word.
    mutating func parseBoundedQuery() -> SearchExpr? {
        var i = pos
        var depth = 0
        while i < tokens.count - 1 {
            let t = tokens[i]
            if depth == 0 {
                if t.kind == .pipe || t.kind == .semicolon { break }
                if t.kind == .searchWord && Parser.queryOptionWords.contains(t.text.lowercased()) { break }
                if t.kind == .keyword(.by) { break }
                // A misspelt option followed by a number (`widht 30`) is not meant as search words.
                let next = tokens[i + 1]
                if t.kind == .searchWord, next.kind == .searchWord, Int(next.text) != nil, Int(t.text) == nil,
                   let meant = Suggest.closest(to: t.text.lowercased(), among: ["width", "window", "min"]) {
                    error(.unknownOption, "'\(t.text)' is not an option; did you mean '\(meant)'?", at: t.range,
                          help: ["to search for the word, quote it: \"\(t.text)\""])
                    return nil
                }
            }
            if t.kind == .lparen { depth += 1 }
            if t.kind == .rparen { depth = max(0, depth - 1) }
            i += 1
        }
        let stop = tokens[i]
        // Parse the query over the tokens up to the option, as if the stage ended there.
        let saved = tokens
        tokens = Array(tokens[..<i]) + [Token(kind: .end, range: stop.range.lowerBound..<stop.range.lowerBound, text: "")]
        defer { tokens = saved }
        let q = parseSearchOr()
        if q != nil, current.kind != .end {
            error(.badSearchSyntax, "unexpected \(found) in the query")
            return nil
        }
        pos = i
        return q
    }

    /// why = "why" search_or "in" ID ;   (the last "in" of the statement introduces the id)
    mutating func parseWhy() -> Statement? {
        let start = advance().range.lowerBound
        // the last `in` at the top level: the query before it, the id after it
        var depth = 0, split: Int? = nil
        for k in pos..<tokens.count {
            switch tokens[k].kind {
            case .lparen: depth += 1
            case .rparen: depth -= 1
            case .searchWord where depth == 0 && tokens[k].text.lowercased() == "in": split = k
            default: break
            }
        }
        guard let inAt = split, inAt > pos else {
            error(.badStatement, "'why' needs a search and 'in' with an id", at: start..<max(start + 3, current.range.upperBound),
                  help: ["why \"security talk\" in 004_ec82b47e28c364f9", "why china in 002_a0e825fb24626626#s7"])
            return nil
        }
        // the query, parsed on its own tokens
        let inToken = tokens[inAt]
        var sub = Parser(tokens: Array(tokens[pos..<inAt]) + [Token(kind: .end, range: inToken.range.lowerBound..<inToken.range.lowerBound, text: "")])
        let query = sub.parseSearchOr()
        absorb(sub.diagnostics)
        if sub.current.kind != .end {
            error(.badStatement, "unexpected \(sub.found) in the search of 'why'", at: sub.current.range)
            return nil
        }
        guard let q = query else { return nil }
        // the id: the tokens after `in` (StatementPath.prepare reads it from the text as written,
        // so `#`, `/` and spaces in an id need no quotes there)
        let idTokens = tokens[(inAt + 1)...].filter { $0.kind != .end && $0.kind != .semicolon }
        let idRange = (idTokens.first?.range.lowerBound ?? inToken.range.upperBound)..<(idTokens.last?.range.upperBound ?? inToken.range.upperBound)
        let id = idTokens.count == 1 ? idTokens[0].text : idTokens.map(\.text).joined()
        pos = tokens.count - 1
        return .why(query: q, id: id, idRange: idRange)
    }

    /// show = "show" "article" ( STRING | INTEGER | NAME ) [ "search" search_or ] ;
    mutating func parseShow() -> Statement? {
        let start = advance().range.lowerBound
        guard matchWord("article") else {
            error(.badStatement, "expected 'article' after 'show', found \(found)", help: ["show article \"002\" search china"])
            return nil
        }
        guard [.string, .integer, .identifier, .number].contains(current.kind) else {
            error(.badStatement, "expected an article id (in quotes) or number after 'show article', found \(found)",
                  help: ["show article \"002_a0e825fb24626626\"", "show article 3 search china (the 3rd article)"])
            return nil
        }
        let id = advance()
        var query: SearchExpr? = nil
        if match(.search) {
            if atStageEnd { error(.incompleteStage, "'search' needs something to look for"); return nil }
            guard let q = parseSearchOr() else { return nil }
            query = q
        }
        expectEnd()
        return .show(article: id, query: query, range: start..<previous.range.upperBound)
    }
}
