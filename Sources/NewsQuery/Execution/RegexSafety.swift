/// A static look at a `/regex/` before it runs, rejecting the shapes that make
/// a backtracking matcher (Swift's `Regex`) take exponential time.
///
/// Design rules:
/// - Swift's `Regex` has no step budget and cannot be interrupted, so the
///   shapes known to explode are refused at bind time with a message that says
///   why: a repeated group that itself holds a repetition (`(a+)+`, `(\w+\s?)*`,
///   `(.*,){9}`), and back-references (`\1`, `\k<name>`).
/// - This is a first line only; the statement runner's per-match watchdog
///   (`RegexWatch`) stops whatever slips through (`a?a?a?…aaa`, `(a|a)*b`).

enum RegexSafety {
    /// Why the pattern is refused, or nil when it may run.
    static func problem(in pattern: String) -> String? {
        let chars = Array(pattern.unicodeScalars)
        /// Per open group: did its content repeat something?
        var groups: [Bool] = []
        var i = 0
        /// The last thing read could be repeated, and whether it was a group that repeats inside.
        var lastWasRepeatingGroup = false
        var inClass = false
        while i < chars.count {
            let c = chars[i]
            if inClass {
                if c == "\\" { i += 2; continue }
                if c == "]" { inClass = false }
                i += 1
                continue
            }
            switch c {
            case "\\":
                if i + 1 < chars.count {
                    let e = chars[i + 1]
                    if ("1"..."9").contains(e) || e == "k" || e == "g" {
                        return "back-references (\\\(e)…) can take exponential time and are not supported"
                    }
                }
                lastWasRepeatingGroup = false
                i += 2
                continue
            case "[":
                inClass = true
                lastWasRepeatingGroup = false
                i += 1
                if i < chars.count && chars[i] == "^" { i += 1 }
                if i < chars.count && chars[i] == "]" { i += 1 }
                continue
            case "(":
                groups.append(false)
                lastWasRepeatingGroup = false
                i += 1
                // `(?:`, `(?i)`, `(?<name>`: the `?` is not a quantifier.
                if i < chars.count && chars[i] == "?" { i += 1 }
                continue
            case ")":
                let inner = groups.popLast() ?? false
                if inner && !groups.isEmpty { groups[groups.count - 1] = true }
                lastWasRepeatingGroup = inner
                i += 1
                continue
            case "*", "+", "?", "{":
                var repeats = c != "?"
                var end = i + 1
                if c == "{" {
                    // {n}, {n,}, {n,m}: repeats when it can match more than once.
                    var j = i + 1
                    var text = ""
                    while j < chars.count && chars[j] != "}" && text.count < 20 { text.unicodeScalars.append(chars[j]); j += 1 }
                    guard j < chars.count, chars[j] == "}",
                          text.allSatisfy({ $0.isNumber || $0 == "," }), !text.isEmpty else {
                        lastWasRepeatingGroup = false
                        i += 1
                        continue // a literal `{`
                    }
                    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
                    let high = parts.count == 1 ? Int(parts[0]) : Int(parts[1])
                    repeats = high.map { $0 > 1 } ?? true
                    end = j + 1
                }
                if repeats && lastWasRepeatingGroup {
                    return "a repeated group that itself repeats (like (a+)+ or (\\w+\\s?)*) can take exponential time"
                }
                // The enclosing group now holds a quantifier.
                if !groups.isEmpty { groups[groups.count - 1] = true }
                lastWasRepeatingGroup = false
                // A lazy or possessive mark after the quantifier.
                if end < chars.count && (chars[end] == "?" || chars[end] == "+") { end += 1 }
                i = end
                continue
            default:
                lastWasRepeatingGroup = false
                i += 1
            }
        }
        return nil
    }
}
