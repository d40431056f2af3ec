/// The in-memory positional inverted index over the corpus.
///
/// Design rules:
/// - What a unit holds: an article is its whole text as loaded (headline,
///   boilerplate and repeated lines included), so article-level search matches
///   the documents SQLite FTS5 matches over the same text. A paragraph or a
///   sentence holds its own tokens when it is body or caption text seen for the
///   first time in its article; boilerplate and duplicate paragraphs (and their
///   sentences) are empty units, so `paragraphs | search` skips them.
/// - Tokens get corpus-wide positions in text order. For each position the
///   index keeps its term id; a position's byte range in the article text is
///   found again by cutting the article into tokens (`TokenRanges`), which
///   costs microseconds per article and saves 6 bytes per token.
/// - Terms are sorted by UTF-8 bytes and their ids are their ranks, so the terms
///   of a prefix are one id range found by binary search.
/// - Postings are one flat array of positions, grouped by term (CSR layout).
/// - Each unit level is a pair of arrays: unit u covers positions
///   `starts[u]..<ends[u]`; units match corpus indices. Articles are
///   contiguous; paragraphs and sentences may leave gaps (headline, boilerplate).
/// - Titles have their own small index (`titles`) for `title:(...)` scopes.
///   An article unit holds its headline too (its first paragraph, or the
///   record's title put in front); like a column of FTS5, the headline is a
///   field of its own: a phrase or a near() group lies wholly in it or wholly
///   outside it (`titleStarts`/`titleEnds`).
public final class TextIndex: @unchecked Sendable {
    let texts: [String]
    let termBytes: [UInt8]
    let termOffsets: [Int32]
    let postingOffsets: [Int32]
    let postings: [Int32]
    let tokTerm: [Int32]
    let articleStarts: [Int32]
    let articleEnds: [Int32]
    let paragraphStarts: [Int32]
    let paragraphEnds: [Int32]
    let sentenceStarts: [Int32]
    let sentenceEnds: [Int32]
    /// Per article (plus one), the index of its first paragraph / sentence.
    let articleParagraphs: [Int32]
    let articleSentences: [Int32]
    /// Byte start (in its article) of every `checkpointEvery`-th token of each
    /// article, and per article the index of its first checkpoint: a token's
    /// byte range is found by scanning at most that many tokens of text.
    let checkpoints: [Int32]
    let firstCheckpoint: [Int32]
    static let checkpointEvery = 16
    /// The index of the articles' titles (one unit per article), when built.
    public let titles: TextIndex?
    /// Units with at least one token, per level (article, paragraph, sentence).
    let nonEmpty: [Int]
    /// Tokens inside units, per level (for BM25's average length).
    let levelTokens: [Int]
    /// Per term id, the number of articles holding it (BM25's document frequency).
    let articleFrequency: [Int32]
    /// Per article, the position range of its headline (empty when it has none).
    let titleStarts: [Int32]
    let titleEnds: [Int32]

    init(texts: [String], termBytes: [UInt8], termOffsets: [Int32], postingOffsets: [Int32],
         postings: [Int32], tokTerm: [Int32],
         articleStarts: [Int32], paragraphStarts: [Int32], paragraphEnds: [Int32],
         sentenceStarts: [Int32], sentenceEnds: [Int32],
         articleParagraphs: [Int32], articleSentences: [Int32],
         checkpoints: [Int32], firstCheckpoint: [Int32], titles: TextIndex?,
         titleStarts: [Int32] = [], titleEnds: [Int32] = []) {
        self.titleStarts = titleStarts; self.titleEnds = titleEnds
        self.checkpoints = checkpoints; self.firstCheckpoint = firstCheckpoint
        self.texts = texts; self.termBytes = termBytes; self.termOffsets = termOffsets
        self.postingOffsets = postingOffsets; self.postings = postings; self.tokTerm = tokTerm
        self.articleStarts = Array(articleStarts.dropLast())
        self.articleEnds = Array(articleStarts.dropFirst())
        self.paragraphStarts = paragraphStarts; self.paragraphEnds = paragraphEnds
        self.sentenceStarts = sentenceStarts; self.sentenceEnds = sentenceEnds
        self.articleParagraphs = articleParagraphs; self.articleSentences = articleSentences
        self.titles = titles
        var ne: [Int] = [], lt: [Int] = []
        for (s, e) in [(self.articleStarts, self.articleEnds), (paragraphStarts, paragraphEnds), (sentenceStarts, sentenceEnds)] {
            var n = 0, t = 0
            for i in s.indices where s[i] < e[i] { n += 1; t += Int(e[i] - s[i]) }
            ne.append(n); lt.append(t)
        }
        nonEmpty = ne; levelTokens = lt
        var df = [Int32](repeating: 0, count: max(0, termOffsets.count - 1))
        var last = [Int32](repeating: -1, count: df.count)
        tokTerm.withUnsafeBufferPointer { tt in
            for a in 0..<max(0, articleStarts.count - 1) {
                let a32 = Int32(a)
                for p in Int(articleStarts[a])..<Int(articleStarts[a + 1]) {
                    let t = Int(tt[p])
                    if last[t] != a32 { last[t] = a32; df[t] += 1 }
                }
            }
        }
        articleFrequency = df
    }

