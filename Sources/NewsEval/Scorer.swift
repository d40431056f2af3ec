import Foundation
import NewsCore
import NewsStore
import NewsText

/// The figures of one system on one annotated set.
public struct Scores: Codable, Sendable, Equatable {
    public var articles = 0
    /// Gold quotations counted (optional ones left out), and gold entities and their mentions.
    public var goldQuotes = 0
    public var goldEntities = 0
    public var goldMentions = 0
    /// Quotations: right speakers (strict: the canonical name; lenient: any form),
    /// answers given (the precision's denominator), gold quotations found at all.
    public var quotesRightStrict = 0
    public var quotesRightLenient = 0
    public var quoteAnswers = 0
    public var quotesFound = 0
    /// Entities: gold ones found (any form), found with the right kind, system
    /// entities listed and those matching a gold entity, and fragments.
    public var entitiesFound = 0
    public var entitiesRightKind = 0
    public var systemEntities = 0
    public var systemEntitiesCorrect = 0
    public var fragments = 0
    public var hasQuotes = true

    public init() {}

    static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
    public var quotePrecision: Double { Self.ratio(quotesRightStrict, quoteAnswers) }
    public var quoteRecall: Double { Self.ratio(quotesRightStrict, goldQuotes) }
    public var quotePrecisionLenient: Double { Self.ratio(quotesRightLenient, quoteAnswers) }
    public var quoteRecallLenient: Double { Self.ratio(quotesRightLenient, goldQuotes) }
    public var entityFound: Double { Self.ratio(entitiesFound, goldEntities) }
    public var entityKind: Double { Self.ratio(entitiesRightKind, goldEntities) }
    public var entityPrecision: Double { Self.ratio(systemEntitiesCorrect, systemEntities) }
}

/// Scores a system against the hand annotation (rules in eval/README.md).
public enum Scorer {
    /// Lowercase, one kind of apostrophe and quote, single spaces, no possessive.
    public static func norm(_ s: String) -> String {
        var t = s.lowercased()
        t = t.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
            .replacingOccurrences(of: "“", with: "\"").replacingOccurrences(of: "”", with: "\"")
        t = t.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        if t.hasSuffix("'s") { t.removeLast(2) }
        if t.hasPrefix("the ") { t.removeFirst(4) }
        while let l = t.last, ".,;:".contains(l), !(t.filter { $0 == "." }.count > 1) { t.removeLast() }
        return t
    }

    static func quoteKey(_ s: String) -> String {
        norm(s).filter { $0.isLetter || $0.isNumber || $0 == " " }
            .split(separator: " ").joined(separator: " ")
    }

