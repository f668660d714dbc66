import Glibc

/// The wall clock, injected so a replay or a test runs at a fixed time.
public struct WallClock: Sendable {
    /// Milliseconds since 1970, UTC.
    public var now: @Sendable () -> Int64

    public init(now: @escaping @Sendable () -> Int64) {
        self.now = now
    }

    public static let system = WallClock {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }

    /// A clock that stands still at `epochMilliseconds`.
    public static func fixed(_ epochMilliseconds: Int64) -> WallClock { WallClock { epochMilliseconds } }

    /// A clock that reads `epochMilliseconds` now and then moves on as real time passes:
    /// a live line that believes it is a given day (tests that book "24 Dec" and expect
    /// the same year whatever day they run on), with timeouts and waits that still pass.
    public static func running(from epochMilliseconds: Int64) -> WallClock {
        let offset = epochMilliseconds - system.now()
        return WallClock { system.now() + offset }
    }
}
