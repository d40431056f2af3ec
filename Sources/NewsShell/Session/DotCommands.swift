#if canImport(Glibc)
import Glibc
#endif
import Foundation
import NewsCore
import NewsQuery
import NewsStore

/// The dot-commands: one table drives both dispatch and `.help`.
public enum DotCommands {
    public struct Command {
        public var name: String
        public var arguments: String
        public var summary: String
        let run: (Session, [String]) throws -> Void
    }

    public static let table: [Command] = [
        Command(name: "bail", arguments: "on|off", summary: "stop at the first error") { s, a in
            try setting(s, a, "bail", \.bail)
        },
        Command(name: "boilerplate", arguments: "on|off", summary: "on: article search also sees boilerplate (navigation, related lists), as loaded") { s, a in
            try setting(s, a, "boilerplate", \.boilerplate)
        },
        Command(name: "corpus", arguments: "", summary: "what is loaded: articles, words, sources, dates, warnings") { s, _ in
            s.out.write(s.corpusSummary(verbose: true))
        },
        Command(name: "echo", arguments: "on|off", summary: "print each statement before its result") { s, a in
            try setting(s, a, "echo", \.echo)
        },
        Command(name: "headers", arguments: "on|off", summary: "show column names in tables and csv") { s, a in
            try setting(s, a, "headers", \.render.headers)
        },
        Command(name: "help", arguments: "[topic]", summary: "this list, or help on a stage, source, dot-command or error code (E0302)") { s, a in
            if !s.showHelp(a.first, origin: SourceOrigin(name: "<help>", line: 1, interactive: true), statement: "", range: nil) {
                throw SessionError.message("")
            }
        },
        Command(name: "hint", arguments: "", summary: "during a .tutorial lesson: a hint for the task in hand") { s, _ in
            try s.tutorialHint()
        },
        Command(name: "history", arguments: "", summary: "the statements in the history, oldest first") { s, _ in
            let entries = s.historyProvider?() ?? s.log
            for (i, e) in entries.enumerated() {
                let lines = e.split(separator: "\n", omittingEmptySubsequences: false)
                s.out.write(String(i + 1).leftPadded(5) + "  " + lines.joined(separator: "\n       ") + "\n")
            }
        },
        Command(name: "load", arguments: "PATH...", summary: "load files or folders, replacing the corpus (kept if loading fails)") { s, a in
            guard !a.isEmpty else { throw SessionError.coded(.badCommandArgument, ".load needs a file or folder; .load sample loads the built-in corpus") }
            guard !a.contains(where: \.isEmpty) else { throw SessionError.coded(.badCommandArgument, ".load got an empty file name; nothing was loaded") }
            // On a worker, so Ctrl-C gives the prompt back at once; the old corpus stays until the new one is whole.
            s.interrupt.clear()
            let ctx = ExecutionContext(corpus: s.corpus, interrupt: s.interrupt)
            let interrupt = s.interrupt
            let corpus: Corpus
            do {
                corpus = try StatementRunner.run(ctx) {
                    a == ["sample"] ? try CorpusLoader.loadSample()
                        : try CorpusLoader.load(paths: a.map(expandingTilde), shouldStop: { interrupt.isRaised || ctx.isStopped })
                }
            } catch ExecutionError.cancelled, ExecutionError.cancelledAt {
                throw SessionError.cancelled("loading was stopped (Ctrl-C); the corpus loaded before is kept")
            } catch let CorpusLoadError.cancelled(done, total) {
                throw SessionError.cancelled("loading was stopped (Ctrl-C) \(CorpusLoadError.stoppedAt(done: done, total: total)); the corpus loaded before is kept")
            }
            s.replaceCorpus(corpus)
        },
        Command(name: "maxrows", arguments: "N", summary: "print at most N rows of a result (0: all)") { s, a in
            try setting(s, a, "maxrows", \.render.maxRows)
        },
        Command(name: "maxwidth", arguments: "N", summary: "cut cells wider than N columns (0: no limit)") { s, a in
            try setting(s, a, "maxwidth", \.render.maxWidth)
        },
        Command(name: "mode", arguments: "MODE", summary: "output: " + OutputMode.allCases.map(\.rawValue).joined(separator: "|")) { s, a in
            guard let m = a.first else {
                s.out.write("current mode: \(s.settings.render.mode.rawValue)\n")
                return
            }
            guard let mode = OutputMode(rawValue: m) else {
                var msg = "unknown mode '\(m)'; modes: " + OutputMode.allCases.map(\.rawValue).joined(separator: ", ")
                if let g = Suggest.closest(to: m, among: OutputMode.allCases.map(\.rawValue)) { msg += " (did you mean '\(g)'?)" }
                throw SessionError.coded(.badCommandArgument, msg)
            }
            s.settings.render.mode = mode
            s.settings.modeExplicit = true
        },
        Command(name: "once", arguments: "FILE", summary: "send the next result to FILE") { s, a in
            guard let path = a.first.map(expandingTilde) else { throw SessionError.coded(.badCommandArgument, ".once needs a file name") }
            let sink = try FileSink(path: path)
            s.onceRestore = s.out
            s.out = sink
        },
        Command(name: "output", arguments: "[FILE]", summary: "send results to FILE; no FILE: back to the screen") { s, a in
            guard let path = a.first, path != "stdout" else {
                s.out = s.standardOutput
                return
            }
            s.out = try FileSink(path: expandingTilde(path))
        },
        Command(name: "pager", arguments: "on|off", summary: "at a terminal, output taller than the screen goes through $PAGER (default less -FRX)") { s, a in
            guard !a.isEmpty else {
                s.out.write("pager: \(s.settings.pager ? "on" : "off") (\(Pager.command); used only when output is a terminal)\n")
                return
            }
            s.settings.pager = try onOff(a, "pager")
        },
        Command(name: "quit", arguments: "", summary: "leave (also .exit, Ctrl-D)") { s, _ in
            s.quitRequested = true
        },
        Command(name: "read", arguments: "FILE", summary: "run the statements in FILE") { s, a in
            guard let path = a.first.map(expandingTilde) else { throw SessionError.coded(.badCommandArgument, ".read needs a file name") }
            try s.readScript(path)
        },
        Command(name: "save", arguments: "FILE", summary: "write this session's statements to FILE as a script, with expect lines pinning the counts seen") { s, a in
            guard let path = a.first.map(expandingTilde) else { throw SessionError.coded(.badCommandArgument, ".save needs a file name") }
            let sink = try FileSink(path: path)
            sink.write(SaveScript.render(s.log, s.logExpectations, corpus: s.corpus.name))
            // a write that failed (a full disk, a read-only file) is reported, never claimed
            if let why = sink.finish() { throw SessionError.coded(.cannotWriteFile, "cannot write \(path): \(why); the session was not saved") }
            let statements = s.log.filter { !$0.hasPrefix(".") }.count
            s.err.write("saved \(statements) statements to \(path)\n")
        },
        Command(name: "show", arguments: "", summary: "the current settings") { s, _ in
            let r = s.settings.render
            func onOff(_ b: Bool) -> String { b ? "on" : "off" }
            s.out.write("""
                mode: \(r.mode.rawValue)
                headers: \(onOff(r.headers))
                maxrows: \(r.maxRows)
                maxwidth: \(r.maxWidth)
                boilerplate: \(onOff(s.settings.boilerplate))
                bail: \(onOff(s.settings.bail))
                echo: \(onOff(s.settings.echo))
                timer: \(onOff(s.settings.timer))
                pager: \(onOff(s.settings.pager))
                output: \((s.out as? FileSink)?.path ?? "the screen")
                corpus: \(s.corpus.name)

                """)
        },
        Command(name: "tables", arguments: "", summary: "the sources and let names (sqlite3's .tables)") { s, _ in
            for k in SourceKind.allCases {
                let about = Help.sources.first { $0.name == k.rawValue }?.summary.split(separator: ":").first.map(String.init) ?? ""
                s.out.write(k.rawValue.padded(12) + " " + about + "\n")
            }
            for n in s.bindingNames { s.out.write(n.padded(12) + " let: " + s.bindings[n]!.statement + "\n") }
        },
        Command(name: "schema", arguments: "[source]", summary: "the fields of each source and their types") { s, a in
            s.out.write(try s.schemaText(a.first))
        },
        Command(name: "timer", arguments: "on|off", summary: "print the time each statement took") { s, a in
            try setting(s, a, "timer", \.timer)
        },
        Command(name: "tutorial", arguments: "[NAME|list|…]", summary: "guided lessons: a task, your statement checked by its rows, hints; .tutorial resumes where you were") { s, a in
            try s.tutorialCommand(a)
        },
    ]

