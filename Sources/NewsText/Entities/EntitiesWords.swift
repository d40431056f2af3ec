/// A light word scanner for the entity and quotation rules: words (with
/// internal hyphens, apostrophes and abbreviation dots kept, a possessive 's
/// taken off) and single punctuation marks, each with its byte range in the
/// article text.

struct EntityToken {
    let text: String
    let range: Range<Int>
    let isWord: Bool
    /// A possessive `'s` / `’s` (or a final apostrophe) was taken off.
    var possessive = false
    /// What was taken off ("'s", "’s"), to write a name back as it was ("Women's University").
    var suffix = ""
    /// Lowercased text.
    let lower: String
    /// First letter uppercase.
    let isCapitalized: Bool
    /// Two or more letters, all uppercase (dots allowed: U.S.).
    let isAcronym: Bool

    init(text: String, range: Range<Int>, isWord: Bool, possessive: Bool = false) {
        self.text = text; self.range = range; self.isWord = isWord; self.possessive = possessive
        var asciiOnly = true, hasLower = false, letters = 0, other = false, hasUpper = false
        for b in text.utf8 {
            if b >= 0x80 { asciiOnly = false; break }
            if b >= 0x61 && b <= 0x7A { hasLower = true; letters += 1 }
            else if b >= 0x41 && b <= 0x5A { letters += 1; hasUpper = true }
            else if b != 0x2E && b != 0x2D && b != 0x26 { other = true }
        }
        if asciiOnly {
            lower = hasUpper ? text.lowercased() : text
            let f = text.utf8.first ?? 0
            isCapitalized = isWord && f >= 0x41 && f <= 0x5A
            isAcronym = isWord && !hasLower && !other && letters >= 2
        } else {
            lower = text.lowercased()
            isCapitalized = isWord && (text.unicodeScalars.first?.properties.isUppercase ?? false)
            var n = 0, ok = isWord
            for sc in text.unicodeScalars where ok {
                if sc.properties.isLowercase { ok = false } else if sc.properties.isAlphabetic { n += 1 }
                else if sc != "." && sc != "-" && sc != "&" { ok = false }
            }
            isAcronym = ok && n >= 2
        }
    }

    /// Opening or closing quotation mark.
    var isQuote: Bool { !isWord && ["\"", "“", "”", "«", "»", "„", "「", "」", "『", "』", "‹", "›", "‚"].contains(text) }
}

enum EntityWords {
    /// Abbreviations that keep their final period.
    static let dotted: Set<String> = ["co", "corp", "inc", "ltd", "jr", "sr", "st", "dr", "mr", "mrs", "ms", "gen",
                                      "sen", "rep", "gov", "lt", "col", "prof", "capt", "adm", "sgt", "no", "bros", "cmdr"]

    /// Tokens of `range` of the bytes `b`.
    static func tokens(_ b: [UInt8], _ range: Range<Int>) -> [EntityToken] {
        var out: [EntityToken] = []
        scan(b, range) { lo, hi, cut, trailingApostrophe in
            guard let cut else {
                out.append(EntityToken(text: String(decoding: b[lo..<hi], as: UTF8.self), range: lo..<hi, isWord: false))
                return
            }
            var tok = cut == 0 ? EntityToken(text: String(decoding: b[lo..<hi], as: UTF8.self), range: lo..<hi, isWord: true)
                : EntityToken(text: String(decoding: b[lo..<(hi - cut)], as: UTF8.self), range: lo..<(hi - cut), isWord: true, possessive: true)
            if cut > 0 { tok.suffix = String(decoding: b[(hi - cut)..<hi], as: UTF8.self) }
            if trailingApostrophe { tok.possessive = true }
            out.append(tok)
        }
        return out
    }

    /// Whether `range` of `b` holds an uppercase letter (any non-ASCII letter
    /// counts, to be safe): without one, no token of it is capitalised.
    static func mayHaveCapitals(_ b: [UInt8], _ range: Range<Int>) -> Bool {
        b.withUnsafeBufferPointer { p in
            for i in range where (p[i] >= 0x41 && p[i] <= 0x5A) || p[i] >= 0xC0 { return true }
            return false
        }
    }

    /// The words of `range` of `b` that start with a lowercase ASCII letter, as
    /// `tokens` would give their text, without building tokens.
    static func lowercaseWords(_ b: [UInt8], _ range: Range<Int>, _ body: (String) -> Void) {
        scan(b, range) { lo, hi, cut, _ in
            guard let cut, b[lo] >= 0x61 && b[lo] <= 0x7A else { return }
            body(String(decoding: b[lo..<(hi - cut)], as: UTF8.self))
        }
    }

