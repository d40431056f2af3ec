// newsq-eval: scores quotes and entities against the hand annotation in eval/gold
// (eval/README.md). `make eval` runs it; the figures test pins what it prints.
//
//   newsq-eval [--root DIR] [--set NAME]... [--json] [--details]
//   newsq-eval --texts NAME OUT.jsonl   (the texts scored, for a peer to read)
//
// --details lists every miss of one set, for tuning: use it on `dev` only.
import Foundation
import NewsEval

var root = FileManager.default.currentDirectoryPath
var only: [String] = []
var json = false, details = false
var texts: (set: String, out: String)?
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
    switch a {
    case "--root": root = args.next() ?? root
    case "--set": if let s = args.next() { only.append(s) }
    case "--json": json = true
    case "--details": details = true
    case "--texts":
        guard let n = args.next(), let o = args.next() else {
            FileHandle.standardError.write("newsq-eval: --texts needs a set name and an output file\n".data(using: .utf8)!)
            exit(64)
        }
        texts = (n, o)
    case "-h", "--help":
        print("usage: newsq-eval [--root DIR] [--set test|lee|dev|train|sample]... [--json] [--details]")
        print("       newsq-eval [--root DIR] --texts test|lee|dev|train|sample OUT.jsonl")
        exit(0)
    default:
        FileHandle.standardError.write("newsq-eval: unknown argument '\(a)' (try --help)\n".data(using: .utf8)!)
        exit(64)
    }
}
var sets = EvalSet.standard(root: root)
if !only.isEmpty { sets = sets.filter { only.contains($0.name) } }
do {
    if let t = texts {
        guard let set = sets.first(where: { $0.name == t.set }) else {
            throw EvalError.missing("no set named '\(t.set)' (test, lee, dev, train, sample)")
        }
        try EvalReport.writeTexts(set, to: t.out)
        exit(0)
    }
    if details {
        for s in sets { print(try EvalReport.details(s)) }
        exit(0)
    }
    let results = try EvalReport.run(sets)
    if json {
        var dict: [String: Scores] = [:]
        for r in results { dict[r.set] = r.newsq; if let a = r.anchor { dict[r.set + "/anchor"] = a } }
        let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try enc.encode(dict), as: UTF8.self))
    } else {
        print(EvalReport.table(results))
    }
} catch {
    FileHandle.standardError.write("newsq-eval: \(error)\n".data(using: .utf8)!)
    exit(1)
}
