#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    var suffix: String { Self.suffixes[Int(suffixCode)] }
    /// `suffix` as an index into `suffixes` (a byte where a String would be copied with every token):
    /// 1 `'s`, 2 `'S`, 3 `’s`, 4 `’S`.
    private var suffixCode: UInt8 = 0
    /// Every suffix the scanner takes off: an apostrophe (straight or curly) and s or S.
    static let suffixes = ["", "'s", "'S", "’s", "’S"]
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

    /// The token of the bytes `t` (what `init(text:...)` gives for their text), read on the
    /// bytes: for ASCII text, no String is scanned and the lowercase form is built from them.
    @inline(__always)
    init(bytes t: UnsafeBufferPointer<UInt8>, range: Range<Int>, isWord: Bool, possessive: Bool = false, suffix code: UInt8 = 0) {
        var asciiOnly = true, hasLower = false, letters = 0, other = false, hasUpper = false
        for b in t {
            if b >= 0x80 { asciiOnly = false; break }
            if b >= 0x61 && b <= 0x7A { hasLower = true; letters += 1 }
            else if b >= 0x41 && b <= 0x5A { letters += 1; hasUpper = true }
            else if b != 0x2E && b != 0x2D && b != 0x26 { other = true }
        }
        guard asciiOnly else {
            self = EntityToken(text: String(decoding: t, as: UTF8.self), range: range, isWord: isWord, possessive: possessive)
            suffixCode = code
            return
        }
        let text = String(decoding: t, as: UTF8.self)
        self.text = text; self.range = range; self.isWord = isWord; self.possessive = possessive; suffixCode = code
        if hasUpper {
            // ASCII lowercasing is A-Z to a-z, as `lowercased()` does
            lower = String(unsafeUninitializedCapacity: t.count) { out in
                for (i, b) in t.enumerated() { out[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
                return t.count
            }
        } else {
            lower = text
        }
        let f = t.first ?? 0
        isCapitalized = isWord && f >= 0x41 && f <= 0x5A
        isAcronym = isWord && !hasLower && !other && letters >= 2
    }

    /// Opening or closing quotation mark.
    var isQuote: Bool { !isWord && ["\"", "“", "”", "«", "»", "„", "「", "」", "『", "』", "‹", "›", "‚"].contains(text) }
}

enum EntityWords {
    /// Abbreviations that keep their final period.
    static let dotted: Set<String> = ["co", "corp", "inc", "ltd", "jr", "sr", "st", "dr", "mr", "mrs", "ms", "gen",
                                      "sen", "rep", "gov", "lt", "col", "prof", "capt", "adm", "sgt", "no", "bros", "cmdr"]

    /// Tokens of `range` of the bytes `b` (cut from the article's tokens inside `reusing(b)`).
    static func tokens(_ b: [UInt8], _ range: Range<Int>) -> [EntityToken] {
        if let p = pthread_getspecific(ArticleTokens.threadKey) {
            let store = Unmanaged<ArticleTokens>.fromOpaque(p).takeUnretainedValue()
            if store.holds(b) { return store.tokens(range) }
        }
        return scanTokens(b, range)
    }

    /// Runs `body` with the tokens of the whole of `b` scanned once: on this thread, every
    /// `tokens(b, r)` inside is cut from them (what a scan of `r` gives, see `ArticleTokens`).
    /// A text over `ArticleTokens.maxBytes` is scanned stretch by stretch as before.
    static func reusing<T>(_ b: [UInt8], _ body: () -> T) -> T {
        guard b.count <= ArticleTokens.maxBytes else { return body() }
        let store = Unmanaged.passRetained(ArticleTokens(b))
        let outer = pthread_getspecific(ArticleTokens.threadKey)
        pthread_setspecific(ArticleTokens.threadKey, store.toOpaque())
        defer { pthread_setspecific(ArticleTokens.threadKey, outer); store.release() }
        return body()
    }

    /// Where the scanner was done with token `t` of `b`: after its suffix or the apostrophe it skipped.
    @inline(__always)
    static func extent(_ t: EntityToken, in b: [UInt8]) -> Int {
        let end = t.range.upperBound
        if !t.suffix.isEmpty { return end + t.suffix.utf8.count }
        if t.possessive, end < b.count { return end + (b[end] == 0x27 ? 1 : 3) }
        return end
    }

    /// Whether offset `x` of `b` is not inside a multi-byte scalar.
    @inline(__always)
    static func betweenScalars(_ b: [UInt8], _ x: Int) -> Bool { x >= b.count || b[x] & 0xC0 != 0x80 }

    /// The scan itself: tokens of `range` of the bytes `b`.
    static func scanTokens(_ b: [UInt8], _ range: Range<Int>) -> [EntityToken] {
        var out: [EntityToken] = []
        // about one token per five bytes of news text: most sentences fill it without growing
        out.reserveCapacity(range.count / 5 + 2)
        b.withUnsafeBufferPointer { p in
            scan(p, range) { lo, hi, cut, trailingApostrophe in
                guard let cut else {
                    out.append(EntityToken(bytes: UnsafeBufferPointer(rebasing: p[lo..<hi]), range: lo..<hi, isWord: false))
                    return
                }
                // (made in the append: a token built first and then changed is copied into the array)
                out.append(EntityToken(bytes: UnsafeBufferPointer(rebasing: p[lo..<(hi - cut)]), range: lo..<(hi - cut),
                                       isWord: true, possessive: cut > 0 || trailingApostrophe,
                                       suffix: cut == 0 ? 0 : (cut == 4 ? 3 : 1) + (p[hi - 1] == 0x53 ? 1 : 0)))
            }
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
        b.withUnsafeBufferPointer { p in
            scan(p, range) { lo, hi, cut, _ in
                guard let cut, p[lo] >= 0x61 && p[lo] <= 0x7A else { return }
                body(String(decoding: UnsafeBufferPointer(rebasing: p[lo..<(hi - cut)]), as: UTF8.self))
            }
        }
    }

    /// The hashes (`FeatureHash.word`) of the words `lowercaseWords` gives, without building Strings.
    static func lowercaseWordHashes(_ b: [UInt8], _ range: Range<Int>, _ body: (UInt64) -> Void) {
        b.withUnsafeBufferPointer { p in
            scan(p, range) { lo, hi, cut, _ in
                guard let cut, p[lo] >= 0x61 && p[lo] <= 0x7A else { return }
                body(FeatureHash.bytes(UnsafeBufferPointer(rebasing: p[lo..<(hi - cut)])))
            }
        }
    }

    /// A capital initial between two capitalised words ("George W. Bush"): one capital letter at
    /// `start` whose period at `dot` is followed by a space and a capital letter, after a capitalised word.
    @inline(never)
    static func middleInitial<C: RandomAccessCollection<UInt8>>(_ b: C, _ start: Int, _ dot: Int, _ end: Int) -> Bool where C.Index == Int {
        guard dot == start + 1, b[start] >= 0x41, b[start] <= 0x5A, dot + 2 < end, b[dot + 1] == 0x20,
              b[dot + 2] >= 0x41, b[dot + 2] <= 0x5A, start >= 2, b[start - 1] == 0x20 else { return false }
        // the word before: a capital, then lowercase letters (a given name; not "U.S. A.", not "plan B.")
        var k = start - 2
        while k > 0, b[k] >= 0x61, b[k] <= 0x7A { k -= 1 }
        return k < start - 2 && b[k] >= 0x41 && b[k] <= 0x5A
    }

    /// Speech verbs that a lost space glues to the next or previous word with a hyphen.
    static let glueVerbs: [[UInt8]] = ["said", "says", "told", "added", "adding", "noted", "stressed", "insisted",
        "warned", "wrote", "explained", "described", "describing", "stated", "claimed", "argued", "saying"].map { Array($0.utf8) }

    /// Capitalised heads of a body's name that a lost space glues to the name after it with a hyphen
    /// ("the Metropolitan Police-Neil Basu"): a break when a capital follows.
    static let glueBodies: Set<[UInt8]> = Set(["police", "ministry", "party", "agency", "office", "department", "council",
        "committee", "court", "commission", "army", "navy", "university", "union", "bank", "group"].map { Array($0.utf8) })

    /// Whether `r` of `b` is a capitalised one of `glueBodies` and the byte at `next` a capital letter.
    @inline(never)
    static func gluedBody<C: RandomAccessCollection<UInt8>>(_ b: C, _ r: Range<Int>, _ next: Int) -> Bool where C.Index == Int {
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
    static func gluedLowercase<C: RandomAccessCollection<UInt8>>(_ b: C, _ r: Range<Int>, _ next: Int) -> Bool where C.Index == Int {
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
        b.withUnsafeBufferPointer { gluedVerb($0, r) }
    }

    @inline(__always)
    static func gluedVerb(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard r.count >= 4, r.count <= 10 else { return false }
        for v in glueVerbs where v.count == r.count {
            var same = true
            for (k, c) in v.enumerated() {
                let x = b[r.lowerBound + k]
                if (x >= 0x41 && x <= 0x5A ? x | 0x20 : x) != c { same = false; break }
            }
            if same { return true }
        }
        return false
    }

    /// The scanner under `tokens`: calls `body(lo, hi, cut, trailingApostrophe)`
    /// for each token in order; `cut` is nil for punctuation, else the bytes of a
    /// possessive `'s`/`’s` at the end of `lo..<hi` (0 when none);
    /// `trailingApostrophe` says a final apostrophe after an -s was skipped ("Jones'").
    @inline(__always)
    static func scan(_ b: [UInt8], _ range: Range<Int>, _ body: (Int, Int, Int?, Bool) -> Void) {
        b.withUnsafeBufferPointer { scan($0, range, body) }
    }

    /// `scan` on the bytes in place (no bounds check per byte: `range` lies inside `b`).
    @inline(__always)
    static func scan(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (Int, Int, Int?, Bool) -> Void) {
        precondition(range.lowerBound >= 0 && range.upperBound <= b.count, "EntityWords.scan: range out of the text")
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
                        let isSelf = i - part == 4 && b[part] | 0x20 == 0x73 && b[part + 1] | 0x20 == 0x65
                            && b[part + 2] | 0x20 == 0x6C && b[part + 3] | 0x20 == 0x66
                        if gluedVerb(b, part..<i) || (gluedVerb(b, (i + 1)..<j) && !isSelf) || gluedBody(b, part..<i, i + 1)
                            || gluedLowercase(b, part..<i, i + 1) { break }
                        part = i + 1
                    }
                    // internal joiners: - . ' ’ between word characters
                    if (b[i] == 0x2D || b[i] == 0x2E || b[i] == 0x27) && isWordByte(i + 1) { dots = dots || b[i] == 0x2E; i += 1; continue }
                    if b[i] == 0xE2, i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0x99, isWordByte(i + 3) { i += 3; continue }
                    // a letter lost to a question mark by a bad encoding, between letters and before a
                    // lowercase one ("Bj?rn H?cke"): part of the word (a question ends before a space;
                    // a lost apostrophe's "?s" is left as it was: "Trump?s")
                    if b[i] == 0x3F, i > part, i + 1 < end, b[i + 1] >= 0x61 && b[i + 1] <= 0x7A,
                       !(b[i + 1] == 0x73 && !isWordByte(i + 2)),
                       b[i - 1] >= 0x80 || (b[i - 1] | 0x20 >= 0x61 && b[i - 1] | 0x20 <= 0x7A) { i += 1; continue }
                    break
                }
                var hi = i
                // final period of an abbreviation (U.S., Co.)
                if i < end, b[i] == 0x2E, hi - start <= 4 || dots {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<hi]), as: UTF8.self)
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

/// The tokens of one article's text, scanned once, for a pass that tokenises many
/// stretches of it (the quotation rules ask for sentence openings, the words around
/// each mention, each paragraph): `tokens(r)` is what `EntityWords.scanTokens(b, r)`
/// gives, as a copy of a slice of them.
///
/// Design rules:
/// - A slice is the scan of its stretch when both ends are between scalars and no
///   token's extent (its bytes, with a possessive's `'s` or final apostrophe the
///   scanner took off) runs across either end: the scanner keeps no state from one
///   token to the next, and what it reads past a token's end it reads the same way.
///   Any other stretch is scanned on its own.
/// - One store per thread at a time (`EntityWords.reusing`), found through a
///   thread-specific key and used only for the very bytes it was made from (the
///   same array storage), so a rule that tokenises another text is not affected.
final class ArticleTokens {
    /// Texts longer than this are not held as tokens (about 70 bytes of tokens per 5 bytes of text).
    static let maxBytes = 1 << 21
    static let threadKey: pthread_key_t = {
        var k = pthread_key_t()
        precondition(pthread_key_create(&k, nil) == 0, "ArticleTokens: no thread-specific key")
        return k
    }()

    private let b: [UInt8]
    private let all: [EntityToken]

    init(_ b: [UInt8]) {
        self.b = b
        all = EntityWords.scanTokens(b, 0..<b.count)
    }

    /// Whether `other` is the text this store was made from (the same storage).
    @inline(__always)
    func holds(_ other: [UInt8]) -> Bool {
        other.count == b.count && other.withUnsafeBufferPointer { o in b.withUnsafeBufferPointer { $0.baseAddress == o.baseAddress } }
    }

    private func extent(_ t: EntityToken) -> Int { EntityWords.extent(t, in: b) }
    private func betweenScalars(_ x: Int) -> Bool { EntityWords.betweenScalars(b, x) }

    /// The first token (index) whose start is at or after `x`.
    private func firstStarting(atOrAfter x: Int) -> Int {
        var lo = 0, hi = all.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if all[mid].range.lowerBound < x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func tokens(_ r: Range<Int>) -> [EntityToken] {
        guard r.lowerBound >= 0, r.upperBound <= b.count, !r.isEmpty,
              betweenScalars(r.lowerBound), betweenScalars(r.upperBound) else { return EntityWords.scanTokens(b, r) }
        let lo = firstStarting(atOrAfter: r.lowerBound)
        let hi = firstStarting(atOrAfter: r.upperBound)
        if lo > 0, extent(all[lo - 1]) > r.lowerBound { return EntityWords.scanTokens(b, r) }
        if hi > lo, extent(all[hi - 1]) > r.upperBound { return EntityWords.scanTokens(b, r) }
        return Array(all[lo..<hi])
    }
}
