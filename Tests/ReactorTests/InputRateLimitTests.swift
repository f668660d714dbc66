import Testing
@testable import Reactor

/// The input rate as a value: a burst, then the rate, then the cut, at a clock moved by hand.
@Suite struct InputRateLimitTests {
    static let start = MonotonicTime(nanoseconds: 1_000_000_000)

    static func at(_ seconds: Double) -> MonotonicTime { start.adding(seconds: seconds) }

    @Test func aBurstGoesThroughAtOnceThenLinesWaitForTheRate() {
        var rate = InputRateLimit(linesPerSecond: 10, burst: 5, floodSeconds: 3, now: Self.start)
        for _ in 0..<5 { #expect(rate.take(at: Self.start) == .deliver) }
        #expect(rate.take(at: Self.start) == .wait(until: Self.at(0.1)))
        #expect(rate.take(at: Self.at(0.1)) == .deliver)
        #expect(rate.take(at: Self.at(0.15)) == .wait(until: Self.at(0.2)))
    }

    @Test func aPersonTypingIsNeverSlowed() {
        var rate = InputRateLimit(linesPerSecond: 2, burst: 4, floodSeconds: 1, now: Self.start)
        for second in 0..<100 { #expect(rate.take(at: Self.at(Double(second))) == .deliver) }
    }

    @Test func aBacklogThatNeverEmptiesIsCutAfterTheFloodTime() {
        var rate = InputRateLimit(linesPerSecond: 10, burst: 2, floodSeconds: 1, now: Self.start)
        var now = 0.0
        var decisions: [InputRateLimit.Decision] = []
        while now < 2 {
            let decision = rate.take(at: Self.at(now))
            decisions.append(decision)
            if decision == .cut { break }
            if case .wait(let until) = decision { now = until - Self.start }
        }
        #expect(decisions.last == .cut)
        #expect(now >= 1 && now < 1.2, "cut once lines have waited a second: \(now)")
    }

    @Test func catchingUpStartsTheFloodTimeAfresh() {
        var rate = InputRateLimit(linesPerSecond: 10, burst: 1, floodSeconds: 1, now: Self.start)
        #expect(rate.take(at: Self.start) == .deliver)
        #expect(rate.take(at: Self.start) != .deliver)
        rate.caughtUp()
        #expect(rate.take(at: Self.at(0.9)) == .deliver)
        #expect(rate.take(at: Self.at(0.9)) != .cut, "waiting again from 0.9 s, not from 0 s")
        #expect(rate.take(at: Self.at(1.5)) == .deliver)
    }
}
