import HotelCalendar
import Testing
@testable import Storage

/// Birthdays without I/O: the day a birthday falls on (the 29th of February on the 28th in
/// other years), the next one from a day (across a year's end), and whether it is today on
/// the hotel's clock, west and east of UTC.
@Suite("Birthdays")
struct BirthdayTests {
    static let utc = HotelTimeZone("UTC")!
    static func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
    static func instant(_ iso: String, _ zone: HotelTimeZone = utc) -> WallTime { zone.wallTime(of: LocalMoment(iso: iso)!) }

    // MARK: The day

    @Test func aLeapDayBirthdayFallsOnThe28thInAYearWithoutA29th() {
        let leap = Birthday("02-29")!
        #expect(leap.day(in: 2027) == Self.day("2027-02-28"))
        #expect(leap.day(in: 2028) == Self.day("2028-02-29"))
        #expect(leap.day(in: 2100) == Self.day("2100-02-28"), "2100 is no leap year")
        #expect(leap.day(in: 2000) == Self.day("2000-02-29"), "2000 is")
        #expect(leap.falls(on: Self.day("2027-02-28")) && !leap.falls(on: Self.day("2027-03-01")))
        #expect(leap.falls(on: Self.day("2028-02-29")) && !leap.falls(on: Self.day("2028-02-28")), "in a leap year, on the day itself")
        let eve = Birthday("02-28")!
        #expect(eve.falls(on: Self.day("2027-02-28")) && eve.falls(on: Self.day("2028-02-28")) && !eve.falls(on: Self.day("2028-02-29")))
        #expect(Birthday("03-14")!.falls(on: Self.day("1990-03-14")) && !Birthday("03-14")!.falls(on: Self.day("2027-03-15")))
    }

    @Test func theNextBirthdayIsThisYearsOrNextYearsOnceItHasPassed() {
        #expect(Birthday("12-31")!.next(onOrAfter: Self.day("2026-12-31")) == Self.day("2026-12-31"), "today counts")
        #expect(Birthday("12-31")!.next(onOrAfter: Self.day("2027-01-01")) == Self.day("2027-12-31"))
        #expect(Birthday("01-01")!.next(onOrAfter: Self.day("2026-12-31")) == Self.day("2027-01-01"), "across the year's end")
        #expect(Birthday("02-29")!.next(onOrAfter: Self.day("2027-02-01")) == Self.day("2027-02-28"))
        #expect(Birthday("02-29")!.next(onOrAfter: Self.day("2027-03-01")) == Self.day("2028-02-29"))
        #expect(Birthday("02-29")!.next(onOrAfter: Self.day("2028-02-29")) == Self.day("2028-02-29"))
    }

    /// At 23:30 UTC on 13 March it is the 14th in Madrid (UTC+1) and still the 13th in UTC;
    /// at 16:30 UTC it is already the 14th in Taipei (UTC+8); at 02:00 UTC on the 15th it is
    /// still the 14th in New York (UTC-4, after the clocks went forward).
    @Test func todayIsTheHotelsDayNotUTCs() {
        let birthday = Birthday("03-14")!
        let lateEvening = Self.instant("2027-03-13T23:30")
        #expect(birthday.isToday(at: lateEvening, in: HotelTimeZone("Europe/Madrid")!))
        #expect(!birthday.isToday(at: lateEvening, in: Self.utc))
        let afternoon = Self.instant("2027-03-13T16:30")
        #expect(birthday.isToday(at: afternoon, in: HotelTimeZone("Asia/Taipei")!))
        #expect(!birthday.isToday(at: afternoon, in: Self.utc))
        #expect(!birthday.isToday(at: Self.instant("2027-03-13T15:59"), in: HotelTimeZone("Asia/Taipei")!), "23:59 on the 13th there")
        let night = Self.instant("2027-03-15T02:00")
        #expect(birthday.isToday(at: night, in: HotelTimeZone("America/New_York")!))
        #expect(!birthday.isToday(at: night, in: Self.utc))
        #expect(birthday.isToday(at: Self.instant("2027-03-14T00:00"), in: HotelTimeZone(fixedOffsetSeconds: 0)), "from midnight")
    }
}
