/// An instant on the wall clock: milliseconds since 1970-01-01 00:00 UTC. The one type for
/// "when" in the line: when a call started, when a guest last spoke, when a record was made.
///
/// Promises: ordered and exact to the millisecond; no zone (a `HotelTimeZone` turns it into
/// the hotel's local day and time). Not for timers and waits, which use the monotonic clock
/// (`MonotonicTime`), immune to the wall clock being set.
public struct WallTime: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var millisecondsSince1970: Int64

    @inlinable
    public init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    /// Whole seconds since 1970 (rounded down, also before 1970).
    public var secondsSince1970: Int64 {
        let (quotient, remainder) = millisecondsSince1970.quotientAndRemainder(dividingBy: 1000)
        return remainder < 0 ? quotient - 1 : quotient
    }

    /// This instant moved by `milliseconds` (earlier when negative).
    public func adding(milliseconds: Int64) -> WallTime {
        WallTime(millisecondsSince1970: millisecondsSince1970 + milliseconds)
    }

    /// This instant moved by `seconds`, to the nearest millisecond.
    public func adding(seconds: Double) -> WallTime {
        adding(milliseconds: Int64((seconds * 1000).rounded()))
    }

    /// Milliseconds from `rhs` to `lhs`: negative when `lhs` is earlier.
    @inlinable
    public static func - (lhs: WallTime, rhs: WallTime) -> Int64 {
        lhs.millisecondsSince1970 - rhs.millisecondsSince1970
    }

    @inlinable
    public static func < (lhs: WallTime, rhs: WallTime) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    /// The milliseconds since 1970, as transcripts and records write them.
    public var description: String { String(millisecondsSince1970) }
}
