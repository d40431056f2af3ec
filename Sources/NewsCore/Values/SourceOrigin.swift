/// Where a statement came from, for error locations.
public struct SourceOrigin: Sendable {
    public var name: String
    /// Line of the statement's first character in that source (1-based).
    public var line: Int
    public var interactive: Bool
    /// The text of that line before the statement (earlier statements on the same
    /// line, ended by `;`): columns count from the start of the line.
    public var linePrefix: String
    public init(name: String, line: Int, interactive: Bool, linePrefix: String = "") {
        self.name = name; self.line = line; self.interactive = interactive; self.linePrefix = linePrefix
    }
}
