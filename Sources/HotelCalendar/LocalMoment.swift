/// A date and a time of day on the hotel's local clock, to the minute.
///
/// The line runs on injected epoch time; guests speak in local days and hours. This type
/// is the bridge: it is built from epoch seconds and a UTC offset (the caller owns the
/// zone rules, so replays stay deterministic), and turns back into epoch seconds for
/// timers and the journal. Seconds are dropped (floored), never rounded up.
public struct LocalMoment: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: CivilDate
    public let time: TimeOfDay

    public init(date: CivilDate, time: TimeOfDay) {
        self.date = date
        self.time = time
    }

    /// The local moment of an instant, `utcOffsetSeconds` east of UTC (UTC+8 is 28800).
    public init(epochSeconds: Int64, utcOffsetSeconds: Int) {
        let localMinutes = LocalMoment.floorDivide(Int(epochSeconds) + utcOffsetSeconds, 60)
        self.init(minutesSinceEpoch: localMinutes)
    }

    /// Reads `2026-12-20T09:00` (a day and a time on the hotel's clock, as `--clock` and
    /// transcripts write one); nil for any other form, a day that does not exist or a time
    /// past 23:59. The one reader of a written local moment.
    public init?(iso text: String) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let date = CivilDate(iso: String(parts[0])) else { return nil }
        let clock = Array(parts[1].utf8)
        guard clock.count == 5, clock[2] == UInt8(ascii: ":"), clock[0...1].allSatisfy({ (48...57).contains($0) }),
              clock[3...4].allSatisfy({ (48...57).contains($0) }),
              let time = TimeOfDay(hour: Int(clock[0] - 48) * 10 + Int(clock[1] - 48), minute: Int(clock[3] - 48) * 10 + Int(clock[4] - 48))
        else { return nil }
        self.init(date: date, time: time)
    }

    /// `2026-12-20T09:00`: the form `init(iso:)` reads.
    public var iso: String { date.description + "T" + time.description }

    /// The instant this local moment names, given the zone's offset at that moment.
    public func epochSeconds(utcOffsetSeconds: Int) -> Int64 {
        Int64(minutesSinceEpoch * 60 - utcOffsetSeconds)
    }

    /// The moment `minutes` later (earlier when negative), crossing days as needed.
    public func adding(minutes: Int) -> LocalMoment {
        LocalMoment(minutesSinceEpoch: minutesSinceEpoch + minutes)
    }

    /// e.g. `2026-12-24 14:05`.
    public var description: String { date.description + " " + time.description }

    public static func < (lhs: LocalMoment, rhs: LocalMoment) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }

    private var minutesSinceEpoch: Int {
        date.dayNumber * TimeOfDay.minutesPerDay + time.minutesSinceMidnight
    }

    private init(minutesSinceEpoch: Int) {
        let days = LocalMoment.floorDivide(minutesSinceEpoch, TimeOfDay.minutesPerDay)
        let minuteOfDay = minutesSinceEpoch - days * TimeOfDay.minutesPerDay
        self.date = CivilDate(dayNumber: days)
        // minuteOfDay is in 0..<1440 by the floored division above.
        self.time = TimeOfDay(minutesSinceMidnight: minuteOfDay)!
    }

    /// Division rounding toward minus infinity: instants before 1970 still land on the
    /// right day.
    private static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