    /// The hashes (`FeatureHash.word`) of the words `lowercaseWords` gives, without building Strings.
    static func lowercaseWordHashes(_ b: [UInt8], _ range: Range<Int>, _ body: (UInt64) -> Void) {
        b.withUnsafeBufferPointer { p in
            scan(b, range) { lo, hi, cut, _ in
                guard let cut, p[lo] >= 0x61 && p[lo] <= 0x7A else { return }
                body(FeatureHash.bytes(UnsafeBufferPointer(rebasing: p[lo..<(hi - cut)])))
            }
        }
    }

    /// A capital initial between two capitalised words ("George W. Bush"): one capital letter at
    /// `start` whose period at `dot` is followed by a space and a capital letter, after a capitalised word.
    @inline(never)
    static func middleInitial(_ b: [UInt8], _ start: Int, _ dot: Int, _ end: Int) -> Bool {
        guard dot == start + 1, b[start] >= 0x41, b[start] <= 0x5A, dot + 2 < end, b[dot + 1] == 0x20,
              b[dot + 2] >= 0x41, b[dot + 2] <= 0x5A, start >= 2, b[start - 1] == 0x20 else { return false }
        // the word before: a capital, then lowercase letters (a given name; not "U.S. A.", not "plan B.")
        var k = start - 2
        while k > 0, b[k] >= 0x61, b[k] <= 0x7A { k -= 1 }
        return k < start - 2 && b[k] >= 0x41 && b[k] <= 0x5A
    }

    /// Speech verbs that a lost space glues to the next or previous word with a hyphen.
    static let glueVerbs: Set<[UInt8]> = Set(["said", "says", "told", "added", "adding", "noted", "stressed", "insisted",
        "warned", "wrote", "explained", "described", "describing", "stated", "claimed", "argued", "saying"].map { Array($0.utf8) })

    /// Capitalised heads of a body's name that a lost space glues to the name after it with a hyphen
    /// ("the Metropolitan Police-Neil Basu"): a break when a capital follows.
    static let glueBodies: Set<[UInt8]> = Set(["police", "ministry", "party", "agency", "office", "department", "council",
        "committee", "court", "commission", "army", "navy", "university", "union", "bank", "group"].map { Array($0.utf8) })

