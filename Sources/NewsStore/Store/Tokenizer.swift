import Foundation

/// One word token (named apart from the lexer's `Token`): its folded form and where it sits (UTF-8 byte offsets).
public struct WordToken: Sendable, Equatable {
    /// Lowercased, diacritics removed: the form the index stores.
    public var folded: String
    /// UTF-8 byte offsets into the text the tokens were taken from (plus `base`).
    public var range: Range<Int>

    public init(folded: String, range: Range<Int>) {
        self.folded = folded; self.range = range
    }
}

/// Word tokenization as SQLite FTS5's `unicode61 remove_diacritics 2`.
///
/// Design rules:
/// - A token is a maximal run of scalars of general category L*, N* or Co, or of
///   the 25 combining marks that FTS5 treats as diacritics (they stay inside the
///   token and are dropped from its folded form). Everything else separates.
/// - Folding is the simple lowercase mapping, then, when the result decomposes
///   canonically into an ASCII letter plus only those diacritics, that letter
///   (é → e, ǖ → u, Å → a); other letters (ø, ß, Greek with tonos) stay as they are.
/// - Works on UTF-8 bytes with an ASCII fast path; non-ASCII scalars of the
///   Basic Multilingual Plane go through a table built once on first use.
public enum Tokenizer {
    /// The scalar of the multi-byte UTF-8 sequence at `i` (lead byte >= 0x80) and
    /// its length, cut short at `n`. No validation: the text is valid UTF-8.
    @inline(__always)
    static func decode(_ src: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (UInt32, Int) {
        let b = src[i]
        var cl: Int, cp: UInt32
        if b < 0xE0 { cl = 2; cp = UInt32(b & 0x1F) } else if b < 0xF0 { cl = 3; cp = UInt32(b & 0x0F) } else { cl = 4; cp = UInt32(b & 0x07) }
        if i + cl > n { cl = n - i }
        var k = 1
        while k < cl { cp = (cp << 6) | UInt32(src[i + k] & 0x3F); k += 1 }
        return (cp, cl)
    }

    /// Tokens of `text`; ranges are byte offsets of `text`'s UTF-8 plus `base`.
    public static func tokens(_ text: Substring, base: Int) -> [WordToken] {
        var out: [WordToken] = []
        forEachToken(text, base: base) { folded, range in out.append(WordToken(folded: folded, range: range)) }
        return out
    }

    /// Tokens of a whole string, with offsets from its start.
    public static func tokens(_ text: String) -> [WordToken] { tokens(Substring(text), base: 0) }

    /// The folded form of a word: each token character folded, separators kept.
    public static func fold(_ word: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in word.unicodeScalars {
            switch classify(s.value) {
            case separator: scalars.append(s)
            case dropped: break
            case let v: scalars.append(Unicode.Scalar(v) ?? s)
            }
        }
        return String(scalars)
    }

    /// Calls `body` with each token's folded form and its byte range (plus `base`).
    public static func forEachToken(_ text: Substring, base: Int, _ body: (String, Range<Int>) -> Void) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { scan($0, base: base, body) }
        if done == nil {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { scan($0, base: base, body) }
        }
    }

    // MARK: scanning

    package static let separator: UInt32 = 0xFFFF_FFFF
    static let dropped: UInt32 = 0xFFFF_FFFE

    static func scan(_ buf: UnsafeBufferPointer<UInt8>, base: Int, _ body: (String, Range<Int>) -> Void) {
        scanFolded(buf) { folded, lo, hi in body(String(decoding: folded, as: UTF8.self), (base + lo)..<(base + hi)) }
    }

