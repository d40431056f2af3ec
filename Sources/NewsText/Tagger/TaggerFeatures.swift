/// The features of one sentence for the name tagger.
///
/// Design rules:
/// - Each token's values (word hash, shape hash, flag bits, lexicon and
///   gazetteer bits, position in a multiword gazetteer name) are computed once;
///   a feature key is an integer mix of a template number and those values.
/// - Only "islands" are tagged: runs of tokens with a capital letter (up to two
///   other tokens between them, "Bank of England") and one token either side.
///   Every other token is O. Training and tagging cut islands the same way.

struct TaggerFeatures {
    /// Bump when a template changes: a model trained with other features is refused.
    static let version: UInt32 = 3

    enum Flag {
        static let cap: UInt32 = 1 << 0
        static let allCaps: UInt32 = 1 << 1
        static let digit: UInt32 = 1 << 2
        static let hyphen: UInt32 = 1 << 3
        static let sentenceStart: UInt32 = 1 << 4
        static let afterQuote: UInt32 = 1 << 5
        static let possessive: UInt32 = 1 << 6
        static let word: UInt32 = 1 << 7
        static let upperInside: UInt32 = 1 << 8
        static let dotted: UInt32 = 1 << 9
        static let lowerInitial: UInt32 = 1 << 10
        static let openParen: UInt32 = 1 << 11
        static let closeParenAfter: UInt32 = 1 << 12
        static let count = 13
    }

    private(set) var count = 0
    var word: [UInt64]
    var shape: [UInt64]
    var affix: [(UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)]
    var flags: [UInt32]
    var lex: [UInt32]
    /// Position in a multiword place (bits 0-1) and organisation (bits 2-3) name: 1 B, 2 I, 3 L.
    var gazPos: [UInt8]
    /// What of each token is read (`Need`), and the phrase hashes of the multiword names: kept
    /// between sentences with the arrays above (`fill`), so a tagger reusing one value allocates
    /// nothing per sentence.
    private var need: [UInt8] = []
    private var phraseHashes: [UInt64] = []

    static let bos: UInt64 = 0x7B0A_11CE_0000_0001
    static let eos: UInt64 = 0x7B0A_11CE_0000_0002

    /// Whether a token has a capital letter (a seed of an island).
    @inline(__always)
    static func isSeed(_ t: EntityToken) -> Bool {
        guard t.isWord else { return false }
        if t.isCapitalized || t.isAcronym { return true }
        for b in t.text.utf8 where b >= 0x41 && b <= 0x5A { return true }
        return false
    }

    /// The islands of a sentence: capitalised runs (gaps of up to two tokens
    /// inside), with one token of margin each side; empty when nothing is capitalised.
    static func islands(_ toks: [EntityToken]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var k = 0
        let n = toks.count
        while k < n {
            guard isSeed(toks[k]) else { k += 1; continue }
            var last = k
            var j = k + 1
            while j < n, j - last <= 3 {
                if isSeed(toks[j]) { last = j }
                j += 1
            }
            let lo = max(0, k - 1), hi = min(n, last + 2)
            if let p = out.last, p.upperBound >= lo { out[out.count - 1] = p.lowerBound..<hi } else { out.append(lo..<hi) }
            k = last + 1
        }
        return out
    }

    /// What of each token is read when only `islands` are tagged: everything on
    /// the islands (sentence-start and bracket flags are set there only), shapes
    /// and lexicon bits two tokens around them (the context templates), word
    /// hashes as far as a multiword gazetteer name can reach. A token needed for
    /// none of them is left at zero but for its word flags.
    enum Need {
        static let word: UInt8 = 1, shape: UInt8 = 2, all: UInt8 = 4
    }

    /// The features of `toks`; with `islands`, only those the templates read
    /// when tagging them (the keys of their tokens are the same either way).
    init(_ toks: [EntityToken], _ gaz: Gazetteer, islands: [Range<Int>]? = nil) {
        word = []; shape = []; affix = []; flags = []; lex = []; gazPos = []
        fill(toks, gaz, islands: islands)
    }

    /// No sentence yet: a value for `fill` to reuse.
    static var empty: TaggerFeatures { TaggerFeatures() }

    private init() { word = []; shape = []; affix = []; flags = []; lex = []; gazPos = [] }

