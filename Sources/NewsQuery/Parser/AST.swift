import NewsCore

/// The syntax tree of one statement, every node with its byte range.
/// A whole statement.
public enum Statement: Equatable, Sendable {
    case query(Pipeline)
    case `let`(name: Name, pipeline: Pipeline)
    case explain(mode: ExplainMode, pipeline: Pipeline)
    case help(topic: Name?)
    /// `show article ID [search Q]`: the article's text with the matches marked.
    case show(article: Token, query: SearchExpr?, range: Range<Int>)
    /// `why QUERY in ID`: the search traced against one article, paragraph or sentence.
    case why(query: SearchExpr, id: String, idRange: Range<Int>)
}

public enum ExplainMode: String, Sendable { case plain, analyze, verbose }

/// A name as written, with where it was written.
public struct Name: Equatable, Sendable {
    public var text: String
    public var range: Range<Int>
}

/// `source | stage | stage ...`
public struct Pipeline: Equatable, Sendable {
    public var source: Name
    public var stages: [Stage]
    public var range: Range<Int>
}

/// One stage after a `|`.
public struct Stage: Equatable, Sendable {
    public var kind: StageKind
    /// From the stage keyword to its last token.
    public var range: Range<Int>
    /// The stage keyword's range (for messages about the stage as a whole).
    public var keywordRange: Range<Int>
}

public enum StageKind: Equatable, Sendable {
    case `where`(Expr)
    case search(SearchExpr)
    case select([SelectItem])
    case sort([SortKey])
    case take(Int)
    case top(Int, SortKey)
    case count(by: [Expr])
    /// An analysis stage (Parser/ParseAnalysis.swift).
    case analysis(AnalysisStage)
}

public struct SelectItem: Equatable, Sendable {
    /// `name = expr`: the name; nil for a plain expression.
    public var alias: Name?
    /// nil for `*`.
    public var expr: Expr?
    public var range: Range<Int>
}

public struct SortKey: Equatable, Sendable {
    public var expr: Expr
    public var descending: Bool
}

/// An expression in `where`, `select`, `sort by`, `count by`.
public indirect enum Expr: Equatable, Sendable {
    case field(path: [Name], range: Range<Int>)
    case literal(Literal, range: Range<Int>)
    case list([Expr], range: Range<Int>)
    case unary(UnaryOp, Expr, range: Range<Int>)
    case binary(BinaryOp, Expr, Expr, range: Range<Int>, opRange: Range<Int>)
    case between(Expr, Expr, Expr, range: Range<Int>)
    case call(Name, [Expr], range: Range<Int>)
    /// Stands where parsing failed, so the tree stays whole.
    case error(range: Range<Int>)

    public var range: Range<Int> {
        switch self {
        case let .field(_, r), let .literal(_, r), let .list(_, r), let .unary(_, _, r),
             let .binary(_, _, _, r, _), let .between(_, _, _, r), let .call(_, _, r), let .error(r):
            return r
        }
    }
}

public enum Literal: Equatable, Sendable {
    case int(Int), number(Double), string(String), date(DateValue), bool(Bool), null, regex(String)
    /// A whole month (`@2021-08`) or year (`@2021`): its first and last day.
    case period(DateValue, DateValue)
}

public enum UnaryOp: String, Sendable { case not, negate = "-" }

public enum BinaryOp: String, Sendable {
    case or, and
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case `in`, matches
    case add = "+", sub = "-", mul = "*"
}

/// A full-text search expression.
public indirect enum SearchExpr: Equatable, Sendable {
    /// A word as written (may be several tokens, e.g. `Chih-cheng`); `exact` for `=US`.
    case word(String, exact: Bool, range: Range<Int>)
    case phrase(String, exact: Bool, range: Range<Int>)
    case prefix(String, range: Range<Int>)
    case and([SearchExpr], range: Range<Int>)
    case or([SearchExpr], range: Range<Int>)
    case not(SearchExpr, range: Range<Int>)
    /// `near(a, b, N)`: all within N words of each other, any order.
    case near([SearchExpr], distance: Int, range: Range<Int>)
    /// `title:(...)`: the group matched only in that field.
    case scoped(field: Name, SearchExpr, range: Range<Int>)
    /// `/regex/` matched against whole words.
    case regex(String, range: Range<Int>)
    /// A word with `?` (one character) or `*` (any run) wildcards inside.
    case wildcard(String, range: Range<Int>)
    case error(range: Range<Int>)

    public var range: Range<Int> {
        switch self {
        case let .word(_, _, r), let .phrase(_, _, r), let .prefix(_, r), let .and(_, r),
             let .or(_, r), let .not(_, r), let .near(_, _, r), let .scoped(_, _, r), let .regex(_, r),
             let .wildcard(_, r), let .error(r):
            return r
        }
    }
}
