import Foundation

/// Turns loaded texts into the corpus model: finds the headline and paragraphs,
/// judges paragraph kinds and duplicates, splits sentences, counts words and
/// builds the text index.
///
/// Design rules:
/// - `add` only queues; `build` does the work on up to `threads` threads, each
///   over a run of consecutive articles with its own `IndexShard`, then joins
///   the runs in order (so the result does not depend on the thread count).
/// - Each article's text is tokenized once; paragraph and sentence word counts
///   and token ranges come from that one token stream.
/// - The headline is a paragraph (kind `title`) with one sentence; lines above
///   it are boilerplate paragraphs. A headline known but not in the text (a
///   record's title, a manifest's headline) is put in front of the text.
/// - Article words count the title, body and caption paragraphs, first
///   occurrences only (`allWords` counts everything).
final class CorpusBuilder {
    private var pending: [(Article, TextLayout.HeadlineHint)] = []
    /// Threads used by `build` (2 on the project's machines).
    var threads = Int(ProcessInfo.processInfo.environment["NEWSQ_THREADS"] ?? "").map { max(1, $0) }
        ?? max(1, min(2, ProcessInfo.processInfo.activeProcessorCount))

    /// Articles queued so far.
    var articles: [Article] { pending.map(\.0) }
    var isEmpty: Bool { pending.isEmpty }

    /// Adds one article; `hint` says what is known of its headline. A title
    /// already set on `article` is kept unless the layout finds one.
    func add(_ article: Article, hint: TextLayout.HeadlineHint) {
        var a = article
        // ids are unique: a repeated one gets a suffix, and a warning names both places
        if let first = idOrigins[a.id] {
            var k = 2
            while idOrigins["\(a.id)~\(k)"] != nil { k += 1 }
            let id = "\(a.id)~\(k)"
            idWarnings.append(LoadWarning(.duplicateId, path: a.origin, reason: "id '\(a.id)' was already used by \(first); this one is '\(id)'"))
            a.id = id
        }
        idOrigins[a.id] = a.origin
        pending.append((a, hint))
    }

    /// Where each id was first used (file or file:line).
    private var idOrigins: [String: String] = [:]
    /// Repeated ids made unique.
    private(set) var idWarnings: [LoadWarning] = []
    /// Articles whose source is the name of their folder.
    var folderSources = 0
    /// Records with a title and no body (loaded as the headline alone).
    var titleOnly = 0

    /// The articles, paragraphs and sentences of one run, with its index shard.
    final class Part {
        var articles: [Article] = []
        var paragraphs: [Paragraph] = []
        var sentences: [Sentence] = []
        let shard = IndexShard()
    }

    /// Lays out and indexes a run of articles; with a `monitor`, reports the
    /// text bytes done every 64 articles and stops early when it says so.
    static func process(_ items: ArraySlice<(Article, TextLayout.HeadlineHint)>, monitor: LoadMonitor? = nil) -> Part {
        let part = Part()
        let shard = part.shard
        var unreported = 0
        defer { monitor?.advance(unreported) }
        for (n, (article, hint)) in items.enumerated() {
            if let monitor {
                unreported += article.text.utf8.count
                if n & 63 == 63 {
                    monitor.advance(unreported)
                    unreported = 0
                    if monitor.shouldStop { break }
                }
            }
            var a = article
            var t = TextBytes(a.text)
            var layout: TextLayout
            if case .absent(let h) = hint {
                layout = withHeadline(h, &a, &t)
            } else {
                layout = TextLayout(t, hint: hint)
                // a headline given but not in the text is put in front, so it is text like the rest
                if case .given(let h) = hint, layout.headline == nil { layout = withHeadline(h, &a, &t) }
            }
            if let title = layout.title { a.title = title }
            a.bodyRange = layout.body
            let textDrafts = layout.textDrafts
            let textKinds = ParagraphClassifier.classify(Array(textDrafts), t)
            let kinds: [ParagraphKind] = layout.drafts.prefix(textDrafts.startIndex).map { $0.role == .title ? .title : .boilerplate } + textKinds
            let ai = part.articles.count
            let all = t.bytes.withUnsafeBufferPointer { shard.addArticle(a.text, $0) }
            let firstParagraph = part.paragraphs.count
            let firstSentence = part.sentences.count
            var seen = Set<Int>()
            var cursor = all.lowerBound
            var titlePositions = all.lowerBound..<all.lowerBound
            for (k, draft) in layout.drafts.enumerated() {
                let pi = part.paragraphs.count
                let pr = shard.positions(bytes: draft.range, in: all, from: cursor)
                cursor = pr.upperBound
                var h = Hasher()
                for p in pr { h.combine(shard.tokTerm[p]) }
                let duplicate = !pr.isEmpty && !seen.insert(h.finalize()).inserted
                let indexed = kinds[k] != .boilerplate && !duplicate
                // a headline is one sentence, whatever its punctuation
                let sentenceRanges = kinds[k] == .title ? [draft.range] : Segmenter.sentences(t, in: draft.range)
                if kinds[k] == .title { titlePositions = pr }
                var p = Paragraph(article: ai, n: k + 1, range: draft.range, kind: kinds[k], duplicate: duplicate, words: pr.count)
                p.sentences = part.sentences.count..<(part.sentences.count + sentenceRanges.count)
                part.paragraphs.append(p)
                shard.addUnit(0, indexed ? pr : pr.lowerBound..<pr.lowerBound)
                var sc = pr.lowerBound
                var sentenceWords = 0
                for r in sentenceRanges {
                    let sr = shard.positions(bytes: r, in: pr, from: sc)
                    sc = sr.upperBound
                    sentenceWords += sr.count
                    part.sentences.append(Sentence(article: ai, paragraph: pi, n: part.sentences.count - firstSentence + 1,
                                                   range: r, words: sr.count))
                    shard.addUnit(1, indexed ? sr : sr.lowerBound..<sr.lowerBound)
                }
                // the words of a unit are the words of its sentences (what every stage reads)
                part.paragraphs[pi].words = sentenceWords
                if indexed { a.words += sentenceWords }
                a.allWords += sentenceWords
            }
            shard.titlePositions.append((Int32(titlePositions.lowerBound), Int32(titlePositions.upperBound)))
            a.paragraphs = firstParagraph..<part.paragraphs.count
            a.sentences = firstSentence..<part.sentences.count
            part.articles.append(a)
        }
        return part
    }

