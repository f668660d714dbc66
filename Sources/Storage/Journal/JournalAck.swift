/// The answer to one `Journal.append`: the caller's token and whether the record is durable.
///
/// `.success` is a promise: the record was written and `fdatasync`ed before this value
/// existed, so it survives a crash or power loss. `.failure` is the opposite promise: the
/// record is not in the journal and will not reappear after a restart.
public struct JournalAck: Sendable {
    /// The token passed to `append`, so the caller can find what it was waiting for.
    public let token: UInt64
    /// Durable, or why not.
    public let outcome: Result<Void, JournalError>

    public init(token: UInt64, outcome: Result<Void, JournalError>) {
        self.token = token
        self.outcome = outcome
    }

    /// True when the record is on stable storage.
    public var isDurable: Bool {
        if case .success = outcome { return true }
        return false
    }
}

/// Counters of a journal since it was opened, for reports and benchmarks.
public struct JournalStatistics: Sendable, Equatable {
    /// Records acknowledged as durable.
    public var durableRecords = 0
    /// Records acknowledged as failures.
    public var failedRecords = 0
    /// Group commits that ended in a successful `fdatasync`.
    public var syncs = 0
    /// Snapshots written, and snapshots asked for but not written (the segments they
    /// would have replaced stay, so nothing is lost; the next snapshot tries again).
    public var snapshots = 0
    public var snapshotsNotWritten = 0
    /// The last problem a snapshot met (not written, or what it replaced not removed),
    /// starting with the path involved.
    public var lastSnapshotProblem: String?

    public init() {}
}
