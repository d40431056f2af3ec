import Foundation
import NewsCore
import NewsStore
import NewsText
import NewsQuery
import NewsShell

/// libFuzzer targets for newsq, chosen by `NEWSQ_FUZZ_TARGET`:
///
/// - `parse`: lex, parse, bind, plan and optimize one statement, render its
///   diagnostics (no corpus is touched).
/// - `run`: the input as a script run by a fresh session on the sample corpus
///   (dot-commands are dropped so nothing touches the file system).
/// - `txt`, `json`, `jsonl`, `csv`: the input as a corpus file of that kind.
///
/// Built with `-sanitize=fuzzer` (scripts/fuzz.sh, `make fuzz`) libFuzzer
/// provides `main`. Built plainly (`swift build`), this is a replay tool:
/// `newsq-fuzz TARGET FILE...` runs each file through the target once, which
/// is how a crash the fuzzer found is reproduced.
enum Fuzz {
    static let target = ProcessInfo.processInfo.environment["NEWSQ_FUZZ_TARGET"] ?? "parse"
    static let sample: Corpus = {
        do { return try CorpusLoader.loadSample() } catch { fatalError("the sample corpus does not load: \(error)") }
    }()
    static let scratch: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let dir = base + "/newsq-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }()

    static func one(_ bytes: [UInt8], target: String = Fuzz.target) {
        switch target {
        case "parse": parse(String(decoding: bytes, as: UTF8.self))
        case "run": run(String(decoding: bytes, as: UTF8.self))
        case "txt", "md", "json", "jsonl", "csv", "tsv": load(bytes, ext: target)
        default: fatalError("unknown NEWSQ_FUZZ_TARGET \(target) (parse, run, txt, json, jsonl, csv)")
        }
    }

    static func parse(_ text: String) {
        _ = StatementSplitter.scan(text)
        let (_, diagnostics) = Parser.parse(text)
        let origin = SourceOrigin(name: "fuzz", line: 1, interactive: false)
        for d in diagnostics.items.prefix(5) { _ = DiagnosticRenderer.render(d, statement: text, origin: origin) }
        // Binding needs a session's names; `explain` binds, plans and optimizes without running.
        let sink = StringSink()
        let session = Session(corpus: sample, out: sink, err: sink, interrupt: Interrupt())
        if !text.contains("\n"), !text.trimmingCharacters(in: .whitespaces).hasPrefix("explain") {
            _ = session.runStatement("explain verbose " + text)
        }
        _ = session.completions(line: text, cursor: text.utf8.count)
    }

    static func run(_ text: String) {
        let script = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix(".") }
            .joined(separator: "\n")
        let sink = StringSink()
        var settings = Settings()
        settings.render.mode = OutputMode.allCases[text.utf8.count % OutputMode.allCases.count]
        settings.render.maxRows = 50
        let session = Session(corpus: sample, out: sink, err: sink, settings: settings, interrupt: Interrupt())
        session.run(TextLineSource(text: script, name: "fuzz"))
    }

    static func load(_ bytes: [UInt8], ext: String) {
        let path = scratch + "/input." + ext
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        guard let corpus = try? CorpusLoader.load(paths: [path]) else { return }
        let sink = StringSink()
        let session = Session(corpus: corpus, out: sink, err: sink, interrupt: Interrupt())
        for statement in ["articles | select id, title, source, date, words", "sentences | search the | count",
                          "paragraphs | count by kind"] {
            _ = session.runStatement(statement)
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.one(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if NEWSQ_FUZZ
/// SwiftPM links an executable's entry point as `<product>_main` (with `main`
/// defined to it), which keeps libFuzzer's own `main` out: start its driver here.
@_cdecl("newsq_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    typealias Callback = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    typealias Driver = @convention(c) (UnsafeMutablePointer<CInt>, UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>, Callback) -> CInt
    guard let symbol = dlsym(nil, "LLVMFuzzerRunDriver") else { // nil is RTLD_DEFAULT
        FileHandle.standardError.write(Data("newsq-fuzz: libFuzzer's driver is not linked in (build with -sanitize=fuzzer)\n".utf8))
        return 70
    }
    let driver = unsafeBitCast(symbol, to: Driver.self)
    var count = argc
    var vector = argv
    return driver(&count, &vector, { data, size in fuzzOne(data, size) })
}
#else
@main
struct Replay {
    static func main() {
        let args = CommandLine.arguments.dropFirst()
        guard let target = args.first, args.count >= 2 else {
            FileHandle.standardError.write(Data("usage: newsq-fuzz parse|run|txt|json|jsonl|csv FILE...\n".utf8))
            exit(64)
        }
        for file in args.dropFirst() {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                exit(66)
            }
            Fuzz.one([UInt8](data), target: target)
            print("ok \(file)")
        }
    }
}
#endif
