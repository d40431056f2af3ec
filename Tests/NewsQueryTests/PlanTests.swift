import XCTest
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Optimizer rules, checked on printed plans, and the optimized plan checked
/// against the naive one (same rows) on generated queries.
final class PlanTests: XCTestCase {
    /// Through the statement path every caller uses: the plan as planned and as optimized.
    func plans(_ s: String) -> (naive: LogicalPlan, optimized: LogicalPlan) {
        let (ready, diagnostics) = StatementPath.prepare(s, bindings: [:])
        guard let p = ready, case .query = p.kind, let naive = p.initialPlan, let optimized = p.plan
        else { fatalError("not a query that binds: \(s) \(diagnostics.items)") }
        return (naive, optimized)
    }

    func testSearchBecomesIndexLookupWithFilterPushedBelow() {
        let (_, opt) = plans("articles | search china | where source == \"Newsweek\" | sort by score desc | take 2")
        XCTAssertEqual(opt.render(), """
        TopK 2 by score desc
          └─ IndexSearch articles: china (candidates below)
            └─ Filter source == "Newsweek"
              └─ Scan articles

        """)
    }

    func testFiltersMerge() {
        let (_, opt) = plans("articles | where words > 100 | where source != \"Newsweek\"")
        XCTAssertEqual(opt.render(), "Filter (words > 100 and source != \"Newsweek\")\n  └─ Scan articles\n")
    }

    func testScoreFilterStaysAboveSearch() {
        let (_, opt) = plans("articles | search china | where score > 1")
        XCTAssertEqual(opt.render(), "Filter score > 1\n  └─ IndexSearch articles: china\n")
    }

    func run(_ plan: LogicalPlan, _ schema: RowSchema) throws -> [[Value]] {
        let ctx = ExecutionContext(corpus: Fixtures.sample, interrupt: Interrupt())
        let rows = try PhysicalPlanner.build(plan).run(ctx)
        return rows.map { r in schema.columns.map { ctx.value($0.ref, r) } }
    }

    func testOptimizedPlanGivesTheNaiveRows() throws {
        let words = ["china", "taiwan", "japan", "security", "sato", "strait", "beijing", "talks", "ldp", "defense",
                     "secur*", "t?iwan", "/^bei/", "near(japan, talks, 5)", "title:(security)", "=LDP", "\"security talks\""]
        let filters = ["source == \"Newsweek\"", "words > 300", "date >= @2021-08-25", "source != \"Taiwan News\""]
        let sources = ["articles", "paragraphs", "sentences"]
        var rng = SplitMix64(seed: 20210827)
        var checked = 0
        for _ in 0..<150 {
            let src = sources.randomElement(using: &rng)!
            let w1 = words.randomElement(using: &rng)!, w2 = words.randomElement(using: &rng)!
            let op = ["AND", "OR", "NOT", ""].randomElement(using: &rng)!
            let filter = filters.randomElement(using: &rng)!
            let tail = ["| sort by score desc, id | take 3", "| count", "| top 2 by score", "| select id, score"].randomElement(using: &rng)!
            let q = "\(src) | where \(filter) | search \(w1) \(op) \(w2) | where \(filter) \(tail)"
            let (naive, opt) = plans(q)
            let (st, _) = Parser.parse(q)
            guard case let .query(p) = st else { continue }
            var b = Binder(statement: q, bindings: [:])
            let schema = b.bind(p)!.schema
            XCTAssertEqual(try run(naive, schema), try run(opt, schema), q)
            checked += 1
        }
        XCTAssertEqual(checked, 150)
    }

    func testTopKAndTakeStillCarryHits() throws {
        for q in ["articles | search sato taiwan | top 2 by score", "sentences | search near(japan, security) | take 3"] {
            let (_, opt) = plans(q)
            let ctx = ExecutionContext(corpus: Fixtures.sample, interrupt: Interrupt())
            let op = PhysicalPlanner.build(opt)
            XCTAssertEqual(op.name, "SEARCH_HITS", q)
            let rows = try op.run(ctx)
            XCTAssertFalse(rows.isEmpty)
            let (naive, _) = plans(q)
            let expected = try PhysicalPlanner.build(naive).run(ExecutionContext(corpus: Fixtures.sample, interrupt: Interrupt()))
            XCTAssertEqual(rows.map(\.hits), expected.map(\.hits), q)
            XCTAssertTrue(rows.allSatisfy { !$0.hits.isEmpty })
        }
    }

    func testTopByScoreMatchesAFullSort() throws {
        for q in ["articles | search taiwan OR china", "sentences | search japan OR taiwan OR security", "paragraphs | search the"] {
            for n in [1, 3, 10, 1000] {
                let (naive, _) = plans("\(q) | sort by score desc | take \(n) | select id, score")
                let (_, opt) = plans("\(q) | top \(n) by score | select id, score")
                let (_, asc) = plans("\(q) | top \(n) by score asc | select id, score")
                let (naiveAsc, _) = plans("\(q) | sort by score | take \(n) | select id, score")
                let ctx = ExecutionContext(corpus: Fixtures.sample, interrupt: Interrupt())
                let a = try PhysicalPlanner.build(naive).run(ctx).map(\.unit)
                let b = try PhysicalPlanner.build(opt).run(ctx).map(\.unit)
                XCTAssertEqual(a, b, "\(q) top \(n)")
                let c = try PhysicalPlanner.build(naiveAsc).run(ctx).map(\.unit)
                let d = try PhysicalPlanner.build(asc).run(ctx).map(\.unit)
                XCTAssertEqual(c, d, "\(q) top \(n) asc")
            }
        }
    }

