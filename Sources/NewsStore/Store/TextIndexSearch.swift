import Foundation

/// Query evaluation over a `TextIndex`: words, phrases, prefixes, wildcards and
/// regexes become leaves (runs of term sets at consecutive positions),
/// combined per unit.
///
/// Design rules:
/// - The leaves are the bound `SearchQuery`'s compiled term tests
///   (`SearchProgram`, the same the span evaluator reads), here turned into
///   term-id sets; its regexes were compiled at bind time. Query words are
///   tokenized and folded like the text; a word that gives several tokens
///   ("Chih-cheng", "U.S.") is a phrase.
/// - Under `body:(...)` a leaf lies outside the article's headline positions.
/// - A leaf is driven by its rarest element; the other elements are checked
///   through the per-position term ids; a phrase must lie within one unit.
/// - AND evaluates its positive parts rarest first, each restricted to the
///   units left so far (galloping over the sorted candidates), then removes
///   the units of its NOT parts. OR unions. A NOT on its own is every
///   non-empty unit (of the candidates) without it.
/// - near(...) keeps the units where one instance of every item lies in a
///   window: for each instance, the tokens between its end and the start of
///   the last instance are at most N (SQLite FTS5's NEAR rule).
/// - title:(...) is evaluated on the titles' index; it selects the units of the
///   articles whose title matches (it adds no hits and no score).
/// - Scores are BM25 (k1 1.2, b 0.75, Lucene's positive idf) over the units of
///   the level searched.
extension TextIndex {
    /// One position of a leaf: the term ids allowed there (a contiguous id
    /// range, or a sorted list for wildcards and regexes), and the exact surface
    /// bytes required there (for exact-case queries).
    struct Element {
        var terms: Range<Int>
        var list: [Int32]?
        var exact: [UInt8]?

        init(terms: Range<Int>, exact: [UInt8]? = nil) { self.terms = terms; self.exact = exact }
        init(list: [Int32]) {
            self.list = list
            terms = list.isEmpty ? 0..<0 : Int(list.first!)..<(Int(list.last!) + 1)
        }

        var isEmpty: Bool { list?.isEmpty ?? terms.isEmpty }

        @inline(__always)
        func contains(_ t: Int) -> Bool {
            guard terms.contains(t) else { return false }
            guard let l = list else { return true }
            var lo = 0, hi = l.count
            while lo < hi { let m = (lo + hi) >> 1; if Int(l[m]) < t { lo = m + 1 } else { hi = m } }
            return lo < l.count && Int(l[lo]) == t
        }
    }
    /// A word, phrase, prefix, wildcard or regex: elements at consecutive
    /// positions; under `body:`, outside the article's headline.
    struct Leaf {
        var elements: [Element]
        var bodyOnly = false
    }
    /// A compiled query.
    indirect enum Node {
        case leaf(Int), and([Node]), or([Node]), not(Node)
        case near([Int], Int)
        /// A fixed, sorted set of units (from a title scope).
        case units([Int32])
    }

    /// Units matching `q` at the `unit` level, sorted by unit index, with hits and BM25 scores.
    /// With `scoring: false`, scores are 0 and hits empty (for counting); with
    /// `hits: false`, scores without hits (the byte ranges cost a random memory
    /// read per matched token, so a top-k finds its rows first).
    public func search(_ q: SearchQuery, unit: TextUnit, candidates: [Int]? = nil, scoring: Bool = true, hits: Bool = true) throws -> [TextMatch] {
        var leaves = [Leaf](repeating: Leaf(elements: []), count: q.program.leaves.count)
        let node = try compile(q.program.root, q.program, unit, &leaves)
        let cand = candidates.map { c -> [Int32] in
            let s = c.map { Int32($0) }
            return zip(s, s.dropFirst()).allSatisfy { $0 < $1 } ? s : Array(Set(s)).sorted()
        }
        let result = eval(node, leaves, unit, cand, positions: scoring)
        guard scoring else { return result.units.map { TextMatch(unit: Int($0), hits: [], score: 0) } }
        var topLevelLeaf = false
        if case .leaf = node, cand == nil { topLevelLeaf = true }
        return score(result, leaves, unit, topLevelLeaf: topLevelLeaf, hits: hits)
    }

