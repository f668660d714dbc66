/// How long the journal's group commits waited for the disk (`fdatasync`), counted in fixed
/// buckets: what `/metrics` publishes as the histogram `hotelline_journal_sync_seconds`.
///
/// Promises: `record` is O(1) and allocates nothing once made (the buckets are made with
/// the value); the buckets never change, so a scraper's series stay the same across
/// restarts. Counts and the sum only grow.
public struct JournalSyncTimes: Sendable, Equatable {
    /// The buckets' upper bounds in seconds, each inclusive (Prometheus's `le`); a sync
    /// longer than the last is counted only in the total (the `+Inf` bucket). From half a
    /// millisecond (a fast SSD) to two and a half seconds (a disk in trouble).
    public static let bounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    /// Syncs at or under each bound and over the one before (not cumulative).
    private var counts = [Int](repeating: 0, count: JournalSyncTimes.bounds.count)
    /// Every sync timed.
    public private(set) var count = 0
    /// Their durations added up, in seconds.
    public private(set) var sumSeconds = 0.0

    public init() {}

    /// One sync that took `nanoseconds`.
    public mutating func record(nanoseconds: UInt64) {
        let seconds = Double(nanoseconds) / 1e9
        count += 1
        sumSeconds += seconds
        if let bucket = Self.bounds.firstIndex(where: { seconds <= $0 }) { counts[bucket] += 1 }
    }

    /// Syncs at or under each of `bounds`, in order: the histogram's cumulative buckets.
    public var cumulativeCounts: [Int] {
        var total = 0
        return counts.map { total += $0; return total }
    }
}
