import Foundation

/// The name tagger's part in entity extraction: its names become candidates
/// beside the rules' ones, and each article's names label their other mentions.
///
/// Design rules:
/// - Where a rule candidate and a tagged name overlap, the rule's boundaries
///   stay (titles split off, "X and Y" as two, acronyms in parentheses); the
///   tagger confirms a person the rules had no evidence for, and gives its kind
///   to a name the rules only guessed was a person.
/// - A tagged name loses a title or role before it and a leading "the"; a
///   tagged person "X and Y" is two people. Kinds from words stay: a known place
///   (the lexicon, a country or state of the gazetteer) or a place word at the
///   end makes a place, an organisation word an organisation.
/// - Document level: a name found in an article gives its kind (the majority
///   of its mentions, rule keywords counting double) to every mention of the same
///   words in that article, and the surname of a person found there is that
///   person wherever else it stands alone in the article.
extension EntitiesExtractor {
    /// Candidates from one tagged span (two for "X and Y" people), cleaned.
    static func taggedCandidates(_ sp: TaggedSpan, _ toks: [EntityToken], article: Int, sentence: Int,
                                 gazetteer: Gazetteer) -> [Candidate] {
        var idx = Array(sp.tokens)
        let person = sp.kind == .person
        // (nor a link's code of letters and digits mixed: "QoqqB5tiEI")
        while let f = idx.first, !toks[f].isWord || Lex.connectors.contains(toks[f].lower) || linkCode(toks[f], minBytes: 6)
                || (person && Lex.titles.contains(undotted(toks[f].lower))) || (person && Lex.roles.contains(toks[f].lower)) {
            idx.removeFirst()
        }
        while let l = idx.last, !toks[l].isWord || Lex.connectors.contains(toks[l].lower)
                || (idx.count > 1 && Lex.weekdays.contains(undotted(toks[l].lower))) { idx.removeLast() }
        guard !idx.isEmpty else { return [] }
        if person {
            // a person's name never ends in a title ("Chief Military Prosecutor"), and starts after
            // the last title inside ("Military Prosecutor Sergei Fridinsky")
            // (titles that are also surnames, "Martin Luther King", "Stephen Judge", are left alone)
            let nameLike: Set<String> = ["king", "queen", "prince", "princess", "lord", "lady", "sir", "dame", "justice", "judge",
                                         "general", "chief", "pope", "speaker", "chancellor", "counsel", "manager", "coach",
                                         "major", "marshal", "bishop", "dean", "canon", "leader", "chair", "miss"]
            func strongTitle(_ i: Int) -> Bool { let l = undotted(toks[i].lower); return Lex.titles.contains(l) && !nameLike.contains(l) }
            if let l = idx.last, strongTitle(l) { return [] }
            if let t = idx.lastIndex(where: strongTitle) { idx = Array(idx[(t + 1)...]) }
            // nor starts with an organisation or a place ("United Nations Matthew Rycroft")
            for n in stride(from: min(idx.count - 1, 4), through: 1, by: -1) {
                let key = idx[..<n].map { undotted(toks[$0].lower) }.joined(separator: " ")
                // (one-word places are given names too: "Jordan Horowitz", "Georgia Brown")
                if Lex.orgs[key] != nil || (n >= 2 && Lex.places[key] != nil) {
                    idx = Array(idx[n...])
                    break
                }
            }
        }
        if person, let cut = portfolioCut(idx.map { undotted(toks[$0].lower) }) { idx.removeFirst(cut) }
        // nationalities ("North Vietnamese"), generic words alone ("Lent"), events and quoted titles of works
        let lowered = idx.map { undotted(toks[$0].lower) }
        if lowered.allSatisfy({ Lex.demonyms.contains($0) || Lex.compass.contains($0) }) { return [] }
        if idx.count == 1, Lex.genericAlone.contains(lowered[0]) { return [] }
        let bodyName = lowered.last.map { Lex.orgWords.contains($0) } == true
        if lowered.contains(where: { (Lex.eventWords.contains($0) && !bodyName) || notANameWord($0) }) || numberFirst(lowered)
            || eventName(lowered) { return [] }
        // (nor a feast's eve cut from its feast: "Eve" of "Christmas Eve")
        if lowered.first == "eve", let f = idx.first, f > 0, feasts.contains(toks[f - 1].lower) { return [] }
        if let f = idx.first, let l = idx.last, quotedTitle(toks, f, l) || portfolioWord(toks, f, l)
            || programmeOfBroadcaster(toks, f, lowered) { return [] }
        // an award's category is no name ("Best Supporting Actor"), nor part of the name before it
        guard let uncategorised = withoutAwardCategory(idx, toks) else { return [] }
        idx = uncategorised
        var parts: [[Int]] = [idx]
        if person, idx.contains(where: { toks[$0].lower == "and" }) {
            parts = idx.split(whereSeparator: { toks[$0].lower == "and" }).map(Array.init)
        }
        if sp.kind == .org, idx.contains(where: { toks[$0].lower == "and" }) {
            parts = splitConnectors(idx, toks)
        }
        return parts.compactMap { taggedCandidate($0, sp, toks, article: article, sentence: sentence, gazetteer: gazetteer) }
            .compactMap(withoutHyphenTail)
    }

