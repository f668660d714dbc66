/// Turns instants into the hotel's local moments, one after another, cheaply: it keeps the
/// zone's offset and until when it holds (the next daylight-saving change), so a call's
/// lines ask the zone's rules once a season, not once a line; and it keeps the last local
/// minute it made, so lines within one minute share one calendar computation.
///
/// Promises: `moment(at:)` gives exactly `zone.localMoment(at:)` for any instant, in any
/// order (an instant outside what it keeps asks again).
public struct LocalClock: Sendable {
    public let zone: HotelTimeZone
    private var offset = 0
    private var validFrom = WallTime(millisecondsSince1970: .max)
    private var validUntil = WallTime(millisecondsSince1970: .min)
    /// The last moment made and the instants it covers: its minute, within the offset's period.
    @usableFromInline var last = LocalMoment(epochSeconds: 0, utcOffsetSeconds: 0)
    @usableFromInline var lastFrom = WallTime(millisecondsSince1970: .max)
    @usableFromInline var lastUntil = WallTime(millisecondsSince1970: .min)

    public init(zone: HotelTimeZone) {
        self.zone = zone
    }

    /// The hotel's local day and time at `instant`. Inlinable: nearly every call finds the
    /// minute it made last, and is then two comparisons in the caller.
    @inlinable
    public mutating func moment(at instant: WallTime) -> LocalMoment {
        if instant >= lastFrom && instant < lastUntil { return last }
        return make(at: instant)
    }

    /// The moment at `instant` made anew, the offset's period asked again if it has run out.
    @usableFromInline
    mutating func make(at instant: WallTime) -> LocalMoment {
        if instant < validFrom || instant >= validUntil {
            let period = zone.period(containing: instant)
            (offset, validFrom, validUntil) = (period.offset, instant, period.until)
        }
        last = LocalMoment(epochSeconds: instant.secondsSince1970, utcOffsetSeconds: offset)
        // The local minute starts on a whole minute of local time, which is a whole minute of
        // UTC shifted by the offset's seconds (offsets such as +05:45 are whole minutes).
        let local = instant.millisecondsSince1970 + Int64(offset) * 1000
        let intoMinute = ((local % 60_000) + 60_000) % 60_000
        let minuteStart = instant.adding(milliseconds: -intoMinute)
        lastFrom = max(minuteStart, validFrom)
        lastUntil = min(minuteStart.adding(milliseconds: 60_000), validUntil)
        return last
    }

    /// Seconds east of UTC at `instant`.
    public mutating func offsetSeconds(at instant: WallTime) -> Int {
        _ = moment(at: instant)
        return offset
    }
}
