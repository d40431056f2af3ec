/// The text of one unit as the span evaluator reads it.
public struct SpanText {
    /// The unit's tokens, in text order (their ranges point into `text`).
    public var tokens: [WordToken]
    /// The text the token ranges point into (read for exact case).
    public var text: String
    /// The byte range of the article's headline in `text`, when it has one: a
    /// phrase or near() group lies wholly in it or wholly outside it, and
    /// `body:` leaves it out (as the index does with its headline positions).
    public var headline: Range<Int>?
    /// The article's title, which `title:(...)` reads (as the index's title
    /// index does); nil when not known (a plain string), then a title scope holds.
    public var title: String?

    public init(tokens: [WordToken], text: String, headline: Range<Int>? = nil, title: String? = nil) {
        self.tokens = tokens; self.text = text; self.headline = headline; self.title = title
    }

    /// A plain string: its own tokens, no headline, title unknown.
    public init(_ text: String) { self.init(tokens: Tokenizer.tokens(text), text: text) }
}

/// One located match: bytes in the text and the token indexes it covers.
public struct SearchSpan: Equatable, Sendable {
    public var bytes: Range<Int>
    public var tokens: ClosedRange<Int>
    public init(bytes: Range<Int>, tokens: ClosedRange<Int>) { self.bytes = bytes; self.tokens = tokens }
}

/// The one evaluator of the search language over a text: whether a unit
/// matches and where (match spans over its tokens).
///
/// Design rules (the index's semantics, form by form; the index finds
/// candidate units faster over posting lists, and `LocatorAgreesWithIndexTests`
/// holds the two equal on every form):
/// - A leaf holds at consecutive tokens of the unit, each passing its test
///   (`SearchProgram.tests`); with a headline, a multi-token leaf lies wholly in
///   it or wholly outside it; under `body:` it lies outside it.
/// - AND holds when every part holds (its spans are theirs), OR when one does,
///   NOT when its part does not (no spans). A unit with no tokens never matches.
/// - near(a, b, N) as SQLite FTS5 counts it: for a last start M, each item's
///   latest start s <= M with M - s - length(item) <= N; the group lies wholly
///   in the headline or wholly outside it. Its spans are the chosen items.
/// - title:(...) holds when its part matches the article's title; its spans
///   are the part's matches inside the headline, when the unit holds it.
extension SearchQuery {
    /// Nil when the query does not match the text; else its spans, sorted and
    /// unique (none when only NOT parts decided).
    public func match(_ text: SpanText) -> [SearchSpan]? {
        SpanEvaluator(program, text).run(program.root)
    }

    /// Whether the query matches the text.
    public func matches(_ text: SpanText) -> Bool { match(text) != nil }

    /// The spans of the query in the text (none when it does not match).
    public func spans(_ text: SpanText) -> [SearchSpan] { match(text) ?? [] }

    /// The spans of one leaf (numbered as in `parts`) in the text, wherever it
    /// is, whatever the rest of the query says (for `why`).
    public func spans(ofLeaf i: Int, _ text: SpanText) -> [SearchSpan] {
        SpanEvaluator(program, text).run(.leaf(i)) ?? []
    }

    /// The query's structure with its leaves numbered in the order `spans(ofLeaf:)` reads.
    public var parts: SearchPart {
        var next = 0
        func walk(_ q: TextQuery) -> SearchPart {
            switch q {
            case .term, .phrase, .prefix, .wildcard, .regex:
                next += 1
                return .leaf(next - 1, q)
            case let .and(qs): return .and(qs.map(walk))
            case let .or(qs): return .or(qs.map(walk))
            case let .not(x): return .not(walk(x))
            case let .near(qs, d): return .near(qs.map(walk), d)
            case let .field(f, x): return .scoped(f, walk(x))
            }
        }
        return walk(query)
    }
}

/// A bound query's structure (for `why`): leaves carry their number.
public indirect enum SearchPart {
    case leaf(Int, TextQuery)
    case and([SearchPart]), or([SearchPart]), not(SearchPart)
    case near([SearchPart], Int)
    case scoped(String, SearchPart)
}

/// Evaluates a compiled query over one text (see `SearchQuery.match`).
final class SpanEvaluator {
    /// Where in the unit a leaf may lie.
    enum Region { case all, body, headline }
    typealias Occurrence = (start: Int, width: Int)

    let program: SearchProgram
    let text: SpanText
    let tokens: [WordToken]
    lazy var bytes: [UInt8] = Array(text.text.utf8)
    lazy var inHeadline: [Bool] = {
        guard let h = text.headline else { return [Bool](repeating: false, count: tokens.count) }
        return tokens.map { h.contains($0.range.lowerBound) }
    }()
    /// Regex verdicts per folded word (a word recurs in a text).
    var regexSeen: [ObjectIdentifier: [String: Bool]] = [:]

    init(_ program: SearchProgram, _ text: SpanText) {
        self.program = program; self.text = text; tokens = text.tokens
    }

