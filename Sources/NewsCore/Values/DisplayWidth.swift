/// Display columns of text on a terminal: East Asian wide and fullwidth
/// characters and emoji take 2, combining marks and zero-width characters 0.
public enum DisplayWidth {
    /// Columns taken by `s` (grapheme clusters measured as a whole).
    public static func of<S: StringProtocol>(_ s: S) -> Int {
        var total = 0
        for ch in s { total += of(character: ch) }
        return total
    }

    /// Columns of one grapheme cluster.
    public static func of(character ch: Character) -> Int {
        let scalars = ch.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x20 || (first.value >= 0x7F && first.value < 0xA0) { return 0 }
        if first.isASCII { return 1 }
        // Emoji presentation (or an emoji with VS16 / ZWJ sequence, or a flag) is wide.
        if scalars.count > 1 && scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }
        var width = 0
        for (i, s) in scalars.enumerated() {
            let w = scalarWidth(s)
            if i == 0 { width = w } else if w == 2 { width = 2 }
        }
        return width
    }

    static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0x1160...0x11FF).contains(v) { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// `s` cut to at most `width` columns, ending in `…` when cut; never splits a character.
    public static func truncate(_ s: String, to width: Int) -> (text: String, cut: Bool) {
        guard width > 0 else { return ("", !s.isEmpty) }
        if of(s) <= width { return (s, false) }
        var out = ""
        var used = 0
        for ch in s {
            let w = of(character: ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return (out + "…", true)
    }
}

/// ANSI terminal styles (used only when writing to a terminal).
public enum ANSI {
    public static let bold = "\u{1B}[1m"
    public static let dim = "\u{1B}[2m"
    public static let red = "\u{1B}[31m"
    public static let green = "\u{1B}[32m"
    public static let yellow = "\u{1B}[33m"
    public static let cyan = "\u{1B}[36m"
    public static let reset = "\u{1B}[0m"

    /// The text without ANSI escape sequences.
    public static func strip(_ s: String) -> String {
        var out = ""
        var inEscape = false
        for ch in s.unicodeScalars {
            if inEscape {
                if (0x40...0x7E).contains(ch.value) && ch != "[" { inEscape = false }
                continue
            }
            if ch == "\u{1B}" { inEscape = true; continue }
            out.unicodeScalars.append(ch)
        }
        return out
    }
}
