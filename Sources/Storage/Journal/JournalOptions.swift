/// Settings of a journal, each with a default that suits a single hotel line server.
public struct JournalOptions: Sendable {
    /// A new segment starts before the first write once the current one has reached this
    /// many bytes (default 64 MiB). A soft limit: one group commit is never split, so a
    /// segment may exceed it by one batch.
    public var segmentSizeLimit: Int

    public init(segmentSizeLimit: Int = 64 << 20) {
        precondition(segmentSizeLimit > 0, "segmentSizeLimit must be positive")
        self.segmentSizeLimit = segmentSizeLimit
    }
}
