import NewsStore

/// The text of a row's unit as the analysis stages read it: the sentences
/// (byte ranges into the article text) whose words count, and their tokens.
///
/// Design rules:
/// - One counted text for every unit: the title, body and caption paragraphs
///   of an article, each once (`Paragraph.isCounted`). An article reads the
///   sentences of its counted paragraphs (its headline first); a paragraph or
///   sentence row reads its own sentences when its paragraph is counted, and
///   nothing otherwise. With `includeBoilerplate` (`.boilerplate on`) every
///   paragraph counts. So `articles`, `paragraphs` and `sentences` give the
///   same word totals, and a match kwic finds in a sentence is one it finds in
///   the article.
/// - Every token keeps its byte range in the article's text, so spans found
///   here point back at the original.
public struct UnitText {
    /// Index of the unit's article in the corpus.
    public var article: Int
    /// Sentence ranges (article bytes) in text order.
    public var segments: [Range<Int>]
    /// Tokens of each segment.
    public var tokens: [[WordToken]]
    /// For an article: the byte range of its headline (located by `title:` scopes).
    public var title: Range<Int>? = nil
    /// Whether the headline is among the segments (its paragraph is counted).
    public var titleInSegments = false

    /// All tokens of the unit, in order.
    public var allTokens: [WordToken] { tokens.flatMap { $0 } }
    /// The text the token ranges point into.
    var text = ""

    /// The words word statistics count, per segment (see `AnalysisWords`).
    public var analysisSegments: [[WordToken]] { tokens.map { AnalysisWords.view($0, text: text).words } }

    /// All analysis words of the unit, and for each token of `allTokens` the word holding it.
    public var analysisView: (words: [WordToken], index: [Int]) { AnalysisWords.view(allTokens, text: text) }

    public init(corpus: Corpus, source: SourceKind, unit: Int, includeBoilerplate: Bool = false) {
        var segs: [Range<Int>] = []
        // if/else rather than a switch: sources without text of their own (added
        // later) simply give no words here.
        if source == .articles {
            article = unit
            let a = corpus.articles[unit]
            for p in a.paragraphs {
                let par = corpus.paragraphs[p]
                if par.kind == .title, title == nil {
                    title = par.range
                    titleInSegments = par.isCounted(includeBoilerplate: includeBoilerplate)
                }
                guard par.isCounted(includeBoilerplate: includeBoilerplate) else { continue }
                for s in par.sentences { segs.append(corpus.sentences[s].range) }
            }
        } else if source == .paragraphs {
            let p = corpus.paragraphs[unit]
            article = p.article
            if p.isCounted(includeBoilerplate: includeBoilerplate) {
                for s in p.sentences { segs.append(corpus.sentences[s].range) }
            }
        } else if source == .sentences {
            let s = corpus.sentences[unit]
            article = s.article
            if corpus.paragraphs[s.paragraph].isCounted(includeBoilerplate: includeBoilerplate) { segs = [s.range] }
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
