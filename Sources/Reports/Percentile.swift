/// Percentiles by nearest rank: the p-th percentile of n values is the value at rank
/// ⌈p × n / 100⌉ in ascending order (the median of four is the second). Always a value
/// that occurred, so a wait's percentile is a wait some guest had; nil for no values.
public enum Percentile {
    public static func nearestRank<Value: Comparable>(_ percent: Int, of values: [Value]) -> Value? {
        precondition((1...100).contains(percent), "Invalid percentile \(percent)")
        guard !values.isEmpty else { return nil }
        let rank = (percent * values.count + 99) / 100
        return values.sorted()[max(rank, 1) - 1]
    }
}
