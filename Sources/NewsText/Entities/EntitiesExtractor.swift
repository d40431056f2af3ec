import Foundation
import NewsStore

/// What kind of named thing an entity is.
public enum EntityKind: String, Sendable {
    case person, org, place
}

/// A named thing found in the corpus, with its forms merged.
public struct Entity: Sendable {
    /// Canonical name: the most frequent full form.
    public var name: String
    public var kind: EntityKind
    /// Other forms it was written in (surname alone, reversed order, acronym).
    public var aliases: [String]
    /// Articles it is mentioned in (corpus indices, ascending).
    public var articles: [Int]
    /// Indices into `EntityTable.mentions`.
    public var mentions: [Int]
}

/// One mention of an entity: where it is and how it was written.
public struct Mention: Sendable {
    public var entity: Int
    public var article: Int
    /// Corpus sentence index.
    public var sentence: Int
    /// Byte range in the article text.
    public var range: Range<Int>
    public var text: String
}

/// The entities and mentions of a corpus.
public struct EntityTable: Sendable {
    public var entities: [Entity] = []
    public var mentions: [Mention] = []
    /// Mentions per article, in text order (indices into `mentions`).
    public var byArticle: [[Int]] = []
}

/// Finds people, organisations and places with rules, precision first.
///
/// Design rules:
/// - Candidates are runs of capitalised words inside a sentence (with `of`,
///   `for`, `and`, `the` allowed inside an organisation's name), split at
///   titles ("Director", "Prime Minister") and acronyms. Sentences in title case
///   (headlines, caption titles) and boilerplate or duplicate paragraphs are skipped.
/// - A capitalised word at the start of a sentence counts only when the same
///   word is seen capitalised inside a sentence somewhere in the corpus.
/// - Kind: a place word at the end ("Strait", "Sea", "County") or the gazetteer
///   makes a place; an organisation word anywhere ("Party", "Ministry", "Times")
///   or the list of news organisations makes an organisation; two to four
///   name-like words make a person only when some mention of that name has
///   evidence: a title or role noun before it ("spokesman Zhao Lijian"), an
///   apposition after it ("Sato, a parliamentarian"), a speech verb next to it
///   ("Mazza said", "said Lo"), a photo credit ("Matt Hall/U.S. Navy"), or a
///   hyphenated romanised given name. One word
///   that is no one's surname in the corpus is a person only after a title or
///   role noun ("spokesman Bannon"); a speech verb alone is not enough there
///   ("Damascus said").
/// - Merging: people by their set of name words (Masahisa Sato = Sato
///   Masahisa); one word alone is the person of that article whose name
///   contains it (never a namesake in another article; else one of its own). Acronyms join the organisation they
///   follow in parentheses, or whose initials they are (LDP = Liberal Democratic
///   Party); organisations merge case-insensitively; places through the gazetteer's aliases.
/// - The learned name tagger (`NameTagger`, when its model is there) adds the
///   names the rules miss and confirms people the rules have no evidence for;
///   see EntitiesTagged.swift. Articles are read in parallel runs.
enum EntitiesExtractor {
    typealias Lex = EntitiesLexicon

    /// How often each word is seen capitalised inside a sentence, and lowercase.
    /// Words are counted by the 64-bit hash of their bytes (`FeatureHash.word`):
    /// no String is built or hashed per word counted.
    struct Vocab {
        var caps = HashMap64()
        var lower = HashMap64()
        /// Seen capitalised inside a sentence.
        func contains(_ w: String) -> Bool { caps.get(FeatureHash.word(w)) != nil }
        /// Written lowercase more often than capitalised: a common word, not a name.
        func mostlyLower(_ w: String) -> Bool {
            let h = FeatureHash.word(w)
            return Int(lower.get(h) ?? 0) > max(2, Int(caps.get(h) ?? 0))
        }
        /// Seen written lowercase at least once.
        func seenLower(_ w: String) -> Bool { lower.get(FeatureHash.word(w)) != nil }
        mutating func countCapitalised(_ h: UInt64) { caps.update(h) { ($0 ?? 0) + 1 } }
        mutating func countLowercase(_ h: UInt64) { lower.update(h) { ($0 ?? 0) + 1 } }
        /// Adds the counts of `other`.
        mutating func add(_ other: Vocab) {
            for (k, n) in zip(other.caps.keys, other.caps.values) where k != 0 { caps.update(k) { ($0 ?? 0) + n } }
            for (k, n) in zip(other.lower.keys, other.lower.values) where k != 0 { lower.update(k) { ($0 ?? 0) + n } }
        }
    }

    /// A candidate before merging.
    struct Candidate {
        var article: Int
        var sentence: Int
        var range: Range<Int>
        var words: [String]
        var surface: String
        var kind: Kind
        var evidence: Bool
        /// Acronym in parentheses right after this candidate.
        var acronymAfter: String?
        /// One word that is mostly written lowercase (not a person on its own).
        var common = false
        /// A title or role noun right before it (enough for one word alone to be a person).
        var strong = false
        /// Found or confirmed by the name tagger (or by another mention of it in the article).
        var tagged = false
        /// Its words lowercased, without final periods, one space between.
        var lowerKey = ""
        enum Kind { case person, org, place, acronym }
    }

    static func extract(_ corpus: Corpus) -> EntityTable {
        extract(corpus, tagger: NameTagger.shared)
    }

    /// The tokens of one article's sentences held for the document-level step at most: far
    /// beyond any news article (a long one has ~10,000), so only a book-sized text is cut.
    static let documentWindowTokens = 200_000

