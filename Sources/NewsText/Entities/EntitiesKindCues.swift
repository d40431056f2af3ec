/// What a name's own spelling and the words right after it say of its kind, for
/// names the tagger types without that evidence (an unknown bank typed person, a
/// first name and surname typed organisation).
///
/// Design rules:
/// - Each cue is about a class of names, never a particular one: a word with a
///   capital inside after a lowercase letter ("WeBank", "PwC") is no one's name
///   (unless the capital follows a surname prefix: "McCain", "DeVos"); a lake, a
///   mountain, a cape or a fort is named after its kind word ("Lake Baikal",
///   "Mount Kenya"); an Irish county is "Co X" ("Co Clare"); two name
///   words opening with a given name and ending in a word that is none are a
///   person's ("Amanda Terkel"); an apposition says what its name is ("WeBank, an
///   online bank", "Inagh, a village", "Sato, a lawmaker").
/// - The word lists here are read by the rules only, not by the tagger's
///   features (a change here does not drift from what the model saw).
extension EntitiesExtractor {
    /// First words of a place's name that say its kind ("Lake Baikal", "Mount Kenya", "Fort Worth").
    static let placeHeads: Set<String> = ["lake", "mount", "mt", "cape", "fort", "isle", "loch", "lough"]
    /// Prefixes of surnames written with a capital inside ("McCain", "DeVos", "LeBron", "DiCaprio").
    static let surnamePrefixes: Set<String> = ["mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "o", "fitz", "st", "ter", "ten"]
    /// Head nouns of an apposition that make its name an organisation ("X, an online bank").
    static let appositionOrgNouns: Set<String> = EntitiesLexicon.orgNouns.union([
        "maker", "manufacturer", "producer", "operator", "developer", "giant", "brand", "chain", "party", "club",
        "team", "university", "school", "court", "ministry", "agency", "institute", "association", "foundation",
        "fund", "militia", "movement", "bloc", "faction", "alliance", "coalition", "chocolatier", "automaker",
        "carmaker", "platform", "service", "exchange", "operator", "supplier", "provider", "institution", "army",
    ])
    /// Head nouns of an apposition that make its name a place ("Inagh, a village").
    static let appositionPlaceNouns: Set<String> = EntitiesLexicon.placeKindWords.union([
        "country", "state", "capital", "port", "resort", "nation", "kingdom", "republic", "enclave", "emirate",
        "islands", "archipelago", "river", "lake", "mountain", "hamlet", "metropolis", "stronghold",
    ])
    /// Head nouns of an apposition that make its name a person's ("Sato, a lawmaker").
    static let appositionPersonNouns: Set<String> = EntitiesLexicon.roles.union([
        "man", "woman", "boy", "girl", "father", "mother", "son", "daughter", "wife", "husband", "singer", "actor",
        "actress", "player", "striker", "defender", "goalkeeper", "midfielder", "student", "resident", "teacher",
        "doctor", "nurse", "artist", "musician", "rapper", "comedian", "businessman", "businesswoman", "entrepreneur",
        "billionaire", "lawmaker", "mp", "congressman", "congresswoman", "priest", "cleric", "farmer", "pilot",
        "veteran", "mayor", "widow", "victim", "suspect", "novelist", "poet", "pianist", "coach", "captain", "chef",
    ])

    /// A word with a capital letter inside right after a lowercase one ("WeBank", "PwC", "HuffPost"),
    /// not after a surname prefix ("McCain", "DeVos", "MacArthur").
    static func camelCased(_ word: String) -> Bool {
        let s = Array(word.unicodeScalars)
        guard s.count >= 3, s[0].properties.isUppercase else { return false }
        for i in 1..<s.count where s[i].properties.isUppercase && s[i - 1].properties.isLowercase {
            let head = String(String.UnicodeScalarView(s[..<i])).lowercased()
            if surnamePrefixes.contains(head) { continue }
            return true
        }
        return false
    }

    /// Whether a lowercased word is a given name (it may be a surname too) and no place nor list word.
    static func givenName(_ w: String) -> Bool {
        let bits = NameTagger.sharedGazetteer.bits(FeatureHash.word(w))
        return bits & Gazetteer.Bit.firstName != 0 && bits & Gazetteer.Bit.place == 0
            && !Lex.stop.contains(w) && !Lex.titles.contains(w) && !Lex.demonyms.contains(w) && Lex.places[w] == nil
            && !Lex.orgWords.contains(w) && !Lex.placeWords.contains(w)
    }

    /// The kind a name's spelling says, with the weight of that vote, or nil.
    static func spellingKind(_ c: Candidate) -> (Candidate.Kind, Float)? {
        let w = c.lowerKey.split(separator: " ").map(String.init)
        guard let first = w.first else { return nil }
        if w.count == 1, let word = c.words.first, camelCased(word) { return (.org, 4) }
        if w.count >= 2, placeHeads.contains(first), !w.contains(where: { Lex.orgWords.contains($0) }) { return (.place, 4) }
        // (the last word no given name: "Morgan Stanley", "John Lewis" may be companies)
        if w.count == 2, givenName(first), Lex.orgs[first] == nil,
           NameTagger.sharedGazetteer.bits(FeatureHash.word(w[w.count - 1])) & Gazetteer.Bit.firstName == 0,
           !w.contains(where: { Lex.orgWords.contains($0) || Lex.placeWords.contains($0) || Lex.connectors.contains($0) || Lex.stop.contains($0) }),
           c.words.allSatisfy({ $0.first?.isUppercase == true }),
           Lex.orgs[c.lowerKey] == nil, Lex.places[c.lowerKey] == nil,
           !NameTagger.sharedGazetteer.isPlace(w[w.count - 1]) || NameTagger.sharedGazetteer.bits(FeatureHash.word(w[w.count - 1])) & Gazetteer.Bit.lastName != 0 {
            return (.person, 3)
        }
        return nil
    }

    /// The kind an apposition right after the name says ("WeBank, an online bank founded by",
    /// "Inagh, a small village", "Niu Siyu, a primary school student", "Stephen Herring, the
    /// Institute of Directors' head of taxation"): the last kind noun of the phrase after "a", "an"
    /// or "the" (its head), names inside it skipped, up to a preposition or a clause; nil when a
    /// speech verb follows ("..., the expert said": no apposition).
    static func appositionKind(_ c: Candidate, _ toks: [EntityToken]) -> Candidate.Kind? {
        guard let e = toks.lastIndex(where: { $0.range.upperBound <= c.range.upperBound && $0.range.upperBound > c.range.lowerBound }),
              !toks[e].possessive, e + 2 < toks.count, toks[e + 1].text == ",",
              ["a", "an", "the"].contains(toks[e + 2].lower) else { return nil }
        let stops: Set<String> = ["of", "who", "which", "that", "in", "at", "for", "from", "with", "by", "on", "to", "as"]
        var kind: Candidate.Kind?
        var n = e + 3
        while n < toks.count, n <= e + 10, toks[n].isWord {
            let t = toks[n]
            // a name inside the phrase ("the Institute of Directors' head"): skipped, to its possessive
            if t.isCapitalized {
                var m = n
                while m + 1 < toks.count, !toks[m].possessive,
                      toks[m + 1].isCapitalized || (Lex.connectors.contains(toks[m + 1].lower) && m + 2 < toks.count && toks[m + 2].isCapitalized) {
                    m += 1
                }
                if !toks[m].possessive { kind = nil }
                n = m + 1
                continue
            }
            let l = t.lower
            if stops.contains(l) || Lex.speechVerbs.contains(l) { break }
            if kind != nil, l.count > 4, l.hasSuffix("ed") || l.hasSuffix("ing") { break }
            if !t.possessive {
                if appositionPersonNouns.contains(l) { kind = .person }
                else if appositionOrgNouns.contains(l) { kind = .org }
                else if appositionPlaceNouns.contains(l) { kind = .place }
            }
            n += 1
        }
        // a reporting clause, not an apposition ("..., the expert said")
        if n < toks.count, toks[n].isWord, Lex.speechVerbs.contains(toks[n].lower) { return nil }
        return kind
    }

    /// Plural nouns of a kind of organisation, place or person that a list of examples follows
    /// ("brands including H&M, Adidas and Aldi", "countries such as Chad").
    static let listOrgNouns: Set<String> = ["brands", "companies", "firms", "banks", "lenders", "retailers", "supermarkets",
        "airlines", "carriers", "insurers", "newspapers", "broadcasters", "outlets", "clubs", "teams", "parties", "agencies",
        "organisations", "organizations", "charities", "groups", "makers", "manufacturers", "automakers", "carmakers",
        "chains", "giants", "universities", "labels", "publishers", "networks", "businesses", "corporations", "sponsors"]
    static let listPlaceNouns: Set<String> = ["countries", "cities", "towns", "nations", "states", "capitals", "regions",
        "provinces", "villages", "destinations", "islands"]
    static let listPersonNouns: Set<String> = ["players", "leaders", "stars", "politicians", "artists", "actors", "actresses",
        "singers", "musicians", "celebrities", "figures", "athletes", "writers", "authors", "lawmakers", "senators"]

    /// The kind a list of examples says of each of its names: the plural kind noun before "including",
    /// "such as" or "like" that opens the list ("fashion brands including H&M, Adidas and Aldi"),
    /// through the list's other names, commas and "and"; nil elsewhere.
    static func listKind(_ c: Candidate, _ toks: [EntityToken]) -> Candidate.Kind? {
        guard let k = toks.firstIndex(where: { $0.range.lowerBound == c.range.lowerBound }), k >= 2 else { return nil }
        var j = k - 1
        var steps = 0
        while j >= 0, steps < 30, toks[j].text == "," || toks[j].text == "&" || toks[j].lower == "and"
                || (toks[j].isCapitalized && !sentenceStart(toks, j)) {
            j -= 1; steps += 1
        }
        // (only what a separator or the opening word stands right before: not "including Tom Reid's firm")
        guard j >= 1, toks[j].isWord else { return nil }
        var n = j
        if toks[j].text == "including" || toks[j].text == "like" { n = j - 1 }
        else if toks[j].text == "as", toks[j - 1].text == "such" { n = j - 2 }
        else { return nil }
        if n >= 0, toks[n].text == "," { n -= 1 }
        guard n >= 0, toks[n].isWord, toks[n].text == toks[n].lower else { return nil }
        if listOrgNouns.contains(toks[n].text) { return .org }
        if listPlaceNouns.contains(toks[n].text) { return .place }
        if listPersonNouns.contains(toks[n].text) { return .person }
        return nil
    }

    /// An organisation's name with a person's glued after it ("Justice and Development Party Mehmet
    /// Ekinci", a title before the person left out): two pieces, cut after the last organisation word
    /// when two or three words follow, opening with a given name.
    static func splitOrgPerson(_ idx: [Int], _ toks: [EntityToken]) -> [[Int]] {
        guard idx.count >= 4 else { return [idx] }
        let lower = idx.map { undotted(toks[$0].lower) }
        guard let p = lower.lastIndex(where: { Lex.orgWords.contains($0) }), p >= 1, lower.count - p - 1 >= 2, lower.count - p - 1 <= 3,
              givenName(lower[p + 1]),
              !lower[(p + 1)...].contains(where: { Lex.connectors.contains($0) || Lex.placeWords.contains($0) || Lex.places[$0] != nil || Lex.stop.contains($0) })
        else { return [idx] }
        return [Array(idx[...p]), Array(idx[(p + 1)...])]
    }

    /// A portfolio word alone ("Minister for Education", "the Agriculture Commissioner"): no name.
    static func portfolioWord(_ toks: [EntityToken], _ first: Int, _ last: Int) -> Bool {
        guard first == last else { return false }
        if first >= 2, ["for", "of"].contains(toks[first - 1].lower), toks[first - 2].isWord,
           ["minister", "ministers", "secretary", "commissioner", "spokesman", "spokeswoman", "spokesperson", "department", "ministry"]
            .contains(toks[first - 2].lower) { return true }
        if last + 1 < toks.count, toks[last + 1].isCapitalized,
           ["commissioner", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson"].contains(toks[last + 1].lower) { return true }
        // a word before a lowercase plural of bodies ("the Foreign Affairs and National Defense divisions")
        if last + 1 < toks.count, toks[last + 1].isWord, !toks[last].possessive,
           ["divisions", "departments", "ministries", "portfolios", "committees", "briefs"].contains(toks[last + 1].text) { return true }
        return false
    }

    /// A word that makes a name no named thing: a policy or movement ("Obamacare", "Brexit",
    /// "McCarthyism"), whatever its capital.
    static func notANameWord(_ w: String) -> Bool {
        (w.utf8.count > 6 && w.hasSuffix("care") && !w.contains(" ")) || (w.utf8.count > 5 && (w.hasSuffix("ism") || w.hasSuffix("exit")))
    }

    /// Feasts whose eve is named after them ("Christmas Eve").
    static let feasts: Set<String> = ["christmas", "easter", "halloween", "hogmanay", "midsummer", "passover"]

    /// A name that is an event or a code, not a named thing: an operation ("Operation Sentinelle"), a
    /// feast's eve ("Christmas Eve"), a code of law ("Criminal Code").
    static func eventName(_ lower: [String]) -> Bool {
        guard lower.count >= 2, let l = lower.last else { return false }
        return lower[0] == "operation" || (l == "eve" && feasts.contains(lower[lower.count - 2])) || l == "code"
    }

    /// Number words, which a capital at a sentence's start does not make a name ("Eighty-two seconds").
    static let numberWords: Set<String> = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
        "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "dozens", "hundreds", "thousands"]

    /// A name's first word is a number ("Eighty", "Eighty-two"): no name ("Channel One" is one).
    static func numberFirst(_ lower: [String]) -> Bool {
        guard let w = lower.first else { return false }
        // (the hyphen looked for in the bytes: `contains("-")` is Foundation's search, slow per word)
        return numberWords.contains(w) || (w.utf8.contains(0x2D) && w.split(separator: "-").first.map { numberWords.contains(String($0)) } == true)
    }

    /// Where a person's name starts after a portfolio glued before it ("Finance Michael Noonan",
    /// "Foreign Affairs Charlie Flanagan"): at a given name with a word after it, when
    /// the words before it are no one's names; nil when nothing is to cut.
    static func portfolioCut(_ lower: [String]) -> Int? {
        guard lower.count >= 3, !lower.contains(where: { Lex.orgWords.contains($0) || Lex.placeWords.contains($0) }) else { return nil }
        let gaz = NameTagger.sharedGazetteer
        for k in 1..<(lower.count - 1) where givenName(lower[k]) {
            let before = lower[..<k]
            guard before.allSatisfy({ w in gaz.bits(FeatureHash.word(w)) & (Gazetteer.Bit.firstName | Gazetteer.Bit.lastName | Gazetteer.Bit.place) == 0
                && Lex.places[w] == nil && !Lex.orgWords.contains(w) && !Lex.connectors.contains(w) && !Lex.nameParticles.contains(w) })
            else { return nil }
            return k
        }
        return nil
    }

    /// An Irish county written "Co X" or "Co. X" ("in Co Clare"): the county's name, from the token after "Co".
    static func irishCounty(_ toks: [EntityToken], _ k: Int) -> Bool {
        guard k + 1 < toks.count, toks[k].text == "Co" || toks[k].text == "Co.", toks[k + 1].isCapitalized,
              !toks[k + 1].isAcronym, k + 2 >= toks.count || !toks[k + 2].isCapitalized else { return false }
        // after a name, "Co" is its company ("Best Buy Co Inc", "Jardine Matheson & Co")
        if k > 0, toks[k - 1].isCapitalized || toks[k - 1].text == "&" { return false }
        return true
    }
}
