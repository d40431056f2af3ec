import Foundation
import NewsCore
import NewsStore
import NewsText

/// One annotated set: its gold folder and where its texts come from.
public struct EvalSet: Sendable {
    public var name: String
    public var goldDir: String
    /// A JSON Lines corpus, or nil for the built-in sample.
    public var corpusPath: String?
    /// A peer's output on the same texts (spaCy), when made.
    public var anchorPath: String?

    public init(name: String, goldDir: String, corpusPath: String?, anchorPath: String?) {
        self.name = name; self.goldDir = goldDir; self.corpusPath = corpusPath; self.anchorPath = anchorPath
    }

    /// The annotated sets of `eval/gold/` under `root` (the repository): the two frozen
    /// unseen sets, the two tuning sets and the sample.
    public static func standard(root: String) -> [EvalSet] {
        ["test", "lee", "dev", "train", "sample"].map { n in
            EvalSet(name: n, goldDir: "\(root)/eval/gold/\(n)",
                    corpusPath: n == "sample" ? nil : "\(root)/eval/data/\(n).jsonl",
                    anchorPath: "\(root)/eval/data/spacy-\(n).json")
        }
    }

    public func loadCorpus() throws -> Corpus {
        guard let p = corpusPath else { return try CorpusLoader.loadSample() }
        guard FileManager.default.fileExists(atPath: p) else {
            throw EvalError.missing("\(p) is missing: `make evaltexts` writes it")
        }
        return try CorpusLoader.load(paths: [p])
    }
}

/// Figures of newsq (and the anchor, when present) on each set.
public struct EvalResult: Sendable {
    public var set: String
    public var newsq: Scores
    public var anchor: Scores?
    public var anchorName: String?
}

public enum EvalReport {
    public static func run(_ sets: [EvalSet]) throws -> [EvalResult] {
        try sets.map { set in
            let gold = try GoldArticle.loadFolder(set.goldDir)
            let corpus = try set.loadCorpus()
            let bodies = NewsqSystem.bodies(corpus)
            let missing = gold.map(\.id).filter { bodies[$0] == nil }
            guard missing.isEmpty else { throw EvalError.missing("\(set.name): no text for \(missing.joined(separator: ", "))") }
            let mine = Scorer.score(gold: gold, system: NewsqSystem.output(corpus), bodies: bodies)
            var r = EvalResult(set: set.name, newsq: mine)
            if let a = set.anchorPath, FileManager.default.fileExists(atPath: a) {
                let out = try SystemOutput.load(a)
                r.anchor = Scorer.score(gold: gold, system: out, bodies: bodies)
                r.anchorName = out.system
            }
            return r
        }
    }

    /// Writes the texts of a set as newsq reads them (JSON Lines of id and
    /// body), so that a peer is scored on the very same text.
    public static func writeTexts(_ set: EvalSet, to path: String) throws {
        let corpus = try set.loadCorpus()
        var out = Data()
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for a in corpus.articles {
            out += try enc.encode(["id": a.id, "body": a.text])
            out.append(0x0A)
        }
        try out.write(to: URL(fileURLWithPath: path))
    }

    static func f(_ x: Double) -> String { String(format: "%.2f", x) }

