import NewsStore

/// A passage of eight or more words found in two or more articles.
public struct SharedPassage: Sendable {
    /// The passage as written in the earliest article.
    public var text: String
    public var words: Int
    /// Articles it occurs in (corpus indices, ascending).
    public var articles: [Int]
    /// The earliest of them (by date, then corpus order).
    public var first: Int
}

/// Shared passages, and articles that are near-copies of an earlier one.
public struct SharedPassageTable: Sendable {
    public var passages: [SharedPassage] = []
    /// For each article, the earlier article it nearly copies (nil when none).
    public var duplicateOf: [Int?] = []
}

/// Finds passages shared between articles by hashing word shingles.
///
/// Design rules:
/// - Works on the index's tokens (folded words of body and caption paragraphs,
///   first occurrences only), one paragraph at a time: a shingle is 8
///   consecutive words of a paragraph, hashed.
/// - Shingle occurrences are sorted by hash (memory stays flat on large
///   corpora); a hash in 2+ articles but not in more than `maxArticles` (so
///   stock phrases of a big collection do not swamp it) marks a match.
/// - For each pair of articles, consecutive matching shingles (in step on
///   both sides) make one maximal run; runs with the same words are one
///   passage, whatever pairs they came from.
/// - Near-copies: an article sharing at least 60% of its shingles with an
///   earlier article (by date, then corpus order) is a copy of it.
enum SharedPassagesFinder {
    static let shingle = 8
    static let maxArticles = 50

    struct Occurrence { var hash: UInt64; var article: Int32; var pos: Int32 }

    static func find(_ corpus: Corpus) -> SharedPassageTable {
        let index = corpus.index
        var occ: [Occurrence] = []
        var shingles = [Int](repeating: 0, count: corpus.articles.count)
        for (ai, a) in corpus.articles.enumerated() {
            for pi in a.paragraphs {
                let r = index.positions(of: .paragraph, pi)
                guard r.count >= shingle else { continue }
                for s in r.lowerBound...(r.upperBound - shingle) {
                    var h: UInt64 = 0xcbf29ce484222325
                    for k in s..<(s + shingle) {
                        h ^= UInt64(truncatingIfNeeded: index.termID(at: k)) &+ 0x9E3779B97F4A7C15
                        h = h &* 0x100000001b3
                        h ^= h >> 29
                    }
                    occ.append(Occurrence(hash: h, article: Int32(ai), pos: Int32(s)))
                    shingles[ai] += 1
                }
            }
        }
        occ.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.pos < $1.pos }
        // matching pairs (position, position elsewhere), and shingles shared per article pair
        var pairs: [(i: Int32, j: Int32)] = []
        var pairShared: [Int64: Int] = [:]
        var g = 0
        while g < occ.count {
            var e = g + 1
            while e < occ.count, occ[e].hash == occ[g].hash { e += 1 }
            if e - g >= 2 {
                let group = occ[g..<e]
                let arts = Set(group.map(\.article))
                if arts.count >= 2, arts.count <= maxArticles, e - g <= maxArticles * 4 {
                    for x in group { for y in group where y.article > x.article { pairs.append((x.pos, y.pos)) } }
                    let sorted = arts.sorted()
                    for x in sorted.indices { for y in sorted.indices where y > x {
                        pairShared[Int64(sorted[x]) << 32 | Int64(sorted[y]), default: 0] += 1
                    } }
                }
            }
            g = e
        }
        occ = []
        pairs.sort { $0.i != $1.i ? $0.i < $1.i : $0.j < $1.j }
        // the article of a position: binary search over the articles' first positions
        let starts = corpus.articles.indices.map { index.positions(of: .article, $0).lowerBound }
        func articleOf(_ pos: Int32) -> Int32 {
            var lo = 0, hi = starts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if starts[mid] <= Int(pos) { lo = mid } else { hi = mid - 1 }
            }
            return Int32(lo)
        }
        // maximal runs per pair of articles: consecutive positions, in step on both sides
        struct Run { var a: Int32; var b: Int32; var i0: Int32; var j0: Int32; var i1: Int32; var j1: Int32 }
        var runs: [Run] = []
        var active: [Int32: Run] = [:]   // by the other article
        var lastArticle: Int32 = -1
        for p in pairs {
            let a = articleOf(p.i)
            if a != lastArticle { runs += active.values; active.removeAll(); lastArticle = a }
            let b = articleOf(p.j)
            if var r = active[b], r.i1 + 1 == p.i, r.j1 + 1 == p.j {
                r.i1 = p.i; r.j1 = p.j; active[b] = r
            } else if let r = active[b], r.i1 + 1 == p.i || r.i1 == p.i {
                // another copy of this shingle in b: keep the run already going
                continue
            } else {
                if let r = active[b] { runs.append(r) }
                active[b] = Run(a: a, b: b, i0: p.i, j0: p.j, i1: p.i, j1: p.j)
            }
        }
        runs += active.values
        // group runs by their words
        func order(_ x: Int, _ y: Int) -> Bool {
            let dx = corpus.articles[x].date, dy = corpus.articles[y].date
            switch (dx, dy) {
            case let (p?, q?) where p != q: return p < q
            case (_?, nil): return true
            case (nil, _?): return false
            default: return x < y
            }
        }
        var groups: [[Int32]: (articles: Set<Int>, spans: [Int: Range<Int>])] = [:]
        for r in runs {
            let lo = Int(r.i0), hi = Int(r.i1) + shingle
            let key = (lo..<hi).map { Int32(index.termID(at: $0)) }
            var grp = groups[key] ?? ([], [:])
            grp.articles.insert(Int(r.a)); grp.articles.insert(Int(r.b))
            if grp.spans[Int(r.a)] == nil { grp.spans[Int(r.a)] = lo..<hi }
            if grp.spans[Int(r.b)] == nil { grp.spans[Int(r.b)] = Int(r.j0)..<(Int(r.j1) + shingle) }
            groups[key] = grp
        }
        var passages: [(p: SharedPassage, at: Int)] = []
        for (key, grp) in groups {
            let arts = grp.articles.sorted()
            let first = arts.min(by: order)!
            let span = grp.spans[first]!
            let bytes = index.byteRange(at: span.lowerBound).lowerBound..<index.byteRange(at: span.upperBound - 1).upperBound
            let text = String(corpus.articles[first].slice(bytes))
            passages.append((SharedPassage(text: text, words: key.count, articles: arts, first: first), span.lowerBound))
        }
        // longest first, then in corpus order
        passages.sort { $0.p.words != $1.p.words ? $0.p.words > $1.p.words : $0.at < $1.at }
        // near-copies
        var dup = [Int?](repeating: nil, count: corpus.articles.count)
        for (pair, n) in pairShared {
            let x = Int(pair >> 32), y = Int(pair & 0xFFFF_FFFF)
            let (early, late) = order(x, y) ? (x, y) : (y, x)
            guard shingles[late] > 0, Double(n) >= 0.6 * Double(shingles[late]) else { continue }
            if let d = dup[late], order(d, early) { continue }
            dup[late] = early
        }
        return SharedPassageTable(passages: passages.map(\.p), duplicateOf: dup)
    }
}
