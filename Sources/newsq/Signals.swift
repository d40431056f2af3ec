#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NewsCore
import NewsStore
import NewsText
import NewsQuery
import NewsShell

/// SIGINT handling for the whole process.
///
/// Design rules:
/// - The handler only sets `Interrupt.shared` (an atomic flag the running
///   statement polls); it never exits an interactive session.
/// - No `SA_RESTART`: a blocking read is interrupted and the reader decides.
/// - When nobody is at a prompt (scripts, pipes), a second Ctrl-C before the
///   flag was cleared ends the process with status 130, as shells expect.
enum Signals {
    /// Installs the SIGINT handler. `interactive` chooses the second-Ctrl-C rule.
    static func installInterruptHandler(interactive: Bool) {
        // Touch the flag first so the handler never runs a lazy initialiser.
        Interrupt.shared.clear()
        var action = sigaction()
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        if interactive {
            action.__sigaction_handler.sa_handler = { _ in Interrupt.shared.raise() }
        } else {
            action.__sigaction_handler.sa_handler = { _ in
                if Interrupt.shared.isRaised { _exit(130) }
                Interrupt.shared.raise()
            }
        }
        sigaction(SIGINT, &action, nil)
    }
}

/// Small terminal queries.
enum Terminal {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Display columns of the terminal on `fd`, if it is one.
    static func width(_ fd: Int32) -> Int? {
        guard isTerminal(fd) else { return nil }
        var ws = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        return nil
    }
}