    /// Puts headline `h` (on one line) in front of the article's text and lays
    /// the text out again; a headline with no words is left out of the text.
    static func withHeadline(_ h: String, _ a: inout Article, _ t: inout TextBytes) -> TextLayout {
        let line = h.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard !Tokenizer.tokens(line).isEmpty else { return TextLayout(t, hint: .given(h)) }
        a.text = line + "\n\n" + a.text
        t = TextBytes(a.text)
        var layout = TextLayout(t, hint: .given(line))
        layout.title = h
        return layout
    }

    /// Resident and peak resident memory in MB, from /proc (for load timing).
    static func memory() -> String {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "?" }
        func kb(_ key: String) -> Int {
            guard let line = s.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
            return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        }
        return "\(kb("VmRSS:") / 1024) / \(kb("VmHWM:") / 1024)"
    }

    /// CPU seconds of the process so far (all threads).
    static func cpu() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The corpus, or nil when `monitor` said to stop part way (Ctrl-C).
    func build(warnings: [LoadWarning], name: String, started: Double, monitor: LoadMonitor? = nil) -> Corpus? {
        let items = pending
        pending = []
        monitor?.begin(.indexing, total: items.reduce(0) { $0 + $1.0.text.utf8.count })
        let t0 = CorpusLoader.now(), c0 = CorpusBuilder.cpu(), m0 = CorpusBuilder.memory()
        // Runs of about equal text size, twice as many as threads, so a thread
        // that finishes early takes the next run.
        let k = items.count >= 64 ? threads * 2 : 1
        var bounds = [0]
        if k > 1 {
            let total = items.reduce(0) { $0 + $1.0.text.utf8.count }
            var acc = 0
            for (i, it) in items.enumerated() {
                acc += it.0.text.utf8.count
                if bounds.count < k, acc >= total * bounds.count / k { bounds.append(i + 1) }
            }
        }
        while bounds.count < k + 1 { bounds.append(items.count) }
        bounds[k] = items.count
        var parts = [Part?](repeating: nil, count: k)
        if k == 1 {
            parts[0] = CorpusBuilder.process(items[...], monitor: monitor)
        } else {
            let lock = NSLock()
            DispatchQueue.concurrentPerform(iterations: k) { i in
                let p = CorpusBuilder.process(items[bounds[i]..<max(bounds[i], bounds[i + 1])], monitor: monitor)
                lock.lock(); parts[i] = p; lock.unlock()
            }
        }
        if let monitor, monitor.shouldStop { return nil }
        // Join the runs: child indices shift by the units before them.
        var articles: [Article] = [], paragraphs: [Paragraph] = [], sentences: [Sentence] = []
        articles.reserveCapacity(items.count)
        for case let part? in parts {
            let a0 = articles.count, p0 = paragraphs.count, s0 = sentences.count
            if a0 == 0 {
                articles = part.articles; paragraphs = part.paragraphs; sentences = part.sentences
            } else {
                for var a in part.articles {
                    a.paragraphs = (a.paragraphs.lowerBound + p0)..<(a.paragraphs.upperBound + p0)
                    a.sentences = (a.sentences.lowerBound + s0)..<(a.sentences.upperBound + s0)
                    articles.append(a)
                }
                for var p in part.paragraphs {
                    p.article += a0
                    p.sentences = (p.sentences.lowerBound + s0)..<(p.sentences.upperBound + s0)
                    paragraphs.append(p)
                }
                for var s in part.sentences {
                    s.article += a0; s.paragraph += p0
                    sentences.append(s)
                }
            }
            part.articles = []; part.paragraphs = []; part.sentences = []
        }
        let t1 = CorpusLoader.now(), c1 = CorpusBuilder.cpu(), m1 = CorpusBuilder.memory()
        if let monitor, monitor.shouldStop { return nil }
        let titles = TextIndexBuilder.titles(articles.map { $0.title ?? "" })
        let idx = TextIndexBuilder.build(parts.compactMap { $0?.shard }, titles: titles)
        let t2 = CorpusLoader.now(), c2 = CorpusBuilder.cpu(), m2 = CorpusBuilder.memory()
        let corpus = Corpus(articles: articles, paragraphs: paragraphs, sentences: sentences, warnings: warnings,
                            name: name, loadSeconds: CorpusLoader.now() - started, index: idx)
        corpus.loadProfile = [
            String(format: "load timing (wall / cpu): read+parse %.3f / %.3f s, layout+tokenize (%d runs) %.3f / %.3f s, index join %.3f / %.3f s",
                   t0 - started, c0, k, t1 - t0, c1 - c0, t2 - t1, c2 - c1),
            "load memory (rss / peak MB): after read+parse \(m0), after tokenize \(m1), after join \(m2)",
        ]
        return corpus
    }
}
