import NewsCore

/// csv (RFC 4180 quoting) and tsv (tabs and newlines escaped as \t \n).
enum DelimitedRenderer {
    static func render(_ columns: [Column], _ rows: [[Value]], separator: String, headers: Bool) -> String {
        var out = ""
        let escape: (String) -> String = separator == "," ? csv : tsv
        if headers { out += columns.map { escape($0.name) }.joined(separator: separator) + "\n" }
        for r in rows { out += r.map { escape($0.description) }.joined(separator: separator) + "\n" }
        return out
    }

    static func csv(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    static func tsv(_ s: String) -> String {
        guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\\" || $0 == "\r" }) else { return s }
        var out = ""
        for ch in s {
            switch ch {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.append(ch)
            }
        }
        return out
    }
}

/// sqlite's line mode: `name = value`, names right-aligned, a blank line between rows.
enum LineRenderer {
    static func render(_ columns: [Column], _ rows: [[Value]]) -> String {
        let w = columns.map { DisplayWidth.of($0.name) }.max() ?? 0
        var out = ""
        for (i, r) in rows.enumerated() {
            if i > 0 { out += "\n" }
            for (c, v) in zip(columns, r) {
                out += String(repeating: " ", count: w - DisplayWidth.of(c.name)) + c.name + " = " + v.description + "\n"
            }
        }
        return out
    }
}
