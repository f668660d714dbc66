/// Response times in microseconds, counted in log-linear buckets (HdrHistogram's shape):
/// exact below 64 µs, then 32 buckets per power of two, so any percentile is within about
/// 3% of the true value however many millions of samples arrive.
///
/// Promises: `record` is O(1) and allocates nothing; memory is fixed (a few KiB); values
/// past the last bucket (about 12 days) are counted in it.
public struct LatencyHistogram: Sendable {
    /// log2 of the buckets per power of two.
    private static let subBits = 5
    private static let subCount = 1 << subBits
    /// Values below this are their own bucket.
    private static let linearLimit = 2 * subCount
    /// Powers of two covered past the linear part: up to 2^(6+40) µs.
    private static let bucketCount = linearLimit + 40 * subCount

    private var counts = [UInt64](repeating: 0, count: bucketCount)
    public private(set) var count: UInt64 = 0
    public private(set) var maximum: UInt64 = 0

    public init() {}

    public mutating func record(microseconds value: UInt64) {
        counts[Self.bucket(of: value)] += 1
        count += 1
        if value > maximum { maximum = value }
    }

    /// Adds `other`'s samples to these.
    public mutating func merge(_ other: LatencyHistogram) {
        for index in counts.indices { counts[index] += other.counts[index] }
        count += other.count
        maximum = max(maximum, other.maximum)
    }

    public mutating func reset() {
        self = LatencyHistogram()
    }

    /// The value at or below which `fraction` (0...1) of the samples lie, in microseconds:
    /// the upper edge of the bucket that holds it (so it never understates), capped at
    /// the largest sample. Zero without samples.
    public func percentile(_ fraction: Double) -> UInt64 {
        guard count > 0 else { return 0 }
        let rank = max(1, UInt64((fraction * Double(count)).rounded(.up)))
        var seen: UInt64 = 0
        for (index, bucketCount) in counts.enumerated() where bucketCount > 0 {
            seen += bucketCount
            if seen >= rank { return min(Self.upperEdge(of: index), maximum) }
        }
        return maximum
    }

    static func bucket(of value: UInt64) -> Int {
        guard value >= UInt64(linearLimit) else { return Int(value) }
        let highest = 63 - value.leadingZeroBitCount
        let shift = highest - subBits
        let top = Int(value >> UInt64(shift))  // in subCount..<2*subCount
        return min(linearLimit + (shift - 1) * subCount + (top - subCount), bucketCount - 1)
    }

    static func upperEdge(of index: Int) -> UInt64 {
        guard index >= linearLimit else { return UInt64(index) }
        let shift = (index - linearLimit) / subCount + 1
        let top = UInt64((index - linearLimit) % subCount + subCount)
        return ((top + 1) << UInt64(shift)) - 1
    }
}
