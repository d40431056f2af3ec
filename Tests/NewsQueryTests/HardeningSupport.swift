import XCTest
import Foundation
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Helpers for the hardening suites: raw-byte input to the binary, scratch
/// folders, a session with its own sinks, and whether we run as root.
enum Hardening {
    /// Runs the binary with raw bytes on standard input (invalid UTF-8, NUL bytes).
    static func run(_ arguments: [String], bytes: [UInt8], environment: [String: String] = [:],
                    timeout: TimeInterval = 60) throws -> CLIResult {
        let process = Process()
        process.executableURL = try NewsqBinary.require()
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NEWSQ_HISTORY"] = ""
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let group = DispatchGroup()
        let outData = Bytes(), errData = Bytes()
        for (pipe, sink) in [(output, outData), (errors, errData)] {
            group.enter()
            DispatchQueue.global().async { sink.data = pipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        }
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async {
            try? writer.write(contentsOf: Data(bytes))
            try? writer.close()
        }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            XCTFail("newsq \(arguments) did not finish within \(timeout) s (a hang)")
        }
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus,
                         stdout: String(decoding: outData.data, as: UTF8.self),
                         stderr: String(decoding: errData.data, as: UTF8.self))
    }

    /// A fresh scratch folder, removed by the caller's `defer`.
    static func scratch(_ name: String = "hardening") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static var isRoot: Bool { getuid() == 0 }

    /// A session on the sample corpus writing results and errors to one sink.
    static func session(mode: OutputMode = .csv, interrupt: Interrupt = Interrupt()) -> (Session, StringSink) {
        let sink = StringSink()
        var settings = Settings()
        settings.render.mode = mode
        return (Session(corpus: Fixtures.sample, out: sink, err: sink, settings: settings, interrupt: interrupt), sink)
    }

    /// The session still answers, with the sample corpus and its bindings intact.
    static func assertIntact(_ s: Session, _ sink: StringSink, binding: String? = nil,
                             file: StaticString = #filePath, line: UInt = #line) {
        let before = sink.text.utf8.count
        let check = binding.map { "\($0) | count" } ?? "articles | count"
        XCTAssertEqual(s.corpus.articles.count, 5, "the corpus is kept", file: file, line: line)
        let ok = s.runStatement(check)
        let after = String(decoding: Array(sink.text.utf8).dropFirst(before), as: UTF8.self)
        XCTAssertTrue(ok, "the session goes on: \(after)", file: file, line: line)
        XCTAssertTrue(after.hasSuffix("\n") && after.contains("n\n"), after, file: file, line: line)
    }
}

/// Bytes read from a pipe on another thread.
final class Bytes: @unchecked Sendable { var data = Data() }