    /// The same for a query not bound yet (tests, tools): compiled here.
    public func search(_ q: TextQuery, unit: TextUnit, candidates: [Int]? = nil, scoring: Bool = true, hits: Bool = true) throws -> [TextMatch] {
        try search(try SearchQuery(q), unit: unit, candidates: candidates, scoring: scoring, hits: hits)
    }

    // MARK: compiling

    /// The query's compiled program over this index: each leaf's term tests
    /// become term-id sets (only for the leaves this index evaluates).
    func compile(_ n: SearchProgram.Node, _ p: SearchProgram, _ unit: TextUnit, _ leaves: inout [Leaf]) throws -> Node {
        switch n {
        case let .leaf(i):
            leaves[i] = Leaf(elements: try p.leaves[i].tests.map(element), bodyOnly: p.leaves[i].bodyOnly)
            return .leaf(i)
        case let .and(cs): return .and(try cs.map { try compile($0, p, unit, &leaves) })
        case let .or(cs): return .or(try cs.map { try compile($0, p, unit, &leaves) })
        case let .not(x): return .not(try compile(x, p, unit, &leaves))
        case let .near(ids, distance):
            for i in ids { _ = try compile(.leaf(i), p, unit, &leaves) }
            return .near(ids, distance)
        case let .title(inner):
            guard let t = titles else { return .units([]) }
            var titleLeaves = [Leaf](repeating: Leaf(elements: []), count: p.leaves.count)
            let node = try t.compile(inner, p, .article, &titleLeaves)
            let arts = t.eval(node, titleLeaves, .article, nil, positions: false).units
            var out: [Int32] = []
            for a32 in arts where Int(a32) < articleStarts.count {
                for u in units(unit, ofArticle: Int(a32)) where starts(unit)[u] < ends(unit)[u] { out.append(Int32(u)) }
            }
            return .units(out)
        }
    }

    /// The term ids a token test allows.
    func element(_ t: TermTest) throws -> Element {
        switch t {
        case let .word(f, exact): return Element(terms: termID(f).map { $0..<($0 + 1) } ?? 0..<0, exact: exact)
        case let .prefix(p): return Element(terms: termIDs(prefix: String(decoding: p, as: UTF8.self)))
        case let .glob(p): return Element(list: try termIDs(wildcard: String(decoding: p, as: UTF8.self)))
        case let .regex(re): return Element(list: try termIDs(regex: re))
        }
    }

    /// A wildcard word cut like the tokenizer cuts words, `?` and `*` kept as word characters, folded.
    static func wildcardPieces(_ w: String) -> [String] {
        var pieces: [String] = []
        var cur = String.UnicodeScalarView()
        for s in w.unicodeScalars {
            let c = Tokenizer.classify(s.value)
            if s == "?" || s == "*" {
                cur.append(s)
            } else if c == Tokenizer.separator {
                if !cur.isEmpty { pieces.append(String(cur)); cur = String.UnicodeScalarView() }
            } else if c != Tokenizer.dropped {
                cur.append(Unicode.Scalar(c) ?? s)
            }
        }
        if !cur.isEmpty { pieces.append(String(cur)) }
        return pieces
    }

    // MARK: evaluating

    func cost(_ n: Node, _ leaves: [Leaf]) -> Int {
        switch n {
        case let .leaf(i): return leaves[i].elements.map { postingCount($0) }.min() ?? 0
        case let .and(cs): return cs.filter { if case .not = $0 { return false }; return true }.map { cost($0, leaves) }.min() ?? Int.max
        case let .or(cs): return cs.reduce(0) { $0 &+ cost($1, leaves) }
        case .not: return Int.max
        case let .near(ids, _): return ids.map { cost(.leaf($0), leaves) }.min() ?? 0
        case let .units(u): return u.count
        }
    }

