import NewsCore
import NewsStore

/// Binding of the analysis stages: each stage binds itself (its
/// `AnalysisSyntax.bind`, in its file under `Stages/`) with the helpers here,
/// which the stages share: the rows must be text, stopword lists, and the
/// search query a stage locates its matches with.
extension Binder {
    mutating func bindAnalysis(_ a: AnalysisStage, _ stage: Stage, schema: inout RowSchema) -> (any BoundAnalysis)? {
        a.syntax.bind(&self, stage, schema: &schema)
    }

    /// The rows must still be articles, paragraphs or sentences: their source, or nil after an error.
    mutating func unitSource(_ stage: Stage, _ schema: RowSchema) -> SourceKind? {
        let name = text(stage.keywordRange)
        guard schema.unitRows, let s = schema.source else {
            error(.needsTextRows, "'\(name)' reads the text of articles, paragraphs or sentences, not the result of select, count or another analysis",
                  stage.keywordRange, help: ["put '\(name)' before the select or count stage", "e.g. sentences | search china | \(name)"])
            return nil
        }
        return s
    }

    /// A computed output column of an analysis stage.
    func column(_ n: String, _ t: ValueType, _ i: Int) -> SchemaColumn { SchemaColumn(name: n, type: t, ref: .computed(i)) }

    /// The locator of a query a stage reads itself (kwic, collocates): the
    /// query bound (its regexes compiled once), or nil after an error.
    mutating func stageLocator(_ q: SearchExpr) -> MatchLocator? {
        guard let query = bindQuery(q) else { return nil }
        return MatchLocator(query)
    }

    /// The locator of the query of the search before the stage (already bound).
    func searchedLocator(_ q: SearchQuery) -> MatchLocator { MatchLocator(q) }

    /// The stopwords asked for: .some(nil) for none; nil (after an error) when a file cannot be read.
    mutating func loadStoplist(_ s: Stoplist?) -> Set<String>?? {
        switch s {
        case nil: return .some(nil)
        case .english: return .some(Stopwords.english)
        case let .file(path, range):
            guard let text = readFile?(path) else {
                error(.unreadableFile, "cannot read the stopword file '\(path)'", range,
                      help: ["a text file with one word per line; or 'stopwords' alone for the built-in English list"])
                return nil
            }
            return .some(Stopwords.parse(text))
        }
    }

    func frequencySchema() -> RowSchema {
        RowSchema(source: nil, searched: false, columns: [
            SchemaColumn(name: "item", type: .text, ref: .computed(0)), SchemaColumn(name: "n", type: .int, ref: .computed(1)),
            SchemaColumn(name: "articles", type: .int, ref: .computed(2)), SchemaColumn(name: "per_million", type: .number, ref: .computed(3)),
        ], unitRows: false)
    }

    func rowKind(_ s: RowSchema) -> String {
        if s.unitRows, let src = s.source { return src.rawValue }
        return "computed rows (" + s.columns.map(\.name).joined(separator: ", ") + ")"
    }

    /// `snippet(text)`, `highlight(text)`: need a search before them.
    mutating func bindMatchFunction(_ f: MatchFunction, _ args: [Expr], _ range: Range<Int>, _ schema: RowSchema) -> BoundExpr? {
        guard args.count == 1 else {
            error(.wrongArguments, "\(f.rawValue) takes 1 argument, not \(args.count)", range, help: [f.signature])
            return nil
        }
        guard let query = schema.query else {
            error(.needsSearch, "\(f.rawValue) marks the matches of a search; search first", range,
                  help: ["sentences | search china | select \(f.rawValue)(text)"])
            return nil
        }
        guard let b = bindExpr(args[0], schema) else { return nil }
        guard b.type == .text || b.type == .any else {
            error(.typeMismatch, "\(f.rawValue) needs text, but \(text(args[0].range)) is \(describe(b.type))", args[0].range, help: [f.signature])
            return nil
        }
        return .matchText(f, b, MatchLocator(query))
    }
}
