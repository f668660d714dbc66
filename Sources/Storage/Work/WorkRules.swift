import HotelCalendar

/// How the hotel runs its lists: retries, the hours calls are made in, and the days its
/// rules count (from `hotel.conf` and DOMAIN.md), on the hotel's clock.
public struct WorkRules: Sendable {
    /// Minutes before an unanswered callback is tried again.
    public var callbackRetryMinutes: Int
    /// Tries before an unanswered callback is closed as unreachable.
    public var callbackTries: Int
    /// When staff make calls: a retry falling outside them moves to the next opening.
    public var callbackHours: (opens: TimeOfDay, closes: TimeOfDay)?
    /// A complaint is revisited within this many days of its ticket.
    public var complaintRevisitDays: Int
    /// A stay is revisited on this day after check-out.
    public var stayRevisitDay: Int
    /// Arrivals are confirmed this many days ahead (1...2: one to two days before).
    public var arrivalDays: ClosedRange<Int>
    /// A rating at or below this is an opinion a department must answer.
    public var lowRating: Int
    /// Birthdays are on the list from this many days ahead through the day itself
    /// (`birthday-days`; 0: on the day only).
    public var birthdayDays: Int
    public var zone: HotelTimeZone

    public init(callbackRetryMinutes: Int = 60, callbackTries: Int = 3, callbackHours: (opens: TimeOfDay, closes: TimeOfDay)? = nil,
                complaintRevisitDays: Int = 3, stayRevisitDay: Int = 2, arrivalDays: ClosedRange<Int> = 1...2, lowRating: Int = 2,
                birthdayDays: Int = 7, zone: HotelTimeZone) {
        self.callbackRetryMinutes = callbackRetryMinutes
        self.callbackTries = callbackTries
        self.callbackHours = callbackHours
        self.complaintRevisitDays = complaintRevisitDays
        self.stayRevisitDay = stayRevisitDay
        self.arrivalDays = arrivalDays
        self.lowRating = lowRating
        self.birthdayDays = birthdayDays
        self.zone = zone
    }

    /// The end of local day `date` (the next midnight on the hotel's clock): "by Saturday"
    /// is due at the first instant of Sunday.
    public func endOfDay(_ date: CivilDate) -> WallTime {
        zone.wallTime(of: LocalMoment(date: date.adding(days: 1), time: TimeOfDay(hour: 0, minute: 0)!))
    }

    public func localDate(_ instant: WallTime) -> CivilDate { zone.localMoment(at: instant).date }

    /// When an unanswered callback tried at `instant` is due again: the retry interval
    /// later, moved to the next opening of the callback hours if that falls outside them.
    public func nextTry(after instant: WallTime) -> WallTime {
        let next = instant.adding(seconds: Double(callbackRetryMinutes * 60))
        guard let hours = callbackHours else { return next }
        let local = zone.localMoment(at: next)
        if local.time < hours.opens { return zone.wallTime(of: LocalMoment(date: local.date, time: hours.opens)) }
        if local.time > hours.closes { return zone.wallTime(of: LocalMoment(date: local.date.adding(days: 1), time: hours.opens)) }
        return next
    }
}
