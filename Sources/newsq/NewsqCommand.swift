import ArgumentParser
import NewsCore
import NewsStore
import NewsText
import NewsQuery
import NewsShell

/// The command line: `newsq [options] [PATH...]`. Parsing only; `Shell` runs it.
struct NewsqCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "newsq",
        abstract: "A query shell for collections of news articles.",
        discussion: """
        Without PATH, the built-in sample corpus is loaded. Statements come from \
        -f and -c (files first, then commands), else from standard input: a \
        terminal gets the interactive shell (line editing, history, Tab \
        completion); piped input runs with no prompt, banner or history.

        Results are box tables on a terminal and ASCII tables otherwise, unless \
        --format says. Type .help inside the shell for the language.

        Exit status: 0 all statements ran; 1 a statement failed; 64 usage \
        error; 66 a corpus path or script cannot be read; 70 internal error.

        Examples:
          newsq
          newsq -c 'articles | count by source' ~/news
          newsq -f report.q --format csv > report.csv
          newsq --tutorial lessons/ corpus/
          echo 'articles | take 2' | newsq
        """,
        version: "newsq \(version)"
    )

    @Argument(help: ArgumentHelp(
        "Files or folders to load (txt, md, json, jsonl, csv, tsv).",
        valueName: "path"))
    var paths: [String] = []

    // unconditional: a statement may begin with a dash (`-c '-- a comment'`)
    @Option(name: [.customShort("c"), .customLong("command")], parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Run a statement (or several, separated by ';') and exit. Repeatable.",
                               valueName: "statement"))
    var commands: [String] = []

    @Option(name: [.customShort("f"), .customLong("file")],
            help: ArgumentHelp("Run a script file and exit ('-' reads standard input).", valueName: "file"))
    var script: String?

    @Option(help: ArgumentHelp("Output format.", valueName: "format"))
    var format: Format?

    @Flag(help: "Stop at the first statement that fails.")
    var bail = false

    @Flag(help: "Print each statement before its result.")
    var echo = false

    @Flag(name: .customLong("no-history"), help: "Neither read nor write the history file.")
    var noHistory = false

    @Flag(name: .customLong("no-rc"), help: "Do not run ~/.newsqrc (or $NEWSQ_RC) at interactive start.")
    var noRC = false

    @Option(name: .customLong("tutorial"),
            help: ArgumentHelp("Start with the guided lessons (.lesson files) in this folder, where the learner was.",
                               valueName: "folder"))
    var tutorial: String?

    @Option(name: .customLong("history"),
            help: ArgumentHelp("History file (default: $NEWSQ_HISTORY, else ~/.newsq_history).",
                               valueName: "file"))
    var historyFile: String?

    func validate() throws {
        if let historyFile, historyFile.isEmpty {
            throw ValidationError("--history needs a file name.")
        }
        if let tutorial, tutorial.isEmpty {
            throw ValidationError("--tutorial needs a folder of lessons.")
        }
        if let script, script.isEmpty {
            throw ValidationError("--file needs a file name.")
        }
    }
}

/// The `--format` values: the session's output modes.
enum Format: String, CaseIterable, ExpressibleByArgument {
    case box, table, markdown, csv, tsv, json, jsonl, line

    var mode: OutputMode { OutputMode(rawValue: rawValue) ?? .box }
}
