/// A hash table from folded term bytes to dense ids (in first-seen order), with
/// the bytes kept in one arena: no `String` and no allocation per token.
///
/// Design rules: open addressing with linear probing over a power-of-two slot
/// array holding `id + 1` (0 = empty); the table doubles at 50% load; the hash
/// of each term is kept so growing never rereads the bytes.
struct TermDictionary {
    private(set) var bytes: [UInt8] = []
    private(set) var offsets: [Int32] = [0]
    private var hashes: [UInt32] = []
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 1 << 12) {
        var c = 16
        while c < capacity * 2 { c <<= 1 }
        slots = [Int32](repeating: 0, count: c)
        mask = c - 1
        bytes.reserveCapacity(capacity * 8)
    }

    var count: Int { hashes.count }

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
            let id = Int(v - 1)
            if hashes[id] == h, equals(id, key) { return Int32(id) }
            s = (s + 1) & mask
        }
        let id = Int32(hashes.count)
        hashes.append(h)
        bytes.append(contentsOf: key)
        offsets.append(Int32(bytes.count))
        slots[s] = id + 1
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `key` when present.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let h = TermDictionary.hash(key)
        var s = Int(h) & mask
        while true {
            let v = slots[s]
            if v == 0 { return nil }
            let id = Int(v - 1)
            if hashes[id] == h, equals(id, key) { return Int32(id) }
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
        var fresh = [Int32](repeating: 0, count: c)
        let m = c - 1
        for (id, h) in hashes.enumerated() {
            var s = Int(h) & m
            while fresh[s] != 0 { s = (s + 1) & m }
            fresh[s] = Int32(id + 1)
        }
        slots = fresh
        mask = m
    }
}
