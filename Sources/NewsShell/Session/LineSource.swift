/// Where statements come from: the line editor on a terminal, a script file,
/// or piped standard input. The session's one input loop reads from any of them.

public protocol LineSource: AnyObject {
    /// Reads one line (without its newline), showing `prompt` when interactive.
    func readLine(prompt: String) -> LineInput
    /// Records a complete statement (possibly several lines) in the history.
    func addHistory(_ statement: String)
    /// True for a person at a terminal: prompts, banner, history.
    var isInteractive: Bool { get }
    /// Name used in error locations (`script.q`, `<stdin>`, `<prompt>`).
    var name: String { get }
}

extension LineSource {
    public func addHistory(_ statement: String) {}
}

/// One read from a line source.
public enum LineInput: Equatable {
    case line(String)
    /// Ctrl-C while typing: drop what was typed and prompt again.
    case interrupted
    /// End of input (Ctrl-D on an empty line, end of file).
    case end
}

/// Lines of a string or file, read in order, no prompt (scripts, `-c`, pipes).
public final class TextLineSource: LineSource {
    private var lines: [Substring]
    private var next = 0
    public let name: String
    public var isInteractive: Bool { false }

    /// Lines end with LF, CRLF or CR; a UTF-8 byte order mark at the start is
    /// dropped. (Split on bytes: "\r\n" is one Character in Swift, so a split
    /// on the Character "\n" would not see it.)
    public init(text: String, name: String) {
        self.lines = TextLineSource.split(text)
        self.name = name
    }

    static func split(_ text: String) -> [Substring] {
        var bytes = Substring(text).utf8[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var out: [Substring] = []
        var start = bytes.startIndex, i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            guard b == 0x0A || b == 0x0D else { i = bytes.index(after: i); continue }
            out.append(Substring(bytes[start..<i]))
            var next = bytes.index(after: i)
            if b == 0x0D, next < bytes.endIndex, bytes[next] == 0x0A { next = bytes.index(after: next) }
            start = next; i = next
        }
        if start < bytes.endIndex { out.append(Substring(bytes[start..<bytes.endIndex])) }
        return out
    }

    public func readLine(prompt: String) -> LineInput {
        guard next < lines.count else { return .end }
        defer { next += 1 }
        return .line(String(lines[next]))
    }
}