    static let aliases = ["exit": "quit", "q": "quit", "h": "help"]

    /// Commands of sqlite3 and other shells, with their newsq spelling.
    static let habits: [String: String] = [
        "import": "newsq loads files with .load PATH (txt, md, json, jsonl, csv, tsv; a folder loads every one below it)",
        "open": "newsq loads files with .load PATH; .load sample brings back the built-in corpus",
        "width": "columns fit the terminal; .maxwidth N cuts wide cells, and .mode line shows long values whole",
        "indexes": "every article, paragraph and sentence is indexed as it loads; explain shows where a search uses the index",
        "indices": "every article, paragraph and sentence is indexed as it loads; explain shows where a search uses the index",
        "databases": ".corpus shows what is loaded",
        "dump": ".save FILE writes this session as a script that reproduces it",
        "separator": ".mode csv or .mode tsv",
        "nullvalue": "an empty value shows as an empty cell; where FIELD == null finds it",
        "stats": ".timer on prints each statement's time; explain analyze shows each operator's rows and time",
    ]

    public static func find(_ name: String) -> Command? {
        let n = aliases[name] ?? name
        return table.first { $0.name == n }
    }

    /// An on/off setting: set from the argument, or shown when there is none.
    static func setting(_ s: Session, _ a: [String], _ name: String, _ key: WritableKeyPath<Settings, Bool>) throws {
        guard !a.isEmpty else { s.out.write("\(name): \(s.settings[keyPath: key] ? "on" : "off")\n"); return }
        s.settings[keyPath: key] = try onOff(a, name)
    }

