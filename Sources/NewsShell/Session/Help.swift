import NewsCore
import NewsQuery

/// Help texts: one entry per stage and source, each with a worked example
/// that runs on the sample corpus (a test runs every example).
public enum Help {
    /// The first clause of a summary, for one-line lists: up to the first ": ", "; " or ". ".
    static func headline(_ summary: String) -> String {
        var end = summary.endIndex
        for mark in [": ", "; ", ". "] {
            if let r = summary.range(of: mark), r.lowerBound < end { end = r.lowerBound }
        }
        var line = String(summary[..<end])
        if line.hasSuffix(".") { line.removeLast() }
        return line
    }

    public struct Topic {
        public var name: String
        public var syntax: String
        public var summary: String
        public var example: String
        /// More lines shown as they are (formulas, option lists), after the summary.
        public var details: String = ""
    }

    /// One topic per stage, from the stage catalogue.
    public static let stages: [Topic] = StageCatalog.all.map {
        Topic(name: $0.name, syntax: $0.syntax, summary: $0.summary, example: $0.example, details: $0.details)
    }

    public static let sources: [Topic] = [
        Topic(name: "articles", syntax: "articles", summary: "One row per article: id, title, source, date, author, url, body, words.",
              example: "articles | select id, source, date, title"),
        Topic(name: "paragraphs", syntax: "paragraphs", summary: "One row per paragraph: id, article, n, text, kind (title, body, caption, boilerplate; the headline is a paragraph of kind title), words, duplicate; article.FIELD reaches the article.",
              example: "paragraphs | count by kind"),
        Topic(name: "sentences", syntax: "sentences", summary: "One row per sentence: id, article, paragraph, n, text, kind (its paragraph's), words, duplicate; article.FIELD reaches the article.",
              example: "sentences | search \"Lo Chih-cheng\" | select article.source, text"),
        Topic(name: "quotes", syntax: "quotes", summary: "One row per direct quotation: id, article, speaker (an entity's name, or the words naming an unnamed speaker), named (false for an unnamed speaker), entity (the speaker's entity, null when unnamed), text, cue (said, told, added, …), sentence, words; article.FIELD reaches the article. Computed on first use.",
              example: "quotes | where speaker == \"Lo Chih-cheng\" | select article.source, text"),
        Topic(name: "entities", syntax: "entities", summary: "One row per person, organisation or place, forms merged (Sato / Masahisa Sato, LDP / Liberal Democratic Party): name, kind, aliases, articles, mentions. Computed on first use.",
              example: "entities | where kind == \"person\" | top 5 by mentions"),
        Topic(name: "mentions", syntax: "mentions", summary: "One row per mention of an entity: entity, kind, article, sentence, text (as written); article.FIELD reaches the article.",
              example: "mentions | where entity == \"Masahisa Sato\" | count by text"),
        Topic(name: "shared", syntax: "shared", summary: "One row per passage of 8+ words found in 2+ articles: text, words, articles (list of ids), first (the earliest article), n (number of articles).",
              example: "shared | select first, n, text"),
        Topic(name: "boilerplate", syntax: "paragraphs | where kind == \"boilerplate\"",
              summary: "Paragraph and sentence search, word counts and the derived sources (entities, quotes, shared) see body and caption paragraphs once: boilerplate (navigation, related lists, subscription and comment blurbs, bylines, tag lists) and repeated paragraphs (duplicate) are left out. .boilerplate on makes article search see each article whole, as loaded (as SQLite FTS5 does). To see everything else, read paragraphs and filter with where: their text, kind and duplicate fields cover every line as loaded.",
              example: "paragraphs | where kind == \"boilerplate\" and contains(text, \"Popcat\") | select article, n, text"),
        Topic(name: "let", syntax: "let NAME = PIPELINE", summary: "Keeps a result under a name; the name is then a source.",
              example: "let nw = articles | where source == \"Newsweek\""),
        Topic(name: "explain", syntax: "explain [analyze|verbose] PIPELINE",
              summary: "Shows the optimized plan; analyze runs it and shows rows and time per operator; verbose shows the plan after each rule.",
              example: "explain articles | search china | where source == \"Newsweek\" | sort by score desc | take 2"),
    ] + [showTopic, whyTopic]

    /// The error and warning codes, as help topics, once the word typed starts like one
    /// (`E0`, `W06`).
    static func codesAfter(_ typed: String) -> [String] {
        let word = typed.split(separator: " ").last.map(String.init) ?? ""
        guard let first = word.first, first == "E" || first == "W" else { return [] }
        return DiagnosticCode.allCases.map(\.rawValue).filter { $0.first == first }
    }

    public static func topic(_ name: String) -> Topic? {
        (stages + sources).first { $0.name == name }
    }

    public static func render(_ t: Topic) -> String {
        "\(t.syntax)\n\n\(wrap(t.summary, width: 76))\n" + (t.details.isEmpty ? "" : "\n" + t.details) + "\nExample:\n  \(t.example)\n"
    }

    /// Words wrapped to a width.
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}

extension Session {
    /// `help` / `help TOPIC` / `.help TOPIC`.
    func showHelp(_ topic: String?, origin: SourceOrigin, statement: String, range: Range<Int>?) -> Bool {
        guard let name = topic else {
            out.write(overview())
            return true
        }
        let key = name.hasPrefix(".") ? String(name.dropFirst()) : name
        // an error code (help E0302): its entry in the diagnostics catalogue
        if let code = DiagnosticCode(code: key) {
            out.write(code.explained)
            return true
        }
        if let t = Help.topic(key) {
            out.write(Help.render(t))
            return true
        }
        if let c = DotCommands.find(key) {
            out.write(".\(c.name) \(c.arguments)\n\n\(c.summary)\n" + (Help.commandDetails[c.name].map { "\n" + $0 + "\n" } ?? ""))
            return true
        }
        let all = Help.stages.map(\.name) + Help.sources.map(\.name) + DotCommands.table.map(\.name)
        var help: [String] = []
        if let g = Suggest.closest(to: key, among: all) { help.append("did you mean '\(g)'?") }
        help.append("topics: " + (Help.stages + Help.sources).map(\.name).joined(separator: ", ") + ", a dot-command, or an error or warning code (E0302, W0603)")
        report([Diagnostic(.noHelp, "no help for '\(name)'", range: range, help: help)], statement, origin)
        return false
    }

    func overview() -> String {
        var s = "A statement is a source and stages joined by '|', ended by ';' or a complete line:\n"
        s += "  articles | search \"Taiwan Strait\" | select id, source, title\n\n"
        s += "Sources:\n"
        for t in Help.sources where SourceKind(rawValue: t.name) != nil { s += "  \(pad(t.name, 12)) \(t.summary)\n" }
        s += "\nStages (help STAGE shows an example):\n"
        for t in Help.stages {
            let first = Help.headline(t.summary)
            // A long syntax gets its own line, so the summaries stay in one column.
            s += t.syntax.count > 32 ? "  \(t.syntax)\n  \(pad("", 32)) \(first)\n" : "  \(pad(t.syntax, 32)) \(first)\n"
        }
        s += "\nStatements: let NAME = ...; explain [analyze|verbose] ...; show article ID [search Q]; help TOPIC\n"
        s += "Errors carry a code, as in error[E0302]: unknown field; help E0302 explains it with an example and a fix.\n"
        s += "\nDot-commands:\n"
        for c in DotCommands.table { s += "  \(pad("." + c.name + " " + c.arguments, 24)) \(c.summary)\n" }
        return s
    }

    func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
}
