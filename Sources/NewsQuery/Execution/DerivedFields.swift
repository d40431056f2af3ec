import NewsCore
import NewsStore

/// Field access for the derived sources (quotes, entities, mentions, shared),
/// read from the corpus's analysis tables (computed on first use).
extension ExecutionContext {
    func derivedField(_ source: SourceKind, _ name: String, _ unit: Int) -> Value {
        let c = corpus
        func sentenceID(_ s: Int) -> Value {
            let sen = c.sentences[s]
            return .string("\(c.articles[sen.article].id)#s\(sen.n)")
        }
        switch source {
        case .quotes:
            let q = c.quotes[unit]
            switch name {
            case "id": return .string("\(c.articles[q.article].id)#q\(q.n)")
            case "article": return .string(c.articles[q.article].id)
            case "speaker": return q.speaker.map(Value.string) ?? .null
            case "named": return .bool(q.named)
            case "entity": return q.speakerEntity.map { .string(c.entityTable.entities[$0].name) } ?? .null
            case "text": return .string(q.text)
            case "cue": return q.cue.map(Value.string) ?? .null
            case "sentence": return sentenceID(q.sentence)
            case "words": return .int(Tokenizer.tokens(q.text).count)
            default: return .null
            }
        case .entities:
            let e = c.entityTable.entities[unit]
            switch name {
            case "name": return .string(e.name)
            case "kind": return .string(e.kind.rawValue)
            case "aliases": return .list(e.aliases.map(Value.string))
            case "articles": return .int(e.articles.count)
            case "mentions": return .int(e.mentions.count)
            default: return .null
            }
        case .mentions:
            let t = c.entityTable
            let m = t.mentions[unit]
            switch name {
            case "entity": return .string(t.entities[m.entity].name)
            case "kind": return .string(t.entities[m.entity].kind.rawValue)
            case "article": return .string(c.articles[m.article].id)
            case "sentence": return sentenceID(m.sentence)
            case "text": return .string(m.text)
            default: return .null
            }
        case .shared:
            let p = c.sharedPassages.passages[unit]
            switch name {
            case "text": return .string(p.text)
            case "words": return .int(p.words)
            case "articles": return .list(p.articles.map { .string(c.articles[$0].id) })
            case "first": return .string(c.articles[p.first].id)
            case "n": return .int(p.articles.count)
            default: return .null
            }
        case .articles, .paragraphs, .sentences:
            return .null
        }
    }
}
