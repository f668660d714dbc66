import TestSupport
import HotelCalendar

/// The tests' "today": Wednesday 25 November 2026.
let wednesday = CivilDate(year: 2026, month: 11, day: 25)!

/// A date from ISO text, trapping on a typo in the test itself.
func day(_ iso: String) -> CivilDate {
    guard let date = CivilDate(iso: iso) else { preconditionFailure("bad test date \(iso)") }
    return date
}
