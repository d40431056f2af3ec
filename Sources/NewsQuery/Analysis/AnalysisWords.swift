import NewsStore

/// The words that word statistics count (`words`, `ngrams`, `collocates`,
/// `keywords` and their per-million denominators), made from the search
/// tokens of a text.
///
/// Design rules:
/// - Search keeps FTS5's tokens (`Japan's` is `japan` + `s`, `U.S.` is `u` +
///   `s`), so matching stays what the index does; word statistics read words
///   as a person does: the possessive `'s` / `’s` is no word of its own, and
///   an abbreviation of single letters with dots (`U.S.`, `U.K.`, `U.N.`) is
///   one word (`u.s.`).
/// - Every search token maps to the analysis word that holds it, so hits found
///   by search (the node of `collocates`) point into the analysis words.
public enum AnalysisWords {
    /// The analysis words of `tokens` (taken from `text`) and, for each token,
    /// the index of the word that holds it.
    public static func view(_ tokens: [WordToken], text: String) -> (words: [WordToken], index: [Int]) {
        let bytes = text.utf8
        func byte(_ i: Int) -> UInt8? { i >= 0 && i < bytes.count ? bytes[bytes.index(bytes.startIndex, offsetBy: i)] : nil }
        var words: [WordToken] = []
        words.reserveCapacity(tokens.count)
        var index = [Int](repeating: 0, count: tokens.count)
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            // a possessive: `s` right after an apostrophe right after the
            // previous word, or after the dot that closes it (`Co.’s`, `U.S.'s`)
            if t.folded == "s", i > 0, !words.isEmpty {
                var gap = tokens[i - 1].range.upperBound..<t.range.lowerBound
                if gap.count > 1, byte(gap.lowerBound) == 0x2E { gap = (gap.lowerBound + 1)..<gap.upperBound }
                let apostrophe = (gap.count == 1 && byte(gap.lowerBound) == 0x27)
                    || (gap.count == 3 && byte(gap.lowerBound) == 0xE2 && byte(gap.lowerBound + 1) == 0x80 && byte(gap.lowerBound + 2) == 0x99)
                if apostrophe { index[i] = words.count - 1; i += 1; continue }
            }
            // single letters joined by dots and closed by one: U.S., U.K.
            if t.folded.count == 1, t.folded.first!.isLetter, t.range.count == 1 {
                var j = i
                while j + 1 < tokens.count, tokens[j + 1].folded.count == 1, tokens[j + 1].folded.first!.isLetter,
                      tokens[j + 1].range.count == 1,
                      tokens[j + 1].range.lowerBound == tokens[j].range.upperBound + 1, byte(tokens[j].range.upperBound) == 0x2E {
                    j += 1
                }
                if j > i, byte(tokens[j].range.upperBound) == 0x2E {
                    let folded = tokens[i...j].map(\.folded).joined(separator: ".") + "."
                    for k in i...j { index[k] = words.count }
                    words.append(WordToken(folded: folded, range: t.range.lowerBound..<(tokens[j].range.upperBound + 1)))
                    i = j + 1
                    continue
                }
            }
            index[i] = words.count
            words.append(t)
            i += 1
        }
        return (words, index)
    }
}
