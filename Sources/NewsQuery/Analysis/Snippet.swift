import NewsCore

/// `snippet(text)` and `highlight(text)`: a text with the matches of the
/// pipeline's search marked `[like this]` (brackets in every mode: table cells
/// are measured without escape codes; `color` is for plain-text output).
///
/// Design rules:
/// - highlight keeps the whole text; snippet keeps the sentence of the first
///   match (cut to about 80 characters on each side, with `…`), and marks every
///   match inside it.
public enum MatchFunction: String, CaseIterable, Sendable {
    case snippet, highlight

    var signature: String {
        switch self {
        case .snippet: return "snippet(text) → the sentence around the first match, matches in [..]"
        case .highlight: return "highlight(text) → the text with every match in [..]"
        }
    }

    static let open = "[", close = "]"

    func apply(_ s: String, _ locator: MatchLocator, color: Bool) -> String {
        apply(s, spans: locator.spans(in: s).map(\.bytes), color: color)
    }

    /// The same with the match byte ranges in `s` already known (from the index).
    func apply(_ s: String, spans: [Range<Int>], color: Bool) -> String {
        let bytes = Array(s.utf8)
        let (o, c) = color ? (ANSI.bold + ANSI.red, ANSI.reset) : (MatchFunction.open, MatchFunction.close)
        switch self {
        case .highlight:
            return TextWindow.collapse(MatchFunction.mark(bytes, 0..<bytes.count, spans, o, c))
        case .snippet:
            guard let first = spans.first else {
                let all = TextWindow.collapse(s)
                return all.count > 160 ? String(all.prefix(160)) + "…" : all
            }
            // The sentence around the first match: back to . ! ? or a newline, forward likewise.
            var lo = first.lowerBound
            while lo > 0 {
                let b = bytes[lo - 1]
                if b == UInt8(ascii: "\n") { break }
                if (b == UInt8(ascii: " ")) && lo >= 2 && [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(bytes[lo - 2]) { break }
                lo -= 1
            }
            var hi = first.upperBound
            while hi < bytes.count {
                let b = bytes[hi]
                hi += 1
                if b == UInt8(ascii: "\n") { hi -= 1; break }
                if [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(b) && (hi == bytes.count || bytes[hi] == UInt8(ascii: " ") || bytes[hi] == UInt8(ascii: "\n")) { break }
            }
            var cutLeft = false, cutRight = false
            if first.lowerBound - lo > 400 { lo = first.lowerBound - 400; cutLeft = true }
            if hi - first.upperBound > 400 { hi = first.upperBound + 400; cutRight = true }
            let marked = TextWindow.collapse(MatchFunction.mark(bytes, lo..<hi, spans.filter { $0.lowerBound >= lo && $0.upperBound <= hi }, o, c))
            // Trim to about 80 characters either side of the first mark.
            var text = marked
            if let r = text.range(of: o) {
                let before = text[..<r.lowerBound], after = text[r.lowerBound...]
                if before.count > 80 { text = String(before.suffix(80)) + after; cutLeft = true }
                if let close = text.range(of: c) {
                    let tail = text[close.upperBound...]
                    if tail.count > 80 { text = String(text[..<close.upperBound]) + tail.prefix(80); cutRight = true }
                }
            }
            return (cutLeft ? "…" : "") + text.trimmingSpacesAround + (cutRight ? "…" : "")
        }
    }

    /// The bytes of `range` with every span wrapped in the marks.
    package static func mark(_ bytes: [UInt8], _ range: Range<Int>, _ spans: [Range<Int>], _ o: String, _ c: String) -> String {
        var out = ""
        var at = range.lowerBound
        for sp in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) where sp.lowerBound >= at {
            out += TextWindow.string(bytes, at..<sp.lowerBound) + o + TextWindow.string(bytes, sp) + c
            at = sp.upperBound
        }
        out += TextWindow.string(bytes, at..<range.upperBound)
        return out
    }
}

extension String {
    var trimmingSpacesAround: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
