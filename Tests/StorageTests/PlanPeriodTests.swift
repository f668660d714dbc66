import HotelCalendar
import Testing
@testable import Storage

/// Plan periods as operators write them: months, quarters and years, their days across
/// month, quarter, year and leap-day ends, and every near miss refused with what to write.
@Suite("Plan periods")
struct PlanPeriodTests {
    static func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    @Test(arguments: [
        ("2027", "2027", "2027-01-01", "2027-12-31", 365),
        ("2028", "2028", "2028-01-01", "2028-12-31", 366),
        ("2027-Q1", "2027-Q1", "2027-01-01", "2027-03-31", 90),
        ("2028-q1", "2028-Q1", "2028-01-01", "2028-03-31", 91),
        ("2027-Q2", "2027-Q2", "2027-04-01", "2027-06-30", 91),
        ("2027-Q4", "2027-Q4", "2027-10-01", "2027-12-31", 92),
        ("2027-01", "2027-01", "2027-01-01", "2027-01-31", 31),
        ("2027-02", "2027-02", "2027-02-01", "2027-02-28", 28),
        ("2028-02", "2028-02", "2028-02-01", "2028-02-29", 29),
        ("2100-02", "2100-02", "2100-02-01", "2100-02-28", 28),
        ("2027-4", "2027-04", "2027-04-01", "2027-04-30", 30),
        (" 2027-12 ", "2027-12", "2027-12-01", "2027-12-31", 31),
    ])
    func aPeriodIsReadAsWrittenWithItsDays(text: String, written: String, first: String, last: String, days: Int) throws {
        let period = try PlanPeriod(text)
        #expect(period.description == written)
        #expect(period.first == Self.day(first) && period.last == Self.day(last), "\(period): \(period.first) to \(period.last)")
        #expect(period.days == days)
        #expect(try PlanPeriod(period.description) == period, "what it writes reads back")
        #expect(period.contains(period.first) && period.contains(period.last))
        #expect(!period.contains(period.first.adding(days: -1)) && !period.contains(period.last.adding(days: 1)))
    }

    @Test func theNextAndThePreviousPeriodCrossTheYearsEnd() throws {
        #expect(try PlanPeriod("2027-12").next == PlanPeriod("2028-01"))
        #expect(try PlanPeriod("2028-01").previous == PlanPeriod("2027-12"))
        #expect(try PlanPeriod("2027-Q4").next == PlanPeriod("2028-Q1"))
        #expect(try PlanPeriod("2027-Q1").previous == PlanPeriod("2026-Q4"))
        #expect(try PlanPeriod("2027-Q1").next == PlanPeriod("2027-Q2"))
        #expect(try PlanPeriod("2027").next == PlanPeriod("2028"))
        #expect(try PlanPeriod("2027").previous == PlanPeriod("2026"))
        #expect(try PlanPeriod("9999-12").next == PlanPeriod("9999-12"), "no period past 9999")
        #expect(try PlanPeriod("0001").previous == PlanPeriod("0001"))
    }

    /// Every day of a leap year lies in exactly one of its months and one of its quarters,
    /// and the periods follow one another without a gap.
    @Test func everyDayOfAYearLiesInOneMonthAndOneQuarter() throws {
        let year = try PlanPeriod("2028")
        let months = (1...12).map { PlanPeriod(year: 2028, month: $0)! }
        let quarters = (1...4).map { PlanPeriod(year: 2028, quarter: $0)! }
        for offset in 0..<year.days {
            let day = year.first.adding(days: offset)
            #expect(months.filter { $0.contains(day) }.count == 1, "\(day)")
            #expect(quarters.filter { $0.contains(day) }.count == 1, "\(day)")
        }
        #expect(months.map(\.days).reduce(0, +) == year.days && quarters.map(\.days).reduce(0, +) == year.days)
        for (period, next) in zip(months + quarters, months.dropFirst() + [year.next] + quarters.dropFirst() + [year.next]) {
            #expect(period.last.adding(days: 1) == next.first, "\(period) then \(next)")
        }
    }

    @Test(arguments: [
        ("2027-13", PlanPeriodProblem.month("2027-13"), "\"2027-13\": there is no such month; months are 01 to 12, like 2027-01"),
        ("2027-00", .month("2027-00"), "there is no such month"),
        ("2027-Q5", .quarter("2027-Q5"), "\"2027-Q5\": there is no such quarter; quarters are Q1 to Q4, like 2027-Q1"),
        ("2027-Q0", .quarter("2027-Q0"), "there is no such quarter"),
        ("2027-Q", .quarter("2027-Q"), "there is no such quarter"),
        ("27", .year("27"), "\"27\": a year has four digits, like 2027"),
        ("27-01", .year("27-01"), "a year has four digits"),
        ("20271", .year("20271"), "a year has four digits"),
        ("0000", .year("0000"), "a year has four digits"),
        ("01-2027", .yearLast("01-2027", suggestion: "2027-01"), "\"01-2027\": the year comes first (did you mean \"2027-01\"?)"),
        ("q1-2027", .yearLast("q1-2027", suggestion: "2027-Q1"), "(did you mean \"2027-Q1\"?)"),
        ("13-2027", .yearLast("13-2027", suggestion: nil), "the year comes first, like 2027-Q1 or 2027-01"),
        ("2027-01-15", .day("2027-01-15", suggestion: "2027-01"), "\"2027-01-15\" is a day: a plan is for a year (2027), a quarter (2027-Q1) or a month (2027-01) (did you mean \"2027-01\"?)"),
        ("15-01-2027", .day("15-01-2027", suggestion: nil), "is a day"),
        ("", .empty, "a period is needed: a year (2027), a quarter (2027-Q1) or a month (2027-01)"),
        ("next month", .unreadable("next month"), "\"next month\" is not a period: write a year (2027)"),
        ("2027-01..2027-03", .unreadable("2027-01..2027-03"), "is not a period"),
        ("2027Q1", .unreadable("2027Q1"), "is not a period"),
        ("２０２７", .unreadable("２０２７"), "is not a period"),
    ])
    func aTextThatIsNoPeriodSaysWhatToWrite(text: String, problem: PlanPeriodProblem, message: String) {
        #expect(throws: problem) { try PlanPeriod(text) }
        #expect(problem.description.contains(message), "\(problem)")
    }
}
