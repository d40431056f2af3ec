/// Decides whether a text query matches a run of tokens, without the index.
///
/// The index answers for whole units; this answers for a unit's text with some
/// parts left out. Search uses it to re-check the few articles that carry
/// boilerplate paragraphs (site navigation, related-article lists): by default
/// a match found only in boilerplate does not count. Same semantics as the
/// index: words and phrases on folded tokens (exact case on the surface),
/// prefix, `?`/`*` wildcards, regexes over whole words, NEAR as FTS5 counts
/// it (tokens between the end of one item and the start of the last),
/// `title:` scopes on the headline, AND/OR/NOT.

public struct TextQueryMatcher {
    /// One token: its folded form and its surface as written.
    public struct Token {
        public var folded: String
        public var surface: Substring
    }

    let text: [Token]
    let title: [Token]

    public init(text: [Token], title: [Token]) {
        self.text = text; self.title = title
    }

    /// Tokens of `ranges` (byte ranges) of `string`, in order.
    public static func tokens(of string: String, ranges: [Range<Int>]) -> [Token] {
        var out: [Token] = []
        let utf8 = string.utf8
        for r in ranges {
            let lo = utf8.index(utf8.startIndex, offsetBy: r.lowerBound), hi = utf8.index(utf8.startIndex, offsetBy: r.upperBound)
            for t in Tokenizer.tokens(string[lo..<hi], base: r.lowerBound) {
                let a = utf8.index(utf8.startIndex, offsetBy: t.range.lowerBound), b = utf8.index(utf8.startIndex, offsetBy: t.range.upperBound)
                out.append(Token(folded: t.folded, surface: string[a..<b]))
            }
        }
        return out
    }

    public func matches(_ q: TextQuery) throws -> Bool { try holds(q, text) }

    func holds(_ q: TextQuery, _ toks: [Token]) throws -> Bool {
        switch q {
        case let .and(items): return try items.allSatisfy { try holds($0, toks) }
        case let .or(items): return try items.contains { try holds($0, toks) }
        case let .not(inner): return try !holds(inner, toks)
        case let .field(name, inner): return name == "title" ? try holds(inner, title) : try holds(inner, toks)
        case let .near(items, distance):
            let occurrences = try items.map { try self.occurrences($0, toks) }
            return Self.near(occurrences, distance)
        default:
            return try !occurrences(q, toks).isEmpty
        }
    }

    /// Where a leaf (word, phrase, prefix, wildcard, regex) occurs: token start and end (exclusive).
    func occurrences(_ q: TextQuery, _ toks: [Token]) throws -> [(Int, Int)] {
        let test: [(Token) -> Bool]
        switch q {
        case let .term(w, exact):
            test = Self.wordTests([w], exact)
        case let .phrase(words, exact):
            test = Self.wordTests(words, exact)
        case let .prefix(p):
            let f = Tokenizer.tokens(p).first?.folded ?? Tokenizer.fold(p)
            test = [{ $0.folded.hasPrefix(f) }]
        case let .wildcard(pattern):
            let pat = Array(Tokenizer.fold(pattern).lowercased().utf8)
            test = [{ t in Array(t.folded.utf8).withUnsafeBufferPointer { TextIndex.glob(pat, $0) } }]
        case let .regex(pattern):
            let re = try TermRegex(pattern)
            test = [{ t in t.folded.withCString { re.matches($0) } }]
        default:
            return try holds(q, toks) ? [(0, 0)] : []
        }
        guard !test.isEmpty, test.count <= toks.count else { return [] }
        var out: [(Int, Int)] = []
        for start in 0...(toks.count - test.count) where (0..<test.count).allSatisfy({ test[$0](toks[start + $0]) }) {
            out.append((start, start + test.count))
        }
        return out
    }

    /// One test per token of the words (a word like `Chih-cheng` is several tokens).
    static func wordTests(_ words: [String], _ exact: Bool) -> [(Token) -> Bool] {
        var tests: [(Token) -> Bool] = []
        for w in words {
            for t in Tokenizer.tokens(w) {
                if exact {
                    let surface = String(w.utf8Slice(t.range))
                    tests.append { $0.surface == surface }
                } else {
                    let folded = t.folded
                    tests.append { $0.folded == folded }
                }
            }
        }
        return tests
    }

    /// True when one occurrence of each item can be chosen with at most
    /// `distance` tokens between the earliest end and the latest start.
    static func near(_ items: [[(Int, Int)]], _ distance: Int) -> Bool {
        guard !items.isEmpty, !items.contains(where: \.isEmpty) else { return false }
        func search(_ k: Int, _ minEnd: Int, _ maxStart: Int) -> Bool {
            if k == items.count { return maxStart - minEnd <= distance }
            for (s, e) in items[k] {
                let lo = min(minEnd, e), hi = max(maxStart, s)
                if hi - lo <= distance && search(k + 1, lo, hi) { return true }
            }
            return false
        }
        return search(0, Int.max, Int.min)
    }
}

extension TextQuery {
    /// True when some part of the query is negated.
    package var hasNot: Bool {
        switch self {
        case .not: return true
        case let .and(items), let .or(items), let .near(items, _): return items.contains { $0.hasNot }
        case let .field(_, q): return q.hasNot
        default: return false
        }
    }

    /// The query with its negated parts dropped (nil when nothing positive is left).
    package var withoutNot: TextQuery? {
        switch self {
        case .not: return nil
        case let .and(items):
            let kept = items.compactMap(\.withoutNot)
            return kept.isEmpty ? nil : (kept.count == 1 ? kept[0] : .and(kept))
        case let .or(items):
            let kept = items.compactMap(\.withoutNot)
            return kept.isEmpty ? nil : (kept.count == 1 ? kept[0] : .or(kept))
        case let .field(f, q): return q.withoutNot.map { .field(f, $0) }
        default: return self
        }
    }
}
