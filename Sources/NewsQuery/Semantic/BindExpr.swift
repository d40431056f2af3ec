import NewsCore
import NewsStore

/// Binding of expressions and search queries.
extension Binder {
    mutating func bindExpr(_ e: Expr, _ schema: RowSchema) -> BoundExpr? {
        switch e {
        case let .field(path, range):
            return resolveField(path, range: range, schema)
        case let .literal(lit, range):
            switch lit {
            case let .int(i): return .literal(.int(i))
            case let .number(d): return .literal(.double(d))
            case let .string(s): return .literal(.string(s))
            case let .date(d): return .literal(.date(d))
            case let .bool(b): return .literal(.bool(b))
            case .null: return .literal(.null)
            case .regex:
                error(.badRegex, "a /regex/ goes after 'matches'", range, help: ["where title matches /^Japan/"])
                return nil
            case .period:
                error(.typeMismatch, "a month or a year compares with a date", range,
                      help: ["where date == @2021-08 (any day of August 2021)", "where date between @2021-06 and @2021-08"])
                return nil
            }
        case let .list(items, _):
            var bound: [BoundExpr] = []
            for item in items {
                guard let b = bindExpr(item, schema) else { return nil }
                bound.append(b)
            }
            return .list(bound)
        case let .unary(op, inner, range):
            guard let b = bindExpr(inner, schema) else { return nil }
            switch op {
            case .not:
                guard b.type == .bool || b.type == .any else {
                    error(.typeMismatch, "'not' needs true/false, but \(text(inner.range)) is \(describe(b.type))", range)
                    return nil
                }
                return .not(b)
            case .negate:
                guard b.type.isNumeric || b.type == .any else {
                    error(.typeMismatch, "'-' needs a number, but \(text(inner.range)) is \(describe(b.type))", range)
                    return nil
                }
                return .negate(b)
            }
        case let .binary(op, l, r, _, opRange):
            guard let lb = bindExpr(l, schema) else { _ = bindExpr(r, schema); return nil }
            if op == .matches, case let .literal(.regex(pattern), rRange) = r {
                guard lb.type == .text || lb.type == .any else {
                    error(.typeMismatch, "'matches' needs text on its left, but \(text(l.range)) is \(describe(lb.type))", l.range)
                    return nil
                }
                do {
                    return .matches(lb, try CompiledRegex(pattern: pattern))
                } catch let refused as RegexRefused {
                    self.error(.badRegex, "this regex is refused: \(refused.reason)", rRange,
                               help: ["write the repetition once, e.g. /(\\w+ )+/ as /[\\w ]+/"])
                    return nil
                } catch {
                    self.error(.badRegex, "this regex does not compile: \(error)", rRange)
                    return nil
                }
            }
            // a month or a year on the right: its days ("date == @2021-08" is any day of that month)
            if case let .literal(.period(first, last), pr) = r {
                let a = Expr.literal(.date(first), range: pr), b = Expr.literal(.date(last), range: pr)
                switch op {
                case .eq: return bindExpr(.between(l, a, b, range: e.range), schema)
                case .ne: return bindExpr(.unary(.not, .between(l, a, b, range: e.range), range: e.range), schema)
                case .lt, .ge: return bindBinary(op, lb, .literal(.date(first)), l: l, r: a, opRange: opRange)
                case .le, .gt: return bindBinary(op, lb, .literal(.date(last)), l: l, r: b, opRange: opRange)
                default: break
                }
            }
            guard let rb = bindExpr(r, schema) else { return nil }
            return bindBinary(op, lb, rb, l: l, r: r, opRange: opRange)
        case let .between(v, lo0, hi0, _):
            // a month or a year at either end: from its first day, to its last
            var lo = lo0, hi = hi0
            if case let .literal(.period(first, _), r) = lo0 { lo = .literal(.date(first), range: r) }
            if case let .literal(.period(_, last), r) = hi0 { hi = .literal(.date(last), range: r) }
            guard let vb = bindExpr(v, schema), let lob = bindExpr(lo, schema), let hib = bindExpr(hi, schema) else { return nil }
            guard comparable(vb.type, lob.type), comparable(vb.type, hib.type) else {
                error(.typeMismatch, "cannot compare \(describe(vb.type)) with \(describe(lob.type)) in 'between'", e.range,
                      help: dateHint(vb.type, [lob, hib]))
                return nil
            }
            return .between(vb, lob, hib)
        case let .call(name, args, range):
            if let m = MatchFunction(rawValue: name.text) { return bindMatchFunction(m, args, range, schema) }
            guard let f = Function(rawValue: name.text) else {
                var help: [String] = []
                if let g = Suggest.closest(to: name.text, among: Function.allCases.map(\.rawValue)) { help.append("did you mean '\(g)'?") }
                help.append("functions: " + Function.allCases.map(\.signature).joined(separator: "; "))
                error(.unknownFunction, "unknown function '\(name.text)'", name.range, help: help)
                return nil
            }
            guard f.arity.contains(args.count) else {
                error(.wrongArguments, "\(f.rawValue) takes \(f.arity.lowerBound == f.arity.upperBound ? "\(f.arity.lowerBound)" : "\(f.arity.lowerBound) or \(f.arity.upperBound)") argument\(f.arity.upperBound == 1 ? "" : "s"), not \(args.count)",
                      range, help: [f.signature])
                return nil
            }
            var bound: [BoundExpr] = []
            for a in args {
                guard let b = bindExpr(a, schema) else { return nil }
                bound.append(b)
            }
            if let allowed = f.firstArgument, let first = bound.first, first.type != .any, first.type != .null,
               !allowed.contains(first.type) {
                error(.typeMismatch, "\(f.rawValue) needs \(allowed.map(describe).joined(separator: " or ")), but \(text(args[0].range)) is \(describe(first.type))",
                      args[0].range, help: [f.signature])
                return nil
            }
            if f == .contains, bound.count == 2, bound[1].type != .text, bound[1].type != .any {
                error(.wrongArguments, "contains needs text to look for", args[1].range, help: [f.signature])
                return nil
            }
            return .call(f, bound)
        case let .error(range):
            // The lexer or parser already reported this spot.
            _ = range
            return nil
        }
    }

