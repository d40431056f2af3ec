import Foundation

/// What the name tagger knows of a word or phrase from lists: the project's
/// lexicons (`EntitiesLexicon`) and the gazetteer files in `Resources/ner`
/// (`places.txt`: `Name<TAB>country|state|city|region`; `first-names.txt`,
/// `last-names.txt`: one name per line). Everything is keyed by the hash of
/// the lowercased words, so a lookup is one probe per token.
struct Gazetteer: Sendable {
    /// Bits of `wordBits`.
    enum Bit {
        static let title: UInt32 = 1 << 0
        static let role: UInt32 = 1 << 1
        static let speech: UInt32 = 1 << 2
        static let orgWord: UInt32 = 1 << 3
        static let placeWord: UInt32 = 1 << 4
        static let demonym: UInt32 = 1 << 5
        static let stop: UInt32 = 1 << 6
        static let connector: UInt32 = 1 << 7
        static let notEntity: UInt32 = 1 << 8
        static let weakTitle: UInt32 = 1 << 9
        static let place: UInt32 = 1 << 10
        static let firstName: UInt32 = 1 << 11
        static let lastName: UInt32 = 1 << 12
        static let knownOrg: UInt32 = 1 << 13
        static let country: UInt32 = 1 << 14
        static let state: UInt32 = 1 << 15
        static let city: UInt32 = 1 << 16
        static let region: UInt32 = 1 << 17
        static let count = 18
    }

    /// Lowercased word hash -> bits.
    var words = HashMap64(capacity: 4096)
    /// Phrase hash (two or more tokens) -> place type bits.
    var places = HashMap64(capacity: 1024)
    /// Phrase hash (two or more tokens) -> 1, for known organisations.
    var orgs = HashMap64(capacity: 256)
    var maxPlaceTokens = 1
    var maxOrgTokens = 1
    /// Word or phrase hash -> 1, for the region names of `regions.txt` (ISO 3166-2 subdivisions).
    /// Read by the entity rules only, never by the tagger's features: the model did not see them.
    var regions = HashMap64(capacity: 8192)
    /// Entries read from the files (places, first names, last names), for reports.
    var fileCounts = (places: 0, first: 0, last: 0)

    /// The lexicons only.
    init() {
        typealias L = EntitiesLexicon
        func add(_ set: Set<String>, _ bit: UInt32) { for w in set { words.insert(FeatureHash.word(w), bits: bit) } }
        add(L.titles, Bit.title)
        add(L.roles, Bit.role)
        add(L.speechVerbs, Bit.speech)
        add(L.orgWords, Bit.orgWord)
        add(L.placeWords, Bit.placeWord)
        add(L.demonyms, Bit.demonym)
        add(L.stop, Bit.stop)
        add(L.connectors, Bit.connector)
        add(L.notEntityWords, Bit.notEntity)
        add(L.weakTitles, Bit.weakTitle)
        for k in L.places.keys { addPlace(k, Bit.place) }
        for k in L.orgs.keys { addOrg(k) }
    }

