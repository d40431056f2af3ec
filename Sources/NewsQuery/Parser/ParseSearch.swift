/// Search-expression rules: precedence NOT > AND > OR, juxtaposition is AND.

extension Parser {
    /// search = "search" search_or ;
    mutating func parseSearch(keyword: Token) -> StageKind? {
        if current.kind == .pipe || current.kind == .end || current.kind == .semicolon {
            error(.incompleteStage, "'search' needs something to look for", help: [Parser.usage("search")])
            return nil
        }
        searchTerms = 0
        guard let q = parseSearchOr() else { return nil }
        return .search(q)
    }

    /// search_or = search_and { "OR" search_and } ;
    mutating func parseSearchOr() -> SearchExpr? {
        guard enterNesting() else { return nil }
        defer { depth -= 1 }
        guard let first = parseSearchAnd() else { return nil }
        var items = [first]
        while check(.or) {
            _ = advance()
            guard let next = parseSearchAnd() else { return nil }
            items.append(next)
        }
        return items.count == 1 ? first : .or(items, range: first.range.lowerBound..<items.last!.range.upperBound)
    }

    /// search_and = search_not { [ "AND" ] search_not } ;
    mutating func parseSearchAnd() -> SearchExpr? {
        guard let first = parseSearchNot() else { return nil }
        var items = [first]
        while true {
            if check(.and) {
                _ = advance()
            } else if !startsSearchTerm(current) {
                break
            }
            guard let next = parseSearchNot() else { return nil }
            items.append(next)
        }
        return items.count == 1 ? first : .and(items, range: first.range.lowerBound..<items.last!.range.upperBound)
    }

    func startsSearchTerm(_ t: Token) -> Bool {
        switch t.kind {
        case .searchWord, .string, .lparen, .keyword(.not), .regex: return true
        default: return false
        }
    }

    /// search_not = "NOT" search_not | search_atom ;
    mutating func parseSearchNot() -> SearchExpr? {
        if check(.not) {
            let op = advance()
            guard enterNesting() else { return nil }
            defer { depth -= 1 }
            guard let inner = parseSearchNot() else { return nil }
            return .not(inner, range: op.range.lowerBound..<inner.range.upperBound)
        }
        return parseSearchAtom()
    }

    /// search_atom = WORD | "=" WORD | WORD "*" | WILDCARD | STRING | "=" STRING | REGEX
    ///             | "(" search_or ")" | near | NAME ":" search_atom ;
    mutating func parseSearchAtom() -> SearchExpr? {
        let t = current
        searchTerms += 1
        if searchTerms > Parser.maxSearchTerms {
            error(.tooComplex, "this search is too long (more than \(Parser.maxSearchTerms) words and groups)",
                  help: ["split it into several statements, or keep the rows with a let and search them again"])
            pos = tokens.count - 1
            return nil
        }
        switch t.kind {
        case .searchWord where t.text.lowercased() == "near" && peek().kind == .lparen:
            return parseNear()
        case .searchWord where peek().kind == .colon && peek().range.lowerBound == t.range.upperBound:
            _ = advance()
            _ = advance()
            guard enterNesting() else { return nil }
            defer { depth -= 1 }
            guard let inner = parseSearchAtom() else { return nil }
            return .scoped(field: Name(text: t.text, range: t.range), inner, range: t.range.lowerBound..<inner.range.upperBound)
        case .regex:
            _ = advance()
            if t.text.isEmpty {
                error(.badSearchSyntax, "an empty /regex/ matches every word", at: t.range, help: ["search /^secur/"])
                return nil
            }
            return .regex(t.text, range: t.range)
        case .searchWord:
            _ = advance()
            var word = t.text
            var exact = false
            if word.hasPrefix("=") {
                exact = true
                word.removeFirst()
                if word.isEmpty {
                    if current.kind == .string {
                        let s = advance()
                        return .phrase(s.text, exact: true, range: t.range.lowerBound..<s.range.upperBound)
                    }
                    error(.badSearchSyntax, "expected a word or \"phrase\" after '=' (exact case)", help: ["search =US finds \"US\" but not \"us\""])
                    return nil
                }
            }
            if word.hasSuffix("*") && !exact {
                let stem = String(word.dropLast())
                if stem.isEmpty || stem.contains("*") {
                    error(.badSearchSyntax, "a prefix needs letters before '*'", at: t.range, help: ["search secur*"])
                    return nil
                }
                return .prefix(stem, range: t.range)
            }
            if word.contains("*") || word.contains("?") {
                if exact {
                    error(.badSearchSyntax, "an exact-case word cannot have wildcards", at: t.range, help: ["search =US or search u?"])
                    return nil
                }
                if word.allSatisfy({ $0 == "*" || $0 == "?" }) {
                    error(.badSearchSyntax, "a wildcard needs at least one letter", at: t.range, help: ["search wom?n, search *stan"])
                    return nil
                }
                return .wildcard(word, range: t.range)
            }
            return .word(word, exact: exact, range: t.range)
        case .string:
            _ = advance()
            if t.text.trimmingSpaces.isEmpty {
                error(.badSearchSyntax, "an empty phrase matches nothing", at: t.range, help: ["search \"Taiwan Strait\""])
                return nil
            }
            return .phrase(t.text, exact: false, range: t.range)
        case .lparen:
            _ = advance()
            guard let inner = parseSearchOr() else { return nil }
            guard expect(.rparen, "')' to close the group") != nil else { return nil }
            return inner
        case .colon:
            error(.badSearchSyntax, "a field scope needs a field name before ':'", help: ["search title:(japan taiwan)"])
            return nil
        case .keyword(.and), .keyword(.or):
            error(.badSearchSyntax, "'\(t.text)' needs a word before it", help: ["search japan AND taiwan"])
            return nil
        case .end, .pipe:
            error(.badSearchSyntax, "expected a word to search for, found \(found)", help: [Parser.usage("search")])
            return nil
        default:
            error(.badSearchSyntax, "expected a word, a \"phrase\" or '(' in the search, found \(found)", help: [Parser.usage("search")])
            return nil
        }
    }

    /// near = "near" "(" search_atom "," search_atom { "," search_atom } [ "," INTEGER ] ")" ;
    mutating func parseNear() -> SearchExpr? {
        let start = advance().range.lowerBound
        _ = advance() // (
        var items: [SearchExpr] = []
        var distance = 10
        while true {
            if current.kind == .searchWord, current.text.allSatisfy(\.isNumber), peek().kind == .rparen, items.count >= 2 {
                let t = advance()
                guard let n = Int(t.text), n <= 1_000_000 else {
                    error(.badNumber, "the distance \(t.text) is too large", at: t.range, help: ["near(a, b, 10)"])
                    return nil
                }
                distance = n
                break
            }
            guard let item = parseSearchAtom() else { return nil }
            if case .near = item {
                error(.badSearchSyntax, "near cannot hold another near", at: item.range)
                return nil
            }
            items.append(item)
            if !match(.comma) { break }
        }
        guard let close = expect(.rparen, "')' to close near(...)") else { return nil }
        guard items.count >= 2 else {
            error(.badSearchSyntax, "near needs at least two words", at: start..<close.range.upperBound, help: ["near(japan, security, 5)"])
            return nil
        }
        return .near(items, distance: distance, range: start..<close.range.upperBound)
    }
}
