import NewsCore

/// Parsing of the analysis stages. Their names are not reserved words (so
/// `words` stays a field name): after `|` a name in `analysisStageNames`
/// starts one of these stages. `kwic` and `collocates` read a search query,
/// which the lexer reads in search mode; their options (`width`, `by`,
/// `window`, `measure`, `min`) end the query.
extension Parser {
    /// The analysis stages, in the order `help` lists them.
    public static let analysisStageNames = ["kwic", "words", "ngrams", "collocates", "keywords", "distribution",
                                            "sample", "union", "intersect", "except", "summarize", "distinct",
                                            "chart", "expect"]

    /// Words that end the query of `kwic` and `collocates` and start an option.
    static let queryOptionWords: Set<String> = ["width", "by", "window", "measure", "min", "stopwords"]

    /// One-line syntax of each analysis stage, for help in messages.
    static let analysisStageHelp: [String: String] = [
        "kwic": "kwic [QUERY] [width N | width N words] [by sentence], e.g. kwic china width 30",
        "words": "words [stopwords] [min N], e.g. words stopwords min 3",
        "ngrams": "ngrams N [stopwords] [min N], e.g. ngrams 2 min 3",
        "collocates": "collocates QUERY [window L,R] [measure mi|t|ll|logdice] [min N] [stopwords], e.g. collocates china window 3,3 measure logdice",
        "keywords": "keywords vs NAME|corpus [measure ll|logratio] [min N], e.g. keywords vs corpus",
        "distribution": "distribution [by FIELD], e.g. distribution by source",
        "sample": "sample N [seed S], e.g. sample 3 seed 7",
        "union": "union NAME (rows of the same source), e.g. union nw",
        "intersect": "intersect NAME (rows of the same source), e.g. intersect nw",
        "except": "except NAME (rows of the same source), e.g. except nw",
        "summarize": "summarize AGG, ... [by FIELD, ...] with count(), sum(F), avg(F), min(F), max(F), distinct(F)",
        "distinct": "distinct (drops repeated rows)",
        "chart": "chart [FIELD] [by day|week|month|year], e.g. count by source | chart n, count by date | chart by week",
        "expect": "expect CONDITION, e.g. count | expect n == 5",
    ]

    /// Syntax help of any stage.
    static func syntaxHelp(_ stage: String) -> [String] {
        (stageHelp[stage] ?? analysisStageHelp[stage]).map { [$0] } ?? []
    }

    /// stage = kwic | words | ngrams | ... (the name is the current token)
    mutating func parseAnalysisStage() -> Stage? {
        let keyword = advance()
        let name = keyword.text
        let kind: AnalysisStage?
        switch name {
        case "kwic": kind = parseKwic()
        case "words": kind = parseWords()
        case "ngrams": kind = parseNgrams()
        case "collocates": kind = parseCollocates(keyword)
        case "keywords": kind = parseKeywords()
        case "distribution": kind = parseDistribution()
        case "sample": kind = parseSample()
        case "union", "intersect", "except": kind = parseSetOperation(SetOperation(rawValue: name)!)
        case "summarize": kind = parseSummarize()
        case "distinct": kind = .distinct
        case "chart": kind = parseChart()
        case "expect": kind = parseExpect()
        default: kind = nil
        }
        guard let k = kind else { return nil }
        if current.kind != .pipe && current.kind != .end && current.kind != .semicolon {
            error("unexpected \(found) in '\(name)'", help: Parser.syntaxHelp(name).map { "\(name): \($0)" })
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
            error("\(current.text) is too large after '\(what)'", help: Parser.syntaxHelp(stage))
            return nil
        }
        error("expected a whole number after '\(what)', found \(found)", help: Parser.syntaxHelp(stage))
        return nil
    }

    /// A name-like option value (`measure ll`).
    mutating func parseOptionName(after what: String, stage: String, choices: [String]) -> Name? {
        switch current.kind {
        case .identifier, .searchWord, .keyword:
            let t = advance()
            return Name(text: t.text.lowercased(), range: t.range)
        default:
            error("expected one of \(choices.joined(separator: ", ")) after '\(what)', found \(found)", help: Parser.syntaxHelp(stage))
            return nil
        }
    }

    /// Reports an option the stage does not have, with the ones it has.
    mutating func unknownOption(_ stage: String, options: [String]) {
        var help: [String] = []
        if let g = Suggest.closest(to: current.text, among: options) { help.append("did you mean '\(g)'?") }
        help.append("options of '\(stage)': " + options.joined(separator: ", "))
        help += Parser.syntaxHelp(stage)
        error("'\(stage)' has no option \(found)", help: help)
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
                    error("'\(t.text)' is not an option; did you mean '\(meant)'?", at: t.range,
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
            error("unexpected \(found) in the query")
            return nil
        }
        pos = i
        return q
    }

