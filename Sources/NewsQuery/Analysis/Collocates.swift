import Foundation
import NewsStore

/// Association measures for collocations (see `help collocates`):
///
///     O  = observed: times the word occurs in the windows around the matches
///          (a token in two overlapping windows counts once)
///     W  = window tokens: all tokens counted in those windows
///     f  = frequency of the word in the rows, N = all tokens of the rows
///     fn = matches of the node (the query)
///     E  = expected = W * f / N
///     mi      = log2(O / E)
///     t       = (O - E) / sqrt(O)
///     logdice = 14 + log2(2 * O / (fn + f))
///     ll      = 2 * sum(Oij * ln(Oij / Eij)) over the 2x2 table
///               [O, W - O; f - O, N - W - f + O], Eij = row total * column total / N;
///               negative when O < E (the word keeps away from the node)
public enum CollocationMeasure: String, CaseIterable, Sendable {
    case mi, t, ll, logdice
}

/// One collocate with its counts and every measure.
public struct Collocate: Equatable {
    public var item: String
    public var observed: Int
    public var expected: Double
    public var frequency: Int
    public var mi: Double
    public var t: Double
    public var ll: Double
    public var logdice: Double

    public func value(_ m: CollocationMeasure) -> Double {
        switch m {
        case .mi: return mi
        case .t: return t
        case .ll: return ll
        case .logdice: return logdice
        }
    }
}

/// Counts words in windows around the matches of a query.
///
/// Design rules:
/// - A window is `left` tokens before and `right` tokens after each match,
///   inside the unit; the matched tokens themselves are never counted.
/// - A token inside two overlapping windows counts once, so the observed
///   count never exceeds the word's frequency.
public struct CollocationCounter {
    let left: Int, right: Int
    var window: [String: Int] = [:]
    var frequency: [String: Int] = [:]
    public private(set) var tokens = 0
    public private(set) var windowTokens = 0
    public private(set) var nodes = 0

    public init(left: Int, right: Int) { self.left = left; self.right = right }

    /// Adds a unit: its tokens (in order) and the matches found in them.
    public mutating func add(tokens ts: [WordToken], matches: [MatchLocator.Span]) {
        add(tokens: ts, nodes: matches.map(\.tokens))
    }

    /// Adds a unit: its words (in order) and the word ranges of the matches.
    public mutating func add(tokens ts: [WordToken], nodes matches: [ClosedRange<Int>]) {
        tokens += ts.count
        for t in ts { frequency[t.folded, default: 0] += 1 }
        var node = Set<Int>()
        for m in matches { for i in m { node.insert(i) } }
        var inWindow = Set<Int>()
        for m in matches {
            nodes += 1
            let lo = max(0, m.lowerBound - left)
            let hi = min(ts.count - 1, m.upperBound + right)
            guard lo <= hi else { continue }
            for i in lo...hi where !node.contains(i) { inWindow.insert(i) }
        }
        for i in inWindow {
            window[ts[i].folded, default: 0] += 1
            windowTokens += 1
        }
    }

    /// The collocates seen at least `min` times, with every measure.
    public func collocates(min: Int) -> [Collocate] {
        let n = Double(tokens), w = Double(windowTokens), fn = Double(nodes)
        return window.filter { $0.value >= min }.map { item, o in
            let f = Double(frequency[item] ?? o)
            let obs = Double(o)
            let e = n > 0 ? w * f / n : 0
            return Collocate(item: item, observed: o, expected: e, frequency: Int(f),
                             mi: log2(obs / e), t: (obs - e) / obs.squareRoot(),
                             ll: (obs < e ? -1 : 1) * CollocationCounter.logLikelihood(o11: obs, o12: w - obs, o21: f - obs, o22: n - w - f + obs),
                             logdice: 14 + log2(2 * obs / (fn + f)))
        }
    }

    /// Dunning's log-likelihood G² of a 2x2 table (negative cells count as 0).
    public static func logLikelihood(o11: Double, o12: Double, o21: Double, o22: Double) -> Double {
        let o = [max(0, o11), max(0, o12), max(0, o21), max(0, o22)]
        let total = o.reduce(0, +)
        guard total > 0 else { return 0 }
        let r = [o[0] + o[1], o[2] + o[3]], c = [o[0] + o[2], o[1] + o[3]]
        var g = 0.0
        for i in 0..<2 {
            for j in 0..<2 {
                let obs = o[i * 2 + j]
                let exp = r[i] * c[j] / total
                if obs > 0 && exp > 0 { g += obs * log(obs / exp) }
            }
        }
        return 2 * g
    }
}
