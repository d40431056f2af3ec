/// The layout of a plain-text article: its headline line, its body, and the
/// paragraphs of the body as trimmed byte ranges.
///
/// Design rules:
/// - Headline: a headline given by the caller (a manifest, a record's title) is
///   looked for among the first lines and, when found, the body starts after it.
///   Without one, leading navigation lines (bullets, "1. Home", very short or
///   lowercase-initial lines) are skipped and the next line is the headline when
///   it looks like one: 3-30 words, at most 200 bytes, no final period/comma/colon.
///   A text that starts with a sentence (002 of the sample) has no headline.
/// - Paragraphs: the body is cut into blocks at blank lines; each line of a
///   block is its own paragraph (web copies put one paragraph, caption or list
///   item per line), unless the block is hard-wrapped prose (most of its line
///   breaks are followed by a lowercase letter), which stays one paragraph.
/// - The headline is a draft of its own (role `title`), and every non-empty
///   line above it (navigation, datelines of a web copy) one of role
///   `preamble`, so the paragraphs cover all of the text.
struct TextLayout {
    /// What the caller knows about the headline.
    enum HeadlineHint {
        case detect
        case none
        case given(String)
        /// A headline known not to be in the text (a record whose body does
        /// not start with its title): the builder puts it in front.
        case absent(String)
    }

    /// Where a draft stands in the article.
    enum Role { case preamble, title, text }

    /// A paragraph before classification.
    struct Draft {
        var range: Range<Int>
        var block: Int
        /// Line number inside its block (0-based) and the block's line count.
        var line: Int
        var blockLines: Int
        var role: Role = .text
    }

    var headline: Range<Int>?
    var title: String?
    var body: Range<Int>
    var drafts: [Draft]

    init(_ t: TextBytes, hint: HeadlineHint) {
        let all = 0..<t.count
        let lines = t.lines(in: all)
        var lineEnds: [Int] = []
        for (i, b) in t.bytes.enumerated() where b == 0x0A { lineEnds.append(i) }
        lineEnds.append(t.count)
        var head: Int?
        switch hint {
        case .none: head = nil
        case .given(let h), .absent(let h): head = TextLayout.find(headline: h, in: lines, t)
        case .detect: head = TextLayout.detectHeadline(lines, t)
        }
        switch hint {
        case .given(let h), .absent(let h): title = h
        case .detect: title = head.map { t.string(lines[$0]) }
        case .none: title = nil
        }
        headline = head.map { lines[$0] }
        let bodyStart = head.map { lineEnds[$0] } ?? 0
        body = t.trim(min(bodyStart, t.count)..<t.count)
        var top: [Draft] = []
        if let h = head {
            for (i, r) in lines.prefix(h).enumerated() where !r.isEmpty {
                top.append(Draft(range: r, block: -1, line: i, blockLines: h, role: .preamble))
            }
            top.append(Draft(range: lines[h], block: -1, line: 0, blockLines: 1, role: .title))
        }
        drafts = top + TextLayout.paragraphs(of: lines, from: head.map { $0 + 1 } ?? 0, t)
    }

    /// The drafts below the headline (what the paragraph classifier judges).
    var textDrafts: ArraySlice<Draft> { drafts.drop(while: { $0.role != .text }) }

    /// Index of the line equal to the headline (ignoring case, quotes, spaces).
    static func find(headline: String, in lines: [Range<Int>], _ t: TextBytes) -> Int? {
        let want = Tokenizer.tokens(headline).map(\.folded)
        guard !want.isEmpty else { return nil }
        let limit = headline.utf8.count * 2 + 16
        for (i, r) in lines.prefix(40).enumerated() where !r.isEmpty && r.count <= limit {
            if Tokenizer.tokens(Substring(t.string(r)), base: 0).map(\.folded) == want { return i }
        }
        return nil
    }

    static func detectHeadline(_ lines: [Range<Int>], _ t: TextBytes) -> Int? {
        var skipped = 0
        for (i, r) in lines.enumerated() where !r.isEmpty {
            let s = t.string(r)
            let furniture = ParagraphClassifier.isBoilerplateLine(s)
            // the first line of hard-wrapped prose goes on lowercase on the next line: no headline
            let continued = i + 1 < lines.count && !lines[i + 1].isEmpty && { let b = t.bytes[lines[i + 1].lowerBound]; return b >= 0x61 && b <= 0x7A }()
            if looksLikeHeadline(s), !furniture, !continued { return i }
            if furniture, skipped < 10 { skipped += 1; continue }
            guard looksLikeNavigation(s), skipped < 10 else { return nil }
            skipped += 1
        }
        return nil
    }

    static func looksLikeHeadline(_ s: String) -> Bool {
        guard s.utf8.count <= 200, let first = s.unicodeScalars.first,
              first.properties.isUppercase || first.properties.numericType != nil || first == "\"" || first == "“" || first == "'" || first == "‘"
        else { return false }
        let words = s.split(separator: " ").count
        guard (3...30).contains(words), let last = s.last else { return false }
        return !".,:;".contains(last)
    }

    static func looksLikeNavigation(_ s: String) -> Bool {
        if let f = s.unicodeScalars.first, f.properties.isLowercase { return true }
        if s.hasPrefix("•") || s.hasPrefix("·") || s.hasPrefix("-") || s.hasPrefix("*") || s.hasPrefix("|") { return true }
        let words = s.split(separator: " ")
        if let w = words.first, w.hasSuffix("."), w.dropLast().allSatisfy(\.isNumber), !w.dropLast().isEmpty { return true }
        return words.count <= 3
    }

    /// Paragraph drafts of the lines from `start` on.
    static func paragraphs(of lines: [Range<Int>], from start: Int, _ t: TextBytes) -> [Draft] {
        var out: [Draft] = []
        var block: [Range<Int>] = []
        var blockNo = 0
        func flush() {
            guard !block.isEmpty else { return }
            if block.count > 1, isHardWrapped(block, t) {
                out.append(Draft(range: block.first!.lowerBound..<block.last!.upperBound, block: blockNo, line: 0, blockLines: 1))
            } else {
                for (k, r) in block.enumerated() { out.append(Draft(range: r, block: blockNo, line: k, blockLines: block.count)) }
            }
            block.removeAll()
            blockNo += 1
        }
        for r in lines.dropFirst(start) {
            if r.isEmpty { flush() } else { block.append(r) }
        }
        flush()
        return out
    }

    /// Hard-wrapped prose: at least half the continuation lines start lowercase.
    static func isHardWrapped(_ block: [Range<Int>], _ t: TextBytes) -> Bool {
        var lower = 0
        for r in block.dropFirst() {
            let b = t.bytes[r.lowerBound]
            if (b >= 0x61 && b <= 0x7A) || b == 0x28 || b == 0x2C { lower += 1 }
        }
        return lower * 2 >= block.count - 1
    }
}
