import HotelCalendar
import Glibc
import Testing

@Suite("Wall clocks")
struct WallClockTests {
    @Test func aRunningClockStartsWhereToldAndMovesWithRealTime() {
        let start: Int64 = 1_795_600_800_000  // Wednesday 25 November 2026, 10:00 UTC
        let clock = WallClock.running(from: start)
        let first = clock.now()
        #expect(first >= start && first < start + 1_000)
        usleep(30_000)
        let later = clock.now()
        #expect(later - first >= 25 && later - first < 5_000, "moved \(later - first) ms")
    }

    @Test func aFixedClockStandsStill() {
        let clock = WallClock.fixed(42)
        usleep(5_000)
        #expect(clock.now() == 42)
    }
}

@Suite("Hotel time zones")
struct HotelTimeZoneTests {
    @Test(arguments: [("UTC", 0), ("+08:00", 28_800), ("-05:30", -19_800)])
    func fixedOffsets(name: String, seconds: Int) {
        #expect(HotelTimeZone(name)?.offsetSeconds(atEpochMilliseconds: 0) == seconds)
    }

    @Test func aZoneAppliesDaylightSaving() throws {
        let madrid = try #require(HotelTimeZone("Europe/Madrid"))
        #expect(madrid.offsetSeconds(atEpochMilliseconds: 1_782_000_000_000) == 7_200)  // June 2026: summer time
        #expect(madrid.offsetSeconds(atEpochMilliseconds: 1_795_600_800_000) == 3_600)  // November 2026
    }

    @Test(arguments: ["", "Europe/Madird", "+25:00", "+08:0", "utc+8", "Mars/Olympus"])
    func namesNoSystemKnowsAreRefused(name: String) {
        #expect(HotelTimeZone(name) == nil)
    }
}
