/// How results are shown: the output mode and the limits that cut them.

public enum OutputMode: String, CaseIterable, Sendable {
    case box, table, markdown, csv, tsv, json, jsonl, line
}

/// Settings the renderer needs; the session owns them (`.mode`, `.headers`,
/// `.maxrows`, `.maxwidth`) and passes a copy per result.
public struct RenderOptions: Sendable {
    public var mode: OutputMode = .box
    public var headers: Bool = true
    /// At most this many rows are printed (0 = no limit); cut tables say so.
    public var maxRows: Int = 0
    /// Cells wider than this many display columns are cut with `…` (0 = no limit).
    public var maxWidth: Int = 0
    /// Width of the terminal, when writing to one: tables are fitted to it.
    public var terminalWidth: Int? = nil
    /// ANSI colour (only on a terminal).
    public var color: Bool = false

    public init() {}
}
