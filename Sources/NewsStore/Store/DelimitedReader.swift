import Foundation

/// Reads `.csv` and `.tsv` files of article records (RFC 4180).
///
/// Design rules:
/// - The first record is the header; its names map to fields as JSON keys do
///   (`RecordReader.fieldAliases`), case-insensitively; unknown columns are ignored.
/// - Fields may be quoted with `"`; inside quotes the separator, CR and LF are
///   data and `""` is one quote. CRLF and LF both end records.
/// - A record with a different number of fields than the header ("ragged") is
///   skipped with a warning naming `file:line`; so is a record without a body.
///   Blank lines are skipped silently.
enum DelimitedReader {
    /// One record: its fields and the 1-based line it starts on.
    struct Record { var fields: [String]; var line: Int }

    /// Splits `bytes` into records of fields; `unterminated` is the line of a
    /// quote left open at the end of the file, if any.
    static func records(_ bytes: [UInt8], separator: UInt8) -> (records: [Record], unterminated: Int?) {
        var out: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var i = 0, line = 1, recordLine = 1
        var inQuotes = false, quoteLine = 0, wasQuoted = false
        let n = bytes.count
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { out.append(Record(fields: fields, line: recordLine)) }
            fields.removeAll(keepingCapacity: true)
        }
        while i < n {
            let b = bytes[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < n, bytes[i + 1] == 0x22 { field.append(0x22); i += 2; continue }
                    inQuotes = false; i += 1; continue
                }
                if b == 0x0A { line += 1 }
                field.append(b); i += 1; continue
            }
            switch b {
            case 0x22 where field.isEmpty && !wasQuoted:
                inQuotes = true; wasQuoted = true; quoteLine = line
            case separator:
                endField()
            case 0x0D where i + 1 < n && bytes[i + 1] == 0x0A:
                break
            case 0x0A:
                endRecord(); line += 1; recordLine = line
            default:
                field.append(b)
            }
            i += 1
        }
        if inQuotes {
            return (out, quoteLine)
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return (out, nil)
    }

    /// The articles of a delimited text, with warnings for bad records.
    static func articles(_ bytes: [UInt8], separator: UInt8, path: String, stem: String) -> ([Article], [LoadWarning]) {
        let (recs, open) = records(bytes, separator: separator)
        var warnings: [LoadWarning] = []
        guard let header = recs.first else {
            return ([], [LoadWarning(.malformedRecord, path: path, reason: "no header line")])
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard RecordReader.fieldAliases["body"]!.contains(where: names.contains) else {
            let kind = separator == 0x09 ? "tab" : "comma"
            return ([], [LoadWarning(.malformedRecord, path: path, reason: "no body column (the header should name one of: "
                + RecordReader.fieldAliases["body"]!.joined(separator: ", ") + "; read as \(kind)-separated)")])
        }
        var out: [Article] = []
        for rec in recs.dropFirst() {
            let origin = "\(path):\(rec.line)"
            guard rec.fields.count == names.count else {
                warnings.append(LoadWarning(.malformedRecord, path: origin, reason: "ragged row: \(rec.fields.count) fields, the header has \(names.count); skipped"))
                continue
            }
            var values: [String: String] = [:]
            for (k, v) in zip(names, rec.fields) where values[k] == nil { values[k] = v }
            switch RecordReader.article({ values[$0] }, origin: origin, fallbackID: "\(stem)-\(rec.line)") {
            case .article(let a): out.append(a)
            case .warning(let w): warnings.append(w)
            }
        }
        if let line = open {
            warnings.append(LoadWarning(.malformedRecord, path: "\(path):\(line)", reason: "a quoted field is never closed; the rest of the file was not read"))
        }
        return (out, warnings)
    }
}
