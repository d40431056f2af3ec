import NewsCore

/// Turns a result into text in one of the output modes.
///
/// Design rules:
/// - Human modes (box, table, markdown, line) fit cells to `maxWidth` and the
///   terminal width, cutting with `…`; machine modes (csv, tsv, json, jsonl)
///   never cut a value.
/// - Anything cut (rows by `.maxrows`, cells by width) is said in `notes`; the
///   session prints notes under human tables and on stderr for machine
///   formats, so a data stream stays clean.
public enum Renderer {
    public struct Rendered {
        public var body: String
        public var notes: [String]
    }

    public static func render(_ result: ResultSet, options: RenderOptions) -> Rendered {
        var notes: [String] = []
        var rows = result.rows
        if options.maxRows > 0 && rows.count > options.maxRows {
            notes.append("(showing \(options.maxRows) of \(rows.count.grouped) rows; .maxrows 0 shows all)")
            rows = Array(rows.prefix(options.maxRows))
        }
        var body: String
        switch options.mode {
        case .box, .table, .markdown:
            let (text, cut) = TableRenderer.render(result.columns, rows, options)
            body = text
            if cut {
                notes.append(options.terminalWidth != nil
                    ? "(some values cut to fit \(options.terminalWidth!) columns; .mode line or .maxwidth 0 shows them whole)"
                    : "(some values cut at \(options.maxWidth) columns; .maxwidth 0 shows them whole)")
            }
        case .csv: body = DelimitedRenderer.render(result.columns, rows, separator: ",", headers: options.headers)
        case .tsv: body = DelimitedRenderer.render(result.columns, rows, separator: "\t", headers: options.headers)
        case .json: body = JSONRenderer.array(result.columns, rows)
        case .jsonl: body = JSONRenderer.lines(result.columns, rows)
        case .line: body = LineRenderer.render(result.columns, rows)
        }
        if result.rows.isEmpty && (options.mode == .box || options.mode == .table || options.mode == .line) {
            notes.append("(no rows)")
        }
        notes.append(contentsOf: result.notes)
        return Rendered(body: body, notes: notes)
    }

    /// A cell as one line of text for tables: newlines shown as `↵`, tabs as spaces, control characters escaped.
    static func cellText(_ v: Value) -> String {
        let s = v.description
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\n": out += "↵"
            case "\r": continue
            case "\t": out += " "
            default:
                if u.value < 0x20 || u.value == 0x7F { out += "\\u{\(String(u.value, radix: 16))}" } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