    /// Threads for extraction (2 on the project's machines; `NEWSQ_THREADS`).
    static var threads: Int {
        Int(ProcessInfo.processInfo.environment["NEWSQ_THREADS"] ?? "").map { max(1, $0) }
            ?? max(1, min(2, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// Runs of consecutive articles of about equal text size, `perThread` per thread: many
    /// more runs than threads, so that a thread done early takes another run instead of
    /// waiting for the slowest (runs equal in bytes are not equal in work: names, quotations).
    static func chunks(_ corpus: Corpus, perThread: Int = 8) -> [Range<Int>] {
        let n = corpus.articles.count
        let k = n >= 64 ? threads * perThread : 1
        guard k > 1 else { return [0..<n] }
        let total = corpus.articles.reduce(0) { $0 + $1.text.utf8.count }
        var out: [Range<Int>] = []
        var start = 0, acc = 0
        for (i, a) in corpus.articles.enumerated() {
            acc += a.text.utf8.count
            if acc >= total * (out.count + 1) / k { out.append(start..<(i + 1)); start = i + 1 }
        }
        if start < n { out.append(start..<n) }
        return out
    }

    /// Runs per thread for the passes whose work per article varies most (candidates, quotations).
    static let finePerThread = 32

    /// Runs `body` on each chunk, on up to `threads` threads; results in chunk order.
    static func parallel<T>(_ chunks: [Range<Int>], _ body: (Range<Int>) -> T) -> [T] {
        var out = [T?](repeating: nil, count: chunks.count)
        if chunks.count == 1 { return [body(chunks[0])] }
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: chunks.count) { i in
            let r = body(chunks[i])
            lock.lock(); out[i] = r; lock.unlock()
        }
        return out.map { $0! }
    }

    /// The sentences of article `a` that are read (body and caption paragraphs,
    /// first occurrences, not in title case), with their tokens.
    /// With `capitalsOnly`, sentences without a capital letter are left out
    /// (nothing in them can start a name).
    static func units(_ corpus: Corpus, _ a: Int, _ bytes: [UInt8], capitalsOnly: Bool = false,
                      lowercase: ((Int) -> Void)? = nil, titleCase: ((Int, [EntityToken]) -> Void)? = nil,
                      stop: () -> Bool = { false }, _ each: (Int, [EntityToken]) -> Void) {
        for si in corpus.articles[a].sentences {
            // (every 64 sentences: a book-sized article stops within it)
            if si & 63 == 0, stop() { return }
            let s = corpus.sentences[si]
            let p = corpus.paragraphs[s.paragraph]
            guard p.kind != .boilerplate, !p.duplicate else { continue }
            if capitalsOnly || lowercase != nil, !EntityWords.mayHaveCapitals(bytes, s.range) {
                lowercase?(si)
                continue
            }
            let toks = EntityWords.tokens(bytes, s.range)
            if isTitleCase(toks) { titleCase?(si, toks); continue }
            each(si, toks)
        }
    }

    /// `documentWindow`: the most tokens of one article the document-level step reads at once.
    /// A statement given up (Ctrl-C) stops the passes at the next article or sentence: what they
    /// return then is cut short, and is not kept (`DerivationStop`).
    static func extract(_ corpus: Corpus, tagger: NameTagger?, documentWindow: Int = documentWindowTokens) -> EntityTable {
        let stop = DerivationStop.current
        let parts = chunks(corpus)
        // capitalised words seen inside sentences, counted per run of articles, then summed
        var vocabs = parallel(parts) { r -> Vocab in
            var v = Vocab()
            for a in r {
                if stop() { break }
                let bytes = Array(corpus.articles[a].text.utf8)
                // a sentence without capitals adds its lowercase words only
                let lowercase: (Int) -> Void = { si in
                    EntityWords.lowercaseWordHashes(bytes, corpus.sentences[si].range) { v.countLowercase($0) }
                }
                units(corpus, a, bytes, lowercase: lowercase) { _, toks in
                    for (k, t) in toks.enumerated() where t.isWord {
                        if t.isCapitalized {
                            if k > 0 && !sentenceStart(toks, k) { v.countCapitalised(FeatureHash.word(t.lower)) }
                        } else if let f = t.text.utf8.first, f >= 0x61 && f <= 0x7A {
                            v.countLowercase(FeatureHash.word(t.text))
                        }
                    }
                }
            }
            return v
        }
        var midCaps = vocabs[0]
        for v in vocabs.dropFirst() { midCaps.add(v) }
        // the runs' counts go before the candidates come
        vocabs = []
        HeapTrim.now()
        // candidates: the rules, the tagger's names, then each article's names on their other mentions
        // (in smaller runs than the counts: this pass is where uneven runs would leave a thread idle)
        let found = parallel(chunks(corpus, perThread: finePerThread)) { r -> [Candidate] in
            var out: [Candidate] = []
            // the tagger's buffers, reused by every sentence of the run
            var scratch = NameTagger.Scratch()
            for a in r {
                if stop() { break }
                var sents: [(Int, [EntityToken])] = []
                var cands: [Candidate] = []
                let credits: (Int, [EntityToken]) -> Void = { si, toks in
                    cands += creditCandidates(toks, article: a, sentence: si, midCaps: midCaps)
                }
                var held = 0
                units(corpus, a, Array(corpus.articles[a].text.utf8), capitalsOnly: true, titleCase: credits, stop: stop) { si, toks in
                    var c = candidates(toks, article: a, sentence: si, midCaps: midCaps)
                    if let tagger {
                        c = combine(c, tagger.tag(toks, &scratch), toks, article: a, sentence: si, midCaps: midCaps)
                        sents.append((si, toks))
                        held += toks.count
                    }
                    cands += c
                    // a huge article (a book, a dump) is read as documents of about a megabyte
                    // each, so that its sentences' tokens are not all held at once
                    if held >= documentWindow {
                        out += documentLevel(cands, sents, article: a)
                        cands = []; sents = []; held = 0
                    }
                }
                if tagger != nil { cands = documentLevel(cands, sents, article: a) }
                out += cands
            }
            // kept until merging: without the room the array grew into
            var exact: [Candidate] = []
            exact.reserveCapacity(out.count)
            exact += out
            return exact
        }
        midCaps = Vocab()
        HeapTrim.now()
        return merge(CandidateRuns(consume found), corpus)
    }

    /// The names of a credit or byline in title case ("Matt Hall/U.S. Navy", "Sam YEH/AFP via Getty
    /// Images", "By Keoni Everington, Taiwan News", "Additional reporting by Mercedes Ruehl in
    /// Singapore"): the people credited, the organisations after a slash, and known names; nothing
    /// from other title-case lines (headlines, share buttons).
    static func creditCandidates(_ toks: [EntityToken], article: Int, sentence: Int, midCaps: Vocab) -> [Candidate] {
        func slashAt(_ i: Int) -> Bool {
            i > 0 && i + 1 < toks.count && toks[i].text == "/" && toks[i].range.lowerBound == toks[i - 1].range.upperBound
                && toks[i - 1].isWord && toks[i + 1].isCapitalized
        }
        let hasSlash = toks.indices.contains(where: slashAt)
        let hasBy = toks.indices.contains { toks[$0].lower == "by" && $0 + 1 < toks.count && toks[$0 + 1].isCapitalized }
        guard hasSlash || hasBy else { return [] }
        var out: [Candidate] = []
        for var c in candidates(toks, article: article, sentence: sentence, midCaps: midCaps) {
            guard let k = toks.firstIndex(where: { $0.range.lowerBound == c.range.lowerBound }),
                  let e = toks[k...].firstIndex(where: { $0.range.upperBound >= c.range.upperBound }) else { continue }
            let afterSlash = k > 0 && slashAt(k - 1)
            let afterBy = k > 0 && toks[k - 1].lower == "by"
            // the name before a credit's slash is a person's, after any title ("Specialist 3rd Class Matt Hall")
            if e + 1 < toks.count, slashAt(e + 1), c.kind != .acronym, !afterSlash {
                // up to three name words before the slash (a caption's words may run into it)
                func nameWord(_ t: EntityToken) -> Bool {
                    let l = undotted(t.lower)
                    return t.isCapitalized && !Lex.stop.contains(l) && !Lex.titles.contains(l) && !Lex.orgWords.contains(l)
                        && !Lex.placeWords.contains(l) && Lex.places[l] == nil
                }
                var f = e
                while f - 1 >= k, e - f < 2, nameWord(toks[f - 1]) { f -= 1 }
                let words = (f...e).map { toks[$0].text }
                if words.count >= 2, words.count <= 4 {
                    c.words = words; c.surface = words.joined(separator: " ")
                    c.range = toks[f].range.lowerBound..<toks[e].range.upperBound
                    c.lowerKey = words.map { undotted($0.lowercased()) }.joined(separator: " ")
                    c.kind = .person; c.evidence = true; c.strong = true
                    out.append(c)
                }
                continue
            }
            switch c.kind {
            case .person:
                if afterSlash {
                    if Lex.places[c.lowerKey] != nil { c.kind = .place } else { c.kind = .org }
                    out.append(c)
                } else if afterBy || (e + 1 < toks.count && slashAt(e + 1)) {
                    if c.words.count >= 2 { c.evidence = true; c.strong = true; out.append(c) }
                }
            case .org, .place, .acronym:
                out.append(c)
            }
        }
        return out
    }

    /// A title-case line (headline, caption title): most longer words
    /// capitalised and no final stop, or nearly all of them capitalised.
    /// A run of 40 words or more is no headline but a list (nominees, a line-up), read as a sentence.
    static func isTitleCase(_ toks: [EntityToken]) -> Bool {
        var long = 0, caps = 0, words = 0
        for t in toks where t.isWord { words += 1 }
        if words >= 40 { return false }
        // a line-up: names each with its side in parentheses ("Tom Reid (Ospreys), Ian Marsh (Bath)"), no headline
        var sides = 0
        for k in toks.indices.dropFirst().dropLast() where toks[k - 1].text == "(" && toks[k].isCapitalized {
            var e = k
            while e + 1 < toks.count, toks[e + 1].isCapitalized { e += 1 }
            if e + 1 < toks.count, toks[e + 1].text == ")" { sides += 1 }
        }
        if sides >= 3 { return false }
        for t in toks where t.isWord {
            // four or more characters (bytes, when all ASCII)
            guard t.text.utf8.count >= 4, t.text.utf8.allSatisfy({ $0 < 0x80 }) || t.text.count >= 4 else { continue }
            long += 1
            if t.isCapitalized { caps += 1 }
        }
        guard long >= 3, caps > 0 else { return false }
        let stops = toks.last.map { !$0.isWord && [".", "!", "?", "”", "\""].contains($0.text) } ?? false
        return (!stops && caps * 10 >= long * 7) || (long >= 5 && caps * 10 >= long * 9)
    }

    /// Whether token k starts a sentence or a quotation (its capital says nothing).
    static func sentenceStart(_ toks: [EntityToken], _ k: Int) -> Bool {
        var j = k - 1
        while j >= 0, !toks[j].isWord, ["(", "[", "‘", "'"].contains(toks[j].text) { j -= 1 }
        if j < 0 { return true }
        let p = toks[j]
        if p.isWord { return false }
        // a hyphen standing alone for a dash or a list's bullet ("- Maintenance crews checked")
        if p.text == "-", j == 0 || toks[j - 1].range.upperBound < p.range.lowerBound, p.range.upperBound < toks[k].range.lowerBound { return true }
        return ["“", "\"", ":", "—", "–", ".", "?", "!", "…", "|", "•", "«", "„", "「", "『"].contains(p.text)
    }

    /// Without a final period ("co." -> "co").
    static func undotted(_ s: String) -> String { s.utf8.last == 0x2E ? String(s.dropLast()) : s }

    static func isConnector(_ t: EntityToken) -> Bool { t.isWord && Lex.connectors.contains(t.text) }

    /// A word of letters and digits mixed, lowercase among them, of at least `minBytes` bytes: a
    /// link's code ("I9FTnLuZCH", "QoqqB5tiEI"), never part of a name.
    static func linkCode(_ t: EntityToken, minBytes: Int = 0) -> Bool {
        t.text.utf8.count >= minBytes && t.text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } && t.text.utf8.contains { $0 >= 0x61 && $0 <= 0x7A }
    }

    /// The candidates of one sentence.
    static func candidates(_ toks: [EntityToken], article: Int, sentence: Int, midCaps: Vocab) -> [Candidate] {
        var out: [Candidate] = []
        var k = 0
        while k < toks.count {
            // a party and state tag ("McConnell, R-Ky."): the state
            // (its abbreviation's period kept: "D-N.H." names "N.H."; and a dotted party letter: "D.-Va.")
            if let st = stateOfPartyTag(toks[k]) ?? dottedPartyTag(toks, k) {
                var range = st.range
                let at = st.dotted ? k + 3 : k
                if at + 1 < toks.count, toks[at + 1].text == ".", toks[at + 1].range.lowerBound == range.upperBound,
                   toks[at].text.dropFirst(st.dotted ? 0 : 2).contains(".") {
                    range = range.lowerBound..<toks[at + 1].range.upperBound
                }
                let c0 = Candidate(article: article, sentence: sentence, range: range, words: [st.name],
                                   surface: st.name, kind: .place, evidence: false)
                var c = c0; c.lowerKey = st.name.lowercased()
                out.append(c); k = at + 1; continue
            }
            // an organisation written in lowercase ("dpa")
            // (or a web service written so: "linkedin")
            if toks[k].isWord, !toks[k].isCapitalized, let o = Lex.orgs[toks[k].text], o == toks[k].text || Lex.lowercaseBrands.contains(toks[k].text) {
                var c = Candidate(article: article, sentence: sentence, range: toks[k].range, words: [o],
                                  surface: o, kind: .org, evidence: false)
                c.lowerKey = o
                out.append(c); k += 1; continue
            }
            // a known organisation opening with a lowercase Arabic article ("al Qaeda", "al Shabaab")
            if k + 1 < toks.count, ["al", "el"].contains(toks[k].text), toks[k + 1].isCapitalized,
               let o = Lex.orgs[toks[k].text + " " + toks[k + 1].lower] {
                var c = Candidate(article: article, sentence: sentence, range: toks[k].range.lowerBound..<toks[k + 1].range.upperBound,
                                  words: [o], surface: o, kind: .org, evidence: false)
                c.lowerKey = o.lowercased()
                out.append(c); k += 2; continue
            }
            // an ordinal before an organisation's name ("9th Circuit Court"): kept by classify only there
            let ordinalStart = isOrdinal(toks[k]) && k + 1 < toks.count && toks[k + 1].isCapitalized
            guard ordinalStart || toks[k].isCapitalized, !linkCode(toks[k]) || ordinalStart else { k += 1; continue }
            // the run: capitalised words, connectors between them
            var run: [Int] = [k]
            var j = k + 1
            // a body's name with its remit ("Committee on Foreign Relations") so far
            var remit = false
            // a possessive ends the name, unless an organisation word follows ("Women's University")
            // (or a building word after a saint's name: "St Patrick's Church")
            // (a place's possessive always ends it: "Seoul's Institute for Far Eastern Studies")
            while j < toks.count, !toks[run.last!].possessive
                    || (toks[j].isCapitalized && Lex.orgWords.contains(toks[j].lower) && !possessorIsPlace(run, toks)
                        // (a generic body alone after one possessive word is the possessor's: "Trump's Cabinet")
                        && !(run.count == 1 && Lex.genericAlone.contains(toks[j].lower) && !(j + 1 < toks.count && toks[j + 1].isCapitalized)))
                    || (toks[j].isCapitalized && Lex.placeWords.contains(toks[j].lower) && undotted(toks[run[0]].lower) == "st") {
                if toks[j].isCapitalized, !linkCode(toks[j]) { run.append(j); j += 1; continue }
                // an ampersand between capitalised words joins a firm's name ("Williams & Glyn")
                if toks[j].text == "&", j + 1 < toks.count, toks[j + 1].isCapitalized, !linkCode(toks[j + 1]) {
                    run += [j, j + 1]; j += 2; continue
                }
                // an Arabic article joined to a name word ("Jabhat al-Nusra", "Faylaq ar-Rahman")
                if toks[j].isWord, arabicArticleName(toks[j].text) { run.append(j); j += 1; continue }
                // a body's remit after "on" ("Committee on Foreign Relations"), not the day or month it meets
                // (and its field "in" a domain that is no place: "Committee on Standards in Public Life")
                if toks[j].text == "on" || (remit && toks[j].text == "in"), j + 1 < toks.count,
                   toks[j].text == "in" || Lex.remitBodies.contains(toks[run.last!].lower),
                   toks[j + 1].isCapitalized, !toks[j + 1].isAcronym, !linkCode(toks[j + 1]), !Lex.calendarWords.contains(toks[j + 1].lower),
                   toks[j].text == "on" || (Lex.places[toks[j + 1].lower] == nil && !NameTagger.sharedGazetteer.isPlace(toks[j + 1].lower)) {
                    run += [j, j + 1]; j += 2; remit = true; continue
                }
                if isConnector(toks[j]) {
                    var m = j
                    while m < toks.count, isConnector(toks[m]) { m += 1 }
                    if m < toks.count, toks[m].isCapitalized, m - j <= 2 { run += Array(j...m); j = m + 1; continue }
                }
                break
            }
            // a city and its district after a comma, one name ("Washington, D.C.")
            if j + 1 < toks.count, toks[j].text == ",", toks[j + 1].isAcronym, !toks[run.last!].possessive,
               placeWithDistrict(run, toks[j + 1], toks) {
                run.append(j + 1); j += 2
            }
            // a lowercase organisation word right after ("Liberal Democratic party")
            if j < toks.count, toks[j].isWord, run.count >= 2, !toks[run.last!].possessive,
               ["party", "ministry"].contains(toks[j].text) {
                run.append(j); j += 1
            }
            // a lowercase site word right after a place's name ("Sochi airport", "Korean peninsula",
            // "Hmeymim air base")
            if j < toks.count, toks[j].isWord, !toks[run.last!].possessive, !toks[run.last!].isAcronym {
                if ["airport", "peninsula"].contains(toks[j].text) { run.append(j); j += 1 }
                else if toks[j].text == "air", j + 1 < toks.count, toks[j + 1].text == "base" { run += [j, j + 1]; j += 2 }
            }
            out += pieces(run, toks, article: article, sentence: sentence, midCaps: midCaps)
            k = j
        }
        return out
    }

    /// Splits a run at titles and acronyms and classifies each piece.
    static func pieces(_ run: [Int], _ toks: [EntityToken], article: Int, sentence: Int, midCaps: Vocab) -> [Candidate] {
        var segments: [(idx: [Int], afterTitle: Bool)] = []
        var current: [Int] = []
        var afterTitle = false
        var x = 0
        func flush() { if !current.isEmpty { segments.append((current, afterTitle)) }; current = [] }
        while x < run.count {
            let i = run[x]
            let t = toks[i]
            let l = undotted(t.lower)
            if Lex.titles.contains(l), !(x + 2 == run.count && ["jr", "sr"].contains(undotted(toks[run[x + 1]].lower))) {
                // a title: the words after it are a name only if not an org name ("Foreign Ministry")
                var y = x
                while y < run.count, Lex.titles.contains(undotted(toks[run[y]].lower)) { y += 1 }
                let rest = run[y...].map { toks[$0].lower }
                let weakOnly = run[x..<y].allSatisfy { Lex.weakTitles.contains(toks[$0].lower) }
                // a title whose "of" names its remit, not a body ("White House Chief of Staff Reince Priebus",
                // "Secretary of State Rex Tillerson", "Chief of Defence Staff"): the name after it; the
                // words before are a body's or place's name of their own, or qualify the title
                if y + 2 < run.count, toks[run[y]].lower == "of",
                   let z = [y + 1, y + 2].first(where: { $0 < run.count - 1 && Lex.titleRemits.contains(toks[run[$0]].lower) }),
                   ((y + 1)..<z).allSatisfy({ toks[run[$0]].isCapitalized && !isConnector(toks[run[$0]]) }), run.count - z - 1 <= 4,
                   run[(z + 1)...].allSatisfy({ toks[$0].isCapitalized && !isConnector(toks[$0]) && !Lex.orgWords.contains(toks[$0].lower) }) {
                    if current.count > 1 || current.contains(where: { Lex.places[toks[$0].lower] != nil || Lex.orgs[toks[$0].lower] != nil }) {
                        flush()
                    } else { current = [] }
                    afterTitle = true
                    x = z + 1
                    continue
                }
                // a title of a body ("Assistant Commissioner of the Metropolitan Police", "President of the
                // European Commission"): the body is named after "of (the)"; the words before go with the title
                if !weakOnly, y < run.count, toks[run[y]].lower == "of", rest.contains(where: { Lex.orgWords.contains($0) }) {
                    var z = y + 1
                    while z < run.count, toks[run[z]].lower == "the" { z += 1 }
                    if z < run.count, toks[run[z]].isCapitalized {
                        if current.count > 1 { flush() } else { current = [] }
                        afterTitle = false
                        x = z
                        continue
                    }
                }
                // a title for a country before a name ("Special Envoy for Syria Staffan de Mistura"): the country,
                // then the name after the title
                if !weakOnly, y + 4 <= run.count, ["for", "to"].contains(toks[run[y]].lower) {
                    let one = undotted(toks[run[y + 1]].lower)
                    let countryBits = NameTagger.sharedGazetteer.bits(FeatureHash.word(one)) & Gazetteer.Bit.country
                    let after = run[(y + 2)...]
                    if Lex.places[one] != nil || countryBits != 0, after.count >= 2, after.count <= 4,
                       after.allSatisfy({ toks[$0].isCapitalized || Lex.nameParticles.contains(toks[$0].text) }),
                       !after.contains(where: { Lex.orgWords.contains(toks[$0].lower) || Lex.titles.contains(undotted(toks[$0].lower)) }) {
                        if current.count > 1 { flush() } else { current = [] }
                        segments.append(([run[y + 1]], false))
                        afterTitle = true
                        x = y + 2
                        continue
                    }
                }
                if (weakOnly && rest.contains(where: { Lex.orgWords.contains($0) })) || y == x || rest.isEmpty
                    || rest.first.map({ Lex.orgWords.contains($0) || Lex.connectors.contains($0) }) == true {
                    current.append(i); x += 1; continue
                }
                // one word that only qualifies the title ("Defense Minister", "Finance Secretary") is no name
                if current.count == 1, let w = current.first, !toks[w].isAcronym, !toks[w].possessive,
                   Lex.places[toks[w].lower] == nil, Lex.orgs[toks[w].lower] == nil,
                   !NameTagger.sharedGazetteer.isPlace(toks[w].lower) {
                    current = []
                }
                flush()
                afterTitle = y < run.count
                x = y
                continue
            }
            // an acronym stands apart ("LDP Foreign Affairs Division"), except a country's
            // before an organisation word ("U.S. Navy", "U.S. Coast Guard")
            // (after a "The" too: "The US Department of Justice")
            let countryOrg = Lex.places[undotted(t.lower)] != nil && x + 1 < run.count
                && current.allSatisfy({ toks[$0].lower == "the" || isOrdinal(toks[$0]) })
                && run[(x + 1)...].prefix(3).contains { Lex.orgWords.contains(toks[$0].lower) }
            // nor one before a last organisation word ("ABC News", "RTÉ News")
            // (unless the acronym alone is a known one: "BBC" of "BBC News" stays the BBC)
            // (or before a connector: "BM Bank and VS Bank")
            let acronymOrg = x + 1 < run.count && (x + 2 == run.count || (isConnector(toks[run[x + 2]]) && !t.possessive)
                    // (or before one and a legal form: "HSBC Holdings PLC")
                    || (x + 3 == run.count && Lex.legalForms.contains(undotted(toks[run[x + 2]].lower))))
                && (current.isEmpty || current.last.map { toks[$0].lower == "and" } == true) && Lex.orgWords.contains(toks[run[x + 1]].lower)
                && (Lex.orgs[undotted(t.lower)] == nil || Lex.orgs[undotted(t.lower) + " " + toks[run[x + 1]].lower] != nil)
            // nor a district's at the end of its city's name ("Washington D.C.")
            let placeTail = x + 1 == run.count && x > 0 && placeWithDistrict(Array(run[..<x]), t, toks)
            // nor a generation's numeral after a person's name ("Antonio Trillanes IV", "Henry Ford III")
            let generation = x + 1 == run.count && current.count >= 2 && ["ii", "iii", "iv"].contains(t.lower)
                && current.allSatisfy { toks[$0].isCapitalized && !toks[$0].isAcronym && !Lex.connectors.contains(toks[$0].lower) }
            // nor a firm's legal form at the end of its name ("HSBC Holdings PLC", "Acme Foods LLC")
            let legalForm = x + 1 == run.count && !current.isEmpty && Lex.legalForms.contains(undotted(t.lower))
            if t.isAcronym, run.count > 1, !countryOrg, !acronymOrg, !placeTail, !generation, !legalForm {
                flush()
                segments.append(([i], false))
                afterTitle = false
                x += 1
                continue
            }
            current.append(i)
            x += 1
        }
        flush()
        var out: [Candidate] = []
        for seg in segments {
            for part in splitOrgPerson(seg.idx, toks).flatMap({ splitConnectors($0, toks) }).flatMap({ splitKnownPrefix($0, toks) })
                    .flatMap({ splitKnownOrgs($0, toks) }).flatMap({ splitNameList($0, toks) }).compactMap({ withoutAwardCategory($0, toks) }) {
                if var c = classify(part, toks, afterTitle: seg.afterTitle && part.first == seg.idx.first,
                                    article: article, sentence: sentence, midCaps: midCaps).flatMap(withoutHyphenTail) {
                    // a plus glued to an organisation's name is part of it ("Google+", "Canal+")
                    if c.kind == .org, let l = part.last, toks[l].range.upperBound == c.range.upperBound, l + 1 < toks.count,
                       toks[l + 1].text == "+", toks[l + 1].range.lowerBound == toks[l].range.upperBound {
                        c.range = c.range.lowerBound..<toks[l + 1].range.upperBound
                        c.words[c.words.count - 1] += "+"
                        c.surface += "+"
                        c.lowerKey += "+"
                    }
                    out.append(c)
                }
            }
        }
        return out
    }

    /// Whether the last one to three words of `run` and the acronym `district` after them are a known
    /// place ("Washington D.C.", "In Washington, D.C.").
    static func placeWithDistrict(_ run: [Int], _ district: EntityToken, _ toks: [EntityToken]) -> Bool {
        let words = run.suffix(3).map { undotted(toks[$0].lower) }
        let d = undotted(district.lower)
        for n in 1...max(1, words.count) where n <= words.count {
            if Lex.places[(words.suffix(n) + [d]).joined(separator: " ")] != nil { return true }
        }
        return false
    }

    /// A name followed by an apposition that calls it an organisation ("United for Change, a group
    /// based in Ohio"); `last` is the name's last token.
    static func orgApposition(_ toks: [EntityToken], _ last: Int) -> Bool {
        guard last + 3 < toks.count, toks[last + 1].text == ",", ["a", "an"].contains(toks[last + 2].lower) else { return false }
        return Lex.orgNouns.contains(toks[last + 3].lower) || (last + 4 < toks.count && Lex.orgNouns.contains(toks[last + 4].lower))
    }

    /// A known organisation or place of two words or more glued before a name of
    /// two words or more ("United Nations Matthew Rycroft"): two pieces.
    static func splitKnownPrefix(_ idx: [Int], _ toks: [EntityToken]) -> [[Int]] {
        // a known one-word organisation before a known name ("Reuters White House correspondent")
        if idx.count >= 3, let f = idx.first, let o = Lex.orgs[undotted(toks[f].lower)], !o.contains(" "),
           Lex.orgs[idx.map({ undotted(toks[$0].lower) }).joined(separator: " ")] == nil {
            let rest = idx.dropFirst().map { undotted(toks[$0].lower) }.joined(separator: " ")
            if Lex.orgs[rest] != nil || Lex.places[rest] != nil { return [[f], Array(idx.dropFirst())] }
        }
        // a known one-word organisation before a person's given name or surname, with no punctuation between
        // ("told Reuters Kim felt dizzy"): a news agency's or firm's name never goes on with a person's
        if idx.count == 2, let o = Lex.orgs[undotted(toks[idx[0]].lower)], !o.contains(" "), !toks[idx[0]].possessive,
           Lex.orgs[idx.map({ undotted(toks[$0].lower) }).joined(separator: " ")] == nil, personWord(toks[idx[1]]) {
            return [[idx[0]], [idx[1]]]
        }
        if let n = glueBeforePerson(idx, toks) { return [Array(idx[..<n]), Array(idx[n...])] }
        guard idx.count >= 4 else { return [idx] }
        for n in stride(from: idx.count - 2, through: 2, by: -1) {
            let key = idx[..<n].map { undotted(toks[$0].lower) }.joined(separator: " ")
            if Lex.orgs[key] != nil || Lex.places[key] != nil,
               idx[n...].allSatisfy({ toks[$0].isCapitalized && !Lex.connectors.contains(toks[$0].lower) }) {
                // an organisation's own body keeps its name ("United Nations Security Council"), and so
                // does a place's body ("North Carolina Medical Association") and its site ("Kuala Lumpur
                // International Airport")
                if idx[n...].contains(where: { Lex.orgWords.contains(toks[$0].lower) }) { return [idx] }
                if let l = idx.last, Lex.placeWords.contains(undotted(toks[l].lower)) { return [idx] }
                return [Array(idx[..<n]), Array(idx[n...])]
            }
        }
        return [idx]
    }

    /// A capitalised word the gazetteer knows as a given name or surname, and no list word of an
    /// organisation, place or title.
    static func personWord(_ t: EntityToken) -> Bool {
        let l = undotted(t.lower)
        guard t.isCapitalized, !t.isAcronym, !Lex.stop.contains(l), !Lex.titles.contains(l), !Lex.orgWords.contains(l),
              !Lex.placeWords.contains(l), !Lex.demonyms.contains(l), Lex.places[l] == nil, Lex.orgs[l] == nil else { return false }
        return NameTagger.sharedGazetteer.bits(FeatureHash.word(l)) & (Gazetteer.Bit.firstName | Gazetteer.Bit.lastName) != 0
    }

    /// Where a person's name of two or three words starts after the name of a body or a place it was
    /// run into ("the upper house Council on Arctic and Antarctica Vyacheslav Shtyrov said", "ambassador
    /// in the Islamic Republic Levan Dzhagaryan"): the words before end in an organisation's word, a
    /// form of government or a known place, and the rest is a given name and one or two name words; nil
    /// when there is no such cut.
    static func glueBeforePerson(_ idx: [Int], _ toks: [EntityToken]) -> Int? {
        guard idx.count >= 3 else { return nil }
        for n in max(1, idx.count - 3)...(idx.count - 2) {
            let g = undotted(toks[idx[n]].lower)
            guard givenName(g), personWord(toks[idx[n]]), !toks[idx[n]].possessive,
                  idx[(n + 1)...].allSatisfy({ toks[$0].isCapitalized && !toks[$0].isAcronym && !isConnector(toks[$0]) && !toks[$0].possessive
                      && !Lex.orgWords.contains(undotted(toks[$0].lower)) && !Lex.placeWords.contains(undotted(toks[$0].lower))
                      && !Lex.titles.contains(undotted(toks[$0].lower)) && Lex.places[undotted(toks[$0].lower)] == nil }) else { continue }
            let head = idx[..<n].map { undotted(toks[$0].lower) }
            guard let last = head.last, !isConnector(toks[idx[n - 1]]), !toks[idx[n - 1]].possessive else { continue }
            let gaz = NameTagger.sharedGazetteer
            let kinds = Gazetteer.Bit.country | Gazetteer.Bit.state
            let body = Lex.orgWords.contains(last) || Lex.stateForms.contains(last)
            // (a known place at the end, of one word or two: "Antarctica", "New Mexico"; not a given name: "Jordan")
            // (or a region or city of one word that is no one's name: "Fife", a constituency before its member)
            let bits = gaz.bits(FeatureHash.word(last))
            let region = head.count == 1 && bits & (Gazetteer.Bit.firstName | Gazetteer.Bit.lastName) == 0
                && (gaz.isRegion([last]) || bits & Gazetteer.Bit.city != 0)
            let place = (Lex.places[last] != nil || bits & kinds != 0 || region)
                && bits & Gazetteer.Bit.firstName == 0
                || (head.count >= 2 && Lex.places[head.suffix(2).joined(separator: " ")] != nil)
            if body || place { return n }
        }
        return nil
    }

    /// A list of people's names written without commas ("Anya Reyes Tomas Holt Ida Marsh", a
    /// line-up): four words or more, an even number, a given name at every other word from the
    /// first and none between, no other kind of word: pairs.
    static func splitNameList(_ idx: [Int], _ toks: [EntityToken]) -> [[Int]] {
        guard idx.count >= 4, idx.count % 2 == 0, idx.count <= 16 else { return [idx] }
        // (a name its initials follow in parentheses is one: "Glenn Defense Marine Asia (GDMA)")
        if spelledByAcronymAfter(idx, toks) { return [idx] }
        let gaz = NameTagger.sharedGazetteer
        for (k, i) in idx.enumerated() {
            let l = undotted(toks[i].lower)
            guard toks[i].isCapitalized, !toks[i].isAcronym, !Lex.stop.contains(l), !Lex.titles.contains(l),
                  !Lex.orgWords.contains(l), !Lex.placeWords.contains(l), !Lex.demonyms.contains(l),
                  !Lex.connectors.contains(l) else { return [idx] }
            let bits = gaz.bits(FeatureHash.word(l))
            if k % 2 == 0 { guard bits & Gazetteer.Bit.firstName != 0, Lex.places[l] == nil else { return [idx] } }
            else if bits & Gazetteer.Bit.firstName != 0, bits & Gazetteer.Bit.lastName == 0 { return [idx] }
        }
        return stride(from: 0, to: idx.count, by: 2).map { [idx[$0], idx[$0 + 1]] }
    }

    /// A run without the award category at its end ("Tom Ford Original Screenplay" is Tom Ford; "Best
    /// Supporting Actor" is no name): a category noun after one qualifier or more.
    static func withoutAwardCategory(_ idx: [Int], _ toks: [EntityToken]) -> [Int]? {
        guard idx.count >= 2, let l = idx.last, Lex.awardNouns.contains(undotted(toks[l].lower)) else { return idx }
        var n = idx.count - 1
        while n > 0, Lex.awardModifiers.contains(undotted(toks[idx[n - 1]].lower)) { n -= 1 }
        guard n < idx.count - 1 else { return idx }
        return n == 0 ? nil : Array(idx[..<n])
    }

    /// A run holding two or more known one-word organisations side by side, unpunctuated ("Facebook
    /// Twitter Google+ WhatsApp", a row of share buttons): each its own name, and the words between.
    static func splitKnownOrgs(_ idx: [Int], _ toks: [EntityToken]) -> [[Int]] {
        guard idx.count >= 2 else { return [idx] }
        let lower = idx.map { undotted(toks[$0].lower) }
        // (or one beside a share button's word: "Newsvine Permalink")
        let known = lower.filter({ Lex.orgs[$0] != nil && !$0.contains(" ") }).count
        let buttons = known == 1 && lower.contains { Lex.shareButtons.contains($0) }
        guard Lex.orgs[lower.joined(separator: " ")] == nil, Lex.places[lower.joined(separator: " ")] == nil,
              known >= 2 || (known == 1 && buttons) else { return [idx] }
        var out: [[Int]] = []
        var cur: [Int] = []
        for (k, i) in idx.enumerated() {
            if buttons, Lex.shareButtons.contains(lower[k]) {
                if !cur.isEmpty { out.append(cur); cur = [] }
            } else if Lex.orgs[lower[k]] != nil {
                if !cur.isEmpty { out.append(cur); cur = [] }
                out.append([i])
            } else { cur.append(i) }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// Keeps `of`/`for`/`and`/`the` inside an organisation or place name
    /// ("Bureau of Investigation", "Institute for National Defense and Security
    /// Research", "Food and Agriculture Organization"); splits elsewhere ("Sato and
    /// Otsuka", "Japan and Taiwan").
    static func splitConnectors(_ idx: [Int], _ toks: [EntityToken]) -> [[Int]] {
        guard idx.contains(where: { isConnector(toks[$0]) }) else { return [idx] }
        // a leading "the" is no joint ("The US Department of Justice")
        if idx.count > 2, toks[idx[0]].lower == "the" { return splitConnectors(Array(idx.dropFirst()), toks) }
        // a name an apposition calls an organisation ("United for Change, a group based in Ohio") is one name
        if idx.count <= 6, let f = idx.first, let l = idx.last, !isConnector(toks[f]), !isConnector(toks[l]), orgApposition(toks, l) {
            return [idx]
        }
        let words = idx.map { toks[$0].lower }
        // a state named by its form of government ("Kingdom of Saudi Arabia", "Republic of Korea"): one place
        // (and a court's district: "Southern District of California")
        if stateForm(words) || courtDistrict(words) { return [idx] }
        // a known place whose name holds a joining word ("Trinidad and Tobago", "Bosnia and Herzegovina"): one place
        if words.count >= 3, NameTagger.sharedGazetteer.isPlacePhrase(words) { return [idx] }
        let isName: (String) -> Bool = { Lex.orgWords.contains($0) || Lex.placeWords.contains($0) }
        // two organisations joined by "and" ("Colisee Group and China Merchants Holdings"): the left one
        // complete (ending in an organisation word), the right one of two words or more
        // (or a known organisation or place: "Islamic State and Jabhat al-Nusra")
        if let a = words.firstIndex(of: "and"), a > 1, Lex.orgWords.contains(words[a - 1])
            || Lex.orgs[words[..<a].joined(separator: " ")] != nil || Lex.places[words[..<a].joined(separator: " ")] != nil,
           !words[..<a].contains(where: { Lex.connectors.contains($0) }) {
            let right = Array(idx[(a + 1)...].drop(while: { toks[$0].lower == "the" }))
            if right.count >= 2 || right.first.map({ Lex.places[toks[$0].lower] != nil }) == true {
                return splitConnectors(Array(idx[..<a]), toks) + (right.isEmpty ? [] : splitConnectors(right, toks))
            }
        }
        // two full names of bodies or places joined by "and" ("the Ministry of Defence and the Ministry of
        // Health"): each one on its own
        if let a = joinOfTwoBodies(words) {
            let right = Array(idx[(a + 1)...].drop(while: { toks[$0].lower == "the" }))
            return splitConnectors(Array(idx[..<a]), toks) + splitConnectors(right, toks)
        }
        // a person of an organisation ("Shamsi Ali of the Jamaica Muslim Center"): two or three
        // name words (no organisation, place, nationality or common word among them) before "of"
        if let o = words.firstIndex(of: "of"), o >= 2, o <= 3,
           !words[..<o].contains(where: { isName($0) || Lex.connectors.contains($0) || Lex.demonyms.contains($0) || Lex.stop.contains($0)
                                          || Lex.titles.contains($0) || Lex.places[$0] != nil }),
           words[(o + 1)...].contains(where: { Lex.orgWords.contains($0) }) || courtDistrict(Array(words[(o + 1)...].drop(while: { $0 == "the" }))) {
            let right = Array(idx[(o + 1)...].drop(while: { toks[$0].lower == "the" }))
            return [Array(idx[..<o])] + (right.isEmpty ? [] : [right])
        }
        // a company's name runs to its legal suffix ("Exsun Electronics and Information Technology Inc")
        if let l = words.last, ["inc", "ltd", "llc", "plc", "corp", "co", "gmbh"].contains(undotted(l)), words.count >= 4,
           !words.contains(where: { $0 == "the" }) { return [idx] }
        if let c = words.firstIndex(where: { Lex.connectors.contains($0) }), c > 0, words.contains(where: isName),
           !(words[c] == "and" && c + 1 < words.count && words[c + 1] == "the") {
            let left = words[..<c]
            let lastIsName = words.last.map(isName) ?? false
            // (two one-word bodies joined by "and" are two: "the House and Senate")
            let twoBodies = words[c] == "and" && c == words.count - 2 && c <= 2 && isName(words[c - 1]) && isName(words[c + 1])
            if left.contains(where: isName), !twoBodies { return [idx] }
            // (one word and a body's name: "Food and Drug Administration"; not one word and a place's
            // name, which are two: "Arsenal and Manchester City")
            if words[c] == "and", left.count == 1, let l = words.last, Lex.orgWords.contains(l) { return [idx] }
            if words[c] != "and", lastIsName { return [idx] }
        }
        // a person's name with a lowercase particle inside ("Staffan de Mistura", "Charles de Gaulle"), or two
        // side by side ("Ursula von der Leyen", "Rafael van der Vaart")
        let particles = idx.indices.filter { Lex.nameParticles.contains(toks[idx[$0]].text) }
        if idx.count <= 5, let f = idx.first, let l = idx.last, !isConnector(toks[f]), !isConnector(toks[l]),
           !words.contains(where: isName),
           idx.allSatisfy({ !isConnector(toks[$0]) || (Lex.nameParticles.contains(toks[$0].text)) }),
           particles.count == 1 || (particles.count == 2 && particles[1] == particles[0] + 1) {
            return [idx]
        }
        var parts: [[Int]] = []
        var cur: [Int] = []
        for i in idx {
            if isConnector(toks[i]) { if !cur.isEmpty { parts.append(cur) }; cur = [] } else { cur.append(i) }
        }
        if !cur.isEmpty { parts.append(cur) }
        return parts
    }

    /// The index of an "and" that joins two full names of bodies or places, or nil. News lists two
    /// bodies as "the Ministry of Defence and the Ministry of Health" or "Bank of Spain and Bank of
    /// Italy": the left part is a whole name (it holds a body's or place's noun, or is a known one),
    /// and the right part follows "the" or opens with a body's noun and its "of"/"for". A name
    /// holding "and" itself has neither ("Food and Drug Administration", "Department of Health and
    /// Human Services", "Marks and Spencer", "Trinidad and Tobago").
    static func joinOfTwoBodies(_ words: [String]) -> Int? {
        let isName: (String) -> Bool = { Lex.orgWords.contains($0) || Lex.placeWords.contains($0) }
        let gazetteer = NameTagger.sharedGazetteer
        let known: (ArraySlice<String>) -> Bool = {
            let key = $0.joined(separator: " ")
            if Lex.orgs[key] != nil || Lex.places[key] != nil || gazetteer.isPlacePhrase(Array($0)) { return true }
            return $0.count == 1 && gazetteer.bits(FeatureHash.word(key)) & Gazetteer.Bit.knownOrg != 0
        }
        for a in words.indices where words[a] == "and" && a > 0 && a + 2 < words.count {
            let left = words[..<a]
            guard let l = left.last, !Lex.connectors.contains(l), left.contains(where: isName) || known(left) else { continue }
            let right = words[(a + 1)...].drop(while: { $0 == "the" })
            guard let r = right.first, !Lex.connectors.contains(r), let rl = right.last, !Lex.connectors.contains(rl) else { continue }
            if words[a + 1] == "the", right.contains(where: isName) || known(right) { return a }
            if Lex.orgWords.contains(r), right.count >= 3, ["of", "for"].contains(right[right.startIndex + 1]) { return a }
        }
        return nil
    }

    /// Whether the words of `idx` are spelled by the acronym in parentheses right after them
    /// ("Glenn Defense Marine Asia (GDMA)"; joining words may be left out).
    static func spelledByAcronymAfter(_ idx: [Int], _ toks: [EntityToken]) -> Bool {
        guard let last = idx.last, last + 3 < toks.count, toks[last + 1].text == "(", toks[last + 2].isAcronym,
              toks[last + 3].text == ")" else { return false }
        let acronym = toks[last + 2].text.replacingOccurrences(of: ".", with: "").uppercased()
        let all = idx.compactMap { toks[$0].text.first.map { String($0).uppercased() } }.joined()
        let content = idx.filter { !Lex.connectors.contains(toks[$0].lower) }.compactMap { toks[$0].text.first.map { String($0).uppercased() } }.joined()
        return acronym.count >= 3 && (acronym == all || acronym == content)
    }

    /// "southern district of california": a US federal court's district.
    static func courtDistrict(_ lower: [String]) -> Bool {
        lower.count >= 4 && ["southern", "northern", "eastern", "western", "central", "middle"].contains(lower[0])
            && lower[1] == "district" && lower[2] == "of"
    }

    /// "kingdom of saudi arabia": a form of government, "of" and a known place, nothing else.
    static func stateForm(_ lower: [String]) -> Bool {
        guard lower.count >= 3, Lex.stateForms.contains(lower[0]), lower[1] == "of" else { return false }
        let rest = lower[2...].map(undotted)
        if rest.contains(where: { Lex.connectors.contains($0) }) { return false }
        let key = rest.joined(separator: " ")
        return Lex.places[key] != nil || NameTagger.sharedGazetteer.isPlacePhrase(rest)
            || (rest.count == 1 && NameTagger.sharedGazetteer.isPlace(rest[0]))
    }

    static func classify(_ idx: [Int], _ toks: [EntityToken], afterTitle: Bool, article: Int, sentence: Int,
                         midCaps: Vocab) -> Candidate? {
        var idx = idx
        // an ordinal stays only at the head of an organisation's name ("9th Circuit Court")
        if let f = idx.first, isOrdinal(toks[f]) {
            let last = idx.last.map { toks[$0].lower } ?? ""
            // (its body's word may come before "of": "9th US Circuit Court of Appeals")
            if idx.count < 3 || (!Lex.orgWords.contains(last) && !idx.dropFirst().contains { Lex.orgWords.contains(toks[$0].lower) }) {
                idx.removeFirst()
            }
            if idx.isEmpty { return nil }
        }
        // an uncertain capital at a sentence start: kept when known, seen capitalised
        // inside a sentence, or followed by another capitalised word of the name
        while let f = idx.first, sentenceStart(toks, f) {
            let l = toks[f].lower
            if regionOfPlace(idx.map { undotted(toks[$0].lower) }) { break }
            // (a known place or organisation whose first word is a common one: "New Mexico Sen. Tom Udall")
            if idx.count >= 2 {
                let whole = idx.map { undotted(toks[$0].lower) }
                if Lex.places[whole.joined(separator: " ")] != nil || Lex.orgs[whole.joined(separator: " ")] != nil
                    || NameTagger.sharedGazetteer.isPlacePhrase(whole) { break }
            }
            if Lex.places[l] != nil || Lex.orgs[l] != nil || toks[f].isAcronym { break }
            // a common word the corpus writes lowercase, never capitalised inside a sentence, and no list knows,
            // before a name ("Dubbed Radd-al-Fasaad, the operation", "Asked Sen. Reed"): not part of it
            if idx.count > 1, !midCaps.contains(l), midCaps.seenLower(l),
               NameTagger.sharedGazetteer.bits(FeatureHash.word(l)) & (Gazetteer.Bit.firstName | Gazetteer.Bit.lastName | Gazetteer.Bit.place) == 0,
               !idx.dropFirst().contains(where: { Lex.orgWords.contains(undotted(toks[$0].lower)) || Lex.placeWords.contains(undotted(toks[$0].lower)) }) {
                idx.removeFirst(); continue
            }
            if !Lex.stop.contains(l) && !Lex.demonyms.contains(l) && !midCaps.mostlyLower(l)
                && (midCaps.contains(l) || (idx.count > 1 && toks[idx[1]].isCapitalized)) { break }
            // (a common word opening a name an apposition calls an organisation: "United for Change, a group")
            // (or an adjective opening a body's name of three words or more: "Congressional Hispanic Caucus chairwoman")
            let adjective = (l.hasSuffix("al") || l.hasSuffix("ic") || l.hasSuffix("ary")) && l.utf8.count >= 6 && l != "several"
            if !Lex.stop.contains(l), !Lex.demonyms.contains(l), idx.count >= 2, let e = idx.last,
               orgApposition(toks, e) || (adjective && idx.count >= 3 && toks[idx[1]].isCapitalized && Lex.orgWords.contains(toks[e].lower)) { break }
            idx.removeFirst()
        }
        // leading function words ("The" stays before an organisation: The Japan Times;
        // "South Korea", "Federal Bureau of Investigation" stay whole)
        func known(_ ix: [Int]) -> Bool {
            let k = ix.map { toks[$0].lower }
            let key = k.joined(separator: " ")
            return Lex.places[key] != nil || Lex.orgs[key] != nil || regionOfPlace(k)
                || k.contains { Lex.orgWords.contains($0) } || k.last.map { Lex.placeWords.contains($0) } == true
        }
        while let f = idx.first, isConnector(toks[f]) || Lex.stop.contains(toks[f].lower) && idx.count > 1 && !known(idx)
                && !(undotted(toks[f].lower) == "st" && toks[f].isCapitalized) {
            idx.removeFirst()
        }
        // "the" and a generic word alone ("The Department", "the Committee") is no name
        if idx.count == 2, toks[idx[0]].lower == "the", Lex.genericAlone.contains(undotted(toks[idx[1]].lower)) { return nil }
        // a photo credit's "For"/"By" after its slash ("Niu Yuan / For China Daily")
        if idx.count > 1, let f = idx.first, ["for", "by"].contains(toks[f].lower), f > 0, toks[f - 1].text == "/" { idx.removeFirst() }
        // a trailing capitalised gerund is not a name ("Sarah Smith Speaking")
        if idx.count > 2, let l = idx.last, toks[l].lower.hasSuffix("ing"), toks[l].text.count >= 7, !known(idx) { idx.removeLast() }
        // a leading compound adjective: "Japan-controlled", "U.S.-made"
        if idx.count > 1, let f = idx.first, let dash = toks[f].text.lastIndex(of: "-") {
            let head = toks[f].text[..<dash].lowercased(), tail = toks[f].text[toks[f].text.index(after: dash)...]
            let adjectival: Set<String> = ["based", "owned", "held", "led", "backed", "born", "made", "run", "controlled", "funded", "linked", "allied", "bound"]
            if tail.first?.isLowercase == true, Lex.places[head] != nil || head == head.uppercased() || adjectival.contains(String(tail)) { idx.removeFirst() }
        }
        while let l = idx.last, isConnector(toks[l]) { idx.removeLast() }
        // a day of the week after a name is when, not part of it ("told Fox News Tuesday", "members of
        // Congress Saturday night")
        while idx.count > 1, let l = idx.last, Lex.weekdays.contains(undotted(toks[l].lower)) { idx.removeLast() }
        // nor is a pronoun or article that a lost stop ran into it ("China Daily  He said")
        while idx.count > 1, let l = idx.last, Lex.pronouns.contains(toks[l].lower) { idx.removeLast() }
        // a minister's portfolio glued before the name ("Minister for Finance Michael Noonan")
        if let cut = portfolioCut(idx.map { undotted(toks[$0].lower) }) { idx.removeFirst(cut) }
        guard let first = idx.first, let last = idx.last else { return nil }
        let words = idx.enumerated().map { k, i in toks[i].text + (k + 1 < idx.count ? toks[i].suffix : "") }
        let lower = idx.map { undotted(toks[$0].lower) }
        let key = lower.joined(separator: " ")
        let range = toks[first].range.lowerBound..<toks[last].range.upperBound
        var c = Candidate(article: article, sentence: sentence, range: range, words: words,
                          surface: words.joined(separator: " "), kind: .person, evidence: false)
        c.lowerKey = key
        if last + 3 < toks.count, toks[last + 1].text == "(", toks[last + 2].isAcronym, toks[last + 3].text == ")" {
            c.acronymAfter = toks[last + 2].text
        }
        // a name of three words or more whose initials follow it in parentheses is a body's ("Glenn
        // Defense Marine Asia (GDMA)"): people are not written so
        if idx.count >= 3, spelledByAcronymAfter(idx, toks), Lex.places[key] == nil, !stateForm(lower) {
            c.kind = .org
            return c
        }
        // a federal court's district ("the Southern District of California")
        if courtDistrict(lower) { c.kind = .org; return c }
        // (an event's word inside an organisation's name is no event: "Congressional Budget Office")
        let bodyName = lower.last.map { Lex.orgWords.contains($0) } == true
        if lower.contains(where: { (Lex.notEntityWords.contains($0) && !namedBody(lower)) || (Lex.eventWords.contains($0) && !bodyName) || notANameWord($0) }) || eventName(lower)
            || numberFirst(lower) { return nil }
        if quotedTitle(toks, first, last) || portfolioWord(toks, first, last) || programmeOfBroadcaster(toks, first, lower) { return nil }
        // half of a hyphenated compound ("U.S.-made", "U.S.-Taiwan"): not a mention on its own
        if idx.count == 1 {
            if last + 1 < toks.count, toks[last + 1].text == "-", toks[last + 1].range.lowerBound == toks[last].range.upperBound { return nil }
            if first > 0, toks[first - 1].text == "-", toks[first - 1].range.upperBound == toks[first].range.lowerBound { return nil }
        }
        if idx.count == 1, Lex.genericAlone.contains(key) { return nil }
        if idx.count == 1 && toks[first].isAcronym {
            // a place or org acronym known by itself, else resolved when merging
            if let p = Lex.places[key], key.count <= 4 || key.contains(".") { c.kind = .place; c.surface = p; c.words = [p]; return c }
            // a place name in capitals (a dateline: "BEIRUT, March 1"): five letters or more, a known place
            if key.utf8.count >= 5, !key.contains("."), Lex.orgs[key] == nil,
               Lex.places[key] != nil || NameTagger.sharedGazetteer.bits(FeatureHash.word(key)) & (Gazetteer.Bit.country | Gazetteer.Bit.city | Gazetteer.Bit.state) != 0 {
                let p = Lex.places[key] ?? key.capitalized
                c.kind = .place; c.surface = p; c.words = [p]; return c
            }
            c.kind = .acronym
            // an acronym after an organisation noun ("the self-employed body IPSE", "oil company PDVSA")
            if first > 0, toks[first - 1].isWord, Lex.orgNouns.contains(toks[first - 1].lower), key.count >= 3 { c.kind = .org }
            return c
        }
        // a known place of several words ("West Bank") before the organisation words
        if idx.count >= 2, let p = Lex.places[key] { c.kind = .place; c.surface = p; c.words = [p]; return c }
        // a known organisation of several words ("Islamic State") before the place words
        if idx.count >= 2, let o = Lex.orgs[key] { c.kind = .org; c.surface = o; c.words = [o]; return c }
        // a state named by its form of government ("Kingdom of Saudi Arabia")
        if stateForm(lower) { c.kind = .place; return c }
        // an Irish county ("Co Clare", "Co. Galway"), not a company's "Co"
        if idx.count == 2, irishCounty(toks, first) { c.kind = .place; return c }
        // a place named after its kind word ("Lake Baikal", "Mount Kenya", "Fort Worth")
        if idx.count >= 2, placeHeads.contains(lower[0]), !lower.contains(where: { Lex.orgWords.contains($0) }) { c.kind = .place; return c }
        // a church named by its denomination is an organisation ("the Catholic Church")
        if idx.count >= 2, lower.last == "church", Lex.denominations.contains(lower[lower.count - 2]) { c.kind = .org; return c }
        if let l = lower.last, Lex.placeWords.contains(l), idx.count >= 2 { c.kind = .place; return c }
        // an organisation named by its Arabic head word ("Jabhat al-Nusra", "Jaysh al-Islam")
        if idx.count >= 2, Lex.arabicOrgHeads.contains(lower[0]) { c.kind = .org; return c }
        // a saint's name before a place's ("St Albans"); "St Patrick's Day" is no entity (above)
        if idx.count >= 2, lower[0] == "st", !lower.contains(where: { Lex.orgWords.contains($0) }) { c.kind = .place; return c }
        // a state or city before a party's adjective ("Washington Democratic Senators Ann Cole"): the place
        if idx.count >= 2, let l = lower.last, l == "democratic" || l == "republican" {
            let head = lower.dropLast().joined(separator: " ")
            if Lex.places[head] != nil || NameTagger.sharedGazetteer.isPlacePhrase(Array(lower.dropLast())) {
                let e = idx[idx.count - 2]
                c.words.removeLast(); c.surface = c.words.joined(separator: " ")
                c.range = c.range.lowerBound..<toks[e].range.upperBound; c.lowerKey = head
                if let p = Lex.places[head] { c.surface = p; c.words = [p] }
                c.kind = .place
                return c
            }
        }
        // names joined by an ampersand are a firm's ("Williams & Glyn"); a name with a joining word that an
        // apposition calls an organisation is one ("United for Change, a group")
        if idx.count >= 3, lower.contains("&"), lower.first != "&", lower.last != "&" { c.kind = .org; return c }
        if idx.count >= 3, lower.contains(where: { Lex.connectors.contains($0) }), orgApposition(toks, last) { c.kind = .org; return c }
        if lower.contains(where: { Lex.orgWords.contains($0) }) {
            guard idx.count >= 2 || Lex.orgs[key] != nil else { return nil }
            // (a nationality before a government body stays: "Russian Defense Ministry" is named in full,
            // and "Defense Ministry" in its article is it; see merging)
            c.kind = .org
            return c
        }
        if let p = Lex.places[key] { c.kind = .place; c.surface = p; c.words = [p]; return c }
        if regionOfPlace(lower) { c.kind = .place; return c }
        if let o = Lex.orgs[key], key.count > 4 || (idx.count == 1 && toks[first].text == o) { c.kind = .org; c.surface = o; c.words = [o]; return c }
        // nationality words alone ("North Vietnamese", "Frenchman") are no named thing
        if lower.allSatisfy({ Lex.demonyms.contains($0) || Lex.compass.contains($0) }) { return nil }
        // a person: name-like words only
        let suffixed = idx.count >= 3 && ["jr", "sr"].contains(lower.last!)
        guard idx.count <= 4, lower.enumerated().allSatisfy({ k, w in !Lex.stop.contains(w) && !Lex.demonyms.contains(w)
                && (Lex.places[w] == nil || (suffixed && k > 0)) && (!Lex.titles.contains(w) || (suffixed && k > 0)) }),
              words.enumerated().allSatisfy({ k, w in w.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "?" }
                  // (a middle initial: "George W. Bush")
                  || (k > 0 && k + 1 < words.count && w.utf8.count == 2 && w.utf8.last == 0x2E) }),
              !words.contains(where: { $0.count > 1 && $0 == $0.uppercased() && $0.count > 3 })
        else { return nil }
        // contractions ("I've") and common words ("Asked Questions") are not names, unless a title says so
        if words.contains(where: { w in
            guard let q = w.firstIndex(where: { $0 == "'" || $0 == "’" }) else { return false }
            return !["O", "D", "L"].contains(String(w[..<q]))
        }) { return nil }
        if idx.count == 1, words[0].count < 2 { return nil }
        if !afterTitle, lower.contains(where: { midCaps.mostlyLower($0) }), idx.count > 1 { return nil }
        // a given name and a surname that a lost space glued with a hyphen after a title ("Foreign
        // Minister Sergey-Lavrov"): two words of one name
        // (not after a courtesy title, which a surname follows: "Mr Kara-Murza")
        if idx.count == 1, afterTitle, first > 0, !["mr", "mrs", "ms", "miss", "dr", "mx"].contains(undotted(toks[first - 1].lower)),
           let split = gluedFullName(words[0]) {
            c.words = split; c.surface = split.joined(separator: " "); c.lowerKey = c.surface.lowercased()
        }
        c.evidence = afterTitle || personEvidence(toks, first, last)
        // a city's or country's name of several words with nothing saying it is a person ("Des Moines")
        if !c.evidence, idx.count >= 2, !lower.contains(where: { Lex.connectors.contains($0) }),
           (NameTagger.sharedGazetteer.places.get(FeatureHash.phrase(lower.map(FeatureHash.word))) ?? 0)
            & (Gazetteer.Bit.country | Gazetteer.Bit.city | Gazetteer.Bit.state) != 0 {
            c.kind = .place
            return c
        }
        c.strong = afterTitle || (first > 0 && toks[first - 1].isWord && Lex.roles.contains(toks[first - 1].lower))
        c.common = idx.count == 1 && midCaps.mostlyLower(lower[0])
        return c
    }

    /// A body's name, whose words may be a document's or event's ("Harvard Law School", "Institute for
    /// National Security Strategy", "Council on Foreign Policy"): it ends in an organisation's word, or
    /// opens with one and a joining word.
    static func namedBody(_ lower: [String]) -> Bool {
        // (not two names joined: "the Partnership for Peace and the Euro-Atlantic Council")
        guard lower.count >= 2, !zip(lower, lower.dropFirst()).contains(where: { $0 == "and" && $1 == "the" }) else { return false }
        if let l = lower.last, Lex.orgWords.contains(l), !Lex.notEntityWords.contains(l) { return true }
        return lower.count >= 3 && Lex.orgWords.contains(lower[0]) && ["of", "for", "on"].contains(lower[1])
    }

    /// "Sergey-Lavrov" as ["Sergey", "Lavrov"]: a given name (no surname, no place) hyphened to a
    /// word that is no given name nor place, both capitalised, three letters or more; nil for a double
    /// name ("Taylor-Joy") or a romanised given name ("Chih-cheng").
    static func gluedFullName(_ w: String) -> [String]? {
        let parts = w.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count >= 3 && $0.first?.isUppercase == true }) else { return nil }
        let gaz = NameTagger.sharedGazetteer
        let a = gaz.bits(FeatureHash.word(parts[0].lowercased())), b = gaz.bits(FeatureHash.word(parts[1].lowercased()))
        guard givenName(parts[0].lowercased()), a & Gazetteer.Bit.lastName == 0,
              b & (Gazetteer.Bit.firstName | Gazetteer.Bit.place) == 0, Lex.places[parts[1].lowercased()] == nil else { return nil }
        return parts.map(String.init)
    }

