import Foundation

/// Front matter at the top of a Markdown (or text) file: a `---` line, `key:
/// value` lines, and a closing `---` (or `...`) line, as Jekyll and Hugo write it.
///
/// Design rules:
/// - Only flat `key: value` pairs are read (keys lowercased, quotes around the
///   value dropped, `[a, b]` lists joined with ", "); other lines are ignored.
/// - Keys go through `RecordReader.fieldAliases`, so `headline:` is the title
///   and `outlet:` the source, as in JSON records.
enum FrontMatter {
    /// The fields found, by canonical field name (title, date, source, …).
    struct Fields {
        var values: [String: String] = [:]
        subscript(_ field: String) -> String? { values[field] }
    }

    enum Result {
        case none
        case some(Fields, rest: String)
        /// An opening `---` without a closing one: the line of the opener.
        case unterminated(line: Int)
    }

    static func split(_ text: String) -> Result {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" || first == "\u{FEFF}---" else { return .none }
        lines.removeFirst()
        var raw: [String: String] = [:]
        var consumed = first.utf8.count + 1
        var closed = false
        for line in lines {
            consumed += line.utf8.count + 1
            let t = line.trimmingCharacters(in: .whitespaces)
            if t == "---" || t == "..." { closed = true; break }
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("\t") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let f = value.first, let l = value.last, (f == "\"" && l == "\"") || (f == "'" && l == "'") {
                value = String(value.dropFirst().dropLast())
            } else if value.hasPrefix("["), value.hasSuffix("]") {
                value = value.dropFirst().dropLast().split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
                    .joined(separator: ", ")
            }
            if !key.isEmpty, !value.isEmpty, raw[key] == nil { raw[key] = value }
        }
        guard closed else { return .unterminated(line: 1) }
        var fields = Fields()
        for (field, aliases) in RecordReader.fieldAliases where field != "body" {
            if let v = aliases.lazy.compactMap({ raw[$0] }).first { fields.values[field] = v }
        }
        let bytes = Array(text.utf8)
        let rest = consumed >= bytes.count ? "" : String(decoding: bytes[consumed...], as: UTF8.self)
        return .some(fields, rest: rest)
    }

    /// The text of a leading `# Heading` line (the first non-blank line), if any.
    static func markdownHeading(_ body: String) -> String? {
        guard let line = body.split(separator: "\n").first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        let t = line.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("# ") else { return nil }
        let h = t.dropFirst(2).trimmingCharacters(in: .whitespaces)
        return h.isEmpty ? nil : h
    }
}