    func postingCount(_ r: Range<Int>) -> Int {
        r.isEmpty ? 0 : Int(postingOffsets[r.upperBound] - postingOffsets[r.lowerBound])
    }

    func postingCount(_ e: Element) -> Int {
        guard let l = e.list else { return postingCount(e.terms) }
        return l.reduce(0) { $0 + Int(postingOffsets[Int($1) + 1] - postingOffsets[Int($1)]) }
    }

    /// The units of a node; with `positions: false` (counting), without hit entries.
    func eval(_ n: Node, _ leaves: [Leaf], _ unit: TextUnit, _ cand: [Int32]?, positions: Bool = true) -> UnitHits {
        switch n {
        case let .leaf(i):
            return evalLeaf(leaves[i], Int32(i), unit, cand, positions: positions)
        case let .or(cs):
            return cs.reduce(UnitHits()) { UnitHits.union($0, eval($1, leaves, unit, cand, positions: positions)) }
        case let .not(x):
            return UnitHits.complement(universe(unit, cand), eval(x, leaves, unit, cand, positions: false))
        case let .units(us):
            var r = UnitHits()
            for u in UnitHits.intersectSorted(us, cand) { r.open(u) }
            return r
        case let .near(ids, distance):
            return evalNear(ids, distance, leaves, unit, cand)
        case let .and(cs):
            var pos: [Node] = [], neg: [Node] = []
            for c in cs { if case let .not(x) = c { neg.append(x) } else { pos.append(c) } }
            pos.sort { cost($0, leaves) < cost($1, leaves) }
            var r: UnitHits
            if let first = pos.first {
                r = eval(first, leaves, unit, cand, positions: positions)
                for p in pos.dropFirst() where r.count > 0 {
                    r = UnitHits.intersect(r, eval(p, leaves, unit, r.units, positions: positions))
                }
            } else {
                r = UnitHits.complement(universe(unit, cand), UnitHits())
            }
            for x in neg where r.count > 0 { r = UnitHits.subtract(r, eval(x, leaves, unit, r.units, positions: false)) }
            return r
        }
    }

    /// Non-empty units of the level, limited to the candidates when given.
    func universe(_ unit: TextUnit, _ cand: [Int32]?) -> [Int32] {
        let s = starts(unit), e = ends(unit)
        if let c = cand { return c.filter { $0 >= 0 && Int($0) < s.count && s[Int($0)] < e[Int($0)] } }
        var out: [Int32] = []
        out.reserveCapacity(s.count)
        for u in s.indices where s[u] < e[u] { out.append(Int32(u)) }
        return out
    }

    /// Sorted positions where an element occurs.
    func positions(_ e: Element) -> [Int32] {
        if let l = e.list {
            var out: [Int32] = []
            out.reserveCapacity(postingCount(e))
            for t in l { out.append(contentsOf: postings[Int(postingOffsets[Int(t)])..<Int(postingOffsets[Int(t) + 1])]) }
            if l.count > 1 { out.sort() }
            return out
        }
        let slice = postings[Int(postingOffsets[e.terms.lowerBound])..<Int(postingOffsets[e.terms.upperBound])]
        return e.terms.count == 1 ? Array(slice) : slice.sorted()
    }

    /// Sorted positions of an element, without a copy when it is one term.
    func driveSlice(_ e: Element) -> ArraySlice<Int32> {
        if e.list == nil, e.terms.count == 1 {
            return postings[Int(postingOffsets[e.terms.lowerBound])..<Int(postingOffsets[e.terms.upperBound])]
        }
        return ArraySlice(positions(e))
    }

