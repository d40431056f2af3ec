import NewsCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the session writes results and messages.
public protocol OutputSink: AnyObject {
    func write(_ text: String)
    /// True when this is a terminal (colour, box tables, width fitting).
    var isTerminal: Bool { get }
    /// Display columns of the terminal, when it is one.
    var terminalWidth: Int? { get }
}

/// Standard output or standard error of the process.
public final class FileDescriptorSink: OutputSink {
    public let fd: Int32
    public init(fd: Int32) { self.fd = fd }

    public static let stdout = FileDescriptorSink(fd: 1)
    public static let stderr = FileDescriptorSink(fd: 2)

    public func write(_ text: String) { _ = FileDescriptorSink.write(text, to: fd) }

    /// Writes all of `text`; 0, or the `errno` of the write that failed.
    static func write(_ text: String, to fd: Int32) -> Int32 {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buf in
                Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        bytes.removeAll()
        return 0
    }

    public var isTerminal: Bool { isatty(fd) == 1 }

    public var terminalWidth: Int? {
        guard isTerminal else { return nil }
        var ws = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        return 80
    }
}

/// Collects everything written (tests, `.once` buffering).
public final class StringSink: OutputSink {
    public private(set) var text = ""
    public var isTerminal: Bool
    public var terminalWidth: Int?
    public init(isTerminal: Bool = false, terminalWidth: Int? = nil) {
        self.isTerminal = isTerminal; self.terminalWidth = terminalWidth
    }
    public func write(_ s: String) { text += s }
}

/// A file opened by `.output` / `.once`.
public final class FileSink: OutputSink {
    let fd: Int32
    public let path: String

    /// Opens (creates or truncates) `path`; throws a message naming the reason.
    public init(path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SessionError.coded(.cannotWriteFile, "cannot write \(path): \(String(cString: strerror(errno)))") }
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }

    /// Why the last failed write failed (disk full, a read-only file), until it is reported.
    public internal(set) var failure: String?

    public func write(_ text: String) {
        guard failure == nil else { return }
        let e = FileDescriptorSink.write(text, to: fd)
        if e != 0 { failure = String(cString: strerror(e)) }
    }
    public var isTerminal: Bool { false }
    public var terminalWidth: Int? { nil }

    /// Puts what was written on the disk; the reason when any write or this failed.
    public func finish() -> String? {
        if let failure { return failure }
        if fsync(fd) != 0, errno != EINVAL, errno != EROFS { failure = String(cString: strerror(errno)) }
        return failure
    }
}

/// An error of a dot-command, with its message.
public enum SessionError: Error, CustomStringConvertible {
    /// A command that could not do its work (E0706); empty when already reported.
    case message(String)
    /// A failure with its own code in the diagnostics catalogue.
    case coded(DiagnosticCode, String)
    /// Work the user stopped with Ctrl-C: no error, printed as a statement's cancellation is
    /// ("cancelled: …"), saying what was kept.
    case cancelled(String)
    public var description: String {
        switch self {
        case let .message(m), let .coded(_, m), let .cancelled(m): return m
        }
    }
    public var code: DiagnosticCode {
        switch self {
        case .message, .cancelled: return .commandFailed
        case let .coded(c, _): return c
        }
    }
}
