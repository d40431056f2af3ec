import NewsCore

/// Word and n-gram frequency lists over units of text, with range (distinct
/// articles) and frequency per million words.
///
/// Design rules:
/// - Items are folded word forms (lowercase, no diacritics) of the analysis
///   words (`AnalysisWords`: no possessive `s`, `u.s.` one word).
/// - n-grams never cross a sentence end.
/// - `per_million` divides by all word tokens of the rows (stopwords included).
/// - With stopwords, single words on the list are dropped, and n-grams that
///   start or end with one.
public struct FrequencyList {
    public struct Entry: Equatable {
        public var item: String
        public var n: Int
        public var articles: Int
        public var perMillion: Double
    }

    /// Counts of each item, the articles it occurs in, and the last such article.
    /// Units must be added in article order (see `add`), so a range is a counter.
    var counts: [String: (n: Int, articles: Int, last: Int)] = [:]
    /// Word tokens seen.
    public private(set) var tokens = 0
    let size: Int
    let stopwords: Set<String>?

    public init(n: Int = 1, stopwords: Set<String>? = nil) {
        self.size = n
        self.stopwords = stopwords
    }

    /// Adds one unit's text. Units must come in corpus order (article order),
    /// as `units(of:)` gives them.
    public mutating func add(_ unit: UnitText) {
        for seg in unit.analysisSegments {
            tokens += seg.count
            guard seg.count >= size else { continue }
            for i in 0...(seg.count - size) {
                if let stop = stopwords, stop.contains(seg[i].folded) || stop.contains(seg[i + size - 1].folded) { continue }
                let item = size == 1 ? seg[i].folded : seg[i..<(i + size)].map(\.folded).joined(separator: " ")
                var e = counts[item] ?? (0, 0, -1)
                e.n += 1
                if e.last != unit.article { e.articles += 1; e.last = unit.article }
                counts[item] = e
            }
        }
    }

    /// The distinct units of rows, in corpus order (so articles come in order).
    public static func units(of rows: [Row]) -> [Int] {
        Array(Set(rows.lazy.filter { $0.unit >= 0 }.map(\.unit))).sorted()
    }

    /// Count of one item (0 when absent).
    public func count(_ item: String) -> Int { counts[item]?.n ?? 0 }

    /// Items seen at least `min` times: most frequent first, then alphabetical.
    public func entries(min: Int = 1) -> [Entry] {
        counts.filter { $0.value.n >= min }
            .map { Entry(item: $0.key, n: $0.value.n, articles: $0.value.articles,
                         perMillion: tokens == 0 ? 0 : Double($0.value.n) * 1_000_000 / Double(tokens)) }
            .sorted { $0.n != $1.n ? $0.n > $1.n : $0.item < $1.item }
    }

    /// All items with their counts.
    public var itemCounts: [String: Int] { counts.mapValues(\.n) }
}
