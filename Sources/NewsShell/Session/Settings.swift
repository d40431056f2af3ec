/// The session's switches, set by options and dot-commands.

public struct Settings: Sendable {
    public var render = RenderOptions()
    /// `.timer on`: print the time each statement took.
    public var timer = false
    /// `.bail on` / `--bail`: stop at the first error.
    public var bail = false
    /// `.echo on` / `--echo`: print each statement before its result.
    public var echo = false
    /// The user chose a mode explicitly (`--format`, `.mode`): do not pick one by terminal.
    public var modeExplicit = false
    /// `.boilerplate on`: article search also sees boilerplate paragraphs
    /// (navigation, related-article lists), the whole text as loaded.
    public var boilerplate = false
    /// `.pager on|off`: output taller than the terminal goes through `$PAGER`
    /// (only at a terminal; see Pager.swift).
    public var pager = true

    public init() {}
}

/// Completion candidates for the word ending at the cursor.
public struct Completion: Equatable, Sendable {
    /// Byte offset in the line where the word being completed starts.
    public var start: Int
    /// Full replacements for the text from `start` to the cursor.
    public var candidates: [String]
    public init(start: Int, candidates: [String]) { self.start = start; self.candidates = candidates }
}
