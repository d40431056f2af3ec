import Foundation
import NewsStore

/// Trains the name tagger from silver labels: JSON Lines, one article a line,
/// `{"id", "source", "body", "ents": [[start, end, kind], ...]}` with UTF-8
/// byte offsets into `body` and kind person|org|place.
///
/// Design rules:
/// - The file is loaded with the project's own loader, so paragraphs and
///   sentences are cut exactly as at run time; labels are read from the same
///   lines (matched by line number) and mapped to the article text.
/// - A label becomes BILOU tags when it starts at a token's start and ends at a
///   token's end inside one sentence (a leading "the" is left out); the others
///   are dropped and counted.
/// - Every 20th article is held out; the rest is shuffled with a fixed seed each
///   epoch. Greedy decoding with the predicted history; when the gold tag is
///   not allowed after the predicted one, the nearest legal tag is the target.
public enum TaggerTrainer {
    public struct Options: Sendable {
        public var epochs = 8
        public var holdoutEvery = 20
        public var seed: UInt64 = 20_261_201
        public var maxRows = 400_000
        public var minWeight: Float = 0.02
        /// The gazetteer folder (default: the tagger's resource folder).
        public var nerDirectory: String?
        public init() {}
    }

    /// One sentence to learn from: its features, islands and gold tags.
    struct Example {
        var features: TaggerFeatures
        var islands: [Range<Int>]
        var gold: [Int]
        var tokens: Int
    }

    public struct Counts: Sendable, CustomStringConvertible {
        public var articles = 0, sentences = 0, tokens = 0
        public var labels = 0, aligned = 0, misaligned = 0, crossing = 0, outside = 0, overlapping = 0, lowercaseOnly = 0
        public var description: String {
            "\(articles) articles, \(sentences) sentences, \(tokens) tokens; labels \(labels): \(aligned) aligned, "
                + "\(misaligned) not on token boundaries, \(crossing) across sentences, \(outside) outside the read text, "
                + "\(overlapping) overlapping, \(lowercaseOnly) outside the capitalised islands (kept as misses)"
        }
    }

    /// Precision, recall and F1 of tokens (by kind) and spans (exact).
    public struct Metrics: Sendable, CustomStringConvertible {
        public var tokenTP = 0, tokenPred = 0, tokenGold = 0
        public var spanTP = 0, spanPred = 0, spanGold = 0
        static func f(_ tp: Int, _ p: Int, _ g: Int) -> (Double, Double, Double) {
            let pr = p == 0 ? 0 : Double(tp) / Double(p), rc = g == 0 ? 0 : Double(tp) / Double(g)
            return (pr, rc, pr + rc == 0 ? 0 : 2 * pr * rc / (pr + rc))
        }
        public var token: (p: Double, r: Double, f: Double) { Self.f(tokenTP, tokenPred, tokenGold) }
        public var span: (p: Double, r: Double, f: Double) { Self.f(spanTP, spanPred, spanGold) }
        public var description: String {
            let t = token, s = span
            return String(format: "tokens P %.3f R %.3f F1 %.3f | spans P %.3f R %.3f F1 %.3f", t.p, t.r, t.f, s.p, s.r, s.f)
        }
    }

    public struct Report: Sendable {
        public var counts = Counts()
        public var epochs: [Metrics] = []
        public var final = Metrics()
        public var perKind: [String: Metrics] = [:]
        public var rows = 0
        public var bytes = 0
        public var tokensPerSecond = 0.0
        public var seconds = 0.0
    }

    // MARK: data