    static func taggedCandidate(_ idx: [Int], _ sp: TaggedSpan, _ toks: [EntityToken], article: Int, sentence: Int,
                                gazetteer: Gazetteer) -> Candidate? {
        guard let first = idx.first, let last = idx.last, TaggerFeatures.isSeed(toks[first]) else { return nil }
        // every word a capitalised one or a connector ("Bank of England")
        guard idx.allSatisfy({ TaggerFeatures.isSeed(toks[$0]) || Lex.connectors.contains(toks[$0].lower)
            || (!toks[$0].isWord && ["&", "-", "."].contains(toks[$0].text)) }) else { return nil }
        let lower = idx.map { undotted(toks[$0].lower) }
        let key = lower.joined(separator: " ")
        if lower.contains(where: { Lex.notEntityWords.contains($0) }), !namedBody(lower) { return nil }
        if idx.count == 1, Lex.demonyms.contains(lower[0]) || Lex.stop.contains(lower[0]) || Lex.titles.contains(lower[0])
            || Lex.genericAlone.contains(lower[0]) { return nil }
        // half of a hyphenated compound ("U.S.-made")
        if idx.count == 1 {
            if last + 1 < toks.count, toks[last + 1].text == "-", toks[last + 1].range.lowerBound == toks[last].range.upperBound { return nil }
            if first > 0, toks[first - 1].text == "-", toks[first - 1].range.upperBound == toks[first].range.lowerBound { return nil }
        }
        let words = idx.enumerated().map { k, i in toks[i].text + (k + 1 < idx.count ? toks[i].suffix : "") }
        var c = Candidate(article: article, sentence: sentence, range: toks[first].range.lowerBound..<toks[last].range.upperBound,
                          words: words, surface: words.joined(separator: " "), kind: .person, evidence: true)
        c.tagged = true
        c.strong = true
        c.lowerKey = key
        if last + 3 < toks.count, toks[last + 1].text == "(", toks[last + 2].isAcronym, toks[last + 3].text == ")" {
            c.acronymAfter = toks[last + 2].text
        }
        let bits = idx.count == 1 ? gazetteer.bits(FeatureHash.word(lower[0])) : (gazetteer.places.get(FeatureHash.phrase(lower.map(FeatureHash.word))) ?? 0)
        if let p = Lex.places[key] {
            c.kind = .place; c.surface = p; c.words = [p]
        } else if let o = Lex.orgs[key], key.count > 4 || sp.kind == .org {
            c.kind = .org; c.surface = o; c.words = [o]
        } else if idx.count >= 2, let l = lower.last, Lex.placeWords.contains(l) {
            c.kind = .place
        } else if idx.count >= 2, placeHeads.contains(lower[0]), !lower.contains(where: { Lex.orgWords.contains($0) }) {
            c.kind = .place
        } else if idx.count == 2, irishCounty(toks, first) {
            c.kind = .place
        } else if idx.count >= 2, lower.contains(where: { Lex.orgWords.contains($0) }) {
            c.kind = .org
        } else if bits & (Gazetteer.Bit.country | Gazetteer.Bit.state) != 0 && !(sp.kind == .person && idx.count > 1 && bits & Gazetteer.Bit.country == 0) {
            c.kind = .place
        } else if idx.count >= 2, bits & Gazetteer.Bit.city != 0, sp.kind == .person, !givenName(lower[0]) {
            // a city of several words the tagger called a person ("Des Moines"), unless it opens with a given name
            c.kind = .place
        } else {
            c.kind = sp.kind == .person ? .person : sp.kind == .org ? .org : .place
        }
        if c.kind == .person {
            // a person's name is name-like words
            guard idx.count <= 4, words.allSatisfy({ w in w.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." || $0 == "?" } })
            else { return nil }
        }
        return c
    }

    /// The rules' candidates of a sentence with the tagger's names added.
    static func combine(_ rules: [Candidate], _ spans: [TaggedSpan], _ toks: [EntityToken], article: Int, sentence: Int,
                        midCaps: Vocab) -> [Candidate] {
        guard !spans.isEmpty else { return rules }
        let gaz = NameTagger.shared?.gazetteer ?? NameTagger.sharedGazetteer
        var out = rules
        for sp in spans {
            for t in taggedCandidates(sp, toks, article: article, sentence: sentence, gazetteer: gaz) {
                if capitalOnlyAtStart(t, toks, midCaps: midCaps, gazetteer: gaz) { continue }
                let ov = out.indices.filter { out[$0].range.overlaps(t.range) }
                if ov.isEmpty { out.append(t); continue }
                // a longer organisation or place around words the rules only guessed were a person's, with no
                // evidence ("at the New National Gallery", where "New National" are common words): the tagger's
                if t.kind != .person, t.words.count >= 2,
                   ov.allSatisfy({ out[$0].kind == .person && !out[$0].evidence && out[$0].range != t.range
                       && t.range.lowerBound <= out[$0].range.lowerBound && out[$0].range.upperBound <= t.range.upperBound }) {
                    for i in ov.reversed() { out.remove(at: i) }
                    out.append(t); continue
                }
                for i in ov where out[i].kind == .person {
                    if t.kind == .person {
                        out[i].evidence = true; out[i].tagged = true; out[i].strong = true
                    } else if !out[i].evidence, out[i].range == t.range {
                        out[i].kind = t.kind == .org ? .org : .place; out[i].tagged = true
                    }
                }
            }
        }
        return out
    }

    /// One word tagged a person that opens its sentence, that the corpus never writes capitalised
    /// inside a sentence and that no list knows as a name: a common word its capital says nothing of
    /// ("Grainy footage showed", "False reports", "Learn more").
    static func capitalOnlyAtStart(_ t: Candidate, _ toks: [EntityToken], midCaps: Vocab, gazetteer: Gazetteer) -> Bool {
        guard t.kind == .person, t.words.count == 1, !t.lowerKey.isEmpty,
              let k = toks.firstIndex(where: { $0.range.lowerBound == t.range.lowerBound }), sentenceStart(toks, k),
              !toks[k].isAcronym, !midCaps.contains(t.lowerKey), Lex.places[t.lowerKey] == nil, Lex.orgs[t.lowerKey] == nil,
              // (a speech verb or an apposition says it names someone or something: "Santorum said", "Jamaat, a group")
              !personEvidence(toks, k, k), !(k + 1 < toks.count && toks[k + 1].text == ",") else { return false }
        return gazetteer.bits(FeatureHash.word(t.lowerKey)) & (Gazetteer.Bit.firstName | Gazetteer.Bit.lastName | Gazetteer.Bit.place) == 0
    }

    /// `gazetteer`: the gazetteer alone says so (a vote as strong as `strong`, unless a title names
    /// someone so in the article: "former President Obama" is no town of Japan).
    enum PlaceCue { case none, weak, strong, gazetteer }

    /// What the words around a candidate say of it being a place: strong after "the provinces of"
    /// (through a list: "the settlements of Ofra, Eli and Beit El"), before a lowercase kind word
    /// ("the Bowen area", "Henan province"), or for one word the gazetteer knows as a place and as no
    /// one's name; weak after "in", "near" and the like (a person is seldom written there).
    static func placeCue(_ c: Candidate, _ toks: [EntityToken]) -> PlaceCue {
        guard let k = toks.firstIndex(where: { $0.range.lowerBound == c.range.lowerBound }),
              let e = toks[k...].firstIndex(where: { $0.range.upperBound >= c.range.upperBound }) else { return .none }
        if toks[e].possessive { return .none }
        if e + 1 < toks.count, toks[e + 1].isWord, !toks[e + 1].isCapitalized, Lex.placeKindWords.contains(toks[e + 1].lower) {
            return .strong
        }
        var j = k - 1
        var steps = 0
        while j >= 0, steps < 24, toks[j].text == "," || toks[j].lower == "and" || toks[j].lower == "or"
                || (toks[j].isCapitalized && !sentenceStart(toks, j)) {
            j -= 1; steps += 1
        }
        // (a list is only crossed when it ends in a separator before this name)
        if j + 1 < k, !(toks[k - 1].text == "," || toks[k - 1].lower == "and" || toks[k - 1].lower == "or") { return .none }
        // (and a comma before it is a list's only when a separator follows it too, and it opens with no
        // given name: "the Archbishop of Canterbury, Rowan Williams." is no list of places)
        if j + 1 < k, toks[k - 1].text == "," {
            let after = e + 1 < toks.count ? toks[e + 1].lower : ""
            if ![",", "and", "or"].contains(after) { return .none }
            let w = c.lowerKey.split(separator: " ")
            if w.count >= 2, givenName(String(w[0])) { return .none }
        }
        if j >= 0, toks[j].isWord {
            let p = toks[j].lower
            if p == "of", j >= 1, Lex.placeNouns.contains(toks[j - 1].lower) || Lex.seeTitles.contains(toks[j - 1].lower) { return .strong }
            if Lex.placePrepositions.contains(p), toks[j].text == p { return .weak }
            // "out of Charlotte"
            if p == "of", j >= 1, toks[j - 1].text == "out" { return .weak }
        }
        if k == e {
            let bits = NameTagger.sharedGazetteer.bits(FeatureHash.word(toks[k].lower))
            if bits & Gazetteer.Bit.place != 0, bits & (Gazetteer.Bit.firstName | Gazetteer.Bit.lastName) == 0,
               Lex.orgs[toks[k].lower] == nil { return .gazetteer }
        }
        // a list whose next or previous member is a known place ("New South Wales, Victoria and South Australia"),
        // unless the name opens with a given name and is no place ("Barack Obama and George W. Bush")
        // (inside a list: a separator on both sides, or an "and" on one; "the Archbishop of Canterbury, Rowan
        // Williams." is no list)
        let before = k >= 2 ? toks[k - 1].lower : "", after = e + 1 < toks.count ? toks[e + 1].lower : ""
        let separators: Set<String> = [",", "and"]
        let inList = (separators.contains(before) && separators.contains(after)) || before == "and" || after == "and"
        guard inList else { return .none }
        let gaz = NameTagger.sharedGazetteer
        let words = c.lowerKey.split(separator: " ").map(String.init)
        if let w0 = words.first, gaz.bits(FeatureHash.word(w0)) & Gazetteer.Bit.firstName != 0, !gaz.isPlacePhrase(words) { return .none }
        if inList, k >= 2, separators.contains(before), knownPlace(toks, ending: k - 2) { return .strong }
        if inList, e + 2 < toks.count, separators.contains(after), knownPlace(toks, starting: e + 2) { return .strong }
        return .none
    }

    /// Words before a name that put it in a place ("in", "across", "from", "the governor of").
    static let regionPrepositions: Set<String> = Lex.placePrepositions.union(["of", "from"])
    /// Lowercase words after a region's name that say what it is ("Rakhine state", "Sichuan province").
    static let regionKindWords: Set<String> = Lex.placeKindWords.union(["state", "states"])

    /// Whether a candidate is a region's name (`Gazetteer.isRegion`) written as a place: capitalised
    /// inside a sentence (not at its start or after an opening quote mark, where a capital says
    /// nothing, and not in capitals), and either of several words, or with a place's cue: a
    /// preposition before it ("in Fife"), a kind word after it ("Rakhine state"), a comma and a
    /// country after it ("Selangor, Malaysia"), or named twice in its article. A one-word region
    /// that is also a given name or surname ("Merton") needs a kind word, a country or "in"-like
    /// preposition. The region list holds no common English word (eval/train/regions.py).
    static func regionCue(_ c: Candidate, _ toks: [EntityToken], namedTwice: Bool) -> Bool {
        guard let k = toks.firstIndex(where: { $0.range.lowerBound == c.range.lowerBound }),
              let e = toks[k...].firstIndex(where: { $0.range.upperBound >= c.range.upperBound }),
              !sentenceStart(toks, k), !(k...e).contains(where: { toks[$0].isAcronym }) else { return false }
        let gaz = NameTagger.sharedGazetteer
        let words = Gazetteer.tokens(c.lowerKey).filter(\.isWord).map(\.lower)
        guard gaz.isRegion(words) else { return false }
        if words.count >= 2 { return true }
        // (a nationality is no place, whatever region shares its word)
        if Lex.demonyms.contains(words[0]) { return false }
        if e + 1 < toks.count, toks[e + 1].isWord, !toks[e + 1].isCapitalized, regionKindWords.contains(toks[e + 1].lower) { return true }
        if e + 2 < toks.count, toks[e + 1].text == ",",
           gaz.bits(FeatureHash.word(undotted(toks[e + 2].lower))) & Gazetteer.Bit.country != 0 || Lex.places[undotted(toks[e + 2].lower)] != nil {
            return true
        }
        // (lowercased: "In Fife, …" opening a sentence is a cue too)
        let prep = k > 0 && toks[k - 1].isWord ? toks[k - 1].lower : ""
        if Lex.placePrepositions.contains(prep) || prep == "from" { return true }
        let isName = gaz.bits(FeatureHash.word(words[0])) & (Gazetteer.Bit.firstName | Gazetteer.Bit.lastName) != 0
        // (named twice counts only where it is not a modifier before a lowercase noun, as a nationality
        // is: "Somali refugees")
        let modifier = e + 1 < toks.count && toks[e + 1].isWord && !toks[e + 1].isCapitalized
        return !isName && (regionPrepositions.contains(prep) || (namedTwice && !modifier))
    }

    /// Whether one to three capitalised words ending at `ending` (or starting at `starting`) are a
    /// country, state or city the gazetteer knows, and no one's given name ("Jordan").
    static func knownPlace(_ toks: [EntityToken], ending: Int? = nil, starting: Int? = nil) -> Bool {
        let gaz = NameTagger.sharedGazetteer
        let kinds = Gazetteer.Bit.country | Gazetteer.Bit.state | Gazetteer.Bit.city
        for n in 1...3 {
            let lo = ending.map { $0 - n + 1 } ?? starting!
            let hi = ending ?? (starting! + n - 1)
            guard lo >= 0, hi < toks.count, (lo...hi).allSatisfy({ toks[$0].isCapitalized && (!toks[$0].possessive || $0 == hi) }) else { break }
            let words = (lo...hi).map { undotted(toks[$0].lower) }
            if n == 1 {
                let bits = gaz.bits(FeatureHash.word(words[0]))
                // (nor a surname: "Obama" is also a town)
                let names = Gazetteer.Bit.firstName | Gazetteer.Bit.lastName
                if bits & kinds != 0, bits & names == 0, Lex.orgs[words[0]] == nil { return true }
                if Lex.places[words[0]] != nil, bits & names == 0 { return true }
            } else if (gaz.places.get(FeatureHash.phrase(words.map(FeatureHash.word))) ?? 0) & kinds != 0 || Lex.places[words.joined(separator: " ")] != nil {
                return true
            }
        }
        return false
    }

    /// An organisation noun right before a name ("NGO Yesh Din") or right after it, lowercase ("the
    /// Kommersant daily", "the Adalah legal centre"), and the other cues below.
    /// Its vote: 3, or 5 for a firm's head before "of" (a person is seldom the boss of a person, and
    /// such a name, "John Lewis", is often a person's and tagged so); nil without a cue.
    static func orgCue(_ c: Candidate, _ toks: [EntityToken]) -> Float? {
        guard let k = toks.firstIndex(where: { $0.range.lowerBound == c.range.lowerBound }),
              let e = toks[k...].firstIndex(where: { $0.range.upperBound >= c.range.upperBound }) else { return nil }
        if k > 0, toks[k - 1].isWord, Lex.orgNouns.contains(toks[k - 1].lower), toks[k - 1].text == toks[k - 1].lower
            || toks[k - 1].isAcronym { return 3 }
        // the head of a firm named after someone ("the managing director of John Lewis", "the boss of Ted Baker")
        if k > 1, toks[k - 1].text == "of", Lex.firmHeads.contains(toks[k - 2].text), !toks[e].possessive { return 5 }
        // an organisation noun before a comma ("the travel trade organisation, Abta, says"); someone's
        // employer after "with" or "at" ("senior counsel with Lambda Legal", "an analyst at Capital Economics")
        if k > 1, toks[k - 1].text == ",", toks[k - 2].isWord, Lex.orgNouns.contains(toks[k - 2].text) { return 3 }
        if k > 1, ["with", "at"].contains(toks[k - 1].text), Lex.employees.contains(toks[k - 2].text) { return 3 }
        // (a name inside a compound, "a Raleigh-based startup company", says nothing of the noun after)
        if !toks[e].possessive, toks[e].range.upperBound == c.range.upperBound {
            for n in (e + 1)..<min(toks.count, e + 3) {
                guard toks[n].isWord, !toks[n].isCapitalized else { break }
                // (a lowercase adjective may stand between: "the private Dogan news agency")
                if Lex.orgNouns.contains(toks[n].lower) {
                    let det: Set<String> = ["the", "a", "an"]
                    let adjective = k > 1 && toks[k - 1].isWord && toks[k - 1].text == toks[k - 1].lower && det.contains(toks[k - 2].lower)
                    return k > 0 && (det.contains(toks[k - 1].lower) || adjective) ? 3 : nil
                }
            }
        }
        return nil
    }

    /// Each article name's kind on all its mentions, and its mentions the sentences missed.
    static func documentLevel(_ cands: [Candidate], _ sents: [(Int, [EntityToken])], article: Int) -> [Candidate] {
        var cands = cands
        func kindCode(_ k: Candidate.Kind) -> Int? {
            switch k { case .person: return 0; case .org: return 1; case .place: return 2; case .acronym: return nil }
        }
        // a storm's name ("Cyclone Debbie", "Hurricane Irma") is no entity, here or elsewhere in the article
        var storms = Set<String>()
        let toksBySentence = Dictionary(sents.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        for c in cands {
            guard let toks = toksBySentence[c.sentence], let k = toks.firstIndex(where: { $0.range.lowerBound == c.range.lowerBound }),
                  k > 0, Lex.stormWords.contains(toks[k - 1].lower) else { continue }
            storms.insert(c.lowerKey)
        }
        for c in cands {
            let w = c.lowerKey.split(separator: " ")
            if w.count == 2, Lex.stormWords.contains(String(w[0])) { storms.insert(c.lowerKey); storms.insert(String(w[1])) }
        }
        if !storms.isEmpty { cands.removeAll { storms.contains($0.lowerKey) } }
        // votes per name
        var votes: [String: SIMD4<Float>] = [:]
        for c in cands where !c.lowerKey.isEmpty && (c.kind != .person || c.evidence) {
            guard let k = kindCode(c.kind) else { continue }
            var v = SIMD4<Float>()
            v[k] = c.tagged ? 1 : 2
            votes[c.lowerKey, default: SIMD4()] += v
        }
        // the words around a name that say it is a place ("in Kafr Sousa", "the provinces of Daraa
        // and Quneitra", "the Bowen area"): votes for a place, and names the rules had no kind for
        let toksOf = Dictionary(sents.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        var cue = [PlaceCue](repeating: .none, count: cands.count)
        // (the names a title stands before in the article: "former President Obama")
        var titled = Set<String>()
        for c in cands where c.kind == .person && c.strong {
            guard let toks = toksOf[c.sentence], let k = toks.firstIndex(where: { $0.range.lowerBound == c.range.lowerBound }),
                  k > 0, Lex.titles.contains(undotted(toks[k - 1].lower)) else { continue }
            titled.insert(c.lowerKey)
        }
        for i in cands.indices where !cands[i].lowerKey.isEmpty && (cands[i].kind == .person || (cands[i].kind == .org && cands[i].tagged)) {
            guard let toks = toksOf[cands[i].sentence] else { continue }
            cue[i] = placeCue(cands[i], toks)
            if cue[i] == .gazetteer { cue[i] = titled.contains(cands[i].lowerKey) ? .none : .strong }
            // (an organisation's name only on a strong cue, or a weak one for a known place: "in Raleigh")
            let knownPlace = Lex.orgs[cands[i].lowerKey] == nil && NameTagger.sharedGazetteer.isPlacePhrase(cands[i].lowerKey.split(separator: " ").map(String.init))
            guard cue[i] != .none, cands[i].kind == .org ? cue[i] == .strong || knownPlace : true else { cue[i] = .none; continue }
            var v = SIMD4<Float>(); v[2] = cue[i] == .strong ? 3 : 2
            votes[cands[i].lowerKey, default: SIMD4()] += v
        }
        // the words around a person that say it is an organisation ("the Israeli NGO Yesh Din",
        // "the Kommersant daily")
        // (and a tagged place: "the travel organisation, Vexta, says")
        for i in cands.indices where (cands[i].kind == .person || (cands[i].kind == .place && cands[i].tagged))
            && !cands[i].lowerKey.isEmpty && cue[i] == .none {
            guard let toks = toksOf[cands[i].sentence], let w = orgCue(cands[i], toks) else { continue }
            var v = SIMD4<Float>(); v[1] = w
            votes[cands[i].lowerKey, default: SIMD4()] += v
        }
        // what a name's spelling and an apposition after it say ("WeBank, an online bank", "Amanda Terkel")
        for i in cands.indices where !cands[i].lowerKey.isEmpty && cands[i].kind != .acronym {
            if let (k, w) = spellingKind(cands[i]), let code = kindCode(k) {
                var v = SIMD4<Float>(); v[code] = w
                votes[cands[i].lowerKey, default: SIMD4()] += v
            }
            if let toks = toksOf[cands[i].sentence], let k = appositionKind(cands[i], toks), let code = kindCode(k) {
                var v = SIMD4<Float>(); v[code] = 3
                votes[cands[i].lowerKey, default: SIMD4()] += v
            }
            // (and a list of examples after a plural kind noun: "brands including H&M, Adidas and Aldi")
            if let toks = toksOf[cands[i].sentence], let k = listKind(cands[i], toks), let code = kindCode(k) {
                var v = SIMD4<Float>(); v[code] = 3
                votes[cands[i].lowerKey, default: SIMD4()] += v
            }
        }
        // the name before a lowercase "party" is that party ("the Fine Gael party"); the name after an
        // Irish county's "Co" that county ("Co Mayo")
        for c in cands {
            let w = c.lowerKey.split(separator: " ")
            guard w.count >= 2 else { continue }
            let rest = w.dropFirst().joined(separator: " "), head = w.dropLast().joined(separator: " ")
            // (or a capitalised one: "Labour" of "the Labour Party")
            if c.kind == .org, c.words.last == "party" || c.words.last == "Party" { var v = SIMD4<Float>(); v[1] = 4; votes[head, default: SIMD4()] += v }
            if c.kind == .place, w.count == 2, w[0] == "co" { var v = SIMD4<Float>(); v[2] = 4; votes[rest, default: SIMD4()] += v }
        }
        // the name of a place before its kind word ("Leer" of "Leer County") is that place
        for c in cands where c.kind == .place {
            let w = c.lowerKey.split(separator: " ")
            guard w.count >= 2, let l = w.last, Lex.placeKindWords.contains(String(l)) else { continue }
            let head = w.dropLast().joined(separator: " ")
            if votes[head] != nil { var v = SIMD4<Float>(); v[2] = 2; votes[head]! += v }
        }
        func best(_ v: SIMD4<Float>) -> Candidate.Kind {
            v[0] >= v[1] && v[0] >= v[2] ? .person : v[1] >= v[2] ? .org : .place
        }
        // (votes are read in key order below: a dictionary's own order changes from run to run,
        // and a step may change the votes a later key reads)
        // a lone word that is the surname of a person named in the article is that person
        for key in votes.keys.sorted() {
            guard let v = votes[key], best(v) == .person else { continue }
            guard let space = key.lastIndex(of: " ") else { continue }
            let l = String(key[key.index(after: space)...])
            guard let lv = votes[l], best(lv) != .person, Lex.places[l] == nil, Lex.orgs[l] == nil else { continue }
            var p = SIMD4<Float>(); p[0] = lv[1] + lv[2] + 1
            votes[l] = lv + p
        }
        // and so is a lone given name of one ("the work that Enda has done")
        for key in votes.keys.sorted() {
            guard let v = votes[key], best(v) == .person else { continue }
            guard let space = key.firstIndex(of: " ") else { continue }
            let f = String(key[..<space])
            guard givenName(f), let fv = votes[f], best(fv) != .person, Lex.places[f] == nil, Lex.orgs[f] == nil,
                  !NameTagger.sharedGazetteer.isPlace(f) else { continue }
            var p = SIMD4<Float>(); p[0] = fv[1] + fv[2] + 1
            votes[f] = fv + p
        }
        // a region's name the rules had no kind for ("in Rakhine", "Fife, Scotland"): a place, unless a
        // person's or organisation's vote for that name is there (a bank named after its region stays a bank)
        var named: [String: Int] = [:]
        for c in cands where !c.lowerKey.isEmpty { named[c.lowerKey, default: 0] += 1 }
        for i in cands.indices where cands[i].kind == .person && !cands[i].tagged && !cands[i].strong && !cands[i].evidence
            && cue[i] != .strong && !cands[i].lowerKey.isEmpty {
            guard let toks = toksOf[cands[i].sentence],
                  regionCue(cands[i], toks, namedTwice: (named[cands[i].lowerKey] ?? 0) >= 2) else { continue }
            if let v = votes[cands[i].lowerKey], v[0] > 0 || v[1] > 0 { continue }
            cue[i] = .strong
            var v = SIMD4<Float>(); v[2] = 3
            votes[cands[i].lowerKey, default: SIMD4()] += v
        }
        for i in cands.indices where cands[i].tagged && cands[i].kind != .acronym {
            // (a person by the votes has that evidence, whatever the rules found)
            if let v = votes[cands[i].lowerKey] { cands[i].kind = best(v); if cands[i].kind == .person { cands[i].evidence = true } }
        }
        // a rule's person without a title before it, that the article's words say is a place or organisation
        for i in cands.indices where !cands[i].tagged && cands[i].kind == .person && !cands[i].strong
            && (cands[i].evidence || cue[i] == .strong) {
            if let v = votes[cands[i].lowerKey], best(v) != .person { cands[i].kind = best(v) }
        }
        // names to look for: the full names, and a person's last word
        var names: [String: (words: [String], kind: Candidate.Kind)] = [:]
        for (key, v) in votes {
            let w = key.split(separator: " ").map(String.init)
            names[key] = (w, best(v))
        }
        for key in votes.keys.sorted() {
            guard let v = votes[key], best(v) == .person else { continue }
            let w = key.split(separator: " ").map(String.init)
            if w.count >= 2, let l = w.last, names[l] == nil, !Lex.connectors.contains(l) { names[l] = ([l], .person) }
        }
        guard !names.isEmpty else { return cands }
        var byFirst: [String: [(words: [String], kind: Candidate.Kind)]] = [:]
        for (_, n) in names { byFirst[n.words[0], default: []].append(n) }
        // longest first; names of one length in a fixed order (not the dictionary's)
        for k in byFirst.keys {
            byFirst[k]!.sort { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.words.lexicographicallyPrecedes($1.words) }
        }
        // the ranges already named, by sentence (a lookup stays within its sentence)
        var covered: [Int: [Range<Int>]] = [:]
        for c in cands { covered[c.sentence, default: []].append(c.range) }
        for (si, toks) in sents {
            var k = 0
            while k < toks.count {
                defer { k += 1 }
                guard TaggerFeatures.isSeed(toks[k]), let options = byFirst[undotted(toks[k].lower)] else { continue }
                for n in options {
                    let end = k + n.words.count
                    guard end <= toks.count else { continue }
                    guard (k..<end).allSatisfy({ undotted(toks[$0].lower) == n.words[$0 - k] }) else { continue }
                    // not a piece of a longer capitalised name
                    if end < toks.count, toks[end].isCapitalized, !toks[end - 1].possessive { continue }
                    if k > 0, toks[k - 1].isCapitalized, !sentenceStart(toks, k), !Lex.titles.contains(undotted(toks[k - 1].lower)) { continue }
                    let range = toks[k].range.lowerBound..<toks[end - 1].range.upperBound
                    guard !(covered[si] ?? []).contains(where: { $0.overlaps(range) }) else { continue }
                    let words = (k..<end).map { i in toks[i].text + (i + 1 < end ? toks[i].suffix : "") }
                    var c = Candidate(article: article, sentence: si, range: range, words: words,
                                      surface: words.joined(separator: " "), kind: n.kind, evidence: true)
                    c.tagged = true; c.strong = true
                    c.lowerKey = n.words.joined(separator: " ")
                    if let p = Lex.places[c.lowerKey], n.kind == .place { c.surface = p; c.words = [p] }
                    cands.append(c)
                    covered[si, default: []].append(range)
                    k = end - 1
                    break
                }
            }
        }
        return cands
    }
}
