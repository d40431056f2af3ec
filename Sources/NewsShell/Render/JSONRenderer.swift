import NewsCore

/// json (one array of objects, as sqlite3's json mode) and jsonl (one object per line).
enum JSONRenderer {
    static func array(_ columns: [Column], _ rows: [[Value]]) -> String {
        guard !rows.isEmpty else { return "[]\n" }
        return "[" + rows.map { object(columns, $0) }.joined(separator: ",\n") + "]\n"
    }

    static func lines(_ columns: [Column], _ rows: [[Value]]) -> String {
        rows.map { object(columns, $0) + "\n" }.joined()
    }

    static func object(_ columns: [Column], _ row: [Value]) -> String {
        "{" + zip(columns, row).map { quote($0.name) + ":" + value($1) }.joined(separator: ",") + "}"
    }

    static func value(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .double(d): return d.isFinite ? Value.format(d) : "null"
        case let .string(s): return quote(s)
        case let .date(d): return quote(d.description)
        case let .list(items): return "[" + items.map(value).joined(separator: ",") + "]"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