    /// An empty index (for an empty corpus or tests).
    public convenience init() {
        self.init(texts: [], termBytes: [], termOffsets: [0], postingOffsets: [0], postings: [], tokTerm: [],
                  articleStarts: [0], paragraphStarts: [], paragraphEnds: [],
                  sentenceStarts: [], sentenceEnds: [], articleParagraphs: [0], articleSentences: [0],
                  checkpoints: [], firstCheckpoint: [], titles: nil)
    }

    /// Number of distinct terms.
    public var termCount: Int { termOffsets.count - 1 }
    /// Number of indexed tokens.
    public var tokenCount: Int { tokTerm.count }

    /// The folded text of a term id.
    public func term(_ id: Int) -> String {
        String(decoding: termBytes[Int(termOffsets[id])..<Int(termOffsets[id + 1])], as: UTF8.self)
    }

    /// Term id of the token at a position.
    public func termID(at position: Int) -> Int { Int(tokTerm[position]) }

    /// Number of occurrences of a term id.
    public func frequency(ofTerm id: Int) -> Int { Int(postingOffsets[id + 1] - postingOffsets[id]) }

    /// The id of a folded term, if indexed.
    public func termID(_ folded: String) -> Int? {
        let key = Array(folded.utf8)
        let i = lowerBound(key, prefix: false)
        return i < termCount && compare(i, key, prefix: false) == 0 ? i : nil
    }

    /// Ids of all terms starting with a folded prefix.
    public func termIDs(prefix: String) -> Range<Int> {
        let key = Array(prefix.utf8)
        return lowerBound(key, prefix: false)..<upperBound(key)
    }

    /// Token positions of one unit (empty for boilerplate and duplicate paragraphs).
    public func positions(of unit: TextUnit, _ index: Int) -> Range<Int> {
        Int(starts(unit)[index])..<Int(ends(unit)[index])
    }

    /// Number of units of a level.
    public func unitCount(_ unit: TextUnit) -> Int { starts(unit).count }

    /// Byte range (in its article's text) of the token at a position.
    public func byteRange(at position: Int) -> Range<Int> {
        var cache = TokenRanges()
        return cache.range(self, position)
    }

    /// The indexed tokens of an article that lie inside a byte range of its text.
    public func tokens(article: Int, range: Range<Int>) -> [WordToken] {
        let p = positions(of: .article, article)
        let ranges = texts[article].utf8.withContiguousStorageIfAvailable { Tokenizer.tokenRanges($0) }
            ?? Array(texts[article].utf8).withUnsafeBufferPointer { Tokenizer.tokenRanges($0) }
        var out: [WordToken] = []
        for (k, r) in ranges.enumerated() where r.lowerBound >= range.lowerBound && r.upperBound <= range.upperBound {
            out.append(WordToken(folded: term(Int(tokTerm[p.lowerBound + k])), range: r))
        }
        return out
    }

    /// The article a position belongs to.
    func article(at p: Int) -> Int { upper(articleStarts, Int32(p)) - 1 }