    /// "9th", "21st", "3rd".
    static func isOrdinal(_ t: EntityToken) -> Bool {
        let u = t.text.utf8
        guard t.isWord, u.count >= 3, u.count <= 5, let f = u.first, f >= 0x30 && f <= 0x39 else { return false }
        // digits, then st, nd, rd or th (read on the bytes: no copy per token)
        var digits = 0, a: UInt8 = 0, b: UInt8 = 0
        for (i, c) in u.enumerated() {
            if i < u.count - 2 { guard c >= 0x30 && c <= 0x39 else { return false }; digits += 1 }
            else if i == u.count - 2 { a = c } else { b = c }
        }
        return digits >= 1 && ((a == 0x73 && b == 0x74) || (a == 0x6E && b == 0x64) || (a == 0x72 && b == 0x64) || (a == 0x74 && b == 0x68))
    }

    /// Whether the run so far (ending in a possessive) is a known place ("Seoul's", "New York City's").
    static func possessorIsPlace(_ run: [Int], _ toks: [EntityToken]) -> Bool {
        let words = run.map { undotted(toks[$0].lower) }
        if Lex.places[words.joined(separator: " ")] != nil { return true }
        if words.count >= 2, words.last == "city", Lex.places[words.dropLast().joined(separator: " ")] != nil { return true }
        let bits = words.count == 1 ? NameTagger.sharedGazetteer.bits(FeatureHash.word(words[0]))
            : (NameTagger.sharedGazetteer.places.get(FeatureHash.phrase(words.map(FeatureHash.word))) ?? 0)
        return bits & (Gazetteer.Bit.country | Gazetteer.Bit.city | Gazetteer.Bit.state) != 0
    }

