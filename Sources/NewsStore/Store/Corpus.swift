import Foundation
import NewsCore

/// A loaded corpus: articles, paragraphs, sentences, the text index over them,
/// and the warnings met while loading. Immutable once built; a `.load` builds a
/// new one and the session swaps it in only when loading succeeded.
public final class Corpus: @unchecked Sendable {
    public let articles: [Article]
    public let paragraphs: [Paragraph]
    public let sentences: [Sentence]
    public let warnings: [LoadWarning]
    /// What the load did that a reader should know but that is no problem
    /// (sources taken from folder names); `.corpus` lists them.
    public var notes: [String] = []
    /// What was loaded, for `.corpus` and the banner ("built-in sample", paths).
    public let name: String
    /// Seconds spent loading and indexing.
    public let loadSeconds: Double
    /// Where the load spent its time and memory, step by step (printed by
    /// `newsq` when NEWSQ_LOAD_TIMING is set; the store itself prints nothing).
    public var loadProfile: [String] = []
    public let index: TextIndex
    /// Tables derived by later layers, computed on first use (`DerivedTables`).
    public let derived = DerivedTables()

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

    /// Total word tokens of the counted text (titles, body and caption paragraphs, once).
    public var wordCount: Int { articles.reduce(0) { $0 + $1.words } }

    /// Distinct non-empty sources, sorted.
    public var sources: [String] { Array(Set(articles.compactMap(\.source))).sorted() }

    /// One line on what was loaded: articles, words, sources, dates, time, warnings.
    public var summaryLine: String {
        func grouped(_ n: Int) -> String {
            let d = String(n)
            var out = ""
            for (i, ch) in d.enumerated() { if i > 0 && (d.count - i) % 3 == 0 { out += "," }; out.append(ch) }
            return out
        }
        var dates = "no dates"
        if let r = dateRange { dates = r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound) to \(r.upperBound)" }
        let ms = Int((loadSeconds * 1000).rounded())
        let time = ms < 1000 ? "\(ms) ms" : "\(Double(ms / 10) / 100) s"
        let w = warnings.count
        return "\(name): \(grouped(articles.count)) article\(articles.count == 1 ? "" : "s"), \(grouped(wordCount)) words, "
            + "\(sources.count) source\(sources.count == 1 ? "" : "s"), \(dates), loaded in \(time)"
            + (w == 0 ? "" : ", \(w) warning\(w == 1 ? "" : "s")")
    }

    /// Earliest and latest known dates.
    public var dateRange: ClosedRange<DateValue>? {
        let ds = articles.compactMap(\.date)
        guard let lo = ds.min(), let hi = ds.max() else { return nil }
        return lo...hi
    }
}

/// Tables that later layers derive from a corpus (entities, quotations, shared
/// passages, ...), each computed on first use under a lock and kept, so loading
/// stays fast. The store keeps them by their type without knowing what they
/// are: the layer that defines a table also defines its accessor (for example
/// `Corpus.entityTable` in NewsText), so the store never calls upwards. A table
/// whose making was stopped (`DerivationStop`: Ctrl-C) is not kept.
public final class DerivedTables: @unchecked Sendable {
    private let lock = NSRecursiveLock()
    private var tables: [ObjectIdentifier: Any] = [:]

    /// The table of type `T`, made by `make` the first time it is asked for.
    public func get<T>(_ type: T.Type, _ make: () -> T) -> T {
        lock.lock(); defer { lock.unlock() }
        if let v = tables[ObjectIdentifier(type)] as? T { return v }
        let v = make()
        // a table made while its statement was given up may be cut short: not kept
        if DerivationStop.current() { return v }
        tables[ObjectIdentifier(type)] = v
        return v
    }

    /// Whether the table of type `T` is computed already (a completion may read
    /// it without making the user wait).
    public func has<T>(_ type: T.Type) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return tables[ObjectIdentifier(type)] != nil
    }
}

/// For each article: whether it has a boilerplate paragraph.
private struct BoilerplateArticles { let flags: [Bool] }

extension Corpus {
    /// For each article: whether it has a boilerplate paragraph (so a match
    /// found by the index may lie only in text that search leaves out).
    public var hasBoilerplate: [Bool] {
        derived.get(BoilerplateArticles.self) {
            BoilerplateArticles(flags: articles.map { a in a.paragraphs.contains { paragraphs[$0].kind == .boilerplate } })
        }.flags
    }

    /// Whether `query` matches article `a` with its boilerplate paragraphs left out.
    public func matchesWithoutBoilerplate(_ query: SearchQuery, article a: Int) -> Bool {
        let ranges = articles[a].paragraphs.filter { paragraphs[$0].kind != .boilerplate }.map { paragraphs[$0].range }
        return query.matches(spanText(article: a, ranges: ranges))
    }

    /// The byte range of an article's headline (the positions the index keeps
    /// as its headline), nil when it has none. The layout puts at most one
    /// title paragraph in an article, among the lines before its text.
    public func headline(ofArticle a: Int) -> Range<Int>? {
        for p in articles[a].paragraphs {
            switch paragraphs[p].kind {
            case .title: return paragraphs[p].range
            case .boilerplate: continue
            case .body, .caption: return nil
            }
        }
        return nil
    }

    /// The text the span evaluator reads for byte ranges of an article (its
    /// tokens, the headline, the title that `title:` reads).
    public func spanText(article a: Int, ranges: [Range<Int>]) -> SpanText {
        let text = articles[a].text
        let tokens = ranges.flatMap { r in Tokenizer.tokens(text.utf8Slice(r), base: r.lowerBound) }
        return SpanText(tokens: tokens, text: text, headline: headline(ofArticle: a), title: articles[a].title ?? "")
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
