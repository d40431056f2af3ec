import NewsStore

#if canImport(Glibc)
import Glibc
#endif
import NewsQuery
import NewsCore

/// Tab completion that knows where it is: stage names after `|`, the fields of
/// the rows flowing in inside a stage, corpus values after `source ==`,
/// sources and `let` names at the start, dot-commands, file names after `.read`.
extension Session {
    public func completions(line: String, cursor: Int) -> Completion {
        let bytes = Array(line.utf8)
        let cut = min(max(0, cursor), bytes.count)
        let before = String(decoding: bytes[..<cut], as: UTF8.self)
        let trimmed = before.drop { $0 == " " }

        // Dot-commands and their file arguments.
        if trimmed.hasPrefix(".") {
            if let space = trimmed.firstIndex(of: " ") {
                let command = String(trimmed[trimmed.index(after: trimmed.startIndex)..<space])
                guard ["read", "load", "output", "once", "save"].contains(command) else {
                    if command == "mode" { return complete(before, OutputMode.allCases.map(\.rawValue)) }
                    if command == "help" { return complete(before, Help.stages.map(\.name) + Help.sources.map(\.name) + Help.codesAfter(before)) }
                    if command == "schema" { return complete(before, SourceKind.allCases.map(\.rawValue) + bindingNames) }
                    if ["headers", "timer", "bail", "echo", "pager"].contains(command) { return complete(before, ["on", "off"]) }
                    if command == "tutorial" { return complete(before, tutorialCompletions) }
                    return Completion(start: cut, candidates: [])
                }
                return completeFile(before)
            }
            let start = before.utf8.count - trimmed.utf8.count
            let typed = String(trimmed)
            let names = (DotCommands.table.map { "." + $0.name } + [".exit"]).filter { $0.hasPrefix(typed) }.sorted()
            return Completion(start: start, candidates: names)
        }

        // Inside an open quote after `field ==` (or in `field in [...`): the corpus values.
        if case .quote("\"") = StatementSplitter.scan(before).open,
           let quote = bytes[..<cut].lastIndex(of: UInt8(ascii: "\"")) {
            let head = String(decoding: bytes[..<quote], as: UTF8.self)
            let typed = String(decoding: bytes[(quote + 1)..<cut], as: UTF8.self)
            let toks = Lexer.tokenize(head).0.filter { $0.kind != .end }
            var field: String? = nil
            if toks.count >= 2, toks[toks.count - 1].kind == .equal || toks[toks.count - 1].kind == .notEqual,
               toks[toks.count - 2].kind == .identifier {
                field = toks[toks.count - 2].text
            } else if let open = toks.lastIndex(where: { $0.kind == .lbracket }), open >= 2,
                      toks[open - 1].kind == .keyword(.in), toks[open - 2].kind == .identifier,
                      !toks[open...].contains(where: { $0.kind == .rbracket }) {
                field = toks[open - 2].text
            }
            if let field {
                let source = toks.first.map(\.text) ?? ""
                let values = corpusValues(field, source: source).filter { $0.hasPrefix(typed) }
                return Completion(start: quote, candidates: values.map { "\"\($0)\"" })
            }
            return Completion(start: cut, candidates: [])
        }

        // The statement so far (this line may continue an earlier one; only this line is seen here).
        let (tokens, _) = Lexer.tokenize(before)
        let significant = tokens.filter { $0.kind != .end }
        var wordStart = cut
        var previous = significant
        if let last = significant.last, last.range.upperBound == cut,
           last.kind == .identifier || last.kind == .searchWord || isKeyword(last) {
            wordStart = last.range.lowerBound
            previous.removeLast()
        }
        // A dotted name (`article.so`) completes as one word.
        if previous.count >= 2, previous.last?.kind == .dot,
           previous[previous.count - 2].kind == .identifier,
           previous.last!.range.lowerBound == previous[previous.count - 2].range.upperBound,
           previous.last!.range.upperBound == wordStart {
            wordStart = previous[previous.count - 2].range.lowerBound
            previous.removeLast(2)
        }
        let prefix = String(decoding: bytes[wordStart..<cut], as: UTF8.self)

        // A word of a search (after `search`, or in `why`): the corpus vocabulary.
        let stageStart = (previous.lastIndex { $0.kind == .pipe }).map { $0 + 1 } ?? 0
        let inSearch = stageStart < previous.count
            && (previous[stageStart].kind == .keyword(.search) || (stageStart == 0 && previous[0].text == "why"))
        if inSearch, previous.last?.kind != .pipe, !prefix.isEmpty, prefix.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            let folded = Tokenizer.fold(prefix).lowercased()
            let words = corpus.index.terms(withPrefix: folded, limit: 40)
            if !words.isEmpty { return Completion(start: wordStart, candidates: words) }
        }
        guard let prev = previous.last else {
            return filtered(prefix, wordStart, SourceKind.allCases.map(\.rawValue) + bindingNames + ["let", "explain", "help"])
        }
        switch prev.kind {
        case .pipe:
            return filtered(prefix, wordStart, Parser.stageNames)
        case .keyword(.explain):
            return filtered(prefix, wordStart, ["analyze", "verbose"] + SourceKind.allCases.map(\.rawValue) + bindingNames)
        case .keyword(.analyze), .keyword(.verbose), .assign where previous.count == 3 && previous[0].kind == .keyword(.let):
            return filtered(prefix, wordStart, SourceKind.allCases.map(\.rawValue) + bindingNames)
        case .keyword(.help):
            return filtered(prefix, wordStart, Help.stages.map(\.name) + Help.sources.map(\.name) + Help.codesAfter(prefix))
        case let .keyword(k) where StageCatalog.spec(k.rawValue)?.firstWord != nil:
            // what follows a core stage's keyword (`by` after sort and count), from the catalogue
            return filtered(prefix, wordStart, candidates(StageCatalog.spec(k.rawValue)!.firstWord!))
        case .integer where previous.count >= 2 && previous[previous.count - 2].kind == .keyword(.top):
            return filtered(prefix, wordStart, ["by"])
        case .equal, .notEqual:
            // After `source ==`: the values of that field in the corpus.
            if previous.count >= 2, previous[previous.count - 2].kind == .identifier {
                let field = previous[previous.count - 2].text
                let values = corpusValues(field, source: significant.first?.text ?? "articles")
                if !values.isEmpty {
                    let typed = prefix.hasPrefix("\"") ? String(prefix.dropFirst()) : prefix
                    return Completion(start: wordStart, candidates: values.filter { $0.hasPrefix(typed) }.map { "\"\($0)\"" })
                }
            }
        default:
            break
        }
        if let c = analysisCompletion(previous, prefix, wordStart) { return c }
        // Inside a stage: the fields of the rows flowing in.
        if let fields = fieldsFlowingIn(before, upTo: previous) {
            var names = fields
            if case .identifier = prev.kind {} else if case .keyword(.and) = prev.kind {} else { names += Function.allCases.map(\.rawValue) }
            return filtered(prefix, wordStart, names)
        }
        return Completion(start: cut, candidates: [])
    }

    func isKeyword(_ t: Token) -> Bool {
        if case .keyword = t.kind { return true }
        return false
    }

    func filtered(_ prefix: String, _ start: Int, _ names: [String]) -> Completion {
        var seen = Set<String>()
        let out = names.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }
        return Completion(start: start, candidates: out)
    }

    func complete(_ before: String, _ names: [String]) -> Completion {
        let word = before.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        return filtered(word, before.utf8.count - word.utf8.count, names)
    }

    /// The distinct values of a text field in the corpus (source, author, ...).
    func corpusValues(_ field: String, source: String = "articles") -> [String] {
        // closed sets first (kind of paragraphs, sentences, entities, mentions)
        if let closed = Binder.closedValues["\(source).\(field)"] { return closed }
        // the derived sources: from what is computed already, or at once on a small corpus
        let small = corpus.articles.count <= 2_000
        switch (source, field) {
        case ("quotes", "speaker"), ("quotes", "cue"):
            guard corpus.hasQuotes || small else { return [] }
            let qs = corpus.quotes
            return Array(Set(qs.compactMap { field == "speaker" ? $0.speaker : $0.cue }.filter { $0.count <= 80 })).sorted()
        case ("mentions", "entity"), ("entities", "name"), ("quotes", "entity"):
            guard corpus.hasEntities || small else { return [] }
            return Array(Set(corpus.entityTable.entities.map(\.name))).sorted()
        default: break
        }
        guard let f = SourceKind.articles.field(field), f.type == .text, field != "body" else { return [] }
        let ctx = ExecutionContext(corpus: corpus, interrupt: interrupt)
        var set = Set<String>()
        for i in corpus.articles.indices.prefix(100_000) {
            if case let .string(s) = ctx.field(.articles, field, i), s.count <= 80 { set.insert(s) }
        }
        return set.sorted()
    }

    /// The names usable in the stage being typed: binds the pipeline before its last `|`.
    func fieldsFlowingIn(_ text: String, upTo tokens: [Token]) -> [String]? {
        guard let lastPipe = tokens.lastIndex(where: { $0.kind == .pipe }) else { return nil }
        let end = tokens[lastPipe].range.lowerBound
        var startIndex = 0
        if tokens.first?.kind == .keyword(.let), tokens.count > 2 { startIndex = 3 }
        if tokens.first?.kind == .keyword(.explain) {
            startIndex = 1
            if tokens.count > 1, tokens[1].kind == .keyword(.analyze) || tokens[1].kind == .keyword(.verbose) { startIndex = 2 }
        }
        guard startIndex < tokens.count else { return nil }
        let begin = tokens[startIndex].range.lowerBound
        guard begin < end else { return nil }
        let head = String(decoding: Array(text.utf8)[begin..<end], as: UTF8.self)
        let (parsed, diags) = Parser.parse(head)
        guard case let .query(p) = parsed, !diags.hasErrors else { return nil }
        var binder = Binder(statement: head, bindings: bindings)
        guard let bound = binder.bind(p) else { return nil }
        return bound.schema.availableNames
    }

    /// File names for `.read`, `.load`, ...: entries of the folder typed so far.
    func completeFile(_ before: String) -> Completion {
        let word = before.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        let start = before.utf8.count - word.utf8.count
        let slash = word.lastIndex(of: "/")
        let folder = slash.map { String(word[...$0]) } ?? ""
        let stem = slash.map { String(word[word.index(after: $0)...]) } ?? word
        guard let dir = opendir(folder.isEmpty ? "." : folder) else { return Completion(start: start, candidates: []) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            guard name != ".", name != "..", name.hasPrefix(stem), !(stem.isEmpty && name.hasPrefix(".")) else { continue }
            let isDir = entry.pointee.d_type == UInt8(DT_DIR)
            names.append(folder + name + (isDir ? "/" : ""))
        }
        return Completion(start: start, candidates: names.sorted())
    }
}
