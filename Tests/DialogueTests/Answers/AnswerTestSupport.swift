import HotelCalendar

@testable import Dialogue

/// Wednesday 25 November 2026: late in the year, so year roll-over shows.
let wednesday = CivilDate(year: 2026, month: 11, day: 25)!

func day(_ iso: String) -> CivilDate {
    CivilDate(iso: iso)!
}

/// The value of a successful result, nil for a problem.
func value<Value>(_ result: Result<Value, AnswerProblem>) -> Value? {
    try? result.get()
}

/// The problem of a failed result, nil for a value.
func problem<Value>(_ result: Result<Value, AnswerProblem>) -> AnswerProblem? {
    guard case .failure(let problem) = result else { return nil }
    return problem
}

/// A small deterministic generator (SplitMix64) so a failing fuzz case can be rerun
/// from its printed seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
