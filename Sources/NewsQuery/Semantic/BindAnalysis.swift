import NewsCore

/// Binding of the analysis stages: checks each against the rows flowing in
/// and gives the schema of the rows it produces.
public enum BoundAnalysis {
    case kwic(KwicOptions)
    /// Word (n = 1) or n-gram frequency list.
    case frequency(source: SourceKind, n: Int, stopwords: Set<String>?, min: Int)
    case collocates(source: SourceKind, locator: MatchLocator, left: Int, right: Int, measure: CollocationMeasure, min: Int, stopwords: Set<String>?)
    case keywords(source: SourceKind, reference: KeywordReference, measure: KeynessMeasure, min: Int)
    case distribution(source: SourceKind, locator: MatchLocator, key: BoundProjection)
    case sample(Int, seed: Int)
    case setOperation(SetOperation, name: String, Binding, unitRows: Bool)
    case summarize(keys: [BoundProjection], aggregates: [BoundAggregate])
    case distinct(columns: [SchemaColumn], unitRows: Bool)
    case chart(ChartOptions)
    case expect(BoundExpr, text: String, rowsSlot: Int, columns: [SchemaColumn])

    /// One line for explain.
    public var label: String {
        switch self {
        case let .kwic(o): return "Kwic \(o.locator.description) width \(o.width)\(o.widthInWords ? " words" : "")\(o.bySentence ? " by sentence" : "")"
        case let .frequency(_, n, stop, min): return (n == 1 ? "Words" : "Ngrams \(n)") + (stop != nil ? " stopwords" : "") + " min \(min)"
        case let .collocates(_, l, left, right, m, min, _): return "Collocates \(l.description) window \(left),\(right) measure \(m.rawValue) min \(min)"
        case let .keywords(_, r, m, min): return "Keywords vs \(r.name) measure \(m.rawValue) min \(min)"
        case let .distribution(_, l, key): return "Distribution \(l.description) by \(key.name)"
        case let .sample(n, seed): return "Sample \(n) seed \(seed)"
        case let .setOperation(op, name, _, _): return "\(op.rawValue.capitalized) \(name)"
        case let .summarize(keys, aggs): return "Summarize " + aggs.map(\.name).joined(separator: ", ") + (keys.isEmpty ? "" : " by " + keys.map(\.name).joined(separator: ", "))
        case .distinct: return "Distinct"
        case let .chart(o): return "Chart \(o.valueName)" + (o.bucket.map { " by \($0.rawValue)" } ?? "")
        case let .expect(_, text, _, _): return "Expect \(text)"
        }
    }
}

/// What kwic needs to build its lines.
public struct KwicOptions {
    public var source: SourceKind
    public var locator: MatchLocator
    /// Characters (or words) of context on each side.
    public var width: Int
    public var widthInWords: Bool
    public var bySentence: Bool
    /// Whether kwic was given its own query (else it reads the search before it).
    public var ownQuery = false
    /// How many `left1`, `right1`, ... fields there are.
    public static let sortFields = 5
}

/// The reference corpus of `keywords`.
public enum KeywordReference {
    case corpus
    case binding(String, SourceKind, [Row])
    var name: String {
        switch self {
        case .corpus: return "corpus"
        case let .binding(n, _, _): return n
        }
    }
}

/// One aggregate of `summarize`.
public struct BoundAggregate {
    public enum Kind: String, CaseIterable { case count, sum, avg, min, max, distinct }
    public var kind: Kind
    public var argument: BoundExpr?
    public var name: String
}

/// What chart draws: a numeric column, labelled by the other columns.
public struct ChartOptions {
    public var value: BoundExpr
    public var valueName: String
    public var labels: [SchemaColumn]
    /// Fill in the days between (a timeline) when the label is one date column.
    public var timeline: Bool
    /// The timeline's bucket as asked (`chart by week`); nil: chosen by the span.
    public var bucket: TimeBucket? = nil
}

