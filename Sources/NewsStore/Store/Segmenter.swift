/// Splits a paragraph into sentences, as trimmed byte ranges of the article text.
///
/// Design rules:
/// - A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets
///   right after it) when whitespace follows and then an uppercase letter, a
///   digit, an opening quote or bracket.
/// - Never after a title or month abbreviation (Mr., Dr., Gen., Sept., Aug., …)
///   or a single capital initial ("J. Smith").
/// - After an abbreviation that can also end a sentence (U.S., Co., Inc., etc.)
///   only when an opening quote or a common sentence-starting word follows.
/// - A line without final punctuation (headline, caption) is one sentence.

enum Segmenter {
    /// Abbreviations after which a sentence never ends (lowercased, no dots).
    static let neverEnd: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen",
        "rep", "rev", "st", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "no", "nos", "vs", "fig", "vol", "pp", "approx", "dept", "est", "ave",
        "pres", "gov", "atty", "supt", "messrs", "e.g", "i.e", "cf",
    ]
    /// Abbreviations that end a sentence only before a clear sentence start.
    static let mayEnd: Set<String> = ["co", "inc", "corp", "ltd", "jr", "sr", "etc", "bros", "plc", "llc"]
    /// Words that plainly start a sentence after "U.S." and the like.
    static let starters: Set<String> = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In", "On", "This",
        "That", "There", "These", "Those", "His", "Her", "Its", "Their", "Our", "What", "Why", "How",
        "When", "Where", "Who", "If", "As", "At", "For", "So", "Yet", "However", "Meanwhile",
    ]

    /// Sentence ranges of the paragraph `range` of `t`.
    static func sentences(_ t: TextBytes, in range: Range<Int>) -> [Range<Int>] {
        let b = t.bytes
        var out: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            let c = b[i]
            guard c == 0x2E || c == 0x21 || c == 0x3F else { i += 1; continue }
            var j = i + 1
            while j < range.upperBound {
                if b[j] == 0x2E || b[j] == 0x21 || b[j] == 0x3F || b[j] == 0x22 || b[j] == 0x27 || b[j] == 0x29 || b[j] == 0x5D {
                    j += 1
                } else if b[j] == 0xE2, j + 2 < range.upperBound, b[j + 1] == 0x80, b[j + 2] == 0x99 || b[j + 2] == 0x9D {
                    j += 3 // ’ ”
                } else { break }
            }
            var k = j
            while k < range.upperBound { let n = t.spaceLength(at: k); if n == 0 { break }; k += n }
            if k > j, k < range.upperBound, startsSentence(t, at: k, end: range.upperBound),
               c != 0x2E || periodEnds(t, at: i, start: start, next: k, end: range.upperBound) {
                let s = t.trim(start..<j)
                if !s.isEmpty { out.append(s) }
                start = k
            }
            i = max(j, i + 1)
        }
        let s = t.trim(start..<range.upperBound)
        if !s.isEmpty { out.append(s) }
        return out
    }

    /// Whether the character at `k` can open a sentence.
    static func startsSentence(_ t: TextBytes, at k: Int, end: Int) -> Bool {
        let c = t.bytes[k]
        if (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x22 || c == 0x27 || c == 0x28 || c == 0x5B { return true }
        if c == 0xE2, k + 2 < end, t.bytes[k + 1] == 0x80, t.bytes[k + 2] == 0x9C || t.bytes[k + 2] == 0x98 { return true } // “ ‘
        if c >= 0xC0 {
            let s = String(decoding: t.bytes[k..<min(end, k + 4)], as: UTF8.self)
            return s.unicodeScalars.first?.properties.isUppercase ?? false
        }
        return false
    }

    /// Whether the period at `i` ends a sentence, judged by the word before it.
    static func periodEnds(_ t: TextBytes, at i: Int, start: Int, next k: Int, end: Int) -> Bool {
        var w = i
        while w > start, isWordByte(t.bytes[w - 1]) { w -= 1 }
        let word = t.string(w..<i)
        if word.isEmpty { return true }
        let lower = word.lowercased()
        if neverEnd.contains(lower) { return false }
        if word.utf8.count == 1, let f = word.unicodeScalars.first, f.properties.isUppercase { return false }
        let dotted = word.contains(".") && word.split(separator: ".").allSatisfy { $0.count <= 2 }
        if dotted || mayEnd.contains(lower) {
            if t.bytes[k] == 0x22 || t.bytes[k] == 0xE2 { return true }
            var e = k
            while e < end, t.spaceLength(at: e) == 0, t.bytes[e] != 0x2C, t.bytes[e] != 0x2E { e += 1 }
            return starters.contains(t.string(k..<e))
        }
        return true
    }

    /// Letters (ASCII or any non-ASCII byte), digits and periods: the abbreviation's word.
    static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || b == 0x2E || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
    }
}