    /// The table `make eval` prints (Markdown).
    public static func table(_ results: [EvalResult]) -> String {
        var lines = [
            "| set | system | articles | gold quotations | gold entities (mentions) | speaker P / R (strict) | speaker P / R (any form) | entities found | right kind | entity precision | fragments |",
            "|---|---|---:|---:|---:|---|---|---:|---:|---:|---:|",
        ]
        for r in results {
            for (name, s) in [("newsq", r.newsq)] + (r.anchor.map { [(r.anchorName ?? "anchor", $0)] } ?? []) {
                let q = s.hasQuotes ? "\(f(s.quotePrecision)) / \(f(s.quoteRecall))" : "—"
                let ql = s.hasQuotes ? "\(f(s.quotePrecisionLenient)) / \(f(s.quoteRecallLenient))" : "—"
                lines.append("| \(r.set) | \(name) | \(s.articles) | \(s.goldQuotes) | \(s.goldEntities) (\(s.goldMentions)) | \(q) | \(ql) | \(f(s.entityFound)) | \(f(s.entityKind)) | \(f(s.entityPrecision)) | \(s.fragments) |")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// What went wrong, article by article (for tuning on the dev set only).
    public static func details(_ set: EvalSet) throws -> String {
        let gold = try GoldArticle.loadFolder(set.goldDir)
        let corpus = try set.loadCorpus()
        let sys = NewsqSystem.output(corpus)
        var out: [String] = []
        for g in gold {
            let a = sys.articles[g.id] ?? SystemArticle(entities: [], quotes: [])
            var one = Scores()
            Scorer.score(gold: g, system: a, body: nil, into: &one)
            out.append("== \(g.id) (\(g.source ?? "")): quotes \(one.quotesRightStrict)/\(one.goldQuotes), entities \(one.entitiesFound)/\(one.goldEntities), precision \(one.systemEntitiesCorrect)/\(one.systemEntities)")
            let sysForms = a.entities.map { Set(($0.forms + [$0.name]).map(Scorer.norm)) }
            for e in g.entities {
                let gf = Set((e.forms + [e.name]).map(Scorer.norm))
                let hits = a.entities.indices.filter { !sysForms[$0].isDisjoint(with: gf) }
                if hits.isEmpty { out.append("  missed \(e.kind) \(e.name)") }
                else if !hits.contains(where: { a.entities[$0].kind == e.kind || a.entities[$0].kind == e.alt_kind }) {
                    out.append("  kind \(e.name): gold \(e.kind), system \(hits.map { a.entities[$0].kind }.joined(separator: ","))")
                }
                if hits.count > 1 { out.append("  fragments of \(e.name): \(hits.map { a.entities[$0].name }.joined(separator: " | "))") }
            }
            let allGold = Set(g.entities.flatMap { ($0.forms + [$0.name]).map(Scorer.norm) })
            for (k, e) in a.entities.enumerated() where sysForms[k].isDisjoint(with: allGold) {
                out.append("  spurious \(e.kind) \(e.name) [\(e.forms.joined(separator: " | "))]")
            }
            let sysKeys = a.quotes.map { Scorer.quoteKey($0.text) }
            for q in g.quotes where q.optional != true {
                let k = Scorer.quoteKey(q.text)
                let want = q.speaker ?? "(unnamed: \(q.description ?? ""))"
                guard let si = sysKeys.firstIndex(where: { $0.contains(k) }) ?? sysKeys.firstIndex(where: { $0.split(separator: " ").count >= 2 && k.hasPrefix($0) }) else {
                    out.append("  quote not found: \"\(q.text)\" (\(want))"); continue
                }
                let got = a.quotes[si]
                let byName = Dictionary(g.entities.map { (Scorer.norm($0.name), $0) }, uniquingKeysWith: { x, _ in x })
                let ok = q.speaker.map { got.named && Scorer.sameEntity(got.speaker ?? "", $0, a, byName) } ?? !got.named
                if !ok { out.append("  quote \"\(q.text)\": gold \(want), system \(got.speaker ?? "nil")\(got.named ? "" : " (unnamed)")") }
            }
            let goldKeys = g.quotes.map { Scorer.quoteKey($0.text) }
            for (k, q) in a.quotes.enumerated() where q.named && !goldKeys.contains(where: { sysKeys[k].contains($0) || ($0.hasPrefix(sysKeys[k]) && sysKeys[k].split(separator: " ").count >= 2) }) {
                out.append("  extra quote \"\(q.text.prefix(50))\" given to \(q.speaker ?? "")")
            }
        }
        return out.joined(separator: "\n")
    }
}
