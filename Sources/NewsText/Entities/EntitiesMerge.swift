import Foundation
import NewsStore

/// Merging entity candidates into entities: people by their name words,
/// surnames to the full name, acronyms to their organisation (the one it
/// follows in parentheses anywhere, else the one in the same article whose
/// initials it is).
extension EntitiesExtractor {
    static func merge(_ candidates: consuming CandidateRuns, _ corpus: Corpus) -> EntityTable {
        var cands = consume candidates
        func key(_ words: [String]) -> String {
            words.map { w in
                let l = w.lowercased()
                guard l.utf8.first == 0x2E || l.utf8.last == 0x2E else { return l }
                return String(l.drop(while: { $0 == "." }).reversed().drop(while: { $0 == "." }).reversed())
            }.joined(separator: " ")
        }
        // an organisation's key without a last "party" ("the Fine Gael party" is Fine Gael, "Labour Party" Labour)
        func orgKey(_ words: [String]) -> String {
            var k = key(words)
            // "The White House" is the White House
            if k.hasPrefix("the "), k.utf8.count > 4 { k = String(k.dropFirst(4)) }
            // "Aerospace Forces" is the Aerospace Force
            if k.hasSuffix(" forces") { k.removeLast() }
            return k.hasSuffix(" party") && k.utf8.count > 6 ? String(k.dropLast(6)) : k
        }
        func personKey(_ words: [String]) -> String { words.map { $0.lowercased() }.sorted().joined(separator: " ") }

        // (steps 1, 2 and the translations read the candidates only, each filling its own
        // tables: the three run at once)
        var acronymOf: [String: String] = [:]
        var initials: [Int: [String: Set<String>]] = [:]
        // the seas, oceans, rivers and deserts of each article by their names without that word
        // ("mediterranean" -> "mediterranean sea")
        var featureOf: [Int: [String: Set<String>]] = [:]
        var personEvidence: [String: Bool] = [:]
        var singleEvidence = Set<String>()
        var singleStrong = Set<String>()
        // in how many articles each word is a person's surname (the last word of a full name with
        // evidence, or a word after a title), and in how many the tagger alone calls it an organisation
        // (with the last article counted, so that each counts once: candidates come in article order)
        var surnameVotes: [String: (n: Int, last: Int)] = [:]
        var loneOrgVotes: [String: (n: Int, last: Int)] = [:]
        var peopleInArticle: [Int: [(key: String, at: Int)]] = [:]
        var peopleKeysByWord: [Int: [Substring: [String]]] = [:]
        var namedAt: [Int: [String: [Int]]] = [:]
        var translated: [Int: [String: String]] = [:]
        DispatchQueue.concurrentPerform(iterations: 3) { step in
            switch step {
            case 0:
                // 1. organisations and their acronyms
                for c in cands where c.kind == .org {
                    if let a = c.acronymAfter { acronymOf[a.replacingOccurrences(of: ".", with: "")] = orgKey(c.words) }
                }
                // initials of the organisations named in each article (LDP = Liberal Democratic Party)
                for c in cands where c.kind == .org {
                    let k = key(c.words)
                    let ok = orgKey(c.words)
                    let letters = k.split(separator: " ").filter { !Lex.connectors.contains(String($0)) }.compactMap { $0.first }.map { String($0).uppercased() }.joined()
                    if letters.count >= 2 { initials[c.article, default: [:]][letters, default: []].insert(ok) }
                }
                for c in cands where c.kind == .place && c.words.count >= 2 {
                    let k = key(c.words)
                    guard let space = k.lastIndex(of: " "), Lex.featureWords.contains(String(k[k.index(after: space)...])) else { continue }
                    // (not where the name alone is a country, state or city: "Taiwan" of "the Taiwan Strait")
                    let head = k[..<space].split(separator: " ").map(String.init)
                    let gaz = NameTagger.sharedGazetteer
                    let bits = head.count == 1 ? gaz.bits(FeatureHash.word(head[0])) : (gaz.places.get(FeatureHash.phrase(head.map(FeatureHash.word))) ?? 0)
                    if bits & (Gazetteer.Bit.country | Gazetteer.Bit.state | Gazetteer.Bit.city) != 0 { continue }
                    featureOf[c.article, default: [:]][String(k[..<space]), default: []].insert(Lex.places[k]?.lowercased() ?? k)
                }
            case 1:
                // 2. people: full names with evidence, and what single words they own
                for c in cands where c.kind == .person {
                    if c.words.count >= 2 {
                        personEvidence[personKey(c.words), default: false] = personEvidence[personKey(c.words), default: false] || c.evidence
                    } else if c.evidence && !c.common {
                        singleEvidence.insert(c.words[0].lowercased())
                        if c.strong { singleStrong.insert(c.words[0].lowercased()) }
                    }
                }
                for c in cands where c.words.count >= 1 {
                    func count(_ votes: inout [String: (n: Int, last: Int)], _ w: String) {
                        let v = votes[w, default: (0, -1)]
                        if v.last != c.article { votes[w] = (v.n + 1, c.article) }
                    }
                    if c.kind == .person, c.evidence, c.words.count >= 2 || c.strong, let l = c.words.last {
                        count(&surnameVotes, l.lowercased())
                    } else if c.kind == .org, c.tagged, c.words.count == 1 {
                        count(&loneOrgVotes, c.words[0].lowercased())
                    }
                }
                for (k, ev) in personEvidence where !ev {
                    if k.split(separator: " ").contains(where: { singleEvidence.contains(String($0)) }) { personEvidence[k] = true }
                }
                for c in cands where c.kind == .person && c.words.count >= 2 && personEvidence[personKey(c.words)] == true {
                    peopleInArticle[c.article, default: []].append((personKey(c.words), c.range.lowerBound))
                }

                // the people of each article by word (computed once: an article may be huge)
                // and where each person is named in the article (ascending)
                for (a, ps) in peopleInArticle {
                    var at: [String: [Int]] = [:]
                    for p in ps { at[p.key, default: []].append(p.at) }
                    for k in at.keys { at[k]!.sort() }
                    namedAt[a] = at
                    let keys = Set(ps.map(\.key))
                    var byW: [Substring: [String]] = [:]
                    for k in keys { for w in Set(k.split(separator: " ")) { byW[w, default: []].append(k) } }
                    peopleKeysByWord[a] = byW
                }

                // an organisation's translation in parentheses right after it ("Jaysh al-Islam (Army of
                // Islam)", "Spravedlivaya Pomoshch (Fair Help)") is that organisation
            default:
                var bySentence: [Int: [Candidate]] = [:]
                for c in cands where c.kind == .org { bySentence[c.sentence, default: []].append(c) }
                // (sentences in order: the dictionary's own order changes from run to run)
                var seen: [Int: [String: String]] = [:], clashing: [Int: Set<String>] = [:]
                var bytes: [UInt8] = [], bytesArticle = -1
                for si in bySentence.keys.sorted() {
                    let cs = bySentence[si]!
                    guard cs.count > 1 else { continue }
                    let sorted = cs.sorted { $0.range.lowerBound < $1.range.lowerBound }
                    // (an article's bytes copied once for all its sentences: they come in order)
                    if sorted[0].article != bytesArticle { bytes = Array(corpus.articles[sorted[0].article].text.utf8); bytesArticle = sorted[0].article }
                    for (a, b) in zip(sorted, sorted.dropFirst()) where a.range.upperBound <= b.range.lowerBound {
                        // (the closing parenthesis first: the gap's String only where one closes)
                        guard b.range.upperBound < bytes.count, bytes[b.range.upperBound] == 0x29 else { continue }
                        let gap = String(decoding: bytes[a.range.upperBound..<b.range.lowerBound], as: UTF8.self)
                        guard gap.trimmingCharacters(in: .whitespaces) == "(" else { continue }
                        let ka = orgKey(a.words), kb = orgKey(b.words)
                        guard ka != kb else { continue }
                        // one name in parentheses after two different names is no translation but an
                        // affiliation ("Vitolo (Sevilla)", "Joaquín Correa (Sevilla)")
                        if let before = seen[a.article]?[kb], before != ka { clashing[a.article, default: []].insert(kb); continue }
                        seen[a.article, default: [:]][kb] = ka
                        translated[a.article, default: [:]][kb] = translated[a.article]?[ka] ?? ka
                    }
                }
                for (article, names) in clashing { for kb in names { translated[article]?[kb] = nil } }
            }
        }
        func resolveAcronym(_ a: String, article: Int) -> (EntityKind, String)? {
            let bare = a.replacingOccurrences(of: ".", with: "")
            if Lex.stop.contains(bare.lowercased()) { return nil }
            // (the organisation by its known name: "ISIL" after "Islamic State of Iraq and the Levant" is Islamic State)
            func known(_ k: String) -> String { Lex.orgs[k].map { orgKey([$0]) } ?? k }
            if let k = acronymOf[bare] { return (.org, known(k)) }
            if let ks = initials[article]?[bare], ks.count == 1 { return (.org, known(ks.first!)) }
            if let o = Lex.orgs[a.lowercased()] { return (.org, orgKey([o])) }
            return nil
        }

        // 3. resolve every candidate to (kind, key)
        // (a candidate by its index: a copy of each would double the memory of the largest step)
        // (the two halves of the candidates at once: each reads only what the steps above built)
        func resolve(_ half: Range<Int>) -> [(at: Int, kind: EntityKind, key: String)] {
            var resolved: [(at: Int, kind: EntityKind, key: String)] = []
            // (the first half's array has room for the second's, appended to it below)
            resolved.reserveCapacity(half.lowerBound == 0 ? cands.count : half.count)
            // the joins of two name words of the people of one article (a surname written as one word)
            var joins: [String: Set<String>] = [:], joinsArticle = -1
            // a person's key as the one longer name of the article holding all its words ("ben belgacem" is
            // "ziyed ben belgacem", "donald trump" is "donald j. trump"), else itself
            func fullest(_ k: String, article: Int) -> String {
                let words = Set(k.split(separator: " "))
                // (the keys listed under a word are distinct: no set to build)
                let longer = (peopleKeysByWord[article]?[words.first!] ?? []).filter { l in
                    let lw = l.split(separator: " ")
                    return lw.count > words.count && words.isSubset(of: lw)
                }
                return longer.count == 1 ? longer[0] : k
            }
            for ci in half {
                let c = cands[ci]
                // a lone word the tagger alone calls an organisation, that the corpus names as a person's
                // surname more often ("Trump's travel ban", "the Trump team" where "President Trump" and
                // "Donald Trump" are read elsewhere): that person, as a surname is
                var kind = c.kind
                if kind == .org, c.tagged, c.words.count == 1, Lex.orgs[c.lowerKey] == nil, !camelCased(c.words[0]),
                   !Lex.orgWords.contains(c.lowerKey), !Lex.placeWords.contains(c.lowerKey), !c.words[0].utf8.allSatisfy({ $0 < 0x61 }),
                   let pv = surnameVotes[c.words[0].lowercased()], pv.n > loneOrgVotes[c.words[0].lowercased()]?.n ?? 0 {
                    kind = .person
                }
                switch kind {
                case .place:
                    // an Irish county is its name ("Co Clare" = "Clare")
                    var k = key(c.words)
                    if k.hasPrefix("co "), c.words.count == 2 { k = String(k.dropFirst(3)) }
                    // (one unknown word that spells the initials of one organisation of its article is that
                    // organisation written as a word: "the Advisory Committee on Business Appointments, or Acoba")
                    if c.words.count == 1, Lex.places[k] == nil, c.words[0].utf8.count >= 4,
                       let ks = initials[c.article]?[c.words[0].uppercased()], ks.count == 1, let full = ks.first {
                        resolved.append((ci, .org, full)); continue
                    }
                    // (a sea, ocean, river or desert named without its word where the article names it in full
                    // is it: "the Mediterranean" of "the Mediterranean Sea")
                    // (an island group's plural is its name: "Faroe" and "Faroe Island" of "the Faroe Islands")
                    if var fs = featureOf[c.article]?[k] {
                        fs = fs.filter { !($0.hasSuffix(" island") && fs.contains($0 + "s")) }
                        if fs.count == 1, let full = fs.first, full != k { resolved.append((ci, .place, full)); continue }
                    }
                    if k.hasSuffix(" island"), let space = k.lastIndex(of: " "),
                       featureOf[c.article]?[String(k[..<space])]?.contains(k + "s") == true {
                        resolved.append((ci, .place, k + "s")); continue
                    }
                    // (a state named by its form of government is that state: "the Kingdom of Denmark" is Denmark)
                    let kw = k.split(separator: " ").map(String.init)
                    if kw.count >= 3, Lex.places[k] == nil, stateForm(kw) {
                        let rest = kw[2...].joined(separator: " ")
                        resolved.append((ci, .place, Lex.places[rest]?.lowercased() ?? rest)); continue
                    }
                    resolved.append((ci, .place, Lex.places[k]?.lowercased() ?? k))
                case .org:
                    var k = orgKey(c.words)
                    // a known organisation's other name is it ("news agency AFP" is Agence France-Presse)
                    if let o = Lex.orgs[k], o.lowercased() != k { k = orgKey([o]) }
                    // an acronym written as a word ("Acoba", "Nato" style) is the one organisation of its
                    // article whose initials it spells
                    else if c.words.count == 1, c.words[0].utf8.count >= 3, let ks = initials[c.article]?[c.words[0].uppercased()],
                            ks.count == 1, let full = ks.first, full != k { k = full }
                    resolved.append((ci, .org, translated[c.article]?[k] ?? k))
                case .acronym:
                    if let (k, kk) = resolveAcronym(c.words[0], article: c.article) { resolved.append((ci, k, kk)) }
                case .person:
                    if c.words.count >= 2 {
                        // a shorter form of a longer name in the same article ("Ben Belgacem", "Ziyed Ben Belgacem")
                        let k = fullest(personKey(c.words), article: c.article)
                        if personEvidence[k] == true { resolved.append((ci, .person, k)) }
                        continue
                    }
                    let w = c.words[0].lowercased()
                    // (each name as its article's fullest form: "Trump" of "Donald Trump" and "Donald J. Trump" is one)
                    var written = peopleKeysByWord[c.article]?[Substring(w)] ?? []
                    // a surname with its particle written as one word ("DeVos" of "Betsy De Vos")
                    if written.isEmpty, w.utf8.count >= 4, let ps = peopleInArticle[c.article] {
                        // (the article's two-word joins made once: "devos" -> "betsy de vos")
                        if joinsArticle != c.article {
                            joins = [:]
                            for k in Set(ps.map(\.key)) {
                                let kw = k.split(separator: " ")
                                for i in kw.indices { for j in kw.indices where i != j { joins[String(kw[i]) + kw[j], default: []].insert(k) } }
                            }
                            joinsArticle = c.article
                        }
                        written = joins[w].map { $0.sorted() } ?? []
                    }
                    let local = Array(Set(written.map { fullest($0, article: c.article) })).sorted()
                    if local.count == 1 {
                        resolved.append((ci, .person, local[0]))
                    } else if local.count > 1 {
                        // the one named most recently before
                        let pos = c.range.lowerBound
                        // (read on the names as written, each then as its fullest form)
                        let latest = written.compactMap { k -> (at: Int, key: String)? in
                            guard let ats = namedAt[c.article]?[k] else { return nil }
                            let n = QuotesExtractor.partition(ats) { $0 < pos }
                            return n > 0 ? (ats[n - 1], fullest(k, article: c.article)) : nil
                        }.max { $0.at != $1.at ? $0.at < $1.at : $0.key > $1.key }
                        resolved.append((ci, .person, latest?.key ?? local[0]))
                    } else if c.tagged || singleStrong.contains(w) || (c.evidence && !c.common) {
                        // a surname alone is the person of its own article, never a namesake elsewhere
                        // (one word that is no one's name in the article, without a title anywhere, and that no list
                        // knows as a given name or surname, is a firm's or body's: "sold the business to Santander",
                        // "a report by Savills"; or a place the gazetteer knows)
                        let bits = NameTagger.sharedGazetteer.bits(FeatureHash.word(w))
                        if !singleStrong.contains(w), !c.strong, bits & (Gazetteer.Bit.firstName | Gazetteer.Bit.lastName) == 0,
                           w.utf8.count >= 3, Lex.places[w] == nil {
                            if bits & Gazetteer.Bit.place != 0 { resolved.append((ci, .place, w)) }
                            else { resolved.append((ci, .org, orgKey(c.words))) }
                            continue
                        }
                        resolved.append((ci, .person, w))
                    }
                }
            }
            return resolved
        }
        let mid = cands.count / 2
        var halves = parallel([0..<mid, mid..<cands.count], resolve)
        var resolved = halves[0]
        halves[0] = []
        resolved.append(contentsOf: halves[1])
        halves = []

        // an organisation named by part of a longer name of the same article ("Fox" of
        // "Fox News", "Navy" of "US Navy"): that organisation, when only one fits
        var orgsInArticle: [Int: Set<String>] = [:]
        for r in resolved where r.kind == .org { orgsInArticle[cands[r.at].article, default: []].insert(r.key) }
        // the longer names of each article by their leading and trailing words
        var longerOf: [Int: [String: Set<String>]] = [:]
        // and the names of a body qualified by its country ("Russian Defense Ministry", "US Department of
        // Justice") by the body's own name: a body's name alone is the article's qualified one, when only one fits
        var qualifiedOf: [Int: [String: Set<String>]] = [:]
        // (sets only: the order they are built in does not matter)
        for (a, names) in orgsInArticle where names.count > 1 {
            var m: [String: Set<String>] = [:], q: [String: Set<String>] = [:]
            for l in names {
                let lw = l.split(separator: " ")
                for n in lw.indices.dropFirst() {
                    m[lw[..<n].joined(separator: " "), default: []].insert(l)
                    m[lw[n...].joined(separator: " "), default: []].insert(l)
                }
                // and the name after an Arabic article ("Nusra" of "Jabhat al-Nusra")
                if lw.count >= 2, let w = lw.last, let dash = w.firstIndex(of: "-"), ["al", "ar", "as", "ash", "ad", "an", "at", "az", "el"].contains(String(w[..<dash])),
                   w.distance(from: dash, to: w.endIndex) >= 4 {
                    m[String(w[w.index(after: dash)...]), default: []].insert(l)
                }
                if lw.count >= 2, lw.count <= 8, Lex.demonyms.contains(String(lw[0])) || Lex.places[String(lw[0])] != nil,
                   lw.dropFirst().contains(where: { Lex.orgWords.contains(String($0)) }) {
                    q[lw.dropFirst().joined(separator: " "), default: []].insert(l)
                }
            }
            longerOf[a] = m
            qualifiedOf[a] = q
        }
        // the one organisation of an article named "X" and a firm's word ("Sonova Group", "Citigroup Inc",
        // "Al Jazeera Media Network"): the firm of every "X" of the article
        func firmOf(_ k: String, _ a: Int) -> String? {
            guard let names = orgsInArticle[a] else { return nil }
            let firms = Lex.firmTails.map { k + " " + $0 }.filter { names.contains($0) }
            return firms.count == 1 ? firms[0] : nil
        }
        for i in resolved.indices where resolved[i].kind == .org {
            let k = resolved[i].key
            let a = cands[resolved[i].at].article
            if let q = qualifiedOf[a]?[k], q.count == 1, let l = q.first { resolved[i].key = l; continue }
            // a broadcaster and its news service named in one article are one ("ABC" of "ABC News")
            if !k.contains(" "), let names = orgsInArticle[a], names.contains(k + " news") {
                resolved[i].key = k + " news"; continue
            }
            if let f = firmOf(k, a) { resolved[i].key = f; continue }
            // an institution's own name is not part of its offices' ("Senate", "Senate Historical Office")
            // (but a body's name of two words or more that ends a longer one of the article is it: "Freedom
            // Caucus" of "House Freedom Caucus", "Security Council" of "UN Security Council")
            if k.split(separator: " ").contains(where: { Lex.orgWords.contains(String($0)) }) || Lex.orgs[k] != nil {
                if k.contains(" "), let longer = longerOf[a]?[k]?.filter({ $0.hasSuffix(" " + k) }), longer.count == 1,
                   longerOf[a]?[k]?.count == 1, let l = longer.first { resolved[i].key = l }
                continue
            }
            if let longer = longerOf[a]?[k], longer.count == 1, let l = longer.first { resolved[i].key = l }
        }
        // (and one word of another kind there: "Sonova" the gazetteer knows as a town, of "Sonova Group")
        for i in resolved.indices where resolved[i].kind != .org && !resolved[i].key.contains(" ") {
            if let f = firmOf(resolved[i].key, cands[resolved[i].at].article) { resolved[i].kind = .org; resolved[i].key = f }
        }

        // (what resolving needed goes before the mentions are built)
        acronymOf = [:]; initials = [:]; featureOf = [:]; personEvidence = [:]; singleEvidence = []; singleStrong = []
        surnameVotes = [:]; loneOrgVotes = [:]
        peopleInArticle = [:]; peopleKeysByWord = [:]; namedAt = [:]; translated = [:]; orgsInArticle = [:]; longerOf = [:]; qualifiedOf = [:]

        // 4. group, name, and order
        struct Group { var kind: EntityKind; var forms: [String: Int] = [:]; var order: [String] = []; var mentions: [Int] = [] }
        var groups: [String: Group] = [:]
        var mentions: [Mention] = []
        mentions.reserveCapacity(resolved.count)
        let place = resolved.map { (cands[$0.at].article, cands[$0.at].range.lowerBound) }
        let sortedResolved = resolved.indices.sorted { place[$0] < place[$1] }
        var released = 0
        for ri in sortedResolved {
            // mentions come in article order, as the runs do: a run behind is read no more
            let run = cands.run(of: resolved[ri].at)
            if run > released { cands.release(runsBefore: run); released = run; HeapTrim.now() }
            let r = (cand: cands[resolved[ri].at], kind: resolved[ri].kind, key: resolved[ri].key)
            let gk = r.kind.rawValue + ":" + r.key
            let form = r.cand.surface
            let m = mentions.count
            // mutated in place (a copy out and back would copy its arrays on every mention)
            modify(&groups[gk, default: Group(kind: r.kind)]) { g in
                if g.forms[form] == nil { g.order.append(form) }
                g.forms[form, default: 0] += 1
                g.mentions.append(m)
            }
            let text = corpus.articles[r.cand.article].slice(r.cand.range)
            mentions.append(Mention(entity: -1, article: r.cand.article, sentence: r.cand.sentence, range: r.cand.range, text: String(text)))
        }
        // the candidates are done with: their memory goes before the entities are built
        cands = CandidateRuns([])
        resolved = []
        HeapTrim.now()
        var entities: [Entity] = []
        var groupKeys: [String] = []
        entities.reserveCapacity(groups.count)
        groupKeys.reserveCapacity(groups.count)
        for (gk, g) in groups {
            let bare = String(gk.split(separator: ":", maxSplits: 1)[1])
            func fullForm(_ f: String) -> Bool {
                switch g.kind {
                case .person: return f.split(separator: " ").count >= 2
                case .org: return !(f.split(separator: " ").count == 1 && f == f.uppercased())
                case .place: return true
                }
            }
            // the fullest form names it ("Labour Party" over "Labour", "George W. Bush" over "George Bush"),
            // then the most frequent, then the first seen; a place keeps its most frequent form
            func fullness(_ f: String) -> Int {
                guard g.kind != .place, g.order.count > 1 else { return 0 }
                var n = 1
                for b in f.utf8 where b == 0x20 { n += 1 }
                return n - (f.hasPrefix("The ") || f.hasPrefix("the ") ? 1 : 0)
            }
            var name = g.order.filter(fullForm).max { (fullness($0), g.forms[$0]!, -g.order.firstIndex(of: $0)!) < (fullness($1), g.forms[$1]!, -g.order.firstIndex(of: $1)!) } ?? g.order[0]
            if g.kind == .place, let p = Lex.places[bare] { name = p }
            if g.kind == .org, let o = Lex.orgs[bare] { name = o }
            // organisation names: prefer the capitalised form ("Liberal Democratic Party" over "... party")
            if g.kind == .org, let cap = g.order.filter(fullForm).filter({ $0.lowercased() == name.lowercased() && $0.split(separator: " ").allSatisfy { $0.first?.isUppercase == true || Lex.connectors.contains(String($0)) } }).first {
                name = cap
            }
            let aliases = g.order.filter { $0 != name && $0.lowercased() != name.lowercased() }
            let arts = Array(Set(g.mentions.map { mentions[$0].article })).sorted()
            entities.append(Entity(name: name, kind: g.kind, aliases: aliases, articles: arts, mentions: g.mentions))
            groupKeys.append(gk)
        }
        // most mentioned first, then by name; a name two kinds share, by kind; two entities of one
        // name and kind by their keys (never the dictionary's order, which changes from run to run).
        // (their indices are sorted: moving the entities themselves copies their arrays at each step)
        let order = entities.indices.sorted { a, b in
            let na = entities[a].mentions.count, nb = entities[b].mentions.count
            if na != nb { return na > nb }
            if entities[a].name != entities[b].name { return entities[a].name < entities[b].name }
            if entities[a].kind != entities[b].kind { return entities[a].kind.rawValue < entities[b].kind.rawValue }
            return groupKeys[a] < groupKeys[b]
        }
        entities = order.map { entities[$0] }
        groupKeys = []
        for (ei, e) in entities.enumerated() { for m in e.mentions { mentions[m].entity = ei } }
        var byArticle = [[Int]](repeating: [], count: corpus.articles.count)
        for (mi, m) in mentions.enumerated() { byArticle[m.article].append(mi) }
        return EntityTable(entities: entities, mentions: mentions, byArticle: byArticle)
    }