    /// The units holding a leaf. The rarest element drives: either its
    /// positions are walked in order (each mapped to its unit by a forward
    /// gallop), or, when a few candidate units are given, each candidate's
    /// position range is looked up in them by galloping.
    func evalLeaf(_ leaf: Leaf, _ id: Int32, _ unit: TextUnit, _ cand: [Int32]?, positions keep: Bool = true) -> UnitHits {
        var r = UnitHits()
        let els = leaf.elements
        guard !els.isEmpty, els.allSatisfy({ !$0.isEmpty }) else { return r }
        if let c = cand, c.isEmpty { return r }
        var d = 0
        for k in els.indices where postingCount(els[k]) < postingCount(els[d]) { d = k }
        let drive = driveSlice(els[d])
        let s = starts(unit), e = ends(unit)
        let width = Int32(els.count)
        let single = els.count == 1 && els[0].exact == nil
        let d32 = Int32(d)
        // a phrase lies wholly in an article's headline or wholly outside it
        let fielded = unit == .article && width > 1 && !titleStarts.isEmpty
        // under body:, no part of it in the headline
        let bodyOnly = leaf.bodyOnly && !titleStarts.isEmpty
        var ranges = TokenRanges()
        /// Whether the leaf's other elements hold at a start position.
        @inline(__always) func verify(_ p: Int32) -> Bool {
            for k in els.indices {
                let t = Int(tokTerm[Int(p) + k])
                if !els[k].contains(t) { return false }
                if let ex = els[k].exact {
                    let r = ranges.range(self, Int(p) + k)
                    if !surface(ranges.article, r, equals: ex) { return false }
                }
            }
            return true
        }
        if let c = cand, c.count * 4 < drive.count {
            var j = drive.startIndex
            for u in c {
                let lo = s[Int(u)], hi = e[Int(u)]
                guard lo < hi else { continue }
                j = gallopSlice(drive, j, lo + d32)
                while j < drive.endIndex {
                    let p = drive[j] - d32
                    if p + width > hi { break }
                    j += 1
                    if p < lo || (!single && !verify(p)) { continue }
                    if fielded, crossesTitle(Int(u), p, width) { continue }
                    if bodyOnly, touchesTitle(unit == .article ? Int(u) : article(at: Int(p)), p, width) { continue }
                    if r.units.last != u { r.open(u) }
                    if keep { r.add(leaf: id, pos: p) } else { break }
                }
                if j >= drive.endIndex { break }
            }
            return r
        }
        var u = -1
        var uLo: Int32 = 1, uHi: Int32 = 0
        var ci = 0
        let total = Int32(tokTerm.count)
        for q in drive {
            let p = q - d32
            guard p >= 0, p + width <= total else { continue }
            if !(p >= uLo && p < uHi) {
                if p >= uHi, u + 1 < s.count, p < s[u + 1] { continue } // in the gap after the current unit
                // positions come sorted: search forward from the current unit (galloping)
                let k = (p >= uHi && u >= 0 ? upper(s, p, from: u + 1) : upper(s, p)) - 1
                if k < 0 { continue }
                u = k; uLo = s[k]; uHi = e[k]
                if p >= uHi { continue }
            }
            if p + width > uHi { continue }
            if let c = cand {
                if c[ci] < Int32(u) { ci = gallop(c, ci, Int32(u)) }
                if ci >= c.count { break }
                if c[ci] != Int32(u) { continue }
            }
            if !single, !verify(p) { continue }
            if fielded, crossesTitle(u, p, width) { continue }
            if bodyOnly, touchesTitle(unit == .article ? u : article(at: Int(p)), p, width) { continue }
            if r.units.last != Int32(u) { r.open(Int32(u)) } else if !keep { continue }
            if keep { r.add(leaf: id, pos: p) }
        }
        return r
    }

    /// Whether positions `p..<p+width` of article `u` lie partly in its headline.
    @inline(__always)
    func crossesTitle(_ u: Int, _ p: Int32, _ width: Int32) -> Bool {
        guard u < titleStarts.count else { return false }
        let ts = titleStarts[u], te = titleEnds[u]
        guard ts < te else { return false }
        let end = p + width
        return (p < ts && end > ts) || (p < te && end > te)
    }

    /// Whether positions `p..<p+width` of article `a` lie partly or wholly in its headline.
    @inline(__always)
    func touchesTitle(_ a: Int, _ p: Int32, _ width: Int32) -> Bool {
        guard a >= 0, a < titleStarts.count else { return false }
        let ts = titleStarts[a], te = titleEnds[a]
        return ts < te && p < te && p + width > ts
    }