    /// A number setting: set from the argument, or shown when there is none.
    static func setting(_ s: Session, _ a: [String], _ name: String, _ key: WritableKeyPath<Settings, Int>) throws {
        guard !a.isEmpty else { s.out.write("\(name): \(s.settings[keyPath: key])\n"); return }
        s.settings[keyPath: key] = try number(a, name)
    }

    static func onOff(_ a: [String], _ name: String) throws -> Bool {
        switch a.first?.lowercased() {
        case "on", "1", "yes", "true": return true
        case "off", "0", "no", "false": return false
        default: throw SessionError.coded(.badCommandArgument, ".\(name) takes on or off")
        }
    }

    static func number(_ a: [String], _ name: String) throws -> Int {
        guard let s = a.first, let n = Int(s), n >= 0 else { throw SessionError.coded(.badCommandArgument, ".\(name) takes a whole number, 0 or more") }
        return n
    }

    /// Splits a dot-command line into words; double or single quotes keep spaces.
    static func words(_ line: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quote: Character? = nil
        var has = false
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil } else { current.append(ch) }
            } else if ch == "\"" || ch == "'" {
                quote = ch; has = true
            } else if ch.isWhitespace {
                if has || !current.isEmpty { out.append(current) }
                current = ""; has = false
            } else {
                current.append(ch)
            }
        }
        if has || !current.isEmpty { out.append(current) }
        return out
    }
}

extension Session {
    /// Runs a dot-command line; reports errors; true when it ran.
    func runDotCommand(_ line: String, origin: SourceOrigin) -> Bool {
        var words = DotCommands.words(String(line.dropFirst()))
        let name = words.isEmpty ? "" : words.removeFirst()
        guard let command = DotCommands.find(name) else {
            // the habits of other shells, answered in newsq's terms
            if let spelling = DotCommands.habits[name.lowercased()] {
                report([Diagnostic(.otherShellCommand, "'.\(name)' is another shell's command", range: 0..<line.utf8.count,
                                   help: [spelling])], line, origin)
                return false
            }
            var help: [String] = []
            if let g = Suggest.closest(to: name, among: DotCommands.table.map(\.name)) { help.append("did you mean '.\(g)'?") }
            help.append("dot-commands: " + DotCommands.table.map { "." + $0.name }.joined(separator: " "))
            report([Diagnostic(.unknownCommand, "unknown command '.\(name)'", range: 0..<line.utf8.count, help: help)], line, origin)
            return false
        }
        do {
            try command.run(self, words)
            // what shapes later results is replayed by .save
            if SaveScript.replayedCommands.contains(command.name) {
                log.append(line.trimmingSpaces); logExpectations.append(nil)
            }
            return true
        } catch let e as CorpusLoadError {
            report([Diagnostic(.cannotLoadCorpus, "\(e)", range: nil)], line, origin)
            return false
        } catch let SessionError.cancelled(what) {
            err.write("cancelled: \(what)\n")
            return false
        } catch let e as SessionError {
            if !e.description.isEmpty {
                report([Diagnostic(e.code, e.description, range: nil)], line, origin)
            }
            return false
        } catch {
            report([Diagnostic(.internalError, "\(error)", range: nil)], line, origin)
            return false
        }
    }

    /// `.read FILE`: runs a script through the same input loop.
    func readScript(_ path: String) throws {
        guard readDepth < 16 else { throw SessionError.message(".read nested too deep (a script reading itself?)") }
        let text = try readTextFile(path, interrupt: interrupt)
        readDepth += 1
        defer { readDepth -= 1 }
        let status = run(TextLineSource(text: text, name: path))
        if status != 0 { throw SessionError.message("") }
    }

