import NewsStore

/// The derived tables of news understanding, as properties of a corpus: each is
/// computed on first use and kept in the corpus's `DerivedTables`.
extension Corpus {
    /// People, organisations and places, and their mentions (computed on first use).
    public var entityTable: EntityTable { derived.get(EntityTable.self) { EntitiesExtractor.extract(self) } }
    /// Direct quotations with their speakers (computed on first use).
    public var quotes: [Quote] { derived.get([Quote].self) { QuotesExtractor.extract(self) } }
    /// Passages found in two or more articles (computed on first use).
    public var sharedPassages: SharedPassageTable { derived.get(SharedPassageTable.self) { SharedPassagesFinder.find(self) } }
    /// Whether entities (and, with `hasQuotes`, quotations) are computed already:
    /// a completion may read them without making the user wait.
    public var hasEntities: Bool { derived.has(EntityTable.self) }
    public var hasQuotes: Bool { derived.has([Quote].self) }
}
