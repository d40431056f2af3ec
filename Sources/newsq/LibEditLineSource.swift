#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLibEdit
import NewsCore
import NewsStore
import NewsText
import NewsQuery
import NewsShell

/// The interactive line source: libedit (BSD editline) with emacs keys,
/// Ctrl-R search, persistent history and Tab completion.
///
/// Design rules:
/// - Only this type touches libedit; the session sees a plain `LineSource`.
/// - While a line is edited the terminal's signal keys are off (`-isig`):
///   Ctrl-C is an editor command that ends the line as `.interrupted`, and
///   Ctrl-Z is an editor command that suspends with the terminal restored.
///   While a statement runs the terminal is cooked again, so Ctrl-C reaches
///   the process's SIGINT handler, which only raises `Interrupt.shared`.
/// - One history entry per statement, multi-line kept whole, adjacent
///   duplicates dropped, saved (mode 0600) after every statement. A history
///   file that cannot be written gives one warning; the session goes on.
final class LibEditLineSource: LineSource {
    let name = "<prompt>"
    var isInteractive: Bool { true }

    /// Called with the text of the statement typed so far (earlier lines of a
    /// multi-line statement, then the current line) and the cursor's byte
    /// offset in it; gives the candidates for the word at the cursor.
    var completer: ((String, Int) -> Completion)?
    /// Called before each prompt (the shell refreshes the terminal width).
    var willPrompt: (() -> Void)?

    /// The prompt shown at the start of a statement: earlier lines are forgotten there.
    static let primaryPrompt = "newsq> "
    static let historySize: Int32 = 1000
    static let maxListed = 120

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private var event = HistEvent()
    private var historyPath: String?
    /// The prompt as C text; libedit reads it through the prompt callback.
    private var promptText: UnsafeMutablePointer<CChar>
    /// Set by the Ctrl-C editor command for the line being returned.
    private var cancelled = false
    /// Lines already entered of the statement being typed (for completion).
    private var statementSoFar: [String] = []
    /// The descriptor libedit draws on (stdout, or stderr when stdout is redirected).
    private let outputFD: Int32
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>

    /// Fails when libedit cannot start on this terminal.
    /// - Parameters:
    ///   - historyPath: the history file, or nil for no history file.
    init?(historyPath: String?) {
        setlocale(LC_CTYPE, "")
        outputFD = Terminal.isTerminal(STDOUT_FILENO) ? STDOUT_FILENO : STDERR_FILENO
        guard let input = fdopen(dup(STDIN_FILENO), "r"),
              let output = fdopen(dup(outputFD), "w") else { return nil }
        guard let editLine = el_init("newsq", input, output, output) else {
            fclose(input); fclose(output)
            return nil
        }
        guard let history = history_init() else {
            el_end(editLine); fclose(input); fclose(output)
            return nil
        }
        self.input = input
        self.output = output
        self.editLine = editLine
        self.history = history
        self.promptText = strdup(Self.primaryPrompt)
        self.historyPath = historyPath

        newsq_history_setsize(history, &event, Self.historySize)
        newsq_history_setunique(history, &event, 1)
        if let path = historyPath {
            if isDirectory(path) {
                warn("history file \(path) is a directory; history will not be saved")
                self.historyPath = nil
            } else {
                // -1 for a missing file or one without the header: start empty.
                _ = newsq_history_load(history, &event, path)
            }
        }
        configureEditor()
    }

    deinit {
        el_end(editLine)
        history_end(history)
        fclose(input)
        fclose(output)
        free(promptText)
    }

    private func configureEditor() {
        newsq_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        newsq_el_set_prompt(editLine, promptCallback)
        newsq_el_set_editor(editLine, "emacs")
        // libedit restores the terminal around SIGTSTP/SIGCONT and follows SIGWINCH.
        newsq_el_set_signal(editLine, 1)
        newsq_el_set_hist(editLine, history)
        newsq_el_setty(editLine, "-d", "-isig")
        newsq_el_addfn(editLine, "newsq-interrupt", "Discard the line being typed", interruptCommand)
        newsq_el_addfn(editLine, "newsq-suspend", "Suspend newsq", suspendCommand)
        newsq_el_addfn(editLine, "newsq-complete", "Complete the word at the cursor", completeCommand)
        newsq_el_bind(editLine, "^C", "newsq-interrupt")
        newsq_el_bind(editLine, "^Z", "newsq-suspend")
        newsq_el_bind(editLine, "^I", "newsq-complete")
        newsq_el_bind(editLine, "^R", "em-inc-search-prev")
        // The user's ~/.editrc (lines starting `newsq:` apply only here) comes last.
        _ = el_source(editLine, nil)
    }

    // MARK: LineSource

    func readLine(prompt: String) -> LineInput {
        if prompt == Self.primaryPrompt { statementSoFar.removeAll() }
        free(promptText)
        promptText = strdup(prompt)
        willPrompt?()
        el_resize(editLine)
        cancelled = false
        var count: Int32 = 0
        errno = 0
        guard let text = el_gets(editLine, &count) else {
            let interruptedBySignal = count < 0 && errno == EINTR
            writeOutput("\n")
            statementSoFar.removeAll()
            return interruptedBySignal ? .interrupted : .end
        }
        var line = String(cString: text)
        if line.hasSuffix("\n") { line.removeLast() }
        if cancelled {
            statementSoFar.removeAll()
            return .interrupted
        }
        statementSoFar.append(line)
        return .line(line)
    }

