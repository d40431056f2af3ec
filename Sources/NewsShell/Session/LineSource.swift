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

    public init(text: String, name: String) {
        var ls = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let last = ls.last, last.isEmpty { ls.removeLast() }
        self.lines = ls.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        self.name = name
    }

    public func readLine(prompt: String) -> LineInput {
        guard next < lines.count else { return .end }
        defer { next += 1 }
        return .line(String(lines[next]))
    }
}
