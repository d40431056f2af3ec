/// A parsed analysis stage (kwic, words, ngrams, collocates, keywords,
/// distribution, sample, set operations, summarize, distinct, chart, expect):
/// each stage's syntax is a type of its own, declared in its file under
/// `Stages/` with its catalogue entry.
public struct AnalysisStage: Equatable, Sendable {
    public var syntax: any AnalysisSyntax

    public init(_ syntax: any AnalysisSyntax) { self.syntax = syntax }

    public static func == (a: AnalysisStage, b: AnalysisStage) -> Bool { a.syntax.isEqual(to: b.syntax) }
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
