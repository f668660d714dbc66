import HotelCalendar
import Glibc
import TestSupport
import Testing

@Suite("Wall clocks")
struct WallClockTests {
    @Test func aRunningClockStartsWhereToldAndMovesWithRealTime() {
        let start = WallTime(millisecondsSince1970: 1_795_600_800_000)  // Wednesday 25 November 2026, 10:00 UTC
        let clock = WallClock.running(from: start)
        let first = clock.now()
        #expect(first >= start && first < start.adding(milliseconds: 1_000))
        usleep(30_000)
        let later = clock.now()
        #expect(later - first >= 25 && later - first < 5_000, "moved \(later - first) ms")
    }

    @Test func aFixedClockStandsStill() {
        let clock = WallClock.fixed(WallTime(millisecondsSince1970: 42))
        usleep(5_000)
        #expect(clock.now() == WallTime(millisecondsSince1970: 42))
    }
}

@Suite("Hotel time zones")
struct HotelTimeZoneTests {
    @Test(arguments: [("UTC", 0), ("+08:00", 28_800), ("-05:30", -19_800)])
    func fixedOffsets(name: String, seconds: Int) {
        #expect(HotelTimeZone(name)?.offsetSeconds(at: WallTime(millisecondsSince1970: 0)) == seconds)
    }

    @Test func aZoneAppliesDaylightSaving() throws {
        let madrid = try #require(HotelTimeZone("Europe/Madrid"))
        #expect(madrid.offsetSeconds(at: WallTime(millisecondsSince1970: 1_782_000_000_000)) == 7_200)  // June 2026: summer time
        #expect(madrid.offsetSeconds(at: WallTime(millisecondsSince1970: 1_795_600_800_000)) == 3_600)  // November 2026
    }

    @Test(arguments: ["", "Europe/Madird", "+25:00", "+08:0", "utc+8", "Mars/Olympus"])
    func namesNoSystemKnowsAreRefused(name: String) {
        #expect(HotelTimeZone(name) == nil)
    }
}

@Suite("Wall time and the hotel's local clock")
struct WallTimeTests {
    @Test func secondsRoundDownAlsoBefore1970() {
        #expect(WallTime(millisecondsSince1970: 1_999).secondsSince1970 == 1)
        #expect(WallTime(millisecondsSince1970: -1).secondsSince1970 == -1)
        #expect(WallTime(millisecondsSince1970: -1_000).secondsSince1970 == -1)
        #expect(WallTime(millisecondsSince1970: 0).adding(seconds: 1.2345) == WallTime(millisecondsSince1970: 1_235))
    }

    @Test func aFixedOffsetZoneIsNamedAsWritten() {
        #expect(HotelTimeZone(fixedOffsetSeconds: 28_800).name == "+08:00")
        #expect(HotelTimeZone(fixedOffsetSeconds: -19_800).name == "-05:30")
        #expect(HotelTimeZone(fixedOffsetSeconds: 0).localMoment(at: WallTime(millisecondsSince1970: 1_795_600_800_000)).description
                == "2026-11-25 10:00")
    }

    /// The clock keeps an offset until the next daylight-saving change: across the changes of
    /// a year, in order and out of order, it must say what the zone's rules say.
    @Test(arguments: ["Europe/Madrid", "America/New_York", "Australia/Sydney", "UTC", "+05:30"])
    func theLocalClockAgreesWithTheZoneAcrossDaylightSaving(name: String) throws {
        let zone = try #require(HotelTimeZone(name))
        var clock = LocalClock(zone: zone)
        var random = SeededGenerator(seed: 0x10CA_1C10)
        let start: Int64 = 1_767_225_600_000  // 1 January 2026
        var instants = (0..<800).flatMap { step in
            // A base instant and more in the same local minute, and just past it.
            [1_234, 2_000, 59_999, 60_000, 61_000].map { WallTime(millisecondsSince1970: start + Int64(step) * 11 * 3_600_000 + $0) }
        }
        // Around Europe's and America's changes of 2026, second by second.
        for change: Int64 in [1_774_746_000_000, 1_792_890_000_000, 1_773_554_400_000, 1_793_512_800_000] {
            instants += stride(from: change - 90_000, through: change + 90_000, by: 7_000).map { WallTime(millisecondsSince1970: $0) }
        }
        instants += (0..<200).map { _ in WallTime(millisecondsSince1970: start + Int64.random(in: 0...(366 * 86_400_000), using: &random)) }
        for instant in instants {
            #expect(clock.moment(at: instant) == zone.localMoment(at: instant), "\(name) at \(instant)")
        }
    }
}