    mutating func bindBinary(_ op: BinaryOp, _ lb: BoundExpr, _ rb: BoundExpr, l: Expr, r: Expr, opRange: Range<Int>) -> BoundExpr? {
        let whole = l.range.lowerBound..<r.range.upperBound
        switch op {
        case .and, .or:
            for (b, e) in [(lb, l), (rb, r)] where b.type != .bool && b.type != .any {
                error(.typeMismatch, "'\(op.rawValue)' joins conditions, but \(text(e.range)) is \(describe(b.type))", e.range,
                      help: ["write a comparison, e.g. \(text(e.range)) == ..."])
                return nil
            }
            return op == .and ? .and(lb, rb) : .or(lb, rb)
        case .eq, .ne, .lt, .le, .gt, .ge:
            guard comparable(lb.type, rb.type) else {
                error(.typeMismatch, "cannot compare \(describe(lb.type)) with \(describe(rb.type))", whole,
                      help: dateHint(lb.type, [rb]) + dateHint(rb.type, [lb]))
                return nil
            }
            if op == .eq || op == .ne { checkClosedValues(lb, [rb], r.range) }
            return .compare(op, lb, rb)
        case .in:
            guard case let .list(items) = rb else {
                error(.typeMismatch, "'in' needs a list in brackets", r.range, help: ["where source in [\"Newsweek\", \"Financial Times\"]"])
                return nil
            }
            for item in items where !comparable(lb.type, item.type) {
                error(.typeMismatch, "cannot compare \(describe(lb.type)) with \(describe(item.type)) in the list", r.range,
                      help: dateHint(lb.type, [item]))
                return nil
            }
            checkClosedValues(lb, items, r.range)
            return .inList(lb, rb)
        case .matches:
            error(.badRegex, "expected a /regex/ after 'matches'", r.range, help: ["where title matches /^Japan/"])
            return nil
        case .add, .sub, .mul:
            // dates count in days: date - 7, date + 1, date - other_date
            let dateArithmetic = (lb.type == .date && rb.type == .int && op != .mul)
                || (lb.type == .int && rb.type == .date && op == .add) || (lb.type == .date && rb.type == .date && op == .sub)
            if dateArithmetic { return .arithmetic(op, lb, rb) }
            guard (lb.type.isNumeric || lb.type == .any), (rb.type.isNumeric || rb.type == .any) else {
                error(.typeMismatch, "'\(op.rawValue)' needs numbers, but this is \(describe(lb.type)) \(op.rawValue) \(describe(rb.type))", whole)
                return nil
            }
            return .arithmetic(op, lb, rb)
        }
    }