    /// Swaps in a newly loaded corpus; `let` results of the old one are dropped.
    func replaceCorpus(_ c: Corpus) {
        corpus = c
        if !bindings.isEmpty {
            err.write("(let names cleared: \(bindings.keys.sorted().joined(separator: ", ")))\n")
            bindings.removeAll()
        }
        err.write(c.summaryLine + "\n")
        for w in c.warnings.prefix(20) { err.write(w.labelled + "\n") }
        if c.warnings.count > 20 { err.write("(and \(c.warnings.count - 20) more warnings; .corpus lists them)\n") }
    }

    /// One line (or, verbose, a block) on what is loaded.
    public func corpusSummary(verbose: Bool) -> String {
        let c = corpus
        var dates = "no dates"
        if let r = c.dateRange { dates = r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound) to \(r.upperBound)" }
        let line = "\(c.name): \(c.articles.count) articles, \(c.wordCount.grouped) words, \(c.sources.count) sources, \(dates)"
            + (c.warnings.isEmpty ? "" : ", \(c.warnings.count) \(c.warnings.count == 1 ? "warning" : "warnings")") + "\n"
        guard verbose else { return line }
        var s = line
        s += "  paragraphs: \(c.paragraphs.count), sentences: \(c.sentences.count), loaded in \(Value.format((c.loadSeconds * 1000).rounded() / 1000)) s\n"
        if !c.sources.isEmpty { s += "  sources: " + c.sources.joined(separator: ", ") + "\n" }
        for n in c.notes { s += "  note: \(n)\n" }
        for w in c.warnings { s += "  \(w.labelled)\n" }
        return s
    }

    /// `.schema [source]`.
    func schemaText(_ name: String?) throws -> String {
        var sources = SourceKind.allCases
        if let n = name {
            if let b = bindings[n] {
                return "\(n) (let): " + b.schema.columns.map { "\($0.name) \($0.type.rawValue)" }.joined(separator: ", ") + "\n"
            }
            guard let s = SourceKind(rawValue: n) else {
                var msg = "unknown source '\(n)'; sources: " + SourceKind.allCases.map(\.rawValue).joined(separator: ", ")
                if let g = Suggest.closest(to: n, among: SourceKind.allCases.map(\.rawValue) + bindingNames) { msg += " (did you mean '\(g)'?)" }
                throw SessionError.coded(.unknownSource, msg)
            }
            sources = [s]
        }
        var out = ""
        for s in sources {
            out += "\(s.rawValue)\n"
            for f in s.fields { out += "  \(f.name.padded(10)) \(f.type.rawValue.padded(6)) \(f.doc)\n" }
            if s.hasArticle { out += "  article.FIELD     any field of the article\n" }
        }
        if name == nil {
            for n in bindingNames { out += "\(n) (let): " + bindings[n]!.schema.columns.map(\.name).joined(separator: ", ") + "\n" }
        }
        return out
    }
}

/// Reads a whole UTF-8 text file, with a message naming the problem.
/// Ctrl-C (`interrupt`) ends a read that waits on a pipe.
func readTextFile(_ path: String, interrupt: Interrupt? = nil) throws -> String {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw SessionError.coded(.cannotReadFile, "cannot read \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var st = stat()
    if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR { throw SessionError.coded(.cannotReadFile, "cannot read \(path): it is a folder") }
    if fstat(fd, &st) == 0 && [S_IFCHR, S_IFBLK].contains(st.st_mode & S_IFMT) {
        throw SessionError.coded(.cannotReadFile, "cannot read \(path): it is a device, not a file")
    }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 65536) }
        if n < 0 {
            if errno == EINTR {
                if interrupt?.isRaised == true { throw SessionError.cancelled("reading \(path) was stopped (Ctrl-C)") }
                continue
            }
            throw SessionError.coded(.cannotReadFile, "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        if n == 0 { break }
        bytes.append(contentsOf: buffer[0..<n])
    }
    guard let text = String(validatingUTF8Bytes: bytes) else { throw SessionError.coded(.cannotReadFile, "cannot read \(path): it is not UTF-8 text") }
    return text
}

extension String {
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }

    func padded(_ w: Int) -> String { count >= w ? self : self + String(repeating: " ", count: w - count) }
    func leftPadded(_ w: Int) -> String { count >= w ? self : String(repeating: " ", count: w - count) + self }
}


/// A path as the shell would read it: `~` and `~/…` are the home folder.
func expandingTilde(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/") else { return path }
    let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    return home + path.dropFirst()
}
