import TestSupport
import Glibc
import Synchronization
import Testing
import Telnet
import Reactor

/// The reactor alone: timers, hooks, wakers, signals, stopping.
@Suite(.blocking) struct EventLoopTests {
    @Test func timersFireInDeadlineOrderAndCancelledOnesDoNot() throws {
        let loop = try EventLoop()
        defer { loop.close() }
        var fired: [String] = []
        let start = loop.now
        loop.scheduleTimer(at: start.adding(seconds: 0.03)) { fired.append("c"); loop.stop() }
        loop.scheduleTimer(at: start.adding(seconds: 0.01)) { fired.append("a") }
        let cancelled = loop.scheduleTimer(at: start.adding(seconds: 0.015)) { fired.append("cancelled") }
        loop.scheduleTimer(at: start.adding(seconds: 0.02)) { fired.append("b") }
        loop.scheduleTimer(at: start.adding(seconds: 0.02)) { fired.append("b2") }
        loop.cancelTimer(cancelled)
        loop.cancelTimer(cancelled)
        try loop.run()
        #expect(fired == ["a", "b", "b2", "c"])
        #expect(loop.now - start >= 0.03)
    }

    @Test func thousandsOfTimersWithHalfCancelledStayOrdered() throws {
        let loop = try EventLoop()
        defer { loop.close() }
        var generator = SeededGenerator(seed: 42)
        let start = loop.now
        var firedDeadlines: [MonotonicTime] = []
        var ids: [TimerID] = []
        for _ in 0..<20_000 {
            let deadline = start.adding(seconds: Double(generator.next() % 40) / 1000)
            ids.append(loop.scheduleTimer(at: deadline) { firedDeadlines.append(deadline) })
        }
        for index in stride(from: 0, to: ids.count, by: 2) {
            loop.cancelTimer(ids[index])
        }
        loop.scheduleTimer(at: start.adding(seconds: 0.05)) { loop.stop() }
        try loop.run()
        #expect(firedDeadlines.count == 10_000)
        #expect(firedDeadlines == firedDeadlines.sorted())
    }

    @Test func timerScheduledForNowFromATimerRunsOnTheNextTurn() throws {
        let loop = try EventLoop()
        defer { loop.close() }
        var turns = 0
        var order: [String] = []
        loop.addBeforeSleep { turns += 1 }
        loop.scheduleTimer(at: loop.now) {
            order.append("first")
            let turnOfFirst = turns
            loop.scheduleTimer(at: loop.now) {
                order.append(turns > turnOfFirst ? "second, later turn" : "second, same turn")
                loop.stop()
            }
        }
        try loop.run()
        #expect(order == ["first", "second, later turn"])
    }

    @Test func stopFromABeforeSleepHookEndsRun() throws {
        let loop = try EventLoop()
        defer { loop.close() }
        var hookRuns = 0
        loop.addBeforeSleep {
            hookRuns += 1
            if hookRuns == 3 { loop.stop() }
        }
        loop.addBeforeSleep { loop.requestImmediateWakeUp() }
        try loop.run()
        #expect(hookRuns == 3)
    }

    @Test func wakerWakesTheLoopFromAnotherThread() throws {
        let wakes = Mutex(0)
        // No timers and no sockets: without the wake, the loop would sleep forever.
        let (thread, waker) = try EventLoopThread.start { loop in
            try loop.makeWaker {
                wakes.withLock { $0 += 1 }
                loop.stop()
            }
        }
        waker.wake()
        try thread.join()
        #expect(wakes.withLock { $0 } == 1)
        waker.wake() // After the loop closed: must do nothing, and not crash.
    }

    @Test func stopEndsRunOnItsThread() throws {
        let (thread, _) = try EventLoopThread.start { _ in () }
        try thread.stop()
        try thread.stop()
    }

    @Test func signalsArriveThroughSignalfdOnTheLoopThread() throws {
        let received = Mutex<[Int32]>([])
        let (thread, loopThread) = try EventLoopThread.start { loop in
            try loop.watchSignals([SIGUSR2]) { signal in
                received.withLock { $0.append(signal) }
                loop.stop()
            }
            return pthread_self()
        }
        // Directed at the loop thread, which blocks SIGUSR2: it waits for the signalfd.
        pthread_kill(loopThread, SIGUSR2)
        try thread.join()
        #expect(received.withLock { $0 } == [SIGUSR2])
    }

    @Test func monotonicTimeArithmetic() {
        let base = MonotonicTime(nanoseconds: 5_000_000_000)
        #expect(base.adding(seconds: 1.5).nanoseconds == 6_500_000_000)
        #expect(base.adding(seconds: -10).nanoseconds == 0)
        #expect(base.adding(seconds: 0.25) - base == 0.25)
        #expect(base - base.adding(seconds: 2) == -2)
        #expect(MonotonicTime.now() <= MonotonicTime.now())
    }
}