    func comparable(_ a: ValueType, _ b: ValueType) -> Bool {
        if a == b || a == .any || b == .any || a == .null || b == .null { return true }
        return a.isNumeric && b.isNumeric
    }

    func dateHint(_ t: ValueType, _ others: [BoundExpr]) -> [String] {
        guard t == .date else { return [] }
        for o in others {
            if case let .literal(.string(s)) = o {
                return DateValue(iso: s) != nil ? ["write the date as @\(s)"] : ["dates are written @YYYY-MM-DD, e.g. @2021-08-27"]
            }
        }
        return ["dates are written @YYYY-MM-DD, e.g. @2021-08-27"]
    }

    /// Resolves `name` or `article.name` against the rows flowing in.
    mutating func resolveField(_ path: [Name], range: Range<Int>, _ schema: RowSchema) -> BoundExpr? {
        let full = path.map(\.text).joined(separator: ".")
        // Columns a select or count named come first.
        if !schema.unitRows, let c = (schema.columns + schema.hidden).first(where: { $0.name == full }) {
            return .column(c.ref, c.type, name: full)
        }
        if schema.unitRows, let src = schema.source {
            if path.count == 1 {
                let name = path[0].text
                if let f = src.field(name) { return .column(.field(src, name), f.type, name: name) }
                if name == "score" && schema.searched { return .column(.score, .number, name: name) }
                if src.hasArticle, let f = SourceKind.articles.field(name), name != "body" {
                    // `source`, `date`, `title` on a paragraph mean its article's.
                    return .column(.parent(src, name), f.type, name: "article." + name)
                }
            } else if path.count == 2 && path[0].text == "article" {
                if src == .articles {
                    error(.unknownField, "these rows are articles already; write '\(path[1].text)'", range)
                    return nil
                }
                if !src.hasArticle {
                    error(.unknownField, "\(src.rawValue) rows span several articles; they have no 'article.' fields", range,
                          help: ["fields here: " + schema.availableNames.joined(separator: ", ")])
                    return nil
                }
                if let f = SourceKind.articles.field(path[1].text) {
                    return .column(.parent(src, f.name), f.type, name: full)
                }
                var help: [String] = []
                let names = SourceKind.articles.fields.map(\.name)
                if let g = Suggest.closest(to: path[1].text, among: names) { help.append("did you mean 'article.\(g)'?") }
                help.append("article fields: " + names.joined(separator: ", "))
                error(.unknownField, "articles have no field '\(path[1].text)'", path[1].range, help: help)
                return nil
            }
        }
        if let c = schema.hidden.first(where: { $0.name == full }) { return .column(c.ref, c.type, name: full) }
        let available = schema.availableNames
        var help: [String] = []
        if full == "score" && !schema.searched {
            help.append("'score' exists after a search stage, e.g. articles | search china | sort by score desc")
        } else if let g = Suggest.closest(to: full, among: available) {
            help.append("did you mean '\(g)'?")
        }
        help.append("fields here: " + available.joined(separator: ", "))
        let what = path.count == 1 && Keyword(rawValue: full) != nil && Parser.stageNames.contains(full) ? "'\(full)' is a stage; stages come after '|'" : "unknown field '\(full)'"
        error(.unknownField, what, range, help: help)
        return nil
    }

