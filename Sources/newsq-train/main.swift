// newsq-train: trains the name tagger from silver labels (Sources/NewsText/Tagger).
//
//   newsq-train SILVER.jsonl OUTDIR [--epochs N] [--max-rows N] [--seed N]
//
// SILVER.jsonl: one article a line, {"id","source","body","ents":[[start,end,kind],...]}
// with UTF-8 byte offsets into body and kind person|org|place. Writes OUTDIR/model.bin.
import Foundation
import NewsText

var positional: [String] = []
var options = TaggerTrainer.Options()
var args = CommandLine.arguments.dropFirst().makeIterator()
func fail(_ s: String) -> Never {
    FileHandle.standardError.write(Data("newsq-train: \(s)\n".utf8))
    exit(64)
}
while let a = args.next() {
    switch a {
    case "--epochs": options.epochs = Int(args.next() ?? "") ?? { fail("--epochs needs a number") }()
    case "--max-rows": options.maxRows = Int(args.next() ?? "") ?? { fail("--max-rows needs a number") }()
    case "--seed": options.seed = UInt64(args.next() ?? "") ?? { fail("--seed needs a number") }()
    case "-h", "--help":
        print("usage: newsq-train SILVER.jsonl OUTDIR [--epochs N] [--max-rows N] [--seed N]")
        exit(0)
    default:
        if a.hasPrefix("--") { fail("unknown option \(a)") }
        positional.append(a)
    }
}
guard positional.count == 2 else { fail("usage: newsq-train SILVER.jsonl OUTDIR [--epochs N] [--max-rows N] [--seed N]") }
do {
    let r = try TaggerTrainer.run(silver: positional[0], outDir: positional[1], options: options)
    print("summary:")
    print("  data: \(r.counts)")
    print("  held out (every \(options.holdoutEvery)th article), final quantised model: \(r.final)")
    for k in ["person", "org", "place"] {
        if let m = r.perKind[k] { print(String(format: "    %@: spans P %.3f R %.3f F1 %.3f", k, m.span.p, m.span.r, m.span.f)) }
    }
    print(String(format: "  model: %d features, %.2f MB (%@/model.bin)", r.rows, Double(r.bytes) / 1e6, positional[1]))
    print(String(format: "  speed: %.0f tokens/s; trained in %.1f s", r.tokensPerSecond, r.seconds))
} catch {
    fail("\(error)")
}
