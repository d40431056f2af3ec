import Foundation
import NewsStore

/// A direct quotation with its speaker, as found in an article.
public struct Quote: Sendable {
    public var article: Int
    /// Corpus index of the sentence the quotation starts in.
    public var sentence: Int
    /// Corpus index of the paragraph it starts in.
    public var paragraph: Int
    /// Byte range of the quoted words (the first paragraph's part, for quotations over several).
    public var range: Range<Int>
    /// The quoted words (paragraphs of a long quotation joined by a space).
    public var text: String
    /// The speaker: an entity's canonical name, or the words naming an unnamed
    /// speaker ("one of the Taiwanese organisers"); nil when not found.
    public var speaker: String?
    /// The speaker's entity index, when it is one.
    public var speakerEntity: Int?
    /// Whether the speaker is named (an entity); false for a description
    /// ("a police spokesman") or no speaker.
    public var named: Bool { speakerEntity != nil }
    /// The verb that attributes it (said, told, added, quoted, …).
    public var cue: String?
    /// 1-based position among the article's quotations.
    public var n: Int = 0
}

/// Finds direct quotations (curly or straight double quotes) and their speakers.
///
/// Design rules:
/// - Quotations are read in body paragraphs (first occurrences). A paragraph
///   whose quotation is still open at its end, followed by one that opens with
///   a quotation mark, continues it (the news convention for long quotes).
/// - Attribution looks at the same sentence: after the quotation ("…,” Sato
///   said", "…,” said Lo Chih-cheng, a lawmaker", "…,” he told Newsweek") and
///   before it ("Sato said: “…", "he added that “…"). The speaker is the person
///   (else organisation) named next to the speech verb; "he", "she", "him",
///   "the lawmaker" resolve to the last person named earlier in the paragraph,
///   else to the previous quotation's speaker or the last person named before,
///   whichever came later. A lede quoting "a Taiwanese lawmaker" takes the
///   next quoted person when named within five paragraphs.
/// - A quotation with no speech verb in its sentence is kept only when it is a
///   whole sentence of six or more words after another quotation in the same
///   paragraph (it takes that speaker) or continues a quotation; short phrases
///   in quotes without a verb ("2+2", "gray-zone") are scare quotes, not quotations.
enum QuotesExtractor {
    typealias Lex = EntitiesLexicon

    struct Span {
        var open: Int; var content: Range<Int>; var end: Int; var closed: Bool
        /// The mark it opened with: quotations in the marks of other languages (« », „ “,
        /// 「 」, ‹ ›, ‚ ‘) are listed even when no English verb attributes them.
        var mark: Mark = .straight
    }

    /// A statement given up (Ctrl-C) stops it at the next article or paragraph: what it returns
    /// then is cut short, and is not kept (`DerivationStop`).
    static func extract(_ corpus: Corpus) -> [Quote] {
        let table = corpus.entityTable
        let stop = DerivationStop.current
        // articles are independent: runs of them in parallel, joined in order
        let found = EntitiesExtractor.parallel(EntitiesExtractor.chunks(corpus, perThread: EntitiesExtractor.finePerThread)) { r -> [Quote] in
            var out: [Quote] = []
            for ai in r {
                if stop() { break }
                out += extract(article: ai, corpus, table, stop: stop)
            }
            return out
        }
        return Array(found.joined())
    }

    /// The quotations of one article, numbered from 1.
    static func extract(article ai: Int, _ corpus: Corpus, _ table: EntityTable, stop: () -> Bool = { false }) -> [Quote] {
        let b = Array(corpus.articles[ai].text.utf8)
        // the many stretches the rules tokenise are cut from the article's tokens, scanned once
        return EntityWords.reusing(b) { extract(article: ai, b, corpus, table, stop: stop) }
    }

    static func extract(article ai: Int, _ b: [UInt8], _ corpus: Corpus, _ table: EntityTable, stop: () -> Bool = { false }) -> [Quote] {
        let a = corpus.articles[ai]
        var out: [Quote] = []
        let mentions = table.byArticle[ai].map { table.mentions[$0] }
        var state = ArticleState()
        state.subjects = subjects(a, b, corpus, table, mentions)
        state.genders = genders(b, table, mentions)
        for pi in a.paragraphs {
            if pi & 63 == 0, stop() { break }
            let p = corpus.paragraphs[pi]
            guard p.kind == .body, !p.duplicate else { dropPending(&state, &out); continue }
            quotes(in: pi, p, b, corpus, table, mentions, &state, &out, stop: stop)
        }
        dropPending(&state, &out)
        resolveTeaser(ai, a, corpus, table, &out)
        for k in out.indices { out[k].n = k + 1 }
        return out
    }

