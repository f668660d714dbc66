import Foundation

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
        guard !name.isEmpty else { return nil }
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

    /// A zone `seconds` east of UTC all year (a replay's, from its transcript's header).
    public init(fixedOffsetSeconds seconds: Int) {
        let minutes = abs(seconds) / 60
        let hours = minutes / 60, rest = minutes % 60
        name = (seconds < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "") + String(rest)
        kind = .fixed(seconds)
    }

    /// Seconds east of UTC at `instant` (UTC+8 is 28800).
    public func offsetSeconds(at instant: WallTime) -> Int {
        period(containing: instant).offset
    }

    /// The hotel's local day and time at `instant`.
    public func localMoment(at instant: WallTime) -> LocalMoment {
        LocalMoment(epochSeconds: instant.secondsSince1970, utcOffsetSeconds: offsetSeconds(at: instant))
    }

    /// The instant a local moment names (for records such as a callback's due time).
    ///
    /// The offset is the one in force at the instant found, not at the local time read as
    /// UTC (which, east of UTC, lies on the far side of a change of daylight saving time
    /// near midnight). A local time the change skips (02:30 when clocks go from 02:00 to
    /// 03:00) is read with the offset before it, so it lands just after the change.
    public func wallTime(of moment: LocalMoment) -> WallTime {
        let local = moment.epochSeconds(utcOffsetSeconds: 0)
        var offset = offsetSeconds(at: WallTime(millisecondsSince1970: local * 1000))
        for _ in 0..<2 {
            let instant = local - Int64(offset)
            let found = offsetSeconds(at: WallTime(millisecondsSince1970: instant * 1000))
            if found == offset { return WallTime(millisecondsSince1970: instant * 1000) }
            offset = found
        }
        // A skipped local time: the offset before the change puts it just after it.
        let before = offsetSeconds(at: WallTime(millisecondsSince1970: (local - 86_400) * 1000))
        return WallTime(millisecondsSince1970: (local - Int64(before)) * 1000)
    }

    /// Seconds since 1970 UTC of a local moment.
    public func epochSeconds(of moment: LocalMoment) -> Int64 {
        wallTime(of: moment).secondsSince1970
    }

    /// The offset in force at `instant`, and until when it holds (the next change of
    /// daylight saving time; never, for a fixed offset).
    func period(containing instant: WallTime) -> (offset: Int, until: WallTime) {
        switch kind {
        case .fixed(let offset):
            return (offset, WallTime(millisecondsSince1970: .max))
        case .zone(let zone):
            let date = Date(timeIntervalSince1970: Double(instant.millisecondsSince1970) / 1000)
            let until = zone.nextDaylightSavingTimeTransition(after: date)
                .map { WallTime(millisecondsSince1970: Int64(($0.timeIntervalSince1970 * 1000).rounded(.down))) }
            return (zone.secondsFromGMT(for: date), until ?? WallTime(millisecondsSince1970: .max))
        }
    }

    /// The zones this system knows, for suggesting one when a name is misspelt.
    public static var knownZoneNames: [String] { TimeZone.knownTimeZoneIdentifiers }

    /// `+08:00`, `-05:30` → seconds.
    private static func offset(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 6, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: ":"),
              let hours = Int(text.dropFirst().prefix(2)), let minutes = Int(text.suffix(2)), hours <= 14, minutes < 60 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return bytes[0] == UInt8(ascii: "-") ? -seconds : seconds
    }
}
