import Atomics
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NewsCore
import NewsStore

/// Runs a statement's work on a worker thread while the calling thread keeps
/// watch, so Ctrl-C and a runaway regex give the prompt back promptly.
///
/// Design rules:
/// - Operators poll `ExecutionContext` and stop by themselves on Ctrl-C; that
///   is the normal way out and loses nothing.
/// - Some work cannot poll: one `Regex` match (no step budget, cannot be
///   interrupted), a sort, an index lookup. When the worker has not stopped
///   `grace` seconds after Ctrl-C, or one regex match has run longer than
///   `RegexWatch.budget`, the runner gives up on it: the statement fails with
///   a message, the worker is told to stop at its next poll, its priority is
///   lowered, and whatever it produces later is thrown away. The worker reads
///   only immutable state (the corpus, the plan), so the session is intact.
/// - The worker has a large stack, so deep expressions cannot overflow it.
package enum StatementRunner {
    /// Seconds to wait for operators to notice Ctrl-C before giving up on the worker.
    static let grace = 0.3
    static let stackSize = 256 << 20

    /// Runs `work` on a worker thread; returns its result or throws its error,
    /// `ExecutionError.cancelled` on Ctrl-C, or `.failed` when a regex runs over budget.
    package static func run<T>(_ ctx: ExecutionContext, _ work: @escaping () throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let worker = Worker.take()
        box.setThread(worker.thread)
        let stop = ctx.stopCheck
        worker.submit {
            // (the tables a statement derives stop with it; a result finished as Ctrl-C came may
            // rest on a table cut short, so it is not shown)
            let result = Result {
                try DerivationStop.with(stop) {
                    let r = try work()
                    if stop() { throw ExecutionError.cancelled }
                    return r
                }
            }
            box.finish(result)
            done.signal()
        }
        // Most statements take well under a millisecond: wait for them awake
        // for a moment rather than through a sleep and a wake-up.
        let spinUntil = monotonicSeconds() + 0.0003
        while !box.isFinished && monotonicSeconds() < spinUntil {}
        var interruptedAt: Double?
        while true {
            if done.wait(timeout: .now() + .milliseconds(20)) == .success {
                Worker.giveBack(worker)
                do { return try box.take().get() } catch ExecutionError.cancelled {
                    throw ExecutionError.cancelledAt(ctx.progressNote)
                }
            }
            let now = monotonicSeconds()
            if ctx.interrupt.isRaised || ctx.isStopped {
                if interruptedAt == nil { interruptedAt = now }
                if now - interruptedAt! > grace {
                    abandon(box, ctx)
                    throw ExecutionError.cancelledAt(ctx.progressNote)
                }
            }
            if let (pattern, seconds) = ctx.regexWatch.overBudget(now: now) {
                abandon(box, ctx)
                throw ExecutionError.failed(
                    "the regex /\(pattern)/ was stopped: one match ran over \(Value.format(seconds)) s "
                    + "(a pattern that backtracks a lot, like a?a?a?…aaa or (a|a)*b); nothing was changed",
                    code: .regexTooSlow, range: ctx.runningStage)
            }
        }
    }

    /// Tells the worker to stop at its next poll and lets it run on at low priority.
    private static func abandon<T>(_ box: ResultBox<T>, _ ctx: ExecutionContext) {
        ctx.stop()
        #if os(Linux)
        if let thread = box.thread {
            var param = sched_param()
            _ = pthread_setschedparam(thread, 5 /* SCHED_IDLE */, &param)
        }
        #endif
    }
}

/// A thread with a large stack that runs statements one after another. Idle
/// workers wait in a small pool, so a statement costs a hand-over, not a new
/// thread; an abandoned worker is never given back (it finishes at low
/// priority and then sleeps).
private final class Worker: @unchecked Sendable {
    private let condition = NSCondition()
    private var job: (() -> Void)?
    private var started = false
    private var handle: pthread_t?
    private static let poolLock = NSLock()
    private static var pool: [Worker] = []

    static func take() -> Worker {
        poolLock.lock()
        let w = pool.popLast()
        poolLock.unlock()
        return w ?? Worker()
    }

    static func giveBack(_ w: Worker) {
        poolLock.lock(); defer { poolLock.unlock() }
        if pool.count < 2 { pool.append(w) }
    }

    private init() {
        let t = Thread { [self] in loop() }
        t.stackSize = StatementRunner.stackSize
        t.start()
        condition.lock()
        while !started { condition.wait() }
        condition.unlock()
    }

    var thread: pthread_t? {
        condition.lock(); defer { condition.unlock() }
        return handle
    }

    func submit(_ work: @escaping () -> Void) {
        condition.lock()
        job = work
        pending.store(true, ordering: .releasing)
        condition.broadcast()
        condition.unlock()
    }

    /// Set while a job waits to be picked up (read without the lock while spinning).
    private let pending = ManagedAtomic<Bool>(false)

    private func loop() {
        condition.lock()
        handle = pthread_self()
        started = true
        condition.broadcast()
        while true {
            while job == nil { condition.wait() }
            let work = job!
            job = nil
            pending.store(false, ordering: .releasing)
            condition.unlock()
            work()
            // A script's next statement usually follows at once: stay awake briefly.
            let spinUntil = monotonicSeconds() + 0.0003
            while !pending.load(ordering: .acquiring) && monotonicSeconds() < spinUntil {}
            condition.lock()
        }
    }
}

/// The worker's result, handed over under a lock.
private final class ResultBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, Error>?
    private var worker: pthread_t?

    func setThread(_ t: pthread_t?) { lock.lock(); worker = t; lock.unlock() }
    var thread: pthread_t? { lock.lock(); defer { lock.unlock() }; return worker }
    func finish(_ r: Result<T, Error>) { lock.lock(); result = r; lock.unlock(); finished.store(true, ordering: .releasing) }
    private let finished = ManagedAtomic<Bool>(false)
    var isFinished: Bool { finished.load(ordering: .acquiring) }
    func take() -> Result<T, Error> {
        lock.lock(); defer { lock.unlock() }
        return result ?? .failure(ExecutionError.failed(.internalError, "the statement ended without a result"))
    }
}

/// The regex match running now, if any, so the runner can see one that runs too long.
final class RegexWatch: @unchecked Sendable {
    /// Seconds one match may take; `NEWSQ_REGEX_BUDGET` overrides (tests, slow machines).
    static let budget: Double = {
        if let v = ProcessInfo.processInfo.environment["NEWSQ_REGEX_BUDGET"], let d = Double(v), d > 0 { return d }
        return 2.0
    }()
    /// Start of the running match in nanoseconds (monotonic), 0 when none runs.
    private let started = ManagedAtomic<UInt64>(0)
    private let lock = NSLock()
    private var pattern = ""

    func begin(_ p: String) {
        lock.lock(); pattern = p; lock.unlock()
        started.store(max(1, UInt64(monotonicSeconds() * 1e9)), ordering: .releasing)
    }

    func end() { started.store(0, ordering: .releasing) }

    /// The pattern and budget when the running match is over budget.
    func overBudget(now: Double) -> (String, Double)? {
        let s = started.load(ordering: .acquiring)
        guard s != 0, now - Double(s) / 1e9 > Self.budget else { return nil }
        lock.lock(); defer { lock.unlock() }
        return (pattern, Self.budget)
    }
}
