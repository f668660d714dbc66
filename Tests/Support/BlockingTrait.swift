import Foundation
import Testing

/// For a test that waits on the world (sockets, child processes, a server's timers): it runs
/// on a thread of its own instead of the cooperative pool, which Swift Testing shares among
/// all tests and sizes to the cores. Two blocked tests would otherwise hold both threads of a
/// two-core machine while the suite's CPU-bound tests queue behind them.
///
/// Write it on the suite: `@Suite("Guest line over TCP", .blocking)`.
public struct BlockingTrait: SuiteTrait, TestTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?,
                             performing function: @Sendable () async throws -> Void) async throws {
        // The suite itself has nothing to run; each of its test cases gets the preference.
        guard testCase != nil else { return try await function() }
        try await withTaskExecutorPreference(ThreadPerJobExecutor.shared) { try await function() }
    }
}

extension Trait where Self == BlockingTrait {
    /// Runs the suite's tests on threads of their own (see `BlockingTrait`).
    public static var blocking: Self { BlockingTrait() }
}

/// Runs each job on a new thread: a job of a blocking test may hold its thread for seconds,
/// so jobs never wait for one another here.
final class ThreadPerJobExecutor: TaskExecutor {
    static let shared = ThreadPerJobExecutor()

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        let thread = Thread { job.runSynchronously(on: executor) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
