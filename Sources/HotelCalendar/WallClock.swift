import Glibc

/// The wall clock, injected so a replay or a test runs at a fixed time.
public struct WallClock: Sendable {
    /// The instant it is now.
    public var now: @Sendable () -> WallTime

    public init(now: @escaping @Sendable () -> WallTime) {
        self.now = now
    }

    public static let system = WallClock {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return WallTime(millisecondsSince1970: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    /// A clock that stands still at `instant`.
    public static func fixed(_ instant: WallTime) -> WallClock { WallClock { instant } }

    /// A clock that reads `start` now and then moves on as real time passes: a live line
    /// that believes it is a given day (tests that book "24 Dec" and expect the same year
    /// whatever day they run on), with timeouts and waits that still pass.
    public static func running(from start: WallTime) -> WallClock {
        let offset = start - system.now()
        return WallClock { system.now().adding(milliseconds: offset) }
    }
}
