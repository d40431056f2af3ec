import Foundation

/// Judges each paragraph of an article as body, caption or boilerplate.
///
/// Precision first: a paragraph is body unless one of these simple rules fires.
/// - Boilerplate, from a tail heading on: a line such as "RELATED ARTICLES",
///   "MOST POPULAR", "Leave a Reply", "Read more" after some prose, and
///   everything after it.
/// - Boilerplate lines: site furniture ("Advertisement", "Share this", "Tags:",
///   "© 2021 …", "Sign up", share-button words alone); numbers only (view counts); a date/time stamp alone or
///   "Updated : 2021-08-19 …"; bylines ("By Keoni Everington, …", "Additional
///   reporting by …"); subscription pitches (and, in the article's last block,
///   the lines around them); runs of 3+ short unpunctuated lines in one block
///   (tag and link lists).
/// - Caption: a photo credit: "©", a trailing "| REUTERS", "File photo:", a
///   parenthesised credit "(Getty Images)", or a trailing "Name/Agency" credit
///   without a final period; and a short unpunctuated line directly above a
///   caption in the same block (the caption's title).
enum ParagraphClassifier {
    static let tailHeadings: Set<String> = [
        "related articles", "related", "related stories", "related news", "most popular", "most read",
        "read more", "leave a reply", "leave a comment", "comments", "you may also like",
        "recommended", "more stories", "trending", "popular", "share this", "share this article",
    ]

    static func classify(_ drafts: [TextLayout.Draft], _ t: TextBytes) -> [ParagraphKind] {
        let texts = drafts.map { t.string($0.range) }
        var kinds = [ParagraphKind](repeating: .body, count: drafts.count)
        var tail = false
        var proseSeen = false
        let lastBlock = drafts.last?.block
        for (i, s) in texts.enumerated() {
            // a tail heading ends the article only after some prose ("Share this" above the text does not)
            if !tail, proseSeen, s.utf8.count <= 40, tailHeadings.contains(headingKey(s)) { tail = true }
            if !proseSeen, s.utf8.count >= 60, endsSentence(s), !isBoilerplateLine(s) { proseSeen = true }
            if tail || isBoilerplateLine(s) {
                kinds[i] = .boilerplate
            } else if isCaption(s) {
                kinds[i] = .caption
            }
        }
        // subscription pitch in the last block: the whole block
        // (only below some text of the article's own: a one-block post that
        // talks about subscribing is the article)
        if let lb = lastBlock, drafts.indices.contains(where: { drafts[$0].block != lb && kinds[$0] == .body }),
           drafts.indices.contains(where: { drafts[$0].block == lb && isSubscription(texts[$0]) }) {
            for i in drafts.indices where drafts[i].block == lb { kinds[i] = .boilerplate }
        }
        markLists(drafts, texts, &kinds)
        // a caption's title line
        for i in drafts.indices.dropLast().reversed() where kinds[i] == .body && kinds[i + 1] == .caption {
            if drafts[i].block == drafts[i + 1].block, texts[i].utf8.count <= 100, !endsSentence(texts[i]) {
                kinds[i] = .caption
            }
        }
        // a line repeating a caption title elsewhere is one too, and so is the
        // line right below it in its block (captions without a credit)
        let titles = Set(drafts.indices.filter { kinds[$0] == .caption && !endsSentence(texts[$0]) && texts[$0].utf8.count <= 100 }.map { texts[$0] })
        for i in drafts.indices where kinds[i] == .body && titles.contains(texts[i]) {
            kinds[i] = .caption
            var j = i + 1
            while j < drafts.count, drafts[j].block == drafts[i].block, kinds[j] == .body {
                kinds[j] = .caption
                if texts[j] != texts[i] { break }
                j += 1
            }
        }
        // An article is never all furniture: with nothing else left, it is body.
        if !kinds.isEmpty, kinds.allSatisfy({ $0 == .boilerplate }) {
            kinds = [ParagraphKind](repeating: .body, count: kinds.count)
        }
        return kinds
    }

    /// Runs of 3+ short unpunctuated lines inside one block become boilerplate.
    static func markLists(_ drafts: [TextLayout.Draft], _ texts: [String], _ kinds: inout [ParagraphKind]) {
        var i = 0
        while i < drafts.count {
            var j = i
            while j < drafts.count, drafts[j].block == drafts[i].block, drafts[j].blockLines > 1,
                  texts[j].utf8.count <= 40, !endsSentence(texts[j]) { j += 1 }
            if j - i >= 3 { for k in i..<j { kinds[k] = .boilerplate } }
            i = max(j, i + 1)
        }
    }

    static func endsSentence(_ s: String) -> Bool {
        guard let c = s.last else { return false }
        return ".!?\"”’:".contains(c)
    }

