import Foundation
import NewsStore

/// Word counts of a whole corpus (every article, as `articles | words` counts
/// them: the counted text, or all of it with `.boilerplate on`), computed once
/// per loaded corpus and setting: `keywords vs corpus` reuses them.
final class CorpusFrequencies: @unchecked Sendable {
    static let shared = CorpusFrequencies()

    private let lock = NSLock()
    private weak var corpus: Corpus?
    private var counts: [String: Int] = [:]
    private var tokens = 0
    private var includeBoilerplate = false

    /// The counts and token total of `corpus`.
    func of(_ corpus: Corpus, includeBoilerplate: Bool = false, poll: () throws -> Void) rethrows -> (counts: [String: Int], tokens: Int) {
        lock.lock()
        if self.corpus === corpus, self.includeBoilerplate == includeBoilerplate {
            defer { lock.unlock() }
            return (counts, tokens)
        }
        lock.unlock()
        var list = FrequencyList()
        for i in corpus.articles.indices {
            try poll()
            list.add(UnitText(corpus: corpus, source: .articles, unit: i, includeBoilerplate: includeBoilerplate))
        }
        lock.lock()
        self.corpus = corpus
        self.includeBoilerplate = includeBoilerplate
        counts = list.itemCounts
        tokens = list.tokens
        lock.unlock()
        return (list.itemCounts, list.tokens)
    }
}