    /// The labels of each line of the silver file (line number -> spans).
    static func labels(_ path: String) throws -> [Int: [(Int, Int, Int)]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var out: [Int: [(Int, Int, Int)]] = [:]
        var line = 0
        for chunk in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            line += 1
            guard chunk.contains(where: { $0 > 0x20 }),
                  let obj = try? JSONSerialization.jsonObject(with: Data(chunk)) as? [String: Any],
                  let ents = obj["ents"] as? [[Any]] else { continue }
            out[line] = ents.compactMap { e in
                guard e.count >= 3, let s = (e[0] as? NSNumber)?.intValue, let t = (e[1] as? NSNumber)?.intValue,
                      let k = e[2] as? String, let kind = EntityKind(rawValue: k) else { return nil }
                return (s, t, BILOU.kinds.firstIndex(of: kind)!)
            }
        }
        return out
    }

    /// The examples of a labelled corpus, grouped by article.
    static func examples(_ corpus: Corpus, _ labels: [Int: [(Int, Int, Int)]], _ gaz: Gazetteer,
                         _ counts: inout Counts) -> [[Example]] {
        var out: [[Example]] = []
        for a in corpus.articles {
            let line = Int(a.origin.split(separator: ":").last ?? "") ?? -1
            var spans = labels[line] ?? []
            counts.articles += 1
            counts.labels += spans.count
            let bytes = Array(a.text.utf8)
            // labels are offsets into the body as given, which is the article text of a record
            spans = spans.filter { s, e, _ in
                let ok = s >= a.bodyRange.lowerBound && s < e && e <= a.bodyRange.upperBound && e <= bytes.count
                if !ok { counts.outside += 1 }
                return ok
            }
            var used = [Bool](repeating: false, count: spans.count)
            var exs: [Example] = []
            for si in a.sentences {
                let sent = corpus.sentences[si]
                let p = corpus.paragraphs[sent.paragraph]
                guard p.kind != .boilerplate, !p.duplicate else { continue }
                let toks = EntityWords.tokens(bytes, sent.range)
                guard !toks.isEmpty else { continue }
                var gold = [Int](repeating: 0, count: toks.count)
                for (k, (s, e, kind)) in spans.enumerated() where !used[k] {
                    guard s < sent.range.upperBound, e > sent.range.lowerBound else { continue }
                    used[k] = true
                    guard s >= sent.range.lowerBound, e <= sent.range.upperBound else { counts.crossing += 1; continue }
                    guard var first = toks.firstIndex(where: { $0.range.lowerBound == s }),
                          let last = toks.lastIndex(where: { $0.range.upperBound == e }), last >= first else {
                        counts.misaligned += 1; continue
                    }
                    if first < last, toks[first].lower == "the" { first += 1 }
                    guard gold[first...last].allSatisfy({ $0 == 0 }) else { counts.overlapping += 1; continue }
                    if first == last { gold[first] = BILOU.tag(kind: kind, part: 3) } else {
                        gold[first] = BILOU.tag(kind: kind, part: 0)
                        for t in (first + 1)..<last { gold[t] = BILOU.tag(kind: kind, part: 1) }
                        gold[last] = BILOU.tag(kind: kind, part: 2)
                    }
                    counts.aligned += 1
                }
                counts.sentences += 1
                counts.tokens += toks.count
                let islands = TaggerFeatures.islands(toks)
                var inIsland = [Bool](repeating: false, count: toks.count)
                for r in islands { for i in r { inIsland[i] = true } }
                for (r, _) in BILOU.spans(gold) where !r.allSatisfy({ inIsland[$0] }) { counts.lowercaseOnly += 1 }
                if islands.isEmpty && !gold.contains(where: { $0 != 0 }) {
                    exs.append(Example(features: TaggerFeatures([], gaz), islands: [], gold: [], tokens: toks.count))
                    continue
                }
                exs.append(Example(features: TaggerFeatures(toks, gaz), islands: islands, gold: gold, tokens: toks.count))
            }
            counts.outside += used.filter { !$0 }.count
            out.append(exs)
        }
        return out
    }

    // MARK: learning

    /// The live perceptron weights, with the sums for averaging.
    final class Weights: TagScoring {
        var rows: [UInt64: Int32] = [:]
        var w: [SIMD16<Float>] = []
        var u: [SIMD16<Float>] = []
        var clock: Float = 1

        func score(_ keys: UnsafeBufferPointer<UInt64>) -> SIMD16<Float> {
            var s = SIMD16<Float>()
            for k in keys { if let r = rows[k] { s += w[Int(r)] } }
            return s
        }

        func update(_ keys: [UInt64], plus: Int, minus: Int) {
            for k in keys {
                let r: Int
                if let x = rows[k] { r = Int(x) } else {
                    r = w.count; rows[k] = Int32(r); w.append(SIMD16()); u.append(SIMD16())
                }
                w[r][plus] += 1; w[r][minus] -= 1
                u[r][plus] += clock; u[r][minus] -= clock
            }
        }

        /// The averaged weights.
        func averaged() -> Averaged {
            Averaged(rows: rows, w: zip(w, u).map { $0 - $1 / clock })
        }
    }

    struct Averaged: TagScoring {
        let rows: [UInt64: Int32]
        let w: [SIMD16<Float>]
        func score(_ keys: UnsafeBufferPointer<UInt64>) -> SIMD16<Float> {
            var s = SIMD16<Float>()
            for k in keys { if let r = rows[k] { s += w[Int(r)] } }
            return s
        }
    }

    /// The target when `gold` cannot follow `prev`: the nearest legal tag.
    static func oracle(_ gold: Int, prev: Int, last: Bool) -> Int {
        let mask = BILOU.allowed(prev: prev, last: last)
        if mask & (1 << gold) != 0 { return gold }
        if prev >= 1, BILOU.part(prev) <= 1 {
            // inside a span: close it (or go on when the gold span goes on with this kind)
            return BILOU.tag(kind: BILOU.kind(prev), part: 2)
        }
        // not in a span: open one (U when it must close here or the gold one ends here)
        let k = BILOU.kind(gold), p = BILOU.part(gold)
        return BILOU.tag(kind: k, part: last || p == 2 ? 3 : 0)
    }

    /// One pass over an example, learning from mistakes.
    static func learn(_ ex: Example, _ wts: Weights) {
        var keys = [UInt64]()
        keys.reserveCapacity(96)
        for r in ex.islands {
            var p1 = r.lowerBound == 0 ? -1 : 0
            var p2 = r.lowerBound <= 1 ? -1 : 0
            for i in r {
                keys.removeAll(keepingCapacity: true)
                ex.features.staticKeys(i, into: &keys)
                ex.features.tagKeys(i, p1, p2, into: &keys)
                let last = i == r.upperBound - 1
                let s = keys.withUnsafeBufferPointer { wts.score($0) }
                let (c, _) = BILOU.choose(s, BILOU.allowed(prev: p1, last: last))
                let target = oracle(ex.gold[i], prev: p1, last: last)
                if c != target { wts.update(keys, plus: target, minus: c) }
                wts.clock += 1
                p2 = p1; p1 = c
            }
        }
    }

    /// Scores a scorer on examples against their gold tags.
    static func evaluate<S: TagScoring>(_ exs: [Example], _ scorer: S, perKind: inout [String: Metrics]) -> Metrics {
        var m = Metrics()
        for ex in exs where !ex.gold.isEmpty {
            var tags = [Int](repeating: 0, count: ex.gold.count)
            var margins = [Float](repeating: 0, count: ex.gold.count)
            NameTagger.decode(ex.features, ex.islands, scorer, &tags, &margins)
            for (g, p) in zip(ex.gold, tags) {
                let gk = BILOU.kind(g), pk = BILOU.kind(p)
                if gk >= 0 { m.tokenGold += 1 }
                if pk >= 0 { m.tokenPred += 1 }
                if gk >= 0 && gk == pk { m.tokenTP += 1 }
            }
            let gs = BILOU.spans(ex.gold), ps = BILOU.spans(tags)
            m.spanGold += gs.count; m.spanPred += ps.count
            for (r, k) in gs {
                let name = BILOU.kinds[k].rawValue
                perKind[name, default: Metrics()].spanGold += 1
                if ps.contains(where: { $0.0 == r && $0.1 == k }) { m.spanTP += 1; perKind[name, default: Metrics()].spanTP += 1 }
            }
            for (_, k) in ps { perKind[BILOU.kinds[k].rawValue, default: Metrics()].spanPred += 1 }
        }
        return m
    }

    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 { state &+= 0x9E37_79B9_7F4A_7C15; return FeatureHash.mix(state &- 0x9E37_79B9_7F4A_7C15) }
    }

    /// Trains on grouped examples; returns the quantised model and the report.
    static func train(_ articles: [[Example]], options: Options, report: inout Report,
                      log: (String) -> Void) -> TaggerModel {
        var train: [Example] = [], held: [Example] = []
        for (i, a) in articles.enumerated() {
            if options.holdoutEvery > 0 && i % options.holdoutEvery == options.holdoutEvery - 1 { held += a } else { train += a }
        }
        train.removeAll { $0.gold.isEmpty }
        let wts = Weights()
        var rng = SplitMix64(state: options.seed)
        var order = Array(train.indices)
        for e in 1...max(1, options.epochs) {
            let t0 = Date()
            order.shuffle(using: &rng)
            for i in order { learn(train[i], wts) }
            var pk: [String: Metrics] = [:]
            let m = held.isEmpty ? Metrics() : evaluate(held, wts.averaged(), perKind: &pk)
            report.epochs.append(m)
            log(String(format: "epoch %d: %@ (%d features, %.1f s)", e, m.description, wts.w.count, Date().timeIntervalSince(t0)))
        }
        let avg = wts.averaged()
        var rows: [(key: UInt64, w: [Float])] = []
        rows.reserveCapacity(avg.rows.count)
        for (k, r) in avg.rows {
            let v = avg.w[Int(r)]
            rows.append((k, (0..<BILOU.classes).map { v[$0] }))
        }
        let model = TaggerModel.quantise(rows, maxRows: options.maxRows, minWeight: options.minWeight)
        var pk: [String: Metrics] = [:]
        report.final = held.isEmpty ? Metrics() : evaluate(held, model, perKind: &pk)
        report.perKind = pk
        report.rows = model.keys.count
        return model
    }

    /// Trains from a silver file and writes `outDir/model.bin`.
    public static func run(silver: String, outDir: String, options: Options = Options(),
                           log: (String) -> Void = { print($0) }) throws -> Report {
        let started = Date()
        var report = Report()
        let gaz = Gazetteer(directory: options.nerDirectory.map { URL(fileURLWithPath: $0) } ?? NameTagger.resourceDirectory)
        log("gazetteer: \(gaz.fileCounts.places) places, \(gaz.fileCounts.first) first names, \(gaz.fileCounts.last) last names from files")
        let corpus = try CorpusLoader.load(paths: [silver])
        let labels = try labels(silver)
        let arts = examples(corpus, labels, gaz, &report.counts)
        log("data: \(report.counts)")
        let model = train(arts, options: options, report: &report, log: log)
        let data = model.data()
        try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: outDir).appendingPathComponent("model.bin"))
        report.bytes = data.count
        // speed: the saved model read back, tagging every sentence of the corpus (tokens given)
        if let back = TaggerModel.load(data) {
            let tagger = NameTagger(model: back, gazetteer: gaz)
            var sents: [[EntityToken]] = []
            var n = 0
            for a in corpus.articles.prefix(2000) {
                let bytes = Array(a.text.utf8)
                for si in a.sentences { let t = EntityWords.tokens(bytes, corpus.sentences[si].range); n += t.count; sents.append(t) }
            }
            let t0 = Date()
            var found = 0
            for s in sents { found += tagger.tag(s).count }
            let dt = Date().timeIntervalSince(t0)
            report.tokensPerSecond = Double(n) / max(dt, 1e-9)
            log(String(format: "speed: %d tokens in %.3f s: %.0f tokens/s (%d names)", n, dt, report.tokensPerSecond, found))
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }
}
