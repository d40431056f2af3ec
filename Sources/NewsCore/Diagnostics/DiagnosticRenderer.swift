/// Shows diagnostics as a person reads them, with the code (`help E0302` explains it):
///
///     script.q:3:18: error[E0302]: unknown field 'titel'
///       3 | articles | select titel
///         |                   ^~~~~
///       help: did you mean 'title'?
public enum DiagnosticRenderer {
    public static func render(_ d: Diagnostic, statement: String, origin: SourceOrigin, color: Bool = false) -> String {
        let lines = statement.split(separator: "\n", omittingEmptySubsequences: false)
        var out = ""
        let word = d.severity == .error ? "error" + (d.code.map { "[\($0.rawValue)]" } ?? "") : "warning"
        let label = d.severity == .error ? (color ? ANSI.red + ANSI.bold + word + ANSI.reset : word)
                                         : (color ? ANSI.yellow + word + ANSI.reset : word)
        let message = shortened(d.message)
        guard let range = d.range else {
            out += location(origin, line: 0, column: nil) + "\(label): \(message)\n"
            for h in d.help { out += "  help: \(h)\n" }
            return out
        }
        var (lineIndex, column) = position(of: range.lowerBound, in: statement)
        var sourceLine = lineIndex < lines.count ? String(lines[lineIndex]) : ""
        // on the statement's first line, earlier statements of that line come first
        let before = lineIndex == 0 ? origin.linePrefix : ""
        if !before.isEmpty { column += before.count; sourceLine = before + sourceLine }
        out += location(origin, line: lineIndex, column: column) + "\(label): \(message)\n"
        let number = String(origin.line + lineIndex)
        let gutter = String(repeating: " ", count: number.count)
        // Caret under the spot, measured in display columns of the line before it.
        let lineStartByte = byteOffsetOfLine(lineIndex, in: statement)
        let prefixBytes = max(0, range.lowerBound - lineStartByte) + before.utf8.count
        let shown = window(sourceLine, at: prefixBytes, span: max(1, range.count))
        out += "  \(number) | \(shown.line)\n"
        let pad = String(repeating: " ", count: DisplayWidth.of(shown.before))
        let spanWidth = max(1, min(DisplayWidth.of(shown.span), 80))
        var marker = "^" + String(repeating: "~", count: spanWidth - 1)
        if color { marker = ANSI.red + ANSI.bold + marker + ANSI.reset }
        out += "  \(gutter) | \(pad)\(marker)\n"
        for h in d.help { out += "  help: \(h)\n" }
        return out
    }

    /// The longest source line shown whole; longer ones show a window around the spot.
    static let maxShownBytes = 160

    /// The line as shown under an error: control characters made visible (so a
    /// pasted escape sequence cannot drive the terminal), and only a window
    /// around the spot when the line is long. Also the text before the spot and
    /// the marked span, as shown, for placing the caret.
    static func window(_ line: String, at offset: Int, span: Int) -> (line: String, before: String, span: String) {
        let bytes = Array(line.utf8)
        let at = min(offset, bytes.count)
        var start = 0, end = bytes.count
        if bytes.count > maxShownBytes {
            start = max(0, at - maxShownBytes / 2)
            end = min(bytes.count, max(at + min(span, maxShownBytes / 2), start + maxShownBytes))
            while start > 0 && start < bytes.count && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        }
        let lead = start > 0 ? "…" : "", tail = end < bytes.count ? "…" : ""
        let spanEnd = min(end, at + span)
        return (lead + visible(bytes[start..<end]) + tail, lead + visible(bytes[start..<at]),
                visible(bytes[at..<max(at, spanEnd)]))
    }

    /// A message as shown: visible characters, and at most 300 bytes (a message may quote a huge name).
    static func shortened(_ message: String) -> String {
        let bytes = Array(message.utf8)
        guard bytes.count > 300 || message.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) else { return message }
        var end = min(bytes.count, 300)
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return visible(bytes[0..<end]) + (end < bytes.count ? "…" : "")
    }

    /// Text with control characters shown as `�` (one column each) and tabs as spaces.
    static func visible(_ bytes: ArraySlice<UInt8>) -> String {
        var out = String.UnicodeScalarView()
        for u in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if u == "\t" { out.append(" ") } else if u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0) { out.append("\u{FFFD}") } else { out.append(u) }
        }
        return String(out)
    }

    static func location(_ origin: SourceOrigin, line: Int, column: Int?) -> String {
        if origin.interactive { return "" }
        if let column = column { return "\(origin.name):\(origin.line + line):\(column): " }
        return "\(origin.name):\(origin.line + line): "
    }

    /// 0-based line index and 1-based column (in characters) of a byte offset.
    static func position(of offset: Int, in text: String) -> (Int, Int) {
        var line = 0
        var column = 1
        var bytes = 0
        for ch in text {
            if bytes >= offset { break }
            bytes += String(ch).utf8.count
            if ch == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    static func byteOffsetOfLine(_ index: Int, in text: String) -> Int {
        var line = 0
        var offset = 0
        for b in text.utf8 {
            if line == index { return offset }
            offset += 1
            if b == UInt8(ascii: "\n") { line += 1 }
        }
        return offset
    }
}