    func starts(_ unit: TextUnit) -> [Int32] {
        switch unit {
        case .article: return articleStarts
        case .paragraph: return paragraphStarts
        case .sentence: return sentenceStarts
        }
    }

    func ends(_ unit: TextUnit) -> [Int32] {
        switch unit {
        case .article: return articleEnds
        case .paragraph: return paragraphEnds
        case .sentence: return sentenceEnds
        }
    }

    /// The units of a level that belong to an article.
    func units(_ unit: TextUnit, ofArticle a: Int) -> Range<Int> {
        switch unit {
        case .article: return a..<(a + 1)
        case .paragraph: return Int(articleParagraphs[a])..<Int(articleParagraphs[a + 1])
        case .sentence: return Int(articleSentences[a])..<Int(articleSentences[a + 1])
        }
    }

    func level(_ unit: TextUnit) -> Int {
        switch unit {
        case .article: return 0
        case .paragraph: return 1
        case .sentence: return 2
        }
    }

    // MARK: term lookup

    /// Compares term `i` (or its first `key.count` bytes when `prefix`) with `key`.
    func compare(_ i: Int, _ key: [UInt8], prefix: Bool) -> Int {
        var a = Int(termOffsets[i])
        var end = Int(termOffsets[i + 1])
        if prefix { end = min(end, a + key.count) }
        var k = 0
        while a < end, k < key.count {
            let x = termBytes[a], y = key[k]
            if x != y { return x < y ? -1 : 1 }
            a += 1; k += 1
        }
        if a < end { return 1 }
        return k < key.count ? -1 : 0
    }

    /// First term id not less than `key`.
    func lowerBound(_ key: [UInt8], prefix: Bool) -> Int {
        var lo = 0, hi = termCount
        while lo < hi { let m = (lo + hi) / 2; if compare(m, key, prefix: prefix) < 0 { lo = m + 1 } else { hi = m } }
        return lo
    }

    /// Words of the vocabulary that start with `prefix` (folded), most used first, at most `limit`.
    public func terms(withPrefix prefix: String, limit: Int) -> [String] {
        let key = Array(prefix.utf8)
        guard !key.isEmpty else { return [] }
        let lo = lowerBound(key, prefix: true), hi = min(upperBound(key), lo + 20_000)
        guard lo < hi else { return [] }
        let ids = (lo..<hi).sorted { a, b in
            let fa = postingOffsets[a + 1] - postingOffsets[a], fb = postingOffsets[b + 1] - postingOffsets[b]
            return fa != fb ? fa > fb : a < b
        }
        return ids.prefix(limit).map(term)
    }

    /// Whether a folded word is in the index's vocabulary.
    public func contains(term folded: String) -> Bool {
        let key = Array(folded.utf8)
        let i = lowerBound(key, prefix: false)
        return i < termCount && compare(i, key, prefix: false) == 0
    }

    /// First term id after all terms starting with `key`.
    func upperBound(_ key: [UInt8]) -> Int {
        var lo = 0, hi = termCount
        while lo < hi { let m = (lo + hi) / 2; if compare(m, key, prefix: true) <= 0 { lo = m + 1 } else { hi = m } }
        return lo
    }
}

/// Finds the byte ranges of positions: from the article's checkpoint at or
/// before the position, the text is scanned for at most `checkpointEvery`
/// tokens. Remembers the article last asked about.
struct TokenRanges {
    var article = -1
    var first = 0
    var end = 0

    mutating func range(_ index: TextIndex, _ p: Int) -> Range<Int> {
        if article < 0 || p < first || p >= end {
            article = index.article(at: p)
            first = Int(index.articleStarts[article])
            end = Int(index.articleEnds[article])
        }
        let k = p - first
        let every = TextIndex.checkpointEvery
        let from = Int(index.checkpoints[Int(index.firstCheckpoint[article]) + k / every])
        let text = index.texts[article]
        return text.utf8.withContiguousStorageIfAvailable { Tokenizer.token(in: $0, from: from, skip: k % every) }
            ?? Array(text.utf8).withUnsafeBufferPointer { Tokenizer.token(in: $0, from: from, skip: k % every) }
    }
}
