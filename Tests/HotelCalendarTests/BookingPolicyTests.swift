import HotelCalendar
import TestSupport
import Testing

/// The fee windows at their edges: the policy is a pure value, so every edge is a plain call.
@Suite("The booking policy")
struct BookingPolicyTests {
    /// An instant on the hotel's clock in `zone`, from `2026-12-22T15:00`.
    static func at(_ iso: String, seconds: Int64 = 0, in zone: HotelTimeZone = HotelTimeZone("UTC")!) -> WallTime {
        zone.wallTime(of: LocalMoment(iso: iso)!).adding(milliseconds: seconds * 1000)
    }

    static let stay = BookingPolicy.Stay(arrival: day("2026-12-24"), departure: day("2026-12-27"), rooms: 2, rate: 180)
    static let policy = BookingPolicy()  // 48 hours, first night late and at no-show, dates as cancellations, check-in 15:00, UTC

    @Test func theWindowClosesExactlyFreeHoursBeforeTheCheckInTime() {
        let policy = Self.policy
        #expect(policy.freeUntil(arrival: day("2026-12-24")) == Self.at("2026-12-22T15:00"))
        #expect(policy.isFree(arrival: day("2026-12-24"), at: Self.at("2026-12-22T14:59", seconds: 59)))
        #expect(!policy.isFree(arrival: day("2026-12-24"), at: Self.at("2026-12-22T15:00")), "the instant itself is not free")
        #expect(policy.cancellationFee(Self.stay, at: Self.at("2026-12-22T14:59", seconds: 59)) == 0)
        #expect(policy.cancellationFee(Self.stay, at: Self.at("2026-12-22T15:00")) == 360, "first night of two rooms")
        #expect(policy.cancellationFee(Self.stay, at: Self.at("2026-12-24T16:00")) == 360, "on the arrival day, after check-in")
    }

    @Test func aWindowThatEndsBeforeMidnightAcrossAMonthAndAYearEnd() {
        var policy = Self.policy
        policy.freeHours = 20
        policy.checkInTime = TimeOfDay(hour: 14, minute: 0)!
        // 14:00 on 1 January less 20 hours is 18:00 on 31 December of the year before.
        #expect(policy.freeUntilLocal(arrival: day("2027-01-01")) == LocalMoment(iso: "2026-12-31T18:00"))
        // 14:00 on 1 March 2028 less 20 hours is 18:00 on 29 February (a leap year).
        #expect(policy.freeUntilLocal(arrival: day("2028-03-01")) == LocalMoment(iso: "2028-02-29T18:00"))
        #expect(policy.freeUntilLocal(arrival: day("2027-03-01")) == LocalMoment(iso: "2027-02-28T18:00"))
        // 48 hours across the end of a month.
        #expect(Self.policy.freeUntilLocal(arrival: day("2026-12-01")) == LocalMoment(iso: "2026-11-29T15:00"))
    }

    @Test func theWindowIsOnTheHotelsClockAndCountsRealHoursAcrossDaylightSaving() throws {
        let tokyo = try #require(HotelTimeZone("+09:00"))
        var policy = Self.policy
        policy.zone = tokyo
        // 15:00 in Tokyo is 06:00 UTC: the window closes at 06:00 UTC two days before.
        #expect(policy.freeUntil(arrival: day("2026-12-24")) == Self.at("2026-12-22T06:00"))
        #expect(policy.freeUntilLocal(arrival: day("2026-12-24")) == LocalMoment(iso: "2026-12-22T15:00"))
        // Madrid moves its clocks forward at 02:00 on Sunday 29 March 2026: 48 real hours
        // before 15:00 on Monday 30 March are 14:00 on Saturday 28 March, local time.
        let madrid = try #require(HotelTimeZone("Europe/Madrid"))
        policy.zone = madrid
        #expect(policy.freeUntilLocal(arrival: day("2026-03-30")) == LocalMoment(iso: "2026-03-28T14:00"))
        #expect(policy.freeUntil(arrival: day("2026-03-30")) == Self.at("2026-03-30T15:00", in: madrid).adding(milliseconds: -48 * 3_600_000))
        // And back on Sunday 25 October: 48 real hours before 15:00 on Monday 26 October are
        // 16:00 on Saturday 24 October.
        #expect(policy.freeUntilLocal(arrival: day("2026-10-26")) == LocalMoment(iso: "2026-10-24T16:00"))
    }

    @Test func aPolicyWithNoWindowChargesFromTheFirstMoment() {
        var policy = Self.policy
        policy.freeHours = 0
        #expect(policy.isFree(arrival: day("2026-12-24"), at: Self.at("2026-12-24T14:59")))
        #expect(!policy.isFree(arrival: day("2026-12-24"), at: Self.at("2026-12-24T15:00")))
    }

    @Test func eachFeeRuleComesToItsAmount() {
        var policy = Self.policy
        #expect(policy.amount(.none, on: Self.stay) == 0)
        #expect(policy.amount(.firstNight, on: Self.stay) == 360)
        #expect(policy.amount(.wholeStay, on: Self.stay) == 1080)
        policy.noShowFee = .wholeStay
        #expect(policy.noShowCharge(Self.stay) == 1080)
        policy.lateFee = .none
        #expect(policy.cancellationFee(Self.stay, at: Self.at("2026-12-24T00:00")) == 0)
    }

    @Test func changesAreFreeInsideTheWindowAndChargedByWhatChangesOutsideIt() {
        let policy = Self.policy
        let inside = Self.at("2026-12-20T09:00"), outside = Self.at("2026-12-23T09:00")
        var later = Self.stay
        later.arrival = day("2026-12-25")
        later.departure = day("2026-12-28")
        var fewer = Self.stay
        fewer.rooms = 1
        var more = Self.stay
        more.rooms = 3
        var suite = Self.stay
        suite.rate = 390
        #expect(policy.changeFee(from: Self.stay, to: later, at: inside) == 0)
        #expect(policy.changeFee(from: Self.stay, to: fewer, at: inside) == 0)
        #expect(policy.changeFee(from: Self.stay, to: later, at: outside) == 360, "dates: the first night of the stay as it stood")
        #expect(policy.changeFee(from: Self.stay, to: fewer, at: outside) == 180, "one room given up: its first night")
        #expect(policy.changeFee(from: Self.stay, to: more, at: outside) == 0, "more rooms are a sale")
        #expect(policy.changeFee(from: Self.stay, to: suite, at: outside) == 0, "another room type is a sale")
        var freeDates = policy
        freeDates.dateChanges = .free
        #expect(freeDates.changeFee(from: Self.stay, to: later, at: outside) == 0)
        var laterAndFewer = later
        laterAndFewer.rooms = 1
        #expect(freeDates.changeFee(from: Self.stay, to: laterAndFewer, at: outside) == 180, "rooms given up still count")
    }

    @Test func aLocalMomentReadsOneWrittenFormOnly() {
        #expect(LocalMoment(iso: "2026-12-20T09:00")?.iso == "2026-12-20T09:00")
        #expect(LocalMoment(iso: "2028-02-29T23:59")?.description == "2028-02-29 23:59")
        for bad in ["", "2026-12-20", "2026-12-20 09:00", "2026-12-20T9:00", "2026-12-20T24:00", "2026-12-20T09:60", "2026-02-30T09:00",
                    "2026-12-20T09:00:00", "2026-12-20T09:00Z", "20-12-2026T09:00", "2026-12-20T0a:00"] {
            #expect(LocalMoment(iso: bad) == nil, "\(bad)")
        }
    }
}
