import NewsCore

/// Writes a large result in the machine formats (csv, tsv, json, jsonl) a
/// batch at a time: values are read from the corpus per batch, memory stays
/// flat, the first rows appear at once, and Ctrl-C stops the output between
/// batches with a note of how much was written.
struct ResultStream {
    /// Rows per batch; results up to this size are rendered in one piece.
    static let batch = 1000
    let mode: OutputMode

    /// Nil for the human modes, whose column widths need every row first.
    init?(mode: OutputMode) {
        switch mode {
        case .csv, .tsv, .json, .jsonl: self.mode = mode
        default: return nil
        }
    }

    /// Writes the rows; false when Ctrl-C stopped it.
    func write(_ columns: [Column], _ rows: ArraySlice<Row>, _ values: (ArraySlice<Row>) -> [[Value]],
               session: Session, notes: [String]) -> Bool {
        var options = session.settings.render
        options.maxRows = 0
        options.color = false
        var written = 0
        var start = rows.startIndex
        if mode == .json { session.out.write("[") }
        while start < rows.endIndex {
            if session.interrupt.isRaised {
                if mode == .json { session.out.write("]\n") }
                session.err.write("cancelled: output stopped after \(written.grouped) of \(rows.count.grouped) rows (Ctrl-C)\n")
                return false
            }
            let end = min(start + Self.batch, rows.endIndex)
            let part = values(rows[start..<end])
            switch mode {
            case .json:
                let body = part.map { JSONRenderer.object(columns, $0) }.joined(separator: ",\n")
                session.out.write((written > 0 ? ",\n" : "") + body)
            default:
                options.headers = session.settings.render.headers && written == 0
                session.out.write(Renderer.render(ResultSet(columns: columns, rows: part), options: options).body)
            }
            written += part.count
            start = end
        }
        if mode == .json { session.out.write("]\n") }
        if !notes.isEmpty { session.err.write(notes.joined(separator: "\n") + "\n") }
        return true
    }
}
