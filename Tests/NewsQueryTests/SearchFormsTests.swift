import XCTest
import Foundation
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Every search form against a brute-force matcher that reads the unit texts
/// (no index), at the article, paragraph and sentence levels, plus the rules
/// of each form: near in either order with default 10, title scopes, exact
/// case, wildcards, regexes and their errors.
final class SearchFormsTests: XCTestCase {
    var c: Corpus { Fixtures.sample }

    // MARK: the brute-force matcher

    /// A unit's tokens: folded form and surface text.
    struct Tok { var folded: String; var surface: String }

    func tokens(_ text: Substring) -> [Tok] {
        Tokenizer.tokens(text, base: 0).map { t in
            Tok(folded: t.folded, surface: String(String(text).utf8Slice(t.range)))
        }
    }

    /// Tokens of each unit as the search sees them: an article's whole text; a
    /// paragraph's or sentence's own text when it is body or caption seen first.
    func unitTokens(_ u: TextUnit) -> [[Tok]] {
        switch u {
        case .article: return c.articles.map { tokens(Substring($0.text)) }
        case .paragraph:
            return c.paragraphs.map { p in p.kind == .boilerplate || p.duplicate ? [] : tokens(c.articles[p.article].slice(p.range)) }
        case .sentence:
            return c.sentences.map { s in
                let p = c.paragraphs[s.paragraph]
                return p.kind == .boilerplate || p.duplicate ? [] : tokens(c.articles[s.article].slice(s.range))
            }
        }
    }

    func articleOf(_ u: TextUnit, _ i: Int) -> Int {
        switch u {
        case .article: return i
        case .paragraph: return c.paragraphs[i].article
        case .sentence: return c.sentences[i].article
        }
    }

    static func glob(_ p: [Unicode.Scalar], _ s: [Unicode.Scalar]) -> Bool {
        if p.isEmpty { return s.isEmpty }
        if p[0] == "*" { return (0...s.count).contains { glob(Array(p.dropFirst()), Array(s.dropFirst($0))) } }
        guard let f = s.first else { return false }
        return (p[0] == "?" || p[0] == f) && glob(Array(p.dropFirst()), Array(s.dropFirst()))
    }

    /// Start positions (and length) where a leaf query matches in a token list.
    func leafStarts(_ q: TextQuery, _ toks: [Tok]) -> (starts: [Int], length: Int) {
        var pattern: [(Tok) -> Bool] = []
        switch q {
        case let .term(w, exact):
            pattern = [{ exact ? $0.surface == w : $0.folded == w }]
        case let .phrase(ws, exact):
            pattern = ws.map { w in { exact ? $0.surface == w : $0.folded == w } }
        case let .prefix(p):
            pattern = [{ $0.folded.hasPrefix(p) }]
        case let .wildcard(w):
            let p = Array(Tokenizer.fold(w).unicodeScalars)
            pattern = [{ SearchFormsTests.glob(p, Array($0.folded.unicodeScalars)) }]
        case let .regex(r):
            let re = try! NSRegularExpression(pattern: r, options: [.caseInsensitive])
            pattern = [{ re.firstMatch(in: $0.folded, range: NSRange($0.folded.startIndex..., in: $0.folded)) != nil }]
        default:
            XCTFail("not a leaf: \(q)")
        }
        let n = pattern.count
        guard toks.count >= n else { return ([], n) }
        let starts = (0...(toks.count - n)).filter { i in (0..<n).allSatisfy { pattern[$0](toks[i + $0]) } }
        return (starts, n)
    }

    func naiveMatches(_ q: TextQuery, _ toks: [Tok], title: [Tok]) -> Bool {
        switch q {
        case .term, .phrase, .prefix, .wildcard, .regex:
            return !leafStarts(q, toks).starts.isEmpty
        case let .and(qs): return qs.allSatisfy { naiveMatches($0, toks, title: title) }
        case let .or(qs): return qs.contains { naiveMatches($0, toks, title: title) }
        case let .not(x): return !toks.isEmpty && !naiveMatches(x, toks, title: title)
        case let .field(_, inner): return !toks.isEmpty && naiveMatches(inner, title, title: title)
        case let .near(items, n):
            let inst = items.map { leafStarts($0, toks) }
            // FTS5: some choice of one instance per item where, for each, the tokens
            // between its end and the last chosen start are at most n.
            func search(_ k: Int, _ chosen: [(Int, Int)]) -> Bool {
                if k == inst.count {
                    let last = chosen.map(\.0).max()!
                    return chosen.allSatisfy { last - ($0.0 + $0.1) <= n }
                }
                return inst[k].starts.contains { search(k + 1, chosen + [($0, inst[k].length)]) }
            }
            return search(0, [])
        }
    }

    func naiveUnits(_ q: TextQuery, _ u: TextUnit) -> [Int] {
        let all = unitTokens(u)
        let titles = c.articles.map { tokens(Substring($0.title ?? "")) }
        return all.indices.filter { naiveMatches(q, all[$0], title: titles[articleOf(u, $0)]) }
    }

