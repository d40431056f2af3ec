import Foundation

/// Reads article records from `.jsonl` (one object per line) and `.json` (one
/// object, or an array of them) files.
///
/// Fields (`fieldAliases`, keys matched case-insensitively): `id`, `title` (or
/// `headline`), `source` (or `outlet`, `publisher`), `date` (or `published`),
/// `author`, `url`, `body` (or `text`, `content`).
/// A line that is not a JSON object, or a record with neither body nor
/// title, becomes a warning naming `file:line`; the other records load. A
/// record with a title and no body loads as its headline alone.
enum RecordReader {
    /// A record read: an article, or why it was skipped.
    enum Either { case article(Article), warning(LoadWarning) }

    /// The articles of a JSON Lines file, with warnings for the bad lines.
    /// Lines are found on the bytes (no per-character work on big files).
    /// With a `monitor`, the bytes read are reported as they go (all of them
    /// when the file is read to its end) and the reading stops part way when
    /// the monitor says so (what was read so far is returned; the caller asks
    /// the monitor whether to keep it).
    static func jsonl(_ data: Data, path: String, stem: String, monitor: LoadMonitor? = nil) -> ([Article], [LoadWarning]) {
        data.withUnsafeBytes { raw in jsonl(raw.bindMemory(to: UInt8.self), path: path, stem: stem, monitor: monitor) }
    }

