import Foundation

/// BILOU tags over three kinds: 0 is O; kind k (0 person, 1 org, 2 place) has
/// B = 1+4k, I = 2+4k, L = 3+4k, U = 4+4k.
enum BILOU {
    static let classes = 13
    static let kinds: [EntityKind] = [.person, .org, .place]

    @inline(__always) static func kind(_ c: Int) -> Int { c == 0 ? -1 : (c - 1) / 4 }
    /// 0 B, 1 I, 2 L, 3 U (O: -1).
    @inline(__always) static func part(_ c: Int) -> Int { c == 0 ? -1 : (c - 1) % 4 }
    @inline(__always) static func tag(kind: Int, part: Int) -> Int { 1 + 4 * kind + part }

    static func name(_ c: Int) -> String {
        c == 0 ? "O" : ["B", "I", "L", "U"][part(c)] + "-" + kinds[kind(c)].rawValue
    }

    /// Allowed tags after `prev` (-1: sentence start); `last`: no B or I (the span must close).
    static let allowedTable: [UInt16] = {
        var t = [UInt16](repeating: 0, count: (classes + 1) * 2)
        for p in -1..<classes {
            for last in 0..<2 {
                var m: UInt16 = 0
                for c in 0..<classes {
                    let ok: Bool
                    if p >= 1, part(p) == 0 || part(p) == 1 { ok = c != 0 && kind(c) == kind(p) && (part(c) == 1 || part(c) == 2) }
                    else { ok = c == 0 || part(c) == 0 || part(c) == 3 }
                    if ok && !(last == 1 && (part(c) == 0 || part(c) == 1)) { m |= 1 << c }
                }
                t[(p + 1) * 2 + last] = m
            }
        }
        return t
    }()

    @inline(__always) static func allowed(prev: Int, last: Bool) -> UInt16 { allowedTable[(prev + 1) * 2 + (last ? 1 : 0)] }

    /// Whether `cur` may follow `prev` (-1 start, `classes` as the end marker after the last tag).
    static func legal(_ prev: Int, _ cur: Int) -> Bool {
        if cur == classes { return prev < 1 || part(prev) >= 2 }
        return allowed(prev: prev, last: false) & (1 << cur) != 0
    }

    /// The best allowed class and its margin over the next best allowed one.
    @inline(__always)
    static func choose(_ s: SIMD16<Float>, _ mask: UInt16) -> (Int, Float) {
        var best = -1, bestScore = -Float.infinity, second = -Float.infinity
        var m = mask
        while m != 0 {
            let c = m.trailingZeroBitCount
            m &= m - 1
            let v = s[c]
            if v > bestScore { second = bestScore; bestScore = v; best = c } else if v > second { second = v }
        }
        return (best, second == -Float.infinity ? 1e6 : bestScore - second)
    }

    /// Spans of a legal tag sequence: (token range, kind index).
    static func spans(_ tags: [Int]) -> [(Range<Int>, Int)] {
        var out: [(Range<Int>, Int)] = []
        var start = -1
        for (i, c) in tags.enumerated() where c != 0 {
            switch part(c) {
            case 0: start = i
            case 2: if start >= 0 { out.append((start..<(i + 1), kind(c))) }; start = -1
            case 3: out.append((i..<(i + 1), kind(c))); start = -1
            default: break
            }
        }
        return out
    }
}

/// Something that scores the 13 classes from feature keys (the trained model,
/// or the trainer's live weights).
protocol TagScoring {
    func score(_ keys: UnsafeBufferPointer<UInt64>) -> SIMD16<Float>
}

/// The trained tagger weights: feature keys with one Int16 weight per class,
/// read through an open-addressed table whose slot holds a key's 13 weights and,
/// in the three lanes left over, a 40-bit fingerprint of the key: one memory
/// read per feature looked up.
///
/// File (little-endian): "NQTAGGR1", feature version, classes, rows (UInt32
/// each), scale (Float32), the sorted keys (UInt64 each), the weights (Int16,
/// classes per row), then an FNV-1a checksum (UInt64) of all bytes before it.
final class TaggerModel: TagScoring, @unchecked Sendable {
    static let magic = Array("NQTAGGR1".utf8)
    /// Sorted keys (as saved).
    let keys: [UInt64]
    /// The weights of each key, in the order of `keys` (as saved; read from the table).
    var weights: [SIMD16<Int16>] {
        keys.map { k in
            guard let i = slot(k) else { return SIMD16() }
            var w = table[i]
            w[13] = 0; w[14] = 0; w[15] = 0
            return w
        }
    }
    /// weight = Int16 / scale.
    let scale: Float
    /// Lanes 0..<13: the weights; 13, 14: bits 24..<56 of the key; 15: bits 56..<64 and 0x100 (in use).
    private let table: [SIMD16<Int16>]
    private let mask: Int

    init(keys: [UInt64], weights: [SIMD16<Int16>], scale: Float) {
        precondition(BILOU.classes <= 13, "TaggerModel: three lanes of a slot hold the fingerprint")
        self.keys = keys; self.scale = scale
        // at most three quarters full: probes stay short
        var cap = 1024
        while cap * 3 < keys.count * 4 { cap <<= 1 }
        var t = [SIMD16<Int16>](repeating: SIMD16(), count: cap)
        let m = cap - 1
        for (r, k) in keys.enumerated() {
            var i = Int(truncatingIfNeeded: k) & m
            while t[i][15] != 0 { i = (i + 1) & m }
            var w = weights[r]
            (w[13], w[14], w[15]) = Self.fingerprint(k)
            t[i] = w
        }
        table = t; mask = m
    }

