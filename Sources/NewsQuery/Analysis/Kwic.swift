import NewsCore
import NewsStore

/// Builds keyword-in-context lines: for each match of the query in a unit,
/// the left context, the match and the right context, plus the words nearest
/// the match on each side (`left1` is the word just before it) for sorting.
///
/// Design rules:
/// - Context comes from the article's text around the match (across sentence
///   ends, as CQP shows it), or from the match's own sentence with `by sentence`.
/// - Widths in characters cut the context at that many characters (whitespace
///   collapsed); widths in words take that many word tokens on each side.
enum Kwic {
    /// The value rows of one unit's lines (see BindAnalysis for the column order).
    static func lines(corpus: Corpus, source: SourceKind, unit: Int, options o: KwicOptions, bytes cache: inout (Int, [UInt8]),
                      includeBoilerplate: Bool = false) -> [[Value]] {
        let ut = UnitText(corpus: corpus, source: source, unit: unit, includeBoilerplate: includeBoilerplate)
        let spans = o.locator.spans(in: ut, corpus: corpus, includeTitle: true)
        guard !spans.isEmpty, ut.article >= 0 else { return [] }
        let a = corpus.articles[ut.article]
        if cache.0 != ut.article { cache = (ut.article, Array(a.text.utf8)) }
        let bytes = cache.1
        // Words needed on each side: the sort fields, or the width in words.
        let need = max(KwicOptions.sortFields, o.widthInWords ? o.width : 0) + 1
        let unitNumber: Value = source == .paragraphs ? .int(corpus.paragraphs[unit].n)
            : source == .sentences ? .int(corpus.sentences[unit].n) : .null
        var out: [[Value]] = []
        for span in spans {
            var region = 0..<bytes.count
            if o.bySentence, let s = a.sentences.first(where: { corpus.sentences[$0].range.contains(span.bytes.lowerBound) }) {
                region = corpus.sentences[s].range
            }
            let leftText = TextWindow.string(bytes, region.lowerBound..<span.bytes.lowerBound)
            let rightText = TextWindow.string(bytes, span.bytes.upperBound..<region.upperBound)
            // Tokenize only a stretch near the match; a token cut at the stretch's edge is dropped.
            let reach = 64 * need
            var lo = max(region.lowerBound, span.bytes.lowerBound - reach)
            while lo > region.lowerBound, lo < bytes.count, bytes[lo] & 0xC0 == 0x80 { lo -= 1 }
            var hi = min(region.upperBound, span.bytes.upperBound + reach)
            while hi < region.upperBound, hi < bytes.count, bytes[hi] & 0xC0 == 0x80 { hi += 1 }
            var leftTokens = Tokenizer.tokens(a.text.utf8Slice(lo..<span.bytes.lowerBound), base: lo)
            if lo > region.lowerBound, !leftTokens.isEmpty { leftTokens.removeFirst() }
            var rightTokens = Tokenizer.tokens(a.text.utf8Slice(span.bytes.upperBound..<hi), base: span.bytes.upperBound)
            if hi < region.upperBound, !rightTokens.isEmpty { rightTokens.removeLast() }
            var left: String, right: String
            if o.bySentence {
                left = TextWindow.collapse(leftText)
                right = TextWindow.collapse(rightText)
            } else if o.widthInWords {
                let lt = leftTokens.suffix(o.width)
                let rt = rightTokens.prefix(o.width)
                left = lt.first.map { TextWindow.collapse(TextWindow.string(bytes, $0.range.lowerBound..<span.bytes.lowerBound)) } ?? ""
                right = rt.last.map { TextWindow.collapse(TextWindow.string(bytes, span.bytes.upperBound..<$0.range.upperBound)) } ?? ""
            } else {
                // Collapse only the stretch that can be shown (long articles stay cheap).
                let lo = max(region.lowerBound, span.bytes.lowerBound - 8 * o.width - 16)
                let hi = min(region.upperBound, span.bytes.upperBound + 8 * o.width + 16)
                left = TextWindow.suffix(TextWindow.collapse(TextWindow.string(bytes, lo..<span.bytes.lowerBound)), o.width)
                right = TextWindow.prefix(TextWindow.collapse(TextWindow.string(bytes, span.bytes.upperBound..<hi)), o.width)
            }
            left = left.trimmingSpacesAround
            right = right.trimmingSpacesAround
            var row: [Value] = [.string(a.id), a.date.map(Value.date) ?? .null, .string(left),
                                .string(TextWindow.collapse(TextWindow.string(bytes, span.bytes))), .string(right),
                                a.source.map(Value.string) ?? .null, .int(span.bytes.lowerBound)]
            let nearLeft = Array(leftTokens.reversed())
            for k in 0..<KwicOptions.sortFields { row.append(k < nearLeft.count ? .string(nearLeft[k].folded) : .null) }
            for k in 0..<KwicOptions.sortFields { row.append(k < rightTokens.count ? .string(rightTokens[k].folded) : .null) }
            row.append(unitNumber)
            out.append(row)
        }
        return out
    }
}
