import NewsCore

/// Expression rules, one function per precedence level:
/// or < and < not < comparison < additive < multiplicative < unary < postfix < primary.
extension Parser {
    /// expr = or_expr ;
    mutating func parseExpr() -> Expr? {
        guard enterNesting() else { return nil }
        defer { depth -= 1 }
        return parseOr()
    }

    /// or_expr = and_expr { "or" and_expr } ;
    mutating func parseOr() -> Expr? {
        guard var lhs = parseAnd() else { return nil }
        // Each operator adds a level to the (left-deep) tree: count it like a bracket.
        let outer = depth
        defer { depth = outer }
        while check(.or) {
            let op = advance()
            guard enterNesting() else { return nil }
            guard let rhs = parseAnd() else { return nil }
            lhs = .binary(.or, lhs, rhs, range: lhs.range.lowerBound..<rhs.range.upperBound, opRange: op.range)
        }
        return lhs
    }

    /// and_expr = not_expr { "and" not_expr } ;
    mutating func parseAnd() -> Expr? {
        guard var lhs = parseNot() else { return nil }
        // Each operator adds a level to the (left-deep) tree: count it like a bracket.
        let outer = depth
        defer { depth = outer }
        while check(.and) {
            let op = advance()
            guard enterNesting() else { return nil }
            guard let rhs = parseNot() else { return nil }
            lhs = .binary(.and, lhs, rhs, range: lhs.range.lowerBound..<rhs.range.upperBound, opRange: op.range)
        }
        return lhs
    }

    /// not_expr = "not" not_expr | comparison ;
    mutating func parseNot() -> Expr? {
        if check(.not) {
            let op = advance()
            guard enterNesting() else { return nil }
            defer { depth -= 1 }
            guard let e = parseNot() else { return nil }
            return .unary(.not, e, range: op.range.lowerBound..<e.range.upperBound)
        }
        return parseComparison()
    }

    /// comparison = additive [ ( "==" | "!=" | "<" | "<=" | ">" | ">=" ) additive
    ///            | [ "not" ] "in" list | "between" additive "and" additive | "matches" REGEX ] ;
    mutating func parseComparison() -> Expr? {
        guard let lhs = parseAdditive() else { return nil }
        let ops: [TokenKind: BinaryOp] = [.equal: .eq, .notEqual: .ne, .less: .lt, .lessEqual: .le, .greater: .gt, .greaterEqual: .ge]
        if let op = ops[current.kind] {
            let opToken = advance()
            guard let rhs = parseAdditive() else { return nil }
            return .binary(op, lhs, rhs, range: lhs.range.lowerBound..<rhs.range.upperBound, opRange: opToken.range)
        }
        if check(.assign) {
            error(.badExpression, "use '==' to compare; '=' names a field in select", help: ["where source == \"Newsweek\""])
            _ = advance()
            guard let rhs = parseAdditive() else { return nil }
            return .binary(.eq, lhs, rhs, range: lhs.range.lowerBound..<rhs.range.upperBound, opRange: previous.range)
        }
        if check(.not) && peek().kind == .keyword(.in) {
            let notToken = advance()
            let opToken = advance()
            guard let rhs = parseAdditive() else { return nil }
            let inner = Expr.binary(.in, lhs, rhs, range: lhs.range.lowerBound..<rhs.range.upperBound, opRange: opToken.range)
            return .unary(.not, inner, range: notToken.range.lowerBound..<rhs.range.upperBound)
        }
        if check(.in) {
            let opToken = advance()
            guard let rhs = parseAdditive() else { return nil }
            return .binary(.in, lhs, rhs, range: lhs.range.lowerBound..<rhs.range.upperBound, opRange: opToken.range)
        }
        if check(.matches) {
            let opToken = advance()
            guard current.kind == .regex || current.kind == .string else {
                error(.badExpression, "expected a /regex/ after 'matches', found \(found)", help: ["where title matches /^Japan/"])
                return nil
            }
            let t = advance()
            let rhs = Expr.literal(.regex(t.text), range: t.range)
            return .binary(.matches, lhs, rhs, range: lhs.range.lowerBound..<t.range.upperBound, opRange: opToken.range)
        }
        if check(.between) {
            _ = advance()
            guard let lo = parseAdditive() else { return nil }
            guard match(.and) else {
                error(.badExpression, "expected 'and' in 'between ... and ...', found \(found)", help: ["where date between @2021-08-20 and @2021-08-31"])
                return nil
            }
            guard let hi = parseAdditive() else { return nil }
            return .between(lhs, lo, hi, range: lhs.range.lowerBound..<hi.range.upperBound)
        }
        return lhs
    }

    /// additive = multiplicative { ( "+" | "-" ) multiplicative } ;
    mutating func parseAdditive() -> Expr? {
        guard var lhs = parseMultiplicative() else { return nil }
        // Each operator adds a level to the (left-deep) tree: count it like a bracket.
        let outer = depth
        defer { depth = outer }
        while check(.plus) || check(.minus) {
            let opToken = advance()
            guard enterNesting() else { return nil }
            guard let rhs = parseMultiplicative() else { return nil }
            lhs = .binary(opToken.kind == .plus ? .add : .sub, lhs, rhs, range: lhs.range.lowerBound..<rhs.range.upperBound, opRange: opToken.range)
        }
        return lhs
    }

