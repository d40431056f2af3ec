/// The process exit statuses newsq promises (sysexits-style, as sqlite3 and psql users expect).
enum ExitStatus: Int32, Error {
    /// Every statement ran.
    case success = 0
    /// A statement failed (script, `-c` or pipe mode).
    case statementFailed = 1
    /// The command line was wrong.
    case usage = 64
    /// A corpus path or script file cannot be read.
    case noInput = 66
    /// A bug: something newsq did not expect.
    case software = 70
    /// Stopped by Ctrl-C before any statement ran (128 + SIGINT, as shells report it).
    case interrupted = 130
}
