import HotelCalendar
import TestSupport

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

