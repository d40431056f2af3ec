import NewsCore
import NewsStore

/// One stage of the language as the catalogue declares it: its name, its
/// syntax as help and messages show it, its help text and example, its
/// options (for "has no option" messages and tab completion) and, for an
/// analysis stage, how it is parsed. Binding and the operator come from the
/// parsed stage itself (`AnalysisSyntax`, `BoundAnalysis`).
///
/// Design rules:
/// - Each stage is declared once, in its own file under `Stages/`
///   (`KwicStage.swift`, ...); `StageCatalog.all` lists them in the order help
///   and the grammar's `stage = ...` line give them.
/// - The parser, the lexer (which stages read a search query), help,
///   completion and "did you mean" read the catalogue; none keeps its own list.
/// - The seven core stages (`where` ... `count`) are reserved words with plan
///   nodes and optimizer rules of their own: the catalogue holds their texts,
///   `Parser.parseStage`, `Binder.bindStage` and `Planner` their work.
public struct StageSpec: Sendable {
    /// How the parser reaches the stage.
    public enum Form: Sendable {
        /// A reserved word parsed by `Parser.parseStage`.
        case keyword(Keyword)
        /// A contextual word after `|`; the function parses what follows it (the name is already read).
        case analysis(@Sendable (inout Parser) -> AnalysisStage?)
    }

    /// An option word of the stage.
    public struct Option: Sendable {
        /// The word that starts the option (`width`, `measure`).
        public var word: String
        /// How "has no option" lists it (`by sentence`); the word when nil.
        public var shown: String?

        public init(_ word: String, shown: String? = nil) { self.word = word; self.shown = shown }
    }

    /// Candidates for tab completion.
    public enum Completions: Sendable {
        case words([String])
        /// These words, then the session's `let` names.
        case letNames(plus: [String])
    }

    public var name: String
    /// The syntax as help shows it: `kwic [QUERY] [width N | width N words] [by sentence]`.
    public var syntax: String
    /// One line for messages: the syntax with a short example.
    public var usage: String
    /// The help text (its first clause is the one-line summary of `help`).
    public var summary: String
    /// An example that runs on the sample corpus (`SessionTests.testHelpExamplesRun`).
    public var example: String
    /// More lines shown as they are after the summary (formulas).
    public var details: String
    public var options: [Option]
    /// The stage reads a search query (`kwic`, `collocates`): the lexer reads
    /// search words after its name, and its option words end the query.
    public var readsQuery: Bool
    /// What completes right after the stage's name (`vs` after `keywords`).
    public var firstWord: Completions?
    /// What completes after a word of the stage (`measure` → mi, t, ll, logdice).
    public var after: [String: Completions]
    public var form: Form

    public init(name: String, syntax: String, usage: String, summary: String, example: String, details: String = "",
                options: [Option] = [], readsQuery: Bool = false, firstWord: Completions? = nil,
                after: [String: Completions] = [:], form: Form) {
        self.name = name; self.syntax = syntax; self.usage = usage; self.summary = summary; self.example = example
        self.details = details; self.options = options; self.readsQuery = readsQuery; self.firstWord = firstWord
        self.after = after; self.form = form
    }

    /// The options as "has no option" messages list them.
    public var shownOptions: [String] { options.map { $0.shown ?? $0.word } }

    public var isAnalysis: Bool {
        if case .analysis = form { return true }
        return false
    }
}

/// Every stage of the language, in the order help lists them.
public enum StageCatalog {
    public static let all: [StageSpec] = CoreStages.all + [
        KwicStage.spec, FrequencyStages.words, FrequencyStages.ngrams, CollocatesStage.spec, KeywordsStage.spec,
        DistributionStage.spec, SampleStage.spec,
    ] + SetOperationStages.all + [
        SummarizeStage.spec, DistinctStage.spec, ChartStage.spec, ExpectStage.spec,
    ]

    static let byName: [String: StageSpec] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The stage of a name.
    public static func spec(_ name: String) -> StageSpec? { byName[name] }

    /// Every stage name, in help order.
    public static let names: [String] = all.map(\.name)

    /// The analysis stages (contextual words after `|`).
    public static let analysisNames: [String] = all.filter(\.isAnalysis).map(\.name)

    /// Stages whose name starts a search query in the lexer.
    public static let queryStageNames: Set<String> = Set(all.filter(\.readsQuery).map(\.name))

    /// Words that end the query of a stage that reads one, and start an option.
    public static let queryOptionWords: Set<String> = Set(all.filter(\.readsQuery).flatMap { $0.options.map(\.word) })
}

/// A parsed analysis stage: each stage's own syntax type (`Stages/*.swift`).
/// It binds itself against the rows flowing in.
public protocol AnalysisSyntax: Sendable {
    /// Checks the stage against the schema of the rows flowing in and gives the
    /// schema of its rows; nil after reporting an error through the binder.
    func bind(_ binder: inout Binder, _ stage: Stage, schema: inout RowSchema) -> (any BoundAnalysis)?
    /// Equality across stage types (for `Equatable` statements).
    func isEqual(to other: any AnalysisSyntax) -> Bool
}

extension AnalysisSyntax where Self: Equatable {
    public func isEqual(to other: any AnalysisSyntax) -> Bool { (other as? Self) == self }
}

/// A bound analysis stage: a plan node of its own, and the operator that runs it.
public protocol BoundAnalysis {
    /// One line for explain.
    var label: String { get }
    /// The stage's operator over the rows of `input`.
    func makeOperator(input: PhysicalOperator) -> PhysicalOperator
    /// The search query the stage reads itself, if any, bound (`show article`
    /// marks the matches of a pipeline's last one).
    var ownQuery: SearchQuery? { get }
}

extension BoundAnalysis {
    public var ownQuery: SearchQuery? { nil }
}
