import Foundation
@testable import NewsCore
@testable import NewsStore
@testable import NewsText
@testable import NewsQuery
@testable import NewsShell

/// Shared fixtures: the sample corpus (loaded once) and a session runner.
enum Fixtures {
    /// The bound query of `articles | search Q` (the form every search stage hands on).
    static func boundSearch(_ q: String) throws -> SearchQuery {
        let text = "articles | search \(q)"
        let (st, d) = Parser.parse(text)
        guard case let .query(p)? = st, !d.hasErrors else {
            throw NSError(domain: "parse", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(q): \(d.items.map(\.message))"])
        }
        var b = Binder(statement: text, bindings: [:])
        guard let bound = b.bind(p), case let .search(sq, _)? = bound.stages.first else {
            throw NSError(domain: "bind", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(q): \(b.diagnostics.items.map(\.message))"])
        }
        return sq
    }

    static let sample: Corpus = {
        do { return try CorpusLoader.loadSample() } catch { fatalError("sample corpus does not load: \(error)") }
    }()

    /// The repository root (tests read examples/ and grammar/).
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// Runs statements as a script; returns everything written (results and errors, in order) and the status.
    static func run(_ script: String, name: String = "test.q", mode: OutputMode = .table,
                    session: Session? = nil) -> (output: String, status: Int32) {
        let sink = StringSink()
        var settings = Settings()
        settings.render.mode = mode
        let s = session ?? Session(corpus: sample, out: sink, err: sink, settings: settings, interrupt: Interrupt())
        let status = s.run(TextLineSource(text: script, name: name))
        return ((s.out as? StringSink)?.text ?? sink.text, status)
    }
}
