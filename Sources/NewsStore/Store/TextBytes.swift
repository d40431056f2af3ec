/// An article text as UTF-8 bytes, with the byte-level helpers the loaders share
/// (line splitting, whitespace trimming, slicing back to strings).

struct TextBytes {
    let bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.utf8) }

    var count: Int { bytes.count }

    func string(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }

    /// Length of the whitespace character at `i` (0 when there is none): ASCII
    /// space and controls, NBSP, the U+2000 spaces, U+3000 and a BOM.
    func spaceLength(at i: Int) -> Int {
        let b = bytes[i]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b == 0xC2, i + 1 < count, bytes[i + 1] == 0xA0 { return 2 }
        if b == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] <= 0x8B || bytes[i + 2] == 0xAF { return 3 }
        if b == 0xE3, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return 3 }
        if b == 0xEF, i + 2 < count, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return 3 }
        return 0
    }

    /// Whether the whitespace character ending just before `end` has a length (else 0).
    func spaceLength(endingAt end: Int) -> Int {
        for len in [1, 2, 3] where end - len >= 0 {
            let s = end - len
            // only a lead byte can start a character
            if len > 1, bytes[s] & 0xC0 == 0x80 { continue }
            if spaceLength(at: s) == len { return len }
        }
        return 0
    }

    /// `r` without surrounding whitespace (empty range at its start when all blank).
    func trim(_ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi { let n = spaceLength(at: lo); if n == 0 { break }; lo += n }
        while hi > lo { let n = spaceLength(endingAt: hi); if n == 0 { break }; hi -= n }
        return lo..<hi
    }

    /// Lines of `r` (split at LF), each trimmed; blank lines come back empty.
    func lines(in r: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = r.lowerBound
        var i = r.lowerBound
        while i < r.upperBound {
            if bytes[i] == 0x0A { out.append(trim(start..<i)); start = i + 1 }
            i += 1
        }
        if start < r.upperBound { out.append(trim(start..<r.upperBound)) }
        return out
    }
}
