import NewsStore
import NewsCore

/// The built-in sources and the fields of their rows.
public enum SourceKind: String, CaseIterable, Sendable {
    case articles, paragraphs, sentences
    /// Derived sources, computed on first use (Analysis/).
    case quotes, entities, mentions, shared

    /// The text unit a `search` runs over (derived sources are searched with `where`).
    public var unit: TextUnit {
        switch self {
        case .articles: return .article
        case .paragraphs: return .paragraph
        case .sentences, .quotes, .entities, .mentions, .shared: return .sentence
        }
    }

    /// True for the sources the text index covers (`search` works on them).
    public var isIndexed: Bool { self == .articles || self == .paragraphs || self == .sentences }

    /// True when each row belongs to one article (`article.FIELD` reaches it).
    public var hasArticle: Bool { self != .articles && self != .entities && self != .shared }

    /// Every field of this source's rows, in `.schema` order.
    public var fields: [FieldInfo] {
        switch self {
        case .articles:
            return [
                FieldInfo("id", .text, "file stem or record id"),
                FieldInfo("title", .text, "headline (empty when the text has none)"),
                FieldInfo("source", .text, "outlet"),
                FieldInfo("date", .date, "publication date"),
                FieldInfo("author", .text, "byline"),
                FieldInfo("url", .text, "where it was published"),
                FieldInfo("body", .text, "the text after the headline"),
                FieldInfo("words", .int, "word tokens of the counted text: title, body and captions, each paragraph once"),
                FieldInfo("copy_of", .text, "id of an earlier article this one nearly copies (60%+ of its 8-word passages), else empty; computed on first use"),
            ]
        case .paragraphs:
            return [
                FieldInfo("id", .text, "article id and paragraph number, e.g. 002_a0e8…#p3"),
                FieldInfo("article", .text, "id of the article"),
                FieldInfo("n", .int, "position in the article, from 1"),
                FieldInfo("text", .text, "the paragraph"),
                FieldInfo("kind", .text, "title (the headline), body, caption or boilerplate"),
                FieldInfo("words", .int, "word tokens"),
                FieldInfo("duplicate", .bool, "true when the same text came earlier in the article"),
            ]
        case .sentences:
            return [
                FieldInfo("id", .text, "article id and sentence number, e.g. 002_a0e8…#s7"),
                FieldInfo("article", .text, "id of the article"),
                FieldInfo("paragraph", .int, "number of its paragraph in the article"),
                FieldInfo("n", .int, "position in the article, from 1"),
                FieldInfo("text", .text, "the sentence"),
                FieldInfo("kind", .text, "its paragraph's kind: title, body, caption or boilerplate"),
                FieldInfo("words", .int, "word tokens"),
                FieldInfo("duplicate", .bool, "true when its paragraph repeats an earlier one of the article"),
            ]
        case .quotes:
            return [
                FieldInfo("id", .text, "article id and quotation number, e.g. 000_8ca0…#q2"),
                FieldInfo("article", .text, "id of the article"),
                FieldInfo("speaker", .text, "who said it: an entity's name, or the words naming an unnamed speaker"),
                FieldInfo("named", .bool, "true when the speaker is a named entity, false for a description (\"a police spokesman\") or none"),
                FieldInfo("entity", .text, "the speaker's entity name; null when unnamed"),
                FieldInfo("text", .text, "the quoted words"),
                FieldInfo("cue", .text, "the verb attributing it: said, told, added, …"),
                FieldInfo("sentence", .text, "id of the sentence it starts in"),
                FieldInfo("words", .int, "word tokens quoted"),
            ]
        case .entities:
            return [
                FieldInfo("name", .text, "canonical name (the most frequent full form)"),
                FieldInfo("kind", .text, "person, org or place"),
                FieldInfo("aliases", .list, "other forms: surname alone, reversed order, acronym"),
                FieldInfo("articles", .int, "articles that mention it"),
                FieldInfo("mentions", .int, "mentions in all articles"),
            ]
        case .mentions:
            return [
                FieldInfo("entity", .text, "the entity's canonical name"),
                FieldInfo("kind", .text, "person, org or place"),
                FieldInfo("article", .text, "id of the article"),
                FieldInfo("sentence", .text, "id of the sentence"),
                FieldInfo("text", .text, "the words as written"),
            ]
        case .shared:
            return [
                FieldInfo("text", .text, "the passage, as written in the earliest article"),
                FieldInfo("words", .int, "word tokens in the passage"),
                FieldInfo("articles", .list, "ids of the articles it occurs in"),
                FieldInfo("first", .text, "id of the earliest of them (by date)"),
                FieldInfo("n", .int, "number of articles"),
            ]
        }
    }

