import NewsCore
import NewsQuery

#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Standard output at an interactive terminal, held until the prompt comes
/// back (`flush`): output taller than the screen then goes through `$PAGER`
/// (default `less -FRX`), shorter output straight to the terminal.
///
/// Design rules:
/// - Only the executable makes one, and only when a person types at a terminal:
///   piped output, `-c`, `-f` and scripts are never paged.
/// - `.pager off` (`isEnabled` false) writes through at once.
/// - A pager that cannot run, or fails, costs nothing: the text is written
///   plainly with a note. Ctrl-C while paging ends the pager; the prompt comes back.
public final class PagerSink: OutputSink {
    let target: FileDescriptorSink
    private var held = ""
    /// Whether to page (the session's `.pager` setting).
    public var isEnabled: () -> Bool = { true }

    public init(target: FileDescriptorSink) { self.target = target }

    public func write(_ text: String) {
        if isEnabled() { held += text } else { target.write(text) }
    }

    public var isTerminal: Bool { target.isTerminal }
    public var terminalWidth: Int? { target.terminalWidth }

    /// Shows what was held: through the pager when it is taller than the screen.
    /// Notes (a pager that failed) go to `notes`.
    public func flush(notes: OutputSink, interrupt: Interrupt = .shared) {
        guard !held.isEmpty else { return }
        let text = held
        held = ""
        guard isEnabled(), let size = Pager.screenSize(target.fd),
              Pager.height(of: text, width: size.columns) > size.rows - 1 else {
            target.write(text)
            return
        }
        switch Pager.show(text, command: Pager.command, interrupt: interrupt) {
        case .shown: break
        case let .failed(why):
            target.write(text)
            notes.write("(\(why); shown without a pager. .pager off stops trying)\n")
        }
    }
}

/// Running the pager.
public enum Pager {
    /// `$PAGER`, else `less -FRX` (quit at once if one screen, keep colours, leave the text on screen).
    public static var command: String {
        let env = ProcessInfo.processInfo.environment["PAGER"]?.trimmingSpaces ?? ""
        return env.isEmpty ? "less -FRX" : env
    }

    public enum Outcome: Equatable { case shown, failed(String) }

    /// Rows and columns of the terminal on `fd`.
    static func screenSize(_ fd: Int32) -> (rows: Int, columns: Int)? {
        guard isatty(fd) == 1 else { return nil }
        var ws = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_row > 0 else { return nil }
        return (Int(ws.ws_row), ws.ws_col > 0 ? Int(ws.ws_col) : 80)
    }

    /// Screen lines `text` takes at `width` columns (long lines wrap; colour codes take no room).
    static func height(of text: String, width: Int) -> Int {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.reduce(0) { total, line in
            let w = DisplayWidth.of(withoutEscapes(line))
            return total + max(1, (w + width - 1) / max(1, width))
        }
    }

    /// The text without ANSI escape sequences (ESC [ … letter).
    static func withoutEscapes<S: StringProtocol>(_ s: S) -> String {
        guard s.contains("\u{1B}") else { return String(s) }
        var out = ""
        var inEscape = false
        for ch in s {
            if inEscape {
                if ch.isLetter { inEscape = false }
            } else if ch == "\u{1B}" {
                inEscape = true
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// Whether the first word of `command` names a program that can run.
    static func findable(_ command: String) -> Bool {
        guard let word = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) else { return false }
        if word.contains("/") { return access(word, X_OK) == 0 }
        // a shell word (an assignment, a builtin) is left to the shell
        if word.contains("=") || ["exec", "command", "env"].contains(word) { return true }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { access("\($0)/\(word)", X_OK) == 0 }
    }

    /// Pipes `text` into `command` (run by /bin/sh) and waits for it to end.
    public static func show(_ text: String, command: String, interrupt: Interrupt = .shared) -> Outcome {
        guard findable(command) else { return .failed("the pager '\(command)' was not found") }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return .failed("the pager could not start: \(String(cString: strerror(errno)))") }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        // the terminal as the pager leaves it is put back as it was
        var saved = termios()
        let haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0
        var pid: pid_t = 0
        // a plain command replaces the shell, so the pager is the process Ctrl-C ends
        let plain = !command.contains { "|;&<>$`()\\\"'".contains($0) }
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("sh"), strdup("-c"), strdup(plain ? "exec " + command : command), nil]
        defer { for p in argv { free(p) } }
        // less quits on Ctrl-C with K (as the prompt should come back), whatever else $LESS says
        var environment = ProcessInfo.processInfo.environment
        let program = command.split(separator: " ").first.map { ($0 as Substring).split(separator: "/").last.map(String.init) ?? "" } ?? ""
        if program == "less" { environment["LESS"] = (environment["LESS"] ?? "") + "K" }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in envp { free(p) } }
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
        close(readEnd)
        guard spawned == 0 else {
            close(writeEnd)
            return .failed("the pager '\(command)' could not start: \(String(cString: strerror(spawned)))")
        }
        // a pager that quits early (q) closes the pipe: no SIGPIPE, just stop writing
        let previous = signal(SIGPIPE, SIG_IGN)
        var bytes = Array(text.utf8)
        var offset = 0
        var cutShort = false
        var interrupted = false
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(writeEnd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR {
                    if interrupt.isRaised { interrupted = true; break }
                    continue
                }
                cutShort = true
                break
            }
            offset += n
        }
        bytes.removeAll()
        close(writeEnd)
        var status: Int32 = 0
        var killed = false
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { break }
            if interrupt.isRaised && !killed { interrupted = true; killed = true; kill(pid, SIGTERM) }
        }
        if interrupted && !killed { kill(pid, SIGTERM); _ = waitpid(pid, &status, 0) }
        signal(SIGPIPE, previous)
        if haveTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
        if interrupted {
            interrupt.clear()
            return .shown
        }
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        if exited && (code == 126 || code == 127) { return .failed("the pager '\(command)' could not run (exit status \(code))") }
        if exited && code != 0 && cutShort { return .failed("the pager '\(command)' failed (exit status \(code))") }
        return .shown
    }
}