    /// First index of a sorted slice, at or after `from`, whose value is >= `x` (galloping).
    @inline(__always)
    func gallopSlice(_ c: ArraySlice<Int32>, _ from: Int, _ x: Int32) -> Int {
        guard from < c.endIndex, c[from] < x else { return from }
        var lo = from, step = 1
        var hi = from + 1
        while hi < c.endIndex, c[hi] < x { lo = hi; step <<= 1; hi = from + step }
        hi = min(hi, c.endIndex)
        while lo < hi { let m = (lo + hi) >> 1; if c[m] < x { lo = m + 1 } else { hi = m } }
        return lo
    }

    /// First index at or after `from` whose value is >= `x` (exponential then binary search).
    @inline(__always)
    func gallop(_ c: [Int32], _ from: Int, _ x: Int32) -> Int { gallopSlice(c[...], from, x) }

    /// near(...): units holding every item, then the FTS5 window check inside each.
    func evalNear(_ ids: [Int], _ distance: Int, _ leaves: [Leaf], _ unit: TextUnit, _ cand: [Int32]?) -> UnitHits {
        let order = ids.indices.sorted { cost(.leaf(ids[$0]), leaves) < cost(.leaf(ids[$1]), leaves) }
        var parts = [UnitHits](repeating: UnitHits(), count: ids.count)
        var units = cand
        for k in order {
            let h = evalLeaf(leaves[ids[k]], Int32(ids[k]), unit, units)
            parts[k] = h
            units = h.units
            if h.count == 0 { return UnitHits() }
        }
        let keep = units ?? []
        var r = UnitHits()
        var idx = [Int](repeating: 0, count: ids.count)
        let lens = ids.map { Int32(leaves[$0].elements.count) }
        let n = Int32(distance)
        var lo = [Int](repeating: 0, count: ids.count), hi = lo, ptr = lo
        var all: [Int32] = []
        var chosen: [Int64] = []
        let posOf = parts.map(\.pos)
        for u in keep {
            all.removeAll(keepingCapacity: true)
            for k in ids.indices {
                let h = parts[k]
                while h.units[idx[k]] < u { idx[k] += 1 }
                lo[k] = Int(h.start[idx[k]]); hi[k] = Int(h.start[idx[k] + 1]); ptr[k] = lo[k]
                all.append(contentsOf: h.pos[lo[k]..<hi[k]])
            }
            // Candidate last starts M, in order; per item the latest start <= M.
            if ids.count > 1 { all.sort() }
            chosen.removeAll(keepingCapacity: true)
            var prev: Int32 = -1
            for m in all where m != prev {
                prev = m
                var ok = true
                for k in ids.indices {
                    let pos = posOf[k]
                    while ptr[k] + 1 < hi[k], pos[ptr[k] + 1] <= m { ptr[k] += 1 }
                    let s = pos[ptr[k]]
                    if s > m || m - s - lens[k] > n { ok = false; break }
                }
                // the group lies wholly in the headline or wholly outside it
                if ok, unit == .article, Int(u) < titleStarts.count, titleStarts[Int(u)] < titleEnds[Int(u)] {
                    let ts = titleStarts[Int(u)], te = titleEnds[Int(u)]
                    var inside = 0
                    for k in ids.indices {
                        let s = posOf[k][ptr[k]]
                        if s >= ts && s + lens[k] <= te { inside += 1 }
                    }
                    if inside != 0 && inside != ids.count { ok = false }
                }
                if ok { for k in ids.indices { chosen.append(Int64(k) << 32 | Int64(posOf[k][ptr[k]])) } }
            }
            guard !chosen.isEmpty else { continue }
            chosen.sort()
            r.open(u)
            var last: Int64 = -1
            for key in chosen where key != last {
                last = key
                r.add(leaf: Int32(ids[Int(key >> 32)]), pos: Int32(truncatingIfNeeded: key & 0xFFFF_FFFF))
            }
        }
        return r
    }

