/// Turns loaded texts into the corpus model: finds the headline and paragraphs,
/// judges paragraph kinds and duplicates, splits sentences, counts words and
/// feeds the body and caption paragraphs (first occurrences only) to the index.
final class CorpusBuilder {
    private(set) var articles: [Article] = []
    private(set) var paragraphs: [Paragraph] = []
    private(set) var sentences: [Sentence] = []
    private let index = TextIndexBuilder()

    /// Adds one article; `hint` says what is known of its headline. A title
    /// already set on `article` is kept unless the layout finds one.
    func add(_ article: Article, hint: TextLayout.HeadlineHint) {
        var a = article
        let t = TextBytes(a.text)
        let layout = TextLayout(t, hint: hint)
        if let title = layout.title { a.title = title }
        a.bodyRange = layout.body
        let kinds = ParagraphClassifier.classify(layout.drafts, t)
        let ai = articles.count
        index.beginArticle(text: a.text)
        let firstParagraph = paragraphs.count
        let firstSentence = sentences.count
        var seen = Set<Int>()
        for (k, draft) in layout.drafts.enumerated() {
            var folded: [String] = []
            let pi = paragraphs.count
            let sentenceRanges = Segmenter.sentences(t, in: draft.range)
            var sentenceTokens: [[(String, Range<Int>)]] = []
            for r in sentenceRanges {
                var toks: [(String, Range<Int>)] = []
                t.bytes.withUnsafeBufferPointer { buf in
                    Tokenizer.scan(UnsafeBufferPointer(rebasing: buf[r]), base: r.lowerBound) { toks.append(($0, $1)) }
                }
                folded.append(contentsOf: toks.map(\.0))
                sentenceTokens.append(toks)
            }
            var h = Hasher()
            for f in folded { h.combine(f) }
            let duplicate = !folded.isEmpty && !seen.insert(h.finalize()).inserted
            let indexed = kinds[k] != .boilerplate && !duplicate
            var p = Paragraph(article: ai, n: k + 1, range: draft.range, kind: kinds[k], duplicate: duplicate, words: folded.count)
            p.sentences = sentences.count..<(sentences.count + sentenceRanges.count)
            paragraphs.append(p)
            index.beginParagraph()
            for (j, r) in sentenceRanges.enumerated() {
                sentences.append(Sentence(article: ai, paragraph: pi, n: sentences.count - firstSentence + 1,
                                          range: r, words: sentenceTokens[j].count))
                index.beginSentence()
                if indexed { for (f, tr) in sentenceTokens[j] { index.add(f, tr) } }
            }
            if indexed { a.words += folded.count }
        }
        a.paragraphs = firstParagraph..<paragraphs.count
        a.sentences = firstSentence..<sentences.count
        articles.append(a)
    }

    func build(warnings: [LoadWarning], name: String, started: Double) -> Corpus {
        let idx = index.build()
        return Corpus(articles: articles, paragraphs: paragraphs, sentences: sentences, warnings: warnings,
                      name: name, loadSeconds: CorpusLoader.now() - started, index: idx)
    }
}
