import NewsCore

#if canImport(Glibc)
import Glibc
#endif
import NewsStore
/// Evaluates bound expressions on rows.
///
/// Null rules: a comparison with null is false, except `== null` / `!= null`;
/// arithmetic with null gives null; in sorting, nulls come last.
extension ExecutionContext {
    func eval(_ e: BoundExpr, _ row: Row) throws -> Value {
        switch e {
        case let .column(ref, _, _): return value(ref, row)
        case let .literal(v): return v
        case let .list(items): return .list(try items.map { try eval($0, row) })
        case let .not(inner):
            if case let .bool(b) = try eval(inner, row) { return .bool(!b) }
            return .bool(false)
        case let .negate(inner):
            switch try eval(inner, row) {
            case let .int(i): return .int(-i)
            case let .double(d): return .double(-d)
            default: return .null
            }
        case let .and(l, r):
            guard try truth(eval(l, row)) else { return .bool(false) }
            return .bool(try truth(eval(r, row)))
        case let .or(l, r):
            if try truth(eval(l, row)) { return .bool(true) }
            return .bool(try truth(eval(r, row)))
        case let .compare(op, l, r):
            return .bool(ExecutionContext.compare(op, try eval(l, row), try eval(r, row)))
        case let .arithmetic(op, l, r):
            return ExecutionContext.arithmetic(op, try eval(l, row), try eval(r, row))
        case let .inList(l, r):
            let v = try eval(l, row)
            guard case let .list(items) = try eval(r, row) else { return .bool(false) }
            return .bool(items.contains { ExecutionContext.compare(.eq, v, $0) })
        case let .between(v, lo, hi):
            let x = try eval(v, row)
            let low = try eval(lo, row), high = try eval(hi, row)
            return .bool(ExecutionContext.compare(.ge, x, low) && ExecutionContext.compare(.le, x, high))
        case let .matches(v, re):
            guard case let .string(s) = try eval(v, row) else { return .bool(false) }
            return .bool(try RegexGuard.contains(s, re, watch: regexWatch))
        case let .call(f, args):
            return try call(f, try args.map { try eval($0, row) })
        case let .matchText(f, e, locator):
            guard case let .string(s) = try eval(e, row) else { return .null }
            if locator.indexHitsAreSpans, let spans = indexSpans(e, s, row) { return .string(f.apply(s, spans: spans, color: colorMatches)) }
            return .string(f.apply(s, locator, color: colorMatches))
        }
    }

    func truth(_ v: Value) -> Bool {
        if case let .bool(b) = v { return b }
        return false
    }

    func call(_ f: Function, _ args: [Value]) throws -> Value {
        switch f {
        case .year, .day:
            guard case let .date(d) = args[0] else { return .null }
            let c = d.components
            return .int(f == .year ? c.year : c.day)
        case .month:
            // the year stays with the month, so a timeline over years keeps them apart
            guard case let .date(d) = args[0] else { return .null }
            let c = d.components
            return .string("\(c.year)-" + (c.month < 10 ? "0" : "") + "\(c.month)")
        case .week:
            guard case let .date(d) = args[0] else { return .null }
            let w = d.isoWeek
            return .string("\(w.year)-W" + (w.week < 10 ? "0" : "") + "\(w.week)")
        case .lower:
            guard case let .string(s) = args[0] else { return .null }
            return .string(s.lowercased())
        case .upper:
            guard case let .string(s) = args[0] else { return .null }
            return .string(s.uppercased())
        case .len:
            switch args[0] {
            case let .string(s): return .int(s.count)
            case let .list(l): return .int(l.count)
            default: return .null
            }
        case .contains:
            guard case let .string(s) = args[0], case let .string(part) = args[1] else { return .bool(false) }
            return .bool(s.lowercased().contains(part.lowercased()))
        case .round:
            let digits: Int
            if args.count > 1, case let .int(d) = args[1] { digits = max(0, min(12, d)) } else { digits = 0 }
            let x: Double
            switch args[0] {
            case let .int(i): x = Double(i)
            case let .double(d): x = d
            default: return .null
            }
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            return .double((x * scale).rounded() / scale)
        }
    }

    static func compare(_ op: BinaryOp, _ a: Value, _ b: Value) -> Bool {
        if case .null = a { return op == .eq ? b == .null : op == .ne ? b != .null : false }
        if case .null = b { return op == .ne }
        guard let c = order(a, b) else { return op == .ne }
        switch op {
        case .eq: return c == 0
        case .ne: return c != 0
        case .lt: return c < 0
        case .le: return c <= 0
        case .gt: return c > 0
        case .ge: return c >= 0
        default: return false
        }
    }