    /// A capitalised name that is all a quotation holds: the title of a work ("La La Land"),
    /// not a named thing; unless it has an organisation's or place's word or is a known one.
    static func quotedTitle(_ toks: [EntityToken], _ first: Int, _ last: Int) -> Bool {
        func titleWord(_ t: EntityToken) -> Bool { t.isWord && (t.isCapitalized || Lex.connectors.contains(t.lower) || ["a", "an", "in", "on", "to"].contains(t.lower)) }
        var a = first - 1, b = last + 1
        while a >= 0, a >= first - 4, titleWord(toks[a]) { a -= 1 }
        while b < toks.count, b <= last + 4, titleWord(toks[b]) { b += 1 }
        guard a >= 0, b < toks.count, toks[a].isQuote, toks[b].isQuote, toks[a].text != "”", toks[b].text != "“" else { return false }
        // an outlet or a place in quote marks is still named ("the "Wall Street Journal" reported"), when it is
        // all the quotation holds ("Good Morning America" names no place)
        let lower = (first...last).map { undotted(toks[$0].lower) }
        // (or what it holds besides are joining words and other known names: "Russia and China")
        let others = ((a + 1)..<b).filter { $0 < first || $0 > last }
        let names = others.allSatisfy { i in
            let l = undotted(toks[i].lower)
            return isConnector(toks[i]) || ["a", "an", "in", "on", "to"].contains(toks[i].lower) || Lex.places[l] != nil || Lex.orgs[l] != nil
        }
        if names, lower.contains(where: { Lex.orgWords.contains($0) || Lex.placeWords.contains($0) })
            || Lex.orgs[lower.joined(separator: " ")] != nil || Lex.places[lower.joined(separator: " ")] != nil { return false }
        // a name quoted alone (“Trump”) is still a name: a title has two words or more
        return b - a - 1 >= 2
    }