    // MARK: - stages

    /// kwic = "kwic" [ search_or ] [ "width" INTEGER [ "words" ] ] [ "by" "sentence" ] ;
    mutating func parseKwic() -> AnalysisStage? {
        var query: SearchExpr? = nil
        if !atStageEnd && !(current.kind == .searchWord && Parser.queryOptionWords.contains(current.text.lowercased())) && !check(.by) {
            guard let q = parseBoundedQuery() else { return nil }
            query = q
        }
        var width: Int? = nil, inWords = false, bySentence = false
        while !atStageEnd {
            if matchWord("width") {
                guard let n = parseWholeNumber(after: "width", stage: "kwic") else { return nil }
                guard n > 0, n <= 1000 else { error("the width must be between 1 and 1000", at: previous.range); return nil }
                width = n
                if matchWord("words") { inWords = true } else if matchWord("chars") || matchWord("characters") { inWords = false }
            } else if matchWord("by") {
                guard matchWord("sentence") else {
                    error("expected 'sentence' after 'by' in kwic, found \(found)", help: ["kwic china by sentence shows the whole sentence around each match"])
                    return nil
                }
                bySentence = true
            } else {
                unknownOption("kwic", options: ["width", "by sentence"])
                return nil
            }
        }
        return .kwic(query: query, width: width, widthInWords: inWords, bySentence: bySentence)
    }

    /// words = "words" [ "stopwords" [ STRING ] ] [ "min" INTEGER ] ;
    mutating func parseWords() -> AnalysisStage? {
        var stop: Stoplist? = nil, minimum: Int? = nil
        while !atStageEnd {
            if matchWord("stopwords") { stop = parseStoplist() } else if matchWord("min") {
                guard let n = parseWholeNumber(after: "min", stage: "words") else { return nil }
                minimum = n
            } else { unknownOption("words", options: ["stopwords", "min"]); return nil }
        }
        return .words(stopwords: stop, min: minimum)
    }

    /// stoplist = "stopwords" [ STRING ] ;   (a file of words, one a line)
    mutating func parseStoplist() -> Stoplist {
        if current.kind == .string {
            let t = advance()
            return .file(t.text, range: t.range)
        }
        return .english
    }

    /// ngrams = "ngrams" INTEGER [ "stopwords" ] [ "min" INTEGER ] ;
    mutating func parseNgrams() -> AnalysisStage? {
        guard let n = parseWholeNumber(after: "ngrams", stage: "ngrams") else { return nil }
        guard (1...8).contains(n) else { error("ngrams takes a length from 1 to 8", at: previous.range, help: Parser.syntaxHelp("ngrams")); return nil }
        var stop: Stoplist? = nil, minimum: Int? = nil
        while !atStageEnd {
            if matchWord("stopwords") { stop = parseStoplist() } else if matchWord("min") {
                guard let m = parseWholeNumber(after: "min", stage: "ngrams") else { return nil }
                minimum = m
            } else { unknownOption("ngrams", options: ["stopwords", "min"]); return nil }
        }
        return .ngrams(n, stopwords: stop, min: minimum)
    }

