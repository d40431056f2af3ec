import Atomics

/// The Ctrl-C flag: set from a signal handler (or a test), polled by running
/// operators, which stop with `ExecutionError.cancelled`.
public final class Interrupt: @unchecked Sendable {
    private let flag = ManagedAtomic<Bool>(false)

    /// The process-wide flag the executable's SIGINT handler sets.
    public static let shared = Interrupt()

    public init() {}

    public func raise() { flag.store(true, ordering: .relaxed) }
    public func clear() { flag.store(false, ordering: .relaxed) }
    public var isRaised: Bool { flag.load(ordering: .relaxed) }
}
