import Foundation

/// How much random input the fuzz and model tests try. `swift test` runs a budget that keeps
/// the whole suite quick on two cores; `HOTELLINE_FUZZ=N` multiplies every budget by N for a
/// long hunt (`Scripts/fuzz` runs them at 20). Every such test still prints the seed of a
/// failing case, so what a long hunt finds is rerun from its seed and pinned as a test.
public enum FuzzBudget {
    /// The multiplier from `HOTELLINE_FUZZ` (1 when unset or not a positive number).
    public static let scale: Int = {
        guard let text = ProcessInfo.processInfo.environment["HOTELLINE_FUZZ"], let value = Int(text), value > 0 else { return 1 }
        return value
    }()

    /// `base` rounds, times the scale.
    public static func rounds(_ base: Int) -> Int { base * scale }

    /// Seeds `1...base × scale`: the default run's seeds are the first of a long run's.
    public static func seeds(_ base: Int) -> ClosedRange<UInt64> { 1...UInt64(base * scale) }
}
