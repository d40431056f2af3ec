/// Text helpers for Tab completion: the shared prefix and the candidate listing.
enum CompletionText {
    /// The longest prefix (in Unicode scalars) all candidates share.
    static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first.map({ Array($0.unicodeScalars) }) else { return "" }
        for candidate in candidates.dropFirst() {
            let scalars = Array(candidate.unicodeScalars)
            var n = 0
            while n < prefix.count, n < scalars.count, prefix[n] == scalars[n] { n += 1 }
            prefix.removeSubrange(n...)
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: prefix)
        return String(result)
    }

    /// A finished word is followed by a space, except where more naturally
    /// follows (a folder's `/`, a field path's `.`, an open bracket or call).
    static func wantsSpace(after word: String) -> Bool {
        guard let last = word.last else { return false }
        return !"/.([{=".contains(last)
    }

    /// Candidates in columns, filled top to bottom as `ls` does, at most
    /// `limit` of them, each line ending in a newline.
    static func columns(_ candidates: [String], width: Int, limit: Int) -> String {
        let shown = Array(candidates.prefix(limit))
        let widest = shown.map { $0.unicodeScalars.count }.max() ?? 0
        let columnWidth = widest + 2
        let columns = max(1, min(shown.count, (width + 2) / columnWidth))
        let rows = (shown.count + columns - 1) / columns
        var text = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let i = column * rows + row
                guard i < shown.count else { break }
                let item = shown[i]
                line += item
                let isLast = column == columns - 1 || (column + 1) * rows + row >= shown.count
                if !isLast { line += String(repeating: " ", count: columnWidth - item.unicodeScalars.count) }
            }
            text += line + "\n"
        }
        if candidates.count > shown.count {
            text += "… and \(candidates.count - shown.count) more\n"
        }
        return text
    }
}