    /// Whether `r` of `b` is a capitalised one of `glueBodies` and the byte at `next` a capital letter.
    @inline(never)
    static func gluedBody(_ b: [UInt8], _ r: Range<Int>, _ next: Int) -> Bool {
        guard r.count >= 4, r.count <= 10, next < b.count, b[next] >= 0x41, b[next] <= 0x5A,
              b[r.lowerBound] >= 0x41, b[r.lowerBound] <= 0x5A else { return false }
        return glueBodies.contains(b[r].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
    }

    /// Prefixes a hyphen joins to a capitalised word in one word ("anti-Trump", "post-Brexit").
    static let hyphenPrefixes: Set<[UInt8]> = Set(["anti", "post", "mid", "non", "pre", "pro", "neo", "pan", "trans",
        "inter", "intra", "sub", "super", "ultra", "semi", "multi", "over", "under", "cross", "counter", "self", "pseudo",
        "quasi", "extra", "hyper", "mega", "mini", "micro", "macro", "euro", "afro", "indo", "sino", "russo", "franco",
        "anglo", "judeo", "greco", "arab", "islamo", "all", "half", "full", "low", "high", "long", "short", "much",
        "ever", "never", "well", "ill", "near", "far", "one", "two", "three", "four", "five", "upon"].map { Array($0.utf8) })

    /// A lowercase word a lost space glued with a hyphen to a capitalised one ("leadership-Leo
    /// Varadkar", "the-National Interest"): four letters or more, or a function word; not a prefix.
    @inline(never)
    static func gluedLowercase(_ b: [UInt8], _ r: Range<Int>, _ next: Int) -> Bool {
        guard r.count >= 2, r.count <= 14, next < b.count, b[next] >= 0x41, b[next] <= 0x5A,
              next + 1 < b.count, b[next + 1] >= 0x61, b[next + 1] <= 0x7A else { return false }
        for k in r where b[k] < 0x61 || b[k] > 0x7A { return false }
        let w = Array(b[r])
        if r.count < 4 { return functionWords.contains(w) }
        return !hyphenPrefixes.contains(w)
    }
    /// (not "on", "in", "upon": "Stoke-on-Trent", "Kirkby-in-Ashfield" are names)
    static let functionWords: Set<[UInt8]> = Set(["the", "and", "to", "by", "for", "as", "with", "from"].map { Array($0.utf8) })

    /// Whether `r` of `b` spells one of `glueVerbs` (any case).
    static func gluedVerb(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        guard r.count >= 4, r.count <= 10 else { return false }
        return glueVerbs.contains(b[r].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
    }

    /// The scanner under `tokens`: calls `body(lo, hi, cut, trailingApostrophe)`
    /// for each token in order; `cut` is nil for punctuation, else the bytes of a
    /// possessive `'s`/`’s` at the end of `lo..<hi` (0 when none);
    /// `trailingApostrophe` says a final apostrophe after an -s was skipped ("Jones'").
    @inline(__always)
    static func scan(_ b: [UInt8], _ range: Range<Int>, _ body: (Int, Int, Int?, Bool) -> Void) {
        var i = range.lowerBound
        let end = range.upperBound
        func isWordByte(_ k: Int) -> Bool {
            guard k < end else { return false }
            let c = b[k]
            if c < 0x80 { return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
            if c == 0xE2 { return false } // general punctuation (quotes, dashes, ellipsis)
            if c == 0xE3, k + 1 < end, b[k + 1] == 0x80 { return false } // CJK punctuation (「」、。)
            if c == 0xC2, k + 1 < end, b[k + 1] < 0xC0 { return false } // NBSP, ©, «, »
            return c >= 0xC0 || c >= 0x80
        }
        func scalarLength(_ k: Int) -> Int {
            let c = b[k]
            if c < 0x80 { return 1 }
            if c >= 0xF0 { return 4 }
            if c >= 0xE0 { return 3 }
            if c >= 0xC0 { return 2 }
            return 1
        }
        while i < end {
            let c = b[i]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D { i += 1; continue }
            if c == 0xC2, i + 1 < end, b[i + 1] == 0xA0 { i += 2; continue }
            if isWordByte(i) {
                let start = i
                var dots = false
                var part = i
                while i < end {
                    if isWordByte(i) { i += scalarLength(i); continue }
                    // a hyphen left where a space was lost glues a speech verb to its neighbour
                    // ("Mr Noonan-said", "He-said", "said-the"): a break, not a joiner
                    if b[i] == 0x2D, isWordByte(i + 1) {
                        var j = i + 1
                        while j < end, isWordByte(j) { j += scalarLength(j) }
                        // ("self-described" is a word of its own)
                        let isSelf = i - part == 4 && b[part..<i].map { $0 | 0x20 } == Array("self".utf8)
                        if gluedVerb(b, part..<i) || (gluedVerb(b, (i + 1)..<j) && !isSelf) || gluedBody(b, part..<i, i + 1)
                            || gluedLowercase(b, part..<i, i + 1) { break }
                        part = i + 1
                    }
                    // internal joiners: - . ' ’ between word characters
                    if (b[i] == 0x2D || b[i] == 0x2E || b[i] == 0x27) && isWordByte(i + 1) { dots = dots || b[i] == 0x2E; i += 1; continue }
                    if b[i] == 0xE2, i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0x99, isWordByte(i + 3) { i += 3; continue }
                    break
                }
                var hi = i
                // final period of an abbreviation (U.S., Co.)
                if i < end, b[i] == 0x2E, hi - start <= 4 || dots {
                    let text = String(decoding: b[start..<hi], as: UTF8.self)
                    if dotted.contains(text.lowercased()) || (dots && text.split(separator: ".").allSatisfy { $0.count == 1 })
                        || middleInitial(b, start, i, end) {
                        hi = i + 1; i += 1
                    }
                }
                // a possessive 's or ’s, seen on the bytes
                var cut = 0
                if hi - start > 2, b[hi - 1] == 0x73 || b[hi - 1] == 0x53 {
                    if b[hi - 2] == 0x27 { cut = 2 }
                    else if hi - start > 4, b[hi - 2] == 0x99, b[hi - 3] == 0x80, b[hi - 4] == 0xE2 { cut = 4 }
                }
                var apostrophe = false
                if cut == 0, i < end, b[i] == 0x27 || (b[i] == 0xE2 && i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0x99),
                   b[hi - 1] == 0x73 {
                    apostrophe = true
                    i += b[i] == 0x27 ? 1 : 3
                }
                body(start, hi, cut, apostrophe)
                continue
            }
            let n = scalarLength(i)
            let hi = min(end, i + n)
            body(i, hi, nil, false)
            i = hi
        }
    }
}
