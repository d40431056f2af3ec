import Foundation

/// How far a load has come, as the loader reports it.
///
/// A load has two steps: `reading` the files (bytes of the files, all files
/// together) and `indexing` the articles read (bytes of their text: layout,
/// sentences, words, index). `done` never passes `total`.
public struct LoadProgress: Equatable, Sendable {
    public enum Step: String, Sendable { case reading, indexing }
    public var step: Step
    public var done: Int
    public var total: Int
    /// The file being read (reading only).
    public var file: String?

    public init(step: Step, done: Int, total: Int, file: String? = nil) {
        self.step = step; self.done = done; self.total = total; self.file = file
    }

    /// The share done, 0...1.
    public var fraction: Double { total > 0 ? min(1, Double(done) / Double(total)) : 0 }
}

/// What a load tells its caller and asks it while it runs: progress within a
/// file, and whether to stop (Ctrl-C).
///
/// Design rules:
/// - The loader works on several threads; `advance` and `shouldStop` may be
///   called from any of them. Reports reach `report` one at a time (a lock),
///   in the order they were made.
/// - Stopping is asked often (every few hundred records or articles), so a
///   Ctrl-C is answered within a fraction of a second at any point of a load.
final class LoadMonitor: @unchecked Sendable {
    private let report: ((LoadProgress) -> Void)?
    private let stop: (() -> Bool)?
    private let lock = NSLock()
    private var current = LoadProgress(step: .reading, done: 0, total: 0)
    private var stopped = false

    init(report: ((LoadProgress) -> Void)?, shouldStop: (() -> Bool)?) {
        self.report = report
        self.stop = shouldStop
    }

    /// True once the caller asked to stop; stays true.
    var shouldStop: Bool {
        lock.lock(); defer { lock.unlock() }
        if stopped { return true }
        if let stop, stop() { stopped = true }
        return stopped
    }

    /// True when an earlier `shouldStop` said to stop (does not ask again).
    var hasStopped: Bool {
        lock.lock(); defer { lock.unlock() }
        return stopped
    }

    /// Starts a step of `total` bytes.
    func begin(_ step: LoadProgress.Step, total: Int, file: String? = nil) {
        lock.lock(); defer { lock.unlock() }
        current = LoadProgress(step: step, done: 0, total: total, file: file)
        report?(current)
    }

    /// Names the file now being read, keeping the count of bytes.
    func reading(_ file: String) {
        lock.lock(); defer { lock.unlock() }
        current.file = file
        report?(current)
    }

    /// Adds `bytes` done to the current step.
    func advance(_ bytes: Int) {
        guard bytes > 0 else { return }
        lock.lock(); defer { lock.unlock() }
        current.done = min(current.total, current.done + bytes)
        report?(current)
    }
}
