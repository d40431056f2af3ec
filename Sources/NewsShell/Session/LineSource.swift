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

/// The one line-end rule of every non-interactive input: lines end with LF,
/// CRLF or CR; a UTF-8 byte order mark at the very start is dropped. Fed
/// bytes as they arrive (a pipe) or all at once (a script): a CR at the end of
/// what has arrived waits for the next byte, which may be its LF.
/// (Split on bytes: "\r\n" is one Character in Swift, so a split on the
/// Character "\n" would not see it.)
public struct LineSplitter {
    private var pending: [UInt8] = []
    private var start = 0
    private var atStart = true

    public init() {}

    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Adds bytes read.
    public mutating func append<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        if start > 0 && start >= pending.count / 2 { pending.removeFirst(start); start = 0 }
        pending.append(contentsOf: bytes)
    }

    /// The next whole line, without its line end; at the end of input
    /// (`atEnd`) the last line even if it has none. Nil when more bytes are needed
    /// (or, at the end, when nothing is left).
    public mutating func next(atEnd: Bool) -> String? {
        if atStart {
            let head = pending[start...]
            // fewer than three bytes that could still become a BOM: wait
            if !atEnd && head.count < 3 && Self.bom.starts(with: head) { return nil }
            atStart = false
            if head.starts(with: Self.bom) { start += 3 }
        }
        var i = start
        while i < pending.count {
            let b = pending[i]
            if b == 0x0A || b == 0x0D {
                var after = i + 1
                if b == 0x0D {
                    if after == pending.count && !atEnd { return nil }
                    if after < pending.count && pending[after] == 0x0A { after += 1 }
                }
                let line = String(decoding: pending[start..<i], as: UTF8.self)
                start = after
                return line
            }
            i += 1
        }
        guard atEnd, start < pending.count else { return nil }
        let line = String(decoding: pending[start...], as: UTF8.self)
        start = pending.count
        return line
    }
}

/// Lines of a string or file, read in order, no prompt (scripts, `-c`, pipes).
public final class TextLineSource: LineSource {
    private var lines: [String]
    private var next = 0
    public let name: String
    public var isInteractive: Bool { false }

    /// Lines end as `LineSplitter` says: LF, CRLF or CR; a BOM is dropped.
    public init(text: String, name: String) {
        self.lines = TextLineSource.split(text)
        self.name = name
    }

    static func split(_ text: String) -> [String] {
        var splitter = LineSplitter()
        splitter.append(text.utf8)
        var out: [String] = []
        while let line = splitter.next(atEnd: true) { out.append(line) }
        return out
    }

    public func readLine(prompt: String) -> LineInput {
        guard next < lines.count else { return .end }
        defer { next += 1 }
        return .line(lines[next])
    }
}
