/// Collects tokens article by article, paragraph by paragraph, sentence by
/// sentence (in corpus order), then freezes them into a `TextIndex`.
///
/// Every article, paragraph and sentence of the corpus must be begun, in order,
/// even when it adds no tokens (boilerplate), so unit numbers match the corpus arrays.
final class TextIndexBuilder {
    private var dict: [String: Int32] = [:]
    private var terms: [String] = []
    private var tokTerm: [Int32] = []
    private var tokStart: [Int32] = []
    private var tokLen: [UInt16] = []
    private var starts: [[Int32]] = [[], [], []]
    private var texts: [String] = []

    var position: Int { tokTerm.count }

    func beginArticle(text: String) { starts[0].append(Int32(position)); texts.append(text) }
    func beginParagraph() { starts[1].append(Int32(position)) }
    func beginSentence() { starts[2].append(Int32(position)) }

    /// Adds one token of the current article (`range` in the article's bytes).
    func add(_ folded: String, _ range: Range<Int>) {
        let id: Int32
        if let known = dict[folded] {
            id = known
        } else {
            id = Int32(terms.count)
            dict[folded] = id
            terms.append(folded)
        }
        tokTerm.append(id)
        tokStart.append(Int32(range.lowerBound))
        tokLen.append(UInt16(min(range.count, Int(UInt16.max))))
    }

    func build() -> TextIndex {
        // Sort terms by UTF-8 bytes; term ids become ranks, so a prefix is an id range.
        let keys = terms.map { Array($0.utf8) }
        let order = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        var rank = [Int32](repeating: 0, count: terms.count)
        var termBytes: [UInt8] = []
        var termOffsets: [Int32] = [0]
        termBytes.reserveCapacity(keys.reduce(0) { $0 + $1.count })
        termOffsets.reserveCapacity(terms.count + 1)
        for (r, old) in order.enumerated() {
            rank[old] = Int32(r)
            termBytes.append(contentsOf: keys[old])
            termOffsets.append(Int32(termBytes.count))
        }
        dict = [:]; terms = []
        for i in tokTerm.indices { tokTerm[i] = rank[Int(tokTerm[i])] }
        // Postings by counting sort: positions of term t at postings[off[t]..<off[t+1]].
        var off = [Int32](repeating: 0, count: order.count + 1)
        for t in tokTerm { off[Int(t) + 1] += 1 }
        for i in 0..<order.count { off[i + 1] += off[i] }
        var fill = off
        var postings = [Int32](repeating: 0, count: tokTerm.count)
        for (p, t) in tokTerm.enumerated() {
            postings[Int(fill[Int(t)])] = Int32(p)
            fill[Int(t)] += 1
        }
        let total = Int32(position)
        let bounds = starts.map { $0 + [total] }
        return TextIndex(texts: texts, termBytes: termBytes, termOffsets: termOffsets,
                         postingOffsets: off, postings: postings, tokTerm: tokTerm,
                         tokStart: tokStart, tokLen: tokLen,
                         articleStarts: bounds[0], paragraphStarts: bounds[1], sentenceStarts: bounds[2])
    }
}
