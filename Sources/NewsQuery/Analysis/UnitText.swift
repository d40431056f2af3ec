import NewsStore

/// The text of a row's unit as the analysis stages read it: the sentences
/// (byte ranges into the article text) whose words count, and their tokens.
///
/// Design rules:
/// - An article counts the sentences of its indexed paragraphs (not
///   boilerplate, not repeated captions), the same words `search` and the
///   `words` field see; a paragraph or sentence row counts all of its own.
/// - Every token keeps its byte range in the article's text, so spans found
///   here point back at the original.
public struct UnitText {
    /// Index of the unit's article in the corpus.
    public var article: Int
    /// Sentence ranges (article bytes) in text order.
    public var segments: [Range<Int>]
    /// Tokens of each segment.
    public var tokens: [[WordToken]]
    /// For an article: the byte range of its headline (not among the segments;
    /// located only by `title:` scopes).
    public var title: Range<Int>? = nil

    /// All tokens of the unit, in order.
    public var allTokens: [WordToken] { tokens.flatMap { $0 } }
    /// The text the token ranges point into.
    var text = ""

    /// The words word statistics count, per segment (see `AnalysisWords`).
    public var analysisSegments: [[WordToken]] { tokens.map { AnalysisWords.view($0, text: text).words } }

    /// All analysis words of the unit, and for each token of `allTokens` the word holding it.
    public var analysisView: (words: [WordToken], index: [Int]) { AnalysisWords.view(allTokens, text: text) }

    public init(corpus: Corpus, source: SourceKind, unit: Int) {
        var segs: [Range<Int>] = []
        // if/else rather than a switch: sources without text of their own (added
        // later) simply give no words here.
        if source == .articles {
            article = unit
            let a = corpus.articles[unit]
            if let t = a.title, !t.isEmpty, a.bodyRange.lowerBound > 0, let r = a.text.range(of: t) {
                let lo = a.text.utf8.distance(from: a.text.startIndex, to: r.lowerBound)
                let hi = lo + t.utf8.count
                if hi <= a.bodyRange.lowerBound { title = lo..<hi }
            }
            for p in a.paragraphs where corpus.paragraphs[p].kind != .boilerplate && !corpus.paragraphs[p].duplicate {
                for s in corpus.paragraphs[p].sentences { segs.append(corpus.sentences[s].range) }
            }
        } else if source == .paragraphs {
            let p = corpus.paragraphs[unit]
            article = p.article
            for s in p.sentences { segs.append(corpus.sentences[s].range) }
        } else if source == .sentences {
            let s = corpus.sentences[unit]
            article = s.article
            segs = [s.range]
        } else {
            article = -1
        }
        segments = segs
        guard article >= 0 else { tokens = []; return }
        let text = corpus.articles[article].text
        self.text = text
        tokens = segs.map { r in Tokenizer.tokens(text.utf8Slice(r), base: r.lowerBound) }
    }

    /// Tokens of a plain string (offsets from its start), as one segment.
    public init(text: String) {
        article = -1
        segments = [0..<text.utf8.count]
        tokens = [Tokenizer.tokens(text)]
        self.text = text
    }
}

/// Built-in English stopword list for `words stopwords` and `ngrams N stopwords`.
public enum Stopwords {
    /// Words of a stopword file: one a line (or separated by spaces), folded; `#` lines are comments.
    public static func parse(_ text: String) -> Set<String> {
        var out = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            for t in Tokenizer.tokens(String(line)) { out.insert(t.folded) }
        }
        return out
    }

    public static let english: Set<String> = Set("""
    a about above after again against all am an and any are as at be because been before being below between both but by \
    can could did do does doing down during each few for from further had has have having he her here hers herself him \
    himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other \
    our ours ourselves out over own same she should so some such than that the their theirs them themselves then there \
    these they this those through to too under until up very was we were what when where which while who whom why will \
    with would you your yours yourself yourselves s t d ll m re ve also
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}
