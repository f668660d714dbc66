import HotelCalendar
import Testing
@testable import Reports

/// Periods: ISO weeks from Monday across a year's end, months of every length, and every
/// day in exactly one period of each grouping.
@Suite("Report periods")
struct ReportPeriodTests {
    static func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    @Test(arguments: [
        // A Thursday in 2026-W53: 2026 has 53 ISO weeks (it starts on a Thursday).
        ("2026-12-31", "2026-12-28", "2026-W53"),
        // 2027-01-01 is a Friday: still 2026's last week.
        ("2027-01-01", "2026-12-28", "2026-W53"),
        ("2027-01-03", "2026-12-28", "2026-W53"),
        ("2027-01-04", "2027-01-04", "2027-W01"),
        // 2024-12-30 is a Monday whose Thursday is in 2025: 2025-W01.
        ("2024-12-31", "2024-12-30", "2025-W01"),
        ("2021-01-03", "2020-12-28", "2020-W53"),
        ("2027-03-01", "2027-03-01", "2027-W09"),
        ("2027-03-07", "2027-03-01", "2027-W09"),
    ])
    func weeksStartOnMondayAndBelongToTheirThursdaysYear(day: String, monday: String, label: String) {
        let week = ReportPeriod(containing: Self.day(day), by: .week)
        #expect(week.first == Self.day(monday))
        #expect(week.first.weekday == 1)
        #expect(week.last == Self.day(monday).adding(days: 6))
        #expect(week.description == label)
    }

    @Test func theWeekAfterTheLastOfAYearIsTheFirstOfTheNext() {
        let last = ReportPeriod(containing: Self.day("2026-12-30"), by: .week)
        #expect(last.next.description == "2027-W01")
        #expect(last.next.previous == last)
        #expect(ReportPeriod(containing: Self.day("2027-01-05"), by: .week).previous.description == "2026-W53")
    }

    @Test(arguments: [("2027-02-14", "2027-02-01", "2027-02-28", "2027-02"), ("2028-02-29", "2028-02-01", "2028-02-29", "2028-02"),
                      ("2026-12-31", "2026-12-01", "2026-12-31", "2026-12"), ("2027-04-30", "2027-04-01", "2027-04-30", "2027-04")])
    func monthsRunFromTheFirstToTheirLastDay(day: String, first: String, last: String, label: String) {
        let month = ReportPeriod(containing: Self.day(day), by: .month)
        #expect(month.first == Self.day(first))
        #expect(month.last == Self.day(last))
        #expect(month.description == label)
    }

    @Test func aMonthsNeighboursCrossTheYear() {
        let december = ReportPeriod(containing: Self.day("2026-12-15"), by: .month)
        #expect(december.next.description == "2027-01")
        #expect(december.next.previous == december)
        #expect(ReportPeriod(containing: Self.day("2027-01-01"), by: .month).previous.description == "2026-12")
    }

    @Test(arguments: ReportGrouping.allCases)
    func everyDayIsInExactlyOneCoveringPeriod(grouping: ReportGrouping) {
        let from = Self.day("2026-11-20"), to = Self.day("2027-02-10")
        let periods = ReportPeriod.covering(from: from, to: to, by: grouping)
        #expect(periods.count == ReportPeriod.count(from: from, to: to, by: grouping))
        #expect(periods == periods.sorted())
        for (earlier, later) in zip(periods, periods.dropFirst()) { #expect(earlier.end == later.first, "no gap, no overlap") }
        var day = periods.first!.first
        while day < periods.last!.end {
            #expect(periods.filter { $0.contains(day) }.count == 1, "\(day)")
            day = day.adding(days: 1)
        }
        #expect(periods.first!.contains(from) && periods.last!.contains(to), "whole periods around the range")
    }

    @Test func aRangeOfOneDayIsOnePeriodOfEachGrouping() {
        let day = Self.day("2027-03-10")
        for grouping in ReportGrouping.allCases {
            #expect(ReportPeriod.covering(from: day, to: day, by: grouping).count == 1)
        }
        #expect(ReportPeriod.count(from: day, to: day.adding(days: -1), by: .day) == 0, "backwards: nothing")
    }
}