    /// These features made again for `toks` (what `init` gives), in the arrays' room.
    mutating func fill(_ toks: [EntityToken], _ gaz: Gazetteer, islands: [Range<Int>]? = nil) {
        let n = toks.count
        count = n
        func reset<T>(_ a: inout [T], _ v: T) { a.removeAll(keepingCapacity: true); a.append(contentsOf: repeatElement(v, count: n)) }
        reset(&word, 0); reset(&shape, 0); reset(&affix, (0, 0, 0, 0, 0, 0)); reset(&flags, 0); reset(&lex, 0); reset(&gazPos, 0)
        reset(&need, islands == nil ? Need.word | Need.shape | Need.all : 0)
        if let islands {
            let reach = max(2, max(gaz.maxPlaceTokens, gaz.maxOrgTokens) - 1)
            for r in islands {
                for k in max(0, r.lowerBound - 2)..<min(n, r.upperBound + reach) { need[k] |= Need.word }
                for k in max(0, r.lowerBound - 2)..<min(n, r.upperBound + 2) { need[k] |= Need.shape }
                for k in r { need[k] |= Need.all }
            }
        }
        for i in 0..<n {
            let t = toks[i]
            var f: UInt32 = 0
            if t.isWord {
                f |= Flag.word
                if t.isCapitalized { f |= Flag.cap }
                if t.isAcronym { f |= Flag.allCaps }
                if t.possessive { f |= Flag.possessive }
            }
            guard need[i] != 0 else { flags[i] = f; continue }
            // shape and character flags on the original text
            var sh: UInt64 = 0xCBF2_9CE4_8422_2325
            var prev: UInt8 = 0, run = 0, first = true
            var txt = t.text
            txt.withUTF8 { bytes in
                var k = 0
                while k < bytes.count {
                    let b = bytes[k]
                    var c: UInt8
                    if b >= 0x41 && b <= 0x5A { c = 0x58; if !first { f |= Flag.upperInside } }
                    else if b >= 0x61 && b <= 0x7A { c = 0x78; if first { f |= Flag.lowerInitial } }
                    else if b >= 0x30 && b <= 0x39 { c = 0x64; f |= Flag.digit }
                    else if b < 0x80 {
                        c = b
                        if b == 0x2D { f |= Flag.hyphen } else if b == 0x2E && t.isWord { f |= Flag.dotted }
                    } else {
                        // a non-ASCII letter: its case from the scalar
                        var len = 1
                        if b >= 0xF0 { len = 4 } else if b >= 0xE0 { len = 3 } else if b >= 0xC0 { len = 2 }
                        let end = min(bytes.count, k + len)
                        let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[k..<end]), as: UTF8.self).unicodeScalars.first
                        if let s, s.properties.isUppercase { c = 0x58 } else if let s, s.properties.isLowercase { c = 0x78 } else { c = 0x75 }
                        k = end - 1
                    }
                    if c == prev { run += 1 } else { run = 1; prev = c }
                    if run <= 3 { sh = (sh ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }
                    first = false
                    k += 1
                }
            }
            shape[i] = FeatureHash.mix(sh)
            var low = t.lower
            let w: UInt64 = low.withUTF8 { bytes in
                let m = bytes.count
                func h(_ r: Range<Int>, _ salt: UInt64) -> UInt64 { FeatureHash.bytes(UnsafeBufferPointer(rebasing: bytes[r])) ^ salt }
                affix[i] = (h(0..<min(1, m), 1), h(0..<min(2, m), 2), h(0..<min(3, m), 3),
                            h(max(0, m - 1)..<m, 4), h(max(0, m - 2)..<m, 5), h(max(0, m - 3)..<m, 6))
                return FeatureHash.bytes(bytes)
            }
            word[i] = w
            lex[i] = t.isWord ? gaz.bits(w) : 0
            flags[i] = f
        }
        // sentence starts and quotes, parentheses
        for i in 0..<n where need[i] & Need.all != 0 {
            var j = i - 1
            while j >= 0, !toks[j].isWord, ["(", "[", "‘", "'"].contains(toks[j].text) { j -= 1 }
            if j < 0 { flags[i] |= Flag.sentenceStart }
            else if !toks[j].isWord {
                let p = toks[j].text
                if ["“", "\"", ":", "—", "–", ".", "?", "!", "…", "|", "•"].contains(p) { flags[i] |= Flag.sentenceStart }
                if ["“", "\"", ":", "‘", "'"].contains(p) { flags[i] |= Flag.afterQuote }
            }
            if i > 0, toks[i - 1].text == "(" { flags[i] |= Flag.openParen }
            if i + 1 < n, toks[i + 1].text == ")" { flags[i] |= Flag.closeParenAfter }
        }
        // multiword gazetteer names starting at capitalised words, longest first
        if gaz.maxPlaceTokens > 1 || gaz.maxOrgTokens > 1 {
            var i = 0
            let maxLen = max(gaz.maxPlaceTokens, gaz.maxOrgTokens)
            var hs: [UInt64] = []
            swap(&hs, &phraseHashes)
            defer { swap(&hs, &phraseHashes) }
            while i < n {
                guard flags[i] & Flag.cap != 0 else { i += 1; continue }
                var h: UInt64 = 0x51_7CC1_B727_220A
                hs.removeAll(keepingCapacity: true)
                for L in 1...maxLen where i + L <= n {
                    h = FeatureHash.combine(h, word[i + L - 1])
                    hs.append(h)
                }
                var next = i + 1
                for L in stride(from: hs.count, through: 2, by: -1) {
                    let place = L <= gaz.maxPlaceTokens && gaz.places.get(hs[L - 1]) != nil
                    let org = L <= gaz.maxOrgTokens && gaz.orgs.get(hs[L - 1]) != nil
                    guard place || org else { continue }
                    let shift: UInt8 = place ? 0 : 2
                    for k in i..<(i + L) { gazPos[k] |= (k == i ? 1 : k == i + L - 1 ? 3 : 2) << shift }
                    next = i + L
                    break
                }
                i = next
            }
        }
    }

    @inline(__always) func w(_ i: Int) -> UInt64 { i < 0 ? Self.bos : i >= count ? Self.eos : word[i] }
    @inline(__always) func s(_ i: Int) -> UInt64 { i < 0 ? Self.bos : i >= count ? Self.eos : shape[i] }
    @inline(__always) func l(_ i: Int) -> UInt32 { i < 0 || i >= count ? 0 : lex[i] }
    @inline(__always) func g(_ i: Int) -> UInt8 { i < 0 || i >= count ? 0 : gazPos[i] }
    @inline(__always) func cap(_ i: Int) -> UInt64 { i < 0 || i >= count ? 2 : UInt64(flags[i] & (Flag.cap | Flag.allCaps) != 0 ? 1 : 0) }

    /// The tag-independent feature keys of token `i`, appended to `out`.
    func staticKeys(_ i: Int, into out: inout [UInt64]) {
        typealias H = FeatureHash
        let w0 = word[i], s0 = shape[i]
        out.append(H.key(1, 0))
        out.append(H.key(2, w0))
        out.append(H.key(3, s0))
        let a = affix[i]
        out.append(H.key(4, a.0)); out.append(H.key(5, a.1)); out.append(H.key(6, a.2))
        out.append(H.key(7, a.3)); out.append(H.key(8, a.4)); out.append(H.key(9, a.5))
        out.append(H.key(10, w(i - 1))); out.append(H.key(11, w(i + 1)))
        out.append(H.key(12, w(i - 2))); out.append(H.key(13, w(i + 2)))
        out.append(H.key(14, s(i - 1))); out.append(H.key(15, s(i + 1)))
        out.append(H.key(16, s(i - 2))); out.append(H.key(17, s(i + 2)))
        out.append(H.key(18, H.combine(w(i - 1), w0)))
        out.append(H.key(19, H.combine(w0, w(i + 1))))
        out.append(H.key(20, H.combine(H.combine(s(i - 1), s0), s(i + 1))))
        var f = flags[i]
        while f != 0 { let b = f.trailingZeroBitCount; out.append(H.key(21, UInt64(b))); f &= f - 1 }
        func lexBits(_ t: UInt64, _ v: UInt32) {
            var v = v
            while v != 0 { let b = v.trailingZeroBitCount; out.append(H.key(t, UInt64(b))); v &= v - 1 }
        }
        lexBits(22, lex[i])
        lexBits(23, l(i - 1)); lexBits(24, l(i + 1))
        lexBits(25, l(i - 2)); lexBits(26, l(i + 2))
        let g0 = gazPos[i]
        if g0 != 0 { out.append(H.key(27, UInt64(g0))) }
        if g(i - 1) != 0 { out.append(H.key(28, UInt64(g(i - 1)))) }
        if g(i + 1) != 0 { out.append(H.key(29, UInt64(g(i + 1)))) }
        if flags[i] & Flag.sentenceStart != 0 { out.append(H.key(30, w0)) }
        out.append(H.key(31, cap(i - 1) * 9 + cap(i) * 3 + cap(i + 1)))
        out.append(H.key(33, H.combine(w(i - 1), s0)))
        out.append(H.key(34, H.combine(s0, w(i + 1))))
        if lex[i] != 0 { out.append(H.key(35, H.combine(UInt64(lex[i]), UInt64(flags[i] & (Flag.cap | Flag.sentenceStart))))) }
    }

    /// The keys that depend on the two previous tags (-1: before the sentence).
    @inline(__always)
    func tagKeys(_ i: Int, _ p1: Int, _ p2: Int, into out: inout [UInt64]) {
        typealias H = FeatureHash
        let a = UInt64(bitPattern: Int64(p1 + 1)), b = UInt64(bitPattern: Int64(p2 + 1))
        out.append(H.key(40, a))
        out.append(H.key(41, b))
        out.append(H.key(42, a * 32 + b))
        out.append(H.key(43, H.combine(a, word[i])))
        out.append(H.key(44, H.combine(a, shape[i])))
    }
}
