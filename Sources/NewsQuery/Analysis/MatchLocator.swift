import NewsStore

/// Where a bound search matches inside a corpus unit or a string, for kwic,
/// collocates, distribution, `snippet`, `highlight`, `show article` and `why`.
///
/// Design rules:
/// - It evaluates nothing itself: it hands the unit's tokens, its article's
///   headline and title to the store's one span evaluator
///   (`SearchQuery.match`, NewsStore/Store/SearchSpans.swift), which has the
///   index's semantics for every form.
/// - What it adds is display: a match ending inside a dotted abbreviation
///   takes its final dot ("U.S" → "U.S."), and an article whose headline is
///   not among its counted text can have the headline's tokens put in front.
public final class MatchLocator {
    /// One located match: bytes in the text and the token indexes it covers.
    public typealias Span = SearchSpan

    /// The bound query located.
    public let query: SearchQuery

    public init(_ query: SearchQuery) { self.query = query }

    /// The query as written, for explain and messages.
    public var description: String { query.written }

    /// True when the index's hits are exactly this locator's spans (see `SearchQuery.indexHitsAreSpans`).
    public var indexHitsAreSpans: Bool { query.indexHitsAreSpans }

    /// Spans in a text the evaluator reads (see `SpanText`), with abbreviation dots.
    public func spans(_ text: SpanText) -> [Span] {
        query.spans(text).map { MatchLocator.withAbbreviationDot($0, text.text) }
    }

    /// Spans in tokens of `text` with no headline or title known.
    public func spans(tokens: [WordToken], text: String) -> [Span] {
        spans(SpanText(tokens: tokens, text: text))
    }

    /// Spans in a plain string (offsets from its start).
    public func spans(in text: String) -> [Span] { spans(SpanText(text)) }

    /// A match ending inside a dotted abbreviation takes its final dot ("U.S" → "U.S."),
    /// so kwic, snippets and highlights show the word whole.
    static func withAbbreviationDot(_ s: Span, _ text: String) -> Span {
        let end = s.bytes.upperBound
        let u = text.utf8
        guard end >= 2, end < u.count else { return s }
        func byte(_ i: Int) -> UInt8 { u[u.index(u.startIndex, offsetBy: i)] }
        guard byte(end) == 0x2E, byte(end - 2) == 0x2E, (byte(end - 1) | 0x20) >= 0x61, (byte(end - 1) | 0x20) <= 0x7A else { return s }
        var t = s
        t.bytes = s.bytes.lowerBound..<(end + 1)
        return t
    }

    /// Spans of a corpus unit. Token indexes refer to `unit.allTokens`; with
    /// `includeTitle`, a query with a `title:` scope also finds the article's
    /// headline when it is not among the unit's counted text (those spans
    /// have negative token indexes, so callers counting tokens must not use them).
    public func spans(in unit: UnitText, corpus: Corpus, includeTitle: Bool = false) -> [Span] {
        guard unit.article >= 0 else { return [] }
        let a = corpus.articles[unit.article]
        var tokens = unit.allTokens
        var offset = 0
        if includeTitle, !unit.titleInSegments, let t = unit.title, query.mentionsTitle {
            let head = Tokenizer.tokens(a.text.utf8Slice(t), base: t.lowerBound)
            tokens = head + tokens
            offset = head.count
        }
        let text = SpanText(tokens: tokens, text: a.text, headline: corpus.headline(ofArticle: unit.article), title: a.title ?? "")
        return spans(text).map {
            Span(bytes: $0.bytes, tokens: ($0.tokens.lowerBound - offset)...($0.tokens.upperBound - offset))
        }
    }

    /// Spans of one leaf of the query (numbered as in `SearchQuery.parts`) in a
    /// corpus unit, whatever the rest of the query says (for `why`).
    public func spans(ofLeaf i: Int, in unit: UnitText, corpus: Corpus) -> [Span] {
        guard unit.article >= 0 else { return [] }
        let a = corpus.articles[unit.article]
        let text = SpanText(tokens: unit.allTokens, text: a.text, headline: corpus.headline(ofArticle: unit.article), title: a.title ?? "")
        return query.spans(ofLeaf: i, text).map { MatchLocator.withAbbreviationDot($0, a.text) }
    }
}
