import Foundation

/// Lets a long derivation (entities, quotations) notice that the statement
/// which asked for it was given up, and stop instead of running on in the
/// background.
///
/// The statement runner sets the check for the thread that runs a statement;
/// a derivation reads it once, on that thread, and passes it to the threads it
/// fans out to. What a stopped derivation returns is cut short: `DerivedTables`
/// does not keep it, and the statement that receives it is cancelled anyway.
/// (A thread-local rather than a parameter: the tables are properties of the
/// corpus, asked for from every layer, and only the statement's thread knows
/// whether it was given up.)
public enum DerivationStop {
    private final class Box {
        let check: @Sendable () -> Bool
        init(_ check: @escaping @Sendable () -> Bool) { self.check = check }
    }
    private static let key = "newsq.derivation-stop"

    /// Runs `body` with `check` as this thread's stop request.
    public static func with<T>(_ check: @escaping @Sendable () -> Bool, _ body: () throws -> T) rethrows -> T {
        let d = Thread.current.threadDictionary
        let old = d[key]
        d[key] = Box(check)
        defer { d[key] = old }
        return try body()
    }

    /// This thread's stop check: never true outside a statement.
    public static var current: @Sendable () -> Bool {
        (Thread.current.threadDictionary[key] as? Box)?.check ?? { false }
    }
}
