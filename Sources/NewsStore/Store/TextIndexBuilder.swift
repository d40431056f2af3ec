/// One thread's share of the index under construction: the token stream of a
/// run of consecutive articles, with term ids local to the shard.
///
/// Every article's whole text is tokenized once into the stream; paragraphs and
/// sentences are then given as byte ranges and become position ranges (empty
/// for the units kept out of the child-level index: boilerplate, duplicates).
final class IndexShard {
    var dict = TermDictionary(capacity: 1 << 14)
    var tokTerm: [Int32] = []
    /// Byte starts of the current article's tokens only (reused per article):
    /// enough to place its paragraphs and sentences, and no per-token memory kept.
    var tokStart: [Int32] = []
    /// Position of the current article's first token.
    var articleBase = 0
    var articleStarts: [Int32] = []
    /// Level 0 = paragraphs, 1 = sentences.
    var unitStarts: [[Int32]] = [[], []]
    var unitEnds: [[Int32]] = [[], []]
    /// Per article, the index of its first paragraph / sentence in this shard.
    var firstUnit: [[Int32]] = [[], []]
    var texts: [String] = []
    /// Byte start of every 16th token of each article (article-local), and
    /// per article the index of its first checkpoint.
    var checkpoints: [Int32] = []
    var firstCheckpoint: [Int32] = []
    /// Per article, the positions of its headline (empty when it has none).
    var titlePositions: [(Int32, Int32)] = []

    var position: Int { tokTerm.count }

    /// Tokenizes a whole article text into the stream; returns its position range.
    func addArticle(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        articleStarts.append(Int32(position))
        firstUnit[0].append(Int32(unitStarts[0].count))
        firstUnit[1].append(Int32(unitStarts[1].count))
        texts.append(text)
        let lo = position
        tokStart.removeAll(keepingCapacity: true)
        articleBase = lo
        var sink = TokenSink(dict: dict, terms: tokTerm, starts: tokStart)
        dict = TermDictionary(capacity: 0); tokTerm = []; tokStart = []
        sink.scan(bytes)
        dict = sink.dict; tokTerm = sink.terms; tokStart = sink.starts
        firstCheckpoint.append(Int32(checkpoints.count))
        var k = 0
        while k < tokStart.count { checkpoints.append(tokStart[k]); k += TextIndex.checkpointEvery }
        return lo..<position
    }

    /// The positions (inside `article`) of the tokens lying in a byte range;
    /// `from` is a position to start looking at (ranges come in text order).
    func positions(bytes r: Range<Int>, in article: Range<Int>, from: Int) -> Range<Int> {
        var p = max(from, article.lowerBound)
        let b = articleBase
        while p < article.upperBound, Int(tokStart[p - b]) < r.lowerBound { p += 1 }
        var q = p
        while q < article.upperBound, Int(tokStart[q - b]) < r.upperBound { q += 1 }
        return p..<q
    }

    /// Adds a paragraph (level 0) or sentence (level 1) covering positions `r`.
    func addUnit(_ level: Int, _ r: Range<Int>) {
        unitStarts[level].append(Int32(r.lowerBound))
        unitEnds[level].append(Int32(r.upperBound))
    }
}

/// The tokenizer's scan, inlined for indexing: folded bytes go to a scratch
/// buffer and their FNV-1a hash is computed on the way, so each token costs one
/// table probe and no allocation. A plain struct (no closures), so the hot loop
/// has no boxed captures and no dynamic exclusivity checks.
struct TokenSink {
    var dict: TermDictionary
    var terms: [Int32]
    var starts: [Int32]

    static let ascii: UnsafeMutablePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 128)
        for (i, v) in Tokenizer.asciiFoldTable.enumerated() { p[i] = v }
        return p
    }()

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0, let src = bytes.baseAddress else { return }
        let ascii = TokenSink.ascii
        var cap = 256
        var scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: cap)
        defer { scratch.deallocate() }
        var len = 0, start = -1, i = 0
        let basis: UInt32 = 2_166_136_261
        var h = basis
        while i < n {
            let b = src[i]
            var fold: UInt32
            var cl = 1
            if b < 0x80 {
                let f = ascii[Int(b)]
                if f != 0 {
                    if start < 0 { start = i }
                    if len == cap {
                        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: cap * 2)
                        bigger.update(from: scratch, count: len); scratch.deallocate(); scratch = bigger; cap *= 2
                    }
                    scratch[len] = f; len += 1
                    h = (h ^ UInt32(f)) &* 16_777_619
                    i += 1
                    continue
                }
                fold = Tokenizer.separator
            } else {
                let (cp, length) = Tokenizer.decode(src, i, n)
                cl = length
                fold = Tokenizer.classify(cp)
            }
            if fold == Tokenizer.separator {
                if start >= 0 {
                    terms.append(dict.id(UnsafeBufferPointer(start: scratch, count: len), hash: h))
                    starts.append(Int32(start))
                    len = 0; start = -1; h = basis
                }
            } else {
                if start < 0 { start = i }
                if fold != Tokenizer.dropped {
                    if len + 4 > cap {
                        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: cap * 2)
                        bigger.update(from: scratch, count: len); scratch.deallocate(); scratch = bigger; cap *= 2
                    }
                    let w = Tokenizer.writeUTF8(fold, scratch + len)
                    for j in len..<(len + w) { h = (h ^ UInt32(scratch[j])) &* 16_777_619 }
                    len += w
                }
            }
            i += cl
        }
        if start >= 0 {
            terms.append(dict.id(UnsafeBufferPointer(start: scratch, count: len), hash: h))
            starts.append(Int32(start))
        }
    }
}

