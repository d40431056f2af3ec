import NewsStore
import NewsQuery
import NewsCore

/// `show article ID [search Q]`: an article's whole text with the matches of
/// the query (or of the last search that ran) marked [like this], bold red on
/// a terminal. The id may be written whole, as a unique prefix ("002"), or as
/// the article's number (1 is the first).
extension Session {
    /// What an article id as written names: the id whole, else a unique
    /// prefix of one ("002"), else (`number`) the article's number, 1 first.
    /// `show article` and `why` read ids this way.
    enum ArticleLookup: Equatable { case found(Int), ambiguous([Int]), missing }

    func lookUpArticle(_ written: String, number: Bool) -> ArticleLookup {
        let arts = corpus.articles
        if let i = arts.firstIndex(where: { $0.id == written }) { return .found(i) }
        let hits = written.isEmpty ? [] : arts.indices.filter { arts[$0].id.hasPrefix(written) }
        if hits.count == 1 { return .found(hits[0]) }
        if hits.count > 1 { return .ambiguous(hits) }
        if number, let n = Int(written), n >= 1, n <= arts.count { return .found(n - 1) }
        return .missing
    }

    func showArticle(_ id: Token, query: SearchQuery?, _ text: String, _ origin: SourceOrigin) -> Bool {
        let arts = corpus.articles
        let i: Int
        switch lookUpArticle(id.text, number: id.kind == .integer) {
        case let .found(k): i = k
        case let .ambiguous(hits):
            report([Diagnostic(.unknownArticle, "'\(id.text)' starts \(hits.count) article ids", range: id.range,
                               help: ["write more of it: " + hits.prefix(5).map { arts[$0].id }.joined(separator: ", ")])], text, origin)
            return false
        case .missing:
            var help: [String] = []
            if let g = Suggest.closest(to: id.text, among: arts.map(\.id)) { help.append("did you mean '\(g)'?") }
            help.append("ids: " + arts.prefix(5).map(\.id).joined(separator: ", ") + (arts.count > 5 ? ", …" : ""))
            report([Diagnostic(.unknownArticle, "no article '\(id.text)'", range: id.range, help: help)], text, origin)
            return false
        }
        let a = arts[i]
        let q = query ?? lastQuery
        if let q = query { lastQuery = q }
        var spans: [Range<Int>] = []
        if let q = q {
            spans = MatchLocator(q).spans(in: UnitText(corpus: corpus, source: .articles, unit: i), corpus: corpus, includeTitle: true).map(\.bytes)
        }
        let color = out.isTerminal && settings.render.color
        let (o, c) = color ? (ANSI.bold + ANSI.red, ANSI.reset) : ("[", "]")
        let bytes = Array(a.text.utf8)
        var s = "\(a.id) · \(a.source ?? "unknown source") · \(a.date?.description ?? "no date")\n"
        if let t = a.title {
            // The headline, with its matches marked when they are inside it.
            let ut = UnitText(corpus: corpus, source: .articles, unit: i)
            if let r = ut.title {
                s += MatchFunction.mark(bytes, r, spans.filter { r.contains($0.lowerBound) }, o, c) + "\n"
            } else {
                s += t + "\n"
            }
        }
        if let q = q { s += "(\(spans.count) \(spans.count == 1 ? "match" : "matches") of \(q.written) marked \(color ? "in colour" : "[like this]"))\n" }
        s += "\n"
        let body = MatchFunction.mark(bytes, a.bodyRange, spans.filter { a.bodyRange.contains($0.lowerBound) }, o, c)
        s += body.hasSuffix("\n") ? body : body + "\n"
        out.write(s)
        lastExpectation = nil
        return true
    }
}
