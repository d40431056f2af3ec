/// Integer hashing for the name tagger: words become 64-bit values once per
/// token, and every feature is a mix of those values with its template number,
/// so no String is built per feature.

enum FeatureHash {
    /// The splitmix64 finaliser: spreads every input bit over the output.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Two values into one (order matters).
    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 { mix(a &* 0x0000_0100_0000_01B3 ^ b) }

    /// A feature key: template number and value; never 0 (0 marks an empty slot).
    @inline(__always)
    static func key(_ template: UInt64, _ value: UInt64) -> UInt64 {
        let k = mix(value ^ (template &* 0xD6E8_FEB8_6659_FD93))
        return k == 0 ? 1 : k
    }

    /// FNV-1a over bytes, then mixed.
    @inline(__always)
    static func bytes<S: Sequence>(_ s: S) -> UInt64 where S.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in s { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return mix(h)
    }

    /// The hash of a lowercased word.
    @inline(__always)
    static func word(_ lower: String) -> UInt64 {
        var s = lower
        return s.withUTF8 { bytes($0) }
    }

    /// The hash of a sequence of word hashes (a multiword name).
    static func phrase(_ words: [UInt64]) -> UInt64 {
        var h: UInt64 = 0x51_7CC1_B727_220A
        for w in words { h = combine(h, w) }
        return h
    }
}

/// An open-addressed map from 64-bit keys to 32-bit values (linear probing,
/// power-of-two capacity, key 0 reserved for empty slots). Built once, read
/// from any thread.
struct HashMap64: Sendable {
    private(set) var keys: [UInt64]
    private(set) var values: [UInt32]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 16) {
        var cap = 16
        while cap < capacity * 2 { cap <<= 1 }
        keys = [UInt64](repeating: 0, count: cap)
        values = [UInt32](repeating: 0, count: cap)
        mask = cap - 1
    }

    @inline(__always)
    func get(_ key: UInt64) -> UInt32? {
        let k = key == 0 ? 1 : key
        var i = Int(truncatingIfNeeded: k) & mask
        while true {
            let s = keys[i]
            if s == k { return values[i] }
            if s == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Sets the value of `key` to `f(old)` (old is nil when absent).
    mutating func update(_ key: UInt64, _ f: (UInt32?) -> UInt32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = key == 0 ? 1 : key
        var i = Int(truncatingIfNeeded: k) & mask
        while true {
            let s = keys[i]
            if s == k { values[i] = f(values[i]); return }
            if s == 0 { keys[i] = k; values[i] = f(nil); count += 1; return }
            i = (i + 1) & mask
        }
    }

    /// ORs `bits` into the value of `key`.
    mutating func insert(_ key: UInt64, bits: UInt32) { update(key) { ($0 ?? 0) | bits } }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        var m = HashMap64(capacity: keys.count)
        for (k, v) in old { m.update(k) { _ in v } }
        self = m
    }
}
