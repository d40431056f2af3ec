import NewsCore

/// Parses tokens into a `Statement`, one function per grammar rule
/// (grammar/newsq.ebnf). Never stops at the first error: a bad stage is
/// reported and skipped to the next `|`, so one run reports what it can.
public struct Parser {
    var tokens: [Token]
    var pos = 0
    /// Current bracket nesting; deeper than `maxDepth` is an error, not a stack overflow.
    var depth = 0
    static let maxDepth = 200
    /// Words, phrases and patterns in one search so far; more than `maxSearchTerms` is an error.
    var searchTerms = 0
    static let maxSearchTerms = 256
    static let maxStages = 200
    public private(set) var diagnostics: DiagnosticBag

    /// Every stage name, in the order `help` lists them (Stages/StageCatalog.swift).
    public static var stageNames: [String] { StageCatalog.names }

    /// Words from other query languages, and the stage that does their job here.
    public static let foreignStages: [String: String] = [
        "filter": "where", "limit": "take", "head": "take", "order": "sort by", "orderby": "sort by",
        "group": "count by", "groupby": "count by", "project": "select", "grep": "search", "find": "search",
        "match": "search", "fields": "select", "stats": "count by", "aggregate": "count by", "sortby": "sort by",
    ]

    public init(tokens: [Token], diagnostics: DiagnosticBag = DiagnosticBag()) {
        self.tokens = tokens
        self.diagnostics = diagnostics
    }

    /// Takes the diagnostics of a parser run on part of the statement.
    mutating func absorb(_ bag: DiagnosticBag) { for d in bag.items { diagnostics.add(d) } }

    /// Lexes and parses a statement.
    public static func parse(_ text: String) -> (statement: Statement?, diagnostics: DiagnosticBag) {
        let (tokens, lexDiagnostics) = Lexer.tokenize(text)
        var parser = Parser(tokens: tokens, diagnostics: lexDiagnostics)
        let statement = parser.parseStatement()
        return (statement, parser.diagnostics)
    }

    // MARK: - Token helpers

    var current: Token { tokens[pos] }
    var previous: Token { tokens[max(0, pos - 1)] }

    func peek(_ offset: Int = 1) -> Token { tokens[min(pos + offset, tokens.count - 1)] }

