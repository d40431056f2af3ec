import NewsStore

/// Finds where a search query matches inside a text: the byte ranges of the
/// matched words and phrases, found by tokenizing the text with the Store's
/// Tokenizer. kwic, collocates, distribution, `snippet` and `highlight` use it.
///
/// Design rules:
/// - Works on text positions only (never on the index), so every search form
///   of the syntax is located: words, =Exact words, phrases, prefix*,
///   wildcards, /regex/ over words, near(...), field scopes (title:, body:).
/// - A unit that the query does not match gives no spans; NOT parts decide
///   whether it matches but contribute no spans themselves.
/// - A span is one word, one whole phrase, or one near() member.
public final class MatchLocator {
    /// One located match: bytes in the text and the token indexes it covers.
    public struct Span: Equatable, Sendable {
        public var bytes: Range<Int>
        public var tokens: ClosedRange<Int>
    }

    let query: SearchExpr
    /// The query's /regex/ patterns, compiled once, in the index's dialect
    /// (POSIX extended, case-insensitive, anywhere in the folded word).
    let regexes: [String: TermRegex]

    public init(_ query: SearchExpr) {
        self.query = query
        var res: [String: TermRegex] = [:]
        func collect(_ q: SearchExpr) {
            switch q {
            case let .regex(p, _): if res[p] == nil { res[p] = try? TermRegex(p) }
            case let .and(items, _), let .or(items, _), let .near(items, _, _): items.forEach(collect)
            case let .not(inner, _), let .scoped(_, inner, _): collect(inner)
            default: break
            }
        }
        collect(query)
        regexes = res
    }

    /// The query as written, for explain and messages.
    public var description: String { MatchLocator.render(query) }

    /// Spans in a unit's text; `text` is the article text the token ranges point into,
    /// `fields` the byte ranges of named fields for scopes (e.g. "title", "body").
    public func spans(tokens: [WordToken], text: String, fields: [String: Range<Int>] = [:]) -> [Span] {
        let ctx = Context(tokens: tokens, text: text, fields: fields)
        guard let found = eval(query, ctx, scope: nil) else { return [] }
        var seen = Set<Int>()
        var out: [Span] = []
        for s in found.sorted(by: { ($0.tokens.lowerBound, $0.tokens.upperBound) < ($1.tokens.lowerBound, $1.tokens.upperBound) })
        where seen.insert(s.tokens.lowerBound << 20 | (s.tokens.upperBound - s.tokens.lowerBound)).inserted {
            out.append(MatchLocator.withAbbreviationDot(s, text))
        }
        return out
    }

    /// A match ending inside a dotted abbreviation takes its final dot ("U.S" → "U.S."),
    /// so kwic, snippets and highlights show the word whole.
    static func withAbbreviationDot(_ s: Span, _ text: String) -> Span {
        let end = s.bytes.upperBound
        let u = text.utf8
        guard end >= 2, end < u.count else { return s }
        func byte(_ i: Int) -> UInt8 { u[u.index(u.startIndex, offsetBy: i)] }
        guard byte(end) == 0x2E, byte(end - 2) == 0x2E, (byte(end - 1) | 0x20) >= 0x61, (byte(end - 1) | 0x20) <= 0x7A else { return s }
        var t = s
        t.bytes = s.bytes.lowerBound..<(end + 1)
        return t
    }

    /// Spans in a plain string (offsets from its start).
    public func spans(in text: String) -> [Span] {
        spans(tokens: Tokenizer.tokens(text), text: text)
    }

    // MARK: - evaluation

    struct Context {
        var tokens: [WordToken]
        /// The text the token ranges point into (read only for exact case and regexes).
        var text: String
        var fields: [String: Range<Int>]
        func surface(_ i: Int) -> String { String(text.utf8Slice(tokens[i].range)) }
    }