    /// The lexicons and the files of `dir` (each optional).
    init(directory dir: URL?) {
        self.init()
        guard let dir else { return }
        func read(_ name: String) -> String? {
            guard let d = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) else { return nil }
            return String(decoding: d, as: UTF8.self)
        }
        add(places: read("places.txt") ?? "", firstNames: read("first-names.txt") ?? "", lastNames: read("last-names.txt") ?? "")
        add(regions: read("regions.txt") ?? "")
    }

    /// Adds the names of a region list's text (one name a line).
    mutating func add(regions text: String) {
        Self.eachLine(text) { line in
            let name = Self.trimmed(line)
            guard !name.isEmpty, name.utf8.first != 0x23 else { return }
            let toks = Gazetteer.tokens(name.lowercased())
            guard !toks.isEmpty else { return }
            regions.insert(toks.count == 1 ? FeatureHash.word(toks[0].lower) : FeatureHash.phrase(toks.map { FeatureHash.word($0.lower) }), bits: 1)
        }
    }

    /// Adds the entries of the three files' texts.
    mutating func add(places: String, firstNames: String, lastNames: String) {
        Self.eachLine(places) { line in
            let parts = line.utf8.split(separator: 0x09, maxSplits: 1, omittingEmptySubsequences: false).map { Substring($0) }
            let name = Self.trimmed(parts[0])
            guard !name.isEmpty, name.utf8.first != 0x23 else { return }
            var bits = Bit.place
            if parts.count > 1 {
                for t in parts[1].utf8.split(separator: 0x7C) {
                    switch Self.trimmed(Substring(t)).lowercased() {
                    case "country": bits |= Bit.country
                    case "state": bits |= Bit.state
                    case "city": bits |= Bit.city
                    case "region": bits |= Bit.region
                    default: break
                    }
                }
            }
            addPlace(name.lowercased(), bits)
            fileCounts.places += 1
        }
        for (text, bit) in [(firstNames, Bit.firstName), (lastNames, Bit.lastName)] {
            Self.eachLine(text) { line in
                let name = Self.trimmed(line).lowercased()
                guard !name.isEmpty, name.utf8.first != 0x23 else { return }
                // one word per name; a multiword entry adds each word
                if name.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) }) {
                    words.insert(FeatureHash.word(name), bits: bit)
                } else {
                    for t in Gazetteer.tokens(name) where t.isWord { words.insert(FeatureHash.word(t.lower), bits: bit) }
                }
                if bit == Bit.firstName { fileCounts.first += 1 } else { fileCounts.last += 1 }
            }
        }
    }

    /// The non-empty lines of a text (LF, CRLF or CR ends).
    static func eachLine(_ text: String, _ body: (Substring) -> Void) {
        for line in text.utf8.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) { body(Substring(line)) }
    }

    /// Without spaces and tabs at either end.
    static func trimmed(_ s: Substring) -> Substring {
        var lo = s.utf8.startIndex, hi = s.utf8.endIndex
        while lo < hi, s.utf8[lo] == 0x20 || s.utf8[lo] == 0x09 { lo = s.utf8.index(after: lo) }
        while hi > lo, s.utf8[s.utf8.index(before: hi)] == 0x20 || s.utf8[s.utf8.index(before: hi)] == 0x09 { hi = s.utf8.index(before: hi) }
        return Substring(s.utf8[lo..<hi])
    }

    static func tokens(_ s: String) -> [EntityToken] {
        let b = Array(s.utf8)
        return EntityWords.tokens(b, 0..<b.count)
    }

    mutating func addPlace(_ lower: String, _ bits: UInt32) {
        let toks = Gazetteer.tokens(lower)
        guard !toks.isEmpty else { return }
        if toks.count == 1 {
            words.insert(FeatureHash.word(toks[0].lower), bits: bits)
        } else {
            places.insert(FeatureHash.phrase(toks.map { FeatureHash.word($0.lower) }), bits: bits)
            maxPlaceTokens = max(maxPlaceTokens, min(toks.count, 6))
        }
    }

    mutating func addOrg(_ lower: String) {
        let toks = Gazetteer.tokens(lower)
        guard !toks.isEmpty else { return }
        if toks.count == 1 {
            words.insert(FeatureHash.word(toks[0].lower), bits: Bit.knownOrg)
        } else {
            orgs.insert(FeatureHash.phrase(toks.map { FeatureHash.word($0.lower) }), bits: 1)
            maxOrgTokens = max(maxOrgTokens, min(toks.count, 6))
        }
    }

    @inline(__always)
    func bits(_ wordHash: UInt64) -> UInt32 { words.get(wordHash) ?? 0 }

    /// Whether a lowercased word is a known place (file or lexicon).
    func isPlace(_ lower: String) -> Bool { bits(FeatureHash.word(lower)) & Bit.place != 0 }
    /// Whether lowercased words (one or more, as the entity tokenizer splits them) are a region's name.
    func isRegion(_ lowerWords: [String]) -> Bool {
        guard !lowerWords.isEmpty else { return false }
        let key = lowerWords.count == 1 ? FeatureHash.word(lowerWords[0]) : FeatureHash.phrase(lowerWords.map(FeatureHash.word))
        return regions.get(key) != nil
    }
    func isPlacePhrase(_ lowerWords: [String]) -> Bool {
        if lowerWords.count == 1 { return isPlace(lowerWords[0]) }
        return places.get(FeatureHash.phrase(lowerWords.map(FeatureHash.word))) != nil
    }
}