    /// The columns shown when no `select` says otherwise (long texts last).
    public var defaultColumns: [String] {
        switch self {
        case .articles: return ["id", "source", "date", "title", "words"]
        case .paragraphs: return ["article", "n", "kind", "text"]
        case .sentences: return ["article", "n", "text"]
        case .quotes: return ["article", "speaker", "cue", "text"]
        case .entities: return ["name", "kind", "articles", "mentions", "aliases"]
        case .mentions: return ["entity", "kind", "article", "text"]
        case .shared: return ["words", "n", "first", "text"]
        }
    }

    /// Fields a child row reaches through `article.`.
    public static var parentFields: [FieldInfo] { SourceKind.articles.fields }

    public func field(_ name: String) -> FieldInfo? { fields.first { $0.name == name } }
}

/// One field of a source: name, type and what it holds.
public struct FieldInfo: Sendable, Equatable {
    public var name: String
    public var type: ValueType
    public var doc: String
    public init(_ name: String, _ type: ValueType, _ doc: String) {
        self.name = name; self.type = type; self.doc = doc
    }
}

/// Where a column's value comes from when a row is read.
public enum ColumnRef: Equatable, Sendable {
    /// A field of the row's own unit (article, paragraph or sentence).
    case field(SourceKind, String)
    /// A field of the row's article, from a paragraph or sentence (`article.source`).
    case parent(SourceKind, String)
    /// The BM25 score set by `search`.
    case score
    /// A value computed by `select` or `count`, by position in the row's values.
    case computed(Int)
}

/// A column of the rows flowing between two stages, as the binder sees it.
public struct SchemaColumn: Equatable, Sendable {
    public var name: String
    public var type: ValueType
    public var ref: ColumnRef
}

/// What the binder knows about the rows flowing out of a stage.
public struct RowSchema: Equatable, Sendable {
    /// The source whose units the rows still are (nil after `count`, or for computed tables).
    public var source: SourceKind?
    /// True once a `search` has run (rows have `score` and match positions).
    public var searched: Bool
    /// The columns shown, in order (also the names a later stage can use).
    public var columns: [SchemaColumn]
    /// True while the rows are the source's own units with all their fields
    /// reachable (before `select` or `count`).
    public var unitRows: Bool
    /// Columns a later stage can use but that are not shown (kwic's left1, right1, ...).
    public var hidden: [SchemaColumn] = []
    /// The search query the rows were found with (for kwic, snippet, highlight).
    public var query: SearchQuery? = nil

    /// The schema of a source's rows.
    public static func of(_ source: SourceKind) -> RowSchema {
        let cols = source.defaultColumns.map { name -> SchemaColumn in
            let f = source.field(name)!
            return SchemaColumn(name: name, type: f.type, ref: .field(source, name))
        }
        return RowSchema(source: source, searched: false, columns: cols, unitRows: true)
    }

    /// Every name a stage can use on these rows, for help and completion.
    public var availableNames: [String] {
        var names: [String] = []
        if unitRows, let s = source {
            names += s.fields.map(\.name)
            if s.hasArticle { names += SourceKind.parentFields.map { "article." + $0.name } }
            if searched { names.append("score") }
        }
        for c in columns + hidden where !names.contains(c.name) { names.append(c.name) }
        return names
    }
}
