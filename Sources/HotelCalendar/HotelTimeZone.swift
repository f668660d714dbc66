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