    /// Index of the first start greater than `p`, searching from `from` on
    /// (exponential steps, then binary search): cheap when `p` is near.
    @inline(__always)
    func upper(_ s: [Int32], _ p: Int32, from: Int) -> Int {
        var lo = from, step = 1, hi = from
        while hi < s.count, s[hi] <= p { lo = hi + 1; hi = from + step; step <<= 1 }
        hi = min(hi, s.count)
        while lo < hi { let m = (lo + hi) >> 1; if s[m] <= p { lo = m + 1 } else { hi = m } }
        return lo
    }

    /// Index of the first start greater than `p`.
    func upper(_ s: [Int32], _ p: Int32) -> Int {
        var lo = 0, hi = s.count
        while lo < hi { let m = (lo + hi) / 2; if s[m] <= p { lo = m + 1 } else { hi = m } }
        return lo
    }

    func surface(_ article: Int, _ r: Range<Int>, equals ex: [UInt8]) -> Bool {
        guard r.count == ex.count else { return false }
        return texts[article].utf8.withContiguousStorageIfAvailable { buf in
            ex.indices.allSatisfy { buf[r.lowerBound + $0] == ex[$0] }
        } ?? Array(texts[article].utf8)[r].elementsEqual(ex)
    }

    // MARK: scoring

    /// Units containing a leaf anywhere (its document frequency at a level).
    func documentFrequency(_ leaf: Leaf, _ id: Int32, _ unit: TextUnit) -> Int {
        if unit == .article, leaf.elements.count == 1, leaf.elements[0].exact == nil,
           leaf.elements[0].list == nil, leaf.elements[0].terms.count == 1 {
            return Int(articleFrequency[leaf.elements[0].terms.lowerBound])
        }
        return evalLeaf(leaf, id, unit, nil, positions: false).count
    }

    func score(_ r: UnitHits, _ leaves: [Leaf], _ unit: TextUnit, topLevelLeaf: Bool, hits wantHits: Bool = true) -> [TextMatch] {
        let widths = leaves.map(\.elements.count)
        let s = starts(unit), e = ends(unit)
        let n = Double(nonEmpty[level(unit)])
        let avgdl = n > 0 ? Double(levelTokens[level(unit)]) / n : 1
        var idf = [Double](repeating: -1, count: leaves.count)
        var tf = [Int](repeating: 0, count: leaves.count)
        var touched: [Int] = []
        var out: [TextMatch] = []
        out.reserveCapacity(r.count)
        var hits: [Range<Int>] = []
        var ranges = TokenRanges()
        for i in 0..<r.count {
            let u = Int(r.units[i])
            let dl = Double(e[u] - s[u])
            hits.removeAll(keepingCapacity: true)
            var sorted = true
            for x in Int(r.start[i])..<Int(r.start[i + 1]) {
                let l = Int(r.leaf[x])
                if tf[l] == 0 { touched.append(l) }
                tf[l] += 1
                guard wantHits else { continue }
                let p = Int(r.pos[x])
                for k in 0..<widths[l] {
                    let h = ranges.range(self, p + k)
                    if let last = hits.last, last.lowerBound >= h.lowerBound { sorted = false }
                    hits.append(h)
                }
            }
            var sc = 0.0
            let norm = 1.2 * (0.25 + 0.75 * dl / avgdl)
            for l in touched {
                if idf[l] < 0 {
                    let df = Double(topLevelLeaf ? r.count : documentFrequency(leaves[l], Int32(l), unit))
                    idf[l] = log(1 + (n - df + 0.5) / (df + 0.5))
                }
                let f = Double(tf[l])
                sc += idf[l] * f * 2.2 / (f + norm)
                tf[l] = 0
            }
            touched.removeAll(keepingCapacity: true)
            if sorted {
                out.append(TextMatch(unit: u, hits: hits, score: sc))
            } else {
                hits.sort { $0.lowerBound < $1.lowerBound }
                var uniq: [Range<Int>] = []
                uniq.reserveCapacity(hits.count)
                for h in hits where uniq.last != h { uniq.append(h) }
                out.append(TextMatch(unit: u, hits: uniq, score: sc))
            }
        }
        return out
    }
}
