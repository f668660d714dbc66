import Dispatch
import Glibc
import Synchronization

/// The meeting point of the event loop and the journal's writer thread: records waiting
/// to be written, acknowledgements waiting to be taken, and the wake-up between them.
///
/// Every field lives behind one `Mutex`, held only to move arrays in and out, never across
/// I/O, so the loop waits at most for another short critical section. The writer sleeps
/// on a semaphore (no polling) and is woken only when it is waiting and what it waits for
/// has come, so a burst of appends costs one wake-up.
///
/// **Linger.** A busy line answers in waves: a commit acknowledges B records, and their
/// senders append their next ones within microseconds. Taking the first of those alone
/// would sync it by itself and leave the rest a whole sync behind, so a batch that is
/// smaller than the previous commit waits (at most `linger`, far less than a sync) until
/// it has as many entries, or until 20 µs pass without a new one. After a commit of one
/// record it never waits, so a quiet line pays nothing, and scattered traffic pays at
/// most the 20 µs; a roll, a snapshot or closing is never kept waiting. The writer lingers
/// by yielding its core between looks, not by sleeping (see `nextBatch`).
final class JournalQueue: Sendable {
    /// One unit of work for the writer, kept in append order.
    enum Entry: Sendable {
        case record(JournalRecord, token: UInt64)
        /// Make these marks durable before any record after this entry is written.
        case marks(HighWaterMarks)
        /// Start a new segment once every entry before this one is written.
        case roll(JournalRollRequest)
        /// Write a snapshot once every entry before this one is written.
        case snapshot(SnapshotRequest)
    }

    /// `Journal.snapshot`'s records (produced on the writer thread), and what the caller
    /// had seen of failures when it asked: the writer writes the snapshot only if that was
    /// every failure of a record appended before it, so a refused record cannot come back.
    struct SnapshotRequest: Sendable {
        let records: @Sendable () -> [JournalRecord]
        /// Failure acknowledgements the caller had taken when it asked (set by `enqueue`).
        var failuresTaken = 0
        /// Records refused at `enqueue` before this request (the writer counts the rest).
        var refusedBefore = 0
    }

    private struct State {
        var queued: [Entry] = []
        /// Records the writer has taken and not yet acknowledged.
        var inFlight = 0
        var acknowledgements: [JournalAck] = []
        /// While the writer waits: the number of queued entries that wakes it.
        var wakeAt: Int?
        /// A roll or snapshot is queued: the writer must not linger over it.
        var urgent = false
        var closing = false
        /// Set once the writer cannot undo a failed write; refuses everything after.
        var failure: JournalError?
        var statistics = JournalStatistics()
        /// How long each successful sync took (kept apart from `statistics`, which the loop
        /// reads every round: this is read only when someone asks, so the writer's update
        /// never copies the buckets).
        var syncTimes = JournalSyncTimes()
        /// Frame bytes appended since the last snapshot request (or in the tail at open).
        var tailBytes: Int
        /// Records refused at `enqueue`, and failures handed out by `takeAcknowledgements`.
        var refused = 0
        var failuresTaken = 0
    }

    private let state: Mutex<State>
    /// The queued entries, or `Int.max` once the writer must not wait (a roll, a snapshot,
    /// closing); set under the lock, read without it by a lingering writer, so the writer
    /// watching does not fight the loop appending for the lock.
    private let readiness = Atomic<Int>(0)
    private let wakeUp = DispatchSemaphore(value: 0)
    private let directory: String
    private let lingerNanoseconds: UInt64

    init(directory: String, tailBytes: Int, linger: Duration) {
        self.directory = directory
        self.state = Mutex(State(tailBytes: tailBytes))
        let (seconds, attoseconds) = linger.components
        self.lingerNanoseconds = UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }

    // MARK: - Loop side

