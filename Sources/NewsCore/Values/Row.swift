/// One row flowing between operators. Rows of a source carry their unit
/// (article, paragraph or sentence index) and read fields from the corpus only
/// when a stage or the output asks; computed columns live in `values`.
public struct Row: Sendable {
    /// Index of the unit in the corpus array of the row's source; -1 when none.
    public var unit: Int
    /// BM25 score from `search` (0 before one).
    public var score: Double
    /// Byte ranges (into the article text) of the words a search matched.
    public var hits: [Range<Int>]
    /// Values of computed columns (`select`, `count`).
    public var values: [Value]

    public init(unit: Int, score: Double = 0, hits: [Range<Int>] = [], values: [Value] = []) {
        self.unit = unit; self.score = score; self.hits = hits; self.values = values
    }
}
