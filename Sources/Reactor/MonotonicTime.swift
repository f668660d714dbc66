import Glibc

/// A point on the system's monotonic clock (`CLOCK_MONOTONIC`), for deadlines and timers.
///
/// Promises: never goes backwards, unaffected by wall-clock changes; differences are
/// seconds as `Double`. Not a date: it means nothing across machines or reboots.
public struct MonotonicTime: Comparable, Hashable, Sendable {
    /// Nanoseconds since an unspecified start (usually boot).
    public var nanoseconds: UInt64

    public init(nanoseconds: UInt64) {
        self.nanoseconds = nanoseconds
    }

    /// Seconds since the clock's start, for whatever counts in seconds of its own.
    public var seconds: Double { Double(nanoseconds) / 1e9 }

    /// Reads the clock. The loop caches this per wake-up as `EventLoop.now`; prefer that.
    public static func now() -> MonotonicTime {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return MonotonicTime(nanoseconds: UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec))
    }

    /// This time moved by `seconds` (which may be negative); clamped at the clock's start.
    public func adding(seconds: Double) -> MonotonicTime {
        let delta = (seconds * 1e9).rounded()
        if delta >= 0 {
            let step = delta >= Double(UInt64.max - nanoseconds) ? UInt64.max - nanoseconds : UInt64(delta)
            return MonotonicTime(nanoseconds: nanoseconds + step)
        }
        let back = -delta >= Double(nanoseconds) ? nanoseconds : UInt64(-delta)
        return MonotonicTime(nanoseconds: nanoseconds - back)
    }

    public static func < (lhs: MonotonicTime, rhs: MonotonicTime) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    /// Seconds from `rhs` to `lhs`: negative when `lhs` is earlier.
    public static func - (lhs: MonotonicTime, rhs: MonotonicTime) -> Double {
        if lhs >= rhs {
            return Double(lhs.nanoseconds - rhs.nanoseconds) / 1e9
        }
        return -Double(rhs.nanoseconds - lhs.nanoseconds) / 1e9
    }
}
