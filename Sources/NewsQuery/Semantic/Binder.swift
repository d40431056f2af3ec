import NewsCore
import NewsStore

/// Resolves names in a parsed pipeline against the schema flowing into each
/// stage, checks types, and turns search expressions into `SearchQuery`.
///
/// Design rules:
/// - Every error names the spot and what was available there; "did you mean"
///   draws only from names of the same kind (fields here, sources and `let`
///   names for sources, functions for calls).
public struct Binder {
    /// Reads a text file a statement names (a stopword list), or nil when it
    /// cannot. The caller decides: the engine itself touches no files.
    public typealias ReadFile = (String) -> String?

    let statement: String
    let bindings: [String: Binding]
    let readFile: ReadFile?
    public private(set) var diagnostics = DiagnosticBag()
    /// Each search /regex/ of the statement, compiled once where it is checked
    /// (`checkRegex`); the bound `SearchQuery` keeps these.
    var regexes: [String: TermRegex] = [:]

    /// `readFile` nil: a statement that names a file is refused.
    public init(statement: String, bindings: [String: Binding], readFile: ReadFile? = nil) {
        self.statement = statement
        self.bindings = bindings
        self.readFile = readFile
    }

    /// The text of a range of the statement (for column names and messages).
    func text(_ r: Range<Int>) -> String {
        let bytes = Array(statement.utf8)
        let lo = min(max(0, r.lowerBound), bytes.count)
        let hi = min(max(lo, r.upperBound), bytes.count)
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, _ range: Range<Int>, help: [String] = []) {
        diagnostics.add(Diagnostic(code, message, range: range, help: help))
    }

    /// Binds a whole pipeline; nil when there were errors (see `diagnostics`).
    public mutating func bind(_ p: Pipeline) -> BoundPipeline? {
        let source: BoundSource
        var schema: RowSchema
        if let kind = SourceKind(rawValue: p.source.text) {
            source = .source(kind)
            schema = .of(kind)
        } else if let b = bindings[p.source.text] {
            source = .binding(p.source.text, b)
            schema = b.schema
        } else {
            let names = SourceKind.allCases.map(\.rawValue) + bindings.keys.sorted()
            var help: [String] = []
            if let guess = Suggest.closest(to: p.source.text, among: names) { help.append("did you mean '\(guess)'?") }
            help.append("sources: " + SourceKind.allCases.map(\.rawValue).joined(separator: ", ")
                        + (bindings.isEmpty ? "" : "; let names: " + bindings.keys.sorted().joined(separator: ", ")))
            error(.unknownSource, "unknown source '\(p.source.text)'", p.source.range, help: help)
            return nil
        }
        var stages: [BoundStage] = []
        var ranges: [Range<Int>] = []
        for stage in p.stages {
            if let bound = bindStage(stage, schema: &schema) {
                stages.append(bound)
                ranges.append(stage.range)
            }
        }
        if diagnostics.hasErrors { return nil }
        return BoundPipeline(source: source, stages: stages, schema: schema, stageRanges: ranges)
    }