    mutating func advance() -> Token {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    func check(_ kind: TokenKind) -> Bool { current.kind == kind }
    func check(_ k: Keyword) -> Bool { current.kind == .keyword(k) }

    mutating func match(_ kind: TokenKind) -> Bool {
        if check(kind) { _ = advance(); return true }
        return false
    }

    mutating func match(_ k: Keyword) -> Bool { match(.keyword(k)) }

    /// Enters one level of nesting; false (after reporting) when too deep.
    mutating func enterNesting() -> Bool {
        depth += 1
        if depth > Parser.maxDepth {
            error(.tooComplex, "nested too deeply or too long (more than \(Parser.maxDepth) levels of brackets or operators)",
                  help: ["split the condition, use 'in [...]' for many values, or use a let"])
            pos = tokens.count - 1
            return false
        }
        return true
    }

    /// Reports an error at the current token.
    mutating func error(_ code: DiagnosticCode, _ message: String, at range: Range<Int>? = nil, help: [String] = []) {
        let r = range ?? spot(of: current)
        diagnostics.add(Diagnostic(code, message, range: r, help: help))
    }

    /// The range to point at for a token (the end of input gets a one-column spot).
    func spot(of t: Token) -> Range<Int> {
        t.kind == .end ? t.range.lowerBound..<t.range.lowerBound + 1 : t.range
    }

    /// Describes the current token for "expected X, found Y" messages.
    var found: String {
        switch current.kind {
        case .end: return "the end of the statement"
        case .identifier, .searchWord: return "'\(current.text)'"
        case .string: return "the string \"\(current.text)\""
        default: return current.kind.displayName
        }
    }

    mutating func expect(_ kind: TokenKind, _ what: String? = nil) -> Token? {
        if check(kind) { return advance() }
        error(.unexpectedToken, "expected \(what ?? kind.displayName), found \(found)")
        return nil
    }

    /// Skips to the next `|` (or the end) after an error inside a stage.
    mutating func recoverToPipe() {
        var depth = 0
        while current.kind != .end {
            switch current.kind {
            case .lparen, .lbracket: depth += 1
            case .rparen, .rbracket: depth = max(0, depth - 1)
            case .pipe where depth == 0: return
            default: break
            }
            _ = advance()
        }
    }

    // MARK: - statement

    /// statement = "let" NAME "=" pipeline | "explain" [ "analyze" | "verbose" ] pipeline
    ///           | "help" [ NAME ] | pipeline ;
    public mutating func parseStatement() -> Statement? {
        if match(.let) {
            guard current.kind == .identifier else {
                if case let .keyword(k) = current.kind {
                    error(.badLet, "'\(k.rawValue)' is a reserved word and cannot be a name", help: ["choose another name, e.g. my_\(k.rawValue)"])
                } else {
                    error(.badLet, "expected a name after 'let', found \(found)", help: ["example: let nw = articles | where source == \"Newsweek\""])
                }
                return nil
            }
            let nameToken = advance()
            let name = Name(text: nameToken.text, range: nameToken.range)
            if !match(.assign) {
                if check(.equal) {
                    error(.badLet, "use a single '=' in let", help: ["let \(name.text) = articles | ..."])
                    _ = advance()
                } else {
                    error(.badLet, "expected '=' after 'let \(name.text)', found \(found)", help: ["let \(name.text) = articles | ..."])
                    return nil
                }
            }
            guard let p = parsePipeline() else { return nil }
            expectEnd()
            return .let(name: name, pipeline: p)
        }
        if match(.explain) {
            var mode = ExplainMode.plain
            if match(.analyze) { mode = .analyze } else if match(.verbose) { mode = .verbose }
            guard let p = parsePipeline() else { return nil }
            expectEnd()
            return .explain(mode: mode, pipeline: p)
        }
        if match(.help) {
            var topic: Name? = nil
            if current.kind != .end {
                let t = advance()
                topic = Name(text: t.text, range: t.range)
            }
            expectEnd()
            return .help(topic: topic)
        }
        if current.kind == .identifier && current.text == "show" && peek().kind != .pipe && peek().kind != .end {
            return parseShow()
        }
        if current.kind == .identifier && current.text == "why" && peek().kind != .pipe {
            return parseWhy()
        }
        guard let p = parsePipeline() else { return nil }
        expectEnd()
        return .query(p)
    }

    mutating func expectEnd() {
        if current.kind != .end && current.kind != .semicolon {
            error(.expectedPipe, "unexpected \(found) after the end of the statement",
                  help: ["stages are joined with '|', e.g. articles | where ... | take 5"])
        }
    }

    // MARK: - pipeline

    /// The built-in sources, for help lines.
    static var sourceList: String { SourceKind.allCases.map(\.rawValue).joined(separator: ", ") }

    /// pipeline = source { "|" stage } ;
    mutating func parsePipeline() -> Pipeline? {
        let start = current.range.lowerBound
        let source: Name
        switch current.kind {
        case .identifier:
            let t = advance()
            source = Name(text: t.text, range: t.range)
        case let .keyword(k) where Parser.stageNames.contains(k.rawValue):
            error(.expectedSource, "a statement starts with a source, not the stage '\(k.rawValue)'",
                  help: ["sources: \(Parser.sourceList), or a let name; e.g. articles | \(k.rawValue) ..."])
            return nil
        case .end:
            error(.expectedSource, "expected a source such as 'articles'", help: ["sources: \(Parser.sourceList), or a let name"])
            return nil
        default:
            error(.expectedSource, "expected a source such as 'articles', found \(found)",
                  help: ["sources: \(Parser.sourceList), or a let name"])
            return nil
        }
        if source.text.lowercased() == "select" && current.kind != .pipe && current.kind != .end && current.kind != .semicolon {
            error(.expectedSource, "newsq is not SQL: a statement starts with a source", at: source.range,
                  help: ["articles | select title, source"])
            return nil
        }
        var stages: [Stage] = []
        while current.kind != .end && current.kind != .semicolon {
            guard match(.pipe) else {
                error(.expectedPipe, "expected '|' before the next stage, found \(found)",
                      help: ["stages are joined with '|', e.g. \(source.text) | take 5"])
                break
            }
            if let stage = parseStage() { stages.append(stage) } else { recoverToPipe() }
            // The plan is a tree as deep as the pipeline is long: bound it like nesting.
            if stages.count > Parser.maxStages {
                error(.tooComplex, "too many stages (more than \(Parser.maxStages) in one statement)",
                      help: ["keep part of the pipeline with a let, then go on from its name"])
                pos = tokens.count - 1
                return nil
            }
        }
        let end = previous.range.upperBound
        return Pipeline(source: source, stages: stages, range: start..<max(start, end))
    }

    // MARK: - stage

    /// stage = where | search | select | sort | take | top | count ;
    mutating func parseStage() -> Stage? {
        let keyword = current
        if keyword.kind == .identifier, Parser.analysisStageNames.contains(keyword.text) { return parseAnalysisStage() }
        guard case let .keyword(k) = keyword.kind, Parser.stageNames.contains(k.rawValue) else {
            reportNotAStage()
            return nil
        }
        _ = advance()
        let kind: StageKind?
        switch k {
        case .where: kind = parseWhere()
        case .search: kind = parseSearch(keyword: keyword)
        case .select: kind = parseSelect()
        case .sort: kind = parseSort()
        case .take: kind = parseTake()
        case .top: kind = parseTop()
        case .count: kind = parseCount()
        default: kind = nil
        }
        guard let stageKind = kind else { return nil }
        if current.kind != .pipe && current.kind != .end && current.kind != .semicolon {
            error(.unexpectedToken, "unexpected \(found) in '\(k.rawValue)'", help: Parser.syntaxHelp(k.rawValue).map { "\(k.rawValue): \($0)" })
            return nil
        }
        return Stage(kind: stageKind, range: keyword.range.lowerBound..<previous.range.upperBound, keywordRange: keyword.range)
    }

    mutating func reportNotAStage() {
        let t = current
        let word = t.text
        if let meant = Parser.foreignStages[word.lowercased()] {
            error(.foreignStage, "'\(word)' is not a newsq stage; use '\(meant)'", help: Parser.syntaxHelp(String(meant.split(separator: " ")[0])))
        } else if t.kind == .identifier || t.kind == .keyword(.by) {
            var help = ["stages: " + Parser.stageNames.joined(separator: ", ")]
            if let guess = Suggest.closest(to: word, among: Parser.stageNames) {
                help.insert("did you mean '\(guess)'?", at: 0)
            } else if let foreign = Suggest.closest(to: word, among: Parser.foreignStages.keys.sorted()),
                      let meant = Parser.foreignStages[foreign] {
                // A misspelt name from another language ("limt" for SQL's "limit"): point at newsq's own.
                help.insert("did you mean '\(meant)'? (newsq's name for '\(foreign)')", at: 0)
            }
            error(.unknownStage, "unknown stage '\(word)'", help: help)
        } else if t.kind == .end {
            error(.unknownStage, "expected a stage after '|'", help: ["stages: " + Parser.stageNames.joined(separator: ", ")])
        } else {
            error(.unknownStage, "expected a stage after '|', found \(found)", help: ["stages: " + Parser.stageNames.joined(separator: ", ")])
        }
    }

    /// where = "where" expr ;
    mutating func parseWhere() -> StageKind? {
        if current.kind == .pipe || current.kind == .end {
            error(.incompleteStage, "'where' needs a condition", help: [Parser.usage("where")])
            return nil
        }
        guard let e = parseExpr() else { return nil }
        return .where(e)
    }

    /// select = "select" select_item { "," select_item } ;
    mutating func parseSelect() -> StageKind? {
        var items: [SelectItem] = []
        repeat {
            let start = current.range.lowerBound
            if match(.star) {
                items.append(SelectItem(alias: nil, expr: nil, range: previous.range))
                continue
            }
            if current.kind == .identifier && peek().kind == .assign {
                let t = advance()
                _ = advance()
                guard let e = parseExpr() else { return nil }
                items.append(SelectItem(alias: Name(text: t.text, range: t.range), expr: e, range: start..<e.range.upperBound))
                continue
            }
            if current.kind == .pipe || current.kind == .end {
                error(.incompleteStage, "'select' needs at least one field", help: [Parser.usage("select")])
                return nil
            }
            guard let e = parseExpr() else { return nil }
            items.append(SelectItem(alias: nil, expr: e, range: e.range))
        } while match(.comma)
        return .select(items)
    }

    /// sort = "sort" "by" sort_key { "," sort_key } ;
    mutating func parseSort() -> StageKind? {
        guard match(.by) else {
            error(.incompleteStage, "expected 'by' after 'sort', found \(found)", help: [Parser.usage("sort")])
            return nil
        }
        var keys: [SortKey] = []
        repeat {
            guard let key = parseSortKey(defaultDescending: false) else { return nil }
            keys.append(key)
        } while match(.comma)
        return .sort(keys)
    }

    /// sort_key = expr [ "asc" | "desc" ] ;
    mutating func parseSortKey(defaultDescending: Bool) -> SortKey? {
        if current.kind == .pipe || current.kind == .end {
            error(.incompleteStage, "expected a field to sort by", help: [Parser.usage("sort")])
            return nil
        }
        guard let e = parseExpr() else { return nil }
        var desc = defaultDescending
        if match(.desc) { desc = true } else if match(.asc) { desc = false }
        return SortKey(expr: e, descending: desc)
    }

    /// take = "take" INTEGER ;
    mutating func parseTake() -> StageKind? {
        guard let n = parseCountNumber(stage: "take") else { return nil }
        return .take(n)
    }

    /// top = "top" INTEGER "by" sort_key ;   (descending unless "asc")
    mutating func parseTop() -> StageKind? {
        guard let n = parseCountNumber(stage: "top") else { return nil }
        guard match(.by) else {
            error(.incompleteStage, "expected 'by' after 'top \(n)', found \(found)", help: [Parser.usage("top")])
            return nil
        }
        guard let key = parseSortKey(defaultDescending: true) else { return nil }
        return .top(n, key)
    }

    mutating func parseCountNumber(stage: String) -> Int? {
        guard current.kind == .integer else {
            if current.kind == .minus {
                error(.badNumber, "'\(stage)' needs a positive whole number", help: [Parser.usage(stage)])
            } else {
                error(.badNumber, "expected a whole number after '\(stage)', found \(found)", help: [Parser.usage(stage)])
            }
            return nil
        }
        let t = advance()
        guard let n = Int(t.text) else {
            error(.badNumber, "\(t.text) is too large", at: t.range, help: ["the largest allowed is \(Int.max)"])
            return nil
        }
        return n
    }

    /// count = "count" [ "by" expr { "," expr } ] ;
    mutating func parseCount() -> StageKind? {
        guard match(.by) else { return .count(by: []) }
        var keys: [Expr] = []
        repeat {
            if current.kind == .pipe || current.kind == .end {
                error(.incompleteStage, "expected a field after 'count by'", help: [Parser.usage("count")])
                return nil
            }
            guard let e = parseExpr() else { return nil }
            keys.append(e)
        } while match(.comma)
        return .count(by: keys)
    }
}