    /// Queues `entry` for the writer. Returns the error when the journal refuses it
    /// (closed or failed); a refused record is acknowledged as a failure at once, in order,
    /// since nothing can be in flight ahead of it by then.
    func enqueue(_ entry: Entry) -> JournalError? {
        let (refusal, wake) = state.withLock { state -> (JournalError?, Bool) in
            if let refusal = state.closing ? .closed(directory: directory) : state.failure {
                if case .record(_, let token) = entry {
                    state.acknowledgements.append(JournalAck(token: token, outcome: .failure(refusal)))
                    state.statistics.failedRecords += 1
                    state.refused += 1
                }
                return (refusal, false)
            }
            switch entry {
            case .record(let record, _):
                state.tailBytes += JournalFrame.headerSize + record.payload.count
                state.queued.append(entry)
            case .marks:
                state.queued.append(entry)
            case .roll:
                state.queued.append(entry)
                state.urgent = true
            case .snapshot(var request):
                // What the caller has seen, fixed at the moment it asks.
                request.failuresTaken = state.failuresTaken
                request.refusedBefore = state.refused
                state.queued.append(.snapshot(request))
                state.tailBytes = 0
                state.urgent = true
            }
            readiness.store(state.urgent ? .max : state.queued.count, ordering: .releasing)
            guard let wakeAt = state.wakeAt, state.urgent || state.queued.count >= wakeAt else { return (nil, false) }
            state.wakeAt = nil
            return (nil, true)
        }
        if wake { wakeUp.signal() }
        return refusal
    }

    func takeAcknowledgements() -> [JournalAck] {
        state.withLock { state in
            // Every failure published so far is in what is taken now.
            state.failuresTaken = state.statistics.failedRecords
            defer { state.acknowledgements = [] }
            return state.acknowledgements
        }
    }

    var tailBytes: Int {
        state.withLock { $0.tailBytes }
    }

    var pendingCount: Int {
        state.withLock { state in
            state.inFlight + state.queued.reduce(0) { count, entry in
                if case .record = entry { count + 1 } else { count }
            }
        }
    }

    var statistics: JournalStatistics {
        state.withLock { $0.statistics }
    }

    var syncTimes: JournalSyncTimes {
        state.withLock { $0.syncTimes }
    }

    /// Refuses new entries and wakes the writer so it drains what is queued and stops.
    /// Returns false if the queue was already closing.
    func beginClosing() -> Bool {
        let (first, wake) = state.withLock { state -> (Bool, Bool) in
            guard !state.closing else { return (false, false) }
            state.closing = true
            readiness.store(.max, ordering: .releasing)
            defer { state.wakeAt = nil }
            return (true, state.wakeAt != nil)
        }
        if wake { wakeUp.signal() }
        return first
    }

    // MARK: - Writer side

    /// What `nextBatch` does after one look at the queue.
    private enum Step {
        /// Hand the writer these entries (after those it has taken while lingering).
        case take([Entry])
        case stop
        /// Sleep until an append wakes the writer.
        case sleep
        /// Encode what has come (records only) and look again until the deadline.
        case linger(until: DispatchTime, arrived: [Entry])
    }