    /// collocates = "collocates" search_or [ "window" INTEGER "," INTEGER ] [ "measure" NAME ] [ "min" INTEGER ] ;
    mutating func parseCollocates(_ keyword: Token) -> AnalysisStage? {
        if atStageEnd || (current.kind == .searchWord && Parser.queryOptionWords.contains(current.text.lowercased())) {
            error("'collocates' needs a word to look around", help: Parser.syntaxHelp("collocates"))
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
                guard l + r > 0, l <= 50, r <= 50 else { error("a window is 0 to 50 words on each side, not both 0", at: previous.range); return nil }
                left = l; right = r
            } else if matchWord("measure") {
                guard let m = parseOptionName(after: "measure", stage: "collocates", choices: ["mi", "t", "ll", "logdice"]) else { return nil }
                measure = m
            } else if matchWord("min") {
                guard let n = parseWholeNumber(after: "min", stage: "collocates") else { return nil }
                minimum = n
            } else if matchWord("stopwords") {
                stop = parseStoplist()
            } else { unknownOption("collocates", options: ["window", "measure", "min", "stopwords"]); return nil }
        }
        return .collocates(query: q, left: left, right: right, measure: measure, min: minimum, stopwords: stop)
    }

    /// keywords = "keywords" "vs" NAME [ "measure" NAME ] [ "min" INTEGER ] ;
    mutating func parseKeywords() -> AnalysisStage? {
        guard matchWord("vs") else {
            error("expected 'vs' and a reference after 'keywords', found \(found)",
                  help: ["compare against the whole corpus: keywords vs corpus", "or against a let name: keywords vs nw"])
            return nil
        }
        guard current.kind == .identifier else {
            error("expected a let name or 'corpus' after 'vs', found \(found)", help: Parser.syntaxHelp("keywords"))
            return nil
        }
        let t = advance()
        var measure: Name? = nil, minimum: Int? = nil
        while !atStageEnd {
            if matchWord("measure") {
                guard let m = parseOptionName(after: "measure", stage: "keywords", choices: ["ll", "logratio"]) else { return nil }
                measure = m
            } else if matchWord("min") {
                guard let n = parseWholeNumber(after: "min", stage: "keywords") else { return nil }
                minimum = n
            } else { unknownOption("keywords", options: ["measure", "min"]); return nil }
        }
        return .keywords(reference: Name(text: t.text, range: t.range), measure: measure, min: minimum)
    }

    /// distribution = "distribution" [ "by" expr ] ;
    mutating func parseDistribution() -> AnalysisStage? {
        guard match(.by) else { return .distribution(by: nil) }
        if atStageEnd { error("expected a field after 'distribution by'", help: Parser.syntaxHelp("distribution")); return nil }
        guard let e = parseExpr() else { return nil }
        return .distribution(by: e)
    }

    /// sample = "sample" INTEGER [ "seed" INTEGER ] ;
    mutating func parseSample() -> AnalysisStage? {
        guard let n = parseWholeNumber(after: "sample", stage: "sample") else { return nil }
        var seed: Int? = nil
        if matchWord("seed") {
            guard let s = parseWholeNumber(after: "seed", stage: "sample") else { return nil }
            seed = s
        } else if !atStageEnd {
            unknownOption("sample", options: ["seed"]); return nil
        }
        return .sample(n, seed: seed)
    }

    /// set_operation = ( "union" | "intersect" | "except" ) NAME ;
    mutating func parseSetOperation(_ op: SetOperation) -> AnalysisStage? {
        guard current.kind == .identifier else {
            error("expected a let name after '\(op.rawValue)', found \(found)", help: Parser.syntaxHelp(op.rawValue))
            return nil
        }
        let t = advance()
        return .setOperation(op, Name(text: t.text, range: t.range))
    }

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
                error("expected an aggregate such as count(), sum(words), avg(words), found \(found)", help: Parser.syntaxHelp("summarize"))
                return nil
            }
            let f = advance()
            _ = advance()
            var arg: Expr? = nil
            if !check(.rparen) {
                guard let e = parseExpr() else { return nil }
                arg = e
            }
            guard match(.rparen) else { error("expected ')' after the aggregate's field, found \(found)"); return nil }
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
        return .summarize(items, by: by)
    }

    /// chart = "chart" [ expr ] [ "by" IDENT ] ;
    mutating func parseChart() -> AnalysisStage? {
        if atStageEnd { return .chart(nil, by: nil) }
        var e: Expr? = nil
        if current.kind != .keyword(.by) {
            guard let x = parseExpr() else { return nil }
            e = x
        }
        guard match(.by) else { return .chart(e, by: nil) }
        guard let b = parseOptionName(after: "chart by", stage: "chart", choices: TimeBucket.allCases.map(\.rawValue)) else { return nil }
        return .chart(e, by: b)
    }

    /// expect = "expect" expr ;
    mutating func parseExpect() -> AnalysisStage? {
        if atStageEnd { error("'expect' needs a condition", help: Parser.syntaxHelp("expect") + ["rows is the number of rows: expect rows > 0"]); return nil }
        guard let e = parseExpr() else { return nil }
        return .expect(e)
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
            error("'why' needs a search and 'in' with an id", at: start..<max(start + 3, current.range.upperBound),
                  help: ["why \"security talk\" in 004_ec82b47e28c364f9", "why china in 002_a0e825fb24626626#s7"])
            return nil
        }
        // the query, parsed on its own tokens
        let inToken = tokens[inAt]
        var sub = Parser(tokens: Array(tokens[pos..<inAt]) + [Token(kind: .end, range: inToken.range.lowerBound..<inToken.range.lowerBound, text: "")])
        let query = sub.parseSearchOr()
        absorb(sub.diagnostics)
        if sub.current.kind != .end {
            error("unexpected \(sub.found) in the search of 'why'", at: sub.current.range)
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
            error("expected 'article' after 'show', found \(found)", help: ["show article \"002\" search china"])
            return nil
        }
        guard [.string, .integer, .identifier, .number].contains(current.kind) else {
            error("expected an article id (in quotes) or number after 'show article', found \(found)",
                  help: ["show article \"002_a0e825fb24626626\"", "show article 3 search china (the 3rd article)"])
            return nil
        }
        let id = advance()
        var query: SearchExpr? = nil
        if match(.search) {
            if atStageEnd { error("'search' needs something to look for"); return nil }
            guard let q = parseSearchOr() else { return nil }
            query = q
        }
        expectEnd()
        return .show(article: id, query: query, range: start..<previous.range.upperBound)
    }
}