    /// A name right after a broadcaster's possessive with a joining word inside or a common word first
    /// ("CBS's Face the Nation", "NBC's Meet the Press", "ABC News' This Week"): the title of a programme,
    /// no named thing (people there, "CNN's Jake Tapper", have neither).
    static func programmeOfBroadcaster(_ toks: [EntityToken], _ first: Int, _ lower: [String]) -> Bool {
        guard first > 0, toks[first - 1].possessive, lower.count >= 2, let l0 = lower.first,
              Lex.stop.contains(l0) || lower.dropFirst().contains(where: { Lex.connectors.contains($0) }) else { return false }
        let p = undotted(toks[first - 1].lower)
        let outlet = Lex.broadcasters.contains(p) || (p == "news" && first > 1 && Lex.broadcasters.contains(undotted(toks[first - 2].lower)))
        guard outlet, !givenName(l0), !Lex.titles.contains(l0), !Lex.roles.contains(l0) else { return false }
        let key = lower.joined(separator: " ")
        return Lex.places[key] == nil && Lex.orgs[key] == nil && !NameTagger.sharedGazetteer.isPlacePhrase(lower)
            && !lower.contains(where: { Lex.orgWords.contains($0) && $0 != "nation" && $0 != "press" && $0 != "house" })
    }

    /// A word like "al-Nusra", "ar-Rahman": an Arabic article joined to a capitalised name.
    static func arabicArticleName(_ w: String) -> Bool {
        guard let dash = w.firstIndex(of: "-"), ["al", "ar", "as", "ash", "ad", "an", "at", "az", "el", "ul", "ud"].contains(String(w[..<dash])) else { return false }
        let rest = w[w.index(after: dash)...]
        return rest.count >= 2 && rest.first?.isUppercase == true
    }

