/// Shows diagnostics as a person reads them:
///
///     script.q:3:18: error: unknown field 'titel'
///       3 | articles | select titel
///         |                   ^~~~~
///       help: did you mean 'title'?
public enum DiagnosticRenderer {
    public static func render(_ d: Diagnostic, statement: String, origin: SourceOrigin, color: Bool = false) -> String {
        let lines = statement.split(separator: "\n", omittingEmptySubsequences: false)
        var out = ""
        let label = d.severity == .error ? (color ? ANSI.red + ANSI.bold + "error" + ANSI.reset : "error")
                                         : (color ? ANSI.yellow + "warning" + ANSI.reset : "warning")
        guard let range = d.range else {
            out += location(origin, line: 0, column: nil) + "\(label): \(d.message)\n"
            for h in d.help { out += "  help: \(h)\n" }
            return out
        }
        let (lineIndex, column) = position(of: range.lowerBound, in: statement)
        let sourceLine = lineIndex < lines.count ? String(lines[lineIndex]) : ""
        out += location(origin, line: lineIndex, column: column) + "\(label): \(d.message)\n"
        let number = String(origin.line + lineIndex)
        let gutter = String(repeating: " ", count: number.count)
        out += "  \(number) | \(sourceLine)\n"
        // Caret under the spot, measured in display columns of the line before it.
        let lineStartByte = byteOffsetOfLine(lineIndex, in: statement)
        let prefixBytes = max(0, range.lowerBound - lineStartByte)
        let prefix = String(decoding: Array(sourceLine.utf8).prefix(prefixBytes), as: UTF8.self)
        let pad = String(repeating: " ", count: DisplayWidth.of(prefix))
        let spanText = String(decoding: Array(sourceLine.utf8).dropFirst(prefixBytes).prefix(max(1, range.count)), as: UTF8.self)
        let spanWidth = max(1, DisplayWidth.of(spanText))
        var marker = "^" + String(repeating: "~", count: spanWidth - 1)
        if color { marker = ANSI.red + ANSI.bold + marker + ANSI.reset }
        out += "  \(gutter) | \(pad)\(marker)\n"
        for h in d.help { out += "  help: \(h)\n" }
        return out
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
