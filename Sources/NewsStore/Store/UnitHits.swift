/// The units a (sub)query matched, sorted, each with its hit entries: which
/// query leaf matched at which token position (the first position of a phrase).
/// Set operations merge two sorted results.

struct UnitHits {
    var units: [Int32] = []
    /// Entries of `units[i]` are `leaf[start[i]..<start[i+1]]` / `pos[...]`.
    var start: [Int32] = [0]
    var leaf: [Int32] = []
    var pos: [Int32] = []

    var count: Int { units.count }

    mutating func open(_ unit: Int32) { units.append(unit); start.append(start.last!) }

    mutating func add(leaf l: Int32, pos p: Int32) {
        leaf.append(l); pos.append(p); start[start.count - 1] += 1
    }

    /// Copies the entries of `other.units[i]` into the unit opened last.
    mutating func copyEntries(from other: UnitHits, _ i: Int) {
        for e in Int(other.start[i])..<Int(other.start[i + 1]) { add(leaf: other.leaf[e], pos: other.pos[e]) }
    }

    /// Units in both, with the entries of both.
    static func intersect(_ a: UnitHits, _ b: UnitHits) -> UnitHits {
        var r = UnitHits()
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a.units[i] < b.units[j] { i += 1 } else if a.units[i] > b.units[j] { j += 1 } else {
                r.open(a.units[i]); r.copyEntries(from: a, i); r.copyEntries(from: b, j)
                i += 1; j += 1
            }
        }
        return r
    }

    /// Units in either, with the entries of both.
    static func union(_ a: UnitHits, _ b: UnitHits) -> UnitHits {
        var r = UnitHits()
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j >= b.count || (i < a.count && a.units[i] < b.units[j]) {
                r.open(a.units[i]); r.copyEntries(from: a, i); i += 1
            } else if i >= a.count || b.units[j] < a.units[i] {
                r.open(b.units[j]); r.copyEntries(from: b, j); j += 1
            } else {
                r.open(a.units[i]); r.copyEntries(from: a, i); r.copyEntries(from: b, j)
                i += 1; j += 1
            }
        }
        return r
    }

    /// Units of `a` not in `b`.
    static func subtract(_ a: UnitHits, _ b: UnitHits) -> UnitHits {
        var r = UnitHits()
        var j = 0
        for i in 0..<a.count {
            while j < b.count, b.units[j] < a.units[i] { j += 1 }
            if j < b.count, b.units[j] == a.units[i] { continue }
            r.open(a.units[i]); r.copyEntries(from: a, i)
        }
        return r
    }

    /// Units of a sorted universe not in `b`, without entries.
    static func complement(_ universe: [Int32], _ b: UnitHits) -> UnitHits {
        var r = UnitHits()
        var j = 0
        for u in universe {
            while j < b.count, b.units[j] < u { j += 1 }
            if j < b.count, b.units[j] == u { continue }
            r.open(u)
        }
        return r
    }

    /// The sorted units `a` restricted to the sorted candidates (all of `a` without them).
    static func intersectSorted(_ a: [Int32], _ cand: [Int32]?) -> [Int32] {
        guard let c = cand else { return a }
        var out: [Int32] = []
        var i = 0, j = 0
        while i < a.count, j < c.count {
            if a[i] < c[j] { i += 1 } else if a[i] > c[j] { j += 1 } else { out.append(a[i]); i += 1; j += 1 }
        }
        return out
    }
}