    /// The state of a US politician's party tag ("R-Ky.", "D-Conn", "D-N.Y."): its name and where
    /// its abbreviation is written.
    static func stateOfPartyTag(_ t: EntityToken) -> (name: String, range: Range<Int>, dotted: Bool)? {
        guard t.isWord, t.text.utf8.count >= 4, let f = t.text.utf8.first, f == 0x52 || f == 0x44 || f == 0x49,
              t.text.utf8.dropFirst().first == 0x2D else { return nil }
        let abbr = String(t.text.dropFirst(2))
        // (or the state's full name: "D-Delaware")
        let fullNames = Set(Lex.stateAbbreviations.values)
        guard let name = Lex.stateAbbreviations[undotted(abbr.lowercased())] ?? (fullNames.contains(abbr) ? abbr : nil) else { return nil }
        let lo = t.range.lowerBound + 2
        return (name, lo..<t.range.upperBound, false)
    }

    /// A party tag written with a dotted letter ("Tim Kaine (D.-Va.)"): the letter, its period, a
    /// hyphen and the state's abbreviation, each a token of its own, with nothing between.
    static func dottedPartyTag(_ toks: [EntityToken], _ k: Int) -> (name: String, range: Range<Int>, dotted: Bool)? {
        // (read on the bytes first: this is asked of every token)
        guard k + 3 < toks.count, toks[k].range.count == 1, toks[k + 1].range.count == 1, toks[k + 2].range.count == 1,
              let f = toks[k].text.utf8.first, f == 0x44 || f == 0x52 || f == 0x49,
              toks[k + 1].text == ".", toks[k + 2].text == "-",
              toks[k + 3].isCapitalized,
              toks[k + 1].range.lowerBound == toks[k].range.upperBound, toks[k + 2].range.lowerBound == toks[k + 1].range.upperBound,
              toks[k + 3].range.lowerBound == toks[k + 2].range.upperBound,
              let name = Lex.stateAbbreviations[undotted(toks[k + 3].lower)] else { return nil }
        return (name, toks[k + 3].range, true)
    }

