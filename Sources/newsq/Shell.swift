#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import NewsCore
import NewsStore
import NewsText
import NewsQuery
import NewsShell
import Foundation

/// Runs newsq for parsed arguments: loads the corpus, sets up the session and
/// feeds it from the right line source (script, `-c`, prompt or pipe).
/// Returns the process exit status; the caller exits with it.
struct Shell {
    let command: NewsqCommand
    let stdout = FileDescriptorSink.stdout
    let stderr = FileDescriptorSink.stderr

    /// Parses `arguments` and runs; usage errors give 64 with the usage on stderr.
    static func main(arguments: [String]) -> Int32 {
        let command: NewsqCommand
        do {
            command = try NewsqCommand.parse(arguments)
        } catch {
            let message = NewsqCommand.fullMessage(for: error)
            if NewsqCommand.exitCode(for: error) == .success {
                // --help, --version
                FileDescriptorSink.stdout.write(message + "\n")
                return ExitStatus.success.rawValue
            }
            FileDescriptorSink.stderr.write(message + "\n")
            return ExitStatus.usage.rawValue
        }
        return Shell(command: command).run().rawValue
    }

    /// True when a person types at the prompt (no `-c`/`-f`, stdin a terminal).
    var isInteractive: Bool {
        command.commands.isEmpty && command.script == nil && Terminal.isTerminal(STDIN_FILENO)
    }

    func run() -> ExitStatus {
        Signals.installInterruptHandler(interactive: isInteractive)
        let corpus: Corpus
        switch loadCorpus() {
        case let .success(loaded): corpus = loaded
        case let .failure(status): return status
        }
        reportWarnings(corpus.warnings)
        if !command.paths.isEmpty && !corpus.articles.isEmpty { stderr.write(corpus.summaryLine + "\n") }

        // A person at a terminal gets tall output through the pager (Pager.swift); nobody else does.
        let pager = isInteractive && stdout.isTerminal ? PagerSink(target: stdout) : nil
        let session = Session(corpus: corpus, out: pager ?? stdout, err: stderr, settings: initialSettings())
        pager?.isEnabled = { [unowned session] in session.settings.pager }
        if isInteractive { return runInteractive(session, pager: pager) }
        if let lessons = command.tutorial, !session.startTutorial(folder: lessons) { return .noInput }

        var failed = false
        if let script = command.script {
            guard let source = scriptSource(script) else { return .noInput }
            if session.run(source) != 0 {
                failed = true
                if command.bail { return .statementFailed }
            }
        }
        for statement in command.commands where !session.quitRequested {
            if session.run(TextLineSource(text: statement, name: "<command>")) != 0 {
                failed = true
                if command.bail { return .statementFailed }
            }
        }
        if command.script == nil && command.commands.isEmpty {
            failed = session.run(StreamLineSource(fd: STDIN_FILENO, name: "<stdin>")) != 0
        }
        return failed ? .statementFailed : .success
    }

    // MARK: Corpus

    private func loadCorpus() -> Result<Corpus, ExitStatus> {
        do {
            if command.paths.isEmpty { return .success(try CorpusLoader.loadSample()) }
            let progress = LoadProgressBar(enabled: Terminal.isTerminal(STDERR_FILENO))
            defer { progress.finish() }
            let corpus = try CorpusLoader.load(paths: command.paths, progress: progress.update,
                                               shouldStop: { Interrupt.shared.isRaised })
            progress.finish()
            // for whoever tunes the loader: where the load spent its time and memory
            if ProcessInfo.processInfo.environment["NEWSQ_LOAD_TIMING"] != nil {
                for line in corpus.loadProfile { stderr.write(line + "\n") }
            }
            return .success(corpus)
        } catch CorpusLoadError.cancelled {
            // At the prompt, the session opens with nothing loaded; a script or -c ends with 130.
            guard isInteractive else {
                stderr.write("newsq: loading cancelled (Ctrl-C)\n")
                return .failure(.interrupted)
            }
            Interrupt.shared.clear()
            stderr.write("newsq: loading cancelled (Ctrl-C); nothing is loaded. Load a corpus with .load PATH (.load sample for the built-in one)\n")
            return .success(CorpusLoader.empty())
        } catch let error as CorpusLoadError {
            stderr.write("newsq: error[\(DiagnosticCode.cannotLoadCorpus.rawValue)]: cannot read corpus: \(error)\n")
            return .failure(.noInput)
        } catch {
            stderr.write("newsq: error[\(DiagnosticCode.internalError.rawValue)]: internal error while loading: \(error)\n")
            return .failure(.software)
        }
    }