    @inline(__always)
    private static func modify<T>(_ value: inout T, _ body: (inout T) -> Void) { body(&value) }
}

/// The candidates of every run of articles read as one collection, without
/// copying them into one array (which would hold each candidate twice for a moment).
struct CandidateRuns: RandomAccessCollection {
    private var runs: [[EntitiesExtractor.Candidate]]
    /// Where each run starts; the last element is the count.
    private let starts: [Int]

    init(_ runs: [[EntitiesExtractor.Candidate]]) {
        self.runs = runs.filter { !$0.isEmpty }
        var s = [0]
        for r in self.runs { s.append(s[s.count - 1] + r.count) }
        starts = s
    }

    var startIndex: Int { 0 }
    var endIndex: Int { starts[starts.count - 1] }

    /// The run holding index `i`: the last one starting at or before it.
    func run(of i: Int) -> Int {
        var lo = 0, hi = runs.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= i { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    subscript(i: Int) -> EntitiesExtractor.Candidate {
        // (read in place: `cands[i].article` copies no candidate)
        _read {
            let r = run(of: i)
            yield runs[r][i - starts[r]]
        }
    }

    /// Lets go of the candidates of the runs before run `k` (reading them afterwards is an error).
    mutating func release(runsBefore k: Int) {
        for j in 0..<Swift.min(k, runs.count) where !runs[j].isEmpty { runs[j] = [] }
    }

    func makeIterator() -> FlattenSequence<[[EntitiesExtractor.Candidate]]>.Iterator { runs.joined().makeIterator() }
}
