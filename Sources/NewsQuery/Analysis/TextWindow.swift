/// Small text helpers the analysis stages share: byte slicing, whitespace
/// collapsing and cutting to a number of characters.

enum TextWindow {
    /// The text of a byte range of UTF-8 bytes.
    static func string(_ bytes: [UInt8], _ r: Range<Int>) -> String {
        let lo = max(0, min(r.lowerBound, bytes.count)), hi = max(lo, min(r.upperBound, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// Runs of whitespace (newlines included) become one space.
    static func collapse(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var space = false
        for ch in s {
            if ch.isWhitespace { space = true; continue }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(ch)
        }
        if space && !out.isEmpty { out.append(" ") }
        return out
    }

    /// The last `n` characters (a left context), cut at the front.
    static func suffix(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.suffix(n))
    }

    /// The first `n` characters (a right context).
    static func prefix(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n))
    }
}