extension Binder {
    mutating func bindAnalysis(_ a: AnalysisStage, _ stage: Stage, schema: inout RowSchema) -> BoundAnalysis? {
        let name = text(stage.keywordRange)
        /// The rows must still be articles, paragraphs or sentences.
        func unitSource() -> SourceKind? {
            guard schema.unitRows, let s = schema.source else {
                error("'\(name)' reads the text of articles, paragraphs or sentences, not the result of select, count or another analysis",
                      stage.keywordRange, help: ["put '\(name)' before the select or count stage", "e.g. sentences | search china | \(name)"])
                return nil
            }
            return s
        }
        func column(_ n: String, _ t: ValueType, _ i: Int) -> SchemaColumn { SchemaColumn(name: n, type: t, ref: .computed(i)) }

        switch a {
        case let .kwic(q, width, inWords, bySentence):
            guard let src = unitSource() else { return nil }
            let given = q.map { bindQuery($0) }
            if case .some(.none) = given { return nil }
            guard let query = given.flatMap({ $0 }) ?? schema.query else {
                error("kwic needs something to look for", stage.keywordRange,
                      help: ["give a query: kwic china", "or search first: sentences | search china | kwic"])
                return nil
            }
            var cols = [column("article", .text, 0), column("date", .date, 1), column("left", .text, 2),
                        column("match", .text, 3), column("right", .text, 4)]
            var hidden = [column("source", .text, 5), column("position", .int, 6)]
            for k in 1...KwicOptions.sortFields {
                hidden.append(column("left\(k)", .text, 6 + k))
                hidden.append(column("right\(k)", .text, 6 + KwicOptions.sortFields + k))
            }
            if src != .articles { cols.insert(column("n", .int, 7 + 2 * KwicOptions.sortFields), at: 1) }
            schema = RowSchema(source: nil, searched: false, columns: cols, unitRows: false, hidden: hidden, query: query)
            let w = width ?? (inWords ? 6 : 40)
            return .kwic(KwicOptions(source: src, locator: MatchLocator(query), width: w, widthInWords: inWords, bySentence: bySentence,
                                     ownQuery: q != nil))

        case let .words(stop, min):
            guard let src = unitSource() else { return nil }
            guard let list = loadStoplist(stop) else { return nil }
            schema = frequencySchema()
            return .frequency(source: src, n: 1, stopwords: list, min: min ?? 1)
        case let .ngrams(n, stop, min):
            guard let src = unitSource() else { return nil }
            guard let list = loadStoplist(stop) else { return nil }
            schema = frequencySchema()
            return .frequency(source: src, n: n, stopwords: list, min: min ?? 2)

        case let .collocates(q, left, right, measure, min, stop):
            guard let src = unitSource() else { return nil }
            guard let stoplist = loadStoplist(stop) else { return nil }
            guard let query = bindQuery(q) else { return nil }
            var m = CollocationMeasure.logdice
            if let given = measure {
                guard let mm = CollocationMeasure(rawValue: given.text) else {
                    let all = CollocationMeasure.allCases.map(\.rawValue)
                    var help = Suggest.closest(to: given.text, among: all).map { ["did you mean '\($0)'?"] } ?? []
                    help.append("measures: " + all.joined(separator: ", ") + " (help collocates shows the formulas)")
                    error("unknown association measure '\(given.text)'", given.range, help: help)
                    return nil
                }
                m = mm
            }
            var cols = [column("item", .text, 0), column("observed", .int, 1), column("expected", .number, 2),
                        column("freq", .int, 3)]
            var hidden: [SchemaColumn] = []
            for (i, c) in CollocationMeasure.allCases.enumerated() {
                let col = column(c.rawValue, .number, 4 + i)
                if c == m { cols.append(col) } else { hidden.append(col) }
            }
            schema = RowSchema(source: nil, searched: false, columns: cols, unitRows: false, hidden: hidden)
            return .collocates(source: src, locator: MatchLocator(query), left: left ?? 5, right: right ?? 5, measure: m, min: min ?? 2, stopwords: stoplist)

        case let .keywords(ref, measure, min):
            guard let src = unitSource() else { return nil }
            let reference: KeywordReference
            if ref.text == "corpus" {
                reference = .corpus
            } else if let b = bindings[ref.text] {
                guard b.schema.unitRows, let rs = b.schema.source else {
                    error("'\(ref.text)' holds computed rows, not text; a reference must be articles, paragraphs or sentences", ref.range,
                          help: ["let ref = articles | where source != \"Newsweek\""])
                    return nil
                }
                reference = .binding(ref.text, rs, b.rows)
            } else {
                var help: [String] = []
                if let g = Suggest.closest(to: ref.text, among: ["corpus"] + bindings.keys.sorted()) { help.append("did you mean '\(g)'?") }
                help.append("references: corpus" + (bindings.isEmpty ? "" : ", " + bindings.keys.sorted().joined(separator: ", ")))
                error("unknown reference '\(ref.text)'", ref.range, help: help)
                return nil
            }
            var m = KeynessMeasure.ll
            if let given = measure {
                guard let mm = KeynessMeasure(rawValue: given.text) else {
                    error("unknown keyness measure '\(given.text)'", given.range, help: ["measures: ll (log-likelihood), logratio (effect size)"])
                    return nil
                }
                m = mm
            }
            let cols = [column("item", .text, 0), column("n", .int, 1), column("ref_n", .int, 2), column("per_million", .number, 3),
                        column("ref_per_million", .number, 4), column("ll", .number, 5), column("logratio", .number, 6)]
            schema = RowSchema(source: nil, searched: false, columns: cols, unitRows: false)
            return .keywords(source: src, reference: reference, measure: m, min: min ?? 3)

        case let .distribution(by):
            guard let src = unitSource() else { return nil }
            guard let query = schema.query else {
                error("distribution counts the hits of a search; search first", stage.keywordRange,
                      help: ["articles | search china | distribution by source"])
                return nil
            }
            let key: BoundProjection
            if let e = by {
                guard let b = bindExpr(e, schema) else { return nil }
                key = BoundProjection(name: columnName(e), expr: b)
            } else if src == .articles {
                key = BoundProjection(name: "source", expr: .column(.field(.articles, "source"), .text, name: "source"))
            } else {
                key = BoundProjection(name: "article.source", expr: .column(.parent(src, "source"), .text, name: "article.source"))
            }
            let cols = [column(key.name, key.expr.type, 0), column("hits", .int, 1), column("per_million", .number, 2),
                        column("articles", .int, 3), column("group_articles", .int, 4), column("group_words", .int, 5)]
            schema = RowSchema(source: nil, searched: false, columns: cols, unitRows: false)
            return .distribution(source: src, locator: MatchLocator(query), key: key)

        case let .sample(n, seed):
            return .sample(n, seed: seed ?? 1)

        case let .setOperation(op, ref):
            guard let b = bindings[ref.text] else {
                var help: [String] = []
                if let g = Suggest.closest(to: ref.text, among: bindings.keys.sorted()) { help.append("did you mean '\(g)'?") }
                help.append(bindings.isEmpty ? "no let names yet: let nw = articles | where source == \"Newsweek\"" : "let names: " + bindings.keys.sorted().joined(separator: ", "))
                error("unknown let name '\(ref.text)'", ref.range, help: help)
                return nil
            }
            let same = b.schema.unitRows == schema.unitRows && b.schema.source == schema.source
                && (schema.unitRows || b.schema.columns.map(\.name) == schema.columns.map(\.name))
            guard same else {
                error("'\(op.rawValue)' needs rows of the same kind: these are \(rowKind(schema)), '\(ref.text)' holds \(rowKind(b.schema))", ref.range,
                      help: ["let nw = articles | where source == \"Newsweek\", then articles | search china | \(op.rawValue) nw"])
                return nil
            }
            return .setOperation(op, name: ref.text, b, unitRows: schema.unitRows)

        case let .summarize(items, by):
            var keys: [BoundProjection] = []
            for e in by {
                guard let b = bindExpr(e, schema) else { return nil }
                keys.append(BoundProjection(name: columnName(e), expr: b))
            }
            var aggs: [BoundAggregate] = []
            for item in items {
                guard let kind = BoundAggregate.Kind(rawValue: item.function.text) else {
                    let all = BoundAggregate.Kind.allCases.map(\.rawValue)
                    var help = Suggest.closest(to: item.function.text, among: all).map { ["did you mean '\($0)'?"] } ?? []
                    help.append("aggregates: count(), sum(F), avg(F), min(F), max(F), distinct(F)")
                    error("unknown aggregate '\(item.function.text)'", item.function.range, help: help)
                    return nil
                }
                var arg: BoundExpr? = nil
                if let e = item.argument {
                    guard let b = bindExpr(e, schema) else { return nil }
                    if (kind == .sum || kind == .avg) && !(b.type.isNumeric || b.type == .any) {
                        error("\(kind.rawValue) needs numbers, but \(text(e.range)) is \(describe(b.type))", e.range,
                              help: ["count() counts rows; distinct(\(text(e.range))) counts different values"])
                        return nil
                    }
                    arg = b
                } else if kind != .count {
                    error("\(kind.rawValue)() needs a field, e.g. \(kind.rawValue)(words)", item.range)
                    return nil
                }
                aggs.append(BoundAggregate(kind: kind, argument: arg, name: item.alias?.text ?? text(item.range).replacingOccurrences(of: " ", with: "")))
            }
            var cols = keys.enumerated().map { column($1.name, $1.expr.type, $0) }
            for (i, a) in aggs.enumerated() {
                let t: ValueType
                switch a.kind {
                case .count, .distinct: t = .int
                case .avg: t = .number
                case .sum: t = a.argument?.type == .int ? .int : .number
                case .min, .max: t = a.argument?.type ?? .any
                }
                cols.append(column(a.name, t, keys.count + i))
            }
            schema = RowSchema(source: nil, searched: false, columns: cols, unitRows: false)
            return .summarize(keys: keys, aggregates: aggs)

        case .distinct:
            return .distinct(columns: schema.columns, unitRows: schema.unitRows)

        case let .chart(e, bucketName):
            guard !schema.unitRows else {
                error("chart draws a count column; count first", stage.keywordRange,
                      help: ["articles | count by source | chart", "sentences | search china | count by article.date | chart"])
                return nil
            }
            let value: BoundExpr
            let valueName: String
            if let e = e {
                guard let b = bindExpr(e, schema) else { return nil }
                guard b.type.isNumeric || b.type == .any else {
                    error("chart needs a number column, but \(text(e.range)) is \(describe(b.type))", e.range,
                          help: ["number columns here: " + schema.columns.filter { $0.type.isNumeric }.map(\.name).joined(separator: ", ")])
                    return nil
                }
                value = b; valueName = columnName(e)
            } else if let c = schema.columns.first(where: { $0.name == "n" }) ?? schema.columns.last(where: { $0.type.isNumeric }) {
                value = .column(c.ref, c.type, name: c.name); valueName = c.name
            } else {
                error("chart needs a number column, and these rows have none", stage.keywordRange, help: ["count by source | chart n"])
                return nil
            }
            var labels = schema.columns.filter { $0.name != valueName && !($0.type.isNumeric) }
            if labels.isEmpty {
                // Number keys (count by month(date)): the columns before the value are the groups.
                let i = schema.columns.firstIndex { $0.name == valueName } ?? schema.columns.count
                labels = Array(schema.columns[..<i])
                if labels.isEmpty { labels = schema.columns.filter { $0.name != valueName } }
            }
            let timeline = labels.count == 1 && labels[0].type == .date
            var bucket: TimeBucket? = nil
            if let b = bucketName {
                guard let t = TimeBucket(rawValue: b.text) else {
                    let all = TimeBucket.allCases.map(\.rawValue)
                    var help = Suggest.closest(to: b.text, among: all).map { ["did you mean '\($0)'?"] } ?? []
                    help.append("chart by " + all.joined(separator: " | "))
                    error("'\(b.text)' is not a timeline bucket: use day, week, month or year", b.range, help: help)
                    return nil
                }
                guard timeline else {
                    error("chart by \(t.rawValue) draws a timeline, and these rows are not labelled by one date", b.range,
                          help: ["articles | count by date | chart by \(t.rawValue)"])
                    return nil
                }
                bucket = t
            }
            // a timeline's labels are its buckets: a day (2021-08-24), a week (2021-W34), a month (2021-08) or a year
            var cols = [column(labels.map(\.name).joined(separator: " / ").isEmpty ? "row" : labels.map(\.name).joined(separator: " / "), .text, 0),
                        column(valueName, .number, 1), column("bar", .text, 2)]
            if value.type == .int { cols[1].type = .int }
            schema = RowSchema(source: nil, searched: false, columns: cols, unitRows: false)
            return .chart(ChartOptions(value: value, valueName: valueName, labels: labels, timeline: timeline, bucket: bucket))

        case let .expect(e):
            let slot = schema.unitRows ? 0 : (schema.columns + schema.hidden).map { c -> Int in
                if case let .computed(i) = c.ref { return i + 1 }
                return 0
            }.max() ?? 0
            var extended = schema
            if !(schema.columns + schema.hidden).contains(where: { $0.name == "rows" }) {
                extended.hidden.append(SchemaColumn(name: "rows", type: .int, ref: .computed(slot)))
            }
            guard let b = bindExpr(e, extended) else { return nil }
            guard b.type == .bool || b.type == .any else {
                error("'expect' needs a condition that is true or false, but this is \(describe(b.type))", e.range,
                      help: ["expect rows == 3", "count | expect n > 10"])
                return nil
            }
            // the condition as written, parentheses and all (the stage after its keyword)
            let written = text(stage.keywordRange.upperBound..<max(stage.keywordRange.upperBound, stage.range.upperBound)).trimmingSpaces
            return .expect(b, text: written.isEmpty ? text(e.range) : written, rowsSlot: slot, columns: schema.columns)
        }
    }

    /// The stopwords asked for: .some(nil) for none; nil (after an error) when a file cannot be read.
    mutating func loadStoplist(_ s: Stoplist?) -> Set<String>?? {
        switch s {
        case nil: return .some(nil)
        case .english: return .some(Stopwords.english)
        case let .file(path, range):
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                error("cannot read the stopword file '\(path)'", range,
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
            error("\(f.rawValue) takes 1 argument, not \(args.count)", range, help: [f.signature])
            return nil
        }
        guard let query = schema.query else {
            error("\(f.rawValue) marks the matches of a search; search first", range,
                  help: ["sentences | search china | select \(f.rawValue)(text)"])
            return nil
        }
        guard let b = bindExpr(args[0], schema) else { return nil }
        guard b.type == .text || b.type == .any else {
            error("\(f.rawValue) needs text, but \(text(args[0].range)) is \(describe(b.type))", args[0].range, help: [f.signature])
            return nil
        }
        return .matchText(f, b, MatchLocator(query))
    }
}
