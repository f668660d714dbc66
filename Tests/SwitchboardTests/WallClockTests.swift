import Glibc
import Switchboard
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