    /// The three lanes that tell a key's slot: bits 24..<64 of it, and a bit saying the slot is used.
    @inline(__always)
    static func fingerprint(_ k: UInt64) -> (Int16, Int16, Int16) {
        (Int16(truncatingIfNeeded: k >> 24), Int16(truncatingIfNeeded: k >> 40), Int16(truncatingIfNeeded: (k >> 56) | 0x100))
    }

    /// Quantises float rows (13 weights each), dropping rows whose largest weight
    /// is under `minWeight` and then the smallest until at most `maxRows` remain.
    static func quantise(_ rows: [(key: UInt64, w: [Float])], maxRows: Int, minWeight: Float) -> TaggerModel {
        var kept = rows.compactMap { r -> (UInt64, [Float], Float)? in
            let m = r.w.map(abs).max() ?? 0
            return m >= minWeight ? (r.key, r.w, m) : nil
        }
        if kept.count > maxRows {
            kept.sort { $0.2 > $1.2 }
            kept.removeLast(kept.count - maxRows)
        }
        let maxAbs = kept.map(\.2).max() ?? 1
        let scale = Float(32000) / max(maxAbs, 1e-6)
        kept.sort { $0.0 < $1.0 }
        var keys: [UInt64] = [], ws: [SIMD16<Int16>] = []
        for (k, w, _) in kept {
            var v = SIMD16<Int16>()
            for c in 0..<BILOU.classes { v[c] = Int16(max(-32767, min(32767, (w[c] * scale).rounded()))) }
            if v == SIMD16<Int16>() { continue }
            keys.append(k); ws.append(v)
        }
        return TaggerModel(keys: keys, weights: ws, scale: scale)
    }

    /// The slot of `key` in the table, nil when the model has no weights for it.
    @inline(__always)
    func slot(_ key: UInt64) -> Int? {
        let (a, b, c) = Self.fingerprint(key)
        var i = Int(truncatingIfNeeded: key) & mask
        return table.withUnsafeBufferPointer { t in
            while true {
                let v = t[i]
                if v[15] == 0 { return nil }
                if v[13] == a && v[14] == b && v[15] == c { return i }
                i = (i + 1) & mask
            }
        }
    }

    func score(_ keys: UnsafeBufferPointer<UInt64>) -> SIMD16<Float> {
        var acc = SIMD16<Int32>()
        let m = mask
        table.withUnsafeBufferPointer { t in
            withUnsafeTemporaryAllocation(of: Int16.self, capacity: keys.count) { used in
                // the home slots of all the keys read first, with no branch between: their cache
                // misses overlap instead of coming one after another
                for (j, k) in keys.enumerated() { used[j] = t[Int(truncatingIfNeeded: k) & m][15] }
                for (j, k) in keys.enumerated() where used[j] != 0 {
                    let (a, b, c) = Self.fingerprint(k)
                    var i = Int(truncatingIfNeeded: k) & m
                    while true {
                        let v = t[i]
                        if v[15] == 0 { break }
                        if v[13] == a && v[14] == b && v[15] == c { acc &+= SIMD16<Int32>(truncatingIfNeeded: v); break }
                        i = (i + 1) & m
                    }
                }
            }
        }
        // (the fingerprint lanes are no classes)
        acc[13] = 0; acc[14] = 0; acc[15] = 0
        return SIMD16<Float>(acc) / scale
    }

    // MARK: file

    func data() -> Data {
        var out = [UInt8]()
        out.reserveCapacity(24 + keys.count * (8 + 2 * BILOU.classes) + 8)
        out += Self.magic
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        u32(TaggerFeatures.version); u32(UInt32(BILOU.classes)); u32(UInt32(keys.count)); u32(scale.bitPattern)
        for k in keys { withUnsafeBytes(of: k.littleEndian) { out += $0 } }
        for w in weights { for c in 0..<BILOU.classes { withUnsafeBytes(of: w[c].littleEndian) { out += $0 } } }
        let sum = Self.checksum(out[...])
        withUnsafeBytes(of: sum.littleEndian) { out += $0 }
        return Data(out)
    }

    static func checksum(_ b: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        b.withUnsafeBufferPointer { p in for x in p { h = (h ^ UInt64(x)) &* 0x0000_0100_0000_01B3 } }
        return h
    }

    /// The model in `data`, or nil when it is not a model file of this version or is damaged.
    static func load(_ data: Data) -> TaggerModel? {
        let b = [UInt8](data)
        guard b.count >= 32, Array(b[0..<8]) == magic else { return nil }
        func u32(_ at: Int) -> UInt32 { UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24 }
        func u64(_ at: Int) -> UInt64 { UInt64(u32(at)) | UInt64(u32(at + 4)) << 32 }
        guard u32(8) == TaggerFeatures.version, u32(12) == UInt32(BILOU.classes) else { return nil }
        let rows = Int(u32(16))
        let scale = Float(bitPattern: u32(20))
        let size = 24 + rows * (8 + 2 * BILOU.classes) + 8
        guard rows < 1 << 24, b.count == size, scale.isFinite, scale > 0 else { return nil }
        guard checksum(b[0..<(size - 8)]) == u64(size - 8) else { return nil }
        var keys = [UInt64](repeating: 0, count: rows)
        var ws = [SIMD16<Int16>](repeating: SIMD16(), count: rows)
        for r in 0..<rows {
            keys[r] = u64(24 + 8 * r)
            if r > 0 && keys[r] <= keys[r - 1] { return nil }
        }
        var at = 24 + 8 * rows
        for r in 0..<rows {
            for c in 0..<BILOU.classes { ws[r][c] = Int16(bitPattern: UInt16(b[at]) | UInt16(b[at + 1]) << 8); at += 2 }
        }
        return TaggerModel(keys: keys, weights: ws, scale: scale)
    }
}
