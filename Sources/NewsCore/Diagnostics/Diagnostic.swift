/// An error or warning as a value: its code in the diagnostics catalogue
/// (`DiagnosticCode`), where it is (a byte range in the statement), what is
/// wrong, and what helps. Rendered with line:column and a caret only
/// when shown (see `DiagnosticRenderer`).
public struct Diagnostic: Error, Equatable, Sendable {
    public enum Severity: String, Sendable { case error, warning }
    /// The pipeline stage that found it, for the curious and for tests.
    public enum Phase: String, Sendable { case lex, parse, bind, plan, execute, load, command }

    public var severity: Severity
    /// The entry in the diagnostics catalogue (`help E0302` explains it); nil for warnings.
    public var code: DiagnosticCode?
    public var phase: Phase
    public var message: String
    /// Byte range in the statement text; nil when the problem has no spot.
    public var range: Range<Int>?
    /// Lines starting `help:` (what was available, did you mean).
    public var help: [String]

    public init(_ severity: Severity = .error, phase: Phase, message: String,
                range: Range<Int>?, help: [String] = []) {
        self.severity = severity; self.phase = phase; self.message = message
        self.range = range; self.help = help
    }

    /// An error with its catalogue code; the phase is the code's group.
    public init(_ code: DiagnosticCode, _ message: String, range: Range<Int>?, help: [String] = []) {
        self.init(.error, phase: code.phase, message: message, range: range, help: help)
        self.code = code
    }
}

/// Diagnostics collected by a stage that recovers (lexer, parser).
public struct DiagnosticBag: Sendable {
    public private(set) var items: [Diagnostic] = []
    public init() {}
    public mutating func add(_ d: Diagnostic) {
        // One report per spot is enough: recovery can meet the same place twice.
        if let r = d.range, items.contains(where: { $0.range == r }) { return }
        items.append(d)
    }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }
}