    static func jsonl(_ bytes: UnsafeBufferPointer<UInt8>, path: String, stem: String, monitor: LoadMonitor? = nil) -> ([Article], [LoadWarning]) {
        let begin = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Big files are cut at line ends into one run per core, parsed side by side.
        let parts = bytes.count - begin > 4 << 20 ? max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)) : 1
        var bounds = [begin]
        for k in 1..<max(parts, 1) {
            var p = max(begin + (bytes.count - begin) * k / parts, bounds[k - 1])
            while p < bytes.count, p > begin, bytes[p - 1] != 0x0A { p += 1 }
            bounds.append(p)
        }
        bounds.append(bytes.count)
        var firstLine = [1]
        for k in 1..<parts {
            firstLine.append(firstLine[k - 1] + bytes[bounds[k - 1]..<bounds[k]].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 })
        }
        var results = [([Article], [LoadWarning])](repeating: ([], []), count: parts)
        results.withUnsafeMutableBufferPointer { out in
            DispatchQueue.concurrentPerform(iterations: parts) { k in
                out[k] = lines(bytes, bounds[k]..<bounds[k + 1], firstLine: firstLine[k], path: path, stem: stem, monitor: monitor)
            }
        }
        monitor?.advance(begin)
        return (results.flatMap(\.0), results.flatMap(\.1))
    }

    /// The records of the whole lines in `range`; the first is line `firstLine`.
    static func lines(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, firstLine: Int, path: String, stem: String,
                      monitor: LoadMonitor? = nil) -> ([Article], [LoadWarning]) {
        var out: [Article] = [], warnings: [LoadWarning] = []
        var lineNo = firstLine - 1
        var start = range.lowerBound
        // progress and Ctrl-C every 256 lines
        var reportedTo = range.lowerBound
        defer { monitor?.advance(range.upperBound - reportedTo) }
        while start < range.upperBound {
            if let monitor, (lineNo - firstLine) & 255 == 255 {
                monitor.advance(start - reportedTo)
                reportedTo = start
                if monitor.shouldStop { break }
            }
            var end = start
            while end < range.upperBound, bytes[end] != 0x0A { end += 1 }
            lineNo += 1
            defer { start = end + 1 }
            if bytes[start..<end].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let origin = "\(path):\(lineNo)"
            let result: Either
            let lo = start, hi = end
            if let fields = RecordJSON.object(UnsafeBufferPointer(rebasing: bytes[lo..<hi])) {
                result = article({ fields[$0] }, origin: origin, fallbackID: "\(stem)-\(lineNo)")
            } else if let obj = try? JSONSerialization.jsonObject(with: Data(bytes[start..<end])) as? [String: Any] {
                result = article(obj, origin: origin, fallbackID: "\(stem)-\(lineNo)")
            } else {
                warnings.append(LoadWarning(.malformedRecord, path: origin, reason: "not a JSON object"))
                continue
            }
            switch result {
            case .article(let a): out.append(a)
            case .warning(let w): warnings.append(w)
            }
        }
        return (out, warnings)
    }

    /// The articles of a JSON file holding one object or an array of objects.
    static func json(_ data: Data, path: String, stem: String) -> ([Article], [LoadWarning]) {
        guard let root = try? JSONSerialization.jsonObject(with: data) else {
            return ([], [LoadWarning(.malformedRecord, path: path, reason: "not valid JSON")])
        }
        let list: [Any] = (root as? [Any]) ?? [root]
        var out: [Article] = [], warnings: [LoadWarning] = []
        for (i, item) in list.enumerated() {
            let origin = list.count == 1 ? path : "\(path)[\(i)]"
            guard let obj = item as? [String: Any] else {
                warnings.append(LoadWarning(.malformedRecord, path: origin, reason: "not a JSON object")); continue
            }
            switch article(obj, origin: origin, fallbackID: list.count == 1 ? stem : "\(stem)-\(i + 1)") {
            case .article(let a): out.append(a)
            case .warning(let w): warnings.append(w)
            }
        }
        return (out, warnings)
    }

    /// The names a record field may go by (JSON keys, CSV/TSV headers, front matter), lowercase.
    static let fieldAliases: [String: [String]] = [
        "id": ["id", "doc_id", "docid", "article_id"],
        "title": ["title", "headline"],
        "source": ["source", "outlet", "publisher", "publication", "site"],
        "date": ["date", "published", "published_at", "pubdate", "publish_date", "datetime"],
        "author": ["author", "authors", "byline"],
        "url": ["url", "link"],
        "body": ["body", "text", "content", "article"],
    ]

    /// One JSON record as an article (its text is the body), or a warning.
    static func article(_ o: [String: Any], origin: String, fallbackID: String) -> Either {
        var lower: [String: Any] = [:]
        for (k, v) in o where lower[k.lowercased()] == nil { lower[k.lowercased()] = v }
        return article({ key in
            switch lower[key] {
            case let s as String: return s
            case let n as NSNumber: return n.stringValue
            case let list as [Any]: 
                let parts = list.compactMap { $0 as? String }
                return parts.isEmpty ? nil : parts.joined(separator: ", ")
            default: return nil
            }
        }, origin: origin, fallbackID: fallbackID)
    }

    /// A record as an article, reading fields by lowercase name through `get`.
    static func article(_ get: (String) -> String?, origin: String, fallbackID: String) -> Either {
        func str(_ field: String) -> String? {
            for k in fieldAliases[field]! {
                guard let s = get(k) else { continue }
                if field == "body" { return s }
                // most values need no trimming: check the end bytes first
                if let f = s.utf8.first, let l = s.utf8.last, f > 0x20, l > 0x20, f < 0x80, l < 0x80 { return s }
                let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
                if !t.isEmpty { return t }
            }
            return nil
        }
        let title = str("title")
        var body = str("body") ?? ""
        if !body.contains(where: { !$0.isWhitespace }) {
            // a headline alone is still an article (the builder puts the title in front of the text)
            guard let t = title, t.contains(where: { !$0.isWhitespace }) else {
                return .warning(LoadWarning(.nothingToRead, path: origin, reason: "no body and no title"))
            }
            body = ""
        }
        let dateText = str("date")
        var a = Article(id: str("id") ?? fallbackID, title: title,
                        source: str("source"), date: dateText.flatMap(DateParser.parse),
                        author: str("author"), url: str("url"), text: body, bodyRange: 0..<body.utf8.count, origin: origin)
        if let d = dateText, a.date == nil, !d.isEmpty { a.provenance = "date not understood: \(d)" }
        return .article(a)
    }
}