    func bind(_ q: String) throws -> TextQuery {
        let text = "articles | search \(q)"
        let (st, d) = Parser.parse(text)
        guard case let .query(p)? = st, !d.hasErrors else { throw NSError(domain: "parse", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(q): \(d.items)"]) }
        var b = Binder(statement: text, bindings: [:])
        guard let bound = b.bind(p), case let .search(tq, _)? = bound.stages.first else {
            throw NSError(domain: "bind", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(q): \(b.diagnostics.items)"])
        }
        return tq.query
    }

    func units(_ q: String, _ u: TextUnit = .article) throws -> [Int] {
        try c.index.search(try bind(q), unit: u).map(\.unit)
    }

    // MARK: generated queries against the brute-force matcher

    func testEveryFormMatchesTheBruteForceMatcher() throws {
        let words = ["japan", "taiwan", "security", "talks", "china", "sato", "the", "said", "ldp", "dpp", "strait", "defense", "us"]
        var rng = SplitMix64(seed: 42)
        func atom() -> String {
            let w = words.randomElement(using: &rng)!, v = words.randomElement(using: &rng)!
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: return "\"\(w) \(v)\""
            case 1: return String(w.prefix(3)) + "*"
            case 2: return String(w.prefix(1)) + "?" + String(w.dropFirst(2))
            case 3: return "*" + String(w.suffix(3))
            case 4: return "/^" + String(w.prefix(2)) + "/"
            case 5: return "near(\(w), \(v), \(Int.random(in: 0...12, using: &rng)))"
            case 6: return "near(\(w), \"\(v) \(words.randomElement(using: &rng)!)\")"
            case 7: return "title:(\(w))"
            case 8: return ["=US", "=Japan", "=LDP", "=us"].randomElement(using: &rng)!
            default: return w
            }
        }
        var checked = 0
        for _ in 0..<120 {
            let a = atom(), b = atom()
            let q = [a, "\(a) \(b)", "\(a) OR \(b)", "\(a) AND NOT \(b)", "NOT \(a)"].randomElement(using: &rng)!
            let tq = try bind(q)
            for u in [TextUnit.article, .paragraph, .sentence] {
                XCTAssertEqual(try c.index.search(tq, unit: u).map(\.unit), naiveUnits(tq, u), "\(u): \(q)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, 360)
    }

    // MARK: the rules of each form

    func testNearEitherOrderDefaultTen() throws {
        XCTAssertEqual(try units("near(japan, security)"), try units("near(security, japan)"))
        XCTAssertEqual(try units("near(japan, security)"), try units("near(japan, security, 10)"))
        XCTAssertEqual(try units("near(talks, security, 0)", .sentence), try units("\"security talks\" OR \"talks security\"", .sentence))
        // a wider window never matches fewer units
        XCTAssertTrue(Set(try units("near(taiwan, talks, 2)", .sentence)).isSubset(of: Set(try units("near(taiwan, talks, 20)", .sentence))))
        let m = try c.index.search(try bind("near(taiwan, \"security talks\", 10)"), unit: .sentence)
        XCTAssertFalse(m.isEmpty)
        for x in m {
            let words = Set(x.hits.map { c.articles[c.sentences[x.unit].article].slice($0).lowercased() })
            XCTAssertEqual(words, ["taiwan", "security", "talks"])
        }
    }

    func testTitleScopeCoversTheGroup() throws {
        let titled = c.articles.indices.filter { (c.articles[$0].title ?? "").lowercased().contains("security") }
        XCTAssertEqual(try units("title:(security)"), titled)
        XCTAssertEqual(try units("title:(security talks)"), titled.filter { (c.articles[$0].title ?? "").lowercased().contains("talks") })
        // every sentence of those articles with a token
        let sentences = try units("title:(security)", .sentence)
        XCTAssertEqual(Set(sentences.map { c.sentences[$0].article }), Set(titled))
        XCTAssertEqual(try units("headline:(security)"), titled)
        XCTAssertEqual(try units("body:(security talks)"), try units("security talks"))
    }

    func testExactCaseSyntax() throws {
        XCTAssertEqual(try units("=US"), [0, 4])
        XCTAssertTrue(try units("=us", .paragraph).isEmpty)
        XCTAssertEqual(try units("=\"Taiwan Strait\""), try units("\"Taiwan Strait\""))
        XCTAssertTrue(try units("=\"taiwan strait\"").isEmpty)
    }

    func testWildcardsAndRegexes() throws {
        XCTAssertEqual(try units("secur*"), try units("/^secur/"))
        XCTAssertEqual(try units("t?iwan"), try units("taiwan"))
        XCTAssertEqual(try units("*iwan"), try units("taiwan OR /iwan$/"))
        XCTAssertTrue(try units("zz?zz").isEmpty)
        // a pathological pattern finishes (the GNU matcher does not backtrack)
        XCTAssertNoThrow(try units("/(a+)+$/"))
        let out = Fixtures.run("articles | search /[unclosed/ | count").output
        XCTAssertTrue(out.contains("this regex does not compile"), out)
        let scope = Fixtures.run("articles | search source:(japan) | count").output
        XCTAssertTrue(scope.contains("cannot be scoped to 'source'"), scope)
    }

    func testNewFormsRunOnLetResults() {
        let out = Fixtures.run("""
        let t = sentences | search near(japan, taiwan, 3)
        t | search title:(security) AND secur* | count
        """).output
        XCTAssertFalse(out.contains("error"), out)
        XCTAssertTrue(out.contains("| n "), out)
    }
}
