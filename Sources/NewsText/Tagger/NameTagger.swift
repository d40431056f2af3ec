import Foundation

/// A name the tagger found: token indices of the sentence, kind, and the
/// smallest margin of its tags over the next allowed tag (higher is surer).
struct TaggedSpan: Equatable {
    var tokens: Range<Int>
    var kind: EntityKind
    var confidence: Float
}

/// The learned name tagger: a greedy left-to-right averaged perceptron over
/// BILOU tags (person, org, place), with only legal tag sequences decoded.
///
/// Design rules:
/// - The model (`model.bin`) and the gazetteers are read from the `ner`
///   resource folder on first use, once (`shared`); `NEWSQ_NER_DIR` names
///   another folder, `NEWSQ_TAGGER=off` turns the tagger off. A missing or
///   damaged model makes `shared` nil and the rules run alone.
/// - Sentences without a capitalised token are all O; inside a sentence only
///   the islands around capitalised words are tagged (`TaggerFeatures.islands`).
final class NameTagger: @unchecked Sendable {
    let model: TaggerModel
    let gazetteer: Gazetteer

    init(model: TaggerModel, gazetteer: Gazetteer) {
        self.model = model; self.gazetteer = gazetteer
    }

    /// The tagger of a folder holding `model.bin` and the gazetteer files; nil
    /// when the model is missing or damaged.
    convenience init?(directory: URL) {
        // the model and the gazetteers are read side by side
        var model: TaggerModel?
        var gazetteer: Gazetteer?
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 {
                if let d = FileManager.default.contents(atPath: directory.appendingPathComponent("model.bin").path) {
                    model = TaggerModel.load(d)
                }
            } else {
                gazetteer = Gazetteer(directory: directory)
            }
        }
        guard let model, let gazetteer else { return nil }
        self.init(model: model, gazetteer: gazetteer)
    }

    /// The resource folder `ner` (or `NEWSQ_NER_DIR`).
    static var resourceDirectory: URL? {
        if let env = ProcessInfo.processInfo.environment["NEWSQ_NER_DIR"], !env.isEmpty { return URL(fileURLWithPath: env) }
        return Bundle.module.url(forResource: "ner", withExtension: nil)
    }

    /// The built-in tagger, loaded on first use (thread-safe); nil without a usable model.
    static let shared: NameTagger? = {
        if ProcessInfo.processInfo.environment["NEWSQ_TAGGER"] == "off" { return nil }
        guard let dir = resourceDirectory else { return nil }
        return NameTagger(directory: dir)
    }()

    /// The gazetteers alone (lexicons and files), for the rules; loaded on first use.
    static let sharedGazetteer: Gazetteer = shared?.gazetteer ?? Gazetteer(directory: resourceDirectory)

    /// The buffers of one thread's tagging, reused from sentence to sentence.
    struct Scratch {
        var features = TaggerFeatures.empty
        var tags: [Int] = []
        var margins: [Float] = []
        var keys: [UInt64] = []
    }

    /// The names in one sentence's tokens.
    func tag(_ toks: [EntityToken]) -> [TaggedSpan] {
        var scratch = Scratch()
        return tag(toks, &scratch)
    }

    /// The names in one sentence's tokens, in the room of `scratch` (the same as `tag(_:)`).
    func tag(_ toks: [EntityToken], _ scratch: inout Scratch) -> [TaggedSpan] {
        let islands = TaggerFeatures.islands(toks)
        guard !islands.isEmpty else { return [] }
        scratch.features.fill(toks, gazetteer, islands: islands)
        scratch.tags.removeAll(keepingCapacity: true)
        scratch.tags.append(contentsOf: repeatElement(0, count: toks.count))
        scratch.margins.removeAll(keepingCapacity: true)
        scratch.margins.append(contentsOf: repeatElement(0, count: toks.count))
        Self.decode(scratch.features, islands, model, &scratch.tags, &scratch.margins, keys: &scratch.keys)
        let margins = scratch.margins
        return BILOU.spans(scratch.tags).map { r, k in
            TaggedSpan(tokens: r, kind: BILOU.kinds[k], confidence: margins[r].min() ?? 0)
        }
    }

    /// Greedy decoding of the islands into `tags` (O elsewhere).
    static func decode<S: TagScoring>(_ f: TaggerFeatures, _ islands: [Range<Int>], _ scorer: S,
                                      _ tags: inout [Int], _ margins: inout [Float]) {
        var keys = [UInt64]()
        decode(f, islands, scorer, &tags, &margins, keys: &keys)
    }

    /// `decode` with the feature keys' buffer given.
    static func decode<S: TagScoring>(_ f: TaggerFeatures, _ islands: [Range<Int>], _ scorer: S,
                                      _ tags: inout [Int], _ margins: inout [Float], keys: inout [UInt64]) {
        keys.reserveCapacity(96)
        for r in islands {
            var p1 = r.lowerBound == 0 ? -1 : 0
            var p2 = r.lowerBound <= 1 ? -1 : 0
            for i in r {
                keys.removeAll(keepingCapacity: true)
                f.staticKeys(i, into: &keys)
                f.tagKeys(i, p1, p2, into: &keys)
                let s = keys.withUnsafeBufferPointer { scorer.score($0) }
                let (c, m) = BILOU.choose(s, BILOU.allowed(prev: p1, last: i == r.upperBound - 1))
                tags[i] = c
                margins[i] = m
                p2 = p1; p1 = c
            }
        }
    }
}
