/// Settings of a journal, each with a default that suits a single hotel line server.
public struct JournalSettings: Sendable {
    /// A new segment starts before the first write once the current one has reached this
    /// many bytes (default 64 MiB). A soft limit: one group commit is never split, so a
    /// segment may exceed it by one batch.
    public var segmentSizeLimit: Int
    /// How long the writer may wait for a batch to fill up to the size of the previous
    /// commit before syncing a smaller one (default 100 µs; zero: never). It costs a quiet
    /// line nothing (after a commit of one record the writer never waits) and saves a busy
    /// one from syncing the first record of each wave alone.
    public var groupCommitLinger: Duration

    public init(segmentSizeLimit: Int = 64 << 20, groupCommitLinger: Duration = .microseconds(100)) {
        precondition(segmentSizeLimit > 0, "segmentSizeLimit must be positive")
        precondition(groupCommitLinger >= .zero, "groupCommitLinger must not be negative")
        self.segmentSizeLimit = segmentSizeLimit
        self.groupCommitLinger = groupCommitLinger
    }
}
