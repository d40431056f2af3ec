import NewsQuery
import NewsStore

/// When a search finds nothing, one line of hints from the same corpus: the
/// matches that exist only in boilerplate, another form of a word that would
/// match (and how many rows it gives), an exact case that keeps a word out.
///
/// Design rules:
/// - Only hints that are true here: each is checked by running the statement
///   changed that way; none when nothing helps.
/// - At most one hint per word and three in all, so the line stays short.
extension Session {
    func emptyResultHints(_ prepared: PreparedStatement) -> [String] {
        guard let bound = prepared.bound else { return [] }
        let searches = bound.stages.compactMap { stage -> SearchQuery? in
            if case let .search(q, _) = stage { return q }
            return nil
        }
        guard !searches.isEmpty else { return [] }
        let text = prepared.text
        var hints: [String] = []
        // 1. matches only in boilerplate
        if !settings.boilerplate, let n = rowCount(text, boilerplate: true), n > 0 {
            hints.append("\(n) \(n == 1 ? "row matches" : "rows match") only in boilerplate (navigation, related lists): .boilerplate on shows \(n == 1 ? "it" : "them")")
        }
        // 2. each word: another form, or any case
        for w in searches.flatMap(\.words) where hints.count < 3 {
            let (word, exact, range) = (w.text, w.exact, w.range)
            let folded = Tokenizer.tokens(word).map(\.folded)
            guard folded.count == 1, let f = folded.first else { continue }
            func with(_ replacement: String) -> String {
                let b = Array(text.utf8)
                return String(decoding: b[..<range.lowerBound] + Array(replacement.utf8) + b[range.upperBound...], as: UTF8.self)
            }
            if exact {
                if let n = rowCount(with(word), boilerplate: settings.boilerplate), n > 0 {
                    hints.append("=\(word) asks for that exact case; \(word) in any case gives \(n) \(n == 1 ? "row" : "rows")")
                }
                continue
            }
            for form in Self.otherForms(f) where corpus.index.contains(term: form) {
                if let n = rowCount(with(form), boilerplate: settings.boilerplate), n > 0 {
                    hints.append("'\(f)' is not here as a word, but '\(form)' is: search \(form) gives \(n) \(n == 1 ? "row" : "rows")")
                    break
                }
            }
        }
        return hints
    }

    /// Rows of a statement (nil when it does not run), boilerplate searched or not.
    func rowCount(_ text: String, boilerplate: Bool) -> Int? {
        guard let p = StatementPath.prepare(text, bindings: bindings, readFile: Session.statementFiles).0, p.plan != nil else { return nil }
        return try? StatementPath.run(p, executionContext(boilerplate: boilerplate)).rows.count
    }

    /// Forms of a word a reader would accept: plural and singular, the
    /// adjective of a place, -ed and -ing.
    static func otherForms(_ w: String) -> [String] {
        var out = [w + "s", w + "es", w + "ese", w + "n", w + "ian", w + "ed", w + "ing"]
        for suffix in ["ies", "es", "s", "ese", "ian", "n", "ed", "ing"] where w.hasSuffix(suffix) && w.count > suffix.count + 2 {
            out.append(String(w.dropLast(suffix.count)))
            if suffix == "ies" { out.append(String(w.dropLast(3)) + "y") }
        }
        return out.filter { $0 != w }
    }
}
