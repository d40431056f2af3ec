/// A token of the statement language, with its byte range in the statement.

public struct Token: Equatable, Sendable {
    public var kind: TokenKind
    /// Byte offsets into the statement text.
    public var range: Range<Int>
    /// The token's text as written (for strings: the decoded contents).
    public var text: String

    public init(kind: TokenKind, range: Range<Int>, text: String) {
        self.kind = kind; self.range = range; self.text = text
    }
}

/// What a token is.
public enum TokenKind: Hashable, Sendable {
    case identifier
    case keyword(Keyword)
    case integer
    case number
    /// A quoted string, `"..."` or `'...'`; `text` holds the contents.
    case string
    /// A date literal `@2021-08-27`; `text` holds the date part.
    case date
    /// A `/regex/`; `text` holds the pattern.
    case regex
    /// A word of a search expression (`secur*`, `Chih-cheng`, `U.S.`).
    case searchWord
    case pipe, comma, dot, colon, semicolon
    case lparen, rparen, lbracket, rbracket
    case assign          // =
    case equal           // ==
    case notEqual        // !=
    case less, lessEqual, greater, greaterEqual
    case plus, minus, star, slash
    /// Something the lexer could not read; the lexer also reports a diagnostic.
    case invalid
    case end
}

/// The language's reserved words. `grammar/newsq.ebnf` lists the same set; a test holds them equal.
public enum Keyword: String, CaseIterable, Sendable {
    case `let`, explain, analyze, verbose, help
    case `where`, search, select, sort, by, asc, desc, take, top, count
    case and, or, not, `in`, between, matches
    case `true`, `false`, null
}

extension TokenKind {
    /// How a token kind is named in messages ("expected a number").
    public var displayName: String {
        switch self {
        case .identifier: return "a name"
        case let .keyword(k): return "'\(k.rawValue)'"
        case .integer: return "a whole number"
        case .number: return "a number"
        case .string: return "a quoted string"
        case .date: return "a date"
        case .regex: return "a /regex/"
        case .searchWord: return "a search word"
        case .pipe: return "'|'"
        case .comma: return "','"
        case .dot: return "'.'"
        case .colon: return "':'"
        case .semicolon: return "';'"
        case .lparen: return "'('"
        case .rparen: return "')'"
        case .lbracket: return "'['"
        case .rbracket: return "']'"
        case .assign: return "'='"
        case .equal: return "'=='"
        case .notEqual: return "'!='"
        case .less: return "'<'"
        case .lessEqual: return "'<='"
        case .greater: return "'>'"
        case .greaterEqual: return "'>='"
        case .plus: return "'+'"
        case .minus: return "'-'"
        case .star: return "'*'"
        case .slash: return "'/'"
        case .invalid: return "an unreadable character"
        case .end: return "the end of the statement"
        }
    }
}
