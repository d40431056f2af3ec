// newsq-bench: newsq's in-process benchmark (see bench/README.md).
//
//     newsq-bench CORPUS.jsonl QUERIES.json [--reps N]
//
// Loads the corpus with `CorpusLoader` (load and index, timed), then runs each
// query's newsq statements through the public session path (lex, parse, bind,
// plan, execute, render as JSON Lines into memory): a warm-up, then N timed
// repetitions; the median. Prints JSON in the shape bench/peers.py prints, so
// bench/report.py can put the engines side by side. A statement newsq cannot
// run yet is reported with its error and its type shows "n/a".

import Foundation
import NewsCore
import NewsStore
import NewsText
import NewsQuery
import NewsShell

#if canImport(Glibc)
import Glibc
#endif

/// Keeps the output of the current statement only (no growth across runs).
final class CaptureSink: OutputSink {
    var text = ""
    var isTerminal: Bool { false }
    var terminalWidth: Int? { nil }
    func write(_ s: String) { text += s }
    func reset() { text = "" }
}

func seconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func peakRSSBytes() -> Int {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Int(u.ru_maxrss) * 1024  // Linux: KiB
}

func median(_ xs: [Double]) -> Double? {
    guard !xs.isEmpty else { return nil }
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("newsq-bench: \(message)\n".utf8))
    exit(2)
}

// MARK: - Arguments

var args = Array(CommandLine.arguments.dropFirst())
var reps = 15
if let i = args.firstIndex(of: "--reps") {
    guard i + 1 < args.count, let n = Int(args[i + 1]), n > 0 else { fail("--reps takes a positive number") }
    reps = n
    args.removeSubrange(i...(i + 1))
}
guard args.count == 2 else {
    fail("usage: newsq-bench CORPUS.jsonl QUERIES.json [--reps N]")
}
let corpusPath = args[0], queriesPath = args[1]

struct QuerySpec: Decodable {
    var type: String
    var name: String
    var newsq: [String]
    var newsq_fallback: [String]?
}
struct QueryFile: Decodable {
    var types: [String]
    var queries: [QuerySpec]
}
guard let qdata = FileManager.default.contents(atPath: queriesPath),
      let spec = try? JSONDecoder().decode(QueryFile.self, from: qdata) else {
    fail("\(queriesPath): cannot read the queries")
}

// MARK: - Load and index

let t0 = seconds()
let corpus: Corpus
do {
    corpus = try CorpusLoader.load(paths: [corpusPath])
} catch {
    fail("\(error)")
}
let loadSeconds = seconds() - t0
let rssAfterLoad = peakRSSBytes()
let textBytes = corpus.articles.reduce(0) { $0 + $1.text.utf8.count }
FileHandle.standardError.write(Data(String(format: "newsq-bench: %d documents (%.1f MB of text) loaded and indexed in %.2f s\n",
                                           corpus.articles.count, Double(textBytes) / 1e6, loadSeconds).utf8))

// MARK: - Queries

let out = CaptureSink(), err = CaptureSink()
var settings = Settings()
settings.render.mode = .jsonl
let session = Session(corpus: corpus, out: out, err: err, settings: settings, interrupt: Interrupt())

struct RunError: Error { var message: String }

/// Runs the statements once; the JSON Lines each printed, or the first error.
func runOnce(_ statements: [String]) -> Result<[String], RunError> {
    var outputs: [String] = []
    for s in statements {
        out.reset(); err.reset()
        if !session.runStatement(s) {
            let first = err.text.split(separator: "\n").first.map(String.init) ?? "failed"
            return .failure(RunError(message: first))
        }
        outputs.append(out.text)
    }
    return .success(outputs)
}

func objects(_ jsonl: String) -> [[String: Any]] {
    jsonl.split(separator: "\n").compactMap {
        (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
    }
}

func intValue(_ v: Any?) -> Int? {
    if let n = v as? NSNumber { return n.intValue }
    if let s = v as? String { return Int(s) }
    return nil
}

var results: [[String: Any]] = []
for q in spec.queries {
    var entry: [String: Any] = ["type": q.type, "name": q.name]
    var statements = q.newsq
    var first = runOnce(statements)
    if case .failure = first, let fb = q.newsq_fallback {
        let second = runOnce(fb)
        if case .success = second { statements = fb; first = second; entry["used_fallback"] = true }
    }
    switch first {
    case .failure(let why):
        entry["error"] = why.message
    case .success(let outputs):
        if ProcessInfo.processInfo.environment["NEWSQ_BENCH_DUMP"] != nil {
            FileHandle.standardError.write(Data(outputs.joined().utf8))  // debugging aid: the first run's output
        }
        _ = runOnce(statements)  // second warm-up run
        var times: [Double] = []
        times.reserveCapacity(reps)
        for _ in 0..<reps {
            let s = seconds()
            _ = runOnce(statements)
            times.append(seconds() - s)
        }
        entry["median_ms"] = median(times)! * 1000
        entry["statements"] = statements
        switch q.type {
        case "count_by_source":
            var groups: [String: Int] = [:]
            for o in objects(outputs[0]) {
                let key = (o["source"] as? String) ?? ""
                groups[key] = intValue(o["n"]) ?? intValue(o["articles"]) ?? 0
            }
            entry["groups"] = groups
            entry["count"] = groups.values.reduce(0, +)
        case "kwic":
            let rows = objects(outputs[0])
            entry["rows"] = rows.count
            if let r = rows.first {
                let text = r.values.compactMap { $0 as? String }.max(by: { $0.count < $1.count }) ?? ""
                entry["sample"] = String(text.prefix(160))
            }
        default:
            if let o = objects(outputs[0]).first, let n = intValue(o["n"]) { entry["count"] = n }
            if outputs.count > 1 {
                entry["top10"] = objects(outputs[1]).compactMap { $0["id"] as? String }
            }
        }
    }
    results.append(entry)
}

var types: [String: Any] = [:]
for t in spec.types {
    let ms = results.filter { ($0["type"] as? String) == t }.compactMap { $0["median_ms"] as? Double }
    // A type counts only when every one of its queries ran.
    let all = results.filter { ($0["type"] as? String) == t }.count
    types[t] = (ms.count == all && !ms.isEmpty) ? median(ms)! : NSNull()
}

let report: [String: Any] = [
    "engine": "newsq",
    "version": "newsq (release build, session path, JSON Lines rendering)",
    "corpus": URL(fileURLWithPath: corpusPath).standardizedFileURL.path,
    "documents": corpus.articles.count,
    "text_bytes": textBytes,
    "load_index_seconds": loadSeconds,
    "peak_rss_bytes": peakRSSBytes(),
    "rss_after_load_bytes": rssAfterLoad,
    "repetitions": reps,
    "warnings": corpus.warnings.count,
    "types": types,
    "queries": results,
]
let data = try! JSONSerialization.data(withJSONObject: report, options: [.prettyPrinted, .sortedKeys])
FileHandle.standardOutput.write(data)
FileHandle.standardOutput.write(Data("\n".utf8))
