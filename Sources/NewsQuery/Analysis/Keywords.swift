import Foundation

/// Keyness measures for `keywords vs REF` (see `help keywords`):
///
///     a, b = the word's frequency in the rows and in the reference
///     c, d = all tokens of the rows and of the reference
///     E1 = c * (a + b) / (c + d),  E2 = d * (a + b) / (c + d)
///     ll = 2 * (a * ln(a / E1) + b * ln(b / E2)), negative when a/c < b/d
///     logratio = log2((a / c) / (b / d)), a zero count taken as 0.5
public enum KeynessMeasure: String, CaseIterable, Sendable {
    case ll, logratio
}

/// One word's keyness.
public struct KeywordScore: Equatable {
    public var item: String
    public var n: Int
    public var refN: Int
    public var perMillion: Double
    public var refPerMillion: Double
    public var ll: Double
    public var logratio: Double
}

public enum Keyness {
    /// Signed log-likelihood: positive when the word is relatively more frequent in the rows.
    public static func logLikelihood(a: Double, b: Double, c: Double, d: Double) -> Double {
        let e1 = c * (a + b) / (c + d), e2 = d * (a + b) / (c + d)
        var g = 0.0
        if a > 0 && e1 > 0 { g += a * log(a / e1) }
        if b > 0 && e2 > 0 { g += b * log(b / e2) }
        let sign: Double = a / c >= b / d ? 1 : -1
        return sign * 2 * g
    }

    /// Hardie's Log Ratio (binary log of the ratio of relative frequencies), zero counts as 0.5.
    public static func logRatio(a: Double, b: Double, c: Double, d: Double) -> Double {
        log2(((a == 0 ? 0.5 : a) / c) / ((b == 0 ? 0.5 : b) / d))
    }

    /// Every word with a + b >= min, sorted by the measure (highest first; negative keywords last).
    public static func compare(_ target: [String: Int], targetTokens: Int, _ reference: [String: Int], referenceTokens: Int,
                               measure: KeynessMeasure, min: Int) -> [KeywordScore] {
        let c = Double(targetTokens), d = Double(referenceTokens)
        guard c > 0, d > 0 else { return [] }
        var out: [KeywordScore] = []
        for item in Set(target.keys).union(reference.keys) {
            let a = target[item] ?? 0, b = reference[item] ?? 0
            guard a + b >= min else { continue }
            let fa = Double(a), fb = Double(b)
            out.append(KeywordScore(item: item, n: a, refN: b, perMillion: fa * 1_000_000 / c, refPerMillion: fb * 1_000_000 / d,
                                ll: logLikelihood(a: fa, b: fb, c: c, d: d), logratio: logRatio(a: fa, b: fb, c: c, d: d)))
        }
        return out.sorted { x, y in
            let (p, q) = measure == .ll ? (x.ll, y.ll) : (x.logratio, y.logratio)
            if p != q { return p > q }
            if x.n != y.n { return x.n > y.n }
            return x.item < y.item
        }
    }
}
