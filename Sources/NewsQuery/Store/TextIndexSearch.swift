import Foundation

/// Query evaluation over a `TextIndex`: words, phrases and prefixes become
/// leaves (runs of term-id ranges at consecutive positions), combined per unit.
///
/// Design rules:
/// - Query words are tokenized and folded like the text; a word that gives
///   several tokens ("Chih-cheng", "U.S.") is a phrase.
/// - A leaf is driven by its rarest element; the other elements are checked
///   through the per-position term ids; a phrase must lie within one unit.
/// - AND evaluates its positive parts rarest first, each restricted to the
///   units left so far, then removes the units of its NOT parts. OR unions.
///   A NOT on its own is every non-empty unit (of the candidates) without it.
/// - Scores are BM25 (k1 1.2, b 0.75) over the units of the level searched.
extension TextIndex {
    /// One position of a leaf: the term ids allowed there, and the exact surface
    /// bytes required there (for exact-case queries).
    struct Element { var terms: Range<Int>; var exact: [UInt8]? }
    /// A word, phrase or prefix: elements at consecutive positions.
    struct Leaf { var elements: [Element] }
    /// A compiled query.
    indirect enum Node { case leaf(Int), and([Node]), or([Node]), not(Node) }

    /// Units matching `q` at the `unit` level, sorted by unit index, with hits and BM25 scores.
    public func search(_ q: TextQuery, unit: TextUnit, candidates: [Int]? = nil) -> [TextMatch] {
        var leaves: [Leaf] = []
        let node = compile(q, &leaves)
        let cand = candidates.map { c -> [Int32] in
            let s = c.map { Int32($0) }
            return zip(s, s.dropFirst()).allSatisfy { $0 < $1 } ? s : Array(Set(s)).sorted()
        }
        let result = eval(node, leaves, unit, cand)
        return score(result, leaves, unit, topLevelLeaf: { if case .leaf = node, cand == nil { return true }; return false }())
    }

    // MARK: compiling

    func compile(_ q: TextQuery, _ leaves: inout [Leaf]) -> Node {
        switch q {
        case let .term(w, exact):
            return addLeaf(elements(words: [w], exact: exact), &leaves)
        case let .phrase(ws, exact):
            return addLeaf(elements(words: ws, exact: exact), &leaves)
        case let .prefix(p):
            var els = elements(words: [p], exact: false)
            if let last = Tokenizer.tokens(p).last {
                els[els.count - 1].terms = termIDs(prefix: last.folded)
            }
            return addLeaf(els, &leaves)
        case let .and(qs): return .and(qs.map { compile($0, &leaves) })
        case let .or(qs): return .or(qs.map { compile($0, &leaves) })
        case let .not(x): return .not(compile(x, &leaves))
        }
    }

    func addLeaf(_ els: [Element], _ leaves: inout [Leaf]) -> Node {
        leaves.append(Leaf(elements: els))
        return .leaf(leaves.count - 1)
    }

    /// One element per token of the words; an unknown term gives an empty range.
    func elements(words: [String], exact: Bool) -> [Element] {
        var out: [Element] = []
        for w in words {
            let bytes = Array(w.utf8)
            for t in Tokenizer.tokens(w) {
                let id = termID(t.folded)
                let terms = id.map { $0..<($0 + 1) } ?? 0..<0
                out.append(Element(terms: terms, exact: exact ? Array(bytes[t.range]) : nil))
            }
        }
        return out
    }

    // MARK: evaluating

    func cost(_ n: Node, _ leaves: [Leaf]) -> Int {
        switch n {
        case let .leaf(i): return leaves[i].elements.map { postingCount($0.terms) }.min() ?? 0
        case let .and(cs): return cs.filter { if case .not = $0 { return false }; return true }.map { cost($0, leaves) }.min() ?? Int.max
        case let .or(cs): return cs.reduce(0) { $0 &+ cost($1, leaves) }
        case .not: return Int.max
        }
    }

    func postingCount(_ r: Range<Int>) -> Int {
        r.isEmpty ? 0 : Int(postingOffsets[r.upperBound] - postingOffsets[r.lowerBound])
    }

    func eval(_ n: Node, _ leaves: [Leaf], _ unit: TextUnit, _ cand: [Int32]?) -> UnitHits {
        switch n {
        case let .leaf(i):
            return evalLeaf(leaves[i], Int32(i), unit, cand)
        case let .or(cs):
            return cs.reduce(UnitHits()) { UnitHits.union($0, eval($1, leaves, unit, cand)) }
        case let .not(x):
            return UnitHits.complement(universe(unit, cand), eval(x, leaves, unit, cand))
        case let .and(cs):
            var pos: [Node] = [], neg: [Node] = []
            for c in cs { if case let .not(x) = c { neg.append(x) } else { pos.append(c) } }
            pos.sort { cost($0, leaves) < cost($1, leaves) }
            var r: UnitHits
            if let first = pos.first {
                r = eval(first, leaves, unit, cand)
                for p in pos.dropFirst() where r.count > 0 {
                    r = UnitHits.intersect(r, eval(p, leaves, unit, r.units))
                }
            } else {
                r = UnitHits.complement(universe(unit, cand), UnitHits())
            }
            for x in neg where r.count > 0 { r = UnitHits.subtract(r, eval(x, leaves, unit, r.units)) }
            return r
        }
    }

