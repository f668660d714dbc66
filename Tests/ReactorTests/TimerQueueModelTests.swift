import Testing
import TestSupport
@testable import Reactor
import Telnet
import Reactor

/// The timer queue remembers which top entry it found live, so the loop's question for the
/// next deadline skips the table lookup; against a plain list of live timers, a random mix
/// of scheduling, cancelling (the top most of all) and firing must give the same deadlines
/// and the same timers in the same order.
@Suite("Timer queue against a list")
struct TimerQueueModelTests {
    @Test(arguments: [0x7133_0001, 0x7133_0002] as [UInt64])
    func sameDeadlinesAndFiringsAsAList(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var queue = TimerQueue()
        var live: [(deadline: UInt64, id: TimerID, label: Int)] = []
        var fired: [Int] = []
        var now: UInt64 = 1_000
        for step in 0..<6_000 {
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<4:
                let deadline = now + UInt64.random(in: 0...50, using: &random)
                let label = step
                let id = queue.schedule(at: MonotonicTime(nanoseconds: deadline)) { fired.append(label) }
                live.append((deadline, id, label))
            case 4, 5:
                // Cancel the earliest timer most often: that is the top the queue remembers.
                guard !live.isEmpty else { break }
                let earliest = live.indices.min { (live[$0].deadline, live[$0].id.raw) < (live[$1].deadline, live[$1].id.raw) }!
                let index = Bool.random(using: &random) ? earliest : Int.random(in: live.indices, using: &random)
                let cancelled = live.remove(at: index).id
                queue.cancel(cancelled)
                // Cancelling again, or a timer that never was, is harmless.
                if Bool.random(using: &random) { queue.cancel(Bool.random(using: &random) ? cancelled : TimerID(raw: 0)) }
            case 6, 7:
                now += UInt64.random(in: 0...20, using: &random)
                let before = fired.count
                queue.beginDispatch()
                while let body = queue.popDue(now: MonotonicTime(nanoseconds: now)) { body() }
                queue.endDispatch()
                let due = live.filter { $0.deadline <= now }.sorted { ($0.deadline, $0.id.raw) < ($1.deadline, $1.id.raw) }
                #expect(Array(fired[before...]) == due.map(\.label), "step \(step)")
                live.removeAll { $0.deadline <= now }
            default:
                break
            }
            let expected = live.map(\.deadline).min()
            #expect(queue.nextDeadline()?.nanoseconds == expected, "step \(step)")
            #expect(queue.count == live.count, "step \(step)")
        }
    }

    /// Cancelled timers stay in the heap until they surface; past 1,024 of them, and more
    /// than the live ones, the heap is rebuilt without them (staged entries included), and
    /// what is left still fires in deadline order.
    @Test func cancelledChurnIsCompactedAndTheRestFireInOrder() {
        var queue = TimerQueue()
        var fired: [Int] = []
        var ids: [TimerID] = []
        for label in 0..<3_000 {
            ids.append(queue.schedule(at: MonotonicTime(nanoseconds: UInt64(1_000 + label))) { fired.append(label) })
        }
        // During a dispatch new timers are staged; cancelling one of them must drop it too.
        queue.beginDispatch()
        _ = queue.schedule(at: MonotonicTime(nanoseconds: 500)) { fired.append(-1) }
        let stagedCancelled = queue.schedule(at: MonotonicTime(nanoseconds: 600)) { fired.append(-2) }
        queue.cancel(stagedCancelled)
        // From the back, so the top stays live and nothing surfaces to be dropped on the way.
        for label in (0..<3_000).reversed() where label % 3 != 0 {
            queue.cancel(ids[label])
        }
        queue.endDispatch()
        #expect(queue.count == 1_001)
        // Without the rebuild all 3,002 entries would still be held.
        #expect(queue.storedEntries < 1_600, "\(queue.storedEntries) entries held for \(queue.count) live timers")
        #expect(queue.nextDeadline()?.nanoseconds == 500)
        queue.beginDispatch()
        while let body = queue.popDue(now: MonotonicTime(nanoseconds: 10_000)) { body() }
        queue.endDispatch()
        #expect(fired == [-1] + stride(from: 0, to: 3_000, by: 3).map { $0 })
        #expect(queue.count == 0 && queue.storedEntries == 0)
    }
}
