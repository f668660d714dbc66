/// Turns instants into the hotel's local moments, one after another, cheaply: it keeps the
/// zone's offset and until when it holds (the next daylight-saving change), so a call's
/// lines ask the zone's rules once a season, not once a line.
///
/// Promises: `moment(at:)` gives exactly `zone.localMoment(at:)` for any instant, in any
/// order (an instant before the period it keeps asks the rules again).
public struct LocalClock: Sendable {
    public let zone: HotelTimeZone
    private var offset = 0
    private var validFrom = WallTime(millisecondsSince1970: .max)
    private var validUntil = WallTime(millisecondsSince1970: .min)

    public init(zone: HotelTimeZone) {
        self.zone = zone
    }

    /// The hotel's local day and time at `instant`.
    public mutating func moment(at instant: WallTime) -> LocalMoment {
        if instant < validFrom || instant >= validUntil {
            let period = zone.period(containing: instant)
            (offset, validFrom, validUntil) = (period.offset, instant, period.until)
        }
        return LocalMoment(epochSeconds: instant.secondsSince1970, utcOffsetSeconds: offset)
    }

    /// Seconds east of UTC at `instant`.
    public mutating func offsetSeconds(at instant: WallTime) -> Int {
        _ = moment(at: instant)
        return offset
    }
}