    /// A search /regex/ as every search form reads it: POSIX extended (the
    /// index, kwic, snippets and highlights use the one compiled form, made
    /// here and kept in `regexes` for the bound query).
    mutating func checkRegex(_ r: String, _ range: Range<Int>) -> Bool {
        if regexes[r] != nil { return true }
        // Perl classes other dialects know are not POSIX
        if let perl = ["\\d", "\\D", "\\p{"].first(where: { r.contains($0) }) {
            self.error(.badRegex, "'\(perl)' is not part of POSIX extended regexes, which search uses", range,
                       help: ["for digits write [0-9] (or [[:digit:]]); for letters [[:alpha:]]: search /^[0-9]+$/"])
            return false
        }
        do { regexes[r] = try TermRegex(r) } catch {
            self.error(.badRegex, "\(error)", range, help: ["a search /regex/ is POSIX extended, matched against each word (lowercase, accents removed): search /^secur(e|ity)$/"])
            return false
        }
        return true
    }

    /// Binds a search expression: the store's `SearchQuery` (its regexes the
    /// ones `checkRegex` compiled), or nil with an error at the spot.
    public mutating func bindQuery(_ q: SearchExpr) -> SearchQuery? {
        guard let tq = bindSearch(q) else { return nil }
        do {
            return try SearchQuery(tq, written: q.written, words: Self.words(q), regexes: regexes)
        } catch {
            self.error(.badSearchTerm, "\(error)", q.range)
            return nil
        }
    }

    /// The plain words of a search (not under NOT), with where they are written.
    static func words(_ q: SearchExpr) -> [SearchQuery.WrittenWord] {
        switch q {
        case let .word(w, exact, range): return [SearchQuery.WrittenWord(text: w, exact: exact, range: range)]   // (the range holds the = of an exact word)
        case let .and(items, _), let .or(items, _), let .near(items, _, _): return items.flatMap(words)
        case let .scoped(_, inner, _): return words(inner)
        default: return []
        }
    }

    /// Turns a search expression into a `TextQuery`, checking it can match something.
    mutating func bindSearch(_ q: SearchExpr) -> TextQuery? {
        switch q {
        case let .word(w, exact, range):
            let tokens = Tokenizer.tokens(Substring(w), base: 0)
            if tokens.isEmpty {
                error(.badSearchTerm, "'\(w)' has no letters or digits to search for", range)
                return nil
            }
            if tokens.count > 1 { return .phrase(tokens.map { exact ? String(w.utf8Slice($0.range)) : $0.folded }, exact: exact) }
            return .term(exact ? String(w.utf8Slice(tokens[0].range)) : tokens[0].folded, exact: exact)
        case let .phrase(p, exact, range):
            let tokens = Tokenizer.tokens(Substring(p), base: 0)
            if tokens.isEmpty {
                error(.badSearchTerm, "the phrase has no words to search for", range)
                return nil
            }
            let words = tokens.map { exact ? String(p.utf8Slice($0.range)) : $0.folded }
            return words.count == 1 ? .term(words[0], exact: exact) : .phrase(words, exact: exact)
        case let .prefix(p, range):
            let tokens = Tokenizer.tokens(Substring(p), base: 0)
            guard !tokens.isEmpty else {
                error(.badSearchTerm, "a prefix needs letters before '*'", range, help: ["search secur*"])
                return nil
            }
            // "Chih-ch*" is a phrase whose last word is a prefix (FTS5's "chih ch"*).
            return .prefix(tokens.map(\.folded).joined(separator: " "))
        case let .and(items, _):
            var out: [TextQuery] = []
            for i in items { guard let b = bindSearch(i) else { return nil }; out.append(b) }
            return .and(out)
        case let .or(items, _):
            var out: [TextQuery] = []
            for i in items { guard let b = bindSearch(i) else { return nil }; out.append(b) }
            return .or(out)
        case let .not(inner, _):
            guard let b = bindSearch(inner) else { return nil }
            return .not(b)
        case let .wildcard(w, range):
            let letters = w.unicodeScalars.contains { $0 != "?" && $0 != "*" && Tokenizer.classify($0.value) != Tokenizer.separator }
            guard letters else {
                error(.badSearchTerm, "a wildcard needs at least one letter", range, help: ["search wom?n, search *stan"])
                return nil
            }
            return .wildcard(w)
        case let .regex(r, range):
            guard checkRegex(r, range) else { return nil }
            return .regex(r)
        case let .near(items, distance, _):
            var out: [TextQuery] = []
            for item in items {
                guard let b = bindSearch(item) else { return nil }
                switch b {
                case .term, .phrase, .prefix, .wildcard, .regex: out.append(b)
                default:
                    error(.badSearchTerm, "near(...) takes words, \"phrases\", prefix*, wildcards or /regex/, not a group", item.range,
                          help: ["near(japan, \"security talks\", 5)"])
                    return nil
                }
            }
            return .near(out, distance: distance)
        case let .scoped(field, inner, _):
            let fields = ["title", "headline", "body", "text"]
            guard fields.contains(field.text.lowercased()) else {
                var help: [String] = []
                if let g = Suggest.closest(to: field.text, among: fields) { help.append("did you mean '\(g):'?") }
                help.append("a search can be scoped to title:(...) or body:(...)")
                error(.badSearchTerm, "a search cannot be scoped to '\(field.text)'", field.range, help: help)
                return nil
            }
            guard let b = bindSearch(inner) else { return nil }
            switch field.text.lowercased() {
            case "title", "headline": return .field("title", b)
            case "body": return .field("body", b)
            default: return b
            }
        case .error:
            return nil
        }
    }
}

