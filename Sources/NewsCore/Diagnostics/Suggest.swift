/// "Did you mean": the closest candidate by edit distance, when close enough.
public enum Suggest {
    /// The best candidate within a distance that scales with the word's length; nil if none is close.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        let limit = max(1, min(3, w.count / 3 + 1))
        var best: (String, Int)? = nil
        for c in candidates {
            // The distance is at least the difference in length: skip the far ones unmeasured.
            guard abs(c.count - w.count) <= limit else { continue }
            let d = distance(w, Array(c.lowercased()))
            if d <= limit && (best == nil || d < best!.1) { best = (c, d) }
        }
        if best == nil {
            // A prefix of a longer name is a good guess too ("tit" for "title").
            if w.count >= 3, let p = candidates.first(where: { $0.lowercased().hasPrefix(word.lowercased()) }) { return p }
        }
        return best?.0
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
