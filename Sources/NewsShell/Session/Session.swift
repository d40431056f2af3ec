import NewsCore

#if canImport(Glibc)
import Glibc
#endif
import NewsStore
import NewsQuery

/// One user's session: the corpus, `let` bindings, settings and the one input
/// loop shared by the prompt, scripts, pipes and `.read`.
///
/// Design rules:
/// - The library never touches the terminal directly; the executable passes a
///   `LineSource` (libedit on a terminal, plain lines otherwise) and sinks.
/// - A failed statement or dot-command reports and leaves everything the user
///   had (corpus, bindings, settings) as it was.
public final class Session {
    public internal(set) var corpus: Corpus
    public var settings: Settings
    /// Where results go (`.output` can redirect it).
    public internal(set) var out: OutputSink
    /// The original standard output, restored by `.output` with no file.
    public let standardOutput: OutputSink
    /// Errors and notes.
    public let err: OutputSink
    public let interrupt: Interrupt
    /// `let` bindings, by name.
    var bindings: [String: Binding] = [:]
    /// Statements that ran without error, in order, for `.save` and `.history`.
    public internal(set) var log: [String] = []
    /// For each statement of `log`: the `expect` condition pinning what it returned (for `.save`).
    var logExpectations: [String?] = []
    /// Set while a statement runs: the condition pinning its result.
    var lastExpectation: String?
    /// The query of the last search that ran (for `show article`).
    var lastQuery: SearchQuery?
    /// Set by `.quit`.
    public internal(set) var quitRequested = false
    /// The line source currently read, for `.history`.
    weak var currentSource: LineSource?
    /// History kept by the interactive line source (set by the executable).
    public var historyProvider: (() -> [String])?
    /// `.once FILE`: the sink to restore after the next statement.
    var onceRestore: OutputSink?
    /// Depth of nested `.read` calls (guards against a script reading itself).
    var readDepth = 0
    /// `.tutorial`: the lessons, the progress file and the task in hand (Tutorial.swift).
    let tutorial = TutorialState()

    public init(corpus: Corpus, out: OutputSink = FileDescriptorSink.stdout,
                err: OutputSink = FileDescriptorSink.stderr,
                settings: Settings = Settings(), interrupt: Interrupt = .shared) {
        self.corpus = corpus
        self.out = out
        self.standardOutput = out
        self.err = err
        self.settings = settings
        self.interrupt = interrupt
    }

    /// The names bound with `let`, sorted.
    public var bindingNames: [String] { bindings.keys.sorted() }

    // MARK: - The input loop

