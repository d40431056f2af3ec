import NewsCore

/// The in-memory corpus model: articles, their paragraphs and sentences, all
/// addressed by byte offsets into the article's original text.
///
/// Design rules:
/// - An article keeps its text exactly as loaded (`text`); `body` is the part
///   after the detected headline. Every paragraph and sentence is a byte range
///   into `text`, so any later stage can point back at the original.
/// - Paragraphs and sentences live in flat corpus-wide arrays; an article
///   knows the index ranges of its own.

/// What a paragraph is, as the loader judged it. The headline is a paragraph
/// of kind `title` (with one sentence of that kind), so every unit reads it.
public enum ParagraphKind: String, Sendable, CaseIterable {
    case title, body, caption, boilerplate
}

/// One article as loaded, with its metadata and original text.
public struct Article: Sendable {
    /// Stable identifier (file stem for text files, the `id` field for records).
    public var id: String
    public var title: String?
    public var source: String?
    public var date: DateValue?
    public var author: String?
    public var url: String?
    /// The whole text as loaded, unchanged (headline, navigation and all).
    public var text: String
    /// Byte range of the body inside `text` (after the headline, if one was found).
    public var bodyRange: Range<Int>
    /// Index range of this article's paragraphs in `Corpus.paragraphs`.
    public var paragraphs: Range<Int> = 0..<0
    /// Index range of this article's sentences in `Corpus.sentences`.
    public var sentences: Range<Int> = 0..<0
    /// Number of word tokens in the counted text (title, body and caption
    /// paragraphs, first occurrences).
    public var words: Int = 0
    /// Word tokens in all of the text (boilerplate and repeated paragraphs too).
    public var allWords: Int = 0
    /// Where the article came from (file path, or `file:line` for records).
    public var origin: String
    /// How the metadata is known (manifest notes, "stated", "inferred ...").
    public var provenance: String?

    public init(id: String, title: String?, source: String?, date: DateValue?, author: String?,
                url: String?, text: String, bodyRange: Range<Int>, origin: String, provenance: String? = nil) {
        self.id = id; self.title = title; self.source = source; self.date = date
        self.author = author; self.url = url; self.text = text; self.bodyRange = bodyRange
        self.origin = origin; self.provenance = provenance
    }

    /// The body text (the original text minus the headline).
    public var body: Substring { slice(bodyRange) }

    /// The text of a byte range of `text`.
    public func slice(_ range: Range<Int>) -> Substring {
        let u = text.utf8
        let lo = u.index(u.startIndex, offsetBy: range.lowerBound)
        let hi = u.index(lo, offsetBy: range.count)
        return text[lo..<hi]
    }
}

/// A paragraph: a byte range of its article's text.
public struct Paragraph: Sendable {
    public var article: Int
    /// 1-based position within the article.
    public var n: Int
    public var range: Range<Int>
    public var kind: ParagraphKind
    /// True when the same text occurred earlier in the same article (repeated captions, lines).
    public var duplicate: Bool
    public var words: Int
    public var sentences: Range<Int> = 0..<0

    /// Whether the paragraph is counted text: search, kwic and word statistics
    /// read title, body and caption paragraphs once; boilerplate and repeated
    /// paragraphs only with `.boilerplate on` (`includeBoilerplate`).
    public func isCounted(includeBoilerplate: Bool = false) -> Bool {
        includeBoilerplate || (kind != .boilerplate && !duplicate)
    }

    public init(article: Int, n: Int, range: Range<Int>, kind: ParagraphKind, duplicate: Bool, words: Int) {
        self.article = article; self.n = n; self.range = range; self.kind = kind
        self.duplicate = duplicate; self.words = words
    }
}

/// A sentence: a byte range of its article's text.
public struct Sentence: Sendable {
    public var article: Int
    /// Index into `Corpus.paragraphs`.
    public var paragraph: Int
    /// 1-based position within the article.
    public var n: Int
    public var range: Range<Int>
    public var words: Int

    public init(article: Int, paragraph: Int, n: Int, range: Range<Int>, words: Int) {
        self.article = article; self.paragraph = paragraph; self.n = n; self.range = range; self.words = words
    }
}

/// A problem met while loading: the file and what was wrong. The rest still loads.
public struct LoadWarning: Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    /// Its entry in the diagnostics catalogue (a W06xx code: `help W0603` explains it).
    public var code: DiagnosticCode
    public init(_ code: DiagnosticCode, path: String, reason: String) { self.code = code; self.path = path; self.reason = reason }
    public var description: String { "\(path): \(reason)" }
    /// As printed: `warning[W0603]: PATH: REASON`.
    public var labelled: String { "warning[\(code.rawValue)]: \(path): \(reason)" }
}
