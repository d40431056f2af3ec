/// Reproducible random choice for `sample N seed S` (SplitMix64).

public struct Sampler {
    var state: UInt64

    public init(seed: Int) { state = UInt64(bitPattern: Int64(seed)) &+ 0x9E37_79B9_7F4A_7C15 }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `k` distinct indexes of `0..<n`, in increasing order.
    public mutating func choose(_ k: Int, of n: Int) -> [Int] {
        guard k < n else { return Array(0..<n) }
        var idx = Array(0..<n)
        for i in 0..<k {
            let j = i + Int(next() % UInt64(n - i))
            idx.swapAt(i, j)
        }
        return idx.prefix(k).sorted()
    }
}
