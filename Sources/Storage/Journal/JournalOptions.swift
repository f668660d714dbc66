/// Settings of a journal, each with a default that suits a single hotel line server.
public struct JournalOptions: Sendable {
    /// A new segment starts before the first write once the current one has reached this
    /// many bytes (default 64 MiB). A soft limit: one group commit is never split, so a
    /// segment may exceed it by one batch.
    public var segmentSizeLimit: Int
    /// Recovery reads only segments numbered this or higher (default 1: all of them).
    ///
    /// The hook for snapshots: the layer above calls `Journal.rollSegment()` (which
    /// returns N, the first segment holding records appended after the call), writes its
    /// snapshot of the state as of that moment, and on the next start opens with
    /// `startSegment = N` to replay only what came after the snapshot. Older segments are
    /// then ignored, however damaged, and may be deleted by the layer above. If no segment
    /// numbered `startSegment` or higher exists, writing starts in segment `startSegment`.
    public var startSegment: Int

    public init(segmentSizeLimit: Int = 64 << 20, startSegment: Int = 1) {
        precondition(segmentSizeLimit > 0, "segmentSizeLimit must be positive")
        precondition(startSegment >= 1, "segment numbers start at 1")
        self.segmentSizeLimit = segmentSizeLimit
        self.startSegment = startSegment
    }
}
