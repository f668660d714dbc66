/// A wall-clock time of day to the minute, with no date and no zone.
///
/// Guests name times to the minute ("10:30", "3pm"); seconds would only be noise in a
/// callback queue. A value always holds a real time: `hour` 0...23, `minute` 0...59.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    /// The time, or nil when the hour or minute is out of range (24:00, 10:60).
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// The time `minutes` after midnight, or nil outside 0..<1440.
    public init?(minutesSinceMidnight minutes: Int) {
        guard (0..<TimeOfDay.minutesPerDay).contains(minutes) else { return nil }
        self.hour = minutes / 60
        self.minute = minutes % 60
    }

    public static let midnight = TimeOfDay(hour: 0, minute: 0)!
    public static let minutesPerDay = 24 * 60

    public var minutesSinceMidnight: Int { hour * 60 + minute }

    /// 24-hour clock, e.g. `14:05`.
    public var description: String {
        CivilDate.twoDigits(hour) + ":" + CivilDate.twoDigits(minute)
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }
}