    /// Non-empty units of the level, limited to the candidates when given.
    func universe(_ unit: TextUnit, _ cand: [Int32]?) -> [Int32] {
        let s = starts(unit)
        let all = cand ?? (0..<Int32(max(0, s.count - 1))).map { $0 }
        return all.filter { Int($0) + 1 < s.count && $0 >= 0 && s[Int($0)] < s[Int($0) + 1] }
    }

    /// Sorted positions where the driver element of a leaf occurs.
    func positions(_ terms: Range<Int>) -> [Int32] {
        if terms.count == 1 {
            return Array(postings[Int(postingOffsets[terms.lowerBound])..<Int(postingOffsets[terms.upperBound])])
        }
        return Array(postings[Int(postingOffsets[terms.lowerBound])..<Int(postingOffsets[terms.upperBound])]).sorted()
    }

    func evalLeaf(_ leaf: Leaf, _ id: Int32, _ unit: TextUnit, _ cand: [Int32]?) -> UnitHits {
        var r = UnitHits()
        let els = leaf.elements
        guard !els.isEmpty, els.allSatisfy({ !$0.terms.isEmpty }) else { return r }
        var d = 0
        for k in els.indices where postingCount(els[k].terms) < postingCount(els[d].terms) { d = k }
        let drive = positions(els[d].terms)
        let s = starts(unit)
        let width = els.count
        var u = -1, uEnd = Int32.min
        var ci = 0
        var article = -1, aEnd = Int32.min
        for q in drive {
            let p = q - Int32(d)
            guard p >= 0, Int(p) + width <= tokTerm.count else { continue }
            if p >= uEnd { u = upper(s, p) - 1; uEnd = s[u + 1] }
            if Int(p) + width > Int(uEnd) { continue }
            if let c = cand {
                while ci < c.count, c[ci] < Int32(u) { ci += 1 }
                if ci >= c.count { break }
                if c[ci] != Int32(u) { continue }
            }
            var ok = true
            for k in els.indices {
                let t = Int(tokTerm[Int(p) + k])
                if !els[k].terms.contains(t) { ok = false; break }
                if let ex = els[k].exact {
                    if p >= aEnd { article = upper(articleStarts, p) - 1; aEnd = articleStarts[article + 1] }
                    if !surface(article, Int(p) + k, equals: ex) { ok = false; break }
                }
            }
            guard ok else { continue }
            if r.units.last != Int32(u) { r.open(Int32(u)) }
            r.add(leaf: id, pos: p)
        }
        return r
    }

    /// Index of the first start greater than `p`.
    func upper(_ s: [Int32], _ p: Int32) -> Int {
        var lo = 0, hi = s.count
        while lo < hi { let m = (lo + hi) / 2; if s[m] <= p { lo = m + 1 } else { hi = m } }
        return lo
    }

    func surface(_ article: Int, _ p: Int, equals ex: [UInt8]) -> Bool {
        let r = byteRange(at: p)
        guard r.count == ex.count else { return false }
        return texts[article].utf8.withContiguousStorageIfAvailable { buf in
            ex.indices.allSatisfy { buf[r.lowerBound + $0] == ex[$0] }
        } ?? Array(texts[article].utf8)[r].elementsEqual(ex)
    }

    // MARK: scoring

    func score(_ r: UnitHits, _ leaves: [Leaf], _ unit: TextUnit, topLevelLeaf: Bool) -> [TextMatch] {
        let s = starts(unit)
        let n = Double(nonEmpty[level(unit)])
        let avgdl = n > 0 ? Double(tokenCount) / n : 1
        var idf: [Int32: Double] = [:]
        func idfOf(_ l: Int32) -> Double {
            if let v = idf[l] { return v }
            let df = Double(topLevelLeaf ? r.count : evalLeaf(leaves[Int(l)], l, unit, nil).count)
            let v = log(1 + (n - df + 0.5) / (df + 0.5))
            idf[l] = v
            return v
        }
        var out: [TextMatch] = []
        out.reserveCapacity(r.count)
        for i in 0..<r.count {
            let u = Int(r.units[i])
            let dl = Double(s[u + 1] - s[u])
            var tf: [Int32: Int] = [:]
            var hits: [Range<Int>] = []
            for e in Int(r.start[i])..<Int(r.start[i + 1]) {
                tf[r.leaf[e], default: 0] += 1
                let p = Int(r.pos[e])
                for k in 0..<leaves[Int(r.leaf[e])].elements.count { hits.append(byteRange(at: p + k)) }
            }
            var sc = 0.0
            for (l, f) in tf {
                let f = Double(f)
                sc += idfOf(l) * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * dl / avgdl))
            }
            hits.sort { $0.lowerBound < $1.lowerBound }
            var uniq: [Range<Int>] = []
            for h in hits where uniq.last != h { uniq.append(h) }
            out.append(TextMatch(unit: u, hits: uniq, score: sc))
        }
        return out
    }
}