    func run(_ root: SearchProgram.Node) -> [SearchSpan]? {
        guard !tokens.isEmpty, let found = eval(root, .all) else { return nil }
        var seen = Set<Int>()
        var out: [SearchSpan] = []
        for o in found.sorted(by: { ($0.start, $0.width) < ($1.start, $1.width) })
        where seen.insert(o.start << 20 | o.width).inserted {
            let last = o.start + o.width - 1
            out.append(SearchSpan(bytes: tokens[o.start].range.lowerBound..<tokens[last].range.upperBound, tokens: o.start...last))
        }
        return out
    }

    func eval(_ n: SearchProgram.Node, _ region: Region) -> [Occurrence]? {
        switch n {
        case let .leaf(i):
            let o = occurrences(i, region)
            return o.isEmpty ? nil : o
        case let .and(items):
            var all: [Occurrence] = []
            for item in items {
                guard let s = eval(item, region) else { return nil }
                all += s
            }
            return all
        case let .or(items):
            var any = false
            var all: [Occurrence] = []
            for item in items {
                if let s = eval(item, region) { any = true; all += s }
            }
            return any ? all : nil
        case let .not(inner):
            return eval(inner, region) == nil ? [] : nil
        case let .near(ids, distance):
            return near(ids, distance, region)
        case let .title(inner):
            guard let title = text.title else { return [] }
            let sub = SpanEvaluator(program, SpanText(tokens: Tokenizer.tokens(title), text: title))
            guard !sub.tokens.isEmpty, sub.eval(inner, .all) != nil else { return nil }
            return region == .body || text.headline == nil ? [] : (eval(inner, .headline) ?? [])
        }
    }

    /// Starts of a leaf in the unit, in order, within the region.
    func occurrences(_ i: Int, _ region: Region) -> [Occurrence] {
        let leaf = program.leaves[i]
        var region = region
        if leaf.bodyOnly { if region == .headline { return [] }; region = .body }
        let tests = leaf.tests
        let w = tests.count
        guard w > 0, tokens.count >= w else { return [] }
        let head = text.headline != nil
        var out: [Occurrence] = []
        for s in 0...(tokens.count - w) {
            var ok = true
            for k in 0..<w where !passes(tests[k], s + k) { ok = false; break }
            guard ok else { continue }
            if head {
                var inside = 0
                for k in s..<(s + w) where inHeadline[k] { inside += 1 }
                switch region {
                case .all: if inside != 0 && inside != w { continue }
                case .body: if inside != 0 { continue }
                case .headline: if inside != w { continue }
                }
            } else if region == .headline {
                continue
            }
            out.append((s, w))
        }
        return out
    }

    @inline(__always)
    func passes(_ t: TermTest, _ k: Int) -> Bool {
        let tok = tokens[k]
        switch t {
        case let .word(f, exact):
            guard tok.folded == f else { return false }
            guard let ex = exact else { return true }
            let r = tok.range
            return r.count == ex.count && r.upperBound <= bytes.count && bytes[r].elementsEqual(ex)
        case let .prefix(p):
            return tok.folded.utf8.starts(with: p)
        case let .glob(p):
            var f = tok.folded
            return f.withUTF8 { TextIndex.glob(p, $0) }
        case let .regex(re):
            let id = ObjectIdentifier(re)
            if let v = regexSeen[id]?[tok.folded] { return v }
            let v = tok.folded.withCString { re.matches($0) }
            regexSeen[id, default: [:]][tok.folded] = v
            return v
        }
    }

    /// near(...) as FTS5 counts it (see the type's design rules).
    func near(_ ids: [Int], _ distance: Int, _ region: Region) -> [Occurrence]? {
        let lists = ids.map { occurrences($0, region) }
        guard !lists.isEmpty, !lists.contains(where: \.isEmpty) else { return nil }
        let lens = ids.map { program.leaves[$0].tests.count }
        let starts = Array(Set(lists.flatMap { $0.map(\.start) })).sorted()
        var ptr = [Int](repeating: 0, count: ids.count)
        var chosen: [Occurrence] = []
        let head = text.headline != nil
        for m in starts {
            var ok = true
            for k in ids.indices {
                let l = lists[k]
                while ptr[k] + 1 < l.count, l[ptr[k] + 1].start <= m { ptr[k] += 1 }
                let s = l[ptr[k]].start
                if s > m || m - s - lens[k] > distance { ok = false; break }
            }
            if ok, head {
                var inside = 0
                for k in ids.indices {
                    let s = lists[k][ptr[k]].start
                    if (s..<(s + lens[k])).allSatisfy({ inHeadline[$0] }) { inside += 1 }
                }
                if inside != 0 && inside != ids.count { ok = false }
            }
            if ok { for k in ids.indices { chosen.append(lists[k][ptr[k]]) } }
        }
        return chosen.isEmpty ? nil : chosen
    }
}