    /// nil when the unit does not match; else the spans (possibly none, for NOT).
    func eval(_ q: SearchExpr, _ c: Context, scope: Range<Int>?) -> [Span]? {
        switch q {
        case let .word(w, exact, _):
            let parts = Tokenizer.tokens(w)
            let words = parts.map { exact ? String(w.utf8Slice($0.range)) : $0.folded }
            return sequence(words.map { word in { i in exact ? c.surface(i) == word : c.tokens[i].folded == word } }, c, scope)
        case let .phrase(p, exact, _):
            let parts = Tokenizer.tokens(p)
            let words = parts.map { exact ? String(p.utf8Slice($0.range)) : $0.folded }
            return sequence(words.map { word in { i in exact ? c.surface(i) == word : c.tokens[i].folded == word } }, c, scope)
        case let .prefix(p, _):
            let f = Tokenizer.tokens(p).first?.folded ?? Tokenizer.fold(p)
            return sequence([{ i in c.tokens[i].folded.hasPrefix(f) }], c, scope)
        // wildcards and regexes test each folded word exactly as the index does
        case let .wildcard(pattern, _):
            let pat = Array(Tokenizer.fold(pattern).lowercased().utf8)
            return sequence([{ i in Array(c.tokens[i].folded.utf8).withUnsafeBufferPointer { TextIndex.glob(pat, $0) } }], c, scope)
        case let .regex(pattern, _):
            guard let re = regexes[pattern] else { return nil }
            return sequence([{ i in c.tokens[i].folded.withCString { re.matches($0) } }], c, scope)
        case let .and(items, _):
            var all: [Span] = []
            for item in items {
                guard let s = eval(item, c, scope: scope) else { return nil }
                all += s
            }
            return all
        case let .or(items, _):
            var any = false
            var all: [Span] = []
            for item in items {
                if let s = eval(item, c, scope: scope) { any = true; all += s }
            }
            return any ? all : nil
        case let .not(inner, _):
            return eval(inner, c, scope: scope) == nil ? [] : nil
        case let .near(items, distance, _):
            return near(items, distance, c, scope)
        case let .scoped(field, inner, _):
            guard let r = c.fields[field.text.lowercased()] else { return nil }
            let narrowed = scope.map { s in max(s.lowerBound, r.lowerBound)..<max(max(s.lowerBound, r.lowerBound), min(s.upperBound, r.upperBound)) } ?? r
            return eval(inner, c, scope: narrowed)
        case .error:
            return nil
        }
    }

    /// Consecutive tokens each satisfying its test; nil when there are none.
    func sequence(_ tests: [(Int) -> Bool], _ c: Context, _ scope: Range<Int>?) -> [Span]? {
        guard !tests.isEmpty, c.tokens.count >= tests.count else { return nil }
        var out: [Span] = []
        for start in 0...(c.tokens.count - tests.count) {
            if let s = scope, !s.contains(c.tokens[start].range.lowerBound) { continue }
            var ok = true
            for (k, t) in tests.enumerated() where !t(start + k) { ok = false; break }
            if ok {
                let end = start + tests.count - 1
                // like the index (and FTS5's columns): a phrase lies wholly in the headline or wholly outside it
                if end > start, let t = c.fields["title"],
                   t.contains(c.tokens[start].range.lowerBound) != t.contains(c.tokens[end].range.lowerBound) { continue }
                out.append(Span(bytes: c.tokens[start].range.lowerBound..<c.tokens[end].range.upperBound, tokens: start...end))
            }
        }
        return out.isEmpty ? nil : out
    }