    /// Mentions of the gold entities in `body`: each occurrence of a form, longest form first, at word boundaries.
    public static func countMentions(_ gold: GoldArticle, body: String) -> Int {
        let forms = gold.entities.flatMap(\.forms).sorted { $0.count > $1.count }
        var taken = [Bool](repeating: false, count: body.utf8.count)
        let bytes = Array(body.utf8)
        var n = 0
        func isWordByte(_ b: UInt8) -> Bool { b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) }
        for f in forms {
            let fb = Array(f.utf8)
            guard !fb.isEmpty, fb.count <= bytes.count else { continue }
            var i = 0
            while i + fb.count <= bytes.count {
                if bytes[i] == fb[0], Array(bytes[i..<(i + fb.count)]) == fb,
                   i == 0 || !isWordByte(bytes[i - 1]) || !isWordByte(fb[0]),
                   i + fb.count == bytes.count || !isWordByte(bytes[i + fb.count]) || !isWordByte(fb[fb.count - 1]),
                   !taken[i..<(i + fb.count)].contains(true) {
                    for k in i..<(i + fb.count) { taken[k] = true }
                    n += 1
                    i += fb.count
                } else { i += 1 }
            }
        }
        return n
    }

    /// Scores one article's system output against its gold annotation.
    public static func score(gold: GoldArticle, system: SystemArticle, body: String?, into s: inout Scores) {
        s.articles += 1
        s.goldEntities += gold.entities.count
        if let body { s.goldMentions += countMentions(gold, body: body) }
        scoreEntities(gold, system, &s)
        scoreQuotes(gold, system, &s)
    }

    static func scoreEntities(_ gold: GoldArticle, _ system: SystemArticle, _ s: inout Scores) {
        let goldForms = gold.entities.map { Set(($0.forms + [$0.name]).map(norm)) }
        let sysForms = system.entities.map { Set(($0.forms + [$0.name]).map(norm)) }
        var matched = [Bool](repeating: false, count: system.entities.count)
        for (gi, g) in gold.entities.enumerated() {
            let hits = sysForms.indices.filter { !sysForms[$0].isDisjoint(with: goldForms[gi]) }
            for h in hits { matched[h] = true }
            guard !hits.isEmpty else { continue }
            s.entitiesFound += 1
            if hits.contains(where: { system.entities[$0].kind == g.kind || system.entities[$0].kind == g.alt_kind }) {
                s.entitiesRightKind += 1
            }
            s.fragments += hits.count - 1
        }
        s.systemEntities += system.entities.count
        s.systemEntitiesCorrect += matched.filter { $0 }.count
    }

    /// Which system quotation each gold quotation is matched to (and the reverse): each gold
    /// quotation takes the first system quotation holding its opening words (or held by
    /// them, for a system quotation cut short).
    public static func match(_ goldTexts: [String], _ systemTexts: [String]) -> (gold: [Int?], system: [Int?]) {
        let goldKeys = goldTexts.map(quoteKey)
        let sysKeys = systemTexts.map(quoteKey)
        var sysTaken = [Int?](repeating: nil, count: sysKeys.count)
        var goldTaken = [Int?](repeating: nil, count: goldKeys.count)
        for (gi, gk) in goldKeys.enumerated() where !gk.isEmpty {
            // a system quotation may hold several gold ones (a quotation over paragraphs is joined)
            if let si = sysKeys.indices.first(where: { sysTaken[$0] == nil && sysKeys[$0].contains(gk) })
                ?? sysKeys.indices.first(where: { sysKeys[$0].contains(gk) })
                ?? sysKeys.indices.first(where: { sysTaken[$0] == nil && sysKeys[$0].split(separator: " ").count >= 2 && gk.hasPrefix(sysKeys[$0]) }) {
                sysTaken[si] = gi; goldTaken[gi] = si
            }
        }
        return (goldTaken, sysTaken)
    }

    static func scoreQuotes(_ gold: GoldArticle, _ system: SystemArticle, _ s: inout Scores) {
        let (goldTaken, sysTaken) = match(gold.quotes.map(\.text), system.quotes.map(\.text))
        let entityByName = Dictionary(gold.entities.map { (norm($0.name), $0) }, uniquingKeysWith: { a, _ in a })
        for (gi, g) in gold.quotes.enumerated() where g.optional != true {
            s.goldQuotes += 1
            guard let si = goldTaken[gi] else { continue }
            s.quotesFound += 1
            let q = system.quotes[si]
            if let name = g.speaker {
                guard q.named, let sp = q.speaker else { continue }   // no answer given: a miss, not a wrong answer
                s.quoteAnswers += 1
                if sameEntity(sp, name, system, entityByName) { s.quotesRightStrict += 1; s.quotesRightLenient += 1 }
                else if let e = entityByName[norm(name)], e.forms.map(norm).contains(norm(sp)) { s.quotesRightLenient += 1 }
            } else {
                // unnamed: right unless the system gives someone's name
                s.quoteAnswers += 1
                if !q.named { s.quotesRightStrict += 1; s.quotesRightLenient += 1 }
            }
        }
        // a named speaker given to text that is no annotated quotation is a wrong answer
        for (si, q) in system.quotes.enumerated() where sysTaken[si] == nil && q.named {
            s.quoteAnswers += 1
        }
    }

    /// Whether the system's speaker is the gold speaker's entity: the same name,
    /// or a system entity (named `sp` corpus-wide, "Donald Trump") that is written
    /// in this article in one of the gold entity's forms ("Trump") and whose name
    /// holds the gold name's last word.
    public static func sameEntity(_ sp: String, _ gold: String, _ system: SystemArticle,
                                  _ entityByName: [String: GoldArticle.Entity]) -> Bool {
        if norm(sp) == norm(gold) { return true }
        guard let g = entityByName[norm(gold)], let last = norm(g.name).split(separator: " ").last,
              norm(sp).split(separator: " ").contains(last),
              let e = system.entities.first(where: { norm($0.name) == norm(sp) }) else { return false }
        let goldForms = Set(g.forms.map(norm))
        return e.forms.contains { goldForms.contains(norm($0)) }
    }

    /// Scores a whole set; `bodies` (by article id) lets mentions be counted.
    public static func score(gold: [GoldArticle], system: SystemOutput, bodies: [String: String]) -> Scores {
        var s = Scores()
        s.hasQuotes = system.hasQuotes
        for g in gold {
            let sys = system.articles[g.id] ?? SystemArticle(entities: [], quotes: [])
            score(gold: g, system: sys, body: bodies[g.id], into: &s)
        }
        return s
    }
}

/// newsq's own quotations and entities for the articles of a corpus.
public enum NewsqSystem {
    public static func output(_ corpus: Corpus) -> SystemOutput {
        let table = corpus.entityTable
        var arts: [String: SystemArticle] = [:]
        for (ai, a) in corpus.articles.enumerated() {
            var forms: [Int: Set<String>] = [:]
            for m in table.byArticle[ai] {
                let mention = table.mentions[m]
                forms[mention.entity, default: []].insert(mention.text)
            }
            let ents = forms.keys.sorted().map { e -> SystemArticle.Entity in
                let ent = table.entities[e]
                return SystemArticle.Entity(name: ent.name, kind: ent.kind.rawValue, forms: Array(forms[e]!).sorted())
            }
            arts[a.id] = SystemArticle(entities: ents, quotes: [])
        }
        for q in corpus.quotes {
            let id = corpus.articles[q.article].id
            arts[id]?.quotes.append(SystemArticle.Quote(text: q.text, speaker: q.speaker, named: q.speakerEntity != nil))
        }
        return SystemOutput(system: "newsq", articles: arts)
    }

    /// Article bodies by id.
    public static func bodies(_ corpus: Corpus) -> [String: String] {
        Dictionary(corpus.articles.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
    }
}
