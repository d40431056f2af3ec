import Atomics
import Foundation
import NewsStore
import NewsCore
import NewsText

/// What operators share while a statement runs: the corpus, the Ctrl-C flag,
/// and what was cut (for the "showing N of M" note).
public final class ExecutionContext {
    public let corpus: Corpus
    let interrupt: Interrupt
    /// Set by the last `take`/`top` that dropped rows: (kept, total).
    package var cut: (kept: Int, total: Int, by: String)?
    /// Lines an analysis stage adds under its result (totals a reader needs to check the figures).
    package var notes: [String] = []
    /// Marks snippet/highlight matches with ANSI colour instead of [brackets]
    /// (off: table cells are measured without escape codes).
    public var colorMatches = false
    private var polls = 0
    /// The regex match running now (the statement runner's watchdog reads it).
    let regexWatch = RegexWatch()
    /// Set when the statement runner gave up on this statement: stop at the next poll.
    private let stopped = ManagedAtomic<Bool>(false)

    /// Article search also matches in boilerplate paragraphs (`.boilerplate on`).
    public var includeBoilerplate = false

    public init(corpus: Corpus, interrupt: Interrupt, options: ExecutionOptions = ExecutionOptions()) {
        self.corpus = corpus
        self.interrupt = interrupt
        self.includeBoilerplate = options.includeBoilerplate
        self.colorMatches = options.colorMatches
    }

    /// Throws `ExecutionError.cancelled` once Ctrl-C was pressed. Cheap: checks every 1024 calls.
    @inline(__always)
    func poll() throws {
        polls &+= 1
        if polls & 1023 == 0, interrupt.isRaised || isStopped { throw ExecutionError.cancelled }
    }

    /// Checks the flag now (between operators).
    func checkCancelled() throws {
        if interrupt.isRaised || isStopped { throw ExecutionError.cancelled }
    }

    /// The operator running now and when the statement started, for the note on Ctrl-C.
    private let progressLock = NSLock()
    private var runningOperator = ""
    /// The span of the stage whose operator runs now (for errors raised outside it).
    private var runningRange: Range<Int>?
    let started = monotonicSeconds()

    func entering(_ op: String, stage range: Range<Int>? = nil) {
        progressLock.lock(); runningOperator = op; runningRange = range; progressLock.unlock()
    }

    /// The span of the stage running now, if its operator knows it.
    var runningStage: Range<Int>? {
        progressLock.lock(); defer { progressLock.unlock() }
        return runningRange
    }

    /// "after 1.2 s in SORT": where a cancelled statement was.
    var progressNote: String {
        progressLock.lock(); defer { progressLock.unlock() }
        let seconds = Value.format(((monotonicSeconds() - started) * 10).rounded() / 10)
        return runningOperator.isEmpty ? "after \(seconds) s" : "after \(seconds) s in \(runningOperator)"
    }

    /// Asks the operators to stop at their next poll (the runner gave up on them).
    func stop() { stopped.store(true, ordering: .relaxed) }
    package var isStopped: Bool { stopped.load(ordering: .relaxed) }
    /// Ctrl-C or `stop()`, as a check other threads may hold (`DerivationStop`).
    var stopCheck: @Sendable () -> Bool {
        let i = interrupt, s = stopped
        return { i.isRaised || s.load(ordering: .relaxed) }
    }

    /// The article index a row of `source` belongs to.
    func articleIndex(_ source: SourceKind, _ unit: Int) -> Int {
        switch source {
        case .articles: return unit
        case .paragraphs: return corpus.paragraphs[unit].article
        case .sentences: return corpus.sentences[unit].article
        case .quotes: return corpus.quotes[unit].article
        case .mentions: return corpus.entityTable.mentions[unit].article
        case .entities, .shared: return -1
        }
    }

    /// Number of rows of a source.
    func rowCount(_ source: SourceKind) -> Int {
        switch source {
        case .articles: return corpus.articles.count
        case .paragraphs: return corpus.paragraphs.count
        case .sentences: return corpus.sentences.count
        case .quotes: return corpus.quotes.count
        case .entities: return corpus.entityTable.entities.count
        case .mentions: return corpus.entityTable.mentions.count
        case .shared: return corpus.sharedPassages.passages.count
        }
    }