    /// A compass word before a known place ("North Korea", "West Pacific", "South Sudan").
    static func regionOfPlace(_ lower: [String]) -> Bool {
        guard lower.count >= 2, Lex.compass.contains(lower[0]) else { return false }
        let rest = Array(lower.dropFirst())
        return Lex.places[rest.joined(separator: " ")] != nil || NameTagger.sharedGazetteer.isPlacePhrase(rest)
    }

    /// A name with lowercase words hyphened to its ends ("Faye Dunaway-mistakenly",
    /// "The-White House", "Donald Trump-signed-legislation"): those words cut off; nil
    /// when nothing of a name is left ("U-turn", "US-made"). A romanised given name
    /// ("Chih-cheng") keeps its hyphen: only common words are cut.
    static func withoutHyphenTail(_ c: Candidate) -> Candidate? {
        var c = c
        func common(_ w: Substring) -> Bool {
            let l = w.lowercased()
            guard let f = w.first, f.isLowercase else { return false }
            return Lex.stop.contains(l) || Lex.speechVerbs.contains(l) || (l.count >= 6 && (l.hasSuffix("ly") || l.hasSuffix("ing") || l.hasSuffix("ed")))
                || ["made", "run", "held", "led", "born", "style", "era", "type", "level", "wide", "free", "like", "turn", "up",
                    "out", "off", "over", "back", "old", "year", "based", "owned", "backed", "linked", "bound"].contains(l)
        }
        // (the hyphen looked for in the bytes: `contains("-")` is Foundation's search, slow per name)
        guard let lastWord = c.words.last, lastWord.utf8.contains(0x2D) else { return trimHead(c).flatMap(stillAName) }
        let parts = lastWord.split(separator: "-", omittingEmptySubsequences: false)
        // one word with a number after its hyphen is a model's or an edition's ("S-400", "Sukhoi-27",
        // "Airshow-2016"); one with a letter or a nationality before a lowercase word is a common compound
        // ("T-shirt", "X-ray", "German-city")
        if c.words.count == 1, parts.count == 2, Lex.orgs[c.lowerKey] == nil {
            if let t = parts.last, !t.isEmpty, t.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return nil }
            if let t = parts.last?.first, t.isLowercase, parts[0].count == 1 || Lex.demonyms.contains(parts[0].lowercased()) { return nil }
        }
        if parts.count >= 2, let cut = parts.indices.dropFirst().first(where: { common(parts[$0]) }) {
            let head = parts[..<cut].joined(separator: "-")
            guard head.count >= 2 || c.words.count > 1 else { return nil }
            // (a known place before a participle of where or by whom is a place used as a modifier, and so
            // a mention of it: "a Singapore-based contractor", "the US-led coalition")
            let participles: Set<String> = ["based", "led", "born", "backed", "owned", "run", "made", "controlled", "funded", "linked", "allied", "bound", "held"]
            let place = Lex.places[undotted(head.lowercased())]
            if c.words.count == 1, head.count >= 2, let place, participles.contains(parts[cut].lowercased()) {
                c.kind = .place
                c.range = c.range.lowerBound..<(c.range.lowerBound + head.utf8.count)
                c.words = [place]; c.surface = place
                c.lowerKey = undotted(head.lowercased())
                return c
            }
            if head.count < 2 || (c.words.count == 1 && (head == head.uppercased() || place != nil)) { return nil }
            let dropped = lastWord.utf8.count - head.utf8.count
            c.words[c.words.count - 1] = head
            c.surface = c.words.joined(separator: " ")
            c.range = c.range.lowerBound..<(c.range.upperBound - dropped)
            c.lowerKey = c.words.map { undotted($0.lowercased()) }.joined(separator: " ")
        }
        return trimHead(c).flatMap(stillAName)

