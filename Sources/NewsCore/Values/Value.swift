/// A value flowing through a pipeline: one cell of a row.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case date(DateValue)
    case list([Value])

    /// The value as a user sees it in a table cell (no quoting).
    public var description: String {
        switch self {
        case .null: return ""
        case let .bool(b): return b ? "true" : "false"
        case let .int(i): return String(i)
        case let .double(d): return Value.format(d)
        case let .string(s): return s
        case let .date(d): return d.description
        case let .list(vs): return vs.map(\.description).joined(separator: ", ")
        }
    }

    /// Numbers print with up to 4 decimals, trailing zeros dropped.
    package static func format(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        // Beyond what 4 fixed decimals can hold in an Int: the shortest exact form.
        if abs(d) >= 1e14 { return "\(d)" }
        var s = String(format4: d)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    public var type: ValueType {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .double: return .number
        case .string: return .text
        case .date: return .date
        case .list: return .list
        }
    }
}

extension String {
    /// Fixed 4-decimal formatting without Foundation's locale dependence.
    public init(format4 d: Double) {
        let neg = d < 0
        let scaled = (abs(d) * 10000).rounded()
        let whole = Int(scaled / 10000)
        let frac = Int(scaled.truncatingRemainder(dividingBy: 10000))
        var f = String(frac)
        while f.count < 4 { f = "0" + f }
        self = (neg ? "-" : "") + String(whole) + "." + f
    }
}

/// The static type of a field, as the binder and `.schema` know it.
public enum ValueType: String, Sendable {
    case null, bool, int, number, text, date, list, any

    public var isNumeric: Bool { self == .int || self == .number }
}

/// A named, typed column of a result.
public struct Column: Sendable, Equatable {
    public var name: String
    public var type: ValueType
    public init(_ name: String, _ type: ValueType) { self.name = name; self.type = type }
}

/// What a statement returns: columns, rows, and notes about anything cut.
public struct ResultSet: Sendable {
    public var columns: [Column]
    public var rows: [[Value]]
    /// Rows the result had before a `take`/`top` cut it, when it was cut.
    public var totalBeforeCut: Int?
    /// Lines to print under the table (e.g. what was cut and why).
    public var notes: [String]

    public init(columns: [Column], rows: [[Value]], totalBeforeCut: Int? = nil, notes: [String] = []) {
        self.columns = columns; self.rows = rows; self.totalBeforeCut = totalBeforeCut; self.notes = notes
    }
}