    /// The number of leading elements of `c` for which `isBefore` holds (it holds
    /// for a prefix of `c`): a binary search.
    static func partition<C: RandomAccessCollection>(_ c: C, _ isBefore: (C.Element) -> Bool) -> Int {
        var lo = 0, hi = c.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if isBefore(c[c.index(c.startIndex, offsetBy: mid)]) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The index of the first mention starting at or after byte `x`.
    static func firstIndex<C: RandomAccessCollection>(_ mentions: C, from x: Int) -> C.Index where C.Element == Mention {
        mentions.index(mentions.startIndex, offsetBy: partition(mentions) { $0.range.lowerBound < x })
    }

    /// What attribution carries from one quotation to the next in an article.
    struct ArticleState {
        /// The last quotation's speaker, entity and byte offset.
        var last: (speaker: String?, entity: Int?, at: Int)?
        /// Index in the output of a quotation still open at the end of its paragraph.
        var carry: Int?
        /// The open quotation has no speaker yet: dropped unless a continuation gives one.
        var pending = false
        /// The people who are the subject of a sentence outside quotation marks
        /// (where the sentence starts, its mention's entity), in text order.
        /// (`entity` is nil for a subject described by a person it is related to: "the father of X".)
        var subjects: [(at: Int, sentenceStart: Int, entity: Int?, description: String?)] = []
        /// The paragraph that ended with an attributed quotation (nothing said after it
        /// but its attribution), whose speaker a quotation opening the next paragraph continues.
        var lastParagraph: (pi: Int, speaker: String?, entity: Int?, cue: String?)?
        /// What the article shows of its people's gender (true: "she"), for "he said"/"she said".
        var genders: [Int: Bool] = [:]
        /// Offices read back to a person no one was introduced with ("the president said" as
        /// Trump): the same office later in the article is the same person.
        var offices: [String: Int] = [:]
    }

    /// The gender the article gives its people: a title ("Mr", "Ms") before a mention, or
    /// the first personal pronoun after it in its clause with no other person between
    /// ("Nyangen Chuol, 30, keeps her children"). A person shown both ways is left out.
    static func genders(_ b: [UInt8], _ table: EntityTable, _ mentions: [Mention]) -> [Int: Bool] {
        var seen: [Int: Bool] = [:], mixed: Set<Int> = []
        func note(_ e: Int, _ female: Bool) {
            if let g = seen[e], g != female { mixed.insert(e) } else { seen[e] = female }
        }
        for (k, m) in mentions.enumerated() where table.entities[m.entity].kind == .person {
            let left = EntityWords.tokens(b, max(0, m.range.lowerBound - 6)..<m.range.lowerBound).filter(\.isWord).last?.lower
            if let t = left {
                if ["mr", "mr.", "sir", "lord", "king", "prince"].contains(t) { note(m.entity, false) }
                if ["mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess"].contains(t) { note(m.entity, true) }
            }
            let stop = min(k + 1 < mentions.count ? mentions[k + 1].range.lowerBound : b.count, m.range.upperBound + 80, b.count)
            guard stop > m.range.upperBound else { continue }
            for t in EntityWords.tokens(b, m.range.upperBound..<stop) {
                if !t.isWord, [".", "?", "!", ";"].contains(t.text) || t.isQuote { break }
                guard t.isWord else { continue }
                if ["he", "his", "him", "himself"].contains(t.lower) { note(m.entity, false); break }
                if ["she", "her", "hers", "herself"].contains(t.lower) { note(m.entity, true); break }
            }
        }
        for e in mixed { seen[e] = nil }
        return seen
    }

    /// For each body sentence, the person it is about: the first person named
    /// outside quotation marks within its first eight words, or next to a
    /// speech verb ("…, Smith said"). These are what "he said" can point back to;
    /// a person named inside a reported clause or a quotation is not.
    static func subjects(_ a: Article, _ b: [UInt8], _ corpus: Corpus, _ table: EntityTable,
                         _ mentions: [Mention]) -> [(at: Int, sentenceStart: Int, entity: Int?, description: String?)] {
        var out: [(at: Int, sentenceStart: Int, entity: Int?, description: String?)] = []
        var quoted: [Range<Int>] = []
        for pi in a.paragraphs where corpus.paragraphs[pi].kind == .body {
            quoted += spans(b, corpus.paragraphs[pi].range).map(\.content)
        }
        // spans in text order, apart: the last one starting at or before x is the only one that can hold it
        func inQuote(_ x: Int) -> Bool {
            let k = partition(quoted) { $0.lowerBound <= x }
            return k > 0 && quoted[k - 1].contains(x)
        }
        var mi = 0
        // (a sentence the splitter left joined at a stop and a hyphen for a lost space, "… race.- He
        // said …", is read as the sentences it holds)
        for sen in a.sentences.flatMap({ pieces(b, corpus.sentences[$0].range) }) {
            while mi < mentions.count, mentions[mi].range.lowerBound < sen.range.lowerBound { mi += 1 }
            let head = EntityWords.tokens(b, sen.range.lowerBound..<min(sen.range.upperBound, sen.range.lowerBound + 200))
            let opening = head.filter { $0.isWord && !inQuote($0.range.lowerBound) }
            // "He entered a partnership with Grant Holmes": the sentence is still about whom "he" was
            if let w = opening.first, ["he", "she", "they"].contains(w.lower) { continue }
            // "An informed source told TASS that …": a described speaker is the subject too
            if let d = describedSubject(Array(opening.prefix(16))) {
                let hasPersonFirst = mentions[mi...].prefix { $0.range.upperBound <= d.at }
                    .contains { table.entities[$0.entity].kind == .person }
                if !hasPersonFirst {
                    out.append((d.at, sen.range.lowerBound, nil, d.text))
                    continue
                }
            }
            // the first speech verb outside quotes: a person named after it ("The mayor said the
            // upheaval around Trump …") is in the reported clause, unless right after it ("said Smith")
            let verb = opening.firstIndex { speechVerbs.contains($0.lower) && !["according", "asked", "asks", "quoted", "calls", "called"].contains($0.lower) }
            func reported(_ m: Mention) -> Bool {
                guard let v = verb, opening[v].range.upperBound <= m.range.lowerBound else { return false }
                // (a stop between is a sentence the splitter missed: "the error.- Trump takes credit")
                let between = EntityWords.tokens(b, opening[v].range.upperBound..<m.range.lowerBound)
                if between.contains(where: { !$0.isWord && [".", "?", "!", ":"].contains($0.text) }) { return false }
                return between.filter(\.isWord).count > 3
            }
            func possessive(_ m: Mention) -> Bool {
                m.range.upperBound + 1 < b.count && (b[m.range.upperBound] == 0x27 || (b[m.range.upperBound] == 0xE2 && m.range.upperBound + 2 < b.count
                    && b[m.range.upperBound + 1] == 0x80 && b[m.range.upperBound + 2] == 0x99))
            }
            // a person followed by a speech verb is the one the sentence is about
            // ("… against him, Yanukovych's attorney Vitaly Serdyuk told TASS")
            var speaker: Mention? = nil
            var k = mi
            var firstPerson = true
            while k < mentions.count, mentions[k].range.upperBound <= sen.range.upperBound {
                let m = mentions[k]; k += 1
                guard table.entities[m.entity].kind == .person, !inQuote(m.range.lowerBound), !possessive(m) else { continue }
                defer { firstPerson = false }
                let after = EntityWords.tokens(b, m.range.upperBound..<min(sen.range.upperBound, m.range.upperBound + 160))
                let near = after.prefix(3).filter(\.isWord).prefix(1)
                // (or, for the first person named, a verb that puts words on something: "Governor Tom
                // Wolf vowed to protect …"; not "Ann Lowe and her lawyer Dan Cole described …")
                if near.contains(where: { (speechVerbs.contains($0.lower) || (firstPerson && characterizing.contains($0.lower))) && $0.lower != "according" }) { speaker = m; break }
                // "Bill Pulver, chief executive of the union, praised the police": the verb past an apposition
                if after.first?.text == ",", let close = after.dropFirst().prefix(16).firstIndex(where: { $0.text == "," || $0.text == "." }),
                   after[close].text == ",", close + 1 < after.count, after[(after.startIndex + 1)..<close].allSatisfy({ $0.isWord || ["(", ")", "-"].contains($0.text) }),
                   speechVerbs.contains(after[close + 1].lower) || characterizing.contains(after[close + 1].lower) { speaker = m; break }
            }
            // "The father of Ziyed Ben Belgacem told …": the sentence is about the father
            func record(_ m: Mention) {
                var lead = EntityWords.tokens(b, sen.range.lowerBound..<m.range.lowerBound).filter(\.isWord)
                // (a first name the mention left out: "The father of Ziyed Ben Belgacem" as "Ben Belgacem")
                var skipped = 0
                while skipped < 2, let l = lead.last, l.isCapitalized, lead.count >= 3 { lead.removeLast(); skipped += 1 }
                if skipped > 0, lead.last?.lower != "of" { lead = EntityWords.tokens(b, sen.range.lowerBound..<m.range.lowerBound).filter(\.isWord) }
                if lead.count >= 2, lead[lead.count - 1].lower == "of",
                   Lex.relationNouns.contains(lead[lead.count - 2].lower) || Lex.personNouns.contains(lead[lead.count - 2].lower),
                   !Lex.roles.contains(lead[lead.count - 2].lower) {
                    let described = String(decoding: b[sen.range.lowerBound..<m.range.upperBound], as: UTF8.self)
                    out.append((m.range.lowerBound, sen.range.lowerBound, nil, described))
                } else {
                    out.append((m.range.lowerBound, sen.range.lowerBound, m.entity, nil))
                }
            }
            if let m = speaker { record(m); continue }
            // "After questions about the leaks, Grey quickly changed his message": past an opening
            // phrase and its comma, the person named first is the subject
            if let w = opening.first, introductoryOpeners.contains(w.lower) {
                // (the sentence's first 200 bytes, scanned once for both)
                let raw = head
                if let c = raw.prefix(40).firstIndex(where: { !$0.isWord && $0.text == "," && !inQuote($0.range.lowerBound) }),
                   c + 1 < raw.count {
                    var j = c + 1
                    while j < raw.count, j - c <= 3, raw[j].isWord, Lex.titles.contains(raw[j].lower) || Lex.roles.contains(raw[j].lower) { j += 1 }
                    if j < raw.count, raw[j].isWord,
                       let m = mentions[mi...].prefix(while: { $0.range.lowerBound <= raw[j].range.lowerBound })
                           .last(where: { $0.range.lowerBound == raw[j].range.lowerBound }),
                       table.entities[m.entity].kind == .person, !possessive(m) {
                        record(m); continue
                    }
                }
            }
            k = mi
            while k < mentions.count, mentions[k].range.upperBound <= sen.range.upperBound {
                let m = mentions[k]; k += 1
                // ("Trump's policies may mean …": a possessive is no subject)
                guard table.entities[m.entity].kind == .person, !inQuote(m.range.lowerBound) else { continue }
                if reported(m) { break }
                var words = 0, inWord = false
                for x in sen.range.lowerBound..<m.range.lowerBound {
                    let space = b[x] == 0x20 || b[x] == 0x0A || b[x] == 0x09
                    if !space && !inWord { words += 1 }
                    inWord = !space
                }
                let near = EntityWords.tokens(b, m.range.upperBound..<min(sen.range.upperBound, m.range.upperBound + 40)).filter(\.isWord).prefix(2)
                let speaks = near.contains { speechVerbs.contains($0.lower) }
                if words <= 8 || speaks { record(m); break }
            }
        }
        return out
    }

    /// Words that open a sentence with a phrase before its subject ("After the vote, Grey
    /// said …", "Speaking on Monday, Lowe …").
    static let introductoryOpeners: Set<String> = ["after", "before", "when", "while", "whilst", "despite", "following",
        "since", "although", "though", "as", "asked", "speaking", "during", "unlike", "like", "having", "given", "once",
        "if", "until", "upon", "amid", "in", "on", "at", "earlier", "later", "last", "for", "with", "without"]

    /// A stretch of a sentence, as `subjects` reads it.
    struct Piece { let range: Range<Int> }

    /// A sentence's range cut after each `.-` (or `?-`, `!-`) before a capital: a stop and a
    /// hyphen left for a lost space end a sentence the splitter did not end.
    static func pieces(_ b: [UInt8], _ r: Range<Int>) -> [Piece] {
        var out: [Piece] = [], start = r.lowerBound, i = r.lowerBound
        while i + 2 < r.upperBound {
            if b[i + 1] == 0x2D, b[i] == 0x2E || b[i] == 0x3F || b[i] == 0x21 {
                var j = i + 2
                while j < r.upperBound, b[j] == 0x20 || b[j] == 0x2D { j += 1 }
                if j < r.upperBound, b[j] >= 0x41 && b[j] <= 0x5A, j > start {
                    out.append(Piece(range: start..<(i + 1))); start = j
                }
                i = j; continue
            }
            i += 1
        }
        out.append(Piece(range: start..<r.upperBound))
        return out
    }

    /// A sentence opening on an unnamed speaker and a speech verb ("In the meantime,
    /// an informed source told TASS …", "A police spokesman said …"): the
    /// description and where it starts.
    static func describedSubject(_ w: [EntityToken]) -> (at: Int, text: String)? {
        guard let d = w.firstIndex(where: { ["a", "an", "one", "another"].contains($0.lower) }), d <= 4 else { return nil }
        // what comes before is a short adverbial ("In the meantime"), not a subject of its own
        if d > 0, !["in", "on", "at", "meanwhile", "later", "earlier", "separately", "however", "but", "and", "also"].contains(w[0].lower) { return nil }
        guard let n = w[d...].prefix(6).indices.first(where: { isSpeakerNoun(w, $0) }) else { return nil }
        guard w[(n + 1)...].prefix(4).contains(where: { speechVerbs.contains($0.lower) && $0.lower != "according" }) else { return nil }
        let text = w[d...n].enumerated().map { k, t in d + k < n ? t.text + t.suffix : t.text }.joined(separator: " ")
        return (w[d].range.lowerBound, text)
    }

    /// Whether `w[k]` is a noun for who speaks ("a Navy official", "one witness"): not
    /// "official" as an adjective before the noun it qualifies ("an official 2013 report",
    /// "official figures"), where a number, a capitalised name or a document follows it.
    static func isSpeakerNoun(_ w: [EntityToken], _ k: Int) -> Bool {
        guard Lex.personNouns.contains(w[k].lower) else { return false }
        guard w[k].lower == "official", k + 1 < w.count, w[k + 1].isWord else { return true }
        let next = w[k + 1]
        // (not a day: "a Pentagon official Monday said" is the official speaking)
        let day = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains(next.lower)
        return !((next.isCapitalized && !day) || next.lower.first?.isNumber == true || documentNouns.contains(next.lower)
            || officialTopics.contains(next.lower))
    }

    /// What "official" qualifies when it is an adjective ("official figures show").
    static let officialTopics: Set<String> = ["figures", "data", "statistics", "estimates", "results", "count", "tally",
        "records", "sources", "documents", "papers", "website", "visit", "residence", "language"]

    /// Quotation spans of a paragraph.
    /// The kind of mark a quotation opened with.
    /// (`reversed`: »…« as German and Danish print it; `single`: ‹…›; `lowSingle`: ‚…‘.)
    enum Mark { case straight, curly, low, guillemet, corner, reversed, single, lowSingle
        /// The marks of other languages than English.
        var isForeign: Bool { ![.straight, .curly].contains(self) }
    }

    /// An opening mark other than the straight quote at `i`: “ « „ 「 『 ‹ ‚ (and its byte length).
    static func opening(_ b: [UInt8], _ i: Int, _ end: Int) -> (Mark, Int)? {
        if b[i] == 0xE2, i + 2 < end, b[i + 1] == 0x80 {
            if b[i + 2] == 0x9C { return (.curly, 3) }
            if b[i + 2] == 0x9E { return (.low, 3) }
            // ‹ and ‚ open only before a letter (a lone ‚ is a comma in a lossy text)
            if b[i + 2] == 0xB9 || (b[i + 2] == 0x9A && i + 3 < end && b[i + 3] != 0x20) {
                return (b[i + 2] == 0xB9 ? .single : .lowSingle, 3)
            }
        }
        if b[i] == 0xC2, i + 1 < end, b[i + 1] == 0xAB { return (.guillemet, 2) }
        if b[i] == 0xE3, i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0x8C || b[i + 2] == 0x8E { return (.corner, 3) }
        return nil
    }

    /// A closing mark other than the straight quote at `i`: ” » 」 』 › (its byte length).
    static func closing(_ b: [UInt8], _ i: Int, _ end: Int) -> Int? {
        if b[i] == 0xE2, i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0x9D || b[i + 2] == 0xBA { return 3 }
        if b[i] == 0xC2, i + 1 < end, b[i + 1] == 0xBB { return 2 }
        if b[i] == 0xE3, i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0x8D || b[i + 2] == 0x8F { return 3 }
        return nil
    }

    static func spans(_ b: [UInt8], _ r: Range<Int>) -> [Span] {
        var out: [Span] = []
        var i = r.lowerBound
        var open: Int? = nil
        var openMark = Mark.straight
        var contentStart = 0
        while i < r.upperBound {
            // `…binge-watching Scandal.   In an interview, Lowe explained, "…`: a run of spaces after
            // a stop is a paragraph break the text lost; a quotation still open ends there, as it
            // would at a paragraph's end (the words after it are outside the marks)
            if let o = open, b[i] == 0x2E || b[i] == 0x3F || b[i] == 0x21, i + 3 < r.upperBound, b[i + 1] == 0x20, b[i + 2] == 0x20 {
                var j = i + 2
                while j < r.upperBound, b[j] == 0x20 { j += 1 }
                if j < r.upperBound, b[j] >= 0x41 && b[j] <= 0x5A {
                    out.append(Span(open: o, content: contentStart..<(i + 1), end: i + 1, closed: false, mark: openMark))
                    open = nil
                    openMark = .straight
                    i = j; continue
                }
            }
            var len = 0
            var isOpen = false, isClose = false
            if b[i] == 0x22 {
                // a straight quote opens before a word and closes after one
                len = 1
                let before = i == r.lowerBound || [0x20, 0x0A, 0x09, 0x28, 0x5B, 0x2D, 0x2F].contains(b[i - 1])
                    || (i >= r.lowerBound + 3 && b[i - 3] == 0xE2 && b[i - 2] == 0x80 && (b[i - 1] == 0x94 || b[i - 1] == 0x93))
                // (a hyphen after it is a space the text lost: `the ground."- Police said`, `as it was,"-Lowe said`)
                let after = i + 1 >= r.upperBound || [0x20, 0x0A, 0x09, 0x2C, 0x2E, 0x3B, 0x3A, 0x29, 0x3F, 0x21].contains(b[i + 1])
                    || (b[i + 1] == 0x2D && i > r.lowerBound && b[i - 1] != 0x20)
                if i > r.lowerBound, i + 1 < r.upperBound, isLetter(b[i - 1]), isLetter(b[i + 1]) {
                    // between two letters it stands for an apostrophe ("didn"t", text that lost its curly marks)
                    i += 1; continue
                }
                if misdecoded(b, i, r.upperBound) {
                    // `"?` glued to the next word is a curly mark or dash whose bytes were lost
                    // (`said,"?Smith`): it closes an open quotation, else it is a dash or an apostrophe
                    if let o = open {
                        out.append(Span(open: o, content: contentStart..<i, end: i + 2, closed: true, mark: openMark))
                        open = nil
                        openMark = .straight
                    }
                    i += 2; continue
                }
                if open == nil { isOpen = !after || before }
                else if before && !after {
                    // an opening mark while one is open: the news convention for a quotation
                    // running on (a new paragraph opens again without closing the last)
                    if let o = open, i > contentStart {
                        out.append(Span(open: o, content: contentStart..<i, end: i, closed: false, mark: openMark))
                    }
                    isOpen = true
                }
                else { isClose = true }
            }
            else if b[i] == 0xE2, i + 2 < r.upperBound, b[i + 1] == 0x80, b[i + 2] == 0x9C, open != nil, openMark == .low {
                // “ after „ closes the German way („…“)
                len = 3; isClose = true
            }
            else if b[i] == 0xE2, i + 2 < r.upperBound, b[i + 1] == 0x80, b[i + 2] == 0x98 || b[i + 2] == 0x99, open != nil, openMark == .lowSingle {
                // ‘ (or ’) after ‚ closes it (‚…‘); elsewhere ‘ ’ are apostrophes and single quotes, left alone
                len = 3; isClose = true
            }
            else if b[i] == 0xC2, i + 1 < r.upperBound, b[i + 1] == 0xAB, open != nil, openMark == .reversed {
                // « after » closes the reversed way (»…«)
                len = 2; isClose = true
            }
            else if b[i] == 0xC2, i + 1 < r.upperBound, b[i + 1] == 0xBB, open == nil,
                    i + 2 < r.upperBound, b[i + 2] != 0x20 {
                // » with nothing open, before a word, opens (»…«)
                len = 2; isOpen = true; openMark = .reversed
            }
            else if let (mark, n) = opening(b, i, r.upperBound) {
                len = n
                if let o = open, i > contentStart { out.append(Span(open: o, content: contentStart..<i, end: i, closed: false, mark: openMark)) }
                isOpen = true
                openMark = mark
            }
            else if let n = closing(b, i, r.upperBound) { len = n; isClose = open != nil }
            if isOpen { open = i; contentStart = i + len; if b[i] == 0x22 { openMark = .straight } }
            else if isClose, let o = open {
                out.append(Span(open: o, content: contentStart..<i, end: i + len, closed: true, mark: openMark))
                open = nil
                openMark = .straight
            }
            i += max(len, 1)
        }
        if let o = open { out.append(Span(open: o, content: contentStart..<r.upperBound, end: r.upperBound, closed: false, mark: openMark)) }
        return out
    }

    /// Whether the quoted words end a sentence (`."`, `?"`, `!"`).
    static func endsWithStop(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        guard let last = r.last else { return false }
        return b[last] == 0x2E || b[last] == 0x3F || b[last] == 0x21
    }

    /// Sentence ends in a stretch of tokens.
    static func sentenceEnds(_ t: [EntityToken]) -> Int {
        t.indices.filter { k in endsSentence(t, k) }.count
    }

    /// Whether `t[k]` is a stop that ends a sentence: before a capital, a quotation mark or
    /// the end (past hyphens left for lost spaces: "Shaheen said.- Zatulin").
    static func endsSentence(_ t: [EntityToken], _ k: Int) -> Bool {
        guard !t[k].isWord, [".", "?", "!"].contains(t[k].text) else { return false }
        var j = k + 1
        while j < t.count, !t[j].isWord, t[j].text == "-" { j += 1 }
        return j == t.count || t[j].isCapitalized || t[j].isQuote
    }

    /// The sentence just before `end` (the tokens between the last two sentence
    /// ends in `start..<end`), when it quotes nothing.
    static func previousSentence(_ b: [UInt8], _ start: Int, _ end: Int) -> [EntityToken]? {
        guard let sentence = sentenceBefore(b, start, end), !sentence.contains(where: \.isQuote) else { return nil }
        return sentence.count >= 3 ? Array(sentence) : nil
    }

    /// The tokens between the last two sentence ends in `start..<end` (at most its last 400 bytes),
    /// quotation marks and all.
    static func sentenceBefore(_ b: [UInt8], _ start: Int, _ end: Int) -> ArraySlice<EntityToken>? {
        let t = EntityWords.tokens(b, max(start, end - 400)..<end)
        guard let cut = lastBoundary(t), cut > 0 else { return nil }
        let from = lastBoundary(Array(t[..<(cut - 1)])) ?? 0
        return t[from..<cut]
    }

    /// Quoted words that name something rather than report speech: after "known as",
    /// "referred to as", "so-called", "nicknamed"; or one or two words used as a
    /// modifier between a determiner and a noun ("some other "irreconcilable" groups").
    static func isName(lead: [EntityToken], trail: [EntityToken], words: Int, endsOpen: Bool, endsStop: Bool = false,
                       sentenceLead: [EntityToken]? = nil) -> Bool {
        let before = lead.filter(\.isWord).suffix(4).map(\.lower)
        var tail = before[...]
        if let l = tail.last, ["the", "a", "an"].contains(l) { tail = tail.dropLast() }
        let t = Array(tail)
        if let l = t.last, ["so-called", "nicknamed", "titled", "entitled", "dubbed"].contains(l) { return true }
        // a gloss of a name or a word: `(The name means "rent a girlfriend".)`, "literally "house of
        // the people"", "which translates as "…""
        // (the word right before the mark: not "by all means, "…"")
        if let l = lead.last, l.isWord, ["means", "meaning", "literally"].contains(l.lower),
           !(before.count >= 2 && before[before.count - 2] == "all") { return true }
        if t.count >= 2, t[t.count - 1] == "as", ["known", "referred", "billed", "branded", "translates", "translated"].contains(t[t.count - 2])
            || t.suffix(3).first == "referred" { return true }
        // a work someone made, called by its title: `a book in 2012 called "My Life, and Me"`
        if let l = t.last, ["called", "named"].contains(l), before.dropLast().suffix(3).contains(where: { workNouns.contains($0) }) { return true }
        let possessiveBefore = lead.last.map { $0.isWord && $0.possessive } ?? false
        // (a modifier runs on into its noun: `like a "big firecracker." Police said` ends a sentence)
        // (unless a verb puts the words on someone: "what she describes as a "pretty challenging" time")
        let verbBefore = lead.filter(\.isWord).suffix(8).contains { characterizing.contains($0.lower) && !speechVerbs.contains($0.lower) }
        // (nor in a reported clause, two words or more: "Xi said … a "crushing momentum" against graft
        // has taken shape"; "told CNN he is a "Russian patriot" committed to his cause")
        let reportedSpeech = words >= 2 && !possessiveBefore
            && (sentenceLead ?? lead).contains { $0.isWord && reportingVerbs.contains($0.lower) }
        if words <= 2, !endsOpen, !endsStop, !verbBefore, !reportedSpeech, let l = before.last,
           possessiveBefore || ["the", "a", "an", "some", "other", "its", "their", "his", "her", "our", "this", "these", "those", "any", "such"].contains(l),
           let next = trail.first, next.isWord,
           // (what follows a noun phrase of its own: a preposition, an auxiliary, a conjunction)
           !["and", "or", "but", "in", "of", "to", "for", "at", "on", "by", "with", "from", "as", "that", "than", "is", "was", "are", "were",
             "against", "about", "over", "into", "between", "among", "amid", "across", "after", "before", "during", "toward",
             "towards", "through", "within", "without", "has", "have", "had", "will", "would", "could", "can", "may", "might",
             "should", "must", "which", "who", "when", "where", "because", "if", "while", "since", "until"].contains(next.lower) {
            return true
        }
        return false
    }

    /// Verbs that report a clause of someone's words ("said a "crushing momentum" has taken
    /// shape"), in the past and the present alike ("insisted", "insists").
    static let reportingVerbs: Set<String> = Lex.speechVerbs.subtracting(["according", "asked", "asks", "quoted", "continued", "continues",
        "say", "saying", "adding", "telling", "tweeted", "wrote", "writes"]).union(["believes", "believed", "claims", "stresses"])

    /// Nouns of works known by a title ("a book called "…"", "his film named "…"").
    static let workNouns: Set<String> = ["book", "books", "film", "films", "movie", "song", "songs", "album", "show", "series",
        "play", "novel", "memoir", "documentary", "programme", "program", "exhibition", "podcast", "poem", "painting", "opera",
        "musical", "single", "track", "video", "website", "blog", "column", "game", "app"]

    /// Quoted words that are an item of a list of titles: nothing but capitalised words (or
    /// none) on either side up to the neighbouring quotations, and the words themselves a title
    /// (capitalised, or with no closing stop: "13th", "Hail, Caesar!").
    static func isListItem(_ text: String, _ before: [EntityToken], _ after: [EntityToken]) -> Bool {
        func bare(_ t: [EntityToken]) -> Bool {
            t.count <= 12 && t.allSatisfy { !$0.isWord || $0.isCapitalized || $0.lower.first?.isNumber == true || ["and", "of", "the", "by", "&"].contains($0.lower) }
                && !t.contains { !$0.isWord && [".", ":", ";"].contains($0.text) }
        }
        guard bare(before), bare(after) else { return false }
        var core = text
        while let l = core.last, "!?.,".contains(l) { core.removeLast() }
        return !endsWithStop(Array(text.utf8), 0..<text.utf8.count) || titleLike(core.replacingOccurrences(of: ",", with: ""))
    }

    /// Two to six words, all capitalised but small ones, with no closing stop: a title or a name.
    static func titleLike(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 1, words.count <= 6, let l = text.last, !".?!".contains(l) else { return false }
        let small: Set<String> = ["a", "an", "the", "of", "and", "or", "in", "on", "for", "to", "at", "by", "with"]
        return words.allSatisfy { w in small.contains(w.lowercased()) || w.first?.isUppercase == true }
            && words.contains { $0.first?.isUppercase == true }
    }

    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    /// Whether the straight quote at `i` is the first of `"?`, what text keeps of a
    /// curly closing mark, a dash or an apostrophe after a lossy re-encoding (the
    /// `?` took the place of the mark's last byte and often of the space after it).
    static func misdecoded(_ b: [UInt8], _ i: Int, _ end: Int) -> Bool {
        b[i] == 0x22 && i + 1 < end && b[i + 1] == 0x3F
    }

    /// How far (bytes) an attribution reads before and after a quotation.
    static let reach = 3000

    static func quotes(in pi: Int, _ p: Paragraph, _ b: [UInt8], _ corpus: Corpus, _ table: EntityTable, _ mentions: [Mention],
                       _ state: inout ArticleState, _ out: inout [Quote], stop: () -> Bool = { false }) {
        let ss = spans(b, p.range)
        // what an attribution can see: mentions up to the end of this paragraph
        let visible = mentions[..<firstIndex(mentions, from: p.range.upperBound)]
        let previousParagraph = state.lastParagraph
        state.lastParagraph = nil
        if ss.isEmpty { dropPending(&state, &out); return }
        let pt = ParagraphTokens(b, p.range)
        var prevInParagraph: (speaker: String?, entity: Int?, cue: String?)? = nil
        // the last span of the paragraph kept as a quotation (continuation is measured from it)
        var lastKept: Int? = nil
        for (qi, s) in ss.enumerated() {
            // (a paragraph of a book-sized text stops within it)
            if qi & 63 == 63, stop() { break }
            let content = trimmed(b, s.content)
            guard !content.isEmpty else { continue }
            var text = String(decoding: b[content], as: UTF8.self)
            let hadComma = text.hasSuffix(",")
            if hadComma { text.removeLast() }
            let words = Tokenizer.tokens(text).count
            // a list of quoted titles (`Documentary "13th" "Weiner" Animated film "Moana"`): quoted
            // words between two other quoted spans with only capitalised words between are items
            if qi > 0, qi + 1 < ss.count, words <= 12, isListItem(text, pt.tokens(ss[qi - 1].end..<s.open), pt.tokens(s.end..<ss[qi + 1].open)) {
                continue
            }
            // what comes before, back to the last quotation kept (a title or scare quote
            // in between is part of the sentence: `Schneier, who started "Open Doors", said, "…"`)
            // (bounded: what an attribution reads is within a few sentences, and a paragraph of
            // 200 MB with thousands of scare quotes must cost no scan from its start per quotation)
            // (from the sentence before the quotation's at most, to the sentence after the one it ends in)
            let inSentence = p.sentences.lowerBound + partition(corpus.sentences[p.sentences]) { $0.range.upperBound <= s.open }
            let endSentence = p.sentences.lowerBound + partition(corpus.sentences[p.sentences]) { $0.range.upperBound <= s.end }
            let fromSentence = inSentence - 1 >= p.sentences.lowerBound && inSentence - 1 < p.sentences.upperBound
                ? corpus.sentences[inSentence - 1].range.lowerBound : p.range.lowerBound
            let toSentence = endSentence + 1 < p.sentences.upperBound ? corpus.sentences[endSentence + 1].range.upperBound : p.range.upperBound
            let leadStart = max(lastKept.map { ss[$0].end } ?? p.range.lowerBound, fromSentence, s.open - reach)
            // (past a quoted name right after it: `…," "Die Zeit" newspaper quoted Lowe as saying`)
            let nameNext = qi + 1 < ss.count && ss[qi + 1].closed && ss[qi + 1].open - s.end <= 2
                && b[s.end..<ss[qi + 1].open].allSatisfy { $0 == 0x20 }
                && titleLike(String(decoding: b[trimmed(b, ss[qi + 1].content)], as: UTF8.self))
                && ss[qi + 1].content.count <= 40 && (b[content].last == 0x2C || text.last.map { "?!".contains($0) } == true)
            let nextOpen = qi + 1 < ss.count ? (nameNext ? (qi + 2 < ss.count ? ss[qi + 2].open : p.range.upperBound) : ss[qi + 1].open) : p.range.upperBound
            let trailEnd = min(nextOpen, toSentence, s.end + reach)
            var lead = pt.tokens(leadStart..<s.open)
            var trail = pt.tokens(s.end..<max(s.end, trailEnd))
            let leadCut = lastBoundary(lead)
            let prevEndsSentence = lastKept.map { endsWithStop(b, trimmed(b, ss[$0].content)) } ?? true
            let sameSentenceAsPrevious = lastKept != nil && leadCut == nil && !prevEndsSentence
            if let c = leadCut { lead = Array(lead[c...]) }
            // whether what follows ends its sentence before any other quotation opens
            let trailEndsSentence = qi + 1 == ss.count || firstBoundary(trail) != nil
            if let c = firstBoundary(trail) { trail = Array(trail[..<c]) }
            let startsSentence = lead.allSatisfy { !$0.isWord }
            let endsOpen = text.last.map { ",?!…—-".contains($0) } ?? false
            // (the sentence from its start, past earlier quotations in it)
            let sentenceStart = max(inSentence < p.sentences.upperBound ? corpus.sentences[inSentence].range.lowerBound : leadStart, s.open - reach)
            let context = Context(b: b, table: table, mentions: visible, paragraph: p, quoteStart: s.open, state: state,
                                  sentenceStart: inSentence < p.sentences.upperBound ? corpus.sentences[inSentence].range.lowerBound : nil)
            let sentenceLead = EntityWords.tokens(b, min(sentenceStart, s.open)..<s.open)
            if isName(lead: lead, trail: trail, words: words, endsOpen: endsOpen || hadComma, endsStop: endsWithStop(b, content),
                      sentenceLead: sentenceLead) { continue }
            var found: Attribution? = nil
            let fromTrail = attribution(trail, after: true, context, sentenceEnded: endsWithStop(b, content),
                                        trailEndsSentence: trailEndsSentence)
            let fromLead = attribution(lead, after: false, context)
            if endsOpen || startsSentence { found = fromTrail ?? fromLead } else { found = fromLead ?? fromTrail }
            // `While Lowe called Cole "loyal" and "consistent," Cole said …`: a second fragment joined to
            // the one before by "and" is the same speaker's words (the comma closes the clause, not a quotation)
            if let prev = prevInParagraph, prev.speaker != nil, sameSentenceAsPrevious, words <= 6,
               ["and", "or"].contains(lead.filter(\.isWord).map(\.lower).joined(separator: " ")) {
                found = Attribution(speaker: prev.speaker, entity: prev.entity, cue: prev.cue)
            }
            // `it had expressed "concern" when …, according to the Sunday Times`: the paper is where
            // the report comes from; the words are those of the subject of the verb before them,
            // which was not resolved (no one named, rather than the paper)
            if fromLead == nil, !(endsOpen || startsSentence), let f = found, f.cue == "according to",
               let e = f.entity, table.entities[e].kind == .org,
               let v = lead.last(where: { $0.isWord && (speechVerbs.contains($0.lower) || characterizing.contains($0.lower)) && $0.lower != "according" }),
               lead.filter({ $0.isWord && $0.range.lowerBound > v.range.lowerBound }).count <= 6 {
                found = Attribution(speaker: nil, entity: nil, cue: v.lower)
            }
            // `Warren Beatty stepped up to explain what happened: "…"`: the sentence's subject
            if found == nil, let colon = lead.last, colon.text == ":", lead.filter(\.isWord).count >= 2 {
                var first: [EntityToken] = []
                for tok in lead { if !tok.isWord, [",", ";", "—", "–", "(", ":"].contains(tok.text) { break }; first.append(tok) }
                if let a = speaker(in: first, context, subject: true, firstPerson: true) ?? speaker(in: first, context, subject: true) {
                    found = with(a, "said")
                }
            }
            // `The Church "strongly denied" the claims`: quoted words that are the verb of speech
            // itself belong to the subject before them
            if found == nil, words <= 4, !startsSentence {
                let opening = Tokenizer.tokens(text).prefix(2).map(\.folded)
                if opening.contains(where: { speechVerbs.contains($0) || characterizing.contains($0) }) {
                    var clause: [EntityToken] = []
                    for tok in lead.reversed() {
                        if !tok.isWord, [",", ";", "—", "–", "(", ")", ":"].contains(tok.text) { break }
                        clause.insert(tok, at: 0)
                    }
                    if clause.filter(\.isWord).count <= 8, let a = speaker(in: clause, context, subject: true) { found = with(a, opening.first ?? "said") }
                }
            }
            // a name or title in quotation marks ("La La Land", "Fox and Friends") is no quotation
            // (even next to a verb: `announced "La La Land" as best picture`), unless it is
            // a whole utterance of its own (`"Thank You," he said`)
            if titleLike(text), found == nil || !(startsSentence && (hadComma || endsOpen)) { continue }
            // (a title with the sentence's stop inside the marks, where a noun goes: `told the
            // "Nikkei Weekly."`, `curator of "Machines."`)
            if !startsSentence, text.hasSuffix("."), !text.hasSuffix(".."), titleLike(String(text.dropLast())),
               let l = lead.last, l.isWord, ["the", "of", "in", "on", "at", "from", "to", "by", "for"].contains(l.lower) { continue }
            // `…, Michel Sapin said. "I regret …"`: the sentence before, when it attributes without quoting
            if found == nil, startsSentence, let before = leadCut.map({ _ in previousSentence(b, leadStart, s.open) }) ?? nil,
               let a = attribution(before, after: false, context, adjacent: false), a.speaker != nil {
                found = a
            }

            // a quotation continuing one left open in the paragraph before
            if qi == 0 || !ss[qi - 1].closed, startsSentence, let ci = state.carry {
                out[ci].text += " " + text
                if out[ci].speaker == nil, let f = found, f.speaker != nil {
                    out[ci].speaker = f.speaker; out[ci].speakerEntity = f.entity; out[ci].cue = f.cue
                    state.last = (f.speaker, f.entity, s.open)
                    state.pending = false
                }
                prevInParagraph = (out[ci].speaker, out[ci].speakerEntity, out[ci].cue)
                lastKept = qi
                if s.closed { dropPending(&state, &out) }
                continue
            }
            if let ci = state.carry, state.pending, ci == out.count - 1 { out.removeLast() }
            state.carry = nil; state.pending = false
            // no cue: the previous speaker goes on only when the quotation follows right after
            // the previous one and its attribution (no other sentence between them)
            // (in a paragraph of a few sentences, one sentence between is still the same speaker's turn)
            let between = lastKept.map { s.open - ss[$0].end > reach ? 99 : sentenceEnds(pt.tokens(ss[$0].end..<s.open)) } ?? 99
            // (or two sentences between that name no one else: articles whose paragraphs were run together)
            let otherBetween = between > 2 ? true : lastKept.map { lk in
                visible[firstIndex(visible, from: ss[lk].end)...].prefix { $0.range.lowerBound < s.open }
                    .contains { table.entities[$0.entity].kind == .person && $0.entity != prevInParagraph?.entity }
            } ?? true
            let adjacent = between <= 1 || (between <= 2 && (p.range.count < 1200 || !otherBetween))
            if found == nil, let prev = prevInParagraph, (startsSentence && words >= 6 && adjacent) || sameSentenceAsPrevious {
                found = Attribution(speaker: prev.speaker, entity: prev.entity, cue: prev.cue)
            }
            // a paragraph opening with a quotation right after one that ended with an attributed quotation
            if found == nil, qi == 0, startsSentence, words >= 4, let lp = previousParagraph, lp.pi == pi - 1 {
                found = Attribution(speaker: lp.speaker, entity: lp.entity, cue: lp.cue)
            }
            if found == nil, !s.closed, startsSentence {
                // an open quotation with no verb yet may get one from its continuation
                found = Attribution(speaker: nil, entity: nil, cue: nil)
                state.pending = true
            }
            // a long quotation whose speaker is not found is still a quotation (speaker unknown);
            // short quoted words with no attribution are scare quotes
            if found == nil, words >= 8 { found = Attribution(speaker: nil, entity: nil, cue: nil) }
            // (in the marks of other languages a quotation of a few words is still one: « … », „ … “, 「…」)
            if found == nil, s.mark.isForeign, words >= 3 || (s.mark == .corner && text.count >= 4) {
                found = Attribution(speaker: nil, entity: nil, cue: nil)
            }
            // a few words right after a verb of saying with no speaker found ("Activists welcomed what
            // they called a "landmark decision""): a quotation, its speaker unnamed (not a name given
            // to a thing: "dubbed the equivalent of "two-plus-two" talks", the words a modifier of a noun)
            if found == nil, words <= 8, !startsSentence, lead.filter(\.isWord).suffix(6).contains(where: { w in
                (speechVerbs.contains(w.lower) || characterizing.contains(w.lower))
                    && !["according", "asked", "asks", "dubbed", "branded", "brands", "labelled", "labeled"].contains(w.lower) }),
               trail.first.map({ !$0.isWord || closedClassAfter.contains($0.lower) }) ?? true {
                found = Attribution(speaker: nil, entity: nil, cue: nil)
            }
            guard let attr = found else { continue }
            let sentence = inSentence < p.sentences.upperBound ? inSentence : p.sentences.lowerBound
            out.append(Quote(article: p.article, sentence: sentence, paragraph: pi, range: content, text: text,
                             speaker: attr.speaker, speakerEntity: attr.entity, cue: attr.cue))
            prevInParagraph = (attr.speaker, attr.entity, attr.cue)
            lastKept = qi
            if attr.speaker != nil { state.last = (attr.speaker, attr.entity, s.open) }
            if let o = attr.office, let e = attr.entity, state.offices[o] == nil { state.offices[o] = e }
            state.carry = s.closed ? nil : out.count - 1
        }
        // the paragraph ends with an attributed quotation and at most its attribution after it
        if let last = ss.last, last.closed, let prev = prevInParagraph, prev.speaker != nil,
           sentenceEnds(pt.tokens(last.end..<p.range.upperBound)) <= 1 {
            state.lastParagraph = (pi, prev.speaker, prev.entity, prev.cue)
        }
    }

    /// A lede that quotes "a Taiwanese lawmaker" and names the speaker in the
    /// next paragraphs: the unnamed speaker is the next quoted person, when that
    /// quotation comes within five paragraphs.
    static func resolveTeaser(_ ai: Int, _ a: Article, _ corpus: Corpus, _ table: EntityTable, _ out: inout [Quote]) {
        let mine = out.indices.filter { out[$0].article == ai }
        for (k, qi) in mine.enumerated() {
            guard out[qi].speakerEntity == nil, let s = out[qi].speaker?.lowercased(), s.hasPrefix("a ") || s.hasPrefix("an "),
                  out[qi].paragraph - a.paragraphs.lowerBound < 3, out[qi].sentence - a.sentences.lowerBound < 6 else { continue }
            // ("A rape victim … has defended the comments, saying …": a description opening a sentence
            // is the one the story is about only in its first sentence, "A current bishop said"
            // further on is someone else)
            if out[qi].speaker?.first?.isUppercase == true,
               out[qi].sentence != a.paragraphs.lazy.map({ corpus.paragraphs[$0] }).first(where: { $0.kind == .body })?.sentences.lowerBound { continue }
            guard let next = mine[(k + 1)...].first(where: { out[$0].speakerEntity != nil }),
                  let e = out[next].speakerEntity, table.entities[e].kind == .person,
                  out[next].paragraph - out[qi].paragraph <= 5 else { continue }
            // only when that person is described by the same noun ("a Taiwanese lawmaker" …
            // "Lo Chih-cheng, a DPP lawmaker"): never someone else's name for an unnamed speaker
            guard let head = s.split(separator: " ").last?.lowercased(), head.count > 2 else { continue }
            // (in the sentence of that quotation or the next, where its attribution stands)
            let from = corpus.sentences[out[next].sentence].range.lowerBound
            let to = corpus.sentences[min(out[next].sentence + 1, a.sentences.upperBound - 1)].range.upperBound
            let around = String(decoding: Array(a.text.utf8)[from..<max(from, to)], as: UTF8.self).lowercased()
            guard around.contains(head) else { continue }
            out[qi].speaker = out[next].speaker
            out[qi].speakerEntity = e
        }
    }

    /// Ends a quotation left open: dropped when it never got a speaker.
    static func dropPending(_ state: inout ArticleState, _ out: inout [Quote]) {
        if let ci = state.carry, state.pending, ci == out.count - 1 { out.removeLast() }
        state.carry = nil
        state.pending = false
    }

    static func trimmed(_ b: [UInt8], _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x0A { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x0A { hi -= 1 }
        return lo..<hi
    }

    /// Index just after the last sentence end in `t` (a stop before a capital or quote).
    static func lastBoundary(_ t: [EntityToken]) -> Int? {
        var k = t.count
        while k >= 1 {
            if endsSentence(t, k - 1) { return k }
            k -= 1
        }
        return nil
    }

    /// Index of the first sentence end in `t`.
    static func firstBoundary(_ t: [EntityToken]) -> Int? {
        t.indices.first { endsSentence(t, $0) }
    }

    /// Head nouns of organisations referred back to ("the court said").
    static let orgHeads: Set<String> = ["court", "ministry", "department", "agency", "company", "firm", "party", "council",
        "committee", "commission", "union", "bank", "group", "organisation", "organization", "office", "embassy", "army",
        "military", "navy", "police", "club", "university", "board", "authority", "service", "government", "kremlin",
        "federation", "institute", "association", "foundation", "network", "channel", "newspaper", "paper", "statement",
        "report", "release", "agency's",
        // (documents of research that speak for their authors, left unnamed: "the study says")
        "study", "survey", "analysis", "review"]

    struct Attribution { var speaker: String?; var entity: Int?; var cue: String?
        /// The office it was read from ("president" for "the president said"), for the
        /// article's later mentions of the same office.
        var office: String? = nil
    }

    struct Context {
        var b: [UInt8]
        var table: EntityTable
        /// The article's mentions up to the end of the paragraph, in text order.
        var mentions: ArraySlice<Mention>
        var paragraph: Paragraph
        var quoteStart: Int
        var state: ArticleState
        /// Where the quotation's sentence starts (its subject is what a second verb after "and" shares).
        var sentenceStart: Int? = nil
    }

    /// The speaker named around a speech verb in `t` (after the quotation when `after`).
    /// After a quotation that ends its sentence (`sentenceEnded`: `…."`), a verb
    /// attributes it only near the start of what follows (`…." Smith said`), not a
    /// verb further into the next sentence.
    /// `adjacent` is false for a sentence before the quotation's (its verbs are not next to it).
    static func attribution(_ t: [EntityToken], after: Bool, _ ctx: Context, sentenceEnded: Bool = false,
                            trailEndsSentence: Bool = true, adjacent: Bool = true) -> Attribution? {
        let cues = t.indices.filter { k in
            guard t[k].isWord else { return false }
            let next = k + 1 < t.count ? t[k + 1].lower : ""
            // "a white paper that called for a “sense of crisis”"; "Labour called the climb-down
            // "shocking"" (the quoted words a few words after the verb)
            if ["called", "calls", "calling"].contains(t[k].lower) {
                // (an object of a few words between: "called the move to send a lower level team "unacceptable"")
                return next == "for" || (!after && t[(k + 1)...].filter(\.isWord).count <= 10)
            }
            // "as she put it, "…"": the words are the subject's
            if !after, t[k].lower == "put", next == "it", k >= 2, t[k - 2].lower == "as" || (k >= 3 && t[k - 3].lower == "as") {
                return true
            }
            // (not the passive: "Duterte accused of paying police", "was described as")
            // ("what she describes as "…"": a pronoun before the verb is its subject)
            if !after, characterizing.contains(t[k].lower) {
                let prev = k > 0 ? t[k - 1].lower : ""
                return !["of", "as", "by"].contains(next) || ["he", "she", "they", "we", "i", "who", "it"].contains(prev)
            }
            // "…," reads another Spicer tweet: the words of a tweet or statement someone put out
            if after, ["reads", "read"].contains(t[k].lower), ["a", "an", "the", "another", "one"].contains(next),
               t[(k + 1)...].filter(\.isWord).prefix(4).contains(where: { writtenNouns.contains($0.lower) }) {
                return true
            }
            // (a participle after a determiner modifies a noun: "his alleged victim", "the stated aim")
            if k > 0, t[k - 1].isWord, ["his", "her", "its", "their", "the", "a", "an", "our", "my", "your"].contains(t[k - 1].lower),
               t[k].lower.hasSuffix("ed") { return false }
            return speechVerbs.contains(t[k].lower) && (t[k].lower != "according" || next == "to")
        }
        let ordered = after ? cues : cues.reversed()
        // (a participle that deferred to the verb before it stays the quotation's cue: "…, saying: "…"")
        var deferred: String? = nil
        // (`…." Asked if Grey should resign, Lowe, who stated …, said`: "Asked" opens the next sentence)
        if after, sentenceEnded, t.first(where: \.isWord)?.text == "Asked" { return nil }
        for k in ordered {
            if after {
                // "… said that …" reports other words; "… said:" introduces the next quotation
                let next = t[(k + 1)...].first
                if let n = next, n.lower == "that" || n.text == ":" || n.isQuote { continue }
                // `…." According to police, 20kg of explosives were used`: a sentence of its own opening
                // on its source, a comma, then what that source says (not the quotation's attribution)
                if sentenceEnded, t[k].text == "According", !t[..<k].contains(where: \.isWord),
                   let c = t[(k + 1)...].prefix(10).firstIndex(where: { !$0.isWord && $0.text == "," }),
                   t[(c + 1)...].filter(\.isWord).count >= 3 { continue }
                // "… said it was …": a reported clause of its own follows the verb
                if sentenceEnded, let n = next, n.isWord, ["it", "he", "she", "they", "we", "i", "there", "this"].contains(n.lower),
                   !["told", "tells", "asked", "asks"].contains(t[k].lower) { continue }
                // "…." Cooper said Republican leaders are not at the table: a subject, its verb and a
                // reported clause of its own are a new sentence, not an attribution
                if sentenceEnded, t[..<k].contains(where: \.isWord), !["told", "tells", "asked", "asks"].contains(t[k].lower) {
                    // (past a hyphen left for a lost space: "Lavrov said-Moscow attaches …")
                    // (counted to the sentence's end: "Cooper said Republican leaders, particularly …, aren't")
                    let rest = t[(k + 1)...].drop { !$0.isWord && $0.text == "-" }
                    if let n = rest.first, n.isWord, rest.filter(\.isWord).count >= 4,
                       !["in", "on", "at", "during", "after", "before", "of", "to", "later", "earlier", "yesterday", "today",
                         "last", "this", "when", "while", "as", "from", "with", "about", "afterwards", "recently", "previously",
                         "then", "also", "again", "via", "through", "by", "late", "early", "shortly"].contains(n.lower) { continue }
                }
                if sentenceEnded, reportsClause(t[(k + 1)...]) { continue }
                // (nor a verb of a relative clause in the next sentence: `…." The Democrats join
                // several others, including five who announced their opposition Thursday.`)
                if sentenceEnded, k > 0, t[..<k].filter(\.isWord).count > 4, ["who", "which", "that"].contains(t[k - 1].lower) { continue }
                // (or a verb closing that sentence: `…." Ann Lowe, the director, said.`)
                if sentenceEnded, t[..<k].filter(\.isWord).count > 4,
                   !(trailEndsSentence && t[(k + 1)...].filter(\.isWord).count <= 3) { continue }
            }
            if !after {
                // "Schiff told Ann Lowe, arguing that …": a participle goes with the verb before it
                // (not to an "Asked whether …," opening the sentence: that is the circumstance, not a verb of the subject's)
                // (a verb of saying: "released a statement praising Cole, saying that …" is not deferred to "praising")
                if t[k].lower.hasSuffix("ing"), cues.contains(where: { j in j < k && speechVerbs.contains(t[j].lower) && !(["asked", "asks"].contains(t[j].lower)
                    && (j == 0 || !t[j - 1].isWord || t[j - 1].lower == "when")) }) { deferred = deferred ?? t[k].lower; continue }
                // the verb must be near the quotation
                let wordsBetween = t[(k + 1)...].filter(\.isWord).count
                // (the sentence before, when it attributes: "Lowe told reporters that …, while …. "…"")
                if wordsBetween > (adjacent ? 24 : 50) { continue }
                // "Lowe told police she was followed, but the court heard police treated it as "…"": a
                // clause of its own after ", but" is no longer the verb's
                if adjacent, let c = t[(k + 1)...].indices.first(where: { j in !t[j].isWord && t[j].text == "," && j + 1 < t.count && t[j + 1].lower == "but" }),
                   t[(c + 2)...].filter(\.isWord).count >= 3 { continue }
                // "accused X of a "U-turn"": the words put on someone follow closely
                // (and no clause of its own between: "accused X of breaking a rule that states "…"")
                // ("described the goals for next year - to get back … - as "…"": a long object, then "as")
                // ("called that incident an "attack"": a "that" right after the verb is its object's, no clause)
                let asBefore = t.last(where: \.isWord)?.lower == "as"
                if adjacent, characterizing.contains(t[k].lower), !speechVerbs.contains(t[k].lower),
                   wordsBetween > (asBefore ? 30 : 16) || t[(k + 1)...].dropFirst().contains(where: { ["that", "which"].contains($0.lower) }) { continue }
            }
            let cue = t[k].lower == "according" ? "according to" : t[k].lower
            // "« … », dit-il": the French inversion carries its subject
            if cue.contains("-"), let f = pronounFemale(cue), let a = resolveBack(ctx, female: f) { return with(a, deferred ?? cue) }
            let before = Array(t[..<k])
            var afterVerb = Array(t[(k + 1)...])
            if cue == "according to" { afterVerb = Array(afterVerb.dropFirst()) }
            if let c = afterVerb.firstIndex(where: { !$0.isWord && $0.text != "’" && $0.text != "'" && $0.text != "-" }) { afterVerb = Array(afterVerb[..<c]) }
            // "the paper quoted him as saying": the object speaks
            // ("he quoted Dickens: "…"": without "as saying" the subject recites the words)
            // (a person reciting; a newspaper or agency quoting someone gives that someone's words)
            if cue == "quoted", let o = afterVerb.first, o.isWord, !["as"].contains(o.lower) {
                let reported = ["him", "her", "them"].contains(o.lower) || afterVerb.prefix(8).contains(where: { ["as", "saying"].contains($0.lower) })
                let subjectWords = Array(t[..<k].reversed().prefix { $0.isWord || ![",", ";", "—", "–", "(", ")", ":"].contains($0.text) }.reversed())
                let reciting = !reported && speaker(in: subjectWords, ctx, subject: true).flatMap(\.entity).map { ctx.table.entities[$0].kind == .person } == true
                if !reciting, let a = speaker(in: Array(afterVerb.prefix(4)), ctx, subject: false) { return with(a, deferred ?? cue) }
            }
            if cue == "according to" {
                if let a = speaker(in: Array(afterVerb.prefix(8)), ctx, subject: false) { return with(a, deferred ?? cue) }
                continue
            }
            // (after "told" or "accused", the words that follow are who was spoken to or of)
            let toldSomeone = ["told", "tells", "telling"].contains(cue) || characterizing.contains(cue)
            // the subject before the verb, read by comma-separated segments:
            // "Ann Lowe, of the Nurses Federation, says" (apposition after the name),
            // "the head of the Bar Council, Tom Reid, says" (the name after the role),
            // "The court, which sided with Maduro, said" (a relative clause is skipped)
            var segments: [[EntityToken]] = [[]]
            for tok in before {
                if !tok.isWord, [",", ";", "—", "–", "(", ")"].contains(tok.text) { segments.append([]) } else { segments[segments.count - 1].append(tok) }
            }
            let clause = segments.last ?? []
            let clauseWords = clause.filter(\.isWord)
            // "Xi said, adding that he and Trump had pledged "…"": two people joined by "and" are no
            // one speaker; the verb of saying before them attributes the words
            if !after, cues.contains(where: { $0 < k }), clauseWords.count <= 8,
               let a = clauseWords.firstIndex(where: { $0.lower == "and" }), a > 0, a + 1 < clauseWords.count,
               // (past a hyphen left for a lost space: "adding that-he and Trump")
               clauseWords[a - 1].isCapitalized || pronounFemale(String(clauseWords[a - 1].lower.split(separator: "-").last ?? "")) != nil,
               clauseWords[a + 1].isCapitalized {
                continue
            }
            // "he had a straightforward answer, saying, "…"": a participle after a comma goes with the
            // clause before it, whose subject pronoun is who speaks
            if clauseWords.isEmpty, cue.hasSuffix("ing"), segments.count >= 2,
               let w = segments[segments.count - 2].first(where: \.isWord), let f = pronounFemale(w.lower),
               let a = resolveBack(ctx, female: f) {
                return with(a, deferred ?? cue)
            }
            // "Lowe met Cole and said", "… for the plan but also reiterated that": a second verb joined
            // by "and" or "but" shares the subject of the sentence, not a name in the first verb's object
            // ("The association said …, but added that …, "…"": the earlier verb of saying and its subject)
            if let last = clauseWords.last(where: { !["also", "then", "later", "again", "still", "has", "had", "have"].contains($0.lower) }),
               ["and", "but"].contains(last.lower), clauseWords.count >= 2 || segments.count >= 2,
               // (a relative clause's verbs are its antecedent's: "from Trump, who attacked judges and called")
               !["who", "which", "that", "whose"].contains(clauseWords[0].lower) {
                if !after, let c = t[..<k].lastIndex(where: { $0.range.lowerBound == last.range.lowerBound }),
                   cues.contains(where: { $0 < c }), let a = attribution(Array(t[..<c]), after: false, ctx, adjacent: adjacent) {
                    return with(a, deferred ?? cue)
                }
                let j = partition(ctx.state.subjects) { $0.at < t[k].range.lowerBound }
                if let start = ctx.sentenceStart, j > 0, let e = ctx.state.subjects[j - 1].entity, ctx.state.subjects[j - 1].sentenceStart >= start {
                    return Attribution(speaker: ctx.table.entities[e].name, entity: e, cue: deferred ?? cue)
                }
            }
            let appositive: Set<String> = ["of", "from", "at", "with", "for", "in", "a", "an", "who", "which", "whose", "one", "another", "former", "also"]
            let clauseIsApposition = clauseWords.first.map { appositive.contains($0.lower) } ?? true
            // "the late Ted Kennedy, who called him a "disgrace"": the person just before "who"
            if segments.count >= 2, let w = clauseWords.first, w.lower == "who",
               let lastWord = segments[segments.count - 2].last(where: \.isWord),
               let m = ctx.mentions[firstIndex(ctx.mentions, from: lastWord.range.lowerBound - 80)...]
                   .prefix(while: { $0.range.lowerBound <= lastWord.range.lowerBound })
                   .last(where: { $0.range.upperBound >= lastWord.range.upperBound && ctx.table.entities[$0.entity].kind == .person }) {
                return Attribution(speaker: ctx.table.entities[m.entity].name, entity: m.entity, cue: deferred ?? cue)
            }
            // "according to a senior official, who described it as …": the described speaker
            // before "who" (never a name further back); "Ma, who oversees …, says": the person
            // that short name stands for
            if segments.count >= 2, let w = clauseWords.first, w.lower == "who" {
                var prev = segments[segments.count - 2].filter(\.isWord)
                if prev.count >= 2, prev[0].lower == "according", prev[1].lower == "to" { prev = Array(prev.dropFirst(2)) }
                if let last = prev.last, !last.isCapitalized, Lex.personNouns.contains(last.lower) || Lex.relationNouns.contains(last.lower),
                   let d = prev.lastIndex(where: { ["a", "an", "the", "one", "another"].contains($0.lower) || $0.possessive }), prev.count - d <= 6 {
                    let text = prev[d...].map { $0.text + $0.suffix }.joined(separator: " ")
                    return Attribution(speaker: text, entity: nil, cue: deferred ?? cue)
                }
                if let last = prev.last, last.isCapitalized,
                   let m = lastMention(before: last.range.lowerBound, ctx, { ctx.table.entities[$0.entity].kind == .person
                       && ctx.table.entities[$0.entity].name.split(separator: " ").last.map(String.init) == last.text }) {
                    return Attribution(speaker: ctx.table.entities[m.entity].name, entity: m.entity, cue: deferred ?? cue)
                }
            }
            // "… who had shouted that …": the speaker is what "who" stands for, not known here
            if segments.count == 1, let w = clauseWords.first, ["who", "which"].contains(w.lower) {
                return Attribution(speaker: nil, entity: nil, cue: deferred ?? cue)
            }
            if !clauseIsApposition || segments.count == 1, let a = speaker(in: clause, ctx, subject: true) { return with(a, deferred ?? cue) }
            // "said Lo Chih-cheng, a lawmaker", "said the lawmaker": the speaker right after the verb
            // (only with no subject before: "Al Jazeera's Scott Heidler, reporting from Beijing, said
            // the proposals Wang made …" is Heidler's, not Wang's)
            if !toldSomeone, before.filter(\.isWord).count <= 3,
               clause.allSatisfy({ !$0.isWord || ["has", "have", "had", "also", "later", "then", "further", "was", "is", "a", "hat", "ha", "ont"].contains($0.lower) }) {
                // "said the coach, Mark Diaz", "said the club's coach, Mark Diaz": a role, a comma, the name
                let rest = Array(t[(k + 1)...])
                if let c = rest.firstIndex(where: { !$0.isWord && $0.text != "’" && $0.text != "'" && $0.text != "-" }), rest[c].text == ",",
                   c <= 6, c + 1 < rest.count, rest[..<c].contains(where: { Lex.personNouns.contains($0.lower) || Lex.titles.contains($0.lower) }),
                   let a = speaker(in: Array(rest[(c + 1)...].prefix(8)), ctx, subject: false, firstPerson: true,
                                   startingBefore: rest[c + 1].range.upperBound) {
                    return with(a, deferred ?? cue)
                }
                let lead = afterVerb.prefix(while: { $0.isWord })
                // ("said party leader Dan Cole", "said veteran campaigner Ann Lowe": a name within five words)
                let nameSoon = lead.prefix(5).last.map { w in ctx.mentions[firstIndex(ctx.mentions, from: lead.first!.range.lowerBound)...]
                    .prefix { $0.range.lowerBound <= w.range.lowerBound }.contains { ctx.table.entities[$0.entity].kind == .person } } ?? false
                // ("said Secretary of Health and Human Services Tom Price": a title naming its department
                // runs on in capitals to the name; the person at its end speaks, not the department)
                var reachEnd = lead.prefix(5).last.map(\.range.upperBound) ?? 0
                if let first = lead.first, first.isCapitalized, Lex.titles.contains(first.lower) || Lex.roles.contains(first.lower) {
                    let run = lead.prefix(10).prefix { $0.isCapitalized || ["of", "and", "for", "the", "on", "&"].contains($0.lower) }
                    if let lastRun = run.last, let m = ctx.mentions[firstIndex(ctx.mentions, from: first.range.lowerBound)...]
                        .prefix(while: { $0.range.lowerBound <= lastRun.range.lowerBound })
                        .first(where: { ctx.table.entities[$0.entity].kind == .person }) {
                        reachEnd = max(reachEnd, m.range.lowerBound + 1)
                    }
                }
                if let first = lead.first, first.isCapitalized || ["a", "an", "the", "one", "another"].contains(first.lower)
                    || Lex.roles.contains(first.lower) || Lex.titles.contains(first.lower) || nameSoon,
                   let a = speaker(in: Array(lead.prefix(10)), ctx, subject: false, startingBefore: reachEnd) { return with(a, deferred ?? cue) }
            }
            // "Ann Lowe, a spokeswoman for the city police said": an apposition whose closing comma
            // was left out describes the name standing alone before it, who speaks
            if segments.count > 1, let w = clauseWords.first, ["a", "an", "the"].contains(w.lower),
               clauseWords.contains(where: { Lex.personNouns.contains($0.lower) || roleTitles.contains($0.lower) || occupations.contains($0.lower) }),
               let a = bareName(segments[segments.count - 2], ctx) {
                return with(a, deferred ?? cue)
            }
            // "Ann Lowe, the singer who played at the gala, said": the name before a description in
            // apposition (not a name inside the description)
            if clauseWords.isEmpty, segments.count >= 3, let w = segments[segments.count - 2].first(where: \.isWord),
               ["a", "an", "the"].contains(w.lower),
               segments[segments.count - 2].filter(\.isWord).prefix(5).contains(where: { Lex.personNouns.contains($0.lower) || roleTitles.contains($0.lower) || occupations.contains($0.lower) }),
               let a = bareName(segments[segments.count - 3], ctx) {
                return with(a, deferred ?? cue)
            }
            // "During the visit, the two sides said": the words before the verb are a subject
            // of their own naming nobody, not a name earlier in the sentence
            if segments.count > 1, let w = clauseWords.first,
               ["the", "a", "an", "this", "these", "its", "their", "both", "it"].contains(w.lower) {
                if let a = speaker(in: clause, ctx, subject: true) { return with(a, deferred ?? cue) }
                let phrase = clauseWords.filter { !["has", "have", "had", "also", "was", "were", "is", "are"].contains($0.lower) }
                    .enumerated().map { k, t in k + 1 < clauseWords.count ? t.text + t.suffix : t.text }
                let description = w.lower != "it" && phrase.count <= 6 ? phrase.joined(separator: " ") : nil
                return Attribution(speaker: description, entity: nil, cue: deferred ?? cue)
            }
            // (segments of time and circumstance, "During the visit", "Asked by X", name no speaker)
            let kept = segments.dropLast().filter { seg in
                guard let w = seg.first(where: \.isWord) else { return false }
                return !["who", "which", "whose", "that", "where", "when", "while", "although", "but", "during", "after",
                         "before", "since", "following", "despite", "asked", "as"].contains(w.lower)
            }
            // a person named in the subject's segments, the nearest to the verb, in a segment that
            // is no description ("Ann Lowe, a lawyer at the Adalah centre, said": not Adalah);
            // else a name before a description in apposition ("Hans Weber, a local teacher, said")
            let descriptive: Set<String> = ["a", "an", "of", "from", "at", "with", "for", "in", "one", "another", "former"]
            // (nor a predicate: "Ann Lowe, the head of the bar, released a statement praising Dan Cole, saying")
            let determiners: Set<String> = ["the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "both", "all", "each"]
            let naming = kept.reversed().filter { seg in !(seg.first(where: \.isWord).map { descriptive.contains($0.lower)
                || (!$0.isCapitalized && $0.lower.first?.isLetter == true && !determiners.contains($0.lower)) } ?? true) }
            // (the name right before the comma is the one the apposition describes: "Wei Xiaohao /
            // For China Daily Jack Ma, Alibaba's founder, says" is Ma's)
            func adjacentName(_ seg: [EntityToken]) -> Attribution? {
                guard let last = seg.last(where: \.isWord) else { return nil }
                let m = ctx.mentions[firstIndex(ctx.mentions, from: max(0, last.range.lowerBound - 80))...]
                    .prefix { $0.range.lowerBound <= last.range.lowerBound }
                    .last { $0.range.upperBound == last.range.upperBound && ctx.table.entities[$0.entity].kind == .person }
                return m.map { Attribution(speaker: ctx.table.entities[$0.entity].name, entity: $0.entity, cue: nil) }
            }
            if let a = naming.lazy.compactMap({ adjacentName($0) ?? speaker(in: $0, ctx, subject: true, firstPerson: true) }).first(where: { $0.entity != nil }) {
                return with(a, deferred ?? cue)
            }
            let found = kept.reversed().compactMap { speaker(in: $0, ctx, subject: true, firstPerson: true) }
            if let a = found.first(where: { $0.entity != nil }) ?? found.first { return with(a, deferred ?? cue) }
            if clauseIsApposition, let a = speaker(in: clause, ctx, subject: true) { return with(a, deferred ?? cue) }
            // else what the sentence's first segment names ("The court, which …, said")
            if let first = kept.first, let a = speaker(in: first, ctx, subject: true) { return with(a, deferred ?? cue) }
        }
        return nil
    }

    /// Whether the words after a speech verb go on to "that" and a clause within a short
    /// time or place phrase ("said on Monday that …", "told reporters in Paris that …"):
    /// after a closed quotation (`…."`) such a verb reports a new statement, not the quotation.
    static func reportsClause(_ rest: ArraySlice<EntityToken>) -> Bool {
        let words = rest.prefix { $0.isWord || ["-", "’", "'"].contains($0.text) }.filter(\.isWord)
        guard let k = words.prefix(7).firstIndex(where: { $0.lower == "that" }) else { return false }
        return words.count - k >= 3
    }

    /// Speech verbs of French, German, Spanish and Italian reports, for quotations in their
    /// marks ("« … », a déclaré Jean Dupont", "„…“, sagte Anna Weber"); the French inversion
    /// ("dit-il", "a-t-elle") carries its pronoun.
    static let foreignSpeechVerbs: Set<String> = [
        "dit", "déclaré", "affirmé", "ajouté", "expliqué", "estimé", "souligné", "indiqué", "précisé", "assuré",
        "répondu", "raconté", "insisté", "confié", "déclare", "affirme", "ajoute", "explique", "estime", "souligne",
        "précise", "assure", "dit-il", "dit-elle", "a-t-il", "a-t-elle", "ajoute-t-il", "ajoute-t-elle",
        "explique-t-il", "explique-t-elle", "déclare-t-il", "déclare-t-elle", "estime-t-il", "estime-t-elle",
        "sagte", "sagt", "sagten", "erklärte", "erklärt", "betonte", "betont", "meinte", "meint", "schrieb",
        "warnte", "kritisierte", "forderte", "gesagt", "dijo", "afirmó", "declaró", "señaló", "explicó", "aseguró",
        "añadió", "agregó", "indicó", "detto", "dichiarato", "spiegato", "aggiunto",
    ]

    /// The gender a subject pronoun gives (English, French, German): true for "she", "elle".
    static func pronounFemale(_ w: String) -> Bool? {
        if ["he", "il", "er", "dit-il", "a-t-il"].contains(w) || w.hasSuffix("-t-il") { return false }
        if ["she", "elle", "dit-elle", "a-t-elle"].contains(w) || w.hasSuffix("-t-elle") { return true }
        return nil
    }

    /// Verbs that attribute a quotation: the shared speech verbs and a few more.
    static let speechVerbs: Set<String> = Lex.speechVerbs.union(foreignSpeechVerbs).union([
        "shouted", "yelled", "screamed", "writing", "testified", "confirmed", "reiterated", "conceded", "boasted",
        "complained", "lamented", "joked", "quipped", "countered", "retorted", "affirmed", "alleged", "mentioned",
        "recounted", "echoed", "echoes", "predicted", "pleaded", "announces", "declares", "recalls", "admits", "adds",
        "voiced", "voicing", "believe", "believes", "revealed", "reveals", "expressed", "expressing", "expresses",
        "claiming", "claims", "arguing", "insisting", "noting",
        // (the participles of the shared verbs: "with its leader declaring the "new birth" of …")
        "declaring", "stating", "explaining", "announcing", "stressing", "admitting", "acknowledging",
        "replying", "responding", "recalling", "tweeting", "remarking", "cautioning", "concluding",
        // manner of speaking (`"…," he teased`)
        "teased", "mused", "scoffed", "sighed", "gushed", "fumed", "snapped", "exclaimed", "muttered", "whispered",
        "grumbled", "agreed", "agrees", "proclaimed", "proclaims",
    ])

    /// Verbs that put someone's words on a thing or a person, before the quoted
    /// words ("described the climb-down as "chaos"", "accused ministers of a
    /// "U-turn"", "vowed to "resist …""): the subject said them.
    static let characterizing: Set<String> = [
        "described", "describes", "describing", "accused", "accuses", "questioned", "denied", "denies", "hailed",
        "hails", "vowed", "vows", "pledged", "pledges", "promised", "promises", "branded", "brands", "dubbed",
        "labelled", "labeled", "condemned", "condemns", "criticised", "criticized", "urged", "urges", "praised",
        "slammed", "dismissed", "rejected", "welcomed", "predicted", "demanded", "demands", "called", "calls",
        "blasted", "decried", "denounced", "lambasted",
        // (present and participle forms: "Rights Watch criticizes Israel for "…"", "vowing only a "…" commitment")
        "criticizes", "criticises", "criticizing", "criticising", "vowing", "pledging", "promising", "urging",
        "accusing", "condemning", "praising", "hailing", "welcoming", "denouncing", "slams", "slamming",
    ]

    /// "the former Acme CEO", "the Acme chairman": "the", modifiers of an office, an organisation
    /// and an office one person holds at the end; the organisation says whose office it is.
    static func orgOffice(_ words: [EntityToken], _ inside: [Mention], _ ctx: Context) -> Bool {
        guard words.count >= 3, words[0].lower == "the",
              let n = words.prefix(6).firstIndex(where: { singleOffices.contains($0.lower) }), n >= 2,
              !inside.isEmpty, inside.allSatisfy({ ctx.table.entities[$0.entity].kind == .org
                  && $0.range.lowerBound > words[0].range.upperBound && $0.range.upperBound <= words[n].range.lowerBound })
        else { return false }
        return words[1..<n].allSatisfy { w in officeModifiers.contains(w.lower) || inside.contains { $0.range.contains(w.range.lowerBound) } }
    }

    /// A stretch that is nothing but a person's name (a title before it allowed: "Mr Ann
    /// Lowe"): that person.
    static func bareName(_ seg: [EntityToken], _ ctx: Context) -> Attribution? {
        var words = seg.filter(\.isWord)[...]
        while let f = words.first, words.count > 1, Lex.titles.contains(f.lower.replacingOccurrences(of: ".", with: "")) { words = words.dropFirst() }
        guard let first = words.first, let last = words.last, first.isCapitalized, words.count <= 5 else { return nil }
        guard let m = ctx.mentions[firstIndex(ctx.mentions, from: max(0, first.range.lowerBound - 40))...]
            .prefix(while: { $0.range.lowerBound <= first.range.lowerBound })
            .last(where: { $0.range.upperBound >= last.range.upperBound && ctx.table.entities[$0.entity].kind == .person }) else { return nil }
        return Attribution(speaker: ctx.table.entities[m.entity].name, entity: m.entity, cue: nil)
    }

    static func with(_ a: Attribution, _ cue: String) -> Attribution {
        var x = a; x.cue = cue; return x
    }

    /// A speaker in a stretch of tokens: a person, else an organisation, else a
    /// pronoun or "the lawmaker" resolved backwards, else an unnamed speaker.
    static func speaker(in t: [EntityToken], _ ctx: Context, subject: Bool, firstPerson: Bool = false,
                        startingBefore: Int? = nil) -> Attribution? {
        guard let lo = t.first?.range.lowerBound, let hi = t.last?.range.upperBound else { return nil }
        var inside = ctx.mentions[firstIndex(ctx.mentions, from: lo)...].prefix { $0.range.lowerBound < hi }
            .filter { $0.range.upperBound <= hi }
        // after the verb the speaker comes first: "said Smith", not "said late on Wednesday that … Congress"
        if let s = startingBefore { inside = inside.filter { $0.range.lowerBound < s } }
        let words = t.filter(\.isWord)
        // "Mr Wild's family", "the senator's former lawyer", "Google's spokesman": someone
        // described through a name's possessive speaks, unnamed (not "Trump's statement": a document is its author's)
        if let d = possessiveDescription(words, inside, ctx) { return d }
        // "Doctors in the hospital where Kara-Murza is treated say", "Residents near the plant
        // owned by X said": the people the phrase opens on, not the name in its modifier
        if subject, let h = words.prefix(3).firstIndex(where: { Lex.personNouns.contains($0.lower) && !Lex.titles.contains($0.lower) }),
           h + 1 < words.count, ["in", "at", "near", "where", "who", "with", "inside", "outside", "across"].contains(words[h + 1].lower),
           words[..<h].allSatisfy({ !$0.isCapitalized || $0.range.lowerBound == words[0].range.lowerBound }),
           !inside.contains(where: { $0.range.lowerBound <= words[h].range.lowerBound }) {
            return Attribution(speaker: words[...h].map { $0.text + $0.suffix }.joined(separator: " "), entity: nil, cue: nil)
        }
        // "The father of Ziyed Ben Belgacem", "a colleague of Smith", "Friends of Mr John":
        // someone described by a person named in the phrase, not that person; "the head of
        // the OAS", "a spokesman for the ministry": a person of an organisation, unnamed
        if let m = inside.first(where: { [.person, .org].contains(ctx.table.entities[$0.entity].kind) }),
           var k = words.firstIndex(where: { $0.range.lowerBound >= m.range.lowerBound }) {
            let isPerson = ctx.table.entities[m.entity].kind == .person
            while k > 0, Lex.titles.contains(words[k - 1].lower) || (!isPerson && ["the", "its", "their"].contains(words[k - 1].lower)) { k -= 1 }
            let links: Set<String> = isPerson ? ["of"] : ["of", "for", "at", "from", "with"]
            // (an organisation's modifiers between: "lawmakers from Taiwan's ruling Democratic Progressive Party")
            if !isPerson {
                var j = k, skipped = 0
                while j > 0, skipped < 3, !links.contains(words[j - 1].lower), words[j - 1].possessive || !words[j - 1].isCapitalized { j -= 1; skipped += 1 }
                if j > 0, links.contains(words[j - 1].lower) { k = j }
            }
            if k >= 2, links.contains(words[k - 1].lower),
               Lex.relationNouns.contains(words[k - 2].lower) || Lex.personNouns.contains(words[k - 2].lower) || roleTitles.contains(words[k - 2].lower),
               isPerson || !["statement", "release", "report", "letter", "document", "filing", "communique", "affidavit"].contains(words[k - 2].lower),
               ["a", "an", "the", "one", "another"].contains(words[0].lower) || words[0].possessive
                   || (isPerson && k == 2 && words[0].lower.hasSuffix("s")),
               let end = words.lastIndex(where: { $0.range.upperBound <= m.range.upperBound }) {
                return Attribution(speaker: words[...end].map { $0.text + ($0.range.upperBound < m.range.upperBound ? $0.suffix : "") }.joined(separator: " "), entity: nil, cue: nil)
            }
        }
        // "… instincts The man's father": a description of someone after the last name of a
        // subject is who speaks (the words run on from a heading)
        // (not a document the subject put out: "PETA released a statement saying" is PETA's)
        if subject, let last = inside.last, let d = words.firstIndex(where: { $0.range.lowerBound >= last.range.upperBound
                && (["the", "a", "an"].contains($0.lower)) }), words.count - d <= 4,
           let n = words.indices.last, n > d, Lex.relationNouns.contains(words[n].lower) || Lex.personNouns.contains(words[n].lower),
           !Lex.roles.contains(words[n].lower), !documentNouns.contains(words[n].lower) {
            return Attribution(speaker: words[d...n].enumerated().map { j, w in d + j < n ? w.text + w.suffix : w.text }.joined(separator: " "), entity: nil, cue: nil)
        }
        // "a local monk named Ann Lowe": the person the description names
        if ["a", "an", "one", "the"].contains(words.first?.lower ?? ""),
           let k = words.prefix(7).firstIndex(where: { ["named", "called"].contains($0.lower) }), k >= 2, k + 1 < words.count,
           let m = inside.first(where: { $0.range.lowerBound == words[k + 1].range.lowerBound && ctx.table.entities[$0.entity].kind == .person }),
           !inside.contains(where: { $0.range.upperBound <= words[k].range.lowerBound }) {
            return Attribution(speaker: ctx.table.entities[m.entity].name, entity: m.entity, cue: nil)
        }
        // "says the 32-year-old": an age standing for the person the text is about
        if words.count >= 2, words.count <= 3, ["the", "this"].contains(words[0].lower),
           let last = words.last, last.lower.hasSuffix("-year-old"), words.count == 2 || backAdjectives.contains(words[1].lower) {
            return resolveBack(ctx)
        }
        // "a Navy official", "A Church in Wales spokeswoman": an unnamed member of an organisation
        // (its head is the first such noun: "A Twitter spokesperson responded … by forwarding a statement")
        if ["a", "an", "one", "another"].contains(words.first?.lower ?? ""),
           var n = words.prefix(7).indices.last(where: { isSpeakerNoun(words, $0) })
               .map({ last in words.prefix(7).indices.first(where: { isSpeakerNoun(words, $0) && !["statement", "report", "letter", "release"].contains(words[$0].lower) }) ?? last }),
           !inside.contains(where: { ctx.table.entities[$0.entity].kind == .person && $0.range.lowerBound < words[n].range.upperBound }),
           inside.allSatisfy({ $0.range.upperBound <= words[n].range.lowerBound || $0.range.lowerBound > words[n].range.upperBound }) {
            // (a run of such nouns ends on its head: "a police source")
            while n + 1 < words.count, n < 6, Lex.personNouns.contains(words[n + 1].lower) { n += 1 }
            // ("a Treasury statement": a document is its author's, the organisation that put it out)
            if documentNouns.contains(words[n].lower),
               let m = inside.last(where: { ctx.table.entities[$0.entity].kind == .org && $0.range.upperBound <= words[n].range.lowerBound }) {
                return Attribution(speaker: ctx.table.entities[m.entity].name, entity: m.entity, cue: nil)
            }
            if n == 1, words[n].lower == "report", let e = reportAuthor(ctx) { return Attribution(speaker: ctx.table.entities[e].name, entity: e, cue: nil) }
            return Attribution(speaker: words[...n].map(\.text).joined(separator: " "), entity: nil, cue: nil)
        }
        // "He asked the Justice Department …": a pronoun opening a subject is the subject
        if subject, !firstPerson, let w = words.first, let f = pronounFemale(w.lower) { return resolveBack(ctx, female: f) }
        // ("Trillanes's partymate Senator Alan Cayetano": not the person in the possessive)
        // ("Jones wrote to the Security Council": a name after a preposition is the audience or
        // a circumstance, never the subject who speaks)
        let audience = subject ? Set(inside.filter { isObject($0, words) }.map(\.range.lowerBound)) : []
        let named = inside.filter { ctx.table.entities[$0.entity].kind == .person && !audience.contains($0.range.lowerBound)
            && !namesAGroup($0, words) }
        let owners = named.filter { m in words.contains { $0.possessive && $0.range.upperBound == m.range.upperBound } }
        // ("Grey's remarks came as he relayed Lowe's "concern"": with only owners named, a subject
        // pronoun after the first of them is who speaks)
        if subject, !firstPerson, !named.isEmpty, owners.count == named.count, let firstOwner = owners.first,
           let p = words.first(where: { ["he", "she"].contains($0.lower) && $0.range.lowerBound > firstOwner.range.upperBound }) {
            return resolveBack(ctx, female: p.lower == "she")
        }
        let people = named.count > owners.count ? named.filter { m in !owners.contains { $0.range == m.range } } : named
        if let m = firstPerson ? people.first : (subject ? people.last : people.first) {
            return Attribution(speaker: ctx.table.entities[m.entity].name, entity: m.entity, cue: nil)
        }
        if firstPerson { return nil }
        // "a Facebook user wrote", "said another commenter on Facebook": someone unnamed the
        // organisation only qualifies (not "a Facebook statement": a document is its author's)
        if named.isEmpty, ["a", "an", "another", "one"].contains(words.first?.lower ?? ""),
           inside.contains(where: { ctx.table.entities[$0.entity].kind == .org }) {
            let prepositions: Set<String> = ["on", "in", "at", "of", "from", "for", "with", "to", "who", "which", "that"]
            let phrase = words.prefix(6).prefix { !prepositions.contains($0.lower) }
            if phrase.count >= 2, let head = phrase.last, !head.isCapitalized, !documentNouns.contains(head.lower) {
                return Attribution(speaker: phrase.enumerated().map { j, w in j + 1 < phrase.count ? w.text + w.suffix : w.text }.joined(separator: " "), entity: nil, cue: nil)
            }
        }
        // "the former Acme CEO": an organisation naming which office, whose holder speaks
        let orgModifier = orgOffice(words, inside, ctx)
        let orgs = orgModifier ? [] : inside.filter { ctx.table.entities[$0.entity].kind == .org && !audience.contains($0.range.lowerBound) }
        if let m = subject ? orgs.last : orgs.first {
            return Attribution(speaker: ctx.table.entities[m.entity].name, entity: m.entity, cue: nil)
        }
        // "Mexico said", "Downing Street has said": a place standing alone as the subject of a verb of
        // saying is its government or office speaking
        if subject, !firstPerson, inside.count == 1, let m = inside.first, ctx.table.entities[m.entity].kind == .place,
           words.allSatisfy({ m.range.contains($0.range.lowerBound) || ["the", "has", "have", "had", "also", "was", "is", "itself"].contains($0.lower) }) {
            return Attribution(speaker: ctx.table.entities[m.entity].name, entity: m.entity, cue: nil)
        }
        // (in a subject an object pronoun is someone else: "The mayor agreed with him and said")
        if let p = words.first(where: { (subject ? ["he", "she"] : ["he", "she", "him", "her"]).contains($0.lower) }) {
            return resolveBack(ctx, female: ["she", "her"].contains(p.lower))
        }
        // "It said there was …": the organisation a recent sentence opened on ("Abta said …")
        if subject, !firstPerson, words.count <= 2, words.first?.lower == "it", let e = organisationBack(ctx) {
            return Attribution(speaker: ctx.table.entities[e].name, entity: e, cue: nil)
        }
        // "the court", "the ministry": the organisation of that kind named last before;
        // "the company", "the accounting firm": the one company the article has named
        if words.count >= 2, words.count <= 3, ["the", "this"].contains(words[0].lower), let head = words.last?.lower,
           orgHeads.contains(head) || companyNouns.contains(head) {
            func named(_ m: Mention, _ w: String) -> Bool {
                ctx.table.entities[m.entity].name.lowercased().split(separator: " ").contains { $0 == w || ($0.hasPrefix(w) && $0.count <= w.count + 1) }
            }
            // (one whose name holds the modifier too: "the dealer association" is the Car Dealers Association,
            // not the Car Makers Association named since)
            let modifier = words.count == 3 ? words[1].lower : nil
            if let w = modifier, w.count > 2, !["the", "new", "said", "also"].contains(w),
               let m = lastMention(before: ctx.quoteStart, ctx, { ctx.table.entities[$0.entity].kind == .org && named($0, head) && named($0, w) }) {
                return Attribution(speaker: ctx.table.entities[m.entity].name, entity: m.entity, cue: nil)
            }
            if let e = soleOrganisation(headed: head, ctx) { return Attribution(speaker: ctx.table.entities[e].name, entity: e, cue: nil) }
            if companyNouns.contains(head), let e = soleCompany(ctx) {
                return Attribution(speaker: ctx.table.entities[e].name, entity: e, cue: nil)
            }
            // "The Harbour Trust, a charity, said … The group described": a noun any organisation
            // goes by, for the one a recent sentence opened on
            if ["group", "organisation", "organization", "charity", "body"].contains(head), let e = organisationBack(ctx) {
                return Attribution(speaker: ctx.table.entities[e].name, entity: e, cue: nil)
            }
            if head == "report", let e = reportAuthor(ctx) { return Attribution(speaker: ctx.table.entities[e].name, entity: e, cue: nil) }
            return Attribution(speaker: words.map(\.text).joined(separator: " "), entity: nil, cue: nil)
        }
        // "Germany's foreign ministry said": a country's body, not named as an entity, speaks unnamed
        if subject, words.count >= 2, words.count <= 4, words[0].possessive, let head = words.last?.lower, orgHeads.contains(head),
           inside.contains(where: { $0.range.lowerBound == words[0].range.lowerBound && ctx.table.entities[$0.entity].kind == .place }),
           words.dropFirst().dropLast().allSatisfy({ !$0.isCapitalized }),
           !inside.contains(where: { $0.range.upperBound > words[0].range.upperBound && ctx.table.entities[$0.entity].kind != .place }) {
            return Attribution(speaker: words.enumerated().map { k, w in k + 1 < words.count ? w.text + w.suffix : w.text }.joined(separator: " "), entity: nil, cue: nil)
        }
        // "the attacker yelled": the one person the story introduced as its attacker, gunman or
        // suspect ("The suspect, Ziyed Ben Belgacem, …"); two such people: left unnamed
        if words.count == 2, words[0].lower == "the", perpetratorNouns.contains(words[1].lower) {
            let named = Set(perpetratorNouns.compactMap { personWithRole([$0], ctx)?.entity })
            if named.count == 1, let e = named.first { return Attribution(speaker: ctx.table.entities[e].name, entity: e, cue: nil) }
        }
        // "our correspondent said": the outlet's own reporter, the person it introduced as reporting
        // ("Al Jazeera's Ann Lowe, reporting from Mosul, said"), else one titled so
        if words.count == 2, words[0].lower == "our", ["correspondent", "reporter"].contains(words[1].lower) {
            if let m = lastMention(before: ctx.quoteStart, ctx, { m in
                guard ctx.table.entities[m.entity].kind == .person else { return false }
                let next = EntityWords.tokens(ctx.b, m.range.upperBound..<min(ctx.b.count, m.range.upperBound + 40))
                return next.first?.text == "," && next.dropFirst().first.map { ["reporting", "reports"].contains($0.lower) } == true
            }) {
                return Attribution(speaker: ctx.table.entities[m.entity].name, entity: m.entity, cue: nil)
            }
            return personWithRole([words[1].lower], ctx) ?? Attribution(speaker: words.map(\.text).joined(separator: " "), entity: nil, cue: nil)
        }
        // "the lawmaker", "a Taiwanese lawmaker", "one of the Taiwanese organisers"
        // ("The man's father": someone described by a relation is a description too)
        if let n = words.lastIndex(where: { Lex.personNouns.contains($0.lower) || Lex.relationNouns.contains($0.lower)
                                            || roleTitles.contains($0.lower) || occupations.contains($0.lower)
                                            || $0.lower.hasSuffix("ers") && $0.lower.count > 5 }) {
            // ("Russia's deputy permanent representative": a country's possessive names the office like "the")
            let placeOwner = words.first.map { w in w.possessive && inside.contains { $0.range.lowerBound == w.range.lowerBound
                && ctx.table.entities[$0.entity].kind == .place } } ?? false
            let det = placeOwner ? "the" : words.first?.lower ?? ""
            let head = words[n].lower
            // (between "the" and the noun only modifiers: "the German foreign minister", "the 30-year-old actress")
            // (a place names which office: "the Berlin mayor")
            let modifiers = words[1..<max(1, n)].allSatisfy { w in officeModifiers.contains(w.lower) || w.lower.hasSuffix("-old")
                || backAdjectives.contains(w.lower) || (w.lower.contains("-") && w.lower.first.map { $0.isNumber } ?? false)
                || ["-star", "-term", "-time"].contains { w.lower.hasSuffix($0) }
                || (w.isCapitalized && !inside.contains { $0.range.contains(w.range.lowerBound) && ctx.table.entities[$0.entity].kind != .place })
                || (orgModifier && inside.contains { $0.range.contains(w.range.lowerBound) }) }
            let qualifier = words[(placeOwner ? 0 : 1)..<max(1, n)].first { $0.isCapitalized && !officeModifiers.contains($0.lower) }?.lower
            if det == "the" || det == "this", n <= 4, modifiers,
               Lex.roles.contains(head) || roleTitles.contains(head) || occupations.contains(head) {
                // an office one person holds ("the chancellor", "the president", "the German foreign
                // minister") is the person introduced with that title; a role many hold ("the
                // lawmaker", "the actress") is whoever the text is about
                var office = Array(words[1...n].filter { w in !(orgModifier && inside.contains { $0.range.contains(w.range.lowerBound) }) }
                    .map(\.lower).drop { !officeModifiers.contains($0) && $0 != head })
                // ("the PM": the prime minister)
                if office.last == "pm" { office = office.dropLast() + ["prime", "minister"] }
                let single = singleOffices.contains(head) || (office.count >= 2 && ["minister", "secretary"].contains(head))
                if !single, Lex.roles.contains(head) || occupations.contains(head) {
                    let female = femaleNouns.contains(head) ? true : maleNouns.contains(head) ? false : nil
                    return resolveBack(ctx, female: female)
                }
                // (no one introduced with the title: the person "the president" was read as before
                // in the article, else whom the text is about)
                let key = office.joined(separator: " ")
                if let a = personWithRole(office, ctx, qualifier: qualifier) { return a }
                if qualifier == nil, let e = ctx.state.offices[key] {
                    return Attribution(speaker: ctx.table.entities[e].name, entity: e, cue: nil, office: key)
                }
                // ("China's foreign minister" with no one introduced so: another country's office is
                // not whom the text is about; the description stays unnamed)
                if placeOwner { return Attribution(speaker: words[...n].enumerated().map { k, w in k < n ? w.text + w.suffix : w.text }.joined(separator: " "), entity: nil, cue: nil) }
                var a = resolveBack(ctx)
                if qualifier == nil, a?.entity != nil { a?.office = key }
                return a
            }
            let phrase = words[...n].enumerated().map { k, w in k < n ? w.text + w.suffix : w.text }
                .filter { !["has", "had", "have", "also", "was"].contains($0) }
            // "a police spokesman", "one of the organisers", "police", "Queensland police", "witnesses"
            if phrase.count <= 6, ["a", "an", "one", "another", "two", "three", "some", "several", "the", "many", "other"].contains(det)
                || (phrase.count <= 3 && (words[0].isCapitalized || n == 0)) {
                return Attribution(speaker: phrase.joined(separator: " "), entity: nil, cue: nil)
            }
        }
        return nil
    }

    /// Words that follow a quoted phrase that ends a noun phrase ("a "landmark decision" by the
    /// council"), not a noun it modifies ("two-plus-two" talks).
    static let closedClassAfter: Set<String> = ["by", "in", "of", "for", "to", "and", "or", "but", "on", "at", "with", "from",
        "as", "that", "which", "who", "over", "against", "about", "after", "before", "is", "was", "are", "were", "has", "had",
        "have", "will", "would", "could", "can", "should", "may", "might", "while", "when", "because", "if", "since", "than"]

    /// Nouns that refer back to a company ("the company said", "the accounting firm").
    static let companyNouns: Set<String> = ["company", "firm", "group", "network", "broadcaster", "carrier", "airline",
        "bank", "retailer", "insurer", "lender", "carmaker", "automaker", "manufacturer", "chain", "startup", "start-up",
        "operator", "giant", "conglomerate", "corporation", "business"]

    /// Words in an organisation's name that make it something other than a company
    /// (a ministry, a court, a party, a newspaper): never "the company".
    static let nonCompanyWords: Set<String> = ["ministry", "department", "court", "police", "party", "council", "committee",
        "commission", "union", "university", "college", "school", "government", "agency", "army", "navy", "military",
        "parliament", "senate", "congress", "assembly", "nations", "un", "office", "embassy", "church", "federation",
        "association", "foundation", "institute", "journal", "times", "post", "news", "herald", "telegraph", "guardian",
        "tribune", "gazette", "daily", "press", "reuters", "tass", "afp", "ap", "bbc", "cnn", "league", "club", "team",
        "campaign", "movement", "coalition", "alliance", "board", "authority", "service", "forces", "force", "kremlin",
        "house", "centre", "center", "hospital", "organisation", "organization", "society", "fund",
        // news outlets: a story's "the company" is not the outlet that reports or is told
        "jazeera", "bloomberg", "newsweek", "fox", "abc", "nbc", "cbs", "rte", "rté", "dw", "xinhua", "interfax", "ria",
        "sputnik", "rt", "huffpost", "huffington", "itv", "sky", "npr", "pbs", "politico", "axios", "vox", "buzzfeed", "wire"]

    /// The one organisation the article has named before the quotation that may be a company
    /// (none of its name's words makes it a ministry, court, party or newspaper): what "the
    /// company said" refers to. Nil when there are none or several (an unnamed description is kept).
    static func soleCompany(_ ctx: Context) -> Int? {
        soleOrganisation(ctx, lookBack: Int.max) { e in
            !e.name.lowercased().split(separator: " ").contains { nonCompanyWords.contains(String($0)) }
                && !e.aliases.contains { nonCompanyWords.contains($0.lowercased()) }
        }
    }

    /// What "the ministry said" refers to: the one organisation named before the quotation whose
    /// name holds the head noun ("the department" is the Department of Justice). Nil when none
    /// fits, and when two or more do ("the ministry" after a Defence and a Foreign Ministry): the
    /// words stay an unnamed description rather than a guess between them.
    static func soleOrganisation(headed head: String, _ ctx: Context) -> Int? {
        soleOrganisation(ctx, lookBack: 400) { $0.name.lowercased().split(separator: " ").contains(Substring(head)) }
    }

    /// The one organisation entity that `fits`, among those mentioned in the last `lookBack`
    /// mentions before the quotation; nil when none does or when two or more do.
    static func soleOrganisation(_ ctx: Context, lookBack: Int, _ fits: (Entity) -> Bool) -> Int? {
        let end = firstIndex(ctx.mentions, from: ctx.quoteStart)
        var found: Int? = nil
        for m in ctx.mentions[..<end].suffix(lookBack) where m.entity != found && m.range.upperBound <= ctx.quoteStart {
            let e = ctx.table.entities[m.entity]
            guard e.kind == .org, fits(e) else { continue }
            if found != nil { return nil }
            found = m.entity
        }
        return found
    }

    /// Who "a report said" or "the report said" means: the one organisation named in the
    /// sentence right before the quotation's ("…, the Defence Ministry said. "…," a report
    /// said"). Nil when that sentence names none or several: the report stays unnamed rather
    /// than given to an organisation named further back.
    static func reportAuthor(_ ctx: Context) -> Int? {
        let end = ctx.sentenceStart.map { min($0, ctx.quoteStart) } ?? ctx.quoteStart
        guard let before = previousSentence(ctx.b, max(0, end - 400), end),
              let lo = before.first?.range.lowerBound, let hi = before.last?.range.upperBound else { return nil }
        let orgs = Set(ctx.mentions[firstIndex(ctx.mentions, from: lo)...].prefix { $0.range.lowerBound < hi }
            .filter { ctx.table.entities[$0.entity].kind == .org }.map(\.entity))
        return orgs.count == 1 ? orgs.first : nil
    }

    /// What "it said" refers to: the later of the previous quotation's speaker, when an
    /// organisation, and the last organisation that opened a sentence ("Abta said …", "The
    /// Church in Wales denied …") within the 800 bytes before the quotation.
    static func organisationBack(_ ctx: Context) -> Int? {
        let m = lastMention(before: ctx.quoteStart, ctx) { m in
            guard ctx.table.entities[m.entity].kind == .org, ctx.quoteStart - m.range.lowerBound <= 800 else { return false }
            let pre = EntityWords.tokens(ctx.b, max(0, m.range.lowerBound - 12)..<m.range.lowerBound)
            var k = pre.count
            if k > 0, pre[k - 1].text == "The" { k -= 1 }
            return k == 0 || !pre[k - 1].isWord && [".", "?", "!", "-", ":", ";"].contains(pre[k - 1].text) || pre[k - 1].isQuote
        }
        // (a later sentence opening on an organisation left unnamed, "The government said …. It
        // said …", is what "it" refers to: no named one from further back)
        let unnamed = unnamedOrganisationOpening(ctx)
        if let last = ctx.state.last, let e = last.entity, ctx.table.entities[e].kind == .org,
           m.map({ last.at > $0.range.lowerBound }) ?? true { return unnamed.map { $0 > last.at } == true ? nil : e }
        if let u = unnamed, let found = m, found.range.lowerBound < u { return nil }
        return m?.entity
    }

    /// Where the sentence before the quotation's opens on an organisation named only by its
    /// noun ("The government said …", "The ministry added …"), that noun not a named entity's mention.
    static func unnamedOrganisationOpening(_ ctx: Context) -> Int? {
        let end = ctx.sentenceStart.map { min($0, ctx.quoteStart) } ?? ctx.quoteStart
        guard let sentence = sentenceBefore(ctx.b, 0, end) else { return nil }
        let words = sentence.prefix { !$0.isQuote }.filter(\.isWord).prefix(3)
        guard words.count >= 3, words.first?.lower == "the", orgHeads.contains(words[words.startIndex + 1].lower),
              speechVerbs.contains(words[words.startIndex + 2].lower) || ["has", "had", "also"].contains(words[words.startIndex + 2].lower) else { return nil }
        let at = words[words.startIndex + 1].range.lowerBound
        let named = ctx.mentions[firstIndex(ctx.mentions, from: max(0, at - 80))...].prefix { $0.range.lowerBound <= at }
            .contains { $0.range.upperBound > at }
        return named ? nil : at
    }

    /// Whether a mention in a subject's words follows a preposition or "told" ("wrote to the
    /// Security Council", "told Smith", "spoke before the board"): the audience or a circumstance.
    static func isObject(_ m: Mention, _ words: [EntityToken]) -> Bool {
        guard var k = words.lastIndex(where: { $0.range.upperBound <= m.range.lowerBound }) else { return false }
        if ["the", "a", "an"].contains(words[k].lower), k > 0 { k -= 1 }
        // (not "with" nor "at": "with the union saying …", "officials at the ministry said" are the speakers)
        return ["to", "towards", "toward", "before", "against", "into", "than", "about", "told", "tells",
                "telling", "urged", "urging", "asked", "asking"].contains(words[k].lower)
    }

    /// Whether a person's name is a modifier of the body that bears it ("the Trump administration",
    /// "the Obama campaign", "the Clinton camp"): that body speaks, not the person.
    static func namesAGroup(_ m: Mention, _ words: [EntityToken]) -> Bool {
        guard let k = words.firstIndex(where: { $0.range.lowerBound >= m.range.upperBound }), k > 0, !words[k - 1].possessive else { return false }
        return ["administration", "campaign", "camp", "government", "team", "presidency"].contains(words[k].lower)
    }

    /// Nouns of documents: "Trump's statement said" is Trump's words.
    /// What someone writes and others read out ("…," reads a Spicer tweet).
    static let writtenNouns: Set<String> = ["tweet", "post", "message", "statement", "letter", "note", "sign", "banner",
        "caption", "email", "e-mail", "text"]

    static let documentNouns: Set<String> = ["statement", "release", "report", "letter", "document", "filing",
        "communique", "affidavit", "tweet", "tweets", "post", "website", "account", "speech", "message", "blog", "book",
        "memo", "note", "email", "interview", "remarks", "comments", "lawsuit", "complaint", "petition",
        "editorial", "article", "column", "commentary", "op-ed", "essay"]

    /// A speaker described through the possessive of a name ("Mr Wild's family", "Rice's
    /// attorney", "the ministry's spokeswoman"): the words as written, unnamed, when no
    /// name follows the noun ("Rice's attorney Subodh Chandra" is Chandra).
    static func possessiveDescription(_ words: [EntityToken], _ inside: [Mention], _ ctx: Context) -> Attribution? {
        guard let n = words.indices.last, n >= 1 else { return nil }
        let head = words[n].lower
        guard !words[n].isCapitalized || n == 0, !documentNouns.contains(head),
              Lex.relationNouns.contains(head) || Lex.personNouns.contains(head) || roleTitles.contains(head) || Lex.titles.contains(head) else { return nil }
        // the possessive name, with up to two modifiers between ("Trump's former personal lawyer")
        guard let p = words[..<n].lastIndex(where: \.possessive), n - p <= 3,
              words[(p + 1)..<n].allSatisfy({ !$0.isCapitalized }),
              // (a person's or organisation's: "Russia's envoy" is an office, read like "the envoy")
              inside.contains(where: { $0.range.upperBound >= words[p].range.upperBound && $0.range.lowerBound <= words[p].range.lowerBound
                  && ctx.table.entities[$0.entity].kind != .place }),
              !inside.contains(where: { $0.range.lowerBound > words[p].range.upperBound }) else { return nil }
        // from the name on (its title too: "Mr Wild's family"), the possessive written back
        var from = p
        while from > 0, words[from - 1].isCapitalized || Lex.titles.contains(words[from - 1].lower) || ["the"].contains(words[from - 1].lower) { from -= 1 }
        let text = words[from...n].map { $0.text + $0.suffix }.joined(separator: " ")
        return Attribution(speaker: text, entity: nil, cue: nil)
    }

    /// Offices that one person holds in a story: "the president said" is the person
    /// introduced as President, not whoever the last sentence was about.
    static let singleOffices: Set<String> = ["president", "vice-president", "chancellor", "mayor", "governor", "premier",
        "chairman", "chairwoman", "chairperson", "ceo", "taoiseach", "pope", "king", "queen", "prime-minister",
        "foreign-minister", "secretary-general", "attorney-general", "ambassador", "pm"]

    /// Nouns for the one who did the deed a story is about: "the attacker" is the person
    /// introduced as the gunman or the suspect.
    static let perpetratorNouns: Set<String> = ["attacker", "gunman", "suspect", "assailant", "shooter", "killer",
        "bomber", "assassin", "hijacker", "perpetrator", "stabber", "knifeman"]

    /// Occupations a person is referred back by ("the actress said", "the artist recently said").
    static let occupations: Set<String> = ["actor", "actress", "artist", "singer", "musician", "painter", "sculptor",
        "player", "star", "writer", "novelist", "poet", "producer", "rapper", "comedian", "athlete", "striker",
        "goalkeeper", "footballer", "cricketer", "captain", "chef", "designer", "architect", "businessman",
        "businesswoman", "billionaire", "entrepreneur", "tycoon", "filmmaker", "photographer", "campaigner"]
    /// Adjectives with which a story refers back to someone it introduced ("the retired
    /// four-star general said").
    static let backAdjectives: Set<String> = ["retired", "veteran", "longtime", "long-time", "outgoing", "incoming",
        "embattled", "beleaguered", "controversial", "defiant", "young", "elderly", "new", "veteran", "seasoned"]
    static let femaleNouns: Set<String> = ["actress", "businesswoman", "spokeswoman", "chairwoman", "mother", "widow",
        "nun", "queen", "congresswoman", "councilwoman", "woman", "wife", "daughter", "sister"]
    static let maleNouns: Set<String> = ["businessman", "spokesman", "chairman", "father", "monk", "king",
        "congressman", "councilman", "man", "husband", "son", "brother"]

    /// Titles that name one office and can stand alone after "the" ("the chancellor
    /// told MPs"), beyond the role nouns.
    static let roleTitles: Set<String> = ["chancellor", "prosecutor", "governor", "senator", "mayor", "premier",
        "ambassador", "commissioner", "chairman", "chairwoman", "chairperson", "bishop", "archbishop", "coach",
        "sheriff", "inspector", "detective", "superintendent", "taoiseach", "pope", "king", "queen", "prince",
        "princess", "congressman", "congresswoman", "councillor", "pastor", "vicar", "rabbi", "imam", "envoy",
        "secretary-general", "attorney-general", "parliamentarian", "speaker", "mp", "mep", "msp", "pm"]

    /// The last mention ending before byte `x` that satisfies `ok`, among the 400 before it
    /// (a bounded look back: a huge article costs no scan per quotation).
    static func lastMention(before x: Int, _ ctx: Context, _ ok: (Mention) -> Bool) -> Mention? {
        let end = firstIndex(ctx.mentions, from: x)
        return ctx.mentions[..<end].suffix(400).last { $0.range.upperBound <= x && ok($0) }
    }

    /// Words that make another office of a title ("vice president", "prime minister").
    static let officeModifiers: Set<String> = ["vice", "deputy", "assistant", "former", "prime", "acting", "associate", "permanent",
        "foreign", "defence", "defense", "finance", "interior", "justice", "health", "lieutenant", "chief", "general",
        "attorney", "district", "state", "shadow", "junior", "senior", "co"]

    /// "the chancellor": the last person introduced with that title or role before the
    /// quotation ("Chancellor Philip Hammond", "Philip Hammond, the chancellor,").
    /// (With `only`, whether that person is one introduced so. With `qualifier`, a word
    /// the introduction holds too: "the Berlin mayor" is "Berlin Mayor Michael Muller", not
    /// "Moscow Mayor Sergey Sobyanin".) Two people with the office: the one the text is
    /// about when that is one of them, else the one introduced last.
    static func personWithRole(_ office: [String], _ ctx: Context, only: Int? = nil, qualifier: String? = nil) -> Attribution? {
        guard let role = office.last else { return nil }
        let before = ctx.mentions[..<firstIndex(ctx.mentions, from: ctx.quoteStart)].suffix(400)
        var holders: [Int] = []
        for m in before.reversed() where ctx.table.entities[m.entity].kind == .person && (only == nil || m.entity == only) {
            if holders.contains(m.entity) { continue }
            let lo = max(0, m.range.lowerBound - 60), hi = min(ctx.b.count, m.range.upperBound + 40)
            let wide = Array(EntityWords.tokens(ctx.b, lo..<m.range.lowerBound).filter(\.isWord).suffix(office.count + 3))
            let left = Array(wide.suffix(office.count + 2))
            let right = EntityWords.tokens(ctx.b, m.range.upperBound..<hi)
            // "Chancellor Hammond", "the chancellor, Hammond": the title just before the name;
            // "Hammond, the chancellor": the role right after the comma
            // (the whole office: "Vice President Pence" is not "the president")
            func holds(_ end: Int) -> Bool {
                guard end >= office.count else { return false }
                let w = left[(end - office.count)..<end].map(\.lower)
                return w == office && (end - office.count == 0 || !officeModifiers.contains(left[end - office.count - 1].lower))
            }
            let titled = holds(left.count) || (left.count >= 2 && left[left.count - 1].isCapitalized && holds(left.count - 1))
            var described = false
            var description: [EntityToken] = []
            if right.first?.text == ",", right.count >= 3 {
                // ("Lo, a DPP lawmaker who …": the description ends at its role noun)
                let w4 = right.dropFirst().prefix(4).prefix { $0.isWord }
                let w = w4.firstIndex { $0.lower == role }.map { w4[...$0] } ?? w4
                described = ["the", "a", "an"].contains(w.first?.lower ?? "") && w.last?.lower == role
                    && !w.dropLast().contains { officeModifiers.contains($0.lower) && !office.contains($0.lower) }
                description = Array(w)
            }
            guard titled || described else { continue }
            if let q = qualifier, !(titled ? wide : description).contains(where: { $0.lower == q }) { continue }
            holders.append(m.entity)
        }
        guard let latest = holders.first else { return nil }
        var e = latest
        if holders.count > 1, only == nil, let back = resolveBack(ctx)?.entity, holders.contains(back) { e = back }
        return Attribution(speaker: ctx.table.entities[e].name, entity: e, cue: nil)
    }

    /// "he", "she", "the lawmaker": the last person named earlier in the
    /// paragraph, else whichever came last: the previous quotation (its speaker)
    /// or a person named.
    /// With `female` ("she" or "he"), a person the article shows as the other gender is passed
    /// over: then the last person named before who may be meant.
    static func resolveBack(_ ctx: Context, female: Bool? = nil) -> Attribution? {
        func fits(_ e: Int?) -> Bool {
            guard let f = female, let e, let g = ctx.state.genders[e] else { return true }
            return g == f
        }
        // the latest of: the previous quotation's speaker, and the person a recent
        // sentence is about (not one named in a reported clause or inside quotes)
        let before = partition(ctx.state.subjects) { $0.at < ctx.quoteStart }
        let subject = before > 0 ? ctx.state.subjects[before - 1] : nil
        let last = ctx.state.last.flatMap { $0.speaker != nil ? $0 : nil }
        if !fits(subject?.entity) || !fits(last?.entity) {
            // one of them is the other gender: the latest who fits, among them and the people named
            let s = subject.flatMap { fits($0.entity) ? $0 : nil }, l = last.flatMap { fits($0.entity) ? $0 : nil }
            let m = lastMention(before: ctx.quoteStart, ctx) { ctx.table.entities[$0.entity].kind == .person && fits($0.entity) }
            let candidates: [(at: Int, speaker: String?, entity: Int?)] = [
                s.map { ($0.at, $0.entity.map { ctx.table.entities[$0].name } ?? $0.description, $0.entity) },
                l.map { ($0.at, $0.speaker, $0.entity) },
                m.map { ($0.range.lowerBound, ctx.table.entities[$0.entity].name, $0.entity) },
            ].compactMap { $0 }
            guard let best = candidates.max(by: { $0.at < $1.at }) else { return Attribution(speaker: nil, entity: nil, cue: nil) }
            return Attribution(speaker: best.speaker, entity: best.entity, cue: nil)
        }
        if let sub = subject, last.map({ sub.at > $0.at }) ?? true {
            guard let e = sub.entity else { return Attribution(speaker: sub.description, entity: nil, cue: nil) }
            return Attribution(speaker: ctx.table.entities[e].name, entity: e, cue: nil)
        }
        if let last { return Attribution(speaker: last.speaker, entity: last.entity, cue: nil) }
        if let m = lastMention(before: ctx.quoteStart, ctx, { ctx.table.entities[$0.entity].kind == .person }) {
            return Attribution(speaker: ctx.table.entities[m.entity].name, entity: m.entity, cue: nil)
        }
        // `"…," he said.` opening an article whose lede was cut (no one named before): the first person
        // a later sentence is about
        if subject == nil, last == nil, let next = ctx.state.subjects[before...].prefix(8).first(where: { $0.entity != nil && fits($0.entity) }),
           let e = next.entity {
            return Attribution(speaker: ctx.table.entities[e].name, entity: e, cue: nil)
        }
        return Attribution(speaker: nil, entity: nil, cue: nil)
    }
}

/// A paragraph's tokens, scanned once for all its quotations: `tokens(r)` is
/// what `EntityWords.tokens(b, r)` gives, as a slice of them.
///
/// Design rules:
/// - A slice is the scan of its stretch when both ends are between scalars and
///   no token's extent (its bytes, with a possessive's `'s` or final apostrophe
///   the scanner took off) runs across either end: the scanner starts afresh
///   there, and what it reads past a token's end it reads the same way.
/// - The stretches quotations ask for start and end at quotation marks or at
///   the paragraph's ends, which no token runs across; any other stretch that
///   does not qualify is scanned on its own.
struct ParagraphTokens {
    private let b: [UInt8]
    private let range: Range<Int>
    private let all: [EntityToken]

    init(_ b: [UInt8], _ range: Range<Int>) {
        self.b = b; self.range = range
        all = EntityWords.tokens(b, range)
    }

    private func extent(_ t: EntityToken) -> Int { EntityWords.extent(t, in: b) }
    private func betweenScalars(_ x: Int) -> Bool { EntityWords.betweenScalars(b, x) }

    func tokens(_ r: Range<Int>) -> [EntityToken] {
        guard r.lowerBound >= range.lowerBound, r.upperBound <= range.upperBound,
              betweenScalars(r.lowerBound), betweenScalars(r.upperBound) else { return EntityWords.tokens(b, r) }
        let lo = QuotesExtractor.partition(all) { $0.range.lowerBound < r.lowerBound }
        let hi = QuotesExtractor.partition(all) { $0.range.lowerBound < r.upperBound }
        if lo > 0, extent(all[lo - 1]) > r.lowerBound { return EntityWords.tokens(b, r) }
        if hi > lo, extent(all[hi - 1]) > r.upperBound { return EntityWords.tokens(b, r) }
        return Array(all[lo..<hi])
    }
}
