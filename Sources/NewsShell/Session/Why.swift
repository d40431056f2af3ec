import NewsQuery
import NewsCore
import NewsStore

/// `why QUERY in ID`: a search traced against one article, paragraph or
/// sentence, term by term, so a learner sees why it matches or misses.
///
/// Design rules:
/// - The verdict is the search's own: the statement `SOURCE | where id == ID
///   | search QUERY` is run; the trace explains it.
/// - Each word (phrase, prefix, wildcard, regex) says where it matched
///   (sentence numbers), or why not: another form is there (`talks` for
///   `talk`), the match lies in boilerplate, the case differs under `=`; a
///   `NOT` says whether it ruled the unit out; `near` gives the closest
///   distance found. A missing word also gets its near misses in the corpus.
extension Session {
    func why(_ query: SearchQuery, written queryText: String, id: String, idRange: Range<Int>, _ text: String, _ origin: SourceOrigin) -> Bool {
        let resolved = resolveUnit(id)
        guard case let .found(source, unit, id) = resolved else {
            var help = ["an article id (articles | select id) or a unique start of one, or ARTICLE#pN / ARTICLE#sN for a paragraph or sentence"]
            var message = "no article, paragraph or sentence has the id \(id)"
            if case let .ambiguous(hits) = resolved {
                message = "'\(id)' starts \(hits.count) article ids"
                help = ["write more of it: " + hits.prefix(5).map { corpus.articles[$0].id }.joined(separator: ", ")]
            } else if let g = Suggest.closest(to: id, among: corpus.articles.map(\.id)) {
                help.insert("did you mean \(g)?", at: 0)
            }
            report([Diagnostic(.unknownArticle, message, range: idRange, help: help)], text, origin)
            return false
        }
        let quoted = "\"" + id.replacingOccurrences(of: "\"", with: "") + "\""
        let found = rowCount("\(source.rawValue) | where id == \(quoted) | search \(queryText)", boilerplate: settings.boilerplate) ?? 0
        var out = "why \(queryText) in \(id) (\(source == .articles ? "article" : source == .paragraphs ? "paragraph" : "sentence")): "
            + (found > 0 ? "it matches" : "it does not match") + (settings.boilerplate ? " (boilerplate searched)" : "") + "\n"
        let ut = UnitText(corpus: corpus, source: source, unit: unit)
        var lines: [String] = []
        trace(query.parts, query, ut, whole: source == .articles, negated: false, &lines)
        out += lines.map { "  " + $0 + "\n" }.joined()
        self.out.write(out)
        return true
    }

    /// What a `why` id names.
    enum UnitLookup { case found(SourceKind, Int, id: String), ambiguous([Int]), missing }

    /// The unit an id names: an article (its id, or a unique start of it as
    /// `show article` reads it), or `ID#pN` / `ID#sN`; with the id written whole.
    func resolveUnit(_ id: String) -> UnitLookup {
        let hash = id.lastIndex(of: "#")
        let written = hash.map { String(id[..<$0]) } ?? id
        let a: Int
        switch lookUpArticle(written, number: false) {
        case let .found(k): a = k
        case let .ambiguous(hits): return .ambiguous(hits)
        case .missing: return .missing
        }
        let aid = corpus.articles[a].id
        guard let hash else { return .found(.articles, a, id: aid) }
        let part = id[id.index(after: hash)...]
        guard let kind = part.first, let n = Int(part.dropFirst()) else { return .missing }
        if kind == "p", let p = corpus.articles[a].paragraphs.first(where: { corpus.paragraphs[$0].n == n }) { return .found(.paragraphs, p, id: aid + "#p\(n)") }
        if kind == "s", let s = corpus.articles[a].sentences.first(where: { corpus.sentences[$0].n == n }) { return .found(.sentences, s, id: aid + "#s\(n)") }
        return .missing
    }

    /// Lines explaining each part of the query against the unit.
    /// `whole`: the unit is an article, of which search leaves some text out.
    func trace(_ p: SearchPart, _ q: SearchQuery, _ ut: UnitText, whole: Bool, negated: Bool, _ lines: inout [String]) {
        switch p {
        case let .and(items), let .or(items):
            for i in items { trace(i, q, ut, whole: whole, negated: negated, &lines) }
        case let .not(inner):
            trace(inner, q, ut, whole: whole, negated: !negated, &lines)
        case let .scoped(_, inner):
            trace(inner, q, ut, whole: whole, negated: negated, &lines)
        case let .near(items, distance):
            for i in items { trace(i, q, ut, whole: whole, negated: negated, &lines) }
            let occurrences = items.map { item -> [ClosedRange<Int>] in
                guard case let .leaf(i, _) = item else { return [] }
                return MatchLocator(q).spans(ofLeaf: i, in: ut, corpus: corpus).filter { $0.tokens.lowerBound >= 0 }.map(\.tokens)
            }
            let name = "near(…, \(distance))"
            if occurrences.contains(where: \.isEmpty) {
                lines.append("\(name): not every part is here, so near cannot hold")
            } else if let d = Self.closest(occurrences) {
                lines.append(d <= distance ? "\(name): the parts come within \(d) words of each other (at most \(distance) asked)"
                                           : "\(name): the parts are \(d) words apart at their closest; at most \(distance) asked")
            }
        case let .leaf(i, leafQuery):
            leaf(q, i, leafQuery, ut, whole: whole, negated: negated, &lines)
        }
    }