    static let maxWarningsShown = 20
    static let terminalMaxRows = 1000

    private func reportWarnings(_ warnings: [LoadWarning]) {
        guard !warnings.isEmpty else { return }
        let noun = warnings.count == 1 ? "warning" : "warnings"
        var text = "newsq: \(warnings.count) \(noun) while loading:\n"
        for warning in warnings.prefix(Self.maxWarningsShown) {
            text += "  \(warning.labelled)\n"
        }
        if warnings.count > Self.maxWarningsShown {
            text += "  … and \(warnings.count - Self.maxWarningsShown) more (see .corpus)\n"
        }
        stderr.write(text)
    }

    // MARK: Settings

    private func initialSettings() -> Settings {
        var settings = Settings()
        let tty = stdout.isTerminal
        if let format = command.format {
            settings.render.mode = format.mode
            settings.modeExplicit = true
        } else {
            settings.render.mode = tty ? .box : .table
        }
        settings.render.terminalWidth = stdout.terminalWidth
        // A person at a terminal sees at most this many rows of a result (with a note saying
        // how many there were); `.maxrows 0` shows all. Files and pipes get every row.
        if tty && isInteractive { settings.render.maxRows = Self.terminalMaxRows }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        settings.render.color = tty && getenv("NO_COLOR") == nil && term != "dumb"
        settings.bail = command.bail
        settings.echo = command.echo
        return settings
    }

    // MARK: Line sources

    /// The script named by `-f`, or nil (after saying why) when it cannot be read.
    private func scriptSource(_ path: String) -> LineSource? {
        if path == "-" { return StreamLineSource(fd: STDIN_FILENO, name: "<stdin>") }
        switch FileText.read(path) {
        case let .success(text):
            return TextLineSource(text: text, name: path)
        case let .failure(reason):
            stderr.write("newsq: error[\(DiagnosticCode.cannotReadFile.rawValue)]: cannot read script \(path): \(reason)\n")
            return nil
        }
    }

    private func runInteractive(_ session: Session, pager: PagerSink?) -> ExitStatus {
        let historyPath = command.noHistory ? nil : HistoryFile.path(option: command.historyFile)
        guard let editor = LibEditLineSource(historyPath: historyPath) else {
            // No usable terminal after all: read plain lines.
            session.run(StreamLineSource(fd: STDIN_FILENO, name: "<stdin>"))
            return .success
        }
        let banner = FileDescriptorSink(fd: stdout.isTerminal ? STDOUT_FILENO : STDERR_FILENO)
        banner.write(Banner.text(corpus: session.corpus))
        runStartupFile(session)
        if let lessons = command.tutorial { session.startTutorial(folder: lessons) }
        editor.completer = { [unowned session] line, cursor in
            session.completions(line: line, cursor: cursor)
        }
        editor.willPrompt = { [unowned session, stdout, stderr] in
            pager?.flush(notes: stderr)
            if let width = stdout.terminalWidth { session.settings.render.terminalWidth = width }
        }
        session.historyProvider = { [unowned editor] in editor.historyEntries() }
        session.run(editor)
        pager?.flush(notes: stderr)
        session.historyProvider = nil
        // A person's session ends well however many statements failed along the way.
        return .success
    }
}