    /// near(a, b, ..., N): one span of each member, with at most N words
    /// between them (words outside the members inside the window), any order.
    func near(_ items: [SearchExpr], _ distance: Int, _ c: Context, _ scope: Range<Int>?) -> [Span]? {
        var lists: [[Span]] = []
        for item in items {
            guard let s = eval(item, c, scope: scope), !s.isEmpty else { return nil }
            lists.append(s)
        }
        lists = lists.map { $0.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound } }
        var used = Set<Int>()
        var out: [Span] = []
        // Anchor each candidate group at each span of the first member, then pick for
        // every other member, among its spans just before and after the anchor, the
        // one that keeps the window smallest.
        for anchor in lists[0] {
            var group = [anchor]
            for other in lists.dropFirst() {
                var lo = 0, hi = other.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if other[mid].tokens.lowerBound < anchor.tokens.lowerBound { lo = mid + 1 } else { hi = mid }
                }
                let candidates = other[max(0, lo - 2)..<min(other.count, lo + 2)]
                guard let best = candidates.min(by: { gap(group + [$0]) < gap(group + [$1]) }) else { break }
                group.append(best)
            }
            if group.count == lists.count, gap(group) <= distance, oneSide(group, c) {
                for s in group where used.insert(s.tokens.lowerBound << 20 | s.tokens.upperBound).inserted { out.append(s) }
            }
        }
        return out.isEmpty ? nil : out
    }

    /// Whether a near() group lies wholly in the headline or wholly outside it.
    func oneSide(_ group: [Span], _ c: Context) -> Bool {
        guard let t = c.fields["title"] else { return true }
        let inside = group.filter { t.contains($0.bytes.lowerBound) }.count
        return inside == 0 || inside == group.count
    }

    /// Words inside the window of a group that belong to none of its spans.
    func gap(_ group: [Span]) -> Int {
        let sorted = group.map(\.tokens).sorted { $0.lowerBound < $1.lowerBound }
        var covered = 0
        var end = Int.min
        for r in sorted {
            let start = max(r.lowerBound, end + 1)
            if r.upperBound >= start { covered += r.upperBound - start + 1 }
            end = max(end, r.upperBound)
        }
        return (end - sorted[0].lowerBound + 1) - covered
    }

    /// The query in the search syntax.
    package static func render(_ q: SearchExpr) -> String {
        switch q {
        case let .word(w, exact, _): return (exact ? "=" : "") + w
        case let .phrase(p, exact, _): return (exact ? "=" : "") + "\"\(p)\""
        case let .prefix(p, _): return p + "*"
        case let .wildcard(p, _): return p
        case let .regex(p, _): return "/\(p)/"
        case let .and(items, _): return items.map(render).joined(separator: " AND ")
        case let .or(items, _): return "(" + items.map(render).joined(separator: " OR ") + ")"
        case let .not(inner, _): return "NOT " + render(inner)
        case let .near(items, n, _): return "near(" + items.map(render).joined(separator: ", ") + ", \(n))"
        case let .scoped(f, inner, _): return f.text + ":(" + render(inner) + ")"
        case .error: return "?"
        }
    }
}

extension MatchLocator {
    /// Spans of a corpus unit, with title and body as field scopes. Token
    /// indexes refer to `unit.allTokens`; with `includeTitle`, a query with a
    /// `title:` scope also finds the article's headline (those spans have
    /// negative token indexes, so callers counting tokens must not use them).
    public func spans(in unit: UnitText, corpus: Corpus, includeTitle: Bool = false) -> [Span] {
        guard unit.article >= 0 else { return [] }
        let a = corpus.articles[unit.article]
        var fields = ["body": a.bodyRange, "text": 0..<a.text.utf8.count]
        if let t = unit.title { fields["title"] = t }
        var tokens = unit.allTokens
        var offset = 0
        if includeTitle, !unit.titleInSegments, let t = unit.title, MatchLocator.mentionsTitle(query) {
            let head = Tokenizer.tokens(a.text.utf8Slice(t), base: t.lowerBound)
            tokens = head + tokens
            offset = head.count
        }
        return spans(tokens: tokens, text: a.text, fields: fields).map {
            Span(bytes: $0.bytes, tokens: ($0.tokens.lowerBound - offset)...($0.tokens.upperBound - offset))
        }
    }

    static func mentionsTitle(_ q: SearchExpr) -> Bool {
        switch q {
        case let .scoped(f, _, _): return f.text.lowercased() == "title"
        case let .and(items, _), let .or(items, _), let .near(items, _, _): return items.contains(where: mentionsTitle)
        case let .not(i, _): return mentionsTitle(i)
        default: return false
        }
    }
}

extension MatchLocator {
    /// True when the index's hits are exactly this locator's spans: the query
    /// is one-token words and prefixes under AND/OR (a phrase or a hyphenated
    /// word is one span here but one hit per token in the index; NOT, near,
    /// scopes, regexes and wildcards are located here only).
    public var indexHitsAreSpans: Bool { Self.simple(query) }

    static func simple(_ q: SearchExpr) -> Bool {
        switch q {
        case let .word(w, _, _): return Tokenizer.tokens(w).count == 1
        case let .prefix(p, _): return Tokenizer.tokens(p).count <= 1
        case let .and(items, _), let .or(items, _): return items.allSatisfy(simple)
        default: return false
        }
    }
}