    func addHistory(_ statement: String) {
        newsq_history_enter(history, &event, statement)
        saveHistory()
    }

    /// The history, oldest first (for `.history`).
    func historyEntries() -> [String] {
        var entries: [String] = []
        var ev = HistEvent()
        guard newsq_history_last(history, &ev) == 0 else { return [] }
        repeat {
            if let s = ev.str { entries.append(String(cString: s)) }
        } while newsq_history_prev(history, &ev) == 0
        return entries
    }

    // MARK: History file

    private func saveHistory() {
        guard let path = historyPath else { return }
        let oldMask = umask(0o077)
        let saved = newsq_history_save(history, &event, path)
        let saveErrno = errno
        umask(oldMask)
        if saved < 0 {
            let reason = String(cString: strerror(saveErrno))
            warn("cannot save history to \(path): \(reason); history will not be saved")
            historyPath = nil
            return
        }
        chmod(path, 0o600)
    }

    private func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    private func warn(_ message: String) {
        FileDescriptorSink.stderr.write("newsq: warning: \(message)\n")
    }

    private func writeOutput(_ text: String) {
        fflush(output)
        let sink = FileDescriptorSink(fd: outputFD)
        sink.write(text)
    }

    // MARK: Editor commands

    fileprivate var currentPrompt: UnsafeMutablePointer<CChar> { promptText }

    /// Ctrl-C: show `^C` after the line, end it, and report `.interrupted`.
    fileprivate func interrupt() -> UInt8 {
        cancelled = true
        if let info = el_wline(editLine) {
            let after = info.pointee.lastchar - info.pointee.cursor
            if after > 0 { _ = el_cursor(editLine, Int32(after)) }
        }
        el_insertstr(editLine, "^C")
        // Enter, queued: libedit moves below the line and returns it.
        el_push(editLine, "\n")
        return UInt8(CC_REFRESH)
    }

    /// Ctrl-Z: the terminal's own suspend key is off while editing.
    fileprivate func suspend() -> UInt8 {
        writeOutput("\n")
        newsq_el_prep_term(editLine, 0)
        kill(getpid(), SIGTSTP)
        newsq_el_prep_term(editLine, 1)
        return UInt8(CC_REDISPLAY)
    }

    /// Tab: insert what all candidates share; list them when that adds nothing.
    fileprivate func complete() -> UInt8 {
        guard let completer, let info = el_line(editLine) else { return UInt8(CC_REFRESH_BEEP) }
        let buffer = info.pointee.buffer!
        let lineBytes = UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self),
                                            count: info.pointee.lastchar - buffer)
        let cursor = info.pointee.cursor - buffer
        let line = String(decoding: lineBytes, as: UTF8.self)
        let earlier = statementSoFar.isEmpty ? "" : statementSoFar.joined(separator: "\n") + "\n"
        let offset = earlier.utf8.count
        let completion = completer(earlier + line, offset + cursor)
        let start = min(max(completion.start - offset, 0), cursor)
        let typed = String(decoding: lineBytes[start..<cursor], as: UTF8.self)
        let candidates = completion.candidates
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }

        var target = candidates.count == 1 ? candidates[0] : CompletionText.commonPrefix(candidates)
        if candidates.count == 1, CompletionText.wantsSpace(after: target),
           cursor == lineBytes.count || lineBytes[cursor] != UInt8(ascii: " ") {
            target += " "
        }
        let extendsTyped = target.utf8.starts(with: typed.utf8)
        if extendsTyped, target.utf8.count > typed.utf8.count {
            let rest = String(decoding: target.utf8.dropFirst(typed.utf8.count), as: UTF8.self)
            el_insertstr(editLine, rest)
            return UInt8(CC_REFRESH)
        }
        if !extendsTyped, target.lowercased().hasPrefix(typed.lowercased()) {
            // Same word in the corpus's spelling (`newsw` → `Newsweek`).
            el_deletestr(editLine, Int32(typed.unicodeScalars.count))
            el_insertstr(editLine, target)
            return UInt8(CC_REFRESH)
        }
        guard candidates.count > 1 else { return UInt8(CC_REFRESH) }
        let width = Terminal.width(outputFD) ?? 80
        writeOutput("\n" + CompletionText.columns(candidates, width: width, limit: Self.maxListed))
        return UInt8(CC_REDISPLAY)
    }
}

// MARK: - C callbacks

/// The source that owns an editor, from its client data.
private func owner(_ editLine: OpaquePointer?) -> LibEditLineSource? {
    guard let editLine, let data = newsq_el_get_clientdata(editLine) else { return nil }
    return Unmanaged<LibEditLineSource>.fromOpaque(data).takeUnretainedValue()
}

private let emptyPrompt: UnsafeMutablePointer<CChar> = strdup("")

private let promptCallback: newsq_prompt_fn = { editLine in
    owner(editLine)?.currentPrompt ?? emptyPrompt
}

private let interruptCommand: newsq_el_fn = { editLine, _ in
    owner(editLine)?.interrupt() ?? UInt8(CC_ERROR)
}

private let suspendCommand: newsq_el_fn = { editLine, _ in
    owner(editLine)?.suspend() ?? UInt8(CC_ERROR)
}

private let completeCommand: newsq_el_fn = { editLine, _ in
    owner(editLine)?.complete() ?? UInt8(CC_ERROR)
}
