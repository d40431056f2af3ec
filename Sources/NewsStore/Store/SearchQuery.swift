/// A search query after binding: the store's `TextQuery`, with its term tests
/// (every /regex/, wildcard, prefix and word) compiled once, when it is bound.
/// It is the only form of a search past the binder: the index looks it up,
/// and the span evaluator (`SearchQuery.spans`, SearchSpans.swift) locates it
/// in a text for the boilerplate re-check, kwic, collocates, distribution,
/// snippet, highlight, `show article` and `why`.
///
/// Design rules:
/// - A leaf (word, phrase, prefix, wildcard, regex) is a run of term tests at
///   consecutive tokens, cut from the query words exactly as the index cuts
///   them (`TextIndex.elements`, `wildcardPieces`): one place decides what a
///   leaf is, so the index and the evaluator cannot read a query differently.
/// - A /regex/ compiles here and nowhere else (POSIX extended, case-insensitive,
///   anywhere in the folded word); a bad one throws `TextSearchError.badRegex`,
///   which the binder reports under the regex.
/// - `written` is the query as the statement wrote it (for notes and explain
///   labels); `words` are its plain words with their place in the statement
///   (for the hints of an empty result).
public struct SearchQuery: Sendable, Hashable, CustomStringConvertible {
    /// One plain word as written (not under NOT): its text, `=` exact case, and
    /// its byte range in the statement (with the `=`).
    public struct WrittenWord: Sendable, Hashable {
        public var text: String
        public var exact: Bool
        public var range: Range<Int>
        public init(text: String, exact: Bool, range: Range<Int>) { self.text = text; self.exact = exact; self.range = range }
    }

    public let query: TextQuery
    public let written: String
    public let words: [WrittenWord]
    let program: SearchProgram

    /// Compiles the query's term tests; throws `TextSearchError.badRegex` for a
    /// /regex/ that does not compile. `regexes` are patterns compiled already
    /// (by the binder, which checks each where it is written).
    public init(_ query: TextQuery, written: String? = nil, words: [WrittenWord] = []) throws {
        try self.init(query, written: written, words: words, regexes: [:])
    }

    package init(_ query: TextQuery, written: String?, words: [WrittenWord], regexes: [String: TermRegex]) throws {
        self.query = query
        self.written = written ?? query.description
        self.words = words
        program = try SearchProgram(query, regexes: regexes)
    }

    init(query: TextQuery, written: String, words: [WrittenWord], program: SearchProgram) {
        self.query = query; self.written = written; self.words = words; self.program = program
    }

    /// Both queries (a second search on searched rows): their AND, with the
    /// compiled parts reused.
    public func and(_ other: SearchQuery) -> SearchQuery {
        SearchQuery(query: .and([query, other.query]), written: written + " AND " + other.written, words: words + other.words,
                    program: SearchProgram(and: program, other.program))
    }

    /// The query as the store prints it (explain plans).
    public var description: String { query.description }

    /// The query with its negated parts dropped (nil when nothing positive is
    /// left), its regexes not compiled again.
    public var positivePart: SearchQuery? {
        query.withoutNot.flatMap { try? SearchQuery($0, written: nil, words: [], regexes: program.regexes) }
    }

    /// Whether a `title:` scope is part of the query.
    public var mentionsTitle: Bool { program.mentionsTitle }

    /// True when the index's hits are exactly the evaluator's spans: one-token
    /// words and prefixes under AND/OR (a phrase is one span but one hit per
    /// token; NOT, near, scopes, regexes and wildcards are located by the evaluator).
    public var indexHitsAreSpans: Bool { Self.simple(query) }

    static func simple(_ q: TextQuery) -> Bool {
        switch q {
        case .term: return true
        case let .prefix(p): return !p.contains(" ")
        case let .and(items), let .or(items): return items.allSatisfy(simple)
        default: return false
        }
    }

    public static func == (a: SearchQuery, b: SearchQuery) -> Bool { a.query == b.query && a.written == b.written }
    public func hash(into h: inout Hasher) { h.combine(query) }
}

/// One test a token must pass at its place in a leaf.
enum TermTest {
    /// The folded word; with `exact`, the bytes as written too.
    case word(String, exact: [UInt8]?)
    /// A folded prefix (bytes).
    case prefix([UInt8])
    /// A folded `?`/`*` pattern (`TextIndex.glob`).
    case glob([UInt8])
    case regex(TermRegex)
}

