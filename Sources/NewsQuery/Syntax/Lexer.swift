import NewsCore

/// Turns statement text into tokens with byte ranges.
///
/// Design rules:
/// - The lexer never fails: what it cannot read becomes an `.invalid` token
///   plus a diagnostic, so the parser can go on and report more.
/// - After `search`, and after a stage that reads a query (`readsQuery` in
///   `StageCatalog`: kwic, collocates), until a `|` or `;` outside brackets,
///   it reads search words: runs of letters, digits and `-.'*?_` so `Chih-cheng`, `U.S.`,
///   `Japan's` and `secur*` stay whole.
public struct Lexer {
    let bytes: [UInt8]
    var pos = 0
    public private(set) var diagnostics = DiagnosticBag()
    /// Depth of brackets while in search mode (a `|` inside brackets does not end it).
    var searchDepth: Int? = nil
    /// The next token is the id of `show article ID`.
    var articleIdNext = false

    public init(_ text: String) {
        self.bytes = Array(text.utf8)
    }

    /// Lexes the whole statement; the last token is `.end`.
    public static func tokenize(_ text: String) -> (tokens: [Token], diagnostics: DiagnosticBag) {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let t = lexer.next()
            tokens.append(t)
            if t.kind == .end { break }
        }
        return (tokens, lexer.diagnostics)
    }

    mutating func next() -> Token {
        skipSpaceAndComments()
        guard pos < bytes.count else { return Token(kind: .end, range: bytes.count..<bytes.count, text: "") }
        let start = pos
        let b = bytes[pos]
        // `show article guardian/001`: the id runs to the next space, slashes and all
        if articleIdNext {
            articleIdNext = false
            if b != UInt8(ascii: "\""), b != UInt8(ascii: "'"), b != UInt8(ascii: "|"), b != UInt8(ascii: ";") {
                while pos < bytes.count, !isUnicodeSpace(pos), bytes[pos] != UInt8(ascii: " "), bytes[pos] != UInt8(ascii: "\t"),
                      bytes[pos] != UInt8(ascii: "\n"), bytes[pos] != UInt8(ascii: "\r"), bytes[pos] != UInt8(ascii: ";") { pos += 1 }
                let word = text(start..<pos)
                // a plain number stays a number (`show article 3` is the 3rd article)
                if !word.allSatisfy(\.isNumber) {
                    return Token(kind: .string, range: start..<pos, text: word)
                }
                pos = start
            }
        }
        if let depth = searchDepth {
            switch b {
            case UInt8(ascii: "|"), UInt8(ascii: ";"):
                if depth == 0 { searchDepth = nil }
            case UInt8(ascii: "("):
                searchDepth = depth + 1
            case UInt8(ascii: ")"):
                searchDepth = max(0, depth - 1)
            default:
                if isSearchWordByte(b) && b != UInt8(ascii: "'") {
                    return searchWord()
                }
            }
        }
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            return string(quote: b)
        case UInt8(ascii: "@"):
            return dateLiteral()
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return numberLiteral()
        case UInt8(ascii: "/"):
            if let t = regexLiteral() { return t }
            pos += 1
            return Token(kind: .slash, range: start..<pos, text: "/")
        default:
            break
        }
        if isIdentifierStart(b) {
            return identifierOrKeyword()
        }
        let two = pos + 1 < bytes.count ? bytes[pos + 1] : 0
        func single(_ k: TokenKind) -> Token { pos += 1; return Token(kind: k, range: start..<pos, text: text(start..<pos)) }
        func double(_ k: TokenKind) -> Token { pos += 2; return Token(kind: k, range: start..<pos, text: text(start..<pos)) }
        switch b {
        case UInt8(ascii: "|"): return single(.pipe)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: "."): return single(.dot)
        case UInt8(ascii: ":"): return single(.colon)
        case UInt8(ascii: ";"): return single(.semicolon)
        case UInt8(ascii: "("): return single(.lparen)
        case UInt8(ascii: ")"): return single(.rparen)
        case UInt8(ascii: "["): return single(.lbracket)
        case UInt8(ascii: "]"): return single(.rbracket)
        case UInt8(ascii: "+"): return single(.plus)
        case UInt8(ascii: "-"): return single(.minus)
        case UInt8(ascii: "*"): return single(.star)
        case UInt8(ascii: "="): return two == UInt8(ascii: "=") ? double(.equal) : single(.assign)
        case UInt8(ascii: "!"):
            if two == UInt8(ascii: "=") { return double(.notEqual) }
        case UInt8(ascii: "<"): return two == UInt8(ascii: "=") ? double(.lessEqual) : single(.less)
        case UInt8(ascii: ">"): return two == UInt8(ascii: "=") ? double(.greaterEqual) : single(.greater)
        default: break
        }
        // Unreadable: take one whole UTF-8 character.
        pos += 1
        while pos < bytes.count && bytes[pos] & 0xC0 == 0x80 { pos += 1 }
        let shown = text(start..<pos)
        let message: String
        if b < 0x20 || b == 0x7F {
            message = "control character \(Lexer.describeControl(b)) is not allowed here"
        } else if b == UInt8(ascii: "!") {
            message = "unexpected '!'; write 'not' or '!='"
        } else {
            message = "unexpected character '\(shown)'"
        }
        diagnostics.add(Diagnostic(.unexpectedCharacter, message, range: start..<pos))
        return Token(kind: .invalid, range: start..<pos, text: shown)
    }

    static func describeControl(_ b: UInt8) -> String {
        switch b {
        case 0: return "NUL"
        case 0x1B: return "ESC"
        case 0x7F: return "DEL"
        default:
            let hex = String(b, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }

    /// `-- comment` as SQL writes it (a space or the line's start before the
    /// dashes, a space or the line's end after them): read as newsq's `#`.
    func isDashComment(_ i: Int) -> Bool {
        func space(_ k: Int) -> Bool { [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[k]) }
        guard bytes[i] == UInt8(ascii: "-"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "-") else { return false }
        return (i == 0 || space(i - 1)) && (i + 2 == bytes.count || space(i + 2))
    }

    mutating func skipSpaceAndComments() {
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                pos += 1
            } else if b == UInt8(ascii: "#") || isDashComment(pos) {
                while pos < bytes.count && bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
            } else if b == 0xC2 && pos + 1 < bytes.count && bytes[pos + 1] == 0xA0 {
                pos += 2 // no-break space, common in pasted text
            } else if let n = Lexer.unicodeSpaceLength(bytes, pos) {
                pos += n // a byte-order mark, the U+2000 spaces, ideographic space: pasted text again
            } else {
                return
            }
        }
    }

    /// A no-break space, BOM or other Unicode space starts at `i` (it ends a word).
    func isUnicodeSpace(_ i: Int) -> Bool {
        guard bytes[i] >= 0xC2 else { return false }
        return (bytes[i] == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0) || Lexer.unicodeSpaceLength(bytes, i) != nil
    }

    /// Length of a BOM (U+FEFF), U+2000…U+200B or U+3000 at `i`, else nil.
    static func unicodeSpaceLength(_ bytes: [UInt8], _ i: Int) -> Int? {
        guard i + 2 < bytes.count else { return nil }
        let (a, b, c) = (bytes[i], bytes[i + 1], bytes[i + 2])
        if a == 0xEF && b == 0xBB && c == 0xBF { return 3 }
        if a == 0xE2 && b == 0x80 && c <= 0x8B { return 3 }
        if a == 0xE3 && b == 0x80 && c == 0x80 { return 3 }
        return nil
    }

    func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }

    func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || b == UInt8(ascii: "_") || b >= 0xC0
    }

    func isIdentifierByte(_ b: UInt8) -> Bool {
        isIdentifierStart(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || (b >= 0x80 && b < 0xC0)
    }

    func isSearchWordByte(_ b: UInt8) -> Bool {
        isIdentifierByte(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "'")
            || b == UInt8(ascii: "*") || b == UInt8(ascii: "?") || b == UInt8(ascii: "=")
    }

    mutating func identifierOrKeyword() -> Token {
        let start = pos
        while pos < bytes.count && isIdentifierByte(bytes[pos]) && !isUnicodeSpace(pos) { pos += 1 }
        let word = text(start..<pos)
        if word == "article", statementStartsWithShow(before: start) { articleIdNext = true }
        // `why QUERY in ID`: the query is read as a search
        if word == "why", text(0..<start).allSatisfy({ $0.isWhitespace }) { searchDepth = 0 }
        if let k = Keyword(rawValue: word) {
            if k == .search { searchDepth = 0 }
            return Token(kind: .keyword(k), range: start..<pos, text: word)
        }
        // a stage that reads a search query (kwic, collocates: `readsQuery` in the catalogue)
        if StageCatalog.queryStageNames.contains(word) && previousByteIsPipe(start) { searchDepth = 0 }
        return Token(kind: .identifier, range: start..<pos, text: word)
    }

    /// True when the statement is `show` followed by the word ending before `i`.
    func statementStartsWithShow(before i: Int) -> Bool {
        let head = text(0..<i).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        return head.count == 1 && head[0].lowercased() == "show"
    }

    /// True when the last non-space byte before `i` is `|` (a stage starts here).
    func previousByteIsPipe(_ i: Int) -> Bool {
        var j = i - 1
        while j >= 0, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") || bytes[j] == UInt8(ascii: "\n") || bytes[j] == UInt8(ascii: "\r") { j -= 1 }
        return j >= 0 && bytes[j] == UInt8(ascii: "|")
    }

    /// A search word; `AND`/`OR`/`NOT` (any case) become keywords.
    mutating func searchWord() -> Token {
        let start = pos
        while pos < bytes.count && isSearchWordByte(bytes[pos]) && !isUnicodeSpace(pos) { pos += 1 }
        // A trailing `.` or `'` belongs to the sentence, not the word, unless it is an abbreviation (U.S.).
        let word = text(start..<pos)
        switch word.lowercased() {
        case "and": return Token(kind: .keyword(.and), range: start..<pos, text: word)
        case "or": return Token(kind: .keyword(.or), range: start..<pos, text: word)
        case "not": return Token(kind: .keyword(.not), range: start..<pos, text: word)
        default: return Token(kind: .searchWord, range: start..<pos, text: word)
        }
    }

    mutating func string(quote: UInt8) -> Token {
        let start = pos
        pos += 1
        var content: [UInt8] = []
        while pos < bytes.count {
            let b = bytes[pos]
            if b == quote {
                pos += 1
                return Token(kind: .string, range: start..<pos, text: String(decoding: content, as: UTF8.self))
            }
            if b == UInt8(ascii: "\\") && pos + 1 < bytes.count {
                let e = bytes[pos + 1]
                switch e {
                case UInt8(ascii: "n"): content.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): content.append(UInt8(ascii: "\t"))
                default: content.append(e)
                }
                pos += 2
                continue
            }
            if b == UInt8(ascii: "\n") { break }
            content.append(b)
            pos += 1
        }
        let q = quote == UInt8(ascii: "\"") ? "\"" : "'"
        diagnostics.add(Diagnostic(.unterminatedString, "unterminated string: the closing \(q) is missing",
                                   range: start..<min(start + 1, bytes.count),
                                   help: ["strings end on the same line: add \(q) where the text ends"]))
        return Token(kind: .string, range: start..<pos, text: String(decoding: content, as: UTF8.self))
    }

    mutating func dateLiteral() -> Token {
        let start = pos
        pos += 1
        while pos < bytes.count && (isIdentifierByte(bytes[pos]) || bytes[pos] == UInt8(ascii: "-")) { pos += 1 }
        let body = text(start + 1..<pos)
        // a day (@2021-08-27), or a whole month (@2021-08) or year (@2021)
        if DateValue(iso: body) == nil && DateValue.period(body) == nil {
            diagnostics.add(Diagnostic(.badDate, "'@\(body)' is not a date",
                                       range: start..<pos, help: ["write dates as @YYYY-MM-DD, e.g. @2021-08-27; a month as @2021-08, a year as @2021"]))
            return Token(kind: .invalid, range: start..<pos, text: body)
        }
        return Token(kind: .date, range: start..<pos, text: body)
    }

    mutating func numberLiteral() -> Token {
        let start = pos
        while pos < bytes.count && bytes[pos] >= UInt8(ascii: "0") && bytes[pos] <= UInt8(ascii: "9") { pos += 1 }
        var kind = TokenKind.integer
        if pos + 1 < bytes.count && bytes[pos] == UInt8(ascii: ".") && bytes[pos + 1] >= UInt8(ascii: "0") && bytes[pos + 1] <= UInt8(ascii: "9") {
            kind = .number
            pos += 1
            while pos < bytes.count && bytes[pos] >= UInt8(ascii: "0") && bytes[pos] <= UInt8(ascii: "9") { pos += 1 }
        }
        // `2021-08-27` typed without `@`: read it whole so the parser can suggest the literal.
        if kind == .integer && pos - start == 4 && pos < bytes.count && bytes[pos] == UInt8(ascii: "-") {
            var p = pos
            while p < bytes.count && ((bytes[p] >= UInt8(ascii: "0") && bytes[p] <= UInt8(ascii: "9")) || bytes[p] == UInt8(ascii: "-")) { p += 1 }
            let candidate = text(start..<p)
            // `2021-08-27` written without `@` (and without spaces) is a date too
            if DateValue(iso: candidate) != nil {
                pos = p
                return Token(kind: .date, range: start..<pos, text: candidate)
            }
        }
        return Token(kind: kind, range: start..<pos, text: text(start..<pos))
    }

    /// `/pattern/`, only where a value can start (after an operator or `matches`).
    mutating func regexLiteral() -> Token? {
        let start = pos
        var p = pos + 1
        var content: [UInt8] = []
        while p < bytes.count && bytes[p] != UInt8(ascii: "\n") {
            if bytes[p] == UInt8(ascii: "\\") && p + 1 < bytes.count && bytes[p + 1] == UInt8(ascii: "/") {
                content.append(UInt8(ascii: "/")); p += 2; continue
            }
            if bytes[p] == UInt8(ascii: "/") {
                pos = p + 1
                return Token(kind: .regex, range: start..<pos, text: String(decoding: content, as: UTF8.self))
            }
            content.append(bytes[p])
            p += 1
        }
        diagnostics.add(Diagnostic(.unterminatedRegex, "unterminated /regex/: the closing / is missing",
                                   range: start..<start + 1))
        pos = p
        return Token(kind: .regex, range: start..<pos, text: String(decoding: content, as: UTF8.self))
    }
}
