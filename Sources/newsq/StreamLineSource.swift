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
    private var pending: [UInt8] = []
    private var atEnd = false

    init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    func readLine(prompt: String) -> LineInput {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return .line(String(decoding: line, as: UTF8.self))
            }
            if atEnd {
                guard !pending.isEmpty else { return .end }
                let line = pending
                pending.removeAll()
                return .line(String(decoding: line, as: UTF8.self))
            }
            fill()
        }
    }

    /// Reads the next chunk; sets `atEnd` at end of file or on an error.
    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n > 0 {
            pending.append(contentsOf: chunk[..<n])
        } else if n < 0 && errno == EINTR {
            return
        } else {
            atEnd = true
        }
    }
}
