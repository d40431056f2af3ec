/// A fast reader for the flat JSON objects of article records: string,
/// number, true/false/null values and arrays of them, keys lowercased.
///
/// Design rules:
/// - Works on UTF-8 bytes already validated; a string without escapes is one
///   slice decoded once. Anything else (nested objects, bad syntax) returns
///   nil and the caller falls back to `JSONSerialization`, which also gives the
///   error; so the fast path never changes what loads, only how fast.

enum RecordJSON {
    static func object(_ b: UnsafeBufferPointer<UInt8>) -> [String: String]? {
        var i = 0
        let n = b.count
        @inline(__always) func skipSpace() { while i < n, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 } }
        func string() -> String? {
            guard i < n, b[i] == 0x22 else { return nil }
            i += 1
            let start = i
            while i < n, b[i] != 0x22, b[i] != 0x5C { i += 1 }
            guard i < n else { return nil }
            if b[i] == 0x22 {
                let s = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            var out = [UInt8](UnsafeBufferPointer(rebasing: b[start..<i]))
            while i < n {
                let c = b[i]
                if c == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
                if c != 0x5C { out.append(c); i += 1; continue }
                guard i + 1 < n else { return nil }
                let e = b[i + 1]
                i += 2
                switch e {
                case 0x22: out.append(0x22)
                case 0x5C: out.append(0x5C)
                case 0x2F: out.append(0x2F)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    guard var v = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(v) {
                        guard i + 1 < n, b[i] == 0x5C, b[i + 1] == 0x75 else { return nil }
                        i += 2
                        guard let lo = hex4(), (0xDC00..<0xE000).contains(lo) else { return nil }
                        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(v) { return nil }
                    guard let scalar = Unicode.Scalar(v) else { return nil }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: return nil
                }
            }
            return nil
        }
        func hex4() -> UInt32? {
            guard i + 4 <= n else { return nil }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = b[i]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: return nil
                }
                v = v * 16 + d
                i += 1
            }
            return v
        }
        /// A scalar value as text (nil for null); `ok` false on a syntax error.
        func scalar() -> (value: String?, ok: Bool) {
            guard i < n else { return (nil, false) }
            switch b[i] {
            case 0x22: let s = string(); return (s, s != nil)
            case 0x74: if match("true") { return ("true", true) }; return (nil, false)
            case 0x66: if match("false") { return ("false", true) }; return (nil, false)
            case 0x6E: if match("null") { return (nil, true) }; return (nil, false)
            case 0x2D, 0x30...0x39:
                let start = i
                while i < n, (0x30...0x39).contains(b[i]) || [0x2D, 0x2B, 0x2E, 0x65, 0x45].contains(b[i]) { i += 1 }
                return (String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self), true)
            default: return (nil, false)
            }
        }
        func match(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= n else { return false }
            for k in 0..<w.count where b[i + k] != w[k] { return false }
            i += w.count
            return true
        }
        skipSpace()
        guard i < n, b[i] == 0x7B else { return nil }
        i += 1
        var out: [String: String] = [:]
        skipSpace()
        if i < n, b[i] == 0x7D { i += 1; skipSpace(); return i == n ? out : nil }
        while true {
            skipSpace()
            guard let key = string() else { return nil }
            skipSpace()
            guard i < n, b[i] == 0x3A else { return nil }
            i += 1
            skipSpace()
            var value: String?
            if i < n, b[i] == 0x5B {
                i += 1
                var parts: [String] = []
                skipSpace()
                if i < n, b[i] == 0x5D { i += 1 } else {
                    while true {
                        skipSpace()
                        let (v, ok) = scalar()
                        guard ok else { return nil }
                        if let v, i > 0, b[i - 1] == 0x22 { parts.append(v) }
                        skipSpace()
                        guard i < n else { return nil }
                        if b[i] == 0x2C { i += 1; continue }
                        if b[i] == 0x5D { i += 1; break }
                        return nil
                    }
                }
                value = parts.isEmpty ? nil : parts.joined(separator: ", ")
            } else {
                let (v, ok) = scalar()
                guard ok else { return nil }
                value = v
            }
            let lk = key.lowercased()
            if let value, out[lk] == nil { out[lk] = value }
            skipSpace()
            guard i < n else { return nil }
            if b[i] == 0x2C { i += 1; continue }
            if b[i] == 0x7D { i += 1; break }
            return nil
        }
        skipSpace()
        return i == n ? out : nil
    }
}
