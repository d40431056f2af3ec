/// Decides where statements end in a stream of lines: at `;`, or at the end of
/// a line when nothing is left open. Open brackets, quotes, a trailing `|` or
/// `,`, and (in files) a next line starting with `|` continue a statement.

public struct StatementSplitter {
    /// What keeps a statement open at the end of a line, for the continuation prompt.
    public enum Open: Equatable, Sendable {
        case none
        case quote(Character)
        case bracket(Character)
        case pipe
        case comma
        case regex
        /// A trailing keyword or operator that needs something after it (`where`, `and`, `==`).
        case word(String)

        /// Short words for the continuation prompt (`...(>`, `..."> `).
        public var promptMark: String {
            switch self {
            case .none: return ""
            case let .quote(c): return String(c)
            case let .bracket(c): return String(c)
            case .pipe: return "|"
            case .comma: return ","
            case .regex: return "/"
            case .word: return ""
            }
        }
    }

    /// The scan state of some text: what is open at its end, and the byte
    /// offsets of statement-ending semicolons outside quotes and comments.
    public struct Scan: Sendable {
        public var open: Open
        public var semicolons: [Int]
        /// True when the text has no tokens (only spaces and comments).
        public var isBlank: Bool
    }

    /// Scans `text`, tracking quotes, brackets and comments.
    public static func scan(_ text: String) -> Scan {
        var stack: [Character] = []
        var quote: Character? = nil
        var inComment = false
        var semicolons: [Int] = []
        var lastSignificant: Character? = nil
        var blank = true
        var offset = 0
        var prevWasEscape = false
        var regexEnd: Int? = nil
        var previous: Character = " "
        var token = ""
        var lastToken = ""
        func flush() { if !token.isEmpty { lastToken = token; token = "" } }
        let chars = Array(text)
        for (ci, ch) in chars.enumerated() {
            defer { previous = ch }
            let width = String(ch).utf8.count
            defer { offset += width }
            // `-- comment` as SQL writes it, read as newsq's `#` (a space before and after the dashes)
            if !inComment, quote == nil, ch == "-", previous.isWhitespace || ci == 0, ci + 1 < chars.count, chars[ci + 1] == "-",
               ci + 2 == chars.count || chars[ci + 2].isWhitespace {
                flush()
                inComment = true
                continue
            }
            if inComment {
                if ch == "\n" { inComment = false }
                continue
            }
            // inside a /regex/: its brackets and quotes are the pattern's
            if let end = regexEnd {
                if ci == end { regexEnd = nil; lastSignificant = ch; token = ""; lastToken = "/regex/" }
                continue
            }
            // a / starts a /regex/ when its closing / is on the same line (the lexer's rule)
            if quote == nil, ch == "/", let end = Self.regexEnd(chars, from: ci) {
                flush()
                blank = false
                regexEnd = end
                continue
            }
            if let q = quote {
                if prevWasEscape { prevWasEscape = false; continue }
                if ch == "\\" && q != "/" { prevWasEscape = true; continue }
                if ch == q { quote = nil; lastSignificant = ch }
                continue
            }
            if ch.isWhitespace { flush() } else if ch != "#" { token.append(ch) }
            switch ch {
            case "#":
                flush()
                inComment = true
                continue
            case "\"":
                quote = ch
                blank = false
            case "'" where !(previous.isLetter || previous.isNumber):
                quote = ch
                blank = false
            case "(", "[", "{":
                stack.append(ch); blank = false
            case ")", "]", "}":
                if let last = stack.last, Self.closer(of: last) == ch { stack.removeLast() }
                blank = false
            case ";":
                if stack.isEmpty { semicolons.append(offset) }
            default:
                if !ch.isWhitespace { blank = false }
            }
            if !ch.isWhitespace && ch != ";" { lastSignificant = ch }
            if ch == ";" && stack.isEmpty { lastSignificant = nil; token = ""; lastToken = "" }
        }
        flush()
        let open: Open
        if let q = quote {
            open = .quote(q)
        } else if let b = stack.last {
            open = .bracket(b)
        } else if lastSignificant == "|" {
            open = .pipe
        } else if lastSignificant == "," {
            open = .comma
        } else if lastSignificant != nil, Self.continuers.contains(lastToken) {
            open = .word(lastToken)
        } else {
            open = .none
        }
        return Scan(open: open, semicolons: semicolons, isBlank: blank)
    }

    /// Words and operators that cannot end a statement: the line goes on.
    static let continuers: Set<String> = [
        "where", "search", "select", "by", "and", "or", "not", "in", "between", "matches",
        "take", "top", "let", "explain", "AND", "OR", "NOT",
        "=", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*",
    ]

    /// Where the /regex/ that starts at `start` ends: the next unescaped `/`
    /// before the end of the line, as the lexer reads a regex literal.
    static func regexEnd(_ chars: [Character], from start: Int) -> Int? {
        var j = start + 1
        while j < chars.count, chars[j] != "\n" {
            if chars[j] == "\\", j + 1 < chars.count, chars[j + 1] == "/" { j += 2; continue }
            if chars[j] == "/" { return j }
            j += 1
        }
        return nil
    }

    static func closer(of opener: Character) -> Character {
        switch opener {
        case "(": return ")"
        case "[": return "]"
        default: return "}"
        }
    }
}
