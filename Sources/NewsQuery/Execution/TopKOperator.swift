import HeapModule
import NewsCore

/// The first N rows by keys, keeping a bounded heap of N instead of sorting all.
final class TopKOperator: PhysicalOperator {
    override var keepsNotes: Bool { true }
    let count: Int
    let keys: [BoundSortKey]
    /// The stage as written ("top 3", "take 3" after a sort), for the note on a cut result.
    let cutBy: String
    init(input: PhysicalOperator, count: Int, keys: [BoundSortKey], cutBy: String) {
        self.count = count
        self.keys = keys
        self.cutBy = cutBy
        super.init(name: "TOP_K", detail: "\(count) by " + keys.map(\.description).joined(separator: ", "), children: [input])
    }

    /// Heap element: the *worst* kept row is the heap's max, so it is the one replaced.
    struct Entry: Comparable {
        var keyed: SortKeys.Keyed
        let keys: [BoundSortKey]
        static func < (a: Entry, b: Entry) -> Bool { SortKeys.precedes(a.keyed, b.keyed, a.keys) }
        static func == (a: Entry, b: Entry) -> Bool { a.keyed.position == b.keyed.position }
    }

    override func execute(_ ctx: ExecutionContext, _ inputs: [[Row]]) throws -> [Row] {
        let rows = inputs[0]
        guard count > 0 else {
            if !rows.isEmpty { ctx.cut = (0, rows.count, cutBy) }
            return []
        }
        if keys.count == 1, case .column(.score, _, _) = keys[0].expr {
            return byScore(ctx, rows, descending: keys[0].descending)
        }
        var heap = Heap<Entry>()
        for (i, row) in rows.enumerated() {
            try ctx.poll()
            let keyed = SortKeys.Keyed(row: row, key: try keys.map { try ctx.eval($0.expr, row) }, position: i)
            let entry = Entry(keyed: keyed, keys: keys)
            if heap.count < count {
                heap.insert(entry)
            } else if let worst = heap.max, entry < worst {
                _ = heap.replaceMax(with: entry)
            }
        }
        if rows.count > count { ctx.cut = (count, rows.count, cutBy) }
        return heap.unordered.sorted().map(\.keyed.row)
    }

    /// `top N by score`: the search score is a plain number on every row, so
    /// the N best are kept in a small sorted array (most rows lose against the
    /// worst kept one in one comparison). Ties keep input order, as the heap does.
    func byScore(_ ctx: ExecutionContext, _ rows: [Row], descending: Bool) -> [Row] {
        var best: [Int] = []
        best.reserveCapacity(count + 1)
        @inline(__always) func before(_ a: Int, _ b: Int) -> Bool {
            let x = rows[a].score, y = rows[b].score
            if x != y { return descending ? x > y : x < y }
            return a < b
        }
        for i in rows.indices {
            if best.count == count, !before(i, best[best.count - 1]) { continue }
            var lo = 0, hi = best.count
            while lo < hi { let m = (lo + hi) >> 1; if before(best[m], i) { lo = m + 1 } else { hi = m } }
            best.insert(i, at: lo)
            if best.count > count { best.removeLast() }
        }
        if rows.count > count { ctx.cut = (count, rows.count, cutBy) }
        return best.map { rows[$0] }
    }
}
