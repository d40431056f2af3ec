import NewsCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a search could not finish.
public enum TextSearchError: Error, Equatable, CustomStringConvertible {
    /// A /regex/ or wildcard ran past its budget over the term dictionary.
    case budget(String)
    /// A /regex/ that does not compile (with the library's reason).
    case badRegex(String)

    public var description: String {
        switch self {
        case let .budget(m), let .badRegex(m): return m
        }
    }
}

/// A POSIX extended regular expression (GNU flavour, case-insensitive),
/// matched against folded index terms. The GNU matcher does not backtrack
/// exponentially, and the enumeration has a time budget, so no pattern hangs.
package final class TermRegex {
    private var re = regex_t()
    let pattern: String

    package init(_ pattern: String) throws {
        self.pattern = pattern
        let rc = regcomp(&re, pattern, REG_EXTENDED | REG_ICASE | REG_NOSUB)
        guard rc == 0 else {
            var buf = [CChar](repeating: 0, count: 256)
            regerror(rc, &re, &buf, buf.count)
            let why = String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            regfree(&re)
            throw TextSearchError.badRegex("this regex does not compile: \(why)")
        }
    }

    deinit { regfree(&re) }

    /// Whether the NUL-terminated term matches anywhere.
    package func matches(_ cString: UnsafePointer<CChar>) -> Bool { regexec(&re, cString, 0, nil, 0) == 0 }

    /// The literal start a `^abc...` pattern forces on every match (folded), else "".
    var anchoredPrefix: String {
        var bytes = Array(pattern.utf8)
        guard bytes.first == UInt8(ascii: "^") else { return "" }
        bytes.removeFirst()
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let isLit = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A)
            if !isLit { break }
            out.append(b | (b >= 0x41 && b <= 0x5A ? 0x20 : 0))
            i += 1
        }
        // A quantifier after the run makes its last letter optional or repeated.
        if i < bytes.count, [UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "{"), UInt8(ascii: "+")].contains(bytes[i]) {
            if !out.isEmpty { out.removeLast() }
        }
        // An alternation anywhere can escape the prefix.
        if bytes.contains(UInt8(ascii: "|")) { return "" }
        return String(decoding: out, as: UTF8.self)
    }
}

extension TextIndex {
    /// Seconds a /regex/ or wildcard may spend over the term dictionary.
    static let termBudgetSeconds = 2.0

    /// Term ids (sorted) whose folded text matches a `?`/`*` wildcard pattern
    /// (already folded): `?` one character, `*` any run, possibly empty.
    func termIDs(wildcard pattern: String) throws -> [Int32] {
        let pat = Array(pattern.utf8)
        let literal = pat.prefix { $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "*") }
        let range = termIDs(prefix: String(decoding: literal, as: UTF8.self))
        var out: [Int32] = []
        let started = monotonicSeconds()
        try termBytes.withUnsafeBufferPointer { tb in
            for id in range {
                if id & 4095 == 0, monotonicSeconds() - started > TextIndex.termBudgetSeconds {
                    throw TextSearchError.budget("the wildcard \(pattern) was cut off after \(Int(TextIndex.termBudgetSeconds)) s over the word list")
                }
                let lo = Int(termOffsets[id]), hi = Int(termOffsets[id + 1])
                if TextIndex.glob(pat, UnsafeBufferPointer(rebasing: tb[lo..<hi])) { out.append(Int32(id)) }
            }
        }
        return out
    }

    /// Term ids (sorted) matching a regex anywhere in the folded word.
    func termIDs(regex: TermRegex) throws -> [Int32] {
        let range = termIDs(prefix: regex.anchoredPrefix)
        var out: [Int32] = []
        var scratch = [CChar](repeating: 0, count: 256)
        let started = monotonicSeconds()
        for id in range {
            if id & 1023 == 0, monotonicSeconds() - started > TextIndex.termBudgetSeconds {
                throw TextSearchError.budget("the regex /\(regex.pattern)/ was cut off after \(Int(TextIndex.termBudgetSeconds)) s over the word list; anchor it (/^secur/) or make it simpler")
            }
            let lo = Int(termOffsets[id]), hi = Int(termOffsets[id + 1])
            if hi - lo + 1 > scratch.count { scratch = [CChar](repeating: 0, count: hi - lo + 1) }
            for k in lo..<hi { scratch[k - lo] = CChar(bitPattern: termBytes[k]) }
            scratch[hi - lo] = 0
            if scratch.withUnsafeBufferPointer({ regex.matches($0.baseAddress!) }) { out.append(Int32(id)) }
        }
        return out
    }

    /// Glob match over UTF-8: `?` is one scalar, `*` any run of bytes.
    package static func glob(_ p: [UInt8], _ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0, j = 0
        var star = -1, mark = 0
        while j < s.count {
            if i < p.count, p[i] == UInt8(ascii: "?") {
                i += 1
                j += 1
                while j < s.count, s[j] & 0xC0 == 0x80 { j += 1 }
            } else if i < p.count, p[i] == UInt8(ascii: "*") {
                star = i; mark = j; i += 1
            } else if i < p.count, p[i] == s[j] {
                i += 1; j += 1
            } else if star >= 0 {
                i = star + 1
                mark += 1
                while mark < s.count, s[mark] & 0xC0 == 0x80 { mark += 1 }
                j = mark
            } else {
                return false
            }
        }
        while i < p.count, p[i] == UInt8(ascii: "*") { i += 1 }
        return i == p.count
    }
}
