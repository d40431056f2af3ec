import NewsQuery
import NewsCore

/// `.save FILE`: the session's statements as a runnable script, each query
/// followed by an `expect` line that pins what it returned, so running the
/// script later (`newsq -f FILE`) fails (exit 1) when the corpus or the
/// engine gives different counts.
enum SaveScript {
    /// The condition pinning a result, one that fails when what was seen changes:
    /// `n == X` for a single count; for up to ten rows, the row count and each
    /// row's key and count (`rows == 3 and (source == "A" and n == 5 or ...)`);
    /// else the row count.
    static func expectation(_ columns: [(name: String, ref: ColumnRef)], _ rows: [Row],
                            _ value: (ColumnRef, Row) -> Value) -> String {
        let n = columns.firstIndex { $0.name == "n" }
        if rows.count == 1, let n, case let .int(v) = value(columns[n].ref, rows[0]) { return "n == \(v)" }
        let count = "rows == \(rows.count)"
        guard (2...10).contains(rows.count) else { return count }
        // the columns a condition can name: plain names, with a value written as a literal
        func nameable(_ s: String) -> Bool {
            s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
                guard let f = part.first, f.isLetter || f == "_" else { return false }
                return part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && Keyword(rawValue: String(part)) == nil
            }
        }
        func literal(_ v: Value) -> String? {
            switch v {
            case let .int(i): return String(i)
            case let .string(t) where !t.contains("\"") && !t.contains("\\") && !t.contains("\n") && t.count <= 80: return "\"\(t)\""
            case let .date(d): return "@\(d)"
            case let .bool(b): return b ? "true" : "false"
            default: return nil
            }
        }
        // a key (the first column that is not n) and the count, when there is one
        guard let key = columns.indices.first(where: { $0 != n && nameable(columns[$0].name) }) else { return count }
        let pinned = [key] + (n.map { [$0] } ?? [])
        var alternatives: [String] = []
        for r in rows {
            var parts: [String] = []
            for c in pinned {
                guard let lit = literal(value(columns[c].ref, r)) else { return count }
                parts.append("\(columns[c].name) == \(lit)")
            }
            let alt = parts.joined(separator: " and ")
            if !alternatives.contains(alt) { alternatives.append(alt) }
        }
        return count + " and (" + alternatives.joined(separator: " or ") + ")"
    }

    /// The dot-commands that shape what a session's statements see, kept by `.save`.
    static let replayedCommands: Set<String> = ["load", "mode", "boilerplate", "headers", "maxrows"]

    /// The script: the corpus loaded first (unless the session loaded one itself),
    /// the settings and statements in order, each statement with its pin.
    static func render(_ statements: [String], _ expectations: [String?], corpus: String) -> String {
        var out = "# newsq session saved by .save; each expect line pins the result seen\n"
        if !statements.contains(where: { $0.hasPrefix(".load ") }) {
            out += ".load " + (corpus == "built-in sample" ? "sample" : corpus) + "\n"
        }
        for (i, st) in statements.enumerated() {
            if st.hasPrefix(".") { out += st + "\n"; continue }
            let pin = i < expectations.count ? expectations[i] : nil
            if let p = pin, !st.contains("| expect") && !st.hasPrefix("explain") {
                out += st + "\n  | expect \(p);\n"
            } else {
                out += st + ";\n"
            }
        }
        return out
    }
}
