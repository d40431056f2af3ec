import NewsCore

/// Box (Unicode lines), table (ASCII) and markdown layouts, sized by display width.
enum TableRenderer {
    struct Style {
        var top: (String, String, String, String)?      // left, fill, join, right
        var header: (String, String, String, String)?
        var bottom: (String, String, String, String)?
        var vertical: String
    }

    static let box = Style(top: ("┌", "─", "┬", "┐"), header: ("├", "─", "┼", "┤"), bottom: ("└", "─", "┴", "┘"), vertical: "│")
    static let ascii = Style(top: ("+", "-", "+", "+"), header: ("+", "-", "+", "+"), bottom: ("+", "-", "+", "+"), vertical: "|")
    static let markdown = Style(top: nil, header: nil, bottom: nil, vertical: "|")

    /// The table text, and whether any cell was cut.
    static func render(_ columns: [Column], _ rows: [[Value]], _ options: RenderOptions) -> (String, Bool) {
        let style = options.mode == .box ? box : options.mode == .markdown ? markdown : ascii
        var cells = rows.map { $0.map { Renderer.cellText($0) } }
        var headers = columns.map(\.name)
        if options.mode == .markdown {
            cells = cells.map { $0.map { $0.replacingPipes } }
            headers = headers.map(\.replacingPipes)
        }
        let numeric = columns.map { $0.type.isNumeric }
        // kwic lines: the left context is right-aligned (cut at its start) so the matches line up.
        let kwicLeft = columns.indices.map { $0 + 1 < columns.count && columns[$0].name == "left" && columns[$0 + 1].name == "match" }
        let kwicMatch = columns.indices.map { $0 > 0 && kwicLeft[$0 - 1] }
        var widths = headers.map { options.headers ? DisplayWidth.of($0) : 0 }
        for row in cells { for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(c)) } }
        var limits = widths
        if options.maxWidth > 0 { limits = limits.map { min($0, max(options.maxWidth, 1)) } }
        if let term = options.terminalWidth, !columns.isEmpty {
            // Each column takes its width + 3 (padding and a line); shrink the widest text columns until it fits.
            let overhead = 3 * columns.count + 1
            while limits.reduce(0, +) + overhead > term {
                guard let i = limits.indices.filter({ !numeric[$0] && !kwicMatch[$0] && limits[$0] > 8 }).max(by: { limits[$0] < limits[$1] }) else { break }
                limits[i] -= 1
            }
        }
        if options.headers { headers = headers.enumerated().map { DisplayWidth.truncate($1, to: max(limits[$0], 1)).text } }
        var cut = false
        cells = cells.map { row in
            row.enumerated().map { i, c in
                guard i < limits.count else { return c }
                if kwicLeft[i] {
                    let (t, wasCut) = DisplayWidth.truncate(String(c.reversed()), to: limits[i])
                    if wasCut { cut = true }
                    return String(t.reversed())
                }
                let (t, wasCut) = DisplayWidth.truncate(c, to: limits[i])
                if wasCut { cut = true }
                return t
            }
        }
        widths = limits.enumerated().map { i, l in
            var w = options.headers ? DisplayWidth.of(headers[i]) : 0
            for row in cells where i < row.count { w = max(w, DisplayWidth.of(row[i])) }
            return max(w, min(l, 1))
        }
        var out = ""
        func line(_ parts: (String, String, String, String)) {
            out += parts.0 + widths.map { String(repeating: parts.1, count: $0 + 2) }.joined(separator: parts.2) + parts.3 + "\n"
        }
        func row(_ values: [String], header: Bool) {
            let padded = values.enumerated().map { i, v -> String in
                let fill = String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(v)))
                var text = ((numeric[i] || kwicLeft[i]) && !header) ? fill + v : v + fill
                if header && options.color { text = ANSI.bold + text + ANSI.reset }
                if !header && options.color && kwicMatch[i] { text = ANSI.bold + ANSI.red + v + ANSI.reset + fill }
                return " " + text + " "
            }
            out += style.vertical + padded.joined(separator: style.vertical) + style.vertical + "\n"
        }
        if let t = style.top { line(t) }
        if options.headers {
            row(headers, header: true)
            if let h = style.header {
                line(h)
            } else {
                out += "|" + widths.enumerated().map { i, w in
                    numeric[i] ? " " + String(repeating: "-", count: max(w - 1, 2)) + ": " : " " + String(repeating: "-", count: max(w, 3)) + " "
                }.joined(separator: "|") + "|\n"
            }
        }
        for r in cells { row(r, header: false) }
        if let b = style.bottom { line(b) }
        return (out, cut)
    }
}

extension String {
    var replacingPipes: String {
        guard contains("|") else { return self }
        return split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