extension Binder {
    /// Fields whose values come from a fixed set: comparing them with a value
    /// outside it can never hold, so it is an error that lists the set.
    package static let closedValues: [String: [String]] = [
        "paragraphs.kind": ParagraphKind.allCases.map(\.rawValue),
        "sentences.kind": ParagraphKind.allCases.map(\.rawValue),
        "entities.kind": ["person", "org", "place"],
        "mentions.kind": ["person", "org", "place"],
    ]

    mutating func checkClosedValues(_ field: BoundExpr, _ values: [BoundExpr], _ range: Range<Int>) {
        guard case let .column(.field(source, name), _, _) = field,
              let allowed = Self.closedValues["\(source.rawValue).\(name)"] else { return }
        for v in values {
            guard case let .literal(.string(s)) = v, !allowed.contains(s) else { continue }
            var help: [String] = []
            if let close = Suggest.closest(to: s, among: allowed) { help.append("did you mean \"\(close)\"?") }
            help.append("\(name) is one of: \(allowed.joined(separator: ", "))")
            let one = source.rawValue.hasSuffix("ies") ? source.rawValue.dropLast(3) + "y" : source.rawValue.dropLast()
            error(.unknownValue, "no \(one) has \(name) \"\(s)\"", range, help: help)
            return
        }
    }
}

extension SearchExpr {
    /// The query in the search syntax, as written (notes, explain labels, `show article`).
    var written: String {
        switch self {
        case let .word(w, exact, _): return (exact ? "=" : "") + w
        case let .phrase(p, exact, _): return (exact ? "=" : "") + "\"\(p)\""
        case let .prefix(p, _): return p + "*"
        case let .wildcard(p, _): return p
        case let .regex(p, _): return "/\(p)/"
        case let .and(items, _): return items.map(\.written).joined(separator: " AND ")
        case let .or(items, _): return "(" + items.map(\.written).joined(separator: " OR ") + ")"
        case let .not(inner, _): return "NOT " + inner.written
        case let .near(items, n, _): return "near(" + items.map(\.written).joined(separator: ", ") + ", \(n))"
        case let .scoped(f, inner, _): return f.text + ":(" + inner.written + ")"
        case .error: return "?"
        }
    }
}
