/// A loaded corpus: articles, paragraphs, sentences, the text index over them,
/// and the warnings met while loading. Immutable once built; a `.load` builds a
/// new one and the session swaps it in only when loading succeeded.
public final class Corpus: @unchecked Sendable {
    public let articles: [Article]
    public let paragraphs: [Paragraph]
    public let sentences: [Sentence]
    public let warnings: [LoadWarning]
    /// What was loaded, for `.corpus` and the banner ("built-in sample", paths).
    public let name: String
    /// Seconds spent loading and indexing.
    public let loadSeconds: Double
    public let index: TextIndex

    public init(articles: [Article], paragraphs: [Paragraph], sentences: [Sentence],
                warnings: [LoadWarning], name: String, loadSeconds: Double, index: TextIndex) {
        self.articles = articles
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.warnings = warnings
        self.name = name
        self.loadSeconds = loadSeconds
        self.index = index
    }

    /// Total word tokens over all article bodies.
    public var wordCount: Int { articles.reduce(0) { $0 + $1.words } }

    /// Distinct non-empty sources, sorted.
    public var sources: [String] { Array(Set(articles.compactMap(\.source))).sorted() }

    /// Earliest and latest known dates.
    public var dateRange: ClosedRange<DateValue>? {
        let ds = articles.compactMap(\.date)
        guard let lo = ds.min(), let hi = ds.max() else { return nil }
        return lo...hi
    }
}

/// Which rows a text search runs over: whole articles, paragraphs or sentences.
public enum TextUnit: String, Sendable {
    case article, paragraph, sentence
}

/// A full-text query, independent of the statement syntax it came from.
public indirect enum TextQuery: Hashable, Sendable, CustomStringConvertible {
    /// One word as written; `exact` asks for an exact-case match.
    case term(String, exact: Bool)
    /// Consecutive words.
    case phrase([String], exact: Bool)
    /// Words starting with the given prefix (`secur*`).
    case prefix(String)
    /// Words matching a folded pattern with `?` (one character) and `*` (any run).
    case wildcard(String)
    /// Words matching a POSIX extended regex anywhere (case-insensitive, on the folded word).
    case regex(String)
    /// Every item (a word, phrase, prefix, wildcard or regex) within `distance`
    /// tokens of the others, in any order (FTS5 NEAR: tokens between the end of
    /// one and the start of the last).
    case near([TextQuery], distance: Int)
    /// The query matched in a field of the unit's article instead of its text: `title`.
    case field(String, TextQuery)
    case and([TextQuery])
    case or([TextQuery])
    case not(TextQuery)

    public var description: String {
        switch self {
        case let .term(w, exact): return exact ? "=\(w)" : w
        case let .phrase(ws, exact): return (exact ? "=" : "") + "\"" + ws.joined(separator: " ") + "\""
        case let .prefix(p): return p + "*"
        case let .wildcard(p): return p
        case let .regex(r): return "/" + r + "/"
        case let .near(qs, d): return "near(" + qs.map(\.description).joined(separator: ", ") + ", \(d))"
        case let .field(f, q): return f + ":(" + q.description + ")"
        case let .and(qs): return "(" + qs.map(\.description).joined(separator: " AND ") + ")"
        case let .or(qs): return "(" + qs.map(\.description).joined(separator: " OR ") + ")"
        case let .not(q): return "NOT " + q.description
        }
    }
}

/// One unit (article, paragraph or sentence index) that matched a query, with
/// the byte ranges (into the article's `text`) of the words that matched and
/// its BM25 score (higher is better).
public struct TextMatch: Sendable, Equatable {
    public var unit: Int
    public var hits: [Range<Int>]
    public var score: Double
    public init(unit: Int, hits: [Range<Int>], score: Double) {
        self.unit = unit; self.hits = hits; self.score = score
    }
}