    mutating func bindStage(_ stage: Stage, schema: inout RowSchema) -> BoundStage? {
        switch stage.kind {
        case let .where(e):
            guard let b = bindExpr(e, schema) else { return nil }
            guard b.type == .bool || b.type == .any || b.type == .null else {
                error(.typeMismatch, "'where' needs a condition that is true or false, but this is \(describe(b.type))", e.range,
                      help: ["compare it: where \(text(e.range)) == ..."])
                return nil
            }
            return .filter(b)
        case let .search(q):
            if let src = schema.source, !src.isIndexed {
                error(.wrongRows, "'search' works on articles, paragraphs or sentences; \(src.rawValue) are filtered with where",
                      stage.keywordRange, help: ["e.g. \(src.rawValue) | where contains(text, \"Taiwan\")"])
                return nil
            }
            guard let src = schema.source, schema.unitRows else {
                error(.needsTextRows, "'search' works on articles, paragraphs or sentences, not on the result of select or count",
                      stage.keywordRange, help: ["search before the select or count stage"])
                return nil
            }
            guard let tq = bindQuery(q) else { return nil }
            schema.searched = true
            schema.query = schema.query.map { $0.and(tq) } ?? tq
            if !schema.columns.contains(where: { $0.ref == .score }) {
                schema.columns.append(SchemaColumn(name: "score", type: .number, ref: .score))
            }
            return .search(tq, src)
        case let .select(items):
            var projections: [BoundProjection] = []
            var columns: [SchemaColumn] = []
            for item in items {
                if item.expr == nil {
                    // `*`: every field of the rows.
                    for c in allColumns(schema) {
                        projections.append(BoundProjection(name: c.name, expr: .column(c.ref, c.type, name: c.name)))
                    }
                    continue
                }
                guard let b = bindExpr(item.expr!, schema) else { continue }
                let name = item.alias?.text ?? columnName(item.expr!)
                projections.append(BoundProjection(name: name, expr: b))
            }
            var seen: [String: Int] = [:]
            for i in projections.indices {
                let n = projections[i].name
                if let k = seen[n] {
                    seen[n] = k + 1
                    projections[i].name = "\(n)_\(k + 1)"
                } else {
                    seen[n] = 1
                }
                columns.append(SchemaColumn(name: projections[i].name, type: projections[i].expr.type, ref: .computed(i)))
            }
            let newSchema = RowSchema(source: schema.source, searched: schema.searched, columns: columns, unitRows: false)
            schema = newSchema
            return .project(projections, newSchema)
        case let .sort(keys):
            var bound: [BoundSortKey] = []
            for k in keys {
                guard let b = bindExpr(k.expr, schema) else { continue }
                bound.append(BoundSortKey(expr: b, descending: k.descending, text: text(k.expr.range)))
            }
            return .sort(bound)
        case let .take(n):
            return .limit(n)
        case let .top(n, k):
            guard let b = bindExpr(k.expr, schema) else { return nil }
            return .topK(n, [BoundSortKey(expr: b, descending: k.descending, text: text(k.expr.range))])
        case let .count(by):
            var keys: [BoundProjection] = []
            for e in by {
                guard let b = bindExpr(e, schema) else { continue }
                keys.append(BoundProjection(name: columnName(e), expr: b))
            }
            let articlesOf: SourceKind? = schema.unitRows && (schema.source?.hasArticle ?? false) ? schema.source : nil
            let countArticles = articlesOf != nil
            var columns = keys.enumerated().map { SchemaColumn(name: $1.name, type: $1.expr.type, ref: .computed($0)) }
            columns.append(SchemaColumn(name: "n", type: .int, ref: .computed(keys.count)))
            if countArticles {
                columns.append(SchemaColumn(name: "articles", type: .int, ref: .computed(keys.count + 1)))
            }
            let newSchema = RowSchema(source: nil, searched: false, columns: columns, unitRows: false)
            schema = newSchema
            return .aggregate(keys: keys, articlesOf: articlesOf, newSchema)
        case let .analysis(a):
            return bindAnalysis(a, stage, schema: &schema).map { .analysis($0) }
        }
    }

    /// All columns of the rows (for `select *`): every field of a unit row, or the shown columns.
    func allColumns(_ schema: RowSchema) -> [SchemaColumn] {
        guard schema.unitRows, let s = schema.source else { return schema.columns }
        var cols = s.fields.map { SchemaColumn(name: $0.name, type: $0.type, ref: .field(s, $0.name)) }
        if schema.searched { cols.append(SchemaColumn(name: "score", type: .number, ref: .score)) }
        return cols
    }

    /// The column name for an unnamed expression: the field name, or the text as written.
    func columnName(_ e: Expr) -> String {
        if case let .field(path, _) = e { return path.map(\.text).joined(separator: ".") }
        return text(e.range).split(whereSeparator: { $0 == "\n" }).joined(separator: " ")
    }

    func describe(_ t: ValueType) -> String {
        switch t {
        case .int: return "a whole number"
        case .number: return "a number"
        case .text: return "text"
        case .date: return "a date"
        case .bool: return "true/false"
        case .list: return "a list"
        case .null: return "null"
        case .any: return "a value"
        }
    }
}
