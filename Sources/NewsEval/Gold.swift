import Foundation

/// One article's hand annotation (eval/README.md gives the rules).
public struct GoldArticle: Codable, Sendable {
    public struct Entity: Codable, Sendable {
        public var name: String
        public var kind: String
        public var alt_kind: String?
        public var forms: [String]
    }
    public struct Quote: Codable, Sendable {
        public var text: String
        public var speaker: String?
        public var description: String?
        public var optional: Bool?
    }
    public var id: String
    public var source: String?
    public var entities: [Entity]
    public var quotes: [Quote]

    /// Reads every `*.json` of a folder, sorted by name.
    public static func loadFolder(_ path: String) throws -> [GoldArticle] {
        let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { n in
            let data = try Data(contentsOf: URL(fileURLWithPath: path + "/" + n))
            do { return try JSONDecoder().decode(GoldArticle.self, from: data) }
            catch { throw EvalError.badFile(path + "/" + n, "\(error)") }
        }
    }
}

/// What a system said of one article: entities with their forms, quotations with speakers.
public struct SystemArticle: Codable, Sendable {
    public struct Entity: Codable, Sendable {
        public var name: String
        public var kind: String
        public var forms: [String]
        public init(name: String, kind: String, forms: [String]) { self.name = name; self.kind = kind; self.forms = forms }
    }
    public struct Quote: Codable, Sendable {
        public var text: String
        /// The speaker's canonical name, or the words describing an unnamed one.
        public var speaker: String?
        /// True when `speaker` names an entity; false for a description or no speaker.
        public var named: Bool
        public init(text: String, speaker: String?, named: Bool) { self.text = text; self.speaker = speaker; self.named = named }
    }
    public var entities: [Entity]
    public var quotes: [Quote]
    public init(entities: [Entity], quotes: [Quote]) { self.entities = entities; self.quotes = quotes }
}

/// A system's output on a set: `{"system": NAME, "articles": {ID: SystemArticle}}`
/// (the shape `eval/train/anchor_spacy.py` writes).
public struct SystemOutput: Codable, Sendable {
    public var system: String
    public var articles: [String: SystemArticle]
    /// Whether it reports quotations at all (spaCy does not).
    public var hasQuotes: Bool { articles.values.contains { !$0.quotes.isEmpty } }
    public init(system: String, articles: [String: SystemArticle]) { self.system = system; self.articles = articles }

    public static func load(_ path: String) throws -> SystemOutput {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        do { return try JSONDecoder().decode(SystemOutput.self, from: data) }
        catch { throw EvalError.badFile(path, "\(error)") }
    }
}

public enum EvalError: Error, CustomStringConvertible {
    case badFile(String, String)
    case missing(String)
    public var description: String {
        switch self {
        case let .badFile(p, why): return "\(p): \(why)"
        case let .missing(what): return what
        }
    }
}
