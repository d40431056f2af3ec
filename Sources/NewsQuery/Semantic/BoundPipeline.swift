import NewsCore
import NewsStore

/// The binder's output: a pipeline whose names are resolved, with the schema
/// of the rows after every stage.
public struct BoundPipeline {
    public var source: BoundSource
    public var stages: [BoundStage]
    /// The schema of the rows the whole pipeline produces.
    public var schema: RowSchema
    /// The span of each stage in the statement (parallel to `stages`), for
    /// runtime errors that point at the stage that failed.
    public var stageRanges: [Range<Int>] = []

    /// The query of the pipeline's last search (or the own query of kwic or
    /// collocates), for `show article`.
    public var lastSearch: SearchQuery? {
        var q: SearchQuery? = nil
        for st in stages {
            switch st {
            case let .search(s, _): q = s
            case let .analysis(a): if let own = a.ownQuery { q = own }
            default: break
            }
        }
        return q
    }
}

/// Where the rows start.
public enum BoundSource {
    case source(SourceKind)
    /// A `let` name and its stored rows.
    case binding(String, Binding)
}

/// The stored result of a `let`: rows and what they are.
public struct Binding {
    public var schema: RowSchema
    public var rows: [Row]
    public var statement: String

    public init(schema: RowSchema, rows: [Row], statement: String) {
        self.schema = schema
        self.rows = rows
        self.statement = statement
    }
}

/// A stage with its names resolved.
public enum BoundStage {
    case filter(BoundExpr)
    case search(SearchQuery, SourceKind)
    case project([BoundProjection], RowSchema)
    case sort([BoundSortKey])
    case limit(Int)
    case topK(Int, [BoundSortKey])
    case aggregate(keys: [BoundProjection], articlesOf: SourceKind?, RowSchema)
    /// An analysis stage (Semantic/BindAnalysis.swift).
    case analysis(any BoundAnalysis)
}

/// A computed output column.
public struct BoundProjection: CustomStringConvertible {
    public var name: String
    public var expr: BoundExpr
    public var description: String { name }
}

public struct BoundSortKey: CustomStringConvertible {
    public var expr: BoundExpr
    public var descending: Bool
    /// The key as written, for explain.
    public var text: String
    public var description: String { text + (descending ? " desc" : "") }
}

/// A resolved, type-checked expression.
public indirect enum BoundExpr: CustomStringConvertible {
    case column(ColumnRef, ValueType, name: String)
    case literal(Value)
    case list([BoundExpr])
    case not(BoundExpr)
    case negate(BoundExpr)
    case compare(BinaryOp, BoundExpr, BoundExpr)
    case and(BoundExpr, BoundExpr)
    case or(BoundExpr, BoundExpr)
    case arithmetic(BinaryOp, BoundExpr, BoundExpr)
    case inList(BoundExpr, BoundExpr)
    case between(BoundExpr, BoundExpr, BoundExpr)
    case matches(BoundExpr, CompiledRegex)
    case call(Function, [BoundExpr])
    /// `snippet(text)` / `highlight(text)`: the text with the query's matches located.
    case matchText(MatchFunction, BoundExpr, MatchLocator)

    public var type: ValueType {
        switch self {
        case .matchText: return .text
        case let .column(_, t, _): return t
        case let .literal(v): return v.type
        case .list: return .list
        case .not, .compare, .and, .or, .inList, .between, .matches: return .bool
        case let .negate(e): return e.type
        case let .arithmetic(_, l, r):
            if l.type == .date && r.type == .date { return .int }
            if l.type == .date || r.type == .date { return .date }
            return l.type == .int && r.type == .int ? .int : .number
        case let .call(f, args): return f.resultType(args.map(\.type))
        }
    }

    public var description: String {
        switch self {
        case let .column(_, _, name): return name
        case let .literal(v):
            switch v {
            case let .string(s): return "\"\(s)\""
            case let .date(d): return "@\(d)"
            case .null: return "null"
            default: return v.description
            }
        case let .list(items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case let .not(e): return "not \(e)"
        case let .negate(e): return "-\(e)"
        case let .compare(op, l, r): return "\(l) \(op.rawValue) \(r)"
        case let .and(l, r): return "(\(l) and \(r))"
        case let .or(l, r): return "(\(l) or \(r))"
        case let .arithmetic(op, l, r): return "(\(l) \(op.rawValue) \(r))"
        case let .inList(l, r): return "\(l) in \(r)"
        case let .between(v, lo, hi): return "\(v) between \(lo) and \(hi)"
        case let .matches(v, re): return "\(v) matches /\(re.pattern)/"
        case let .call(f, args): return "\(f.rawValue)(" + args.map(\.description).joined(separator: ", ") + ")"
        case let .matchText(f, e, _): return "\(f.rawValue)(\(e))"
        }
    }

    /// True when the expression reads only article metadata (so it can be a candidate set below a search).
    public var readsOnlyUnitFields: Bool {
        switch self {
        case let .column(ref, _, _):
            if case .score = ref { return false }
            if case .computed = ref { return false }
            return true
        case .literal: return true
        case let .list(items): return items.allSatisfy(\.readsOnlyUnitFields)
        case let .not(e), let .negate(e): return e.readsOnlyUnitFields
        case let .compare(_, l, r), let .and(l, r), let .or(l, r), let .arithmetic(_, l, r), let .inList(l, r):
            return l.readsOnlyUnitFields && r.readsOnlyUnitFields
        case let .between(a, b, c): return a.readsOnlyUnitFields && b.readsOnlyUnitFields && c.readsOnlyUnitFields
        case let .matches(e, _): return e.readsOnlyUnitFields
        case let .call(_, args): return args.allSatisfy(\.readsOnlyUnitFields)
        case .matchText: return false
        }
    }
}

/// A regex compiled once at bind time.
public final class CompiledRegex {
    public let pattern: String
    let regex: Regex<AnyRegexOutput>
    init(pattern: String) throws {
        self.pattern = pattern
        if let problem = RegexSafety.problem(in: pattern) { throw RegexRefused(reason: problem) }
        self.regex = try Regex(pattern)
    }
}

/// A pattern `RegexSafety` refuses to run, with the reason.
struct RegexRefused: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}

/// Built-in functions usable in expressions.
public enum Function: String, CaseIterable {
    case year, month, week, day, lower, upper, len, contains, round

    /// (argument types accepted, in order) for messages and checking.
    var signature: String {
        switch self {
        case .year: return "year(date) → int"
        case .month: return "month(date) → text, the year and month: 2021-08"
        case .week: return "week(date) → text, the ISO week: 2021-W34"
        case .day: return "day(date) → int"
        case .lower: return "lower(text) → text"
        case .upper: return "upper(text) → text"
        case .len: return "len(text or list) → int"
        case .contains: return "contains(text, \"part\") → bool, ignoring case"
        case .round: return "round(number[, digits]) → number"
        }
    }

    var arity: ClosedRange<Int> {
        switch self {
        case .contains: return 2...2
        case .round: return 1...2
        default: return 1...1
        }
    }

    func resultType(_ args: [ValueType]) -> ValueType {
        switch self {
        case .year, .day, .len: return .int
        case .month, .week: return .text
        case .lower, .upper: return .text
        case .contains: return .bool
        case .round: return .number
        }
    }

    /// The type the first argument must have, or nil when any is fine.
    var firstArgument: [ValueType]? {
        switch self {
        case .year, .month, .week, .day: return [.date]
        case .lower, .upper, .contains: return [.text]
        case .len: return [.text, .list]
        case .round: return [.int, .number]
        }
    }
}