    /// Everything queued since the last call, waiting while there is nothing (and, for a
    /// short while, while there are fewer than `expected` entries: see Linger); nil once
    /// closing and drained, which tells the writer to stop. While it lingers, the records
    /// that have come are handed to `prepare` (on the calling thread) as they come, so the
    /// writer encodes them while the rest are still being appended; the batch
    /// returned starts with them.
    func nextBatch(expecting expected: Int, prepare: ([Entry]) -> Void) -> [Entry]? {
        var deadline: DispatchTime?
        var prepared: [Entry] = []
        while true {
            let now = DispatchTime.now()
            let step = state.withLock { state -> Step in
                if state.queued.isEmpty && prepared.isEmpty {
                    if state.closing { return .stop }
                    state.wakeAt = 1
                    return .sleep
                }
                let lingering = prepared.count + state.queued.count < expected && !state.urgent && !state.closing
                    && lingerNanoseconds > 0
                if lingering, deadline.map({ now < $0 }) ?? true {
                    // Not urgent, so what is queued is records (and marks) only.
                    return .linger(until: deadline ?? now + .nanoseconds(Int(lingerNanoseconds)), arrived: take(&state))
                }
                return .take(take(&state))
            }
            switch step {
            case .take(let rest):
                return prepared.isEmpty ? rest : prepared + rest
            case .stop:
                return nil
            case .sleep:
                wakeUp.wait()
            case .linger(let until, let arrived):
                if !arrived.isEmpty {
                    prepare(arrived)
                    prepared += arrived
                }
                // Watch rather than sleep with a timeout: a timed sleep here overshoots by
                // 50 µs or more (timer slack; libdispatch's by milliseconds), as long as the
                // whole linger. Yield the core between looks (polling without yielding
                // starved the appending thread on two cores). A pause in the arrivals ends
                // it early: a wave comes back in one burst, scattered traffic does not.
                deadline = until
                var seen = readiness.load(ordering: .acquiring)
                var lastArrival = DispatchTime.now()
                while seen < expected - prepared.count {
                    let now = DispatchTime.now()
                    let current = readiness.load(ordering: .acquiring)
                    if current != seen {
                        seen = current
                        lastArrival = now
                    } else if now >= until || now.uptimeNanoseconds - lastArrival.uptimeNanoseconds >= Self.quietNanoseconds {
                        deadline = now
                        break
                    }
                    sched_yield()
                }
            }
        }
    }

    /// How long no new record may come before a linger ends early.
    static let quietNanoseconds: UInt64 = 20_000

    /// Moves every queued entry to the writer.
    private func take(_ state: inout State) -> [Entry] {
        let batch = state.queued
        state.queued = []
        state.wakeAt = nil
        state.urgent = false
        readiness.store(0, ordering: .releasing)
        state.inFlight += batch.count { if case .record = $0 { true } else { false } }
        return batch
    }

    /// Hands the acknowledgements of one group commit to the loop, with how long its sync
    /// took when it synced (counted under the lock the publication takes anyway). With
    /// `failure`, the journal turns failed: every record still queued is acknowledged as
    /// refused, and every later append is refused at once.
    func publish(_ acknowledgements: [JournalAck], syncNanoseconds: UInt64?, failure: JournalError? = nil) {
        let rolls = state.withLock { state -> [JournalRollRequest] in
            state.acknowledgements.append(contentsOf: acknowledgements)
            state.inFlight -= acknowledgements.count
            let durable = acknowledgements.count { $0.isDurable }
            state.statistics.durableRecords += durable
            state.statistics.failedRecords += acknowledgements.count - durable
            if let syncNanoseconds {
                state.statistics.syncs += 1
                state.syncTimes.record(nanoseconds: syncNanoseconds)
            }
            guard let failure, state.failure == nil else { return [] }
            state.failure = failure
            var rolls: [JournalRollRequest] = []
            for entry in state.queued {
                switch entry {
                case .record(_, let token):
                    state.acknowledgements.append(JournalAck(token: token, outcome: .failure(failure)))
                    state.statistics.failedRecords += 1
                case .marks:
                    break
                case .roll(let request):
                    rolls.append(request)
                case .snapshot:
                    state.statistics.snapshotsNotWritten += 1
                }
            }
            state.queued = []
            readiness.store(0, ordering: .releasing)
            return rolls
        }
        for request in rolls { request.complete(.failure(failure!)) }
    }

    /// Counts a snapshot the writer wrote or gave up on, keeping any problem it met.
    func snapshotFinished(written: Bool, problem: String?) {
        state.withLock { state in
            if written { state.statistics.snapshots += 1 } else { state.statistics.snapshotsNotWritten += 1 }
            if let problem { state.statistics.lastSnapshotProblem = problem }
        }
    }
}

/// A request from `Journal.rollSegment()` to the writer, and the caller's wait for it.
final class JournalRollRequest: Sendable {
    private let result = Mutex<Result<Int, JournalError>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    func complete(_ outcome: Result<Int, JournalError>) {
        result.withLock { $0 = outcome }
        done.signal()
    }

    func wait() throws -> Int {
        done.wait()
        return try result.withLock { $0! }.get()
    }
}
