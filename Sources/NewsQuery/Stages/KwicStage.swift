import NewsCore
import NewsStore

/// `kwic [QUERY] [width N [words]] [by sentence]`: keyword-in-context lines
/// (operator: `Execution/KwicOperator.swift`).
enum KwicStage {
    static let spec = StageSpec(
        name: "kwic", syntax: "kwic [QUERY] [width N | width N words] [by sentence]",
        usage: "kwic [QUERY] [width N | width N words] [by sentence], e.g. kwic china width 30",
        summary: "Keyword in context: one line per match, with article, date, left context, match and right context; the left context is right-aligned so the matches line up (bold red on a terminal). Without a QUERY it shows the matches of the search before it. width counts characters (default 40) or, with 'words', word tokens; 'by sentence' shows each match's whole sentence. Sort the lines with sort by left1, right1, left2, ... (the words nearest the match, folded to lowercase); match, source and position are fields too. Options end the query, so search the word 'width' as \"width\".",
        example: "sentences | search \"Taiwan Strait\" | kwic width 30 | sort by right1, left1",
        details: "See one article whole, with the matches marked:  show article \"002\" search \"Taiwan Strait\"\n",
        options: [.init("width"), .init("by", shown: "by sentence")],
        readsQuery: true, after: ["by": .words(["sentence"])],
        form: .analysis { $0.parseKwic() })
}

/// A parsed `kwic`.
public struct KwicSyntax: AnalysisSyntax, Equatable {
    /// nil: the matches of the search before it.
    public var query: SearchExpr?
    public var width: Int?
    public var widthInWords: Bool
    public var bySentence: Bool

    public func bind(_ binder: inout Binder, _ stage: Stage, schema: inout RowSchema) -> (any BoundAnalysis)? {
        binder.bindKwic(self, stage, schema: &schema)
    }
}

/// A bound `kwic`: what its operator needs.
struct BoundKwic: BoundAnalysis {
    var options: KwicOptions
    /// kwic with a query of its own (not the matches of the search before it).
    var hasOwnQuery: Bool
    var ownQuery: SearchQuery? { hasOwnQuery ? options.locator.query : nil }
    var label: String {
        "Kwic \(options.locator.description) width \(options.width)\(options.widthInWords ? " words" : "")\(options.bySentence ? " by sentence" : "")"
    }
    func makeOperator(input: PhysicalOperator) -> PhysicalOperator { KwicOperator(input: input, options: options) }
}

/// What kwic needs to build its lines.
public struct KwicOptions {
    public var source: SourceKind
    public var locator: MatchLocator
    /// Characters (or words) of context on each side.
    public var width: Int
    public var widthInWords: Bool
    public var bySentence: Bool
    /// How many `left1`, `right1`, ... fields there are.
    public static let sortFields = 5
}

extension Parser {
    /// kwic = "kwic" [ search_or ] [ "width" INTEGER [ "words" ] ] [ "by" "sentence" ] ;
    mutating func parseKwic() -> AnalysisStage? {
        var query: SearchExpr? = nil
        if !atStageEnd && !(current.kind == .searchWord && Parser.queryOptionWords.contains(current.text.lowercased())) && !check(.by) {
            guard let q = parseBoundedQuery() else { return nil }
            query = q
        }
        var width: Int? = nil, inWords = false, bySentence = false
        while !atStageEnd {
            if matchWord("width") {
                guard let n = parseWholeNumber(after: "width", stage: "kwic") else { return nil }
                guard n > 0, n <= 1000 else { error(.badNumber, "the width must be between 1 and 1000", at: previous.range); return nil }
                width = n
                if matchWord("words") { inWords = true } else if matchWord("chars") || matchWord("characters") { inWords = false }
            } else if matchWord("by") {
                guard matchWord("sentence") else {
                    error(.incompleteStage, "expected 'sentence' after 'by' in kwic, found \(found)", help: ["kwic china by sentence shows the whole sentence around each match"])
                    return nil
                }
                bySentence = true
            } else {
                unknownOption("kwic")
                return nil
            }
        }
        return AnalysisStage(KwicSyntax(query: query, width: width, widthInWords: inWords, bySentence: bySentence))
    }
}

extension Binder {
    mutating func bindKwic(_ k: KwicSyntax, _ stage: Stage, schema: inout RowSchema) -> BoundKwic? {
        guard let src = unitSource(stage, schema) else { return nil }
        let locator: MatchLocator
        if let own = k.query {
            guard let l = stageLocator(own) else { return nil }
            locator = l
        } else if let searched = schema.query {
            locator = searchedLocator(searched)
        } else {
            error(.needsSearch, "kwic needs something to look for", stage.keywordRange,
                  help: ["give a query: kwic china", "or search first: sentences | search china | kwic"])
            return nil
        }
        let query = locator.query
        var cols = [column("article", .text, 0), column("date", .date, 1), column("left", .text, 2),
                    column("match", .text, 3), column("right", .text, 4)]
        var hidden = [column("source", .text, 5), column("position", .int, 6)]
        for i in 1...KwicOptions.sortFields {
            hidden.append(column("left\(i)", .text, 6 + i))
            hidden.append(column("right\(i)", .text, 6 + KwicOptions.sortFields + i))
        }
        if src != .articles { cols.insert(column("n", .int, 7 + 2 * KwicOptions.sortFields), at: 1) }
        schema = RowSchema(source: nil, searched: false, columns: cols, unitRows: false, hidden: hidden, query: query)
        let w = k.width ?? (k.widthInWords ? 6 : 40)
        return BoundKwic(options: KwicOptions(source: src, locator: locator, width: w, widthInWords: k.widthInWords, bySentence: k.bySentence),
                         hasOwnQuery: k.query != nil)
    }
}
