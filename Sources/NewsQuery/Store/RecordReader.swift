import Foundation

/// Reads article records from `.jsonl` (one object per line) and `.json` (one
/// object, or an array of them) files.
///
/// Fields: `id`, `title` (or `headline`), `source` (or `outlet`, `publisher`),
/// `date` (or `published`), `author`, `url`, `body` (or `text`, `content`).
/// A line that is not a JSON object, or a record without a body, becomes a
/// warning naming `file:line`; the other records load.
enum RecordReader {
    /// A record read: an article, or why it was skipped.
    enum Either { case article(Article), warning(LoadWarning) }

    /// The articles of a JSON Lines text, with warnings for the bad lines.
    static func jsonl(_ text: String, path: String, stem: String) -> ([Article], [LoadWarning]) {
        var out: [Article] = [], warnings: [LoadWarning] = []
        var lineNo = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            let origin = "\(path):\(lineNo)"
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                warnings.append(LoadWarning(path: origin, reason: "not a JSON object"))
                continue
            }
            switch article(obj, origin: origin, fallbackID: "\(stem)-\(lineNo)") {
            case .article(let a): out.append(a)
            case .warning(let w): warnings.append(w)
            }
        }
        return (out, warnings)
    }

    /// The articles of a JSON file holding one object or an array of objects.
    static func json(_ data: Data, path: String, stem: String) -> ([Article], [LoadWarning]) {
        guard let root = try? JSONSerialization.jsonObject(with: data) else {
            return ([], [LoadWarning(path: path, reason: "not valid JSON")])
        }
        let list: [Any] = (root as? [Any]) ?? [root]
        var out: [Article] = [], warnings: [LoadWarning] = []
        for (i, item) in list.enumerated() {
            let origin = list.count == 1 ? path : "\(path)[\(i)]"
            guard let obj = item as? [String: Any] else {
                warnings.append(LoadWarning(path: origin, reason: "not a JSON object")); continue
            }
            switch article(obj, origin: origin, fallbackID: list.count == 1 ? stem : "\(stem)-\(i + 1)") {
            case .article(let a): out.append(a)
            case .warning(let w): warnings.append(w)
            }
        }
        return (out, warnings)
    }

    /// One record as an article (its text is the body), or a warning.
    static func article(_ o: [String: Any], origin: String, fallbackID: String) -> Either {
        func str(_ keys: String...) -> String? {
            for k in keys {
                if let s = o[k] as? String { return s }
                if let n = o[k] as? NSNumber { return n.stringValue }
            }
            return nil
        }
        guard let body = str("body", "text", "content"), body.contains(where: { !$0.isWhitespace }) else {
            return .warning(LoadWarning(path: origin, reason: "no body"))
        }
        let dateText = str("date", "published", "published_at")
        var a = Article(id: str("id") ?? fallbackID, title: str("title", "headline"),
                        source: str("source", "outlet", "publisher"), date: dateText.flatMap(DateParser.parse),
                        author: str("author"), url: str("url"), text: body, bodyRange: 0..<body.utf8.count, origin: origin)
        if let d = dateText, a.date == nil, !d.isEmpty { a.provenance = "date not understood: \(d)" }
        return .article(a)
    }
}