    /// One word, phrase, prefix, wildcard or regex: leaf `i` of `q`, which is `leafQuery`.
    func leaf(_ q: SearchQuery, _ i: Int, _ leafQuery: TextQuery, _ ut: UnitText, whole: Bool, negated: Bool, _ lines: inout [String]) {
        let name = leafQuery.description
        let locator = MatchLocator(q)
        let spans = locator.spans(ofLeaf: i, in: ut, corpus: corpus).filter { $0.tokens.lowerBound >= 0 }
        if negated {
            lines.append(spans.isEmpty ? "NOT \(name): not here, so NOT lets this through"
                                       : "NOT \(name): here \(times(spans.count)) (\(whereSpans(spans, ut))), so NOT rules this out")
            return
        }
        if !spans.isEmpty {
            lines.append("\(name): here \(times(spans.count)), \(whereSpans(spans, ut))")
            return
        }
        // a phrase: each of its words, and whether they stand side by side
        if case let .phrase(words, exact) = leafQuery, words.count > 1 {
            lines.append("\(name): not here as a phrase (its words side by side); word by word:")
            var sub: [String] = []
            for w in words {
                let word = TextQuery.term(w, exact: exact)
                if let one = try? SearchQuery(word) { leaf(one, 0, word, ut, whole: whole, negated: false, &sub) }
            }
            lines += sub.map { "  " + $0 }
            return
        }
        var reasons: [String] = []
        // exact case under =
        if case let .term(w, true) = leafQuery, let f = Tokenizer.tokens(w).first?.folded, let anyCase = try? SearchQuery(.term(f, exact: false)) {
            let any = MatchLocator(anyCase).spans(in: ut, corpus: corpus)
            if !any.isEmpty {
                let forms = Set(any.map { String(corpus.articles[ut.article].text.utf8Slice($0.bytes)) }).sorted()
                reasons.append("=\(w) asks for that exact case; written here as \(forms.map { "'\($0)'" }.joined(separator: ", ")) (\(times(any.count)))")
            }
        }
        // in boilerplate (left out of what search reads unless .boilerplate is on)
        if ut.article >= 0 {
            let a = corpus.articles[ut.article]
            let hidden = a.paragraphs.filter { corpus.paragraphs[$0].kind == .boilerplate || corpus.paragraphs[$0].duplicate }
            var hiddenHits: [Int] = []
            // (a paragraph or sentence row reads all of its own text: only an article leaves some out)
            for p in hidden where whole {
                let r = corpus.paragraphs[p].range
                let toks = Tokenizer.tokens(a.text.utf8Slice(r), base: r.lowerBound)
                if !q.spans(ofLeaf: i, SpanText(tokens: toks, text: a.text)).isEmpty { hiddenHits.append(corpus.paragraphs[p].n) }
            }
            if !hiddenHits.isEmpty {
                reasons.append("in boilerplate or a repeated paragraph only (paragraph \(hiddenHits.prefix(5).map(String.init).joined(separator: ", "))), which search leaves out; .boilerplate on searches it")
            }
        }
        // another form of the word
        if case let .term(f, false) = leafQuery {
            let here = Dictionary(grouping: ut.allTokens.map(\.folded), by: { $0 }).mapValues(\.count)
            let forms = Self.otherForms(f).filter { here[$0] != nil }
            if !forms.isEmpty {
                reasons.append("another form is here: " + forms.prefix(3).map { "'\($0)' (\(times(here[$0]!)))" }.joined(separator: ", ") + "; search \(forms[0]) finds it")
            } else {
                let corpusForms = Self.otherForms(f).filter { corpus.index.contains(term: $0) }
                if !corpusForms.isEmpty { reasons.append("not here; near misses in the corpus: " + corpusForms.prefix(3).joined(separator: ", ")) }
            }
        }
        lines.append("\(name): not here" + (reasons.isEmpty ? "" : "; " + reasons.joined(separator: "; ")))
    }

    func times(_ n: Int) -> String { n == 1 ? "once" : "\(n) times" }

    /// "sentences 3, 7" of the article (numbers as `sentences | select n` gives them).
    func whereSpans(_ spans: [MatchLocator.Span], _ ut: UnitText) -> String {
        let a = corpus.articles[ut.article]
        var ns: [Int] = []
        for s in spans {
            if let si = a.sentences.first(where: { corpus.sentences[$0].range.contains(s.bytes.lowerBound) }) {
                let n = corpus.sentences[si].n
                if !ns.contains(n) { ns.append(n) }
            }
        }
        guard !ns.isEmpty else { return "in the title" }
        return (ns.count == 1 ? "sentence " : "sentences ") + ns.prefix(8).map(String.init).joined(separator: ", ") + (ns.count > 8 ? ", …" : "")
    }

    /// The smallest FTS5 NEAR distance over one occurrence of each part: the
    /// tokens between the earliest end and the latest start.
    static func closest(_ parts: [[ClosedRange<Int>]]) -> Int? {
        guard parts.count >= 2 else { return nil }
        var best: Int? = nil
        func search(_ k: Int, _ minEnd: Int, _ maxStart: Int) {
            if k == parts.count { let d = max(0, maxStart - minEnd - 1); best = min(best ?? d, d); return }
            for r in parts[k].prefix(200) { search(k + 1, min(minEnd, r.upperBound), max(maxStart, r.lowerBound)) }
        }
        search(0, Int.max, Int.min)
        return best
    }
}