    /// The allocation-free scanner: calls `body` with each token's folded UTF-8
    /// bytes (valid only during the call) and its byte range `lo..<hi` in `buf`.
    /// ASCII bytes take one table lookup; other scalars go through `classify`.
    @inline(__always)
    static func scanFolded(_ buf: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int, Int) -> Void) {
        let n = buf.count
        guard n > 0, let src = buf.baseAddress else { return }
        // A token's folded form is never longer than 4 bytes per source byte... in practice
        // folding shrinks or keeps the length (the scratch grows when it would not fit).
        var cap = 256
        var scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: cap)
        defer { scratch.deallocate() }
        var len = 0
        var start = -1
        var i = 0
        asciiFoldTable.withUnsafeBufferPointer { ascii in
            while i < n {
                let b = src[i]
                if b < 0x80 {
                    let f = ascii[Int(b)]
                    if f == 0 {
                        if start >= 0 {
                            body(UnsafeBufferPointer(start: scratch, count: len), start, i)
                            len = 0; start = -1
                        }
                    } else {
                        if start < 0 { start = i }
                        if len == cap {
                            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: cap * 2)
                            bigger.update(from: scratch, count: len); scratch.deallocate(); scratch = bigger; cap *= 2
                        }
                        scratch[len] = f; len += 1
                    }
                    i += 1
                    continue
                }
                let (cp, cl) = Tokenizer.decode(src, i, n)
                let fold = classify(cp)
                if fold == separator {
                    if start >= 0 {
                        body(UnsafeBufferPointer(start: scratch, count: len), start, i)
                        len = 0; start = -1
                    }
                } else {
                    if start < 0 { start = i }
                    if fold != dropped {
                        if len + 4 > cap {
                            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: cap * 2)
                            bigger.update(from: scratch, count: len); scratch.deallocate(); scratch = bigger; cap *= 2
                        }
                        len += writeUTF8(fold, scratch + len)
                    }
                }
                i += cl
            }
        }
        if start >= 0 { body(UnsafeBufferPointer(start: scratch, count: len), start, n) }
    }

    /// Byte ranges of the tokens of a text, in order (the same cuts as the
    /// folding scan, without folding): what the index needs to point back at
    /// the words of its positions.
    static func tokenRanges(_ buf: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(buf.count / 6)
        forEachTokenRange(buf, from: 0) { out.append($0); return true }
        return out
    }

    /// The byte range of the token `skip` tokens after the token starting at `from`.
    static func token(in buf: UnsafeBufferPointer<UInt8>, from: Int, skip: Int) -> Range<Int> {
        var seen = 0, found = 0..<0
        forEachTokenRange(buf, from: from) { r in
            if seen == skip { found = r; return false }
            seen += 1
            return true
        }
        return found
    }

    /// Calls `body` with the byte range of each token from `from` on, in order,
    /// until it returns false. The cuts are the folding scan's, without folding.
    @inline(__always)
    static func forEachTokenRange(_ buf: UnsafeBufferPointer<UInt8>, from: Int, _ body: (Range<Int>) -> Bool) {
        let n = buf.count
        guard n > 0, let src = buf.baseAddress else { return }
        let ascii = TokenSink.ascii
        var start = -1, i = from
        while i < n {
            let b = src[i]
            var cl = 1
            let word: Bool
            if b < 0x80 {
                word = ascii[Int(b)] != 0
            } else {
                let (cp, length) = Tokenizer.decode(src, i, n)
                cl = length
                word = classify(cp) != separator
            }
            if word {
                if start < 0 { start = i }
            } else if start >= 0 {
                if !body(start..<i) { return }
                start = -1
            }
            i += cl
        }
        if start >= 0 { _ = body(start..<n) }
    }

    /// Writes a scalar as UTF-8; returns the byte count.
    @inline(__always)
    static func writeUTF8(_ v: UInt32, _ out: UnsafeMutablePointer<UInt8>) -> Int {
        if v < 0x80 { out[0] = UInt8(v); return 1 }
        if v < 0x800 { out[0] = UInt8(0xC0 | (v >> 6)); out[1] = UInt8(0x80 | (v & 0x3F)); return 2 }
        if v < 0x10000 {
            out[0] = UInt8(0xE0 | (v >> 12)); out[1] = UInt8(0x80 | ((v >> 6) & 0x3F)); out[2] = UInt8(0x80 | (v & 0x3F))
            return 3
        }
        out[0] = UInt8(0xF0 | (v >> 18)); out[1] = UInt8(0x80 | ((v >> 12) & 0x3F))
        out[2] = UInt8(0x80 | ((v >> 6) & 0x3F)); out[3] = UInt8(0x80 | (v & 0x3F))
        return 4
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    // MARK: character classes

    /// ASCII: 0 for a separator, else the folded byte.
    static let asciiFoldTable: [UInt8] = asciiFold
    static let asciiFold: [UInt8] = (0..<128).map { (c: Int) -> UInt8 in
        switch c {
        case 0x30...0x39, 0x61...0x7A: return UInt8(c)
        case 0x41...0x5A: return UInt8(c + 32)
        default: return 0
        }
    }

    /// The combining marks FTS5 counts as diacritics.
    static let diacritics: Set<UInt32> = [
        0x300, 0x301, 0x302, 0x303, 0x304, 0x306, 0x307, 0x308, 0x309, 0x30A, 0x30B, 0x30C,
        0x30F, 0x311, 0x31B, 0x323, 0x324, 0x325, 0x326, 0x327, 0x328, 0x32D, 0x32E, 0x330, 0x331,
    ]

    /// Fold of every BMP scalar (separator / dropped / folded value), built once.
    static let bmpTable: [UInt32] = {
        var t = [UInt32](repeating: separator, count: 0x10000)
        for c in 0..<0x10000 { t[c] = c < 0x80 ? (asciiFold[c] == 0 ? separator : UInt32(asciiFold[c])) : compute(UInt32(c)) }
        return t
    }()

    /// Separator, dropped, or the folded scalar value of one code point.
    @inline(__always)
    package static func classify(_ cp: UInt32) -> UInt32 {
        if cp < 0x10000 { return bmpTable[Int(cp)] }
        return compute(cp)
    }

    static func compute(_ cp: UInt32) -> UInt32 {
        if (0x2000...0x206F).contains(cp) || (0xD800...0xDFFF).contains(cp) { return separator }
        if diacritics.contains(cp) { return dropped }
        guard let s = Unicode.Scalar(cp) else { return separator }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse, .unassigned:
            break
        default:
            return separator
        }
        var lower = cp
        if cp == 0x130 {
            lower = 0x69 // İ: simple case folding
        } else if s.properties.changesWhenCaseFolded {
            let f = String(Character(s)).folding(options: .caseInsensitive, locale: nil).unicodeScalars
            let m = f.count == 1 ? f : s.properties.lowercaseMapping.unicodeScalars
            if m.count == 1, let v = m.first { lower = v.value }
        }
        return removeDiacritic(lower)
    }

    /// The ASCII base of a Latin letter with only FTS5 diacritics, else the letter.
    static func removeDiacritic(_ cp: UInt32) -> UInt32 {
        guard cp >= 0x80, cp < 0x2000 || (0x1E00...0x1EFF).contains(cp),
              let s = Unicode.Scalar(cp) else { return cp }
        let d = String(Character(s)).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let first = d.first, first.value < 0x80, d.count > 1 else { return cp }
        for m in d.dropFirst() where !diacritics.contains(m.value) { return cp }
        return first.value
    }
}
