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

/// Lines read from a file descriptor as they arrive (piped standard input):
/// no prompt, no banner, no history. Reading as we go lets `tail -f log | newsq`
/// and a slow producer work without waiting for end of file.
final class StreamLineSource: LineSource {
    let name: String
    var isInteractive: Bool { false }
    private let fd: Int32
    private var splitter = LineSplitter()
    private var atEnd = false

    init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    /// Lines end as a script's do (`LineSplitter`: LF, CRLF or CR; a BOM dropped).
    func readLine(prompt: String) -> LineInput {
        while true {
            if let line = splitter.next(atEnd: atEnd) { return .line(line) }
            if atEnd { return .end }
            fill()
        }
    }

    /// Reads the next chunk; sets `atEnd` at end of file or on an error.
    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n > 0 {
            splitter.append(chunk[..<n])
        } else if n < 0 && errno == EINTR {
            return
        } else {
            atEnd = true
        }
    }
}
