/// `.save FILE`: the session's statements as a runnable script, each query
/// followed by an `expect` line that pins what it returned, so running the
/// script later (`newsq -f FILE`) fails (exit 1) when the corpus or the
/// engine gives different counts.
enum SaveScript {
    /// The condition pinning a result: `n == X` for a single count, else the row count.
    static func expectation(_ r: ResultSet) -> String {
        if r.rows.count == 1, let i = r.columns.firstIndex(where: { $0.name == "n" }), case let .int(n) = r.rows[0][i] {
            return "n == \(n)"
        }
        return "rows == \(r.rows.count)"
    }

    static func render(_ statements: [String], _ expectations: [String?]) -> String {
        var out = "# newsq session saved by .save; each expect line pins the result seen\n"
        for (i, st) in statements.enumerated() {
            let pin = i < expectations.count ? expectations[i] : nil
            if let p = pin, !st.contains("| expect") && !st.hasPrefix("explain") {
                out += st + "\n  | expect \(p);\n"
            } else {
                out += st + ";\n"
            }
        }
        return out
    }

    /// The query of the last search (or kwic/collocates query) of a pipeline, for `show article`.
    static func lastQuery(of p: Pipeline) -> SearchExpr? {
        var q: SearchExpr? = nil
        for st in p.stages {
            switch st.kind {
            case let .search(s): q = s
            case let .analysis(.kwic(s?, _, _, _)): q = s
            case let .analysis(.collocates(s, _, _, _, _, _)): q = s
            default: break
            }
        }
        return q
    }
}
