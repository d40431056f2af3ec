/// Horizontal bars drawn with block characters, eighths for the last cell.

public enum Chart {
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `value` scaled so that `max` fills `width` cells.
    public static func bar(_ value: Double, max: Double, width: Int = 40) -> String {
        guard max > 0, value > 0 else { return "" }
        let cells = value / max * Double(width)
        let whole = Int(cells)
        let part = Int(((cells - Double(whole)) * 8).rounded(.down))
        var s = String(repeating: "█", count: whole) + eighths[part]
        if s.isEmpty { s = "▏" }
        return s
    }
}