    /// Reads a column of a row.
    package func value(_ ref: ColumnRef, _ row: Row) -> Value {
        switch ref {
        case let .computed(i): return i < row.values.count ? row.values[i] : .null
        case .score: return .double(row.score)
        case let .field(source, name): return field(source, name, row.unit)
        case let .parent(source, name):
            guard row.unit >= 0 else { return .null }
            return field(.articles, name, articleIndex(source, row.unit))
        }
    }

    /// A field of a unit of a source, read from the corpus.
    package func field(_ source: SourceKind, _ name: String, _ unit: Int) -> Value {
        guard unit >= 0 else { return .null }
        switch source {
        case .articles:
            let a = corpus.articles[unit]
            switch name {
            case "id": return .string(a.id)
            case "title": return a.title.map(Value.string) ?? .null
            case "source": return a.source.map(Value.string) ?? .null
            case "date": return a.date.map(Value.date) ?? .null
            case "author": return a.author.map(Value.string) ?? .null
            case "url": return a.url.map(Value.string) ?? .null
            case "body": return .string(String(a.body))
            case "words": return .int(a.words)
            case "copy_of": return corpus.sharedPassages.duplicateOf[unit].map { .string(corpus.articles[$0].id) } ?? .null
            default: return .null
            }
        case .paragraphs:
            let p = corpus.paragraphs[unit]
            let a = corpus.articles[p.article]
            switch name {
            case "id": return .string("\(a.id)#p\(p.n)")
            case "article": return .string(a.id)
            case "n": return .int(p.n)
            case "text": return .string(String(a.slice(p.range)))
            case "kind": return .string(p.kind.rawValue)
            case "words": return .int(p.words)
            case "duplicate": return .bool(p.duplicate)
            default: return .null
            }
        case .sentences:
            let s = corpus.sentences[unit]
            let a = corpus.articles[s.article]
            switch name {
            case "id": return .string("\(a.id)#s\(s.n)")
            case "article": return .string(a.id)
            case "paragraph": return .int(corpus.paragraphs[s.paragraph].n)
            case "n": return .int(s.n)
            case "text": return .string(String(a.slice(s.range)))
            case "words": return .int(s.words)
            // a sentence is of its paragraph's kind
            case "kind": return .string(corpus.paragraphs[s.paragraph].kind.rawValue)
            case "duplicate": return .bool(corpus.paragraphs[s.paragraph].duplicate)
            default: return .null
            }
        case .quotes, .entities, .mentions, .shared:
            return derivedField(source, name, unit)
        }
    }
}

/// Why a running statement stopped.
public enum ExecutionError: Error, Equatable {
    case cancelled
    /// Cancelled, with where it was ("after 1.2 s in SORT").
    case cancelledAt(String)
    /// A stage failed: the message, its code in the diagnostics catalogue, and
    /// the span of the stage in the statement (added by the operator that ran it).
    case failed(String, code: DiagnosticCode, range: Range<Int>?)

    /// A failure without a span yet (the operator adds its stage's).
    public static func failed(_ code: DiagnosticCode, _ message: String) -> ExecutionError {
        .failed(message, code: code, range: nil)
    }

    /// An index search that could not run.
    init(_ e: TextSearchError) {
        switch e {
        case .budget: self = .failed(.searchTooBroad, e.description)
        case .badRegex: self = .failed(.regexFailed, e.description)
        }
    }

    /// The same failure with the span of the stage that raised it, unless it has one.
    func at(_ range: Range<Int>?) -> ExecutionError {
        guard case let .failed(m, c, nil) = self, let r = range else { return self }
        return .failed(m, code: c, range: r)
    }
}

/// The session's settings that operators follow, passed in explicitly.
public struct ExecutionOptions: Sendable {
    /// Article search also matches in boilerplate paragraphs (`.boilerplate on`).
    public var includeBoilerplate = false
    /// Snippets and highlights mark matches with ANSI colour instead of [brackets].
    public var colorMatches = false

    public init(includeBoilerplate: Bool = false, colorMatches: Bool = false) {
        self.includeBoilerplate = includeBoilerplate
        self.colorMatches = colorMatches
    }
}
