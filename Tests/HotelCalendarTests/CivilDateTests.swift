import TestSupport
import Testing
@testable import HotelCalendar

@Suite("CivilDate")
struct CivilDateTests {
    @Test func validatesMonthsAndDays() {
        #expect(CivilDate(year: 2026, month: 12, day: 31) != nil)
        #expect(CivilDate(year: 2026, month: 13, day: 1) == nil)
        #expect(CivilDate(year: 2026, month: 0, day: 1) == nil)
        #expect(CivilDate(year: 2026, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2026, month: 1, day: 0) == nil)
    }

    @Test func knowsLeapYears() {
        #expect(CivilDate(year: 2028, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2027, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2100, month: 2, day: 29) == nil)
    }

    @Test func countsDaysFromTheEpoch() {
        #expect(day("1970-01-01").dayNumber == 0)
        #expect(day("1970-01-02").dayNumber == 1)
        #expect(day("1969-12-31").dayNumber == -1)
        #expect(day("2000-03-01").dayNumber == 11_017)
        #expect(day("2026-11-25").dayNumber == 20_782)
        #expect(CivilDate(dayNumber: 20_782) == wednesday)
    }

    @Test func roundTripsEveryDayForFourHundredYears() {
        // 1770 … 2170: every day, through both conversions, and each next day follows.
        // The same four checks each day, tested plainly and recorded only when one fails:
        // 146,101 days by four #expect was most of the test's time.
        var previous = CivilDate(dayNumber: -73_050 - 1)
        var wrong: [String] = []
        for number in -73_050...73_050 {
            let date = CivilDate(dayNumber: number)
            if date.dayNumber != number { wrong.append("day \(number): dayNumber is \(date.dayNumber)") }
            let rebuilt = CivilDate(year: date.year, month: date.month, day: date.day)
            if rebuilt != date { wrong.append("day \(number): \(date) from its year, month and day is \(String(describing: rebuilt))") }
            if !(previous < date) { wrong.append("day \(number): \(date) is not after \(previous)") }
            if date.weekday != previous.weekday % 7 + 1 { wrong.append("day \(number): weekday \(date.weekday) after \(previous.weekday)") }
            previous = date
        }
        #expect(wrong.isEmpty, "\(wrong.count) wrong, the first: \(wrong.prefix(5))")
    }

    @Test(arguments: [
        ("1970-01-01", 4), ("2000-01-01", 6), ("1969-12-31", 3), ("1900-01-01", 1),
        ("2026-11-25", 3), ("2026-12-24", 4), ("2024-02-29", 4), ("1815-06-18", 7),
    ])
    func knowsWeekdays(iso: String, weekday: Int) {
        #expect(day(iso).weekday == weekday)
    }

    @Test func addsAndCountsDays() {
        #expect(wednesday.adding(days: 36) == day("2026-12-31"))
        #expect(wednesday.adding(days: 37) == day("2027-01-01"))
        #expect(wednesday.adding(days: -329) == day("2025-12-31"))
        #expect(CivilDate.days(from: wednesday, to: day("2026-12-24")) == 29)
        #expect(CivilDate.days(from: day("2026-12-24"), to: wednesday) == -29)
        #expect(CivilDate.days(from: day("2028-02-28"), to: day("2028-03-01")) == 2)
    }

    @Test func writesAndReadsIso() {
        #expect(day("2026-12-24").description == "2026-12-24")
        #expect(CivilDate(year: 987, month: 3, day: 7)!.description == "0987-03-07")
        #expect(CivilDate(iso: "2026-02-30") == nil)
        #expect(CivilDate(iso: "2026-2-3") == nil)
        #expect(CivilDate(iso: "2026/12/24") == nil)
        #expect(CivilDate(iso: "20a6-12-24") == nil)
        #expect(CivilDate(iso: "") == nil)
    }

    @Test func ordersByDay() {
        #expect(day("2026-12-24") < day("2026-12-25"))
        #expect(day("2026-12-31") < day("2027-01-01"))
        #expect(day("2026-02-28") > day("2026-01-31"))
    }
}

@Suite("TimeOfDay and LocalMoment")
struct ClockTests {
    @Test func validatesTimes() {
        #expect(TimeOfDay(hour: 23, minute: 59) != nil)
        #expect(TimeOfDay(hour: 24, minute: 0) == nil)
        #expect(TimeOfDay(hour: 10, minute: 60) == nil)
        #expect(TimeOfDay(hour: -1, minute: 0) == nil)
        #expect(TimeOfDay(hour: 14, minute: 5)!.description == "14:05")
        #expect(TimeOfDay(hour: 14, minute: 5)!.minutesSinceMidnight == 845)
        #expect(TimeOfDay(minutesSinceMidnight: 845) == TimeOfDay(hour: 14, minute: 5))
        #expect(TimeOfDay(minutesSinceMidnight: 1440) == nil)
        #expect(TimeOfDay(hour: 9, minute: 30)! < TimeOfDay(hour: 10, minute: 0)!)
    }

    @Test func readsEpochSecondsInAZone() {
        let epoch = LocalMoment(epochSeconds: 0, utcOffsetSeconds: 0)
        #expect(epoch.description == "1970-01-01 00:00")
        #expect(LocalMoment(epochSeconds: -1, utcOffsetSeconds: 0).description == "1969-12-31 23:59")
        #expect(LocalMoment(epochSeconds: 0, utcOffsetSeconds: 8 * 3600).description == "1970-01-01 08:00")
        #expect(LocalMoment(epochSeconds: 0, utcOffsetSeconds: -5 * 3600).description == "1969-12-31 19:00")
        // 2026-11-25 09:00 in Shanghai is 01:00 UTC; seconds are dropped, not rounded.
        let shanghai = LocalMoment(epochSeconds: 1_795_568_459, utcOffsetSeconds: 28_800)
        #expect(shanghai.description == "2026-11-25 09:00")
        #expect(shanghai.epochSeconds(utcOffsetSeconds: 28_800) == 1_795_568_400)
    }

    @Test func roundTripsWholeMinutes() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let seconds = Int64.random(in: -4_000_000_000...8_000_000_000, using: &generator) / 60 * 60
            let offset = Int.random(in: -12...14, using: &generator) * 3600
            let moment = LocalMoment(epochSeconds: seconds, utcOffsetSeconds: offset)
            #expect(moment.epochSeconds(utcOffsetSeconds: offset) == seconds)
        }
    }

    @Test func addsMinutesAcrossDays() {
        let moment = LocalMoment(date: day("2026-12-31"), time: TimeOfDay(hour: 23, minute: 30)!)
        #expect(moment.adding(minutes: 45).description == "2027-01-01 00:15")
        #expect(moment.adding(minutes: -24 * 60).description == "2026-12-30 23:30")
        #expect(moment.adding(minutes: 45) > moment)
    }
}