extension Shell {
    /// `~/.newsqrc` (or `$NEWSQ_RC`), run at interactive start as sqlite3 runs
    /// `~/.sqliterc`: settings and `let`s a person wants every time. Its errors
    /// are reported with its name and line; the session starts anyway.
    func runStartupFile(_ session: Session) {
        guard !command.noRC else { return }
        let env = ProcessInfo.processInfo.environment
        let path = env["NEWSQ_RC"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.newsqrc")
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            stderr.write("newsq: \(path) cannot be read as UTF-8 text; not run\n")
            return
        }
        stderr.write("(running \(path); --no-rc skips it)\n")
        session.run(TextLineSource(text: text, name: path))
    }
}

/// The greeting shown above the first prompt.
enum Banner {
    static func text(corpus: Corpus) -> String {
        let articles = corpus.articles.count
        let noun = articles == 1 ? "article" : "articles"
        return "newsq \(NewsqCommand.version) — \(corpus.name): \(grouped(articles)) \(noun), "
            + "\(grouped(corpus.wordCount)) words.\n"
            + "Type .help for help, Tab to complete, .quit or Ctrl-D to leave.\n"
    }

    /// 12345 → "12,345".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}

/// Where the history lives: `--history`, else `$NEWSQ_HISTORY`, else `~/.newsq_history`.
enum HistoryFile {
    static func path(option: String?) -> String? {
        if let option { return expandTilde(option) }
        if let env = getenv("NEWSQ_HISTORY") {
            let value = String(cString: env)
            // An empty NEWSQ_HISTORY turns the history file off.
            return value.isEmpty ? nil : expandTilde(value)
        }
        guard let home = homeDirectory() else { return nil }
        return home + "/.newsq_history"
    }

    static func expandTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = homeDirectory() else { return path }
        return home + path.dropFirst()
    }

    static func homeDirectory() -> String? {
        if let home = getenv("HOME"), home.pointee != 0 { return String(cString: home) }
        if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir { return String(cString: dir) }
        return nil
    }
}

/// Drawing a progress bar on a terminal's stderr when a load takes more than
/// 0.3 s (`reading news.jsonl ███░░ 60% 27 of 45 MB`, then `indexing ███░░
/// 60%`); erased when loading ends. Ctrl-C is answered at any point of it.
final class LoadProgressBar {
    private let enabled: Bool
    private let started = LoadProgressBar.now()
    private var lastDrawn = 0.0
    private var drew = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ p: LoadProgress) {
        guard enabled else { return }
        let now = LoadProgressBar.now()
        guard now - started > 0.3, now - lastDrawn > 0.1 else { return }
        lastDrawn = now
        drew = true
        FileDescriptorSink.stderr.write("\r" + LoadProgressBar.line(p) + "\u{1B}[K")
    }

    /// The text of the bar for one report.
    static func line(_ p: LoadProgress, width: Int = 24) -> String {
        let filled = Int(p.fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let pct = Int(p.fraction * 100)
        switch p.step {
        case .reading:
            let name = p.file.map { " " + ($0 as NSString).lastPathComponent } ?? ""
            let mb = { (b: Int) in b >= 10 << 20 ? "\(b >> 20)" : String(format: "%.1f", Double(b) / Double(1 << 20)) }
            return "reading\(name) \(bar) \(pct)% \(mb(p.done)) of \(mb(p.total)) MB (Ctrl-C stops)"
        case .indexing:
            return "indexing \(bar) \(pct)% (Ctrl-C stops)"
        }
    }

    func finish() {
        if drew { FileDescriptorSink.stderr.write("\r\u{1B}[K"); drew = false }
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// Why a file could not be read, in the words of `strerror`.
struct FileReadError: Error, CustomStringConvertible {
    var description: String
}

/// Reading a whole text file with the reason it failed.
enum FileText {
    static func read(_ path: String) -> Result<String, FileReadError> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(FileReadError(description: String(cString: strerror(errno)))) }
        defer { close(fd) }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { return .failure(FileReadError(description: "is a directory")) }
        if fstat(fd, &st) == 0 && [S_IFCHR, S_IFBLK].contains(st.st_mode & S_IFMT) && path != "/dev/stdin" {
            return .failure(FileReadError(description: "is a device, not a file"))
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(FileReadError(description: String(cString: strerror(errno))))
            }
            bytes.append(contentsOf: chunk[..<n])
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }
}
