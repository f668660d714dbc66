import Synchronization

/// Where records go to become durable: the file journal, or memory for replays and tests.
///
/// `append` never blocks on the disk; acknowledgements come back, in append order, from
/// `takeAcknowledgements` once the records are durable (or could not be made so).
/// `snapshot` replaces everything appended so far by the records given (the complete
/// state, see `Journal.snapshot`); a log that keeps no files may ignore it and report 0
/// for `bytesSinceSnapshot`.
public protocol RecordLog: AnyObject {
    func append(_ record: JournalRecord, token: UInt64)
    /// Makes `marks` durable before any record appended after the call (see `Journal.raise`):
    /// how the store keeps the high-water mark of every kind of number on disk.
    func raise(_ marks: HighWaterMarks)
    func takeAcknowledgements() -> [JournalAck]
    /// Bytes appended since the last `snapshot` call, for the caller's snapshot policy.
    var bytesSinceSnapshot: Int { get }
    /// See `Journal.snapshot(producing:)`: `records` may run on another thread, later.
    func snapshot(producing records: @escaping @Sendable () -> [JournalRecord])
    func close()
}

extension Journal: RecordLog {}

/// A record log in memory: every append is "durable" at once (or refused, when told to
/// fail). For replays, tests and benchmarks that must not touch a disk; it keeps every
/// record, so it needs no snapshots and ignores them.
public final class MemoryLog: RecordLog {
    public private(set) var records: [JournalRecord] = []
    /// The marks raised so far (kept, never used: nothing outlives the log).
    public private(set) var marks = HighWaterMarks()
    private var acknowledgements: [JournalAck] = []
    /// While set, appends are acknowledged as failures with this error.
    public var failure: JournalError?
    /// While true, acknowledgements wait (as if the disk were slow) until it is false again.
    public var holdAcknowledgements = false
    private let notify: () -> Void

    /// `notify` is called after each append, as the journal's writer would call it.
    public init(notify: @escaping () -> Void = {}) {
        self.notify = notify
    }

    public func append(_ record: JournalRecord, token: UInt64) {
        if let failure {
            acknowledgements.append(JournalAck(token: token, outcome: .failure(failure)))
        } else {
            records.append(record)
            acknowledgements.append(JournalAck(token: token, outcome: .success(())))
        }
        notify()
    }

    public func raise(_ marks: HighWaterMarks) {
        self.marks.raise(to: marks)
    }

    public func takeAcknowledgements() -> [JournalAck] {
        guard !holdAcknowledgements else { return [] }
        defer { acknowledgements.removeAll() }
        return acknowledgements
    }

    public var bytesSinceSnapshot: Int { 0 }

    public func snapshot(producing records: @escaping @Sendable () -> [JournalRecord]) {}

    public func close() {}
}

@available(*, unavailable)
extension MemoryLog: Sendable {}
