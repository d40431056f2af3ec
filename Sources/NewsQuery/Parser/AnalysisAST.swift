/// Syntax of the analysis stages (kwic, words, ngrams, collocates, keywords,
/// distribution, sample, set operations, summarize, distinct, chart, expect).

public enum AnalysisStage: Equatable, Sendable {
    /// `kwic [Q] [width N [words]] [by sentence]`
    case kwic(query: SearchExpr?, width: Int?, widthInWords: Bool, bySentence: Bool)
    /// `words [stopwords ["FILE"]] [min N]`
    case words(stopwords: Stoplist?, min: Int?)
    /// `ngrams N [stopwords ["FILE"]] [min N]`
    case ngrams(Int, stopwords: Stoplist?, min: Int?)
    /// `collocates Q [window L,R] [measure M] [min N] [stopwords ["FILE"]]`
    case collocates(query: SearchExpr, left: Int?, right: Int?, measure: Name?, min: Int?, stopwords: Stoplist?)
    /// `keywords vs NAME [measure M] [min N]`
    case keywords(reference: Name, measure: Name?, min: Int?)
    /// `distribution [by F]`
    case distribution(by: Expr?)
    /// `sample N [seed S]`
    case sample(Int, seed: Int?)
    /// `union NAME`, `intersect NAME`, `except NAME`
    case setOperation(SetOperation, Name)
    /// `summarize AGG, ... [by F, ...]`
    case summarize([AggregateItem], by: [Expr])
    /// `distinct`
    case distinct
    /// `chart [F]`
    /// `chart [expr] [by day|week|month|year]`: the bucket of a timeline.
    case chart(Expr?, by: Name?)
    /// `expect EXPR`
    case expect(Expr)
}

/// Which stopwords to leave out: the built-in English list, or a file's words.
public enum Stoplist: Equatable, Sendable {
    case english
    /// A file with one word per line (`#` starts a comment line).
    case file(String, range: Range<Int>)
}

public enum SetOperation: String, Sendable, CaseIterable { case union, intersect, except }

/// One aggregate of `summarize`: `[NAME =] FUNC(EXPR)` or `count()`.
public struct AggregateItem: Equatable, Sendable {
    public var alias: Name?
    public var function: Name
    public var argument: Expr?
    public var range: Range<Int>
}