/// Joins the shards (in article order) into one `TextIndex`: one term
/// dictionary sorted by bytes (ids = ranks, so a prefix is an id range), the
/// token stream, and postings grouped by term (CSR, by counting sort).
enum TextIndexBuilder {
    static func build(_ shards: [IndexShard], titles: TextIndex? = nil) -> TextIndex {
        // Global ids in first-seen order, then the shards' ids mapped to them.
        var dict = shards.first?.dict ?? TermDictionary(capacity: 16)
        var remaps: [[Int32]] = [Array(0..<Int32(dict.count))]
        for sh in shards.dropFirst() {
            var m = [Int32](repeating: 0, count: sh.dict.count)
            for i in 0..<sh.dict.count {
                let t = sh.dict.term(i)
                m[i] = t.withUnsafeBufferPointer { dict.id($0) }
            }
            remaps.append(m)
        }
        // Sort terms by bytes; ranks become the ids.
        let n = dict.count
        let order: [Int32] = dict.bytes.withUnsafeBufferPointer { b in
            dict.offsets.withUnsafeBufferPointer { off in
                (0..<Int32(n)).sorted { x, y in
                    let a0 = Int(off[Int(x)]), a1 = Int(off[Int(x) + 1]), b0 = Int(off[Int(y)]), b1 = Int(off[Int(y) + 1])
                    let la = a1 - a0, lb = b1 - b0
                    let c = memcmp(b.baseAddress! + a0, b.baseAddress! + b0, min(la, lb))
                    return c != 0 ? c < 0 : la < lb
                }
            }
        }
        var rank = [Int32](repeating: 0, count: n)
        var termBytes: [UInt8] = []
        termBytes.reserveCapacity(dict.bytes.count)
        var termOffsets: [Int32] = [0]
        termOffsets.reserveCapacity(n + 1)
        for (r, old) in order.enumerated() {
            rank[Int(old)] = Int32(r)
            termBytes.append(contentsOf: dict.term(Int(old)))
            termOffsets.append(Int32(termBytes.count))
        }
        dict = TermDictionary(capacity: 0)
        let total = shards.reduce(0) { $0 + $1.position }
        var tokTerm: [Int32] = []; tokTerm.reserveCapacity(total)
        var articleStarts: [Int32] = []
        var starts: [[Int32]] = [[], []], ends: [[Int32]] = [[], []], first: [[Int32]] = [[], []]
        var texts: [String] = []
        var checkpoints: [Int32] = [], firstCheckpoint: [Int32] = []
        var titleStarts: [Int32] = [], titleEnds: [Int32] = []
        for (k, sh) in shards.enumerated() {
            let cb = Int32(checkpoints.count)
            checkpoints.append(contentsOf: sh.checkpoints); sh.checkpoints = []
            firstCheckpoint.append(contentsOf: sh.firstCheckpoint.map { $0 + cb }); sh.firstCheckpoint = []
            let base = Int32(tokTerm.count)
            let m = remaps[k]
            for t in sh.tokTerm { tokTerm.append(rank[Int(m[Int(t)])]) }
            sh.tokTerm = []
            sh.tokStart = []
            articleStarts.append(contentsOf: sh.articleStarts.map { $0 + base })
            for (lo, hi) in sh.titlePositions { titleStarts.append(lo + base); titleEnds.append(hi + base) }
            sh.titlePositions = []
            for l in 0..<2 {
                let ub = Int32(starts[l].count)
                starts[l].append(contentsOf: sh.unitStarts[l].map { $0 + base })
                ends[l].append(contentsOf: sh.unitEnds[l].map { $0 + base })
                first[l].append(contentsOf: sh.firstUnit[l].map { $0 + ub })
            }
            texts.append(contentsOf: sh.texts)
            sh.texts = []; sh.dict = TermDictionary(capacity: 0)
        }
        articleStarts.append(Int32(tokTerm.count))
        for l in 0..<2 { first[l].append(Int32(starts[l].count)) }
        // Postings by counting sort: positions of term t at postings[off[t]..<off[t+1]].
        var off = [Int32](repeating: 0, count: n + 1)
        for t in tokTerm { off[Int(t) + 1] += 1 }
        for i in 0..<n { off[i + 1] += off[i] }
        var postings = [Int32](repeating: 0, count: tokTerm.count)
        var fill = off
        tokTerm.withUnsafeBufferPointer { tt in
            postings.withUnsafeMutableBufferPointer { ps in
                fill.withUnsafeMutableBufferPointer { f in
                    for p in 0..<tt.count {
                        let t = Int(tt[p])
                        ps[Int(f[t])] = Int32(p)
                        f[t] += 1
                    }
                }
            }
        }
        return TextIndex(texts: texts, termBytes: termBytes, termOffsets: termOffsets, postingOffsets: off,
                         postings: postings, tokTerm: tokTerm,
                         articleStarts: articleStarts,
                         paragraphStarts: starts[0], paragraphEnds: ends[0],
                         sentenceStarts: starts[1], sentenceEnds: ends[1],
                         articleParagraphs: first[0], articleSentences: first[1],
                         checkpoints: checkpoints, firstCheckpoint: firstCheckpoint, titles: titles,
                         titleStarts: titleStarts, titleEnds: titleEnds)
    }

    /// An article-level index of short texts (the titles): one unit per text.
    static func titles(_ texts: [String]) -> TextIndex {
        let sh = IndexShard()
        for t in texts {
            var s = t
            s.withUTF8 { _ = sh.addArticle(t, $0) }
        }
        return build([sh])
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
