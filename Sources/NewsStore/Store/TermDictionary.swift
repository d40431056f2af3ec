/// A hash table from folded term bytes to dense ids (in first-seen order), with
/// the bytes kept in one arena: no `String` and no allocation per token.
///
/// Design rules: open addressing with linear probing over a power-of-two slot
/// array; a slot holds the term's 32-bit hash and `id + 1` (0 = empty), so a
/// probe compares hashes without touching other memory; the table doubles at
/// 50% load and growing never rereads the bytes.

struct TermDictionary {
    private(set) var bytes: [UInt8] = []
    private(set) var offsets: [Int32] = [0]
    private var count_ = 0
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 1 << 12) {
        var c = 16
        while c < capacity * 2 { c <<= 1 }
        slots = [UInt64](repeating: 0, count: c)
        mask = c - 1
        bytes.reserveCapacity(capacity * 8)
    }

    var count: Int { count_ }

    /// The bytes of a term id.
    func term(_ id: Int) -> ArraySlice<UInt8> { bytes[Int(offsets[id])..<Int(offsets[id + 1])] }

    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in key { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    /// The id of `key`, inserting it when new.
    @inline(__always)
    mutating func id(_ key: UnsafeBufferPointer<UInt8>) -> Int32 { id(key, hash: TermDictionary.hash(key)) }

    /// The id of `key` whose `hash` the caller computed while folding it.
    @inline(__always)
    mutating func id(_ key: UnsafeBufferPointer<UInt8>, hash h: UInt32) -> Int32 {
        var s = Int(h) & mask
        while true {
            let v = slots[s]
            if v == 0 { break }
            if UInt32(truncatingIfNeeded: v >> 32) == h {
                let id = Int(UInt32(truncatingIfNeeded: v)) - 1
                if equals(id, key) { return Int32(id) }
            }
            s = (s + 1) & mask
        }
        let id = Int32(count_)
        count_ += 1
        bytes.append(contentsOf: key)
        offsets.append(Int32(bytes.count))
        slots[s] = UInt64(h) << 32 | UInt64(id + 1)
        if count_ * 2 > slots.count { grow() }
        return id
    }

    /// The id of `key` when present.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = TermDictionary.hash(key)
        var s = Int(h) & mask
        while true {
            let v = slots[s]
            if v == 0 { return nil }
            if UInt32(truncatingIfNeeded: v >> 32) == h {
                let id = Int(UInt32(truncatingIfNeeded: v)) - 1
                if equals(id, key) { return Int32(id) }
            }
            s = (s + 1) & mask
        }
    }

    @inline(__always)
    private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let lo = Int(offsets[id]), hi = Int(offsets[id + 1])
        guard hi - lo == key.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            var k = 0
            while k < key.count { if b[lo + k] != key[k] { return false }; k += 1 }
            return true
        }
    }

    private mutating func grow() {
        let c = slots.count * 2
        var fresh = [UInt64](repeating: 0, count: c)
        let m = c - 1
        for v in slots where v != 0 {
            var s = Int(UInt32(truncatingIfNeeded: v >> 32)) & m
            while fresh[s] != 0 { s = (s + 1) & m }
            fresh[s] = v
        }
        slots = fresh
        mask = m
    }
}
