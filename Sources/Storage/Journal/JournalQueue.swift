import Dispatch
import Synchronization

/// The meeting point of the event loop and the journal's writer thread: records waiting
/// to be written, acknowledgements waiting to be taken, and the wake-up between them.
///
/// Every field lives behind one `Mutex`, held only to move arrays in and out, never across
/// I/O, so the loop waits at most for another short critical section. The writer sleeps
/// on a semaphore (no polling) and is woken only when it is actually asleep, so a burst of
/// appends costs one wake-up.
final class JournalQueue: Sendable {
    /// One unit of work for the writer, kept in append order.
    enum Entry: Sendable {
        case record(JournalRecord, token: UInt64)
        /// Start a new segment once every entry before this one is written.
        case roll(JournalRollRequest)
        /// Write a snapshot once every entry before this one is written.
        case snapshot(SnapshotRequest)
    }

    /// `Journal.snapshot`'s records, and what the caller had seen of failures when it
    /// gathered them: the writer writes the snapshot only if that was every failure of
    /// a record appended before it, so a refused record cannot come back in a snapshot.
    struct SnapshotRequest: Sendable {
        let records: [JournalRecord]
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
        var writerIsAsleep = false
        var closing = false
        /// Set once the writer cannot undo a failed write; refuses everything after.
        var failure: JournalError?
        var statistics = JournalStatistics()
        /// Frame bytes appended since the last snapshot request (or in the tail at open).
        var tailBytes: Int
        /// Records refused at `enqueue`, and failures handed out by `takeAcknowledgements`.
        var refused = 0
        var failuresTaken = 0
    }

    private let state: Mutex<State>
    private let wakeUp = DispatchSemaphore(value: 0)
    private let directory: String

    init(directory: String, tailBytes: Int) {
        self.directory = directory
        self.state = Mutex(State(tailBytes: tailBytes))
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
            case .roll:
                state.queued.append(entry)
            case .snapshot(var request):
                // What the caller has seen, fixed at the moment it asks.
                request.failuresTaken = state.failuresTaken
                request.refusedBefore = state.refused
                state.queued.append(.snapshot(request))
                state.tailBytes = 0
            }
            defer { state.writerIsAsleep = false }
            return (nil, state.writerIsAsleep)
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

    /// Refuses new entries and wakes the writer so it drains what is queued and stops.
    /// Returns false if the queue was already closing.
    func beginClosing() -> Bool {
        let (first, wake) = state.withLock { state -> (Bool, Bool) in
            guard !state.closing else { return (false, false) }
            state.closing = true
            defer { state.writerIsAsleep = false }
            return (true, state.writerIsAsleep)
        }
        if wake { wakeUp.signal() }
        return first
    }

    // MARK: - Writer side

    /// Everything queued since the last call, waiting while there is nothing; nil once
    /// closing and drained, which tells the writer to stop.
    func nextBatch() -> [Entry]? {
        while true {
            let batch = state.withLock { state -> [Entry]?? in
                if !state.queued.isEmpty {
                    let batch = state.queued
                    state.queued = []
                    state.inFlight += batch.count { if case .record = $0 { true } else { false } }
                    return .some(batch)
                }
                if state.closing { return .some(nil) }
                state.writerIsAsleep = true
                return nil
            }
            if let batch { return batch }
            wakeUp.wait()
        }
    }

    /// Hands the acknowledgements of one group commit to the loop. With `failure`, the
    /// journal turns failed: every record still queued is acknowledged as refused, and
    /// every later append is refused at once.
    func publish(_ acknowledgements: [JournalAck], synced: Bool, failure: JournalError? = nil) {
        let rolls = state.withLock { state -> [JournalRollRequest] in
            state.acknowledgements.append(contentsOf: acknowledgements)
            state.inFlight -= acknowledgements.count
            let durable = acknowledgements.count { $0.isDurable }
            state.statistics.durableRecords += durable
            state.statistics.failedRecords += acknowledgements.count - durable
            if synced { state.statistics.syncs += 1 }
            guard let failure, state.failure == nil else { return [] }
            state.failure = failure
            var rolls: [JournalRollRequest] = []
            for entry in state.queued {
                switch entry {
                case .record(_, let token):
                    state.acknowledgements.append(JournalAck(token: token, outcome: .failure(failure)))
                    state.statistics.failedRecords += 1
                case .roll(let request):
                    rolls.append(request)
                case .snapshot:
                    state.statistics.snapshotsNotWritten += 1
                }
            }
            state.queued = []
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