    /// multiplicative = unary { "*" unary } ;
    mutating func parseMultiplicative() -> Expr? {
        guard var lhs = parseUnary() else { return nil }
        // Each operator adds a level to the (left-deep) tree: count it like a bracket.
        let outer = depth
        defer { depth = outer }
        while check(.star) {
            let opToken = advance()
            guard enterNesting() else { return nil }
            guard let rhs = parseUnary() else { return nil }
            lhs = .binary(.mul, lhs, rhs, range: lhs.range.lowerBound..<rhs.range.upperBound, opRange: opToken.range)
        }
        return lhs
    }

    /// unary = "-" unary | primary ;
    mutating func parseUnary() -> Expr? {
        if check(.minus) {
            let op = advance()
            guard enterNesting() else { return nil }
            defer { depth -= 1 }
            guard let e = parseUnary() else { return nil }
            return .unary(.negate, e, range: op.range.lowerBound..<e.range.upperBound)
        }
        return parsePrimary()
    }

    /// primary = literal | list | "(" expr ")" | NAME "(" [ expr { "," expr } ] ")" | NAME { "." NAME } ;
    mutating func parsePrimary() -> Expr? {
        let t = current
        switch t.kind {
        case .integer:
            _ = advance()
            guard let v = Int(t.text) else {
                error(.badNumber, "\(t.text) is too large", at: t.range, help: ["the largest whole number is \(Int.max)"])
                return .error(range: t.range)
            }
            return .literal(.int(v), range: t.range)
        case .number:
            _ = advance()
            return .literal(.number(Double(t.text) ?? 0), range: t.range)
        case .string:
            _ = advance()
            return .literal(.string(t.text), range: t.range)
        case .date:
            _ = advance()
            if let d = DateValue(iso: t.text) { return .literal(.date(d), range: t.range) }
            let (first, last) = DateValue.period(t.text)!
            return .literal(.period(first, last), range: t.range)
        case .regex:
            _ = advance()
            return .literal(.regex(t.text), range: t.range)
        case .keyword(.true), .keyword(.false):
            _ = advance()
            return .literal(.bool(t.kind == .keyword(.true)), range: t.range)
        case .keyword(.null):
            _ = advance()
            return .literal(.null, range: t.range)
        case .keyword(.count) where peek().kind == .lparen:
            // `count()` inside expressions is reserved for summarize; read it as a call.
            return parseNameExpr()
        case .lbracket:
            _ = advance()
            var items: [Expr] = []
            if !check(.rbracket) {
                repeat {
                    guard let e = parseExpr() else { return nil }
                    items.append(e)
                } while match(.comma)
            }
            guard let close = expect(.rbracket, "']' to close the list") else { return nil }
            return .list(items, range: t.range.lowerBound..<close.range.upperBound)
        case .lparen:
            _ = advance()
            guard let e = parseExpr() else { return nil }
            guard expect(.rparen, "')'") != nil else { return nil }
            return e
        case .identifier:
            return parseNameExpr()
        case .invalid:
            _ = advance()
            return .error(range: t.range)
        case let .keyword(k):
            error(.badExpression, "'\(k.rawValue)' is a reserved word, not a value", help: ["expected a field, a number, a \"string\" or a date like @2021-08-27"])
            return nil
        case .end, .pipe:
            error(.badExpression, "expected a value, found \(found)", help: ["a field, a number, a \"string\" or a date like @2021-08-27"])
            return nil
        default:
            error(.badExpression, "expected a value, found \(found)", help: ["a field, a number, a \"string\" or a date like @2021-08-27"])
            return nil
        }
    }

    /// A field path (`article.source`) or a function call (`year(date)`).
    mutating func parseNameExpr() -> Expr? {
        let first = advance()
        if check(.lparen) {
            _ = advance()
            var args: [Expr] = []
            if !check(.rparen) {
                repeat {
                    guard let e = parseExpr() else { return nil }
                    args.append(e)
                } while match(.comma)
            }
            guard let close = expect(.rparen, "')' to close the call") else { return nil }
            return .call(Name(text: first.text, range: first.range), args, range: first.range.lowerBound..<close.range.upperBound)
        }
        var path = [Name(text: first.text, range: first.range)]
        while check(.dot) {
            _ = advance()
            guard current.kind == .identifier || isKeywordName(current) else {
                error(.badExpression, "expected a field name after '.', found \(found)")
                return nil
            }
            let t = advance()
            path.append(Name(text: t.text, range: t.range))
        }
        return .field(path: path, range: first.range.lowerBound..<path.last!.range.upperBound)
    }

    /// Keywords that may still be field names after a dot (`article.count` is not, but `x.by` could be).
    func isKeywordName(_ t: Token) -> Bool {
        if case .keyword = t.kind { return true }
        return false
    }
}