    /// The one-key and no-key counts give what the general grouping count gives.
    func testCountFastPathsMatchTheGeneralCount() throws {
        let queries = [
            "articles | count by source", "articles | search china OR japan | count by source",
            "paragraphs | count by kind", "paragraphs | search taiwan | count by article.source",
            "sentences | search japan | count by article.date", "sentences | count by article",
            "articles | count by year(date)", "sentences | search secur* | count",
            "paragraphs | count", "articles | search taiwan | count by author",
            "sentences | search japan | select article, n | count by n",
        ]
        for q in queries {
            let (_, opt) = plans(q)
            guard case let .aggregate(input, keys, a) = opt else { return XCTFail(q) }
            let ctx = ExecutionContext(corpus: Fixtures.sample, interrupt: Interrupt())
            let fast = try PhysicalPlanner.build(opt).run(ctx).map(\.values)
            let general = try AggregateOperator(input: PhysicalPlanner.build(input), keys: keys, articlesOf: a).run(ctx).map(\.values)
            XCTAssertEqual(fast, general, q)
            XCTAssertFalse(fast.isEmpty, q)
        }
    }

    func testCountingSkipsScores() {
        let (_, opt) = plans("articles | search china | count by source")
        let op = PhysicalPlanner.build(opt)
        XCTAssertEqual(op.children.first?.detail, "articles: china (no scores)")
        let (_, kept) = plans("articles | search china | where score > 0 | count")
        XCTAssertEqual(PhysicalPlanner.build(kept).children.first?.children.first?.detail, "articles: china")
    }
}

/// A small seeded generator so generated tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// The statement path: what `prepare` gives each kind of statement, and that
/// `run` gives the rows the session shows.
final class StatementPathTests: XCTestCase {
    func testPrepareEachKind() throws {
        let q = try XCTUnwrap(StatementPath.prepare("articles | search china | count", bindings: [:]).0)
        guard case .query = q.kind else { return XCTFail("not a query") }
        XCTAssertEqual(q.schema?.columns.map(\.name), ["n"])
        XCTAssertNotNil(q.plan)
        let l = try XCTUnwrap(StatementPath.prepare("let big = articles | where words > 500", bindings: [:]).0)
        guard case let .let(name) = l.kind else { return XCTFail("not a let") }
        XCTAssertEqual(name.text, "big")
        let e = try XCTUnwrap(StatementPath.prepare("explain verbose articles | search china | take 2", bindings: [:]).0)
        guard case .explain(.verbose) = e.kind else { return XCTFail("not explain verbose") }
        XCTAssertNotEqual(e.initialPlan?.render(), e.plan?.render(), "the optimizer rewrote the plan")
        let h = try XCTUnwrap(StatementPath.prepare(".help", bindings: [:]).0 ?? StatementPath.prepare("help search", bindings: [:]).0)
        guard case .help = h.kind else { return XCTFail("not help") }
        XCTAssertNil(h.plan)
    }

    func testPrepareReportsWhatCannotRun() {
        let (p1, d1) = StatementPath.prepare("articles | serch china", bindings: [:])
        XCTAssertNil(p1)
        XCTAssertTrue(d1.hasErrors)
        let (p2, d2) = StatementPath.prepare("articles | where nosuchfield > 1", bindings: [:])
        XCTAssertNil(p2)
        XCTAssertTrue(d2.hasErrors)
        let (p3, d3) = StatementPath.prepare("let articles = quotes", bindings: [:])
        XCTAssertNil(p3)
        XCTAssertTrue(d3.items.contains { $0.message.contains("built-in source") })
    }

    func testRunGivesTheRowsAndTheOperatorTree() throws {
        let p = try XCTUnwrap(StatementPath.prepare("articles | search china | count", bindings: [:]).0)
        let ctx = ExecutionContext(corpus: Fixtures.sample, interrupt: Interrupt())
        let (rows, root) = try StatementPath.run(p, ctx)
        XCTAssertEqual(rows.count, 1)
        guard case let .int(n) = ctx.value(p.schema!.columns[0].ref, rows[0]) else { return XCTFail("no count") }
        let hits = try StatementPath.run(XCTUnwrap(StatementPath.prepare("articles | search china", bindings: [:]).0), ctx).rows
        XCTAssertEqual(n, hits.count)
        XCTAssertGreaterThan(root.stats.rows, 0)
    }

    func testOptionsReachTheOperators() throws {
        // `popcat` stands only in the boilerplate of one sample article: found only when it is searched
        let p = try XCTUnwrap(StatementPath.prepare("articles | search popcat", bindings: [:]).0)
        let off = try StatementPath.run(p, ExecutionContext(corpus: Fixtures.sample, interrupt: Interrupt())).rows
        let on = try StatementPath.run(p, ExecutionContext(corpus: Fixtures.sample, interrupt: Interrupt(),
                                                           options: ExecutionOptions(includeBoilerplate: true))).rows
        XCTAssertEqual(off.count, 0)
        XCTAssertGreaterThan(on.count, 0)
    }
}