        // what is left after a cut is still a name ("He-said" leaves "He": none)
        func stillAName(_ c: Candidate) -> Candidate? {
            // (the cut may leave an event's name: "Film Festival-by" is "Film Festival")
            let w = c.lowerKey.split(separator: " ").map(String.init)
            if c.words.count > 1, !(w.last.map { Lex.orgWords.contains($0) } ?? false),
               w.contains(where: { Lex.eventWords.contains($0) }) || eventName(w) { return nil }
            guard c.words.count == 1 else { return c }
            let l = undotted(c.words[0].lowercased())
            return Lex.stop.contains(l) || Lex.titles.contains(l) || Lex.genericAlone.contains(l) || Lex.demonyms.contains(l) ? nil : c
        }

        // "The-White House": a function word hyphened before the name
        func trimHead(_ c: Candidate) -> Candidate? {
            var c = c
            guard let firstWord = c.words.first, let dash = firstWord.firstIndex(of: "-") else { return c }
            let head = firstWord[..<dash]
            // (or a title glued to the name by a dash: "Mr-Trump", "President-Donald Trump")
            let restCapital = firstWord[firstWord.index(after: dash)...].first?.isUppercase == true
            // (or a title glued to the name by a dash: "Mr-Trump", "President-Donald Trump"; or a common
            // lowercase word: "leadership-Leo Varadkar", not an Arabic article: "al-Assad")
            let glued = restCapital && head.utf8.count >= 4 && head.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
            guard Lex.stop.contains(head.lowercased()) || (Lex.titles.contains(undotted(head.lowercased())) && restCapital) || glued
            else { return c }
            let rest = String(firstWord[firstWord.index(after: dash)...])
            guard !rest.isEmpty else { return nil }
            let dropped = firstWord.utf8.count - rest.utf8.count
            c.words[0] = rest
            c.surface = c.words.joined(separator: " ")
            c.range = (c.range.lowerBound + dropped)..<c.range.upperBound
            c.lowerKey = c.words.map { undotted($0.lowercased()) }.joined(separator: " ")
            return c
        }
    }

    /// A role noun before, an apposition after, a speech verb next to it, or a romanised given name.
    static func personEvidence(_ toks: [EntityToken], _ first: Int, _ last: Int) -> Bool {
        if first > 0 {
            let p = toks[first - 1]
            if p.isWord, Lex.roles.contains(p.lower) || Lex.speechVerbs.contains(p.lower) { return true }
        }
        if last + 1 < toks.count {
            let n = toks[last + 1]
            if n.isWord, Lex.speechVerbs.contains(n.lower) { return true }
            // a photo credit: "Sebastián Vivallo Oñate/Agencia Makro", "Matt Hall/U.S. Navy"
            if n.text == "/", n.range.lowerBound == toks[last].range.upperBound, last > first,
               first == 0 || toks[first - 1].text != "/",
               last + 2 < toks.count, toks[last + 2].isCapitalized { return true }
            if n.text == "/", last > first, last + 2 < toks.count, ["For", "By"].contains(toks[last + 2].text) { return true }
            if n.text == ",", last + 2 < toks.count {
                let a = toks[last + 2].lower
                if ["a", "an", "the", "another", "who", "chair", "director", "head", "one", "spokesman", "spokeswoman",
                    "spokesperson", "deputy", "former", "senior", "chief"].contains(a) { return true }
                if Lex.roles.contains(a) { return true }
            }
        }
        for k in first...last {
            let w = toks[k].text
            if let dash = w.firstIndex(of: "-"), w.first?.isUppercase == true {
                let tail = w[w.index(after: dash)...]
                if let t = tail.first, t.isLowercase, tail.count <= 6, w[..<dash].count <= 6 { return true }
            }
        }
        return false
    }
}
