import HotelCalendar
import Dialogue
import Foundation

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

/// Turns instants into the hotel's local time, by its `timezone` setting: `UTC`, a fixed
/// offset such as `+08:00`, or an IANA zone such as `Europe/Madrid` (daylight saving applied).
public struct HotelTimeZone: Sendable {
    private enum Kind: Sendable {
        case fixed(Int)
        case zone(TimeZone)
    }

    private let kind: Kind
    public let name: String

    /// Nil when `name` is neither an offset nor a zone this system knows.
    public init?(_ name: String) {
        self.name = name
        if name == "UTC" || name == "GMT" {
            kind = .fixed(0)
        } else if let offset = Self.offset(name) {
            kind = .fixed(offset)
        } else if let zone = TimeZone(identifier: name) {
            kind = .zone(zone)
        } else {
            return nil
        }
    }

    public func offsetSeconds(atEpochMilliseconds instant: Int64) -> Int {
        switch kind {
        case .fixed(let offset): return offset
        case .zone(let zone): return zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant) / 1000))
        }
    }

    public func localMoment(atEpochMilliseconds instant: Int64) -> LocalMoment {
        LocalMoment(epochSeconds: instant / 1000, utcOffsetSeconds: offsetSeconds(atEpochMilliseconds: instant))
    }

    /// Seconds since 1970 UTC of a local moment (for records such as a callback's due time).
    public func epochSeconds(of moment: LocalMoment) -> Int64 {
        let guess = moment.epochSeconds(utcOffsetSeconds: 0)
        return moment.epochSeconds(utcOffsetSeconds: offsetSeconds(atEpochMilliseconds: guess * 1000))
    }

    /// `+08:00`, `-05:30` → seconds.
    private static func offset(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: ":"),
              let hours = Int(text.dropFirst().prefix(2)), let minutes = Int(text.suffix(2)), hours <= 14, minutes < 60 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return bytes[0] == UInt8(ascii: "-") ? -seconds : seconds
    }
}