    /// -1, 0, 1 for values of comparable types; nil otherwise. Nulls sort last.
    static func order(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return 1
        case (_, .null): return -1
        case let (.int(x), .int(y)): return x < y ? -1 : x > y ? 1 : 0
        case let (.int(x), .double(y)): return Double(x) < y ? -1 : Double(x) > y ? 1 : 0
        case let (.double(x), .int(y)): return x < Double(y) ? -1 : x > Double(y) ? 1 : 0
        case let (.double(x), .double(y)): return x < y ? -1 : x > y ? 1 : 0
        case let (.string(x), .string(y)): return x < y ? -1 : x > y ? 1 : 0
        case let (.date(x), .date(y)): return x < y ? -1 : x > y ? 1 : 0
        case let (.bool(x), .bool(y)): return x == y ? 0 : (!x ? -1 : 1)
        case let (.list(x), .list(y)):
            for (u, v) in zip(x, y) { if let c = order(u, v), c != 0 { return c } }
            return x.count < y.count ? -1 : x.count > y.count ? 1 : 0
        default: return nil
        }
    }

    static func arithmetic(_ op: BinaryOp, _ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        // dates count in days
        case let (.date(d), .int(n)): return .date(DateValue(days: op == .sub ? d.days - n : d.days + n))
        case let (.int(n), .date(d)): return .date(DateValue(days: d.days + n))
        case let (.date(x), .date(y)): return .int(x.days - y.days)
        case let (.int(x), .int(y)):
            let (r, overflow): (Int, Bool)
            switch op {
            case .add: (r, overflow) = x.addingReportingOverflow(y)
            case .sub: (r, overflow) = x.subtractingReportingOverflow(y)
            default: (r, overflow) = x.multipliedReportingOverflow(by: y)
            }
            return overflow ? .double(op == .add ? Double(x) + Double(y) : op == .sub ? Double(x) - Double(y) : Double(x) * Double(y)) : .int(r)
        default:
            func num(_ v: Value) -> Double? {
                if case let .int(i) = v { return Double(i) }
                if case let .double(d) = v { return d }
                return nil
            }
            guard let x = num(a), let y = num(b) else { return .null }
            switch op {
            case .add: return .double(x + y)
            case .sub: return .double(x - y)
            default: return .double(x * y)
            }
        }
    }
}

/// Regex matching over user text, with a cap on the text length searched; each
/// match is timed by the statement's `RegexWatch` (see `StatementRunner`), and
/// `RegexSafety` refuses the worst patterns before they run.
enum RegexGuard {
    static let maxBytes = 1 << 20

    static func contains(_ s: String, _ re: CompiledRegex, watch: RegexWatch? = nil) throws -> Bool {
        let text = s.utf8.count > maxBytes ? String(decoding: s.utf8.prefix(maxBytes), as: UTF8.self) : s
        watch?.begin(re.pattern)
        defer { watch?.end() }
        return (try? re.regex.firstMatch(in: text)) != nil
    }
}

extension ExecutionContext {
    /// The search's matches in `s` from the index, when `s` is the row's own
    /// text (an article's body, a paragraph's or sentence's text) and the row
    /// carries the index's hits: no need to tokenize the text again. Nil when
    /// that does not hold; the text is then searched by the MatchLocator.
    func indexSpans(_ e: BoundExpr, _ s: String, _ row: Row) -> [Range<Int>]? {
        guard !row.hits.isEmpty, row.unit >= 0, case let .column(.field(source, name), _, _) = e else { return nil }
        let article: Int, base: Int
        switch (source, name) {
        case (.articles, "body"):
            article = row.unit
            base = corpus.articles[row.unit].bodyRange.lowerBound
        case (.paragraphs, "text"):
            article = corpus.paragraphs[row.unit].article
            base = corpus.paragraphs[row.unit].range.lowerBound
        case (.sentences, "text"):
            article = corpus.sentences[row.unit].article
            base = corpus.sentences[row.unit].range.lowerBound
        default:
            return nil
        }
        // The value must be the article's bytes at `base`, or the offsets would not fit.
        let text = corpus.articles[article].text.utf8
        let n = s.utf8.count
        guard base >= 0, base + n <= text.count else { return nil }
        let same = s.utf8.withContiguousStorageIfAvailable { sb in
            text.withContiguousStorageIfAvailable { tb in memcmp(sb.baseAddress!, tb.baseAddress! + base, n) == 0 }
        }
        guard same == .some(.some(true)) || (same == nil && s.utf8.elementsEqual(text.dropFirst(base).prefix(n))) else { return nil }
        var spans: [Range<Int>] = []
        for h in row.hits.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let lo = h.lowerBound - base, hi = h.upperBound - base
            if lo >= 0, hi <= n { spans.append(lo..<hi) }
        }
        return spans.isEmpty ? nil : spans
    }
}