    /// Reads statements from `source` until it ends or `.quit`; returns the exit
    /// status: 0 when every statement ran, 1 when one failed.
    @discardableResult
    public func run(_ source: LineSource) -> Int32 {
        let previousSource = currentSource
        currentSource = source
        defer { currentSource = previousSource }
        var buffer = ""
        var bufferStartLine = 1
        /// What precedes the buffered statement on its first line.
        var bufferLinePrefix = ""
        var lineNumber = 0
        var failed = false
        /// A complete statement held back (scripts only) in case the next line starts with `|`.
        var pending = false
        /// What the held-back statement's last line left open (a trailing `where`, `and`, ...).
        var pendingOpen = StatementSplitter.Open.none

        func flush() -> Bool {
            let text = buffer
            let start = bufferStartLine
            buffer = ""
            pending = false
            let trimmed = text.trimmingSpaces
            guard !trimmed.isEmpty, !StatementSplitter.scan(text).isBlank else { return true }
            if source.isInteractive { source.addHistory(trimmed) }
            let ok = runStatement(text, origin: SourceOrigin(name: source.name, line: source.isInteractive ? 1 : start,
                                                             interactive: source.isInteractive, linePrefix: bufferLinePrefix))
            if !ok { failed = true }
            // Ctrl-C stops a whole script (or `.read`), not just its current statement.
            if !ok && !source.isInteractive && interrupt.isRaised {
                err.write("(\(source.name) stopped by Ctrl-C at line \(start))\n")
                return false
            }
            return ok || !settings.bail
        }

        while !quitRequested {
            let prompt: String
            if buffer.isEmpty || pending {
                prompt = "newsq> "
            } else {
                let mark = StatementSplitter.scan(buffer).open.promptMark
                prompt = mark.isEmpty ? "   ...> " : "  ...\(mark)> "
            }
            let input = source.readLine(prompt: prompt)
            switch input {
            case .end:
                if !buffer.isEmpty { _ = flush() }
                return failed ? 1 : 0
            case .interrupted:
                if !buffer.isEmpty && !pending {
                    err.write("(statement cleared)\n")
                }
                buffer = ""
                pending = false
                continue
            case let .line(line):
                lineNumber += 1
                let trimmedLine = line.trimmingSpaces
                var appended = false
                if pending {
                    let indented = line.first.map { $0 == " " || $0 == "\t" } ?? false
                    if trimmedLine.hasPrefix("|") || (pendingOpen != .none && indented && !trimmedLine.isEmpty) {
                        buffer += "\n" + line
                        pending = false
                        appended = true
                    } else if trimmedLine.hasPrefix("#") {
                        buffer += "\n" + line
                        continue
                    } else {
                        if !flush() { return 1 }
                        if quitRequested { return failed ? 1 : 0 }
                    }
                }
                if !pending && buffer.isEmpty {
                    if trimmedLine.hasPrefix(".") {
                        if source.isInteractive { source.addHistory(trimmedLine) }
                        let ok = runDotCommand(trimmedLine, origin: SourceOrigin(name: source.name, line: lineNumber, interactive: source.isInteractive))
                        if !ok {
                            failed = true
                            if settings.bail || (!source.isInteractive && interrupt.isRaised) { return 1 }
                        }
                        continue
                    }
                    if trimmedLine.isEmpty { continue }
                    bufferStartLine = lineNumber
                    bufferLinePrefix = ""
                    buffer = line
                } else if !pending && !appended {
                    buffer += "\n" + line
                }
                // Run every statement ended by `;`.
                var scan = StatementSplitter.scan(buffer)
                while let semi = scan.semicolons.first {
                    let head = String(decoding: Array(buffer.utf8)[..<semi], as: UTF8.self)
                    let tail = String(decoding: Array(buffer.utf8)[(semi + 1)...], as: UTF8.self)
                    let headLines = head.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
                    buffer = head
                    if !flush() { return 1 }
                    if quitRequested { return failed ? 1 : 0 }
                    bufferStartLine += headLines
                    // the next statement starts on the line where this one ended
                    let headLastLine = head.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
                    bufferLinePrefix = (headLines == 0 ? bufferLinePrefix : "") + headLastLine + ";"
                    buffer = tail.trimmingSpaces.isEmpty ? "" : tail
                    scan = StatementSplitter.scan(buffer)
                }
                if !buffer.isEmpty && scan.isBlank && scan.open == .none {
                    buffer = ""
                    continue
                }
                // Strings end on their line, so an open quote ends the statement (the
                // parser reports it). In files a trailing keyword continues only onto
                // an indented line, so one broken statement cannot swallow the next.
                let ends: Bool
                switch scan.open {
                case .none, .quote: ends = true
                case .word: ends = !source.isInteractive
                default: ends = false
                }
                if !buffer.isEmpty && ends {
                    if source.isInteractive {
                        if !flush() { return 1 }
                    } else {
                        pending = true
                        if case .word = scan.open { pendingOpen = scan.open } else { pendingOpen = .none }
                    }
                }
            }
        }
        return failed ? 1 : 0
    }

    /// Runs one statement typed or read from a file; reports any error. True when it ran.
    @discardableResult
    public func runStatement(_ text: String, origin: SourceOrigin = SourceOrigin(name: "<input>", line: 1, interactive: false)) -> Bool {
        if settings.echo { out.write(text.trimmingSpaces + "\n") }
        interrupt.clear()
        let started = monotonicSeconds()
        lastExpectation = nil
        var ok = execute(text, origin: origin)
        if let file = out as? FileSink, let why = file.failure {
            // Results that cannot be written are not silently lost.
            err.write("error[\(DiagnosticCode.cannotWriteFile.rawValue)]: cannot write \(file.path): \(why); results go to the screen again\n")
            out = onceRestore ?? standardOutput
            onceRestore = nil
            ok = false
        }
        if settings.timer {
            err.write("Run Time: \(Value.format(monotonicSeconds() - started)) s\n")
        }
        if ok { log.append(text.trimmingSpaces); logExpectations.append(lastExpectation) }
        if let restore = onceRestore {
            out = restore
            onceRestore = nil
        }
        // during a lesson, a statement that ran is checked against the task
        if ok { tutorialCheck(text) }
        tutorial.lastTable = nil
        return ok
    }
}