    static func isBoilerplateLine(_ s: String) -> Bool {
        guard s.utf8.count <= 300 else { return false }
        let lower = s.prefix(30).lowercased()
        if s.unicodeScalars.allSatisfy({ $0.properties.numericType != nil || $0 == "," || $0 == "." || $0.properties.isWhitespace }) { return true }
        if isDateStamp(s) { return true }
        for p in ["updated", "published", "posted", "last updated"] where lower.hasPrefix(p) {
            if s.utf8.count <= 80, s.contains(where: \.isNumber) { return true }
        }
        if s.hasPrefix("By "), s.utf8.count <= 100, !s.hasSuffix("."),
           let c = s.dropFirst(3).first, c.isUppercase { return true }
        for p in ["additional reporting by", "reporting by", "editing by", "writing by", "reported by"] where lower.hasPrefix(p) {
            if s.utf8.count <= 200 { return true }
        }
        if isSubscription(s) { return true }
        if s.utf8.count <= 100 {
            for p in boilerplatePrefixes where lower.hasPrefix(p) { return true }
            if s.utf8.count <= 30, shareWords.contains(headingKey(s)) { return true }
        }
        return false
    }

    /// Short lines starting so are site furniture, not text.
    static let boilerplatePrefixes = [
        "advertisement", "share this", "share on ", "follow us", "click here", "sign up", "all rights reserved",
        "copyright ", "© 20", "© 19", "(c) 20", "privacy policy", "terms of use", "terms of service", "cookie",
        "tags:", "topics:", "read more:", "related:", "see also:", "more on this", "skip to ", "log in", "sign in",
        "subscribe ", "watch:", "listen to this", "join the conversation", "comment on this", "filed under",
    ]
    /// Lines that are only a share button or a menu word.
    static let shareWords: Set<String> = [
        "share", "tweet", "email", "print", "facebook", "twitter", "linkedin", "whatsapp", "reddit", "pinterest",
        "menu", "search", "home", "close", "next", "previous", "back to top", "advertisement", "ad", "comments",
    ]

    /// "2021/08/19 11:36", "2021-08-19", "Aug. 19, 2021 12:00 GMT+8" and the like: no words but dates.
    static func isDateStamp(_ s: String) -> Bool {
        guard s.utf8.count <= 40, s.contains(where: \.isNumber) else { return false }
        return s.replacingOccurrences(of: "GMT", with: "").replacingOccurrences(of: "UTC", with: "")
            .allSatisfy { $0.isNumber || "/-:.+, ".contains($0) }
    }

    static func isSubscription(_ s: String) -> Bool {
        guard s.utf8.count <= 300 else { return false }
        return containsASCII(s, "subscrib") || containsASCII(s, "sign up for") || containsASCII(s, "newsletter")
    }

    static func isCaption(_ s: String) -> Bool {
        if s.utf8.count > 600 { return false }
        if s.utf8.contains(0xA9), s.contains("©") { return true }
        let lower = s.prefix(12).lowercased()
        if lower.hasPrefix("file photo") || lower.hasPrefix("photo:") || lower.hasPrefix("pictured:") { return true }
        if s.utf8.contains(0x7C), let bar = s.lastIndex(of: "|") {
            let credit = s[s.index(after: bar)...].trimmingCharacters(in: .whitespaces)
            if !credit.isEmpty, credit.utf8.count <= 40, credit == credit.uppercased(), credit.contains(where: \.isLetter) { return true }
        }
        if s.hasSuffix(")"), let open = s.lastIndex(of: "(") {
            let credit = s[open...].lowercased()
            for w in ["images", "photo", "getty", "reuters", "afp", "ap ", "(ap)", "courtesy", "file"] where credit.contains(w) { return true }
        }
        return hasSlashCredit(s)
    }

    /// Ends in "Name/Agency words" (no final period), the slash within the last 60 bytes.
    static func hasSlashCredit(_ s: String) -> Bool {
        guard !s.hasSuffix("."), s.utf8.contains(0x2F), let slash = s.lastIndex(of: "/") else { return false }
        let after = s[s.index(after: slash)...]
        guard after.utf8.count <= 60, let a = after.first, a.isUppercase,
              after.allSatisfy({ $0.isLetter || $0 == " " || $0 == "." || $0 == "-" }) else { return false }
        let before = s[..<slash]
        guard let b = before.split(separator: " ").last, let b0 = b.first, b0.isUppercase else { return false }
        return b.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" }
    }

    /// Lowercased, without a final colon.
    static func headingKey(_ s: String) -> String {
        let l = s.lowercased()
        return l.hasSuffix(":") ? String(l.dropLast()).trimmingCharacters(in: .whitespaces) : l
    }

    /// Whether `s` contains the lowercase ASCII `needle`, ignoring ASCII case.
    static func containsASCII(_ s: String, _ needle: String) -> Bool {
        let h = Array(s.utf8), n = Array(needle.utf8)
        guard h.count >= n.count else { return false }
        outer: for i in 0...(h.count - n.count) {
            for k in 0..<n.count where h[i + k] | 0x20 != n[k] { continue outer }
            return true
        }
        return false
    }
}
