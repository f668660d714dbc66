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
    }

    private let state = Mutex(State())
    private let wakeUp = DispatchSemaphore(value: 0)
    private let directory: String

    init(directory: String) {
        self.directory = directory
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
                }
                return (refusal, false)
            }
            state.queued.append(entry)
            defer { state.writerIsAsleep = false }
            return (nil, state.writerIsAsleep)
        }
        if wake { wakeUp.signal() }
        return refusal
    }

    func takeAcknowledgements() -> [JournalAck] {
        state.withLock { state in
            defer { state.acknowledgements = [] }
            return state.acknowledgements
        }
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
                }
            }
            state.queued = []
            return rolls
        }
        for request in rolls { request.complete(.failure(failure!)) }
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