/// The compiled form of a `TextQuery` shared by the index and the evaluator.
final class SearchProgram: @unchecked Sendable {
    /// A leaf: its tests at consecutive tokens, and whether a `body:` scope holds it out of the headline.
    struct Leaf {
        var tests: [TermTest]
        var bodyOnly: Bool
    }
    indirect enum Node {
        case leaf(Int), and([Node]), or([Node]), not(Node)
        case near([Int], Int)
        /// `title:(...)`: the inner query matched on the article's title.
        case title(Node)
    }

    let root: Node
    let leaves: [Leaf]
    /// Each /regex/ pattern, compiled once (the index reads them from here).
    let regexes: [String: TermRegex]
    let mentionsTitle: Bool

    init(_ q: TextQuery, regexes known: [String: TermRegex] = [:]) throws {
        var leaves: [Leaf] = []
        var regexes = known
        var title = false
        root = try Self.compile(q, bodyOnly: false, &leaves, &regexes, &title)
        self.leaves = leaves; self.regexes = regexes; mentionsTitle = title
    }

    init(and a: SearchProgram, _ b: SearchProgram) {
        func shifted(_ n: Node, _ k: Int) -> Node {
            switch n {
            case let .leaf(i): return .leaf(i + k)
            case let .and(cs): return .and(cs.map { shifted($0, k) })
            case let .or(cs): return .or(cs.map { shifted($0, k) })
            case let .not(x): return .not(shifted(x, k))
            case let .near(ids, d): return .near(ids.map { $0 + k }, d)
            case let .title(x): return .title(shifted(x, k))
            }
        }
        root = .and([a.root, shifted(b.root, a.leaves.count)])
        leaves = a.leaves + b.leaves
        regexes = a.regexes.merging(b.regexes) { x, _ in x }
        mentionsTitle = a.mentionsTitle || b.mentionsTitle
    }

    static func compile(_ q: TextQuery, bodyOnly: Bool, _ leaves: inout [Leaf], _ regexes: inout [String: TermRegex],
                        _ title: inout Bool) throws -> Node {
        switch q {
        case .term, .phrase, .prefix, .wildcard, .regex:
            leaves.append(Leaf(tests: try tests(q, &regexes), bodyOnly: bodyOnly))
            return .leaf(leaves.count - 1)
        case let .and(qs): return .and(try qs.map { try compile($0, bodyOnly: bodyOnly, &leaves, &regexes, &title) })
        case let .or(qs): return .or(try qs.map { try compile($0, bodyOnly: bodyOnly, &leaves, &regexes, &title) })
        case let .not(x): return .not(try compile(x, bodyOnly: bodyOnly, &leaves, &regexes, &title))
        case let .near(items, distance):
            var ids: [Int] = []
            for item in items {
                guard case let .leaf(i) = try compile(item, bodyOnly: bodyOnly, &leaves, &regexes, &title) else {
                    throw TextSearchError.badRegex("near(...) takes words, phrases, prefixes, wildcards or regexes")
                }
                ids.append(i)
            }
            return .near(ids, max(0, distance))
        case let .field(name, inner):
            if name == "title" {
                title = true
                return .title(try compile(inner, bodyOnly: false, &leaves, &regexes, &title))
            }
            return try compile(inner, bodyOnly: bodyOnly || name == "body", &leaves, &regexes, &title)
        }
    }

    /// The tests of a leaf: one per token of its words, as the index cuts them.
    static func tests(_ q: TextQuery, _ regexes: inout [String: TermRegex]) throws -> [TermTest] {
        switch q {
        case let .term(w, exact): return words([w], exact)
        case let .phrase(ws, exact): return words(ws, exact)
        case let .prefix(p):
            var out = words([p], false)
            if let last = Tokenizer.tokens(p).last, !out.isEmpty { out[out.count - 1] = .prefix(Array(last.folded.utf8)) }
            return out
        case let .wildcard(p):
            return TextIndex.wildcardPieces(p).map { piece in
                piece.contains(where: { $0 == "?" || $0 == "*" }) ? .glob(Array(piece.utf8)) : .word(piece, exact: nil)
            }
        case let .regex(r):
            if let re = regexes[r] { return [.regex(re)] }
            let re = try TermRegex(r)
            regexes[r] = re
            return [.regex(re)]
        default:
            return []
        }
    }

    /// One word test per token of the words (a word like `Chih-cheng` is several tokens).
    static func words(_ ws: [String], _ exact: Bool) -> [TermTest] {
        var out: [TermTest] = []
        for w in ws {
            let bytes = Array(w.utf8)
            for t in Tokenizer.tokens(w) { out.append(.word(t.folded, exact: exact ? Array(bytes[t.range]) : nil)) }
        }
        return out
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
