/// The in-memory positional inverted index over the corpus's body and caption
/// paragraphs.
///
/// Design rules:
/// - Tokens get corpus-wide positions, in article / paragraph / sentence order;
///   boilerplate and duplicate paragraphs add none. For each position the index
///   keeps its term id and its byte range in the article text.
/// - Terms are sorted by UTF-8 bytes and their ids are their ranks, so the terms
///   of a prefix are one id range found by binary search.
/// - Postings are one flat array of positions, grouped by term (CSR layout).
/// - Each unit level (article, paragraph, sentence) is a list of start positions:
///   unit u covers positions `starts[u]..<starts[u+1]`; units match corpus indices.
public final class TextIndex: @unchecked Sendable {
    let texts: [String]
    let termBytes: [UInt8]
    let termOffsets: [Int32]
    let postingOffsets: [Int32]
    let postings: [Int32]
    let tokTerm: [Int32]
    let tokStart: [Int32]
    let tokLen: [UInt16]
    let articleStarts: [Int32]
    let paragraphStarts: [Int32]
    let sentenceStarts: [Int32]
    /// Units with at least one token, per level (article, paragraph, sentence).
    let nonEmpty: [Int]

    init(texts: [String], termBytes: [UInt8], termOffsets: [Int32], postingOffsets: [Int32],
         postings: [Int32], tokTerm: [Int32], tokStart: [Int32], tokLen: [UInt16],
         articleStarts: [Int32], paragraphStarts: [Int32], sentenceStarts: [Int32]) {
        self.texts = texts; self.termBytes = termBytes; self.termOffsets = termOffsets
        self.postingOffsets = postingOffsets; self.postings = postings; self.tokTerm = tokTerm
        self.tokStart = tokStart; self.tokLen = tokLen; self.articleStarts = articleStarts
        self.paragraphStarts = paragraphStarts; self.sentenceStarts = sentenceStarts
        nonEmpty = [articleStarts, paragraphStarts, sentenceStarts].map { s in
            zip(s, s.dropFirst()).reduce(0) { $0 + ($1.0 < $1.1 ? 1 : 0) }
        }
    }

    /// An empty index (for an empty corpus or tests).
    public convenience init() { self.init(texts: [], termBytes: [], termOffsets: [0], postingOffsets: [0], postings: [], tokTerm: [], tokStart: [], tokLen: [], articleStarts: [0], paragraphStarts: [0], sentenceStarts: [0]) }

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
        let s = starts(unit)
        return Int(s[index])..<Int(s[index + 1])
    }

    /// Byte range (in its article's text) of the token at a position.
    public func byteRange(at position: Int) -> Range<Int> {
        let lo = Int(tokStart[position])
        return lo..<(lo + Int(tokLen[position]))
    }

    /// The indexed tokens of an article that lie inside a byte range of its text.
    public func tokens(article: Int, range: Range<Int>) -> [WordToken] {
        let p = positions(of: .article, article)
        var out: [WordToken] = []
        var lo = p.lowerBound, hi = p.upperBound
        while lo < hi { let m = (lo + hi) / 2; if Int(tokStart[m]) < range.lowerBound { lo = m + 1 } else { hi = m } }
        var i = lo
        while i < p.upperBound, Int(tokStart[i]) < range.upperBound {
            let r = byteRange(at: i)
            if r.upperBound <= range.upperBound { out.append(WordToken(folded: term(Int(tokTerm[i])), range: r)) }
            i += 1
        }
        return out
    }

    func starts(_ unit: TextUnit) -> [Int32] {
        switch unit {
        case .article: return articleStarts
        case .paragraph: return paragraphStarts
        case .sentence: return sentenceStarts
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

    /// First term id after all terms starting with `key`.
    func upperBound(_ key: [UInt8]) -> Int {
        var lo = 0, hi = termCount
        while lo < hi { let m = (lo + hi) / 2; if compare(m, key, prefix: true) <= 0 { lo = m + 1 } else { hi = m } }
        return lo
    }
}
